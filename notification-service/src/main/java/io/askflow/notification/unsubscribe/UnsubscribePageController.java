package io.askflow.notification.unsubscribe;

import io.askflow.platform.QuestionLog;
import io.askflow.notification.mail.MailSettings;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of optional mails. GET only shows a confirmation page, since mail scanners open every link
 * of a mail; the page's button (or a mail client's RFC 8058 one-click POST) unsubscribes.
 */
@Controller
@RequestMapping("/unsubscribe")
class UnsubscribePageController {

    static final String PAGE = "pages/unsubscribe";

    private final UnsubscribePatient unsubscribe;
    private final String product;

    UnsubscribePageController(UnsubscribePatient unsubscribe, MailSettings settings) {
        this.unsubscribe = unsubscribe;
        this.product = settings.productName();
    }

    @Operation(summary = "Asks the patient to confirm leaving optional mail (400 for an invalid link)")
    @GetMapping
    ModelAndView confirm(@RequestParam(required = false) String token) {
        return aboutQuestion(token, () -> page(unsubscribe.check(token), "confirm", token));
    }

    @Operation(summary = "Unsubscribes the link's address from RECEIVED and DELAYED mails; ANSWERED is always sent")
    @PostMapping
    ModelAndView unsubscribe(@RequestParam(required = false) String token) {
        return aboutQuestion(token, () -> page(unsubscribe.unsubscribe(token), "done", token));
    }

    private ModelAndView page(Optional<UUID> questionId, String state, String token) {
        if (questionId.isEmpty()) {
            return new ModelAndView(PAGE, Map.of("state", "invalid", "product", product), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView(PAGE, Map.of("state", state, "token", token, "product", product), HttpStatus.OK);
    }

    private static ModelAndView aboutQuestion(String token, Supplier<ModelAndView> action) {
        UnsubscribeLinks.questionOf(token).ifPresent(id -> MDC.put(QuestionLog.KEY, id.toString()));
        try {
            return action.get();
        } finally {
            MDC.remove(QuestionLog.KEY);
        }
    }
}
