package io.mipgate.module;

/** How an AT job ended, for the job log and the latency histogram. */
public enum JobOutcome {
    OK,
    /** Plain {@code ERROR}. */
    ERROR,
    /** {@code +CME/+CMS/+CIS ERROR: <n>}. */
    CME_ERROR,
    /** No final result (or async result) within the command's own deadline. */
    TIMEOUT,
    CANCELLED,
    /** The link went away while the job was queued or in flight. */
    LINK_LOST,
    /** Refused by validation or by the module's state before anything was written. */
    REJECTED
}
