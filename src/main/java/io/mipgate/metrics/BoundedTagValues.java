package io.mipgate.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps an open-ended tag (AT command names, URC types) to a bounded set: values must look like a name, and after
 * {@code limit} distinct values every new one is reported as {@code other}. Raw AT from administrators cannot grow
 * the series count without bound.
 */
final class BoundedTagValues {

    static final String OTHER = "other";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+&$#%_.:\"-]{1,32}");

    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedTagValues(int limit) {
        this.limit = limit;
    }

    String of(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        if (seen.contains(value)) {
            return value;
        }
        if (!NAME.matcher(value).matches()) {
            return OTHER;
        }
        synchronized (seen) {
            if (seen.size() >= limit && !seen.contains(value)) {
                return OTHER;
            }
            seen.add(value);
        }
        return value;
    }
}
