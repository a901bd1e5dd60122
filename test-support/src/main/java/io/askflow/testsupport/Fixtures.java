package io.askflow.testsupport;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.NotificationKind;
import io.askflow.events.NotificationRequested;
import io.askflow.events.QuestionClaimed;
import io.askflow.events.QuestionReleased;
import io.askflow.events.QuestionRouted;
import io.askflow.events.QuestionSubmitted;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyPosted;
import io.askflow.events.RoutedBy;
import io.askflow.events.Specialty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic events for tests, each with fresh ids so tests never see each other's data. */
public final class Fixtures {

    public static final String BELLS_PALSY_TITLE = "Sudden weakness on one side of my face";
    public static final String BELLS_PALSY_BODY = "Since this morning the left side of my face droops, I cannot "
            + "close my left eye and food falls out of the left side of my mouth. Is this Bell's palsy?";

    public static QuestionSubmitted questionSubmitted(Specialty requested) {
        UUID questionId = UUID.randomUUID();
        return new QuestionSubmitted(UUID.randomUUID(), questionId, Instant.now(), "Mei", AgeRange.FROM_30_TO_39,
                Gender.FEMALE, requested, BELLS_PALSY_TITLE, BELLS_PALSY_BODY, "en", true,
                "http://127.0.0.1:8080/track/" + UUID.randomUUID(), "mei." + questionId + "@example.org", false);
    }

    public static QuestionRouted questionRouted(UUID questionId, Specialty specialty) {
        Instant now = Instant.now();
        return new QuestionRouted(UUID.randomUUID(), questionId, now, specialty, RoutedBy.PATIENT, 50,
                now.plus(Duration.ofHours(24)), now.plus(Duration.ofHours(72)));
    }

    public static QuestionClaimed questionClaimed(UUID questionId, Specialty specialty) {
        return new QuestionClaimed(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), "Dr. Ye",
                specialty);
    }

    public static QuestionReleased questionReleased(UUID questionId, Specialty specialty) {
        return new QuestionReleased(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), "Dr. Ye",
                specialty, "Outside my field");
    }

    public static ReplyPosted replyPosted(UUID questionId, Specialty specialty) {
        return new ReplyPosted(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                "Dr. Ye", specialty, "Dear Mei, what you describe sounds like Bell's palsy, a weakness of the facial "
                        + "nerve. Please see a doctor today to rule out a stroke; steroids help most when started early.");
    }

    public static ReplyEnriched replyEnriched(UUID questionId, UUID replyId) {
        return new ReplyEnriched(UUID.randomUUID(), questionId, Instant.now(), replyId, List.of(), List.of(),
                List.of());
    }

    public static NotificationRequested notificationRequested(UUID questionId, NotificationKind kind) {
        return new NotificationRequested(UUID.randomUUID(), questionId, Instant.now(), UUID.randomUUID(), kind,
                Specialty.NEUROLOGY, BELLS_PALSY_TITLE, "http://127.0.0.1:8080/track/" + UUID.randomUUID(),
                "Dr. Ye", "Dear Mei, what you describe sounds like Bell's palsy.", null, false);
    }

    private Fixtures() {
    }
}
