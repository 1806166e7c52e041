package org.cdcpipeline.notifier.sink;

import java.time.Duration;
import java.util.Optional;

/** A post that did not go through, and whether trying again may help. */
public final class DeliveryFailure extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryFailure(String reason, boolean retryable, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A 5xx, a time-out, a connection refused: worth another try after a back-off. */
    public static DeliveryFailure retryable(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, null, cause);
    }

    /** A 429: try again, but not before the server said. */
    public static DeliveryFailure rateLimited(Duration retryAfter) {
        return new DeliveryFailure("rate limited (429), Retry-After " + retryAfter.toSeconds() + " s", true, retryAfter, null);
    }

    /** Refused for good (bad token, unknown channel, invalid blocks): retrying would fail the same way. */
    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, false, null, null);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** Set for a 429 only. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
