package io.askflow.enrichment.similar;

import io.askflow.enrichment.index.Kind;
import io.askflow.enrichment.ranking.Hit;
import io.askflow.enrichment.ranking.PageRanking;
import io.askflow.enrichment.ranking.PublishableHits;
import io.askflow.enrichment.ranking.SearchRequest;
import io.askflow.events.Specialty;
import io.askflow.platform.ServiceLinks;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Similar Q&amp;A and knowledge for any text: answered Askflow questions and knowledge records together. */
@RestController
class SimilarApiController {

    static final int MAX_QUERY = 5000;
    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;

    private final PageRanking ranking;
    private final PublishableHits publishable;
    private final ServiceLinks links;

    SimilarApiController(PageRanking ranking, PublishableHits publishable,
                         ServiceLinks links) {
        this.ranking = ranking;
        this.publishable = publishable;
        this.links = links;
    }

    @Operation(summary = "Answered questions and knowledge records similar to a text, one per source page")
    @GetMapping("/api/similar")
    List<SimilarResult> similar(@RequestParam(required = false) String q,
                                @RequestParam(required = false) String specialty,
                                @RequestParam(required = false) Integer limit) {
        return search(q, specialty, limit);
    }

    @Operation(summary = "The same as GET /api/similar, for long texts")
    @PostMapping("/api/similar")
    List<SimilarResult> similar(@RequestBody SimilarQuery query) {
        return search(query.q(), query.specialty(), query.limit());
    }

    private List<SimilarResult> search(String q, String specialtyName, Integer limit) {
        if (q == null || q.isBlank()) {
            throw new InvalidSearch("q", "must not be empty");
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidSearch("q", "must be at most " + MAX_QUERY + " characters");
        }
        int wanted = limit == null ? DEFAULT_LIMIT : limit;
        if (wanted < 1 || wanted > MAX_LIMIT) {
            throw new InvalidSearch("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Specialty specialty = null;
        if (specialtyName != null && !specialtyName.isBlank()) {
            specialty = Specialty.fromNameOrSlug(specialtyName)
                    .orElseThrow(() -> new InvalidSearch("specialty", "is not a known specialty"));
        }
        return publishable.of(ranking.search(SearchRequest.anyKind(q, specialty, wanted))).stream().map(this::result)
                .toList();
    }

    private SimilarResult result(Hit hit) {
        Specialty specialty = hit.specialties().isEmpty() ? null : Specialty.valueOf(hit.specialties().get(0));
        String url = hit.kind() == Kind.QUESTION ? links.questionPage(hit.id()) : hit.url();
        return new SimilarResult(hit.id(), hit.kind().name(), hit.title(), hit.snippet(), hit.snippetHtml(), url,
                hit.source(), specialty, hit.score());
    }

    @ExceptionHandler(InvalidSearch.class)
    ProblemDetail invalid(InvalidSearch e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.field() + " " + e.getMessage());
        problem.setTitle("Invalid search");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }
}
