package io.askflow.events;

import java.util.UUID;

/** An event about one question; keyed by the question id so a question's events stay in order. */
public sealed interface QuestionEvent extends AskflowEvent
        permits QuestionSubmitted, QuestionRouted, QuestionClaimed, QuestionReleased, ReplyPosted, ReplyEnriched,
        NotificationRequested, NotificationSent, NotificationFailed, QuestionProgressed, QuestionWithdrawn,
        ConsentWithdrawn, RerouteRequested, TrackingLinkRequested {

    UUID questionId();

    @Override
    default String key() {
        return questionId().toString();
    }
}
