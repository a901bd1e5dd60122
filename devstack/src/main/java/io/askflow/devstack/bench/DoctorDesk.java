package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One demo doctor at work: polls the queue, claims each bench question in it and replies at once. A 409 on
 * claim means another doctor has it; the doctor moves on. Questions that are not the bench's are left alone.
 */
final class DoctorDesk implements Runnable {

    private static final long IDLE_POLL_MILLIS = 100;

    private final BenchOptions.DemoDoctor doctor;
    private final JsonHttp http;
    private final BenchOptions options;
    private final Map<UUID, BenchQuestion> questions;
    private final AtomicBoolean stop;
    private final Runnable onReply;
    private final AtomicInteger queueReads;

    DoctorDesk(BenchOptions.DemoDoctor doctor, JsonHttp http, BenchOptions options, Map<UUID, BenchQuestion> questions,
               AtomicBoolean stop, Runnable onReply, AtomicInteger queueReads) {
        this.doctor = doctor;
        this.http = http;
        this.options = options;
        this.questions = questions;
        this.stop = stop;
        this.onReply = onReply;
        this.queueReads = queueReads;
    }

    @Override
    public void run() {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
            try {
                if (!workThroughQueue()) {
                    Thread.sleep(IDLE_POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                pause();
            }
        }
    }

    /** @return whether a reply was posted, so a busy doctor polls again at once */
    private boolean workThroughQueue() throws IOException, InterruptedException {
        queueReads.incrementAndGet();
        JsonHttp.Response queue = http.get(options.replyService().resolve("api/queue"));
        if (!queue.ok()) {
            pause();
            return false;
        }
        boolean replied = false;
        for (JsonNode item : items(queue.body())) {
            if (stop.get()) {
                break;
            }
            BenchQuestion question = questions.get(id(item));
            if (question == null) {
                continue;
            }
            Instant queuedAt = Timeline.instant(item.get("queuedAt"));
            question.seenInQueue(queuedAt != null ? queuedAt : Instant.now(), queuedAt == null);
            if (question.take()) {
                replied |= claimAndReply(question);
            }
        }
        return replied;
    }

    private boolean claimAndReply(BenchQuestion question) throws IOException, InterruptedException {
        JsonHttp.Response claim = http.post(questionUri(question, "claim"), null);
        if (claim.status() == 409) {
            question.putBack("claimed by someone else");
            return false;
        }
        if (!claim.ok()) {
            question.putBack("claim answered " + claim.status());
            return false;
        }
        JsonHttp.Response reply = http.post(questionUri(question, "reply"), Map.of("body", replyText(question)));
        if (!reply.ok()) {
            question.putBack("reply answered " + reply.status());
            return false;
        }
        question.replied(System.nanoTime());
        onReply.run();
        return true;
    }

    private URI questionUri(BenchQuestion question, String action) {
        return options.replyService().resolve("api/questions/" + question.id() + "/" + action);
    }

    private String replyText(BenchQuestion question) {
        return "Thank you for writing. What you describe is common and usually harmless, but it deserves a proper "
                + "examination: please see a " + question.specialty + " clinic in person within the next weeks, "
                + "sooner if it gets worse. (Askflow bench reply " + question.index + " by " + doctor.username() + ".)";
    }

    /** The queue as a JSON array, or wrapped in an object under its first array field. */
    static Iterable<JsonNode> items(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        for (String field : new String[] {"items", "questions", "content", "queue"}) {
            if (body.path(field).isArray()) {
                return body.path(field);
            }
        }
        return List.of();
    }

    private static UUID id(JsonNode item) {
        String text = item.hasNonNull("id") ? item.get("id").asText() : item.path("questionId").asText("");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return new UUID(0, 0);
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
