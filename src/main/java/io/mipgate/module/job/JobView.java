package io.mipgate.module.job;

import java.time.Instant;

/**
 * What an operator sees of one job of a module.
 *
 * @param command   the AT command or operation name, never its payload
 * @param state     QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param error     why a FAILED job failed
 */
public record JobView(long id, String command, JobPriority priority, String state, Instant queuedAt,
                      Instant startedAt, Instant finishedAt, String error) {
}
