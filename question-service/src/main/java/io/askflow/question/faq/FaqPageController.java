package io.askflow.question.faq;

import io.askflow.events.Specialty;
import io.askflow.question.lookup.EnrichmentLookup;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Related FAQ pages linked from replies, rendered from enrichment-service's catalog. A topic that does not
 * exist, or that cannot be fetched in time, is not found: the reply that links it reads fine without it.
 */
@Controller
class FaqPageController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 100;

    private final EnrichmentLookup enrichment;

    FaqPageController(EnrichmentLookup enrichment) {
        this.enrichment = enrichment;
    }

    @GetMapping("/faq/{specialty}/{slug}")
    ModelAndView faq(@PathVariable String specialty, @PathVariable String slug) {
        if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
            return notFound();
        }
        return Specialty.fromNameOrSlug(specialty)
                .flatMap(s -> enrichment.faq(s, slug))
                .map(page -> new ModelAndView("faq").addObject("faq", page))
                .orElseGet(FaqPageController::notFound);
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
