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
    final QuestionText text;
    final boolean consentToPublish;
    private volatile UUID id;
    private volatile long submitMillis = -1;
    private volatile String trackingToken;
    private volatile Instant queuedAt;
    private volatile boolean queuedAtEstimated;
    private volatile boolean replied;
    private volatile String problem;
    private volatile Timeline timeline;
    private volatile long repliedNanos;
    private volatile long nextTrackNanos;
    private final AtomicInteger tracks = new AtomicInteger();
    private final AtomicBoolean inHand = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();

    BenchQuestion(int index, String specialty, QuestionText text, boolean consentToPublish) {
        this.index = index;
        this.specialty = specialty;
        this.text = text;
        this.consentToPublish = consentToPublish;
    }

    void submitted(UUID id, String trackingToken, long responseMillis) {
        this.trackingToken = trackingToken;
        this.submitMillis = responseMillis;
        this.id = id;
    }

    /** How long question-service took to answer the submit (the patient's wait), or -1 if it did not accept it. */
    long submitMillis() {
        return submitMillis;
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

    /** Gives the question back untried: the claim never reached reply-service. */
    void release() {
        inHand.set(false);
    }

    void replied(long nanos) {
        repliedNanos = nanos;
        nextTrackNanos = nanos + Tracker.FIRST_READ_NANOS;
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

    /** Records a read of the tracking API and when the next one is due: each wait twice the last, up to a cap. */
    void tracked(Timeline timeline, long nanos) {
        this.timeline = timeline;
        int done = tracks.incrementAndGet();
        nextTrackNanos = nanos + Math.min(Tracker.MAX_INTERVAL_NANOS, Tracker.FIRST_INTERVAL_NANOS << Math.min(done - 1, 16));
    }

    /** Whether the tracker may read it now: replied, not settled, and its wait is over. */
    boolean trackDue(long nanos) {
        return replied && !settled() && nanos - nextTrackNanos >= 0;
    }

    long repliedNanos() {
        return repliedNanos;
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
