package io.askflow.events;

import java.util.List;
import java.util.Map;

/** The Kafka topic of each event type, once. Dead letters of topic {@code t} go to {@code t.dlt}. */
public final class Topics {

    public static final String QUESTION_SUBMITTED = "question.submitted";
    public static final String QUESTION_ROUTED = "question.routed";
    public static final String QUESTION_CLAIMED = "question.claimed";
    public static final String QUESTION_RELEASED = "question.released";
    public static final String REPLY_POSTED = "reply.posted";
    public static final String REPLY_ENRICHED = "reply.enriched";
    public static final String NOTIFICATION_REQUESTED = "notification.requested";
    public static final String DOCTOR_UPDATED = "doctor.updated";
    public static final String NOTIFICATION_SENT = "notification.sent";
    public static final String NOTIFICATION_FAILED = "notification.failed";
    public static final String QUESTION_PROGRESSED = "question.progressed";
    public static final String QUESTION_WITHDRAWN = "question.withdrawn";
    public static final String CONSENT_WITHDRAWN = "question.consent-withdrawn";
    public static final String REROUTE_REQUESTED = "question.reroute-requested";
    public static final String TRACKING_LINK_REQUESTED = "question.tracking-link-requested";

    private static final Map<Class<? extends AskflowEvent>, String> BY_TYPE = Map.ofEntries(
            Map.entry(QuestionSubmitted.class, QUESTION_SUBMITTED),
            Map.entry(QuestionRouted.class, QUESTION_ROUTED),
            Map.entry(QuestionClaimed.class, QUESTION_CLAIMED),
            Map.entry(QuestionReleased.class, QUESTION_RELEASED),
            Map.entry(ReplyPosted.class, REPLY_POSTED),
            Map.entry(ReplyEnriched.class, REPLY_ENRICHED),
            Map.entry(NotificationRequested.class, NOTIFICATION_REQUESTED),
            Map.entry(DoctorUpdated.class, DOCTOR_UPDATED),
            Map.entry(NotificationSent.class, NOTIFICATION_SENT),
            Map.entry(NotificationFailed.class, NOTIFICATION_FAILED),
            Map.entry(QuestionProgressed.class, QUESTION_PROGRESSED),
            Map.entry(QuestionWithdrawn.class, QUESTION_WITHDRAWN),
            Map.entry(ConsentWithdrawn.class, CONSENT_WITHDRAWN),
            Map.entry(RerouteRequested.class, REROUTE_REQUESTED),
            Map.entry(TrackingLinkRequested.class, TRACKING_LINK_REQUESTED));

    /** Every event topic, without dead-letter topics. */
    public static final List<String> ALL = List.copyOf(BY_TYPE.values().stream().sorted().toList());

    /** The topic an event is published to. */
    public static String of(AskflowEvent event) {
        return of(event.getClass());
    }

    /** The topic events of this type are published to. */
    public static String of(Class<? extends AskflowEvent> type) {
        String topic = BY_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("No topic for " + type.getName());
        }
        return topic;
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
