package io.askflow.notification;

import io.askflow.events.NotificationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The delivery table. Every state change is one guarded statement, so concurrent senders, instances and
 * duplicated requests can never both win: a request is stored once per recipient, a due mail is claimed by one
 * sender, and only the claim's holder (same attempt number) records its outcome.
 */
@Repository
public class Deliveries {

    private static final RowMapper<Delivery> ROW = Deliveries::map;

    private final NamedParameterJdbcTemplate jdbc;

    Deliveries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores new mails, each due at {@code nextAttemptAt} (PENDING) or already settled (SKIPPED_UNSUBSCRIBED), in one
     * batch of statements (one round trip). Returns the mails stored: a mail whose request already has one for its
     * recipient, stored before or earlier in this list, is left out.
     */
    public List<Delivery> addAll(List<Delivery> mails) {
        // One order for every batch, so two transactions storing the same keys wait for each other, never deadlock.
        List<Delivery> sorted = mails.stream().sorted(Comparator.comparing(Delivery::notificationId)
                .thenComparing(Delivery::recipientKey)).toList();
        int[] counts = jdbc.batchUpdate("""
                insert into delivery (id, notification_id, recipient_key, question_id, kind, recipient, recipient_name,
                                      message_id, subject, text_body, html_body, unsubscribe_url, status, attempts,
                                      next_attempt_at, give_up_at, requested_at)
                values (:id, :notificationId, :recipientKey, :questionId, :kind, :recipient, :recipientName,
                        :messageId, :subject, :textBody, :htmlBody, :unsubscribeUrl, :status, 0, :nextAttemptAt,
                        :giveUpAt, :requestedAt)
                on conflict (notification_id, recipient_key) do nothing
                """, sorted.stream().map(Deliveries::parameters).toArray(SqlParameterSource[]::new));
        List<Delivery> added = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                added.add(sorted.get(i));
            }
        }
        return added;
    }

    private static SqlParameterSource parameters(Delivery delivery) {
        return new MapSqlParameterSource()
                .addValue("id", delivery.id())
                .addValue("notificationId", delivery.notificationId())
                .addValue("recipientKey", delivery.recipientKey())
                .addValue("questionId", delivery.questionId())
                .addValue("kind", delivery.kind().name())
                .addValue("recipient", delivery.recipient())
                .addValue("recipientName", delivery.recipientName())
                .addValue("messageId", delivery.messageId())
                .addValue("subject", delivery.subject())
                .addValue("textBody", delivery.textBody())
                .addValue("htmlBody", delivery.htmlBody())
                .addValue("unsubscribeUrl", delivery.unsubscribeUrl())
                .addValue("status", delivery.status().name())
                .addValue("nextAttemptAt", timestamp(delivery.nextAttemptAt()))
                .addValue("requestedAt", Timestamp.from(delivery.requestedAt()))
                .addValue("giveUpAt", Timestamp.from(delivery.giveUpAt()));
    }

    /**
     * Claims up to {@code limit} due mails for one sender and records the attempt before anything is sent. A claim
     * lasts until {@code leaseUntil}; a mail still SENDING after that (its sender died) is due again.
     */
    public List<Delivery> claimDue(int limit, Instant now, Instant leaseUntil) {
        return jdbc.query("""
                update delivery d
                   set status = 'SENDING', attempts = d.attempts + 1, last_attempt_at = :now,
                       first_attempt_at = coalesce(d.first_attempt_at, :now), next_attempt_at = :leaseUntil
                  from (select id from delivery
                         where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                         order by next_attempt_at
                         limit :limit
                           for update skip locked) due
                 where d.id = due.id
                returning d.*
                """, new MapSqlParameterSource()
                .addValue("now", Timestamp.from(now))
                .addValue("leaseUntil", Timestamp.from(leaseUntil))
                .addValue("limit", limit), ROW);
    }

    /**
     * Records the SMTP server's acceptance; {@code false} if this attempt no longer holds the claim. The transaction
     * this runs in commits without waiting for its WAL flush ({@code synchronous_commit = off}, set in the same
     * statement to spare a round trip): the record is safe from a crash of this service, and a crash of PostgreSQL
     * itself within a few hundred milliseconds of the commit loses it, so that mail is sent again (README).
     */
    public boolean markSent(UUID id, int attempt, String smtpResponse, Instant now) {
        return jdbc.update("""
                with commit_without_flush as (select set_config('synchronous_commit', 'off', true))
                update delivery
                   set status = 'SENT', sent_at = :now, smtp_response = :response, next_attempt_at = null
                  from commit_without_flush
                 where id = :id and status = 'SENDING' and attempts = :attempt
                """, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("attempt", attempt)
                .addValue("response", smtpResponse)
                .addValue("now", Timestamp.from(now))) == 1;
    }

    /** Records a transient failure and when to try again. */
    public boolean markRetry(UUID id, int attempt, String error, String smtpResponse, Instant nextAttemptAt) {
        return jdbc.update("""
                update delivery
                   set status = 'PENDING', last_error = :error, smtp_response = :response, next_attempt_at = :next
                 where id = :id and status = 'SENDING' and attempts = :attempt
                """, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("attempt", attempt)
                .addValue("error", error)
                .addValue("response", smtpResponse)
                .addValue("next", Timestamp.from(nextAttemptAt))) == 1;
    }

    /** Gives up on a mail. */
    public boolean markFailed(UUID id, int attempt, String error, String smtpResponse, Instant now) {
        return jdbc.update("""
                update delivery
                   set status = 'FAILED', last_error = :error, smtp_response = :response, failed_at = :now,
                       next_attempt_at = null
                 where id = :id and status = 'SENDING' and attempts = :attempt
                """, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("attempt", attempt)
                .addValue("error", error)
                .addValue("response", smtpResponse)
                .addValue("now", Timestamp.from(now))) == 1;
    }

    /** Makes a FAILED mail due again with a fresh retry window; {@code false} if it is not FAILED. */
    public boolean reopen(UUID id, Instant now, Instant giveUpAt) {
        return jdbc.update("""
                update delivery
                   set status = 'PENDING', next_attempt_at = :now, give_up_at = :giveUpAt, failed_at = null
                 where id = :id and status = 'FAILED'
                """, new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("now", Timestamp.from(now))
                .addValue("giveUpAt", Timestamp.from(giveUpAt))) == 1;
    }

    /**
     * Settles the optional mails still waiting to go to an address whose patient has just unsubscribed. A mail
     * already claimed by a sender (SENDING) goes out: it is on its way.
     */
    public int skipPendingOptional(String address) {
        return jdbc.update("""
                update delivery
                   set status = 'SKIPPED_UNSUBSCRIBED', next_attempt_at = null
                 where status = 'PENDING' and recipient_key = :patient and kind in (:kinds)
                   and lower(recipient) = lower(:address)
                """, new MapSqlParameterSource()
                .addValue("patient", Delivery.PATIENT)
                .addValue("kinds", Arrays.stream(NotificationKind.values()).filter(NotificationKind::optional)
                        .map(Enum::name).toList())
                .addValue("address", address.strip()));
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.query("select * from delivery where id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    /** Every mail about one question, oldest request first. */
    public List<Delivery> ofQuestion(UUID questionId) {
        return jdbc.query("select * from delivery where question_id = :questionId order by requested_at, recipient_key",
                new MapSqlParameterSource("questionId", questionId), ROW);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getString("recipient_key"), rs.getObject("question_id", UUID.class),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient"),
                rs.getString("recipient_name"), rs.getString("message_id"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getString("unsubscribe_url"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "give_up_at"),
                rs.getString("last_error"), rs.getString("smtp_response"), instant(rs, "requested_at"),
                instant(rs, "first_attempt_at"), instant(rs, "last_attempt_at"), instant(rs, "sent_at"),
                instant(rs, "failed_at"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
