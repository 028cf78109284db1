package io.mipgate.at.command;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;

/** Parameter checks shared by the encoders. Every failure names the parameter, the value, the range and the model. */
final class Params {

    private Params() {
    }

    static int connectId(ModelProfile profile, int id) {
        return inRange(profile, "<connect_id>", id, profile.connectIds());
    }

    static int inRange(ModelProfile profile, String parameter, int value, IntRange range) {
        if (!range.contains(value)) {
            throw new InvalidParameterException(parameter, value, range.min() + ".." + range.max(),
                    profile == null ? null : profile.name());
        }
        return value;
    }

    static Integer optionalInRange(ModelProfile profile, String parameter, Integer value, IntRange range) {
        return value == null ? null : inRange(profile, parameter, value, range);
    }

    static void require(ModelProfile profile, boolean supported, String feature) {
        if (!supported) {
            throw new UnsupportedOnModelException(feature, profile.name());
        }
    }

    /**
     * A string that goes between double quotes on the command line: host names, addresses, domains, NTP servers.
     * Quotes, CR, LF and every other control or non-ASCII character are refused, so no parameter can end the string
     * or the command early and inject another one.
     */
    static String quotable(String parameter, String value, int maxLength, boolean allowEmpty) {
        if (value == null) {
            throw new InvalidParameterException(parameter, "null", "a string", null);
        }
        if (value.isEmpty() && !allowEmpty) {
            throw new InvalidParameterException(parameter, "\"\"", "a non-empty string", null);
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(parameter, value, "at most " + maxLength + " characters", null);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"') {
                throw new InvalidParameterException(parameter, value,
                        "printable ASCII without '\"' (character " + i + " is not)", null);
            }
        }
        return value;
    }
}
