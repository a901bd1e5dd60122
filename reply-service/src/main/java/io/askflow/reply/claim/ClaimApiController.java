package io.askflow.reply.claim;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.doctor.DoctorAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClaimApiController {

    private final DoctorQuestions questions;
    private final ClaimQuestion claims;

    ClaimApiController(DoctorQuestions questions, ClaimQuestion claims) {
        this.questions = questions;
        this.claims = claims;
    }

    @Operation(summary = "Take a question of your specialty")
    @ApiResponse(responseCode = "200", description = "You hold it now")
    @ApiResponse(responseCode = "403", description = "Not your specialty")
    @ApiResponse(responseCode = "404", description = "Unknown question")
    @ApiResponse(responseCode = "409", description = "Another doctor holds it, or it is no longer open")
    @PostMapping("/api/questions/{id}/claim")
    Claim claim(@PathVariable UUID id, @AuthenticationPrincipal DoctorAccount account) {
        return claims.claim(questions.doctor(account), id);
    }

    @Operation(summary = "Give back a question you hold, with an optional reason")
    @ApiResponse(responseCode = "204", description = "Back in the queue")
    @ApiResponse(responseCode = "409", description = "You do not hold it")
    @PostMapping("/api/questions/{id}/release")
    ResponseEntity<Void> release(@PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequest request,
                                 @AuthenticationPrincipal DoctorAccount account) {
        claims.release(questions.doctor(account), id, request == null ? null : request.reason());
        return ResponseEntity.noContent().build();
    }
}
