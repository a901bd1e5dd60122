package io.askflow.reply.queue;

import io.askflow.events.Specialty;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open queue pages, over server-sent events, to refresh when questions of their doctor's specialties
 * arrive, are taken, or leave the queue.
 * <p>
 * Why it polls the shared database rather than listening to Kafka: instances share one consumer group, so each
 * consumes only its share of the events, yet every instance must tell its own browsers about every change. A
 * second, per-instance consumer group on the queue-changing topics would see them all, but its signal can
 * overtake the commit of the group consumer applying the same event (the browser would refresh to the old
 * state), and each restart would leave a consumer group behind. One small query per instance and interval, over
 * the open and claimed questions only, reads exactly what the pages show, after commit, whichever instance or
 * listener made the change; it runs only while someone is listening. Connections themselves are per instance by
 * nature (a browser is connected to one), so keeping them in this bean is no shared state.
 */
@Component
class QueueSignals {

    /** How long a browser waits before it reconnects a broken stream. */
    private static final Duration RECONNECT = Duration.ofSeconds(5);

    private final QueueDigests digests;
    private final Duration timeout;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The digests changes are measured against; {@code null} while nobody listens. Guarded by {@code this}. */
    private Map<Specialty, String> last;

    QueueSignals(QueueDigests digests, @Value("${askflow.reply.queue-events.timeout:10m}") Duration timeout) {
        this.digests = digests;
        this.timeout = timeout;
    }

    private record Subscriber(SseEmitter emitter, Set<Specialty> specialties) {
    }

    /**
     * A stream of {@code refresh} events for these specialties. It ends after the timeout; the browser's
     * EventSource then reconnects, which checks the login and the doctor's specialties again.
     */
    SseEmitter subscribe(Set<Specialty> specialties) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, Set.copyOf(specialties));
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        synchronized (this) {
            // a change right after subscribing must count as a change, even before the next poll
            if (last == null) {
                last = digests.bySpecialty();
            }
            subscribers.add(subscriber);
        }
        // sent as soon as the response starts, so the browser sees the stream open at once
        send(subscriber, SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("connected"));
        return emitter;
    }

    @Scheduled(fixedDelayString = "${askflow.reply.queue-events.poll-interval:1s}")
    void detectChanges() {
        Set<Specialty> changed = changedSinceLastPoll();
        if (changed.isEmpty()) {
            return;
        }
        String data = changed.stream().map(Specialty::slug).collect(Collectors.joining(","));
        for (Subscriber subscriber : subscribers) {
            if (!Collections.disjoint(subscriber.specialties(), changed)) {
                send(subscriber, SseEmitter.event().name("refresh").data(data));
            }
        }
    }

    private synchronized Set<Specialty> changedSinceLastPoll() {
        Set<Specialty> changed = EnumSet.noneOf(Specialty.class);
        if (subscribers.isEmpty()) {
            last = null;
            return changed;
        }
        Map<Specialty, String> now = digests.bySpecialty();
        Map<Specialty, String> before = last == null ? now : last;
        last = now;
        for (Specialty specialty : Specialty.values()) {
            if (!Objects.equals(before.get(specialty), now.get(specialty))) {
                changed.add(specialty);
            }
        }
        return changed;
    }

    /** A comment now and then keeps proxies from closing a quiet stream and finds browsers that left. */
    @Scheduled(fixedRateString = "${askflow.reply.queue-events.keep-alive:25s}")
    void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            send(subscriber, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser left (the container completes the emitter) or the emitter already completed
            subscribers.remove(subscriber);
        }
    }
}
