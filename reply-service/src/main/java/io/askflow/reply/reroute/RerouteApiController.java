package io.askflow.reply.reroute;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.doctor.DoctorAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RerouteApiController {

    private final DoctorQuestions questions;
    private final RerouteQuestion reroutes;

    RerouteApiController(DoctorQuestions questions, RerouteQuestion reroutes) {
        this.questions = questions;
        this.reroutes = reroutes;
    }

    @Operation(summary = "Send a question to another specialty (wrong specialty, or triage placing it)")
    @ApiResponse(responseCode = "202", description = "Out of this queue; the workflow routes it to the specialty")
    @ApiResponse(responseCode = "400", description = "Unknown specialty, or the one the question is in")
    @ApiResponse(responseCode = "403", description = "Not your specialty")
    @ApiResponse(responseCode = "409", description = "Another doctor holds it, or it is no longer open")
    @PostMapping("/api/questions/{id}/reroute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Rerouted reroute(@PathVariable UUID id, @Valid @RequestBody RerouteRequest request,
                     @AuthenticationPrincipal DoctorAccount account) {
        return reroutes.reroute(questions.doctor(account), id, request.specialty(), request.reason());
    }
}
