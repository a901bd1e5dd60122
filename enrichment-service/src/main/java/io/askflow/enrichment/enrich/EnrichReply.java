package io.askflow.enrichment.enrich;

import io.askflow.enrichment.AnsweredQuestion;
import io.askflow.enrichment.Questions;
import io.askflow.enrichment.faq.FaqCatalog;
import io.askflow.enrichment.index.IndexSync;
import io.askflow.enrichment.index.Kind;
import io.askflow.enrichment.ranking.Hit;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.enrichment.ranking.PublishableHits;
import io.askflow.enrichment.ranking.SearchRequest;
import io.askflow.events.ReplyEnriched;
import io.askflow.events.ReplyEnriched.MoreInfo;
import io.askflow.events.ReplyEnriched.SimilarQuestion;
import io.askflow.events.ReplyPosted;
import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds More Info, Similar Q&amp;A and Related FAQ for a reply, stores them and publishes {@code reply.enriched}
 * in one transaction, then makes the answered question searchable for later questions.
 */
@Service
class EnrichReply {

    static final int MORE_INFO = 3;
    static final int SIMILAR_QUESTIONS = 3;
    /** Asked for beyond those shown, in case this instance's index still holds some that were withdrawn. */
    static final int SPARE_QUESTIONS = 3;
    static final int SIMILAR_KNOWLEDGE = 3;
    static final int MORE_INFO_CHARS = 700;

    private final Questions questions;
    private final PageRanking ranking;
    private final PublishableHits publishable;
    private final IndexSync indexSync;
    private final FaqCatalog faq;
    private final Enrichments enrichments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceLinks links;

    EnrichReply(Questions questions, PageRanking ranking, PublishableHits publishable, IndexSync indexSync,
                FaqCatalog faq, Enrichments enrichments,
                ApplicationEventPublisher events, Clock clock,
                ServiceLinks links) {
        this.questions = questions;
        this.ranking = ranking;
        this.publishable = publishable;
        this.indexSync = indexSync;
        this.faq = faq;
        this.enrichments = enrichments;
        this.events = events;
        this.clock = clock;
        this.links = links;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void enrich(ReplyPosted reply) {
        AnsweredQuestion question = questions.answered(reply)
                .orElseThrow(() -> new QuestionNotYetKnown(reply.questionId()));
        String asked = question.title() + "\n" + question.body();
        Specialty specialty = reply.specialty();

        List<Hit> moreInfo = ranking.search(SearchRequest.moreInfo(asked + "\n" + reply.body(), question.title(),
                specialty, MORE_INFO, MORE_INFO_CHARS));
        Set<String> moreInfoPages = moreInfo.stream().map(Hit::page).collect(Collectors.toSet());
        List<Hit> similarQuestions = publishable.of(ranking.search(SearchRequest.similarQuestions(asked,
                question.title(), specialty, question.questionId(), SIMILAR_QUESTIONS + SPARE_QUESTIONS))).stream()
                .limit(SIMILAR_QUESTIONS).toList();
        List<Hit> similarKnowledge = ranking.search(SearchRequest.similarKnowledge(asked, question.title(), specialty,
                        SIMILAR_KNOWLEDGE + MORE_INFO))
                .stream().filter(hit -> !moreInfoPages.contains(hit.page())).limit(SIMILAR_KNOWLEDGE).toList();

        var enriched = new ReplyEnriched(UUID.randomUUID(), reply.questionId(), clock.instant(), reply.replyId(),
                moreInfo.stream().map(hit -> new MoreInfo(hit.title(), hit.snippet(), hit.source(), hit.url())).toList(),
                Stream.concat(similarQuestions.stream(), similarKnowledge.stream()).map(this::similar).toList(),
                faq.related(asked + "\n" + reply.body(), specialty));
        if (enrichments.store(enriched)) {
            events.publishEvent(enriched);
        }
        indexSync.refreshAfterCommit(question.questionId());
    }

    private SimilarQuestion similar(Hit hit) {
        Specialty specialty = hit.specialties().isEmpty() ? null : Specialty.valueOf(hit.specialties().get(0));
        if (hit.kind() == Kind.QUESTION) {
            return new SimilarQuestion(hit.id(), hit.kind().name(), hit.title(), hit.snippet(), hit.doctorName(),
                    specialty, hit.replySnippet(), hit.source(), links.questionPage(hit.id()));
        }
        return new SimilarQuestion(hit.id(), hit.kind().name(), hit.title(), hit.questionText(), null, specialty,
                hit.snippet(), hit.source(), hit.url());
    }
}
