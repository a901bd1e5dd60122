package io.askflow.question.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Archive", description = "Answered questions whose askers agreed to publishing")
class ArchiveApiController {

    private final ArchiveRepository archive;

    ArchiveApiController(ArchiveRepository archive) {
        this.archive = archive;
    }

    @Operation(summary = "The public Q&A page of an answered question",
            description = "404 until the question is answered, and always when its asker did not consent.")
    @GetMapping("/api/questions/{id}")
    PublicQuestion question(@PathVariable String id) {
        return Archive.parse(id).flatMap(archive::findPublished).map(PublicQuestion::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No published question " + id),
                        null));
    }
}
