package io.mipgate.module;

import java.util.List;

/** The full answer to an administrator's raw command: every line and the final result as the module printed it. */
public record RawResponse(List<String> lines, String result, boolean ok) {
}
