package io.askflow.reply.queue;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QueueApiController {

    private final DoctorQuestions questions;
    private final DoctorQueue queue;
    private final Clock clock;

    QueueApiController(DoctorQuestions questions, DoctorQueue queue, Clock clock) {
        this.questions = questions;
        this.queue = queue;
        this.clock = clock;
    }

    @Operation(summary = "Open questions of the caller's specialties, most urgent first")
    @GetMapping("/api/queue")
    List<QueueEntry> queue(@AuthenticationPrincipal DoctorAccount account) {
        Instant now = clock.instant();
        return queue.open(questions.doctor(account)).stream().map(item -> QueueEntry.of(item, now)).toList();
    }

    @Operation(summary = "The questions the caller holds")
    @GetMapping("/api/questions/mine")
    List<QueueEntry> mine(@AuthenticationPrincipal DoctorAccount account) {
        Instant now = clock.instant();
        return queue.mine(questions.doctor(account)).stream().map(item -> QueueEntry.of(item, now)).toList();
    }

    @Operation(summary = "One question of the caller's specialties (403 for other specialties)")
    @GetMapping("/api/questions/{id}")
    QuestionDetails question(@PathVariable UUID id, @AuthenticationPrincipal DoctorAccount account) {
        Doctor doctor = questions.doctor(account);
        return QuestionDetails.of(questions.visibleTo(doctor, id), doctor.id());
    }
}
