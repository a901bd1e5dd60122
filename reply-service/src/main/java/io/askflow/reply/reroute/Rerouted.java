package io.askflow.reply.reroute;

import io.askflow.events.Specialty;
import io.askflow.reply.QueueItem;
import java.util.UUID;

/** The question has left its queue; the workflow places it in {@code toSpecialty}. */
record Rerouted(UUID questionId, Specialty fromSpecialty, Specialty toSpecialty, QueueItem.Status status) {
}
