package io.askflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login throttle in a Spring Security filter chain: {@link #basicAndForm} or {@link #basic} gives the filter
 * to add before the login filters ({@code http.addFilterBefore(filter, UsernamePasswordAuthenticationFilter.class)}),
 * and this bean counts every failed login the chain's authentication reports (an unknown account, a wrong password,
 * a disabled account), with the address Spring Security took from the request.
 */
public final class SpringSecurityLogins {

    private final LoginThrottle throttle;

    SpringSecurityLogins(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * HTTP Basic and the form login posted to {@code loginPage} (Spring Security's default: its GET shows the form,
     * the user name is {@code username}); a refused form login shows that page with status 429.
     */
    public LoginThrottleFilter basicAndForm(ObjectMapper json, String loginPage) {
        return LoginThrottleFilter.countedElsewhere(throttle, json, SpringSecurityLogins::loggedInAs, loginPage,
                "username", loginPage);
    }

    /** HTTP Basic only; refusals are problems. */
    public LoginThrottleFilter basic(ObjectMapper json) {
        return LoginThrottleFilter.countedElsewhere(throttle, json, SpringSecurityLogins::loggedInAs, null, null,
                null);
    }

    @EventListener
    void count(AbstractAuthenticationFailureEvent failure) {
        Authentication attempt = failure.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        throttle.failed(attempt.getName(), address);
    }

    /**
     * Whether the session already holds this login: Spring Security then skips the Basic header's password
     * (BasicAuthenticationFilter), and so does the throttle, which keeps API clients that send the cookie back
     * from reading the failure table on every call.
     */
    private static boolean loggedInAs(String account) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)
                && current.getName().equals(account);
    }
}
