package io.askflow.question.ask;

import io.askflow.question.config.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/questions")
@Tag(name = "Ask", description = "Patients ask a question")
class AskApiController {

    private final AskQuestion askQuestion;

    AskApiController(AskQuestion askQuestion) {
        this.askQuestion = askQuestion;
    }

    @Operation(summary = "Ask a question", description = "Title 5-150 characters, body 20-5000, nickname 1-40, a "
            + "valid email, ageRange as on the page (under 10, 10~19 … 80+), gender female/male/other, specialty a "
            + "name or slug (absent: routing decides). Invalid input: 400 problem+json with errors [{field, message}]. "
            + "More than askflow.rate-limit.per-minute (5) questions a minute or per-day (20) a day from one client "
            + "address: 429 problem+json with Retry-After.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AskForm.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Asked> ask(@Parameter(hidden = true) @Valid @JsonFields AskForm askForm,
                              HttpServletRequest request) {
        return created(askQuestion.ask(askForm, request.getRemoteAddr()));
    }

    /** The same, for a plain HTML form posting here. */
    @Operation(summary = "Ask a question with form fields")
    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Asked> askWithForm(@Valid @ModelAttribute AskForm askForm, HttpServletRequest request) {
        return created(askQuestion.ask(askForm, request.getRemoteAddr()));
    }

    private static ResponseEntity<Asked> created(Asked asked) {
        return ResponseEntity.created(URI.create("/api/track/" + asked.trackingToken())).body(asked);
    }
}
