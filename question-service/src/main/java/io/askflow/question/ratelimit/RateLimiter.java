package io.askflow.question.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-client limits on what patients can do without an account, counted in PostgreSQL so that every instance
 * behind a load balancer shares the counts. Windows are fixed (the current UTC minute and day); each count is an
 * upsert that also locks the client's row until the action commits, so concurrent requests are counted one by
 * one. The client is the request's remote address: behind a proxy, set {@code server.forward-headers-strategy}
 * so that it is the patient's, not the proxy's (X-Forwarded-For is honoured only then).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    /** What is counted, each kind on its own. */
    public enum Action { ASK, LINK_REQUEST, SEARCH }

    private enum Window {
        MINUTE(ChronoUnit.MINUTES), DAY(ChronoUnit.DAYS);

        final ChronoUnit unit;

        Window(ChronoUnit unit) {
            this.unit = unit;
        }
    }

    private static final Duration KEPT = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final RateLimitProperties limits;
    private final Clock clock;

    RateLimiter(JdbcClient jdbc, RateLimitProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Counts one action of the client, or throws {@link RateLimited} when it passes a limit. Runs in the
     * action's transaction: a refused or failed action rolls its count back with everything else.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void count(Action action, String client) {
        if (!limits.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (action == Action.SEARCH) {
            check(action, client, Window.MINUTE, limits.searchPerMinute(), now);
            return;
        }
        check(action, client, Window.MINUTE, limits.perMinute(), now);
        check(action, client, Window.DAY, limits.perDay(), now);
    }

    private void check(Action action, String client, Window window, int limit, Instant now) {
        Instant start = now.truncatedTo(window.unit);
        int hits = jdbc.sql("""
                        insert into rate_limit (action, client, time_window, window_start, hits) values (?, ?, ?, ?, 1)
                        on conflict (action, client, time_window, window_start) do update set hits = rate_limit.hits + 1
                        returning hits""")
                .params(action.name(), client, window.name(), Timestamp.from(start))
                .query(Integer.class).single();
        if (hits > limit) {
            throw new RateLimited(Duration.between(now, start.plus(1, window.unit)));
        }
    }

    /** Client addresses are personal data: counts of past windows go after two days (any instance may do it). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetPastWindows() {
        jdbc.sql("delete from rate_limit where window_start < ?").param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }
}
