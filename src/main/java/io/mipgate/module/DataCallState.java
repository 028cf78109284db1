package io.mipgate.module;

/**
 * PDP context the module's sockets use, as last read from the module (FIELD-NOTES §5).
 *
 * @param cid     the context, 1 on every field module
 * @param known   false until the gateway has read the state (or when the model does not answer AT+MIPCALL?)
 * @param active  whether the context is up; sockets, lookups and pings need it
 * @param address the module's IP address on the context, null while it is down
 * @param apn     the APN the gateway configured, null when the SIM's is used
 */
public record DataCallState(int cid, boolean known, boolean active, String address, String apn) {

    public static final int DEFAULT_CID = 1;

    public static DataCallState unknown(String apn) {
        return new DataCallState(DEFAULT_CID, false, false, null, apn);
    }
}
