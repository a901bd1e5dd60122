package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationBenchReportTest {

    private final Instant t0 = Instant.parse("2030-01-01T10:00:00Z");
    private final UUID one = UUID.randomUUID();
    private final UUID two = UUID.randomUUID();
    private final UUID three = UUID.randomUUID();
    private final UUID four = UUID.randomUUID();

    @Test
    void countsReceiptsDoublesAndMissingMailsAndTakesLatencyFromTheRecordedTimes() {
        Map<UUID, Instant> requested = Map.of(one, t0, two, at(10), three, at(20), four, at(30));
        Map<UUID, Instant> accepted = Map.of(one, at(100), two, at(210), three, at(320), UUID.randomUUID(), at(9));
        List<NotificationBenchReport.Receipt> receipts = List.of(receipt(one, 1000), receipt(one, 1500),
                receipt(two, 1500), receipt(three, 2000),
                new NotificationBenchReport.Receipt("someone-else@example.org", at(1800)));

        var report = NotificationBenchReport.of("run1", requested, accepted, receipts, Duration.ofSeconds(3));

        assertThat(report.notifications()).isEqualTo(4);
        assertThat(report.accepted()).as("only this run's requests count").isEqualTo(3);
        assertThat(report.requestToAccepted()).isEqualTo(new Percentiles(200, 300, 300, 3));
        assertThat(report.receipts()).isEqualTo(5);
        assertThat(report.distinctMails()).isEqualTo(4);
        assertThat(report.doubled()).isEqualTo(1);
        assertThat(report.missing()).as("four has no mail").isEqualTo(1);
        assertThat(report.receiptSeconds()).isEqualTo(1.0);
        assertThat(report.emailsPerSecond()).isEqualTo(5.0);
        assertThat(report.overallSeconds()).isEqualTo(2.0);
        assertThat(report.overallPerSecond()).isEqualTo(2.0);
        assertThat(report.wallSeconds()).isEqualTo(3.0);
        assertThat(report.complete()).isFalse();
        assertThat(report.text()).contains("1 doubled, 1 missing", "emails/s      5.0", "p99 300");
    }

    @Test
    void isCompleteWhenEveryRequestIsAcceptedAndCaught() {
        var report = NotificationBenchReport.of("run2", Map.of(one, t0, two, t0),
                Map.of(one, at(40), two, at(60)), List.of(receipt(one, 30), receipt(two, 50)), Duration.ofSeconds(1));

        assertThat(report.complete()).isTrue();
        assertThat(report.requestToAccepted().p99()).isEqualTo(60);
        assertThat(report.emailsPerSecond()).isEqualTo(100.0);
        assertThat(report.text()).contains("2 of 2 with notification.sent (every one recorded)");
    }

    @Test
    void hasNoRatesWithoutReceipts() {
        var report = NotificationBenchReport.of("run3", Map.of(one, t0), Map.of(), List.of(), Duration.ofSeconds(1));

        assertThat(report.emailsPerSecond()).isZero();
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.text()).contains("no samples");
    }

    @Test
    void readsTheNotificationIdOfAPatientsMessageIdOnly() {
        assertThat(NotificationBenchReport.notificationOf(one + "@askflow.local")).contains(one);
        assertThat(NotificationBenchReport.notificationOf(one + "." + two + "@askflow.local")).isEmpty();
        assertThat(NotificationBenchReport.notificationOf("abc@example.org")).isEmpty();
    }

    @Test
    void theNotificationModeIsChosenByItsFlag() {
        assertThat(NotificationBenchOptions.wanted(new String[] {"--notifications", "2000"})).isTrue();
        assertThat(NotificationBenchOptions.wanted(new String[] {"--notifications=5"})).isTrue();
        assertThat(NotificationBenchOptions.wanted(new String[] {"--questions", "5"})).isFalse();

        var options = NotificationBenchOptions.parse(new String[] {"--notifications", "2000", "--json"});

        assertThat(options.notifications()).isEqualTo(2000);
        assertThat(options.json()).isTrue();
        assertThat(options.warmup()).isEqualTo(NotificationBenchOptions.DEFAULT_WARMUP);
        assertThat(options.warmupRound().notifications()).isEqualTo(NotificationBenchOptions.DEFAULT_WARMUP);
        assertThat(options.warmupRound().warmup()).isZero();
        assertThat(NotificationBenchOptions.parse(new String[] {"--notifications", "5", "--warmup", "0"})
                .warmup()).isZero();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(140));
        assertThatThrownBy(() -> NotificationBenchOptions.parse(new String[] {"--notifications", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NotificationBenchOptions.parse(
                new String[] {"--notifications", "5", "--warmup", "-1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Instant at(long millis) {
        return t0.plusMillis(millis);
    }

    private NotificationBenchReport.Receipt receipt(UUID notificationId, long millis) {
        return new NotificationBenchReport.Receipt(notificationId + "@askflow.local", at(millis));
    }
}
