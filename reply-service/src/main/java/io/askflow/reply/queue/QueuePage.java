package io.askflow.reply.queue;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.QueueItem;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The doctor's work page. The lists poll {@code /queue/lists} (a fragment) so new and taken questions show up
 * without a reload; polling reads the shared database, so it works behind any number of instances.
 */
@Controller
class QueuePage {

    private final DoctorQuestions questions;
    private final DoctorQueue queue;
    private final Clock clock;

    QueuePage(DoctorQuestions questions, DoctorQueue queue, Clock clock) {
        this.questions = questions;
        this.queue = queue;
        this.clock = clock;
    }

    /** A row of the page: the entry and how long it has waited, in words. */
    record Row(QueueEntry entry, String waited) {
    }

    @GetMapping("/queue")
    String page(@AuthenticationPrincipal DoctorAccount account, Model model) {
        fill(account, model);
        return "queue";
    }

    @GetMapping("/queue/lists")
    String lists(@AuthenticationPrincipal DoctorAccount account, Model model) {
        fill(account, model);
        return "queue :: lists";
    }

    private void fill(DoctorAccount account, Model model) {
        Doctor doctor = questions.doctor(account);
        Instant now = clock.instant();
        model.addAttribute("me", doctor);
        model.addAttribute("open", rows(queue.open(doctor), now));
        model.addAttribute("mine", rows(queue.mine(doctor), now));
    }

    private static List<Row> rows(List<QueueItem> items, Instant now) {
        return items.stream().map(item -> new Row(QueueEntry.of(item, now),
                waited(item.askedAt() == null ? item.queuedAt() : item.askedAt(), now))).toList();
    }

    static String waited(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        Duration waited = Duration.between(since, now);
        if (waited.toDays() > 0) {
            return waited.toDays() + " d " + waited.toHoursPart() + " h";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + " h " + waited.toMinutesPart() + " min";
        }
        return Math.max(0, waited.toMinutes()) + " min";
    }
}
