package io.mipgate.module.request;

import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import java.util.Objects;

/** One per-connection option of the module's TCP/IP stack (AT+MIPCFG), as an operator sets it. */
public sealed interface ConnectionSetting {

    MipCfgOption option();

    int connectId();

    /** The PDP context the connection uses. */
    record PdpContext(int connectId, int cid) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.CID;
        }
    }

    /** Inline send format and receive format; the module takes them only together. */
    record Encoding(int connectId, SendFormat sendFormat, RecvFormat recvFormat) implements ConnectionSetting {
        public Encoding {
            Objects.requireNonNull(sendFormat, "sendFormat");
            Objects.requireNonNull(recvFormat, "recvFormat");
        }

        @Override
        public MipCfgOption option() {
            return MipCfgOption.ENCODING;
        }
    }

    /** Seconds allowed for typing data after the send prompt. */
    record SendTimeout(int connectId, int seconds) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.TIMEOUT;
        }
    }

    /** Whether an abnormal disconnection waits for the host to release the connection. */
    record AutoFree(int connectId, boolean hostReleases) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.AUTOFREE;
        }
    }

    record SendBuffer(int connectId, int bytes) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.SNDBUF;
        }
    }

    /** The receive buffer of the buffer access modes; only UDP honours it. */
    record ReceiveBuffer(int connectId, int bytes) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.RCVBUF;
        }
    }

    /** Whether the module reports TCP acknowledgements as they arrive. */
    record AckMode(int connectId, boolean enabled) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.ACKMODE;
        }
    }

    /** TLS switch and SSL context; the module takes them only together. */
    record Ssl(int connectId, boolean enabled, int sslId) implements ConnectionSetting {
        @Override
        public MipCfgOption option() {
            return MipCfgOption.SSL;
        }
    }
}
