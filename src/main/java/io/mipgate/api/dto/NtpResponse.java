package io.mipgate.api.dto;

import io.mipgate.domain.ModuleTime;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** {@code +MNTP: <result>[,"<time>"]}. */
@Schema(name = "NtpResponse")
public record NtpResponse(
        @Schema(example = "ntp1.aliyun.com") String server,
        @Schema(example = "0", description = "0 success, 1 DNS error, 2 timeout, 3 sync failed") int result,
        @Schema(example = "SUCCESS", allowableValues = {"SUCCESS", "DNS_ERROR", "TIMEOUT", "SYNC_FAILED"})
        String resultName,
        boolean succeeded,
        @Schema(example = "2026-01-01T12:00:00+08:00", description = "the synchronised time, ISO-8601 with the"
                + " module's offset") OffsetDateTime time,
        @Schema(example = "26/01/01,12:00:00+32", description = "the time as the module printed it")
        String moduleTime) {

    public NtpResponse(String server, int result, boolean succeeded, String moduleTime) {
        this(server, result, resultName(result), succeeded, ModuleTime.parse(moduleTime).orElse(null), moduleTime);
    }

    public static String resultName(int result) {
        return switch (result) {
            case 0 -> "SUCCESS";
            case 1 -> "DNS_ERROR";
            case 2 -> "TIMEOUT";
            case 3 -> "SYNC_FAILED";
            default -> "RESULT_" + result;
        };
    }
}
