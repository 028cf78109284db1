package io.mipgate.module.job;

/** Control and recovery work (reads that keep buffers flowing, reconciliation) goes ahead of user work. */
public enum JobPriority {
    CONTROL,
    USER
}
