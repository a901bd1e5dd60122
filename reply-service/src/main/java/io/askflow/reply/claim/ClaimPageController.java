package io.askflow.reply.claim;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.doctor.DoctorAccount;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim and release buttons of the queue and question pages. A refused action (someone else was faster, the
 * claim was taken away) is shown on the question page rather than as an error page.
 */
@Controller
class ClaimPageController {

    private final DoctorQuestions questions;
    private final ClaimQuestion claims;

    ClaimPageController(DoctorQuestions questions, ClaimQuestion claims) {
        this.questions = questions;
        this.claims = claims;
    }

    @PostMapping("/questions/{id}/claim")
    String claim(@PathVariable UUID id, @AuthenticationPrincipal DoctorAccount account, RedirectAttributes redirect) {
        try {
            claims.claim(questions.doctor(account), id);
            redirect.addFlashAttribute("message", "You hold this question now.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/questions/" + id;
    }

    @PostMapping("/questions/{id}/release")
    String release(@PathVariable UUID id, @RequestParam(required = false) String reason,
                   @AuthenticationPrincipal DoctorAccount account, RedirectAttributes redirect) {
        try {
            claims.release(questions.doctor(account), id, reason);
            redirect.addFlashAttribute("message", "Released: the question is back in the queue.");
            return "redirect:/queue";
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/questions/" + id;
        }
    }
}
