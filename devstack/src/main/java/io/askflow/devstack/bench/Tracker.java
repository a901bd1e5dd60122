package io.askflow.devstack.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the tracking API of replied questions until each shows NOTIFIED. Only replied questions can get there,
 * so the rest are not polled, and each is read at most every {@link #MIN_INTERVAL_NANOS}: the bench should load
 * the system it measures as little as it can (read every 500 ms, the polls took a third of question-service's CPU
 * in a 300-question run). The legs and the throughput come from the recorded dates, so polling less often does
 * not change them; only the bench's own wall time grows by up to one interval.
 */
final class Tracker implements Runnable {

    private static final long MIN_INTERVAL_NANOS = 2_000_000_000L;

    private final JsonHttp http;
    private final BenchOptions options;
    private final Collection<BenchQuestion> questions;
    private final ExecutorService pool;
    private final AtomicBoolean stop;

    Tracker(JsonHttp http, BenchOptions options, Collection<BenchQuestion> questions, ExecutorService pool,
            AtomicBoolean stop) {
        this.http = http;
        this.options = options;
        this.questions = questions;
        this.pool = pool;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            List<Callable<Void>> due = questions.stream()
                    .filter(q -> q.isReplied() && !q.settled() && now - q.lastTrackedNanos() >= MIN_INTERVAL_NANOS)
                    .map(q -> (Callable<Void>) () -> {
                        track(q);
                        return null;
                    }).toList();
            try {
                pool.invokeAll(due);
                Thread.sleep(due.isEmpty() ? 200 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads one question's timeline; a failed read is retried on the next round. */
    void track(BenchQuestion question) throws InterruptedException {
        try {
            JsonHttp.Response track = http.get(options.questionService().resolve("api/track/" + question.trackingToken()));
            if (track.ok()) {
                question.tracked(Timeline.of(track.body()), System.nanoTime());
            }
        } catch (IOException e) {
            question.tracked(question.timeline(), System.nanoTime());
        }
    }
}
