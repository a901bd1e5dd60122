package io.askflow.notification.delivery;

import io.askflow.platform.QuestionLog;
import io.askflow.notification.Deliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log for operators (admin only, see the security configuration). */
@RestController
@RequestMapping("/api/notifications")
@SecurityRequirement(name = "operator")
class DeliveryLogApiController {

    private final Deliveries deliveries;
    private final RetryDelivery retryDelivery;

    DeliveryLogApiController(Deliveries deliveries, RetryDelivery retryDelivery) {
        this.deliveries = deliveries;
        this.retryDelivery = retryDelivery;
    }

    @Operation(summary = "Every mail about one question: status, attempts, last error, SMTP response, times; "
            + "addresses masked")
    @GetMapping
    List<DeliveryLogEntry> log(@RequestParam UUID questionId) {
        try (var logged = QuestionLog.about(questionId)) {
            return deliveries.ofQuestion(questionId).stream().map(DeliveryLogEntry::of).toList();
        }
    }

    @Operation(summary = "Sends a FAILED mail again (409 unless it is FAILED)")
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryLogEntry retry(@PathVariable UUID id) {
        return DeliveryLogEntry.of(retryDelivery.retry(id));
    }
}
