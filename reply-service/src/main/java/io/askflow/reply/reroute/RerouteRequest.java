package io.askflow.reply.reroute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where a question should go instead.
 *
 * @param specialty a specialty's name, slug or constant, e.g. {@code Cardiology}, {@code cardiology}
 * @param reason    optional, for the workflow's record
 */
record RerouteRequest(@NotBlank String specialty, @Size(max = 500) String reason) {
}
