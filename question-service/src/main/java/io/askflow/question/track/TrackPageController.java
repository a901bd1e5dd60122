package io.askflow.question.track;

import io.askflow.platform.ServiceLinks;
import io.askflow.question.Question;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's tracking page and the choices it offers: withdraw the question while no doctor has taken it,
 * withdraw consent to publish at any time. {@code justAsked} and {@code done} (flash attributes) say what just
 * happened; the page reads fine without them.
 */
@Controller
class TrackPageController {

    private static final String VIEW = "track";

    private final TrackingRepository tracking;
    private final PatientControl control;
    private final ServiceLinks links;

    TrackPageController(TrackingRepository tracking, PatientControl control,
                        ServiceLinks links) {
        this.tracking = tracking;
        this.control = control;
        this.links = links;
    }

    @GetMapping("/track/{token}")
    ModelAndView track(@PathVariable String token) {
        return tracking.findByTrackingToken(token).map(q -> page(q, token)).orElseGet(TrackPageController::notFound);
    }

    @PostMapping("/track/{token}/withdraw")
    ModelAndView withdraw(@PathVariable String token, RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Question> question = tracking.findByTrackingToken(token);
        if (question.isEmpty()) {
            return notFound();
        }
        if (control.withdraw(question.get()) == PatientControl.Withdrawal.TAKEN_BY_A_DOCTOR) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(tracking.findByTrackingToken(token).orElseThrow(), token).addObject("problem",
                    "A doctor has already taken your question, so it can no longer be withdrawn. The reply will "
                            + "appear here.");
        }
        redirect.addFlashAttribute("done", "Your question is withdrawn. No doctor will answer it, and we will not "
                + "email you about it.");
        return new ModelAndView("redirect:/track/" + token);
    }

    @PostMapping("/track/{token}/withdraw-consent")
    ModelAndView withdrawConsent(@PathVariable String token, RedirectAttributes redirect) {
        Optional<Question> question = tracking.findByTrackingToken(token);
        if (question.isEmpty()) {
            return notFound();
        }
        control.withdrawConsent(question.get());
        redirect.addFlashAttribute("done", "Your question will not be published; if it was, its public page is gone.");
        return new ModelAndView("redirect:/track/" + token);
    }

    private ModelAndView page(Question q, String token) {
        return new ModelAndView(VIEW)
                .addObject("tracking", Tracking.of(q, tracking.timeline(q.id())))
                .addObject("token", token)
                .addObject("trackingLink", links.trackingPage(token));
    }

    private static ModelAndView notFound() {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }
}
