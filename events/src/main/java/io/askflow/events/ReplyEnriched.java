package io.askflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What enrichment found for a reply: longer reading, earlier answered questions and FAQ topics. */
public record ReplyEnriched(UUID eventId, UUID questionId, Instant occurredAt, UUID replyId, List<MoreInfo> moreInfo,
                            List<SimilarQuestion> similarQuestions, List<RelatedFaq> relatedFaq)
        implements QuestionEvent {

    public ReplyEnriched {
        Events.requireIdentity(eventId, questionId, occurredAt);
        Objects.requireNonNull(replyId, "replyId");
        moreInfo = moreInfo == null ? List.of() : List.copyOf(moreInfo);
        similarQuestions = similarQuestions == null ? List.of() : List.copyOf(similarQuestions);
        relatedFaq = relatedFaq == null ? List.of() : List.copyOf(relatedFaq);
    }

    /** A passage from a trusted source, always shown with its source named and linked. */
    public record MoreInfo(String title, String text, String source, String url) {
    }

    /**
     * An earlier answered question (kind QUESTION) or a knowledge record (kind KNOWLEDGE).
     *
     * @param id an Askflow question id, or the knowledge record's id from its import file
     */
    public record SimilarQuestion(String id, String kind, String title, String questionSnippet, String doctorName,
                                  Specialty specialty, String replySnippet, String source, String url) {

        public static final String QUESTION = "QUESTION";

        /**
         * An earlier answered Askflow question, whose asker may still withdraw it; not a knowledge record. (Not named
         * isQuestion: JSON mappers would take that for a property and add it to the event.)
         */
        public boolean refersToQuestion() {
            return QUESTION.equals(kind);
        }
    }

    /** A topic page of the specialty's FAQ catalog. */
    public record RelatedFaq(String title, Specialty specialty, String slug) {
    }
}
