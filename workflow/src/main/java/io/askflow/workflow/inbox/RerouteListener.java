package io.askflow.workflow.inbox;

import io.askflow.events.RerouteRequested;
import io.askflow.events.Step;
import io.askflow.events.Topics;
import io.askflow.workflow.lifecycle.QuestionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A triage doctor places a General Medicine question, or a doctor says "wrong specialty". Before the question is in
 * a queue the request is too early (retried); once it is replied or withdrawn it is acknowledged.
 */
@Component
class RerouteListener {

    private static final Logger log = LoggerFactory.getLogger(RerouteListener.class);

    private final LifecycleInbox inbox;
    private final QuestionLifecycle lifecycle;

    RerouteListener(LifecycleInbox inbox, QuestionLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(topics = Topics.REROUTE_REQUESTED)
    void on(RerouteRequested event) {
        inbox.receive(event, Topics.REROUTE_REQUESTED, () -> {
            switch (lifecycle.rerouted(event)) {
                case REROUTED -> { }
                case SAME_SPECIALTY -> log.info("Re-route {} asks for {}, where the question is already: nothing to do",
                        event.eventId(), event.toSpecialty());
                case STALE -> log.info("Re-route {} from {} came after the question left that specialty: ignored",
                        event.eventId(), event.fromSpecialty());
                case NOT_WAITING -> inbox.notAwaited(event, Topics.REROUTE_REQUESTED, Step.REPLIED, Step.WITHDRAWN);
            }
        });
    }
}
