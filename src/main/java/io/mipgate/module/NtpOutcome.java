package io.mipgate.module;

/** {@code +MNTP: <result>[,"<time>"]}: 0 success with the module-format time; 1 DNS error, 2 timeout, 3 sync failed. */
public record NtpOutcome(int result, String time) {

    public boolean succeeded() {
        return result == 0;
    }
}
