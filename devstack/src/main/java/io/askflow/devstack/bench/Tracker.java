package io.askflow.devstack.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the tracking API of replied questions until each shows NOTIFIED, loading the system it measures as little
 * as it can: every read is a request question-service serves (read every 500 ms, the polls once took a third of its
 * CPU). So only replied questions are read, the first time {@link #FIRST_READ_NANOS} after the reply, then after
 * waits that double up to {@link #MAX_INTERVAL_NANOS}; and a round reads the due questions in reply order, a batch
 * at a time, and ends at the first batch in which none had arrived: questions arrive at NOTIFIED roughly in the
 * order they were replied to, so the later ones would not have either. The legs and the throughput come from the
 * recorded dates, so reading less often does not change them; only the bench's own wall time grows a little.
 * The reads go round the instances of question-service.
 */
final class Tracker implements Runnable {

    static final long FIRST_READ_NANOS = 500_000_000L;
    static final long FIRST_INTERVAL_NANOS = 1_000_000_000L;
    static final long MAX_INTERVAL_NANOS = 8_000_000_000L;
    private static final long ROUND_MILLIS = 250;

    private final JsonHttp http;
    private final Instances questionServices;
    private final Collection<BenchQuestion> questions;
    private final ExecutorService pool;
    private final int batch;
    private final AtomicBoolean stop;
    private final AtomicInteger reads = new AtomicInteger();

    Tracker(JsonHttp http, Instances questionServices, Collection<BenchQuestion> questions, ExecutorService pool,
            int batch, AtomicBoolean stop) {
        this.http = http;
        this.questionServices = questionServices;
        this.questions = questions;
        this.pool = pool;
        this.batch = batch;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
            try {
                round();
                Thread.sleep(ROUND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void round() throws InterruptedException {
        long now = System.nanoTime();
        List<BenchQuestion> due = questions.stream().filter(q -> q.trackDue(now))
                .sorted(Comparator.comparingLong(BenchQuestion::repliedNanos)).toList();
        for (int from = 0; from < due.size() && !stop.get(); from += batch) {
            List<BenchQuestion> next = due.subList(from, Math.min(due.size(), from + batch));
            pool.invokeAll(next.stream().map(q -> (Callable<Void>) () -> {
                track(q);
                return null;
            }).toList());
            if (next.stream().noneMatch(BenchQuestion::notified)) {
                return;
            }
        }
    }

    /** Reads one question's timeline; a failed read is retried when it is next due. */
    void track(BenchQuestion question) throws InterruptedException {
        reads.incrementAndGet();
        try {
            JsonHttp.Response track = questionServices.call(
                    base -> http.get(base.resolve("api/track/" + question.trackingToken())));
            question.tracked(track.ok() ? Timeline.of(track.body()) : question.timeline(), System.nanoTime());
        } catch (IOException e) {
            question.tracked(question.timeline(), System.nanoTime());
        }
    }

    /** Reads of the tracking API so far. */
    int reads() {
        return reads.get();
    }
}
