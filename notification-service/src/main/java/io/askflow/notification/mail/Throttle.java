package io.askflow.notification.mail;

import java.util.concurrent.TimeUnit;

/**
 * Spaces this instance's sends evenly at a maximum rate, shared by all its sender threads. Per instance on
 * purpose: the rate is a courtesy to the SMTP relay, so n instances simply get a rate of 1/n each.
 */
final class Throttle {

    private final long intervalNanos;
    private long nextSlot;

    /** @param perSecond 0 or less: no limit */
    Throttle(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.round(1_000_000_000 / perSecond);
    }

    /** Waits for this sender's slot. */
    void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
