package io.askflow.question.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many actions (questions asked, tracking links requested, archive searches) one client address may take.
 *
 * @param enabled   off only for benchmarks and demos that submit many questions ({@code ./askflow up --no-rate-limit})
 * @param perMinute actions of one kind per client per minute
 * @param perDay    actions of one kind per client per (UTC) day
 * @param searchPerMinute searches of the public archive per client per minute (no daily limit: reading is what
 *                  the archive is for; the limit stops one client from keeping the database busy)
 */
@ConfigurationProperties("askflow.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer perMinute, Integer perDay, Integer searchPerMinute) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perMinute = perMinute == null ? 5 : perMinute;
        perDay = perDay == null ? 20 : perDay;
        searchPerMinute = searchPerMinute == null ? 60 : searchPerMinute;
    }
}
