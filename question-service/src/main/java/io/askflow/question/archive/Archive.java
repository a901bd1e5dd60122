package io.askflow.question.archive;

import java.util.Optional;
import java.util.UUID;

/** Small helpers of the archive's pages. */
final class Archive {

    /** A question id from a path; anything else is simply not found. */
    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Archive() {
    }
}
