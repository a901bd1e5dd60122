package io.askflow.reply.claim;

import jakarta.validation.constraints.Size;

/** Why the doctor lets the question go (optional; the workflow records it). */
record ReleaseRequest(@Size(max = 500) String reason) {
}
