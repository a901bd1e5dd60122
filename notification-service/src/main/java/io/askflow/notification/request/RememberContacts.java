package io.askflow.notification.request;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.Inbox;
import io.askflow.messaging.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the patients' contacts of a poll of questions, and records the questions as processed, in one transaction. */
@Service
class RememberContacts {

    private final Inbox inbox;
    private final Contacts contacts;

    RememberContacts(Inbox inbox, Contacts contacts) {
        this.inbox = inbox;
        this.contacts = contacts;
    }

    /** @return the questions that can never be stored (no contact address), by position; the others are stored */
    @Transactional
    Map<Integer, RuntimeException> remember(List<QuestionSubmitted> questions) {
        Map<Integer, RuntimeException> failures = new TreeMap<>();
        List<QuestionSubmitted> valid = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionSubmitted question = questions.get(i);
            if (question.contactEmail() == null || question.contactEmail().isBlank()) {
                failures.put(i, new InvalidEventException("Question " + question.questionId()
                        + " has no contact address"));
            } else {
                valid.add(question);
            }
        }
        inbox.receiveAll(valid, Topics.QUESTION_SUBMITTED, contacts::rememberAll);
        return failures;
    }
}
