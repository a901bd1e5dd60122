package io.askflow.enrichment.faq;

import io.askflow.events.Specialty;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The Related FAQ catalog; question-service renders its pages at {@code /faq/{specialty}/{slug}}. */
@RestController
class FaqApiController {

    private final FaqCatalog catalog;

    FaqApiController(FaqCatalog catalog) {
        this.catalog = catalog;
    }

    /** A topic in a list: enough to link to its page. */
    record TopicLink(String slug, String title, Specialty specialty) {
    }

    @Operation(summary = "The FAQ topics of a specialty (name or slug)")
    @GetMapping("/api/faq/{specialty}")
    List<TopicLink> topics(@PathVariable String specialty) {
        return catalog.of(specialty(specialty)).stream()
                .map(topic -> new TopicLink(topic.slug(), topic.title(), topic.specialty())).toList();
    }

    @Operation(summary = "One FAQ page: title, body, source links, author")
    @GetMapping("/api/faq/{specialty}/{slug}")
    FaqTopic topic(@PathVariable String specialty, @PathVariable String slug) {
        return catalog.find(specialty(specialty), slug)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such FAQ topic"));
    }

    private static Specialty specialty(String name) {
        return Specialty.fromNameOrSlug(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such specialty"));
    }
}
