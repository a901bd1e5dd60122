package io.askflow.reply.answer;

import io.askflow.events.ReplyPosted;
import io.askflow.reply.ClaimConflictException;
import io.askflow.reply.DoctorQuestions;
import io.askflow.reply.QueueItem;
import io.askflow.reply.QueueItems;
import io.askflow.reply.doctor.Doctor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a reply by the doctor holding the claim, marks the question ANSWERED and publishes it, in one commit. */
@Service
public class PostReply {

    private static final Logger log = LoggerFactory.getLogger(PostReply.class);

    private final DoctorQuestions questions;
    private final QueueItems items;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostReply(DoctorQuestions questions, QueueItems items, JdbcTemplate jdbc, ApplicationEventPublisher events,
              Clock clock) {
        this.questions = questions;
        this.items = items;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** 409, and nothing changes, unless the doctor holds the claim right now. */
    @Transactional
    public UUID reply(Doctor doctor, UUID questionId, String body) {
        QueueItem item = questions.visibleTo(doctor, questionId);
        if (!items.answer(questionId, doctor.id())) {
            throw ClaimConflictException.inState(items.find(questionId).orElse(item).status(), "Not your claim",
                    "Only the doctor holding this question can reply, and you do not hold it (any more).");
        }
        UUID replyId = UUID.randomUUID();
        Instant now = clock.instant();
        String text = body.strip();
        jdbc.update("insert into reply (id, question_id, doctor_id, body, posted_at) values (?, ?, ?, ?, ?)",
                replyId, questionId, doctor.id(), text, Timestamp.from(now));
        events.publishEvent(new ReplyPosted(UUID.randomUUID(), questionId, now, replyId, doctor.id(),
                doctor.displayName(), item.specialty(), text));
        log.info("Reply {} posted by {}", replyId, doctor.username());
        return replyId;
    }
}
