package io.askflow.question.lookup;

import io.askflow.events.Specialty;
import java.util.List;

/** A Related FAQ topic as enrichment-service serves it ({@code GET /api/faq/{specialty}/{slug}}). */
public record FaqPage(Specialty specialty, String slug, String title, String body, List<Link> sources, String author) {

    public FaqPage {
        sources = sources == null ? List.of() : sources.stream()
                .filter(link -> link != null && WebLinks.orNull(link.url()) != null).toList();
    }

    /** Where to read more. */
    public record Link(String title, String url) {
    }
}
