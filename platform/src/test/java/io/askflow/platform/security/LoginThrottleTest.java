package io.askflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.askflow.testsupport.Infrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The counting on a real PostgreSQL, with the table the platform's migration creates. */
class LoginThrottleTest {

    private static final String SCHEMA = "login_throttle_test";

    private JdbcClient jdbc;

    @BeforeEach
    void freshSchema() throws IOException {
        Infrastructure db = Infrastructure.shared();
        JdbcClient admin = JdbcClient.create(new SingleConnectionDataSource(db.jdbcUrl("public"), db.databaseUser(),
                db.databasePassword(), true));
        admin.sql("drop schema if exists " + SCHEMA + " cascade").update();
        admin.sql("create schema " + SCHEMA).update();
        jdbc = JdbcClient.create(new SingleConnectionDataSource(db.jdbcUrl(SCHEMA), db.databaseUser(),
                db.databasePassword(), true));
        jdbc.sql(new ClassPathResource("db/login-throttle/V0_50__login_failure.sql")
                .getContentAsString(StandardCharsets.UTF_8)).update();
    }

    @Test
    void refusesAnAccountAfterMaxFailuresFromAnyAddresses() {
        var throttle = throttle(3, Duration.ofMinutes(15));
        String account = "dr." + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.refusedFor(account, "10.0.0." + i)).isEmpty();
            throttle.failed(account, "10.0.0." + i);
        }

        assertThat(throttle.refusedFor(account, "10.0.0.99")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(throttle.refusedFor(account.toUpperCase(), "10.0.0.99")).isPresent();
        assertThat(throttle.refusedFor("dr." + UUID.randomUUID(), "10.0.0.99")).isEmpty();
    }

    @Test
    void refusesAnAddressAfterMaxFailuresOnAnyAccounts() {
        var throttle = throttle(3, Duration.ofMinutes(15));
        for (int i = 1; i <= 3; i++) {
            throttle.failed("dr." + UUID.randomUUID(), "10.0.1.1");
        }

        assertThat(throttle.refusedFor("dr." + UUID.randomUUID(), "10.0.1.1")).isPresent();
        assertThat(throttle.refusedFor("dr." + UUID.randomUUID(), "10.0.1.2")).isEmpty();
    }

    @Test
    void failuresCountOnlyWithinTheWindowAndAreForgottenAfterIt() {
        var throttle = throttle(2, Duration.ofSeconds(2));
        String account = "dr." + UUID.randomUUID();
        throttle.failed(account, "10.0.2.1");
        throttle.failed(account, "10.0.2.2");
        assertThat(throttle.refusedFor(account, "10.0.2.3")).hasValueSatisfying(wait ->
                assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> throttle.refusedFor(account, "10.0.2.3").isEmpty());
        throttle.forgetPastFailures();
        assertThat(jdbc.sql("select count(*) from login_failure where account = ?").param(account)
                .query(Long.class).single()).isZero();
    }

    @Test
    void countsAndRefusesNothingWhenOff() {
        var throttle = new LoginThrottle(jdbc, new LoginThrottleProperties(false, 1, Duration.ofMinutes(15)));
        String account = "dr." + UUID.randomUUID();
        throttle.failed(account, "10.0.3.1");
        throttle.failed(account, "10.0.3.1");

        assertThat(throttle.refusedFor(account, "10.0.3.1")).isEmpty();
        assertThat(jdbc.sql("select count(*) from login_failure").query(Long.class).single()).isZero();
    }

    @Test
    void keysAreLowerCaseShortAndCannotForgeLogLines() {
        assertThat(LoginThrottle.key(" Dr.Ye ")).isEqualTo("dr.ye");
        assertThat(LoginThrottle.key("a\nWARN forged")).isEqualTo("a?warn forged");
        assertThat(LoginThrottle.key("x".repeat(10_000))).hasSize(100);
    }

    private LoginThrottle throttle(int maxFailures, Duration window) {
        return new LoginThrottle(jdbc, new LoginThrottleProperties(true, maxFailures, window));
    }
}
