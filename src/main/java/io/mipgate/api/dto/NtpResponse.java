package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code +MNTP: <result>[,"<time>"]}. */
@Schema(name = "NtpResponse")
public record NtpResponse(
        @Schema(example = "ntp1.aliyun.com") String server,
        @Schema(example = "0", description = "0 success, 1 DNS error, 2 timeout, 3 sync failed") int result,
        @Schema(example = "SUCCESS", allowableValues = {"SUCCESS", "DNS_ERROR", "TIMEOUT", "SYNC_FAILED"})
        String resultName,
        boolean succeeded,
        @Schema(example = "2025/01/01,12:00:00+32", description = "time as the module prints it") String time) {

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
