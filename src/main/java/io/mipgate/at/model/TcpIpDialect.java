package io.mipgate.at.model;

/**
 * Which TCP/IP output a family's firmware prints (FIELD-NOTES §14). The driver decodes both whatever the family, as
 * field firmware may differ from its family's usual; the profile's dialect says what to budget for.
 */
public enum TcpIpDialect {

    /**
     * The manual V5.0.0: {@code +MIPOPEN: <id>,<result>}, {@code +MIPSEND: <id>,<len>} then {@code OK},
     * {@code +MIPURC: "rtcp",<id>,<len>,<data>}, {@code +MIPURC: "disconn",...}, {@code OK} then
     * {@code +MIPCLOSE: <id>}, {@code OK} then {@code +MDNSGIP: "<name>","<ip>"}.
     */
    V5_MANUAL(false),

    /**
     * The older ML302 / ML305 output that China Mobile's own OneOS, RT-Thread and TobudOS drive:
     * {@code <id>,CONNECT OK|FAIL} after the {@code OK} of AT+MIPOPEN, {@code <id>,SEND OK} instead of {@code OK} after
     * the prompted bytes, {@code +MIPURC: "recv",<id>,<len>} CR LF and {@code <len>} raw bytes,
     * {@code +MIPURC: "STATE",<id>,<n>} and {@code <id>,CLOSED} when the peer goes, {@code <id>,CLOSE OK} instead of
     * {@code OK} for AT+MIPCLOSE once the connection is closed, and {@code +MDNSGIP: 0,"<name>","<ip>"} or
     * {@code +MDNSGIP: 1,<err>} before the {@code OK} of AT+MDNSGIP.
     */
    ML30X_LEGACY(true);

    private final boolean resultsEndCommands;

    TcpIpDialect(boolean resultsEndCommands) {
        this.resultsEndCommands = resultsEndCommands;
    }

    /**
     * Whether AT+MIPCLOSE and AT+MDNSGIP answer only once their outcome is known (the legacy dialect), so that their
     * final result may take as long as the close or the lookup itself, not a command's usual few seconds.
     */
    public boolean resultsEndCommands() {
        return resultsEndCommands;
    }
}
