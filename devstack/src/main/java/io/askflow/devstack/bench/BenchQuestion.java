package io.askflow.devstack.bench;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One bench question as the submitter, the doctors and the tracker see it; shared between their threads. */
final class BenchQuestion {

    /** Attempts at claim + reply before the bench gives the question up. */
    static final int MAX_ATTEMPTS = 3;

    final int index;
    final String specialty;
    private volatile UUID id;
    private volatile String trackingToken;
    private volatile Instant queuedAt;
    private volatile boolean queuedAtEstimated;
    private volatile boolean replied;
    private volatile String problem;
    private volatile Timeline timeline;
    private volatile long lastTrackedNanos;
    private final AtomicBoolean inHand = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();

    BenchQuestion(int index, String specialty) {
        this.index = index;
        this.specialty = specialty;
    }

    void submitted(UUID id, String trackingToken) {
        this.trackingToken = trackingToken;
        this.id = id;
    }

    UUID id() {
        return id;
    }

    String trackingToken() {
        return trackingToken;
    }

    /**
     * @param queuedAt  the queue item's {@code queuedAt}, or when the bench first saw it there if the item has none
     * @param estimated whether it is the latter
     */
    void seenInQueue(Instant queuedAt, boolean estimated) {
        if (this.queuedAt == null) {
            this.queuedAtEstimated = estimated;
            this.queuedAt = queuedAt;
        }
    }

    boolean queuedAtEstimated() {
        return queuedAtEstimated;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    /** Only one of the bench's doctors works on a question at a time; the others move on. */
    boolean take() {
        return !replied && problem == null && inHand.compareAndSet(false, true);
    }

    /** Gives the question back after a failed attempt; after {@link #MAX_ATTEMPTS} it is given up. */
    void putBack(String failure) {
        if (attempts.incrementAndGet() >= MAX_ATTEMPTS) {
            problem = failure;
        }
        inHand.set(false);
    }

    void replied() {
        replied = true;
    }

    boolean isReplied() {
        return replied;
    }

    void failed(String why) {
        problem = why;
    }

    String problem() {
        return problem;
    }

    void tracked(Timeline timeline, long nanos) {
        this.timeline = timeline;
        this.lastTrackedNanos = nanos;
    }

    long lastTrackedNanos() {
        return lastTrackedNanos;
    }

    Timeline timeline() {
        return timeline;
    }

    boolean notified() {
        Timeline known = timeline;
        return known != null && known.notified();
    }

    /** Nothing more will happen to it within this run: notified, or given up. */
    boolean settled() {
        return notified() || problem != null;
    }
}
