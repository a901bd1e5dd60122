package io.askflow.enrichment.faq;

import io.askflow.events.Specialty;
import java.util.List;

/**
 * A plain-language FAQ page written by the Askflow team.
 *
 * @param keywords extra words that point to this topic (besides its title)
 * @param sources  where to read more; every url appears in MedQuAD
 * @param author   always the Askflow team: these pages are ours, not a source's
 */
public record FaqTopic(Specialty specialty, String slug, String title, String body, List<String> keywords,
                       List<Link> sources, String author) {

    public FaqTopic {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sources = sources == null ? List.of() : List.copyOf(sources);
        author = author == null ? "Written by the Askflow team" : author;
    }

    public record Link(String title, String url) {
    }
}
