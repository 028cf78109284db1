package io.mipgate.at.command;

/** The thirteen extended commands of the TCP/IP set, with the prefix of their information lines. */
public enum TcpIpCommand {
    MIPCFG("AT+MIPCFG", "+MIPCFG"),
    MIPTKA("AT+MIPTKA", "+MIPTKA"),
    MIPOPEN("AT+MIPOPEN", "+MIPOPEN"),
    MIPCLOSE("AT+MIPCLOSE", "+MIPCLOSE"),
    MIPSEND("AT+MIPSEND", "+MIPSEND"),
    MIPRD("AT+MIPRD", "+MIPRD"),
    MIPMODE("AT+MIPMODE", "+MIPMODE"),
    MIPSTATE("AT+MIPSTATE", "+MIPSTATE"),
    MIPSACK("AT+MIPSACK", "+MIPSACK"),
    MDNSCFG("AT+MDNSCFG", "+MDNSCFG"),
    MDNSGIP("AT+MDNSGIP", "+MDNSGIP"),
    MPING("AT+MPING", "+MPING"),
    MNTP("AT+MNTP", "+MNTP");

    private final String command;
    private final String prefix;

    TcpIpCommand(String command, String prefix) {
        this.command = command;
        this.prefix = prefix;
    }

    /** E.g. {@code AT+MIPOPEN}. */
    public String command() {
        return command;
    }

    /** E.g. {@code +MIPOPEN}. */
    public String prefix() {
        return prefix;
    }

    /** Every command but AT+MIPSTATE documents a test form (AT-REFERENCE §2.8.1). */
    public boolean hasTestForm() {
        return this != MIPSTATE;
    }
}
