package io.mipgate.module.request;

/**
 * What callers of a module may ask of its model, without the protocol's model profile: enough to tell a missing
 * resource or an unsupported feature from a request worth queueing.
 *
 * @param model          the model family's display name, e.g. {@code ML307R}
 * @param minConnectId   lowest connect_id
 * @param maxConnectId   highest connect_id
 * @param transparent    whether the transparent access mode exists
 * @param sack           whether the ACK status of sent data can be read
 * @param raiOnUdp       whether a UDP send may carry a release-assistance indication
 * @param sendSequence   whether a UDP send may carry a sequence number
 * @param defaultNtpServer the server the module queries when none is given
 */
public record ModuleCapabilities(String model, int minConnectId, int maxConnectId, boolean transparent, boolean sack,
                                 boolean raiOnUdp, boolean sendSequence, String defaultNtpServer) {

    public boolean hasConnectId(int connectId) {
        return connectId >= minConnectId && connectId <= maxConnectId;
    }

    /** The range as operators read it, e.g. {@code 0..5}. */
    public String connectIdRange() {
        return minConnectId + ".." + maxConnectId;
    }
}
