package io.askflow.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The throttle on failed logins ({@code askflow.security.login-throttle.*}), the same in every service that has a
 * login: once an account, or a client address, has {@code maxFailures} failed logins within {@code window}, its
 * logins are refused with 429 until the oldest of those failures is {@code window} old.
 *
 * @param enabled     off: logins are never refused and failures are neither counted nor logged
 * @param maxFailures failed logins of one account, or from one address, that the window allows
 * @param window      how far back failures count (a sliding window)
 */
@ConfigurationProperties("askflow.security.login-throttle")
public record LoginThrottleProperties(Boolean enabled, Integer maxFailures, Duration window) {

    public LoginThrottleProperties {
        enabled = enabled == null || enabled;
        maxFailures = maxFailures == null ? 10 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("askflow.security.login-throttle needs max-failures of at least 1 "
                    + "and a positive window");
        }
    }
}
