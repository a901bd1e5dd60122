package io.askflow.devstack.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The notification bench's result. {@code emailsPerSecond} counts the SMTP catcher's receipts from its first to its
 * last; {@code overallPerSecond} runs from the first request to the last receipt, so it includes consuming and
 * storing the requests. Latency is request {@code occurredAt} to {@code notification.sent} {@code occurredAt}, in ms.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationBenchReport(String runId, int notifications, int accepted, int receipts, int distinctMails,
                               int doubled, int missing, double receiptSeconds, double emailsPerSecond,
                               double overallSeconds, double overallPerSecond, Percentiles requestToAccepted,
                               double wallSeconds) {

    /** One mail as the SMTP catcher received it; {@code messageId} without angle brackets. */
    record Receipt(String messageId, Instant receivedAt) {
    }

    static NotificationBenchReport of(String runId, Map<UUID, Instant> requested, Map<UUID, Instant> accepted,
                                      Collection<Receipt> receipts, Duration wall) {
        long[] latencies = accepted.entrySet().stream()
                .filter(entry -> requested.containsKey(entry.getKey()))
                .mapToLong(entry -> Duration.between(requested.get(entry.getKey()), entry.getValue()).toMillis())
                .toArray();
        Set<String> distinct = new HashSet<>();
        Set<UUID> delivered = new HashSet<>();
        Instant firstReceipt = null;
        Instant lastReceipt = null;
        for (Receipt receipt : receipts) {
            distinct.add(receipt.messageId());
            notificationOf(receipt.messageId()).filter(requested::containsKey).ifPresent(delivered::add);
            firstReceipt = firstReceipt == null || receipt.receivedAt().isBefore(firstReceipt)
                    ? receipt.receivedAt() : firstReceipt;
            lastReceipt = lastReceipt == null || receipt.receivedAt().isAfter(lastReceipt)
                    ? receipt.receivedAt() : lastReceipt;
        }
        Instant firstRequest = requested.values().stream().min(Instant::compareTo).orElse(null);
        double receiptSeconds = seconds(firstReceipt, lastReceipt);
        double overallSeconds = seconds(firstRequest, lastReceipt);
        return new NotificationBenchReport(runId, requested.size(), latencies.length, receipts.size(), distinct.size(),
                receipts.size() - distinct.size(), requested.size() - delivered.size(), receiptSeconds,
                perSecond(receipts.size(), receiptSeconds), overallSeconds, perSecond(distinct.size(), overallSeconds),
                Percentiles.of(latencies), round(wall.toMillis() / 1000.0));
    }

    /** The notification id a Message-ID was derived from ({@code <notificationId>@domain}). */
    static Optional<UUID> notificationOf(String messageId) {
        int at = messageId.indexOf('@');
        try {
            return Optional.of(UUID.fromString(at < 0 ? messageId : messageId.substring(0, at)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    boolean complete() {
        return accepted == notifications && missing == 0;
    }

    String text() {
        List<Double> loads = Bench.loadAverages();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Askflow notification bench: %d ANSWERED notifications (run %s)%n",
                notifications, runId));
        out.append(String.format(Locale.ROOT, "  accepted      %d of %d with notification.sent%s%n", accepted,
                notifications, accepted == notifications ? " (every one recorded)" : ""));
        out.append(String.format(Locale.ROOT, "  caught        %d mails, %d distinct, %d doubled, %d missing%n",
                receipts, distinctMails, doubled, missing));
        out.append(String.format(Locale.ROOT, "  emails/s      %.1f (first to last receipt, %.3f s)%n",
                emailsPerSecond, receiptSeconds));
        out.append(String.format(Locale.ROOT,
                "  overall/s     %.1f (first request to last receipt, %.3f s; wall %.1f s)%n",
                overallPerSecond, overallSeconds, wallSeconds));
        out.append(requestToAccepted.samples() == 0
                ? String.format(Locale.ROOT, "  request to accepted (ms)  no samples%n")
                : String.format(Locale.ROOT, "  request to accepted (ms)  p50 %d  p95 %d  p99 %d  (%d samples)%n",
                requestToAccepted.p50(), requestToAccepted.p95(), requestToAccepted.p99(),
                requestToAccepted.samples()));
        out.append(String.format(Locale.ROOT, "  load average  %s (1, 5, 15 min; %d cores)%n",
                loads.isEmpty() ? "unknown" : loads, Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static double seconds(Instant from, Instant to) {
        return from == null || to == null ? 0 : round(Duration.between(from, to).toMillis() / 1000.0);
    }

    private static double perSecond(int count, double seconds) {
        return seconds > 0 ? round(count / seconds) : 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
