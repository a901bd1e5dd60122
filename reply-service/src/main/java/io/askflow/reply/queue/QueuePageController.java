package io.askflow.reply.queue;

import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.QueueItem;
import io.askflow.reply.doctor.Doctor;
import io.askflow.reply.doctor.DoctorAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The doctor's work page. The lists reload as a fragment ({@code /queue/lists}) when {@code /queue/events} (server-
 * sent events, see {@link QueueSignals}) says the doctor's queues changed, and every 10 seconds while that stream
 * is not connected; both read the shared database, so they work behind any number of instances.
 */
@Controller
class QueuePageController {

    private final DoctorQuestions questions;
    private final DoctorQueue queue;
    private final QueueSignals signals;
    private final Clock clock;

    QueuePageController(DoctorQuestions questions, DoctorQueue queue, QueueSignals signals, Clock clock) {
        this.questions = questions;
        this.queue = queue;
        this.signals = signals;
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

    @GetMapping(path = "/queue/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal DoctorAccount account) {
        return signals.subscribe(questions.doctor(account).specialties());
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
