package io.askflow.workflow.lifecycle;

import io.askflow.events.NotificationFailed;
import io.askflow.events.NotificationSent;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionEvent;
import io.askflow.events.QuestionReleased;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.QuestionWithdrawn;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RerouteRequested;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import io.askflow.workflow.lifecycle.Ids.Messages;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * The process as the rest of the service sees it: one method per event it waits for. Messages are correlated by
 * business key (the question id, indexed by the engine), never by variables. A method returns {@code false} when
 * no execution of the question waits for the message; whether that is too early or too late is the caller's call.
 * Call inside a transaction: the engine joins it.
 */
@Component
public class QuestionLifecycle {

    static final int EXCERPT_LENGTH = 300;
    static final String FAILED_NOTIFICATION_INCIDENT = "failedNotification";
    private static final String SUBSCRIPTION_GONE = "does not have a subscription to a message event";

    private final RuntimeService runtime;

    QuestionLifecycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the question's process. The caller makes sure it runs once per question. */
    public void start(QuestionSubmitted event) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.SUBMITTED_AT, event.occurredAt().toString())
                .putValue(Var.REQUESTED_SPECIALTY,
                        event.requestedSpecialty() == null ? null : event.requestedSpecialty().name())
                .putValue(Var.URGENT, event.urgent())
                .putValue(Var.TITLE, event.title())
                .putValueTyped(Var.BODY, Variables.stringValue(event.body(), true));
        runtime.createMessageCorrelation(Messages.QUESTION_SUBMITTED)
                .processInstanceBusinessKey(event.questionId().toString())
                .setVariables(variables)
                .correlateStartMessage();
    }

    public boolean claimed(QuestionClaimed event) {
        return correlate(Messages.QUESTION_CLAIMED, event.questionId(), detail(event.doctorName())
                .putValueTyped(Var.STEP_AT, at(event)));
    }

    public boolean released(QuestionReleased event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason();
        return correlate(Messages.QUESTION_RELEASED, event.questionId(), detail(event.doctorName() + reason)
                .putValueTyped(Var.STEP_AT, at(event)));
    }

    public boolean replied(ReplyPosted event) {
        String body = event.body();
        return correlate(Messages.REPLY_POSTED, event.questionId(), detail(event.doctorName())
                .putValueTyped(Var.STEP_AT, at(event))
                .putValue(Var.DOCTOR_NAME, event.doctorName())
                .putValue(Var.REPLY_EXCERPT, body.length() <= EXCERPT_LENGTH ? body
                        : body.substring(0, EXCERPT_LENGTH)));
    }

    /** What became of a re-route request. */
    public enum Rerouting {
        /** The question is in the new specialty's queue (REROUTED, question.routed by TRIAGE). */
        REROUTED,
        /** It is in that specialty already: nothing to do. */
        SAME_SPECIALTY,
        /** The doctor asked from a specialty the question has since left (another re-route came first). */
        STALE,
        /** Nothing waits for it: the question is not in a queue yet, or no longer (replied, withdrawn). */
        NOT_WAITING
    }

    /**
     * Sends a question waiting for a claim or for its reply to another specialty's queue. It keeps its due dates
     * and its priority; a claim it had ends (reply-service reads the new question.routed so).
     */
    public Rerouting rerouted(RerouteRequested event) {
        ProcessInstance instance = instance(event.questionId());
        String current = instance == null ? null : (String) runtime.getVariable(instance.getId(), Var.SPECIALTY);
        if (current == null) {
            return Rerouting.NOT_WAITING;
        }
        Specialty from = Specialty.valueOf(current);
        Specialty to = event.toSpecialty();
        if (from == to) {
            return Rerouting.SAME_SPECIALTY;
        }
        if (event.fromSpecialty() != null && event.fromSpecialty() != from) {
            return Rerouting.STALE;
        }
        String reason = event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason().strip();
        boolean moved = correlate(Messages.REROUTE_REQUESTED, event.questionId(),
                detail(from.displayName() + " -> " + to.displayName() + " by " + event.doctorName() + reason)
                        .putValue(Var.SPECIALTY, to.name())
                        .putValue(Var.ROUTED_BY, RoutedBy.TRIAGE.name()));
        return moved ? Rerouting.REROUTED : Rerouting.NOT_WAITING;
    }

    /** Ends the process of a question not yet replied to (WITHDRAWN); {@code false} if it waits for neither a claim nor a reply. */
    public boolean withdrawn(QuestionWithdrawn event) {
        return correlate(Messages.QUESTION_WITHDRAWN, event.questionId(), Variables.createVariables());
    }

    public boolean enriched(ReplyEnriched event) {
        return correlate(Messages.REPLY_ENRICHED, event.questionId(), detail(event.moreInfo().size() + " more info, "
                + event.similarQuestions().size() + " similar Q&A, " + event.relatedFaq().size() + " related FAQ")
                .putValueTyped(Var.STEP_AT, at(event)));
    }

    /** Ends the process if it waits for exactly this mail (not, say, the RECEIVED one). */
    public boolean answeredMailSent(NotificationSent event) {
        if (!waitsForMail(event.questionId(), event.notificationId())) {
            return false;
        }
        return correlate(Messages.NOTIFICATION_SENT, event.questionId(), detail("attempt " + event.attempt())
                .putValueTyped(Var.STEP_AT, at(event)));
    }

    /** Raises an incident for the operator if the process waits for this mail; it keeps waiting. */
    public boolean answeredMailFailed(NotificationFailed event) {
        if (!waitsForMail(event.questionId(), event.notificationId())) {
            return false;
        }
        Execution waiting = runtime.createExecutionQuery()
                .processInstanceBusinessKey(event.questionId().toString())
                .activityId(Ids.WAIT_FOR_ANSWERED_MAIL)
                .singleResult();
        runtime.createIncident(FAILED_NOTIFICATION_INCIDENT, waiting.getId(), event.notificationId().toString(),
                "ANSWERED mail failed after " + event.attempt() + " attempts: " + event.error());
        return true;
    }

    private boolean waitsForMail(UUID questionId, UUID notificationId) {
        ProcessInstance instance = instance(questionId);
        return instance != null && notificationId.toString()
                .equals(runtime.getVariable(instance.getId(), Var.ANSWERED_NOTIFICATION_ID));
    }

    private ProcessInstance instance(UUID questionId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(Ids.PROCESS)
                .processInstanceBusinessKey(questionId.toString())
                .singleResult();
    }

    /** {@code correlateAll} returns nothing instead of throwing, which would doom the caller's transaction. */
    private boolean correlate(String message, UUID questionId, VariableMap variables) {
        try {
            return !runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(questionId.toString())
                    .setVariables(variables)
                    .correlateAllWithResult()
                    .isEmpty();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentUpdateException(questionId, e);
        } catch (ProcessEngineException e) {
            // the wait was found, then ended by a transaction that committed in between (a timer, another event):
            // the engine says so in these words instead of with an OptimisticLockingException
            if (e.getMessage() != null && e.getMessage().contains(SUBSCRIPTION_GONE)) {
                throw new ConcurrentUpdateException(questionId, e);
            }
            throw e;
        } catch (NullPointerException e) {
            // the engine reads the execution tree row by row without locks; a transaction that commits between two
            // reads (the escalation timer ending the wait, say) can leave this one holding a child whose parent is
            // gone. A new transaction reads a whole tree. Seen in ReplyAtTheEscalationInstantTest under load.
            throw new ConcurrentUpdateException(questionId, e);
        }
    }

    private static VariableMap detail(String detail) {
        return Variables.createVariables()
                .putValueTyped(Var.STEP_DETAIL, Variables.stringValue(detail, true));
    }

    /**
     * The event's own date for the step it leads to: question-service dates CLAIMED, REPLIED, ENRICHED and NOTIFIED
     * by the same events, and a RELEASED so dated stays between the claims reply-service dated around it.
     */
    private static StringValue at(QuestionEvent event) {
        return Variables.stringValue(event.occurredAt().toString(), true);
    }
}
