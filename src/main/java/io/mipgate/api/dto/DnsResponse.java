package io.mipgate.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The addresses the module resolved. */
@Schema(name = "DnsResponse")
public record DnsResponse(@Schema(example = "iot.10086.cn") String domain,
                          @Schema(example = "[\"183.230.40.127\"]") List<String> addresses) {
}
