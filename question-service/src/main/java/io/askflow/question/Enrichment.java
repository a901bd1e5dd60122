package io.askflow.question;

import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.RelatedFaq;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import java.util.List;
import java.util.function.Predicate;

/** What enrichment-service found for the reply: longer reading, earlier answered questions, FAQ topics. */
public record Enrichment(List<MoreInfo> moreInfo, List<SimilarQuestion> similarQuestions,
                         List<RelatedFaq> relatedFaq) {

    public Enrichment {
        moreInfo = moreInfo == null ? List.of() : List.copyOf(moreInfo);
        similarQuestions = similarQuestions == null ? List.of() : List.copyOf(similarQuestions);
        relatedFaq = relatedFaq == null ? List.of() : List.copyOf(relatedFaq);
    }

    /** The same, with only the similar questions that may still be shown. */
    public Enrichment showingOnly(Predicate<SimilarQuestion> shown) {
        return new Enrichment(moreInfo, similarQuestions.stream().filter(shown).toList(), relatedFaq);
    }
}
