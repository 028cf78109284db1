package io.mipgate.module.request;

import java.util.Locale;
import java.util.Optional;

/**
 * Which administrator-typed command lines would change state the driver owns. Test ({@code =?}) and read ({@code ?})
 * forms, and query forms that take only an id, change nothing and stay allowed.
 */
public final class RawCommandPolicy {

    private RawCommandPolicy() {
    }

    /** The driver-owned operation the line would perform, or empty when the driver may let it through. */
    public static Optional<DriverOperation> driverOperation(String line) {
        String command = line.toUpperCase(Locale.ROOT).replace(" ", "");
        if (command.endsWith("?")) {
            return Optional.empty();
        }
        return Optional.ofNullable(extended(command)).or(() -> Optional.ofNullable(basic(command)));
    }

    private static DriverOperation extended(String command) {
        if (command.startsWith("AT+MIPMODE=") && fields(command) >= 2) {
            return DriverOperation.SET_ACCESS_MODE;
        }
        // "<option>" and "<option>",<id> read the option back; a third field sets it
        if (command.startsWith("AT+MIPCFG=") && fields(command) >= 3) {
            return DriverOperation.CONFIGURE_CONNECTION;
        }
        if (command.startsWith("AT+MIPOPEN")) {
            return DriverOperation.OPEN_CONNECTION;
        }
        if (command.startsWith("AT+MIPCLOSE")) {
            return DriverOperation.CLOSE_CONNECTION;
        }
        // AT+MIPRD=<id> only counts what is buffered; a length takes the data
        if (command.startsWith("AT+MIPRD=") && fields(command) >= 2) {
            return DriverOperation.READ_DATA;
        }
        if (command.startsWith("AT+MREBOOT") || command.startsWith("AT+CFUN=") && fields(command) >= 2
                && command.substring(command.indexOf(',') + 1).equals("1")) {
            return DriverOperation.REBOOT;
        }
        // the driver activates the data call at start-up and after a loss; it would not know of one ended by hand
        if (command.startsWith("AT+MIPCALL=") || command.startsWith("AT+CGACT=") || command.startsWith("AT+CGATT=")) {
            return DriverOperation.DATA_CALL;
        }
        if (command.startsWith("AT+CMEE") && !command.equals("AT+CMEE=1") || command.startsWith("AT+IPR=")) {
            return DriverOperation.LINE_SETTINGS;
        }
        return null;
    }

    /** ATE0, ATV1 and ATQ0 are what the driver sets itself; ATZ and AT&amp;F would undo them. */
    private static DriverOperation basic(String command) {
        boolean changesLine = switch (command) {
            case "ATE0", "ATV1", "ATQ0" -> false;
            default -> command.startsWith("ATE") || command.startsWith("ATV") || command.startsWith("ATQ")
                    || command.startsWith("ATZ") || command.startsWith("AT&F");
        };
        return changesLine ? DriverOperation.LINE_SETTINGS : null;
    }

    private static int fields(String command) {
        return command.substring(command.indexOf('=') + 1).split(",", -1).length;
    }
}
