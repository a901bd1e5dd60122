package io.askflow.question.ask;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import io.askflow.platform.web.RetryLater;
import io.askflow.question.ratelimit.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ask form: the same limits as the API, errors beside their fields, the patient's input kept. */
@Controller
class AskPageController {

    private static final String VIEW = "ask";

    private final AskQuestion askQuestion;

    AskPageController(AskQuestion askQuestion) {
        this.askQuestion = askQuestion;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("ageRanges", List.of(AgeRange.values()));
        model.addAttribute("genders", List.of(Gender.values()));
        model.addAttribute("specialties", List.of(Specialty.values()));
    }

    @GetMapping("/ask")
    String form(Model model) {
        model.addAttribute("askForm", new AskForm());
        return VIEW;
    }

    /**
     * Refusals re-render the form with the patient's input and their status: 400 invalid, 429 too many, 503 when
     * the database cannot be reached (nothing stored; the text stays in the form to send again).
     */
    @PostMapping(path = "/ask", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String ask(@Valid @ModelAttribute AskForm askForm, BindingResult result, RedirectAttributes redirect,
               HttpServletRequest request, HttpServletResponse response) {
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return VIEW;
        }
        Asked asked;
        try {
            asked = askQuestion.ask(askForm, request.getRemoteAddr());
        } catch (RateLimited limited) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
            result.reject("rateLimited", "You have sent many questions in a short time. Please try again in "
                    + Math.max(1, (limited.retryAfterSeconds() + 59) / 60) + " minutes; your text is kept below.");
            return VIEW;
        } catch (RuntimeException failure) {
            RetryLater.answer(failure, response, "the ask form");
            result.reject("unavailable", "We could not save your question just now, and nothing was stored. Please "
                    + "send it again in a minute; your text is kept below.");
            return VIEW;
        }
        // The greeting travels in the session's flash map; the tracking page reads fine without it.
        redirect.addFlashAttribute("justAsked", true);
        return "redirect:/track/" + asked.trackingToken();
    }
}
