package io.askflow.workflow.timeline;

import io.askflow.platform.QuestionLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class TimelineApiController {

    private final Timeline timeline;

    TimelineApiController(Timeline timeline) {
        this.timeline = timeline;
    }

    @Operation(summary = "The dated steps of a question, in the order the process reached them")
    @ApiResponse(responseCode = "200", description = "The steps")
    @ApiResponse(responseCode = "404", description = "No question with this id has reached the workflow")
    @GetMapping("/api/questions/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        try (var logged = QuestionLog.about(id)) {
            List<TimelineEntry> steps = timeline.of(id);
            if (steps.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No question " + id);
            }
            return steps;
        }
    }
}
