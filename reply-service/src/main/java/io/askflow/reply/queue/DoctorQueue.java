package io.askflow.reply.queue;

import io.askflow.reply.QueueItem;
import io.askflow.reply.QueueItems;
import io.askflow.reply.doctor.Doctor;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The two lists a doctor works from: open questions of their specialties and the ones they hold. */
@Service
class DoctorQueue {

    private final QueueItems items;
    private final Clock clock;
    private final int limit;

    DoctorQueue(QueueItems items, Clock clock, @Value("${askflow.reply.queue-limit:200}") int limit) {
        this.items = items;
        this.clock = clock;
        this.limit = limit;
    }

    List<QueueItem> open(Doctor doctor) {
        return doctor.specialties().isEmpty() || !doctor.active() ? List.of()
                : items.open(doctor.specialties(), clock.instant(), limit);
    }

    List<QueueItem> mine(Doctor doctor) {
        return items.heldBy(doctor.id(), clock.instant());
    }
}
