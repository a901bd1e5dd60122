package io.askflow.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One demo doctor at work on one instance of reply-service: polls the queue, claims each bench question in it and
 * replies at once. A 409 on claim means another doctor has it; the doctor moves on. Questions that are not the
 * bench's are left alone. When its instance refuses connections (killed mid-bench), the doctor moves to the next
 * instance, and first settles what that instance took with it: a claim or reply sent when it died may or may not
 * have landed, which the doctor's held questions ({@code /api/questions/mine}) tell.
 */
final class DoctorDesk implements Runnable {

    private static final long IDLE_POLL_MILLIS = 100;

    private final BenchOptions.DemoDoctor doctor;
    private final JsonHttp http;
    private final Instances replyServices;
    private final Map<UUID, BenchQuestion> questions;
    private final AtomicBoolean stop;
    private final Runnable onReply;
    private final AtomicInteger queueReads;
    /** Questions in hand whose claim or reply got no answer, to whether the reply was sent (else the claim). */
    private final Map<BenchQuestion, Boolean> unanswered = new LinkedHashMap<>();
    private int desk;

    DoctorDesk(BenchOptions.DemoDoctor doctor, JsonHttp http, Instances replyServices, int desk,
               Map<UUID, BenchQuestion> questions, AtomicBoolean stop, Runnable onReply, AtomicInteger queueReads) {
        this.doctor = doctor;
        this.http = http;
        this.replyServices = replyServices;
        this.desk = desk;
        this.questions = questions;
        this.stop = stop;
        this.onReply = onReply;
        this.queueReads = queueReads;
    }

    @Override
    public void run() {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
            try {
                if (!unanswered.isEmpty()) {
                    settleUnanswered();
                }
                if (!workThroughQueue()) {
                    Thread.sleep(IDLE_POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                if (Instances.notDelivered(e) && replyServices.size() > 1) {
                    desk++;      // the Basic header logs the doctor in there
                } else {
                    pause();
                }
            }
        }
    }

    /** @return whether a reply was posted, so a busy doctor polls again at once */
    private boolean workThroughQueue() throws IOException, InterruptedException {
        queueReads.incrementAndGet();
        JsonHttp.Response queue = http.get(instance().resolve("api/queue"));
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
        JsonHttp.Response claim;
        try {
            claim = http.post(questionUri(question, "claim"), null);
        } catch (IOException e) {
            if (Instances.notDelivered(e)) {
                question.release();
            } else {
                unanswered.put(question, false);
            }
            throw e;
        }
        if (claim.status() == 409) {
            question.putBack("claimed by someone else");
            return false;
        }
        if (!claim.ok()) {
            question.putBack("claim answered " + claim.status());
            return false;
        }
        return reply(question);
    }

    private boolean reply(BenchQuestion question) throws IOException, InterruptedException {
        JsonHttp.Response reply;
        try {
            reply = http.post(questionUri(question, "reply"), Map.of("body", replyText(question)));
        } catch (IOException e) {
            unanswered.put(question, !Instances.notDelivered(e));
            throw e;
        }
        if (!reply.ok()) {
            question.putBack("reply answered " + reply.status());
            return false;
        }
        replied(question);
        return true;
    }

    private void replied(BenchQuestion question) {
        question.replied(System.nanoTime());
        onReply.run();
    }

    /**
     * A question this doctor still holds gets its reply now. One it no longer holds was replied to, if the reply
     * was sent (a held question leaves the doctor's hands only by a reply), or was never claimed, if only the
     * claim was: then it goes back to the doctors.
     */
    private void settleUnanswered() throws IOException, InterruptedException {
        JsonHttp.Response mine = http.get(instance().resolve("api/questions/mine"));
        if (!mine.ok()) {
            return;
        }
        Set<UUID> held = new HashSet<>();
        items(mine.body()).forEach(item -> held.add(id(item)));
        for (Map.Entry<BenchQuestion, Boolean> entry : List.copyOf(unanswered.entrySet())) {
            BenchQuestion question = entry.getKey();
            unanswered.remove(question);
            if (held.contains(question.id())) {
                reply(question);
            } else if (entry.getValue()) {
                replied(question);
            } else {
                question.release();
            }
        }
    }

    private URI instance() {
        return replyServices.get(desk);
    }

    private URI questionUri(BenchQuestion question, String action) {
        return instance().resolve("api/questions/" + question.id() + "/" + action);
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
