package io.mipgate.api.problem;

import io.mipgate.domain.ModuleErrorCode;
import java.time.Duration;

/**
 * The one table from a module's error code to the problem the API answers, by what the code means for the client.
 * Every code of {@link ModuleErrorCode} has its row; the switch in {@link #of(Integer)} has no default, so a code
 * added to the catalogue does not compile until it is placed here.
 *
 * <table>
 * <caption>Module error codes and their problems</caption>
 * <tr><th>Codes</th><th>Meaning</th><th>Problem type</th><th>Status</th><th>Retry-After</th></tr>
 * <tr><td>550 unknown (on a send: the connection is gone), 551 not in use, 552 already in use, 553 not connected</td>
 *     <td>the connection is not in the state the request needs</td><td>state-conflict</td><td>409</td><td>-</td></tr>
 * <tr><td>3 operation not allowed, 4 not supported, 24 text too long, 25 invalid characters, 50 incorrect
 *     parameters, 577 IPv4/IPv6 not supported, plain {@code ERROR}</td>
 *     <td>the module refuses the request as given</td><td>module-refused</td><td>422</td><td>-</td></tr>
 * <tr><td>14 SIM busy, 576 port busy, 581 DNS busy, 582 PING busy</td>
 *     <td>the module is doing the same kind of work; retry shortly</td><td>module-busy</td><td>503</td>
 *     <td>2 s</td></tr>
 * <tr><td>10 SIM not inserted, 11 SIM PIN required, 13 SIM failure, 30 no network service, 570 PDP not activated,
 *     571 PDP activation failed, 572 PDP deactivation failed, 575 APN not configured</td>
 *     <td>the module has no cellular data service right now</td><td>network-unavailable</td><td>503</td>
 *     <td>10 s</td></tr>
 * <tr><td>31 network timeout, 557 connection refused, 558 connect timeout, 559 connect failed, 560 write error,
 *     561 read error, 562 accept error; an NB module's failed open ({@code +MIPOPEN: <id>,1}, no code)</td>
 *     <td>the network path or the remote peer failed</td><td>network-failure</td><td>502</td><td>-</td></tr>
 * <tr><td>580 DNS failed or malformed IP address</td><td>the name did not resolve</td><td>dns-failed</td>
 *     <td>502</td><td>-</td></tr>
 * <tr><td>0 phone failure, 20 memory full, 100 unknown, 554 socket create, 555 bind, 556 listen failed, any code
 *     outside the catalogue</td><td>the module itself failed</td><td>module-fault</td><td>502</td><td>-</td></tr>
 * </table>
 *
 * Busy and no-service answer 503 rather than 429: the client sent nothing wrong and nothing too often; the module
 * cannot serve the request now. Peer, DNS and module faults answer 502: the gateway worked, what is behind it did not.
 */
enum ModuleErrorProblem {
    CONNECTION_STATE(ProblemType.STATE_CONFLICT, null),
    REFUSED(ProblemType.MODULE_REFUSED, null),
    BUSY(ProblemType.MODULE_BUSY, Duration.ofSeconds(2)),
    NO_DATA_SERVICE(ProblemType.NETWORK_UNAVAILABLE, Duration.ofSeconds(10)),
    PEER_FAILURE(ProblemType.NETWORK_FAILURE, null),
    DNS_FAILURE(ProblemType.DNS_FAILED, null),
    MODULE_FAULT(ProblemType.MODULE_FAULT, null);

    private final ProblemType type;
    private final Duration retryAfter;

    ModuleErrorProblem(ProblemType type, Duration retryAfter) {
        this.type = type;
        this.retryAfter = retryAfter;
    }

    ProblemType type() {
        return type;
    }

    /** The {@code Retry-After} hint, null when retrying the same request soon would not help. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** The row of a module error code; null is a plain {@code ERROR}. */
    static ModuleErrorProblem of(Integer code) {
        if (code == null) {
            return REFUSED;
        }
        return ModuleErrorCode.of(code).map(ModuleErrorProblem::of).orElse(MODULE_FAULT);
    }

    private static ModuleErrorProblem of(ModuleErrorCode code) {
        return switch (code) {
            case TCPIP_UNKNOWN_ERROR, TCPIP_NOT_IN_USE, TCPIP_ALREADY_IN_USE, TCPIP_NOT_CONNECTED -> CONNECTION_STATE;
            case OPERATION_NOT_ALLOWED, OPERATION_NOT_SUPPORTED, TEXT_STRING_TOO_LONG, INVALID_CHARACTERS_IN_TEXT,
                 INCORRECT_PARAMETERS, IP_VERSION_NOT_SUPPORTED -> REFUSED;
            case SIM_BUSY, PORT_BUSY, DNS_BUSY, PING_BUSY -> BUSY;
            case SIM_NOT_INSERTED, SIM_PIN_REQUIRED, SIM_FAILURE, NO_NETWORK_SERVICE, PDP_NOT_ACTIVATED,
                 PDP_ACTIVATION_FAILED, PDP_DEACTIVATION_FAILED, APN_NOT_CONFIGURED -> NO_DATA_SERVICE;
            case NETWORK_TIMEOUT, SOCKET_CONNECTION_REFUSED, SOCKET_CONNECT_TIMEOUT, SOCKET_CONNECT_FAILED,
                 SOCKET_WRITE_ERROR, SOCKET_READ_ERROR, SOCKET_ACCEPT_ERROR -> PEER_FAILURE;
            case DNS_FAILED_OR_BAD_IP_FORMAT -> DNS_FAILURE;
            case PHONE_FAILURE, MEMORY_FULL, UNKNOWN, SOCKET_CREATE_FAILED, SOCKET_BIND_FAILED,
                 SOCKET_LISTEN_FAILED -> MODULE_FAULT;
        };
    }
}
