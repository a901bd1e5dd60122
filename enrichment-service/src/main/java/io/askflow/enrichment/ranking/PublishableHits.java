package io.askflow.enrichment.ranking;

import io.askflow.enrichment.Questions;
import io.askflow.enrichment.index.Kind;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Leaves out answered questions whose askers have withdrawn the question or the consent to publish. This instance's
 * index drops such a question as soon as it handles the withdrawal, but the index of another instance only at its
 * next sync; the schema knows at once, so whatever is shown or stored is checked against it.
 */
@Component
public class PublishableHits {

    private final Questions questions;

    PublishableHits(Questions questions) {
        this.questions = questions;
    }

    /** The hits in their order, knowledge records all, questions only while publishable. */
    public List<Hit> of(List<Hit> hits) {
        List<UUID> asked = hits.stream().filter(hit -> hit.kind() == Kind.QUESTION)
                .map(hit -> UUID.fromString(hit.id())).toList();
        if (asked.isEmpty()) {
            return hits;
        }
        Set<UUID> publishable = questions.publishable(asked);
        return hits.stream().filter(hit -> hit.kind() != Kind.QUESTION
                || publishable.contains(UUID.fromString(hit.id()))).toList();
    }
}
