package io.askflow.reply.answer;

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
class ReplyApiController {

    private final DoctorQuestions questions;
    private final PostReply replies;

    ReplyApiController(DoctorQuestions questions, PostReply replies) {
        this.questions = questions;
        this.replies = replies;
    }

    /** The reply to a question. */
    record Posted(UUID replyId) {
    }

    @Operation(summary = "Reply to a question you hold (20-10000 characters)")
    @ApiResponse(responseCode = "202", description = "Stored; enrichment and the patient's email follow")
    @ApiResponse(responseCode = "400", description = "The body is too short or too long")
    @ApiResponse(responseCode = "409", description = "You do not hold this question")
    @PostMapping("/api/questions/{id}/reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Posted reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request,
                 @AuthenticationPrincipal DoctorAccount account) {
        return new Posted(replies.reply(questions.doctor(account), id, request.body()));
    }
}
