package io.mipgate.at.command;

import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Set;

/** The general commands a driver needs around the TCP/IP set: probe, echo, identity, error verbosity, reboot. */
public final class Basic {

    private Basic() {
    }

    /** {@code AT}: the liveness probe, with a short timeout of its own so probing a dead line fails fast. */
    public record Attention(Duration timeout) implements AtCommand {

        public Attention() {
            this(Duration.ofSeconds(1));
        }

        @Override
        public Duration responseTimeout(ModelProfile profile) {
            return timeout;
        }

        @Override
        public String name() {
            return "AT";
        }

        @Override
        public Form form() {
            return Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated("AT");
        }
    }

    /** {@code ATE0} / {@code ATE1}. */
    public record Echo(boolean on) implements AtCommand {
        @Override
        public String name() {
            return on ? "ATE1" : "ATE0";
        }

        @Override
        public Form form() {
            return Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(name());
        }
    }

    /** {@code ATI}: manufacturer, model and revision as bare lines. */
    public record Identify() implements AtCommand {
        @Override
        public String name() {
            return "ATI";
        }

        @Override
        public Form form() {
            return Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated("ATI");
        }

        @Override
        public ResponseShape response() {
            return ResponseShape.TEXT;
        }
    }

    /** {@code AT+CGMR}: the firmware revision as a bare line, e.g. {@code ML307R-DL-MBRH0S01}. */
    public record FirmwareRevision() implements AtCommand {
        @Override
        public String name() {
            return "AT+CGMR";
        }

        @Override
        public Form form() {
            return Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated("AT+CGMR");
        }

        @Override
        public ResponseShape response() {
            return new ResponseShape(Set.of("+CGMR"), false, true);
        }
    }

    /**
     * {@code AT+CGSN} answers the product serial number as a bare line; {@code AT+CGSN=1} answers
     * {@code +CGSN: <imei>} (FIELD-NOTES §4).
     */
    public record SerialNumber(boolean imei) implements AtCommand {
        @Override
        public String name() {
            return "AT+CGSN";
        }

        @Override
        public Form form() {
            return imei ? Form.SET : Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated(imei ? "AT+CGSN=1" : "AT+CGSN");
        }

        @Override
        public ResponseShape response() {
            return new ResponseShape(Set.of("+CGSN"), false, true);
        }
    }

    /** {@code AT+CMEE=<n>}: 0 plain ERROR, 1 numeric codes, 2 text. */
    public record ErrorReporting(int level) implements AtCommand {
        private static final IntRange LEVELS = IntRange.of(0, 2);

        @Override
        public String name() {
            return "AT+CMEE";
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.set("AT+CMEE").number(Params.inRange(profile, "<n>", level, LEVELS)).encode();
        }
    }

    /** {@code AT+MREBOOT}: answers OK, prints REBOOTING, then boots again (FIELD-NOTES §2). */
    /**
     * {@code AT+IPR=<rate>}: sets the module's UART rate. The module answers {@code OK} at the old rate and switches
     * right after it; the rate survives a reset (FIELD-NOTES §2, §13; outside the TCP/IP manual).
     */
    public record LineRate(int rate) implements AtCommand {

        public LineRate {
            if (rate <= 0) {
                throw new IllegalArgumentException("a line rate is a positive number of baud: " + rate);
            }
        }

        @Override
        public String name() {
            return "AT+IPR";
        }

        @Override
        public Form form() {
            return Form.SET;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.set("AT+IPR").number(rate).encode();
        }
    }

    public record Reboot() implements AtCommand {
        @Override
        public String name() {
            return "AT+MREBOOT";
        }

        @Override
        public Form form() {
            return Form.EXECUTE;
        }

        @Override
        public byte[] encode(ModelProfile profile) {
            return CommandLine.terminated("AT+MREBOOT");
        }
    }
}
