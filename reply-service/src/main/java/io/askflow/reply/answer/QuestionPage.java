package io.askflow.reply.answer;

import io.askflow.events.Specialty;
import io.askflow.platform.StorageUnavailable;
import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.QueueItem;
import io.askflow.reply.claim.ClaimQuestion;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One question: claim, release (with a reason), the reply form with a preview, and the form that sends it to
 * another specialty ({@code reroute.ReroutePage}). A refused action (someone else was faster, the claim was taken
 * away) is shown on the page rather than as an error page.
 */
@Controller
class QuestionPage {

    private static final Logger log = LoggerFactory.getLogger(QuestionPage.class);
    private static final String VIEW = "question";
    /** Needs no database: the doctor's reply, and a button to send it again. */
    private static final String UNAVAILABLE_VIEW = "reply-unavailable";

    private final DoctorQuestions questions;
    private final ClaimQuestion claims;
    private final PostReply replies;
    private final Replies stored;
    private final SimilarPassages similar;
    private final Clock clock;

    QuestionPage(DoctorQuestions questions, ClaimQuestion claims, PostReply replies, Replies stored,
                 SimilarPassages similar, Clock clock) {
        this.questions = questions;
        this.claims = claims;
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

    /**
     * {@code action=preview} shows the reply as the patient will read it; {@code action=send} posts it. If the
     * database cannot be reached, nothing is stored and the reply comes back to the doctor to send again (503).
     */
    @PostMapping("/questions/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "preview") String action,
                 @AuthenticationPrincipal DoctorAccount account, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        try {
            return replyOrPreview(id, body, action, account, model, redirect);
        } catch (RuntimeException failure) {
            if (!StorageUnavailable.is(failure)) {
                throw failure;
            }
            log.warn("Database unreachable, the reply form answered 503: {}", failure.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(StorageUnavailable.RETRY_AFTER_SECONDS));
            model.addAttribute("questionId", id);
            model.addAttribute("draft", body);
            return UNAVAILABLE_VIEW;
        }
    }

    private String replyOrPreview(UUID id, String body, String action, DoctorAccount account, Model model,
                                  RedirectAttributes redirect) {
        Doctor doctor = questions.doctor(account);
        String text = body.strip();
        String invalid = text.length() < ReplyRequest.MIN || text.length() > ReplyRequest.MAX
                ? "A reply has " + ReplyRequest.MIN + " to " + ReplyRequest.MAX + " characters; this one has "
                        + text.length() + "."
                : null;
        if (invalid != null || !"send".equals(action)) {
            fill(model, doctor, questions.visibleTo(doctor, id), body);
            model.addAttribute("problem", invalid);
            model.addAttribute("preview", invalid == null ? text : null);
            return VIEW;
        }
        try {
            replies.reply(doctor, id, text);
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
