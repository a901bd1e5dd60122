package io.askflow.platform.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Counts failed logins per account and per client address in the service's schema ({@code login_failure}), so all
 * instances of a service share the counts, and says when a login must be refused: once the account or the address
 * has {@link LoginThrottleProperties#maxFailures()} failures within the sliding
 * {@link LoginThrottleProperties#window()}, until the oldest of them leaves it. Only failures are written; a login
 * that is checked reads one row per key at most (two index range scans), and a success neither writes nor resets
 * anything, so a correct password found by guessing does not wipe the record of the guesses. Times are the
 * database's, so instances with drifting clocks agree.
 *
 * <p>The address is the request's remote address: behind a proxy set {@code server.forward-headers-strategy} so that
 * it is the client's (X-Forwarded-For is honoured only then; anyone can send it).
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Longer user names are cut: a name of 60 KiB is no account, and would be stored and logged in full. */
    private static final int LONGEST_ACCOUNT = 100;
    /** An IPv6 address with a zone fits; a forwarded header could say anything. */
    private static final int LONGEST_ADDRESS = 64;

    private final JdbcClient jdbc;
    private final LoginThrottleProperties settings;

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * How long logins of this account, or from this address, are still refused; empty when they may be tried.
     * Reads only.
     */
    public Optional<Duration> refusedFor(String account, String address) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        // the failure max-failures places back on each key: while it is inside the window, so are max-failures
        Long millis = jdbc.sql("""
                        select ceil(extract(epoch from greatest(
                            (select failed_at from login_failure
                             where account = :account and failed_at > now() - :window * interval '1 millisecond'
                             order by failed_at desc offset :max - 1 limit 1),
                            (select failed_at from login_failure
                             where address = :address and failed_at > now() - :window * interval '1 millisecond'
                             order by failed_at desc offset :max - 1 limit 1))
                          + :window * interval '1 millisecond' - now()) * 1000)""")
                .param("account", key(account))
                .param("address", address(address))
                .param("window", settings.window().toMillis())
                .param("max", settings.maxFailures())
                .query(Long.class).optional().orElse(null);
        return millis == null || millis <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    /**
     * Counts a failed login (an unknown account or a wrong password) and logs it with the account and address. The
     * password never reaches this class.
     */
    public void failed(String account, String address) {
        if (!settings.enabled()) {
            return;
        }
        String key = key(account);
        String from = address(address);
        log.warn("Failed login of account '{}' from {}", key, from);
        jdbc.sql("insert into login_failure (account, address) values (?, ?)").params(key, from).update();
    }

    /** Logs a login refused because of earlier failures; nothing is counted (the password was not checked). */
    void refused(String account, String address, Duration retryAfter) {
        log.warn("Refused login of account '{}' from {}: too many failed logins, {} s to wait", key(account),
                address(address), retryAfterSeconds(retryAfter));
    }

    /** For the {@code Retry-After} header: whole seconds, at least one. */
    static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Failures older than the window no longer count; who tried from where is not kept longer (any instance). */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void forgetPastFailures() {
        jdbc.sql("delete from login_failure where failed_at < now() - ? * interval '1 millisecond'")
                .param(settings.window().toMillis()).update();
    }

    /**
     * Lower case, so that {@code DR.YE} and {@code dr.ye} share a count wherever names are matched without case;
     * control characters out, so a name cannot forge log lines.
     */
    static String key(String account) {
        return clean(account == null ? "" : account.strip().toLowerCase(Locale.ROOT), LONGEST_ACCOUNT);
    }

    private static String address(String address) {
        return clean(address == null ? "" : address, LONGEST_ADDRESS);
    }

    private static String clean(String text, int longest) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > longest ? clean.substring(0, longest) : clean;
    }
}
