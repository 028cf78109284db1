package io.mipgate.at.command;

import java.util.Set;

/**
 * What a command's answer looks like, so the decoder can tell its information lines from URCs that happen to arrive
 * at the same time (STYLE §4).
 *
 * @param informationPrefixes prefixes of information lines that belong to this command, e.g. {@code +MIPSTATE}
 * @param prompt              the module answers with the {@code >} data prompt before the final result
 * @param textLines           bare lines without a prefix belong to the answer (ATI, AT+CGMR, AT+CGSN)
 */
public record ResponseShape(Set<String> informationPrefixes, boolean prompt, boolean textLines) {

    public static final ResponseShape FINAL_ONLY = new ResponseShape(Set.of(), false, false);
    public static final ResponseShape TEXT = new ResponseShape(Set.of(), false, true);

    public ResponseShape {
        informationPrefixes = Set.copyOf(informationPrefixes);
    }

    public static ResponseShape lines(String prefix) {
        return new ResponseShape(Set.of(prefix), false, false);
    }

    public static ResponseShape prompted(String prefix) {
        return new ResponseShape(Set.of(prefix), true, false);
    }
}
