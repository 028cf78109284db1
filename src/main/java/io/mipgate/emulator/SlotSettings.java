package io.mipgate.emulator;

import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;

/** Per-id AT+MIPCFG and AT+MIPTKA values; they outlive connections and are lost on reboot (FIELD §2). */
final class SlotSettings {
    Integer cid;
    SendFormat sendFormat = SendFormat.ASCII;
    RecvFormat recvFormat = RecvFormat.ASCII;
    int sendTimeoutSeconds = AllFamilies.SEND_TIMEOUT_DEFAULT;
    int autofree;
    int rcvbuf;
    int ackmode;
    int sslEnable;
    int sslId;
    boolean keepAlive;
    int keepIdle;
    int keepInterval;
    int keepCount = AllFamilies.KEEPCOUNT_DEFAULT;

    SlotSettings(ModelFacts model) {
        rcvbuf = model.receive().udpRcvbufDefault();
        keepIdle = model.keepAlive().keepIdleDefault();
        keepInterval = model.keepAlive().keepIntervalDefault();
    }
}
