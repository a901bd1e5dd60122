package io.askflow.workflow.lifecycle;

/**
 * The ids of the {@code question-lifecycle} BPMN that code and tests touch, each once. {@code IdsTest} fails when
 * the model lacks one of them.
 */
public final class Ids {

    public static final String PROCESS = "question-lifecycle";
    public static final String DECISION = "specialty-routing";

    // elements, in the order a question meets them
    public static final String QUESTION_SUBMITTED = "questionSubmitted";
    public static final String ASKED = "asked";
    public static final String REQUEST_RECEIVED_MAIL = "requestReceivedMail";
    public static final String SUGGEST_SPECIALTY = "suggestSpecialty";
    public static final String ROUTE_TO_SPECIALTY = "routeToSpecialty";
    public static final String PUBLISH_ROUTED = "publishRouted";
    public static final String ROUTED = "routed";
    public static final String CLAIM_OPEN = "claimOpen";
    public static final String WAIT_FOR_CLAIM = "waitForClaim";
    public static final String REPLY_POSTED_WHILE_QUEUED = "replyPostedWhileQueued";
    public static final String CLAIMED = "claimed";
    public static final String WAIT_FOR_REPLY = "waitForReply";
    public static final String QUESTION_RELEASED = "questionReleased";
    public static final String RELEASED = "released";
    public static final String REQUEUE_QUESTION = "requeueQuestion";
    public static final String REROUTE_REQUESTED_WHILE_QUEUED = "rerouteRequestedWhileQueued";
    public static final String REROUTE_REQUESTED_WHILE_CLAIMED = "rerouteRequestedWhileClaimed";
    public static final String REROUTE_RECEIVED = "rerouteReceived";
    public static final String REROUTED = "rerouted";
    public static final String REQUEUE_REROUTED = "requeueRerouted";
    public static final String QUESTION_WITHDRAWN = "questionWithdrawn";
    public static final String QUESTION_WITHDRAWN_WHILE_CLAIMED = "questionWithdrawnWhileClaimed";
    public static final String WITHDRAWN = "withdrawn";
    public static final String QUESTION_CLOSED = "questionClosed";
    public static final String CLAIM_HALF_TIME_REACHED = "claimHalfTimeReached";
    public static final String REMINDER_DUE = "reminderDue";
    public static final String REMIND_DOCTORS = "remindDoctors";
    public static final String REMINDED = "reminded";
    public static final String REMINDER_SENT = "reminderSent";
    public static final String REMINDER_SKIPPED = "reminderSkipped";
    public static final String CLAIM_DEADLINE_REACHED = "claimDeadlineReached";
    public static final String OVERDUE_DUE = "overdueDue";
    public static final String MARK_OVERDUE = "markOverdue";
    public static final String OVERDUE = "overdue";
    public static final String OVERDUE_MARKED = "overdueMarked";
    public static final String OVERDUE_SKIPPED = "overdueSkipped";
    public static final String REPLY_DEADLINE_REACHED = "replyDeadlineReached";
    public static final String ESCALATE = "escalate";
    public static final String ESCALATED = "escalated";
    public static final String REPLY_RECEIVED = "replyReceived";
    public static final String REPLIED = "replied";
    public static final String WAIT_FOR_ENRICHMENT = "waitForEnrichment";
    public static final String ENRICHMENT_TIMED_OUT = "enrichmentTimedOut";
    public static final String ENRICHED = "enriched";
    public static final String ENRICHED_WITHOUT_RESULTS = "enrichedWithoutResults";
    public static final String ENRICHMENT_SETTLED = "enrichmentSettled";
    public static final String REQUEST_ANSWERED_MAIL = "requestAnsweredMail";
    public static final String WAIT_FOR_ANSWERED_MAIL = "waitForAnsweredMail";
    public static final String NOTIFIED = "notified";
    public static final String QUESTION_ANSWERED = "questionAnswered";

    /** Message names: the event records' names, as the topics they come from. */
    public static final class Messages {
        public static final String QUESTION_SUBMITTED = "QuestionSubmitted";
        public static final String QUESTION_CLAIMED = "QuestionClaimed";
        public static final String QUESTION_RELEASED = "QuestionReleased";
        public static final String REPLY_POSTED = "ReplyPosted";
        public static final String REPLY_ENRICHED = "ReplyEnriched";
        public static final String NOTIFICATION_SENT = "NotificationSent";
        public static final String REROUTE_REQUESTED = "RerouteRequested";
        public static final String QUESTION_WITHDRAWN = "QuestionWithdrawn";

        private Messages() {
        }
    }

    /** Process variable names; the variables stay small (no question or reply body). */
    public static final class Var {
        /** String (ISO-8601 instant, exact to the nanosecond): the submitted event's occurredAt, the date of ASKED. */
        public static final String SUBMITTED_AT = "submittedAt";
        /** String (Specialty name) or null: the patient's choice, the routing decision's input. */
        public static final String REQUESTED_SPECIALTY = "requestedSpecialty";
        public static final String URGENT = "urgent";
        public static final String TITLE = "title";
        /** Transient, never stored: the question's body, read by the classifier before the first wait. */
        public static final String BODY = "body";
        /** String (Specialty name): the text classifier's suggestion, a routing decision's input. */
        public static final String SUGGESTED_SPECIALTY = "suggestedSpecialty";
        /** Double (0..1): how sure the classifier is, a routing decision's input. */
        public static final String SUGGESTION_CONFIDENCE = "suggestionConfidence";
        /** Double (0..1): the confidence from which routing follows the classifier, a routing decision's input. */
        public static final String CLASSIFIER_THRESHOLD = "classifierThreshold";
        /** String (Specialty name): the routing decision's output. */
        public static final String SPECIALTY = "specialty";
        /** String (RoutedBy name): the routing decision's output; OVERDUE, ESCALATED or TRIAGE later on. */
        public static final String ROUTED_BY = "routedBy";
        public static final String CLAIM_DUE_AT = "claimDueAt";
        /** Date: the reply deadline; moved on when an escalation sends the question back to the queue. */
        public static final String REPLY_DUE_AT = "replyDueAt";
        /** Date: half the claim time, when the specialty's doctors get a reminder. */
        public static final String REMIND_AT = "remindAt";
        /**
         * String (RoutedBy name OVERDUE or ESCALATED) once a deadline was missed: keeps the question's priority and
         * stops a second OVERDUE, whatever routes it later (a triage re-route).
         */
        public static final String MISSED_DEADLINE = "missedDeadline";
        /** Boolean, set once the reminder went out: at most one per question. */
        public static final String REMINDED = "reminded";
        /** The doctor who replied (set with the reply). */
        public static final String DOCTOR_NAME = "doctorName";
        /** The first {@value QuestionLifecycle#EXCERPT_LENGTH} characters of the reply, for the ANSWERED mail. */
        public static final String REPLY_EXCERPT = "replyExcerpt";
        /** String (UUID): the ANSWERED mail whose notification.sent ends the process. */
        public static final String ANSWERED_NOTIFICATION_ID = "answeredNotificationId";
        /** Transient, never stored: the detail of the step a message leads to (who claimed, why released). */
        public static final String STEP_DETAIL = "stepDetail";
        /**
         * Transient, never stored: String (ISO-8601 instant), the date of the step a message or delegate leads to:
         * the occurredAt of the event behind it, which question-service dates the step by too. Without it the step
         * is dated by the engine's clock (timers).
         */
        public static final String STEP_AT = "stepAt";

        private Var() {
        }
    }

    private Ids() {
    }
}
