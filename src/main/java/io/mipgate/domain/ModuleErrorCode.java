package io.mipgate.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The error catalogue: the TCP/IP codes 550–582 of the manual's appendix and the 3GPP TS 27.007 codes modules answer
 * to generic faults, each with a stable name used in logs, metrics and API problems.
 */
public enum ModuleErrorCode {
    PHONE_FAILURE(0, "phone failure"),
    OPERATION_NOT_ALLOWED(3, "operation not allowed"),
    OPERATION_NOT_SUPPORTED(4, "operation not supported"),
    SIM_NOT_INSERTED(10, "SIM not inserted"),
    SIM_PIN_REQUIRED(11, "SIM PIN required"),
    SIM_FAILURE(13, "SIM failure"),
    SIM_BUSY(14, "SIM busy"),
    MEMORY_FULL(20, "memory full"),
    TEXT_STRING_TOO_LONG(24, "text string too long"),
    INVALID_CHARACTERS_IN_TEXT(25, "invalid characters in text string"),
    NO_NETWORK_SERVICE(30, "no network service"),
    NETWORK_TIMEOUT(31, "network timeout"),
    INCORRECT_PARAMETERS(50, "incorrect parameters"),
    UNKNOWN(100, "unknown"),
    TCPIP_UNKNOWN_ERROR(550, "TCP/IP unknown error"),
    TCPIP_NOT_IN_USE(551, "TCP/IP connection not in use"),
    TCPIP_ALREADY_IN_USE(552, "TCP/IP connection already in use"),
    TCPIP_NOT_CONNECTED(553, "TCP/IP not connected"),
    SOCKET_CREATE_FAILED(554, "socket creation failed"),
    SOCKET_BIND_FAILED(555, "socket bind failed"),
    SOCKET_LISTEN_FAILED(556, "socket listen failed"),
    SOCKET_CONNECTION_REFUSED(557, "socket connection refused"),
    SOCKET_CONNECT_TIMEOUT(558, "socket connection timed out"),
    SOCKET_CONNECT_FAILED(559, "socket connection failed"),
    SOCKET_WRITE_ERROR(560, "socket write error"),
    SOCKET_READ_ERROR(561, "socket read error"),
    SOCKET_ACCEPT_ERROR(562, "socket accept error"),
    PDP_NOT_ACTIVATED(570, "PDP context not activated"),
    PDP_ACTIVATION_FAILED(571, "PDP activation failed"),
    PDP_DEACTIVATION_FAILED(572, "PDP deactivation failed"),
    APN_NOT_CONFIGURED(575, "APN not configured"),
    PORT_BUSY(576, "port busy"),
    IP_VERSION_NOT_SUPPORTED(577, "IPv4/IPv6 not supported"),
    DNS_FAILED_OR_BAD_IP_FORMAT(580, "DNS resolution failed or malformed IP address"),
    DNS_BUSY(581, "DNS busy"),
    PING_BUSY(582, "PING busy");

    private static final Map<Integer, ModuleErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ModuleErrorCode error : values()) {
            BY_CODE.put(error.code, error);
        }
    }

    private final int code;
    private final String meaning;

    ModuleErrorCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ModuleErrorCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The stable name of a numeric code, {@code CME_<n>} for codes outside the catalogue. */
    public static String nameOf(int code) {
        return of(code).map(Enum::name).orElse("CME_" + code);
    }

    /** The meaning of a numeric code, or "unknown error <n>". */
    public static String meaningOf(int code) {
        return of(code).map(ModuleErrorCode::meaning).orElse("unknown error " + code);
    }
}
