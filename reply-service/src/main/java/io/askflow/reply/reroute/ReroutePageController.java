package io.askflow.reply.reroute;

import io.askflow.reply.ClaimConflictException;
import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.doctor.DoctorAccount;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The question page's "send to another specialty" form; a refusal is shown on the question page. */
@Controller
class ReroutePageController {

    private final DoctorQuestions questions;
    private final RerouteQuestion reroutes;

    ReroutePageController(DoctorQuestions questions, RerouteQuestion reroutes) {
        this.questions = questions;
        this.reroutes = reroutes;
    }

    @PostMapping("/questions/{id}/reroute")
    String reroute(@PathVariable UUID id, @RequestParam(defaultValue = "") String specialty,
                   @RequestParam(required = false) String reason, @AuthenticationPrincipal DoctorAccount account,
                   RedirectAttributes redirect) {
        try {
            Rerouted rerouted = reroutes.reroute(questions.doctor(account), id, specialty,
                    reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500));
            redirect.addFlashAttribute("message", "Sent to " + rerouted.toSpecialty().displayName()
                    + ": the question has left the " + rerouted.fromSpecialty().displayName() + " queue.");
            return "redirect:/queue";
        } catch (ClaimConflictException | InvalidFieldException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/questions/" + id;
        }
    }
}
