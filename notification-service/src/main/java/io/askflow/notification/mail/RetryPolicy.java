package io.askflow.notification.mail;

import java.time.Duration;

/**
 * Exponential back-off with jitter for transient SMTP failures, so a recovering server is not hit by every
 * waiting mail at the same instant.
 *
 * @param initialInterval wait after the first failed attempt
 * @param maxInterval     longest wait between two attempts
 * @param multiplier      growth of the wait per attempt
 * @param jitter          share of each wait that is random (0: none, 0.5: between half and all of it)
 * @param giveUpAfter     how long after the request a mail is retried before it is given up
 */
public record RetryPolicy(Duration initialInterval, Duration maxInterval, Double multiplier, Double jitter,
                          Duration giveUpAfter) {

    public RetryPolicy {
        initialInterval = initialInterval == null ? Duration.ofSeconds(30) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofMinutes(30) : maxInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
        jitter = jitter == null ? 0.5 : Math.min(1.0, Math.max(0.0, jitter));
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
    }

    /** Every setting at its default. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(null, null, null, null, null);
    }

    /**
     * The wait after the given failed attempt (1 = the first).
     *
     * @param random a value in [0, 1)
     */
    public Duration delayAfter(int attempt, double random) {
        double base = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxInterval.toMillis());
        return Duration.ofMillis(Math.round(capped * (1.0 - jitter * random)));
    }
}
