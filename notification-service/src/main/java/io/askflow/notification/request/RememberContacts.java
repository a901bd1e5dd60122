package io.askflow.notification.request;

import io.askflow.events.QuestionSubmitted;
import io.askflow.events.Topics;
import io.askflow.messaging.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores the patients' contacts of a poll of questions, and records the questions as processed, in one transaction. */
@Service
class RememberContacts {

    private final FirstTimeEvents firstTimeEvents;
    private final Contacts contacts;

    RememberContacts(FirstTimeEvents firstTimeEvents, Contacts contacts) {
        this.firstTimeEvents = firstTimeEvents;
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
        Set<UUID> firstTime = firstTimeEvents.record(valid.stream().map(QuestionSubmitted::eventId).toList(),
                Topics.QUESTION_SUBMITTED);
        contacts.rememberAll(valid.stream().filter(question -> firstTime.remove(question.eventId())).toList());
        return failures;
    }
}
