package io.mipgate.emulator;

import java.time.Duration;
import java.util.HexFormat;

/**
 * One-line text commands that drive a {@link FaultInjector} (the standalone emulator's admin port). Returns the
 * answer line: {@code ok} or {@code error: ...}.
 */
public final class AdminCommands {

    static final String HELP = "commands: reboot | drop | cme <code> <count> | garbage <hex> | text <chars> | "
            + "urc <line> | urc-next <line> | delay <ms> | swallow | reset <id> | baud <rate> | line-rate <rate> | "
            + "late-close <ms> | "
            + "stale-disconn <id> [state] | first-dns <code> | drop-data-call | network <lost|back> | sockets <n> | "
            + "signal <rssi_dbm>|none [<rsrp_dbm> <rsrq_db>] | register home|roaming|searching|denied|none|<stat> | "
            + "sim missing|present";

    private final FaultInjector faults;

    public AdminCommands(FaultInjector faults) {
        this.faults = faults;
    }

    public String execute(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String verb = space < 0 ? trimmed : trimmed.substring(0, space);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        String[] args = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        try {
            switch (verb) {
                case "reboot" -> faults.reboot();
                case "drop" -> faults.dropAttachment();
                case "cme" -> faults.failNextCommands(Integer.parseInt(args[0]),
                        args.length > 1 ? Integer.parseInt(args[1]) : 1);
                case "garbage" -> faults.injectBytes(HexFormat.of().parseHex(rest.replace(" ", "")));
                case "text" -> faults.injectText(rest);
                case "urc" -> faults.emitUrc(rest);
                case "urc-next" -> faults.injectUrcInNextResponse(rest);
                case "delay" -> faults.delayNextResponse(Duration.ofMillis(Long.parseLong(args[0])));
                case "swallow" -> faults.swallowNextResponse();
                case "reset" -> faults.resetConnection(Integer.parseInt(args[0]));
                case "baud" -> faults.setBaudRate(Integer.parseInt(args[0]));
                case "line-rate" -> faults.setLineRate(Integer.parseInt(args[0]));
                case "late-close" -> faults.delayNextCloseUrc(Duration.ofMillis(Long.parseLong(args[0])));
                case "stale-disconn" -> faults.emitStaleDisconn(Integer.parseInt(args[0]),
                        args.length > 1 ? Integer.parseInt(args[1]) : 1);
                case "first-dns" -> faults.failFirstDnsAfterBoot(Integer.parseInt(args[0]));
                case "drop-data-call" -> faults.dropDataCall();
                case "network" -> faults.networkLost(args[0].equals("lost"));
                case "sockets" -> faults.limitSockets(Integer.parseInt(args[0]));
                case "signal" -> signal(args);
                case "register" -> faults.network().registration(registration(args[0]));
                case "sim" -> faults.network().sim(switch (args[0]) {
                    case "missing" -> null;
                    case "present" -> NetworkConditions.DEFAULT_SIM;
                    default -> throw new IllegalArgumentException("sim missing|present, not " + args[0]);
                });
                case "help", "" -> {
                    return HELP;
                }
                default -> {
                    return "error: unknown command '" + verb + "'; " + HELP;
                }
            }
            return "ok";
        } catch (RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    private void signal(String[] args) {
        NetworkConditions.Signal now = faults.network().signal();
        Integer rssi = args[0].equals("none") ? null : Integer.parseInt(args[0]);
        int rsrp = args.length > 1 ? Integer.parseInt(args[1]) : now.rsrpDbm();
        double rsrq = args.length > 2 ? Double.parseDouble(args[2]) : now.rsrqDb();
        faults.network().signal(new NetworkConditions.Signal(rssi, rsrp, rsrq));
    }

    private static int registration(String verdict) {
        return switch (verdict) {
            case "home" -> 1;
            case "roaming" -> 5;
            case "searching" -> 2;
            case "denied" -> 3;
            case "none" -> 0;
            default -> Integer.parseInt(verdict);
        };
    }
}
