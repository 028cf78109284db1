package io.mipgate.transport;

import java.io.ByteArrayOutputStream;

/**
 * The part of Telnet that a serial server speaks with RFC 2217 (ser2net {@code telnet(rfc2217)}, Moxa "RFC 2217"
 * mode): data bytes with {@code 0xFF} doubled, option negotiation, and the COM-PORT-OPTION subnegotiation that sets
 * the server's line rate. Both ends use it: {@link TcpLink} as the client, the emulator's TCP attachment as the
 * server. Only SET-BAUDRATE is spoken; every other option is refused, as RFC 2217 allows.
 */
public final class TelnetComPort {

    public static final int IAC = 255;
    public static final int DONT = 254;
    public static final int DO = 253;
    public static final int WONT = 252;
    public static final int WILL = 251;
    public static final int SB = 250;
    public static final int SE = 240;
    /** Transmit binary (RFC 856): without it a Telnet peer may turn CR into CR NUL, so both ends ask for it. */
    public static final int BINARY = 0;
    public static final int COM_PORT_OPTION = 44;
    /** Client to server; the server answers with {@link #SERVER_OFFSET} added. */
    public static final int SET_BAUDRATE = 1;
    public static final int SERVER_OFFSET = 100;

    /** What a decoder hands on besides data. */
    public interface Commands {
        /** {@code IAC <verb> <option>}: a negotiation (WILL, WONT, DO, DONT). */
        void negotiation(int verb, int option);

        /** {@code IAC SB <option> <payload> IAC SE}, the payload unescaped. */
        void subnegotiation(int option, byte[] payload);
    }

    private TelnetComPort() {
    }

    /** {@code bytes} as Telnet data: every {@code 0xFF} doubled. */
    public static byte[] escape(byte[] bytes, int offset, int length) {
        int extra = 0;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == (byte) IAC) {
                extra++;
            }
        }
        if (extra == 0) {
            return java.util.Arrays.copyOfRange(bytes, offset, offset + length);
        }
        byte[] out = new byte[length + extra];
        int o = 0;
        for (int i = offset; i < offset + length; i++) {
            out[o++] = bytes[i];
            if (bytes[i] == (byte) IAC) {
                out[o++] = bytes[i];
            }
        }
        return out;
    }

    /** {@code IAC <verb> <option>}. */
    public static byte[] negotiation(int verb, int option) {
        return new byte[] {(byte) IAC, (byte) verb, (byte) option};
    }

    /** {@code IAC SB COM-PORT-OPTION <command> <rate, 4 bytes big-endian, escaped> IAC SE}. */
    public static byte[] setBaudrate(int command, int rate) {
        byte[] value = {(byte) (rate >>> 24), (byte) (rate >>> 16), (byte) (rate >>> 8), (byte) rate};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) IAC, (byte) SB, (byte) COM_PORT_OPTION, (byte) command});
        out.writeBytes(escape(value, 0, value.length));
        out.writeBytes(new byte[] {(byte) IAC, (byte) SE});
        return out.toByteArray();
    }

    /** The rate of a SET-BAUDRATE payload ({@code <command> <4 bytes>}), or -1 when it is not one. */
    public static int baudrate(byte[] payload) {
        if (payload.length != 5) {
            return -1;
        }
        return (payload[1] & 0xFF) << 24 | (payload[2] & 0xFF) << 16 | (payload[3] & 0xFF) << 8 | payload[4] & 0xFF;
    }

    /**
     * One end's option negotiation, loop-free in the way of RFC 1143: a request is answered only when it changes the
     * option's state, so two ends that both ask never echo each other forever.
     */
    public static final class Options {
        private final java.util.Set<Integer> supportedHere;
        private final java.util.Set<Integer> supportedThere;
        private final java.util.Set<Integer> enabledHere = new java.util.HashSet<>();
        private final java.util.Set<Integer> enabledThere = new java.util.HashSet<>();
        private final java.util.function.Consumer<byte[]> send;

        /**
         * @param supportedHere  options this end performs (answers DO with WILL)
         * @param supportedThere options this end lets the other end perform (answers WILL with DO)
         * @param send           writes a negotiation to the other end
         */
        public Options(java.util.Set<Integer> supportedHere, java.util.Set<Integer> supportedThere,
                       java.util.function.Consumer<byte[]> send) {
            this.supportedHere = java.util.Set.copyOf(supportedHere);
            this.supportedThere = java.util.Set.copyOf(supportedThere);
            this.send = send;
        }

        /** Offers {@code option} from this end ({@code WILL}). */
        public synchronized void offer(int option) {
            if (enabledHere.add(option)) {
                send.accept(negotiation(WILL, option));
            }
        }

        /** Asks the other end to perform {@code option} ({@code DO}). */
        public synchronized void ask(int option) {
            if (enabledThere.add(option)) {
                send.accept(negotiation(DO, option));
            }
        }

        public synchronized void received(int verb, int option) {
            switch (verb) {
                case DO -> {
                    if (!supportedHere.contains(option)) {
                        send.accept(negotiation(WONT, option));
                    } else if (enabledHere.add(option)) {
                        send.accept(negotiation(WILL, option));
                    }
                }
                case DONT -> {
                    if (enabledHere.remove(option)) {
                        send.accept(negotiation(WONT, option));
                    }
                }
                case WILL -> {
                    if (!supportedThere.contains(option)) {
                        send.accept(negotiation(DONT, option));
                    } else if (enabledThere.add(option)) {
                        send.accept(negotiation(DO, option));
                    }
                }
                case WONT -> {
                    if (enabledThere.remove(option)) {
                        send.accept(negotiation(DONT, option));
                    }
                }
                default -> throw new IllegalArgumentException("not a negotiation verb: " + verb);
            }
        }
    }

    /**
     * A push decoder of a Telnet byte stream: data bytes are written back into the caller's buffer, commands go to
     * {@link Commands}. Any chunking works: state carries over between calls.
     */
    public static final class Decoder {
        private enum State { DATA, IAC, VERB, SB_OPTION, SB, SB_IAC }

        private final Commands commands;
        private State state = State.DATA;
        private int verb;
        private int option;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        public Decoder(Commands commands) {
            this.commands = commands;
        }

        /** Decodes {@code buffer[offset, offset+length)} in place; returns how many data bytes now start at offset. */
        public int decode(byte[] buffer, int offset, int length) {
            int out = offset;
            for (int i = offset; i < offset + length; i++) {
                int b = buffer[i] & 0xFF;
                switch (state) {
                    case DATA -> {
                        if (b == IAC) {
                            state = State.IAC;
                        } else {
                            buffer[out++] = (byte) b;
                        }
                    }
                    case IAC -> {
                        switch (b) {
                            case IAC -> {
                                buffer[out++] = (byte) IAC;
                                state = State.DATA;
                            }
                            case WILL, WONT, DO, DONT -> {
                                verb = b;
                                state = State.VERB;
                            }
                            case SB -> state = State.SB_OPTION;
                            default -> state = State.DATA; // NOP, GA, BRK, …: nothing for a serial line
                        }
                    }
                    case VERB -> {
                        state = State.DATA;
                        commands.negotiation(verb, b);
                    }
                    case SB_OPTION -> {
                        option = b;
                        payload.reset();
                        state = State.SB;
                    }
                    case SB -> {
                        if (b == IAC) {
                            state = State.SB_IAC;
                        } else {
                            payload.write(b);
                        }
                    }
                    case SB_IAC -> {
                        if (b == IAC) {
                            payload.write(IAC);
                            state = State.SB;
                        } else {
                            state = State.DATA; // SE, or a broken subnegotiation ended by any other command
                            commands.subnegotiation(option, payload.toByteArray());
                        }
                    }
                }
            }
            return out - offset;
        }
    }
}
