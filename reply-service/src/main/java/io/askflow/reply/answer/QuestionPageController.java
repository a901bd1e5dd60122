package io.askflow.reply.answer;

import io.askflow.events.Specialty;
import io.askflow.platform.web.RetryLater;
import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.QueueItem;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One question: the page, with the reply form and its preview, and the reply it posts. Claiming and releasing are
 * {@code claim.ClaimPageController}'s, sending it to another specialty {@code reroute.ReroutePageController}'s. A
 * refused reply (the claim was taken away) is shown on the page rather than as an error page.
 */
@Controller
class QuestionPageController {

    private static final String VIEW = "question";
    /** Needs no database: the doctor's reply, and a button to send it again. */
    private static final String UNAVAILABLE_VIEW = "reply-unavailable";

    private final DoctorQuestions questions;
    private final PostReply replies;
    private final Replies stored;
    private final SimilarPassages similar;
    private final Clock clock;

    QuestionPageController(DoctorQuestions questions, PostReply replies, Replies stored, SimilarPassages similar,
                           Clock clock) {
        this.questions = questions;
        this.replies = replies;
        this.stored = stored;
        this.similar = similar;
        this.clock = clock;
    }

    @GetMapping("/questions/{id}")
    String page(@PathVariable UUID id, @AuthenticationPrincipal DoctorAccount account, Model model) {
        Doctor doctor = questions.doctor(account);
        fill(model, doctor, questions.visibleTo(doctor, id), "");
        return VIEW;
    }

    /**
     * {@code action=preview} shows the reply as the patient will read it; {@code action=send} posts it. A reply of
     * the wrong length comes back with the problem. If the database cannot be reached, nothing is stored and the
     * reply comes back to the doctor to send again (503).
     */
    @PostMapping("/questions/{id}/reply")
    String reply(@PathVariable UUID id, @Valid ReplyRequest reply, BindingResult invalid,
                 @RequestParam(defaultValue = "preview") String action,
                 @AuthenticationPrincipal DoctorAccount account, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        String body = reply.body() == null ? "" : reply.body();
        try {
            return replyOrPreview(id, body, invalid, action, account, model, redirect);
        } catch (RuntimeException failure) {
            RetryLater.answer(failure, response, "the reply form");
            model.addAttribute("questionId", id);
            model.addAttribute("draft", body);
            return UNAVAILABLE_VIEW;
        }
    }

    private String replyOrPreview(UUID id, String body, BindingResult invalid, String action, DoctorAccount account,
                                  Model model, RedirectAttributes redirect) {
        Doctor doctor = questions.doctor(account);
        if (invalid.hasErrors() || !"send".equals(action)) {
            fill(model, doctor, questions.visibleTo(doctor, id), body);
            model.addAttribute("problem", invalid.hasErrors() ? invalid.getFieldErrors().get(0).getDefaultMessage()
                    : null);
            model.addAttribute("preview", invalid.hasErrors() ? null : body.strip());
            return VIEW;
        }
        try {
            replies.reply(doctor, id, body);
            redirect.addFlashAttribute("message", "Reply sent. The patient will get an email.");
        } catch (ErrorResponseException refused) {
            redirect.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/questions/" + id;
    }

    private void fill(Model model, Doctor doctor, QueueItem item, String draft) {
        model.addAttribute("me", doctor);
        model.addAttribute("q", item);
        model.addAttribute("overdue", item.overdue(clock.instant()));
        boolean heldByMe = item.status() == QueueItem.Status.CLAIMED && doctor.id().equals(item.claimedBy());
        model.addAttribute("heldByMe", heldByMe);
        model.addAttribute("similar", heldByMe
                ? similar.forQuestion(item.title(), item.body(), item.specialty()) : List.of());
        boolean canClaim = item.status() == QueueItem.Status.OPEN && doctor.covers(item.specialty());
        model.addAttribute("canClaim", canClaim);
        model.addAttribute("canReroute", canClaim || heldByMe);
        model.addAttribute("triage", item.specialty() == Specialty.GENERAL_MEDICINE);
        model.addAttribute("otherSpecialties", Arrays.stream(Specialty.values())
                .filter(s -> s != item.specialty()).toList());
        model.addAttribute("reply", stored.forQuestion(item.questionId()).orElse(null));
        model.addAttribute("draft", draft);
        model.addAttribute("minLength", ReplyRequest.MIN);
        model.addAttribute("maxLength", ReplyRequest.MAX);
    }
}
