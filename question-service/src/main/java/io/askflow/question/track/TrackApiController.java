package io.askflow.question.track;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Track", description = "The patient follows their question with the token they were given")
class TrackApiController {

    private final TrackingRepository tracking;

    TrackApiController(TrackingRepository tracking) {
        this.tracking = tracking;
    }

    @Operation(summary = "Status, specialty, doctor, dated timeline, reply and enrichment of a question",
            description = "404 for any token that does not open a question, with no hint whether it ever did.")
    @GetMapping("/api/track/{token}")
    Tracking track(@PathVariable String token) {
        return tracking.findByTrackingToken(token)
                .map(q -> Tracking.of(q, tracking.timeline(q.id())))
                .orElseThrow(TrackApiController::notFound);
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No question for this link.");
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
