package io.askflow.question.archive;

import io.askflow.events.Specialty;
import io.askflow.question.config.PatientSiteProperties;
import io.askflow.question.ratelimit.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The public archive: answered questions whose askers consented, newest answer first. */
@Controller
class ArchivePageController {

    private static final int MAX_QUERY = 200;

    private final ArchiveRepository archive;
    private final ArchiveSearch search;
    private final int pageSize;

    ArchivePageController(ArchiveRepository archive, ArchiveSearch search, PatientSiteProperties properties) {
        this.archive = archive;
        this.search = search;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/")
    ModelAndView home() {
        return new ModelAndView("index")
                .addObject("questions", page(null, 1))
                .addObject("counts", archive.publishedCounts());
    }

    @GetMapping("/specialties/{slug}")
    ModelAndView specialty(@PathVariable String slug, @RequestParam(defaultValue = "1") int page) {
        Specialty specialty = Specialty.fromNameOrSlug(slug).orElse(null);
        if (specialty == null || page < 1) {
            return notFound();
        }
        List<PublicQuestion> found = page(specialty, page);
        int total = archive.publishedCounts().getOrDefault(specialty, 0);
        return new ModelAndView("specialty")
                .addObject("specialty", specialty)
                .addObject("questions", found)
                .addObject("page", page)
                .addObject("hasNext", (long) page * pageSize < total)
                .addObject("total", total);
    }

    @GetMapping("/search")
    ModelAndView search(@RequestParam(name = "q", defaultValue = "") String words, HttpServletRequest request,
                        HttpServletResponse response) {
        String wanted = words.strip();
        ModelAndView page = new ModelAndView("search").addObject("searchWords", wanted);
        if (wanted.isEmpty() || wanted.length() > MAX_QUERY) {
            return page.addObject("questions", List.of());
        }
        try {
            return page.addObject("questions", search.search(wanted, pageSize, request.getRemoteAddr()).stream()
                    .map(PublicQuestion::of).toList());
        } catch (RateLimited limited) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
            return page.addObject("questions", List.of()).addObject("problem",
                    "Too many searches from your address. Please try again in a minute.");
        }
    }

    @GetMapping("/questions/{id}")
    ModelAndView question(@PathVariable String id) {
        return Archive.parse(id).flatMap(archive::findPublished)
                .map(q -> new ModelAndView("question").addObject("q", PublicQuestion.of(q)))
                .orElseGet(ArchivePageController::notFound);
    }

    private List<PublicQuestion> page(Specialty specialty, int page) {
        return archive.published(specialty, (page - 1) * pageSize, pageSize).stream()
                .map(PublicQuestion::of).toList();
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
