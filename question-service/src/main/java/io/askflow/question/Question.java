package io.askflow.question;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import io.askflow.events.Step;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's question as question-service keeps it: what the patient wrote, and what the other services have
 * told about it since (routing, the doctor, the reply, its enrichment). The email is private: it leaves this
 * service only in {@code QuestionSubmitted.contactEmail}, and no page or API response shows it.
 *
 * @param urgent     the text shows warning signs: the patient is told to seek care now, doctors see it first
 * @param specialty the specialty routing assigned, {@code null} until routed
 * @param doctorName the doctor holding the claim or, once answered, the doctor who replied
 * @param reply      {@code null} until a doctor replied
 * @param enrichment {@code null} until enrichment reported
 */
public record Question(UUID id, String trackingToken, String nickname, String email, AgeRange ageRange,
                       Gender gender, Specialty requestedSpecialty, String title, String body, String language,
                       boolean consentToPublish, boolean urgent, Step status, Instant askedAt, Specialty specialty,
                       String doctorName, Reply reply, Enrichment enrichment) {

    /** The same question with other enrichment. */
    public Question withEnrichment(Enrichment other) {
        return new Question(id, trackingToken, nickname, email, ageRange, gender, requestedSpecialty, title, body,
                language, consentToPublish, urgent, status, askedAt, specialty, doctorName, reply, other);
    }

    /** Answered: a doctor's reply is there. */
    public boolean answered() {
        return reply != null;
    }

    /** The patient may still withdraw it: no doctor holds or has answered it, and it is not withdrawn yet. */
    public boolean withdrawable() {
        return status != Step.WITHDRAWN && doctorName == null && reply == null;
    }

    /** On the public archive: answered, and the asker agreed to publishing. */
    public boolean published() {
        return answered() && consentToPublish;
    }

    /** The specialty shown with the question: the replying doctor's, else routing's, else the patient's choice. */
    public Specialty shownSpecialty() {
        if (reply != null && reply.specialty() != null) {
            return reply.specialty();
        }
        return specialty != null ? specialty : requestedSpecialty;
    }

    /** Keeps the address out of logs and exception messages. */
    @Override
    public String toString() {
        return "Question[id=" + id + ", status=" + status + "]";
    }
}
