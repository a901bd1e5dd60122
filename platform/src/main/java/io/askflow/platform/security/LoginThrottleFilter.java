package io.askflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a login attempt before its password is checked while its account or its client address is throttled
 * ({@link LoginThrottle}): with 429 and {@code Retry-After}, even when the password is right, or throttling would
 * only slow the guessing down. An attempt is an HTTP Basic header and, where configured, a form login posted to its
 * path. API clients get a problem ({@code application/problem+json}); a refused form login with a page shows that
 * page (fetched as GET, with {@link LoginRefusal} as request attribute {@value #REFUSAL_ATTRIBUTE}) with status 429.
 *
 * <p>Under Spring Security, failures are counted from its events ({@link SpringSecurityLogins}); for a login outside
 * it (Camunda's Cockpit) the filter counts a form login answered 401 as a failure itself.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {

    /** The request attribute a refused form login's page finds the {@link LoginRefusal} under. */
    public static final String REFUSAL_ATTRIBUTE = "loginRefusal";

    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final Predicate<String> alreadyLoggedInAs;
    private final PathPattern formPath;
    private final String usernameParameter;
    private final String refusalPage;
    private final boolean countsUnauthorizedAnswers;

    private LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, Predicate<String> alreadyLoggedInAs,
                                String formPath, String usernameParameter, String refusalPage,
                                boolean countsUnauthorizedAnswers) {
        this.throttle = throttle;
        this.json = json;
        this.alreadyLoggedInAs = alreadyLoggedInAs;
        this.formPath = formPath == null ? null : PathPatternParser.defaultInstance.parse(formPath);
        this.usernameParameter = usernameParameter;
        this.refusalPage = refusalPage;
        this.countsUnauthorizedAnswers = countsUnauthorizedAnswers;
    }

    /**
     * HTTP Basic logins on any path, and form logins posted to {@code formPath} (a path pattern, may be null for
     * none) with the user name in {@code usernameParameter}; a refused form login shows {@code refusalPage} (null:
     * a problem). {@code alreadyLoggedInAs} says whether the request's session already holds a login of that name,
     * which a Basic header then does not repeat.
     */
    static LoginThrottleFilter countedElsewhere(LoginThrottle throttle, ObjectMapper json,
                                                Predicate<String> alreadyLoggedInAs, String formPath,
                                                String usernameParameter, String refusalPage) {
        return new LoginThrottleFilter(throttle, json, alreadyLoggedInAs, formPath, usernameParameter, refusalPage,
                false);
    }

    /**
     * A form login outside Spring Security, posted to paths matching {@code formPath} with the user name in
     * {@code usernameParameter}, whose failure is the answer 401: refused logins get a problem, and each 401 counts
     * as a failed login. Basic headers are not looked at (they are no login there).
     */
    public static LoginThrottleFilter judgedByStatus(LoginThrottle throttle, ObjectMapper json, String formPath,
                                                     String usernameParameter) {
        return new LoginThrottleFilter(throttle, json, account -> true, formPath, usernameParameter, null, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> basic = basicAccount(request).filter(account -> !alreadyLoggedInAs.test(account));
        Optional<String> form = basic.isPresent() ? Optional.empty() : formAccount(request);
        Optional<String> account = basic.or(() -> form);
        if (account.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> refused = throttle.refusedFor(account.get(), address);
        if (refused.isPresent()) {
            throttle.refused(account.get(), address, refused.get());
            refuse(request, response, refused.get(), form.isPresent() && refusalPage != null);
            return;
        }
        chain.doFilter(request, response);
        if (countsUnauthorizedAnswers && form.isPresent()
                && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(account.get(), address);
        }
    }

    private Optional<String> basicAccount(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(0, colon));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();            // no login at all: Spring Security refuses it as such
        }
    }

    private Optional<String> formAccount(HttpServletRequest request) {
        if (formPath == null || !HttpMethod.POST.matches(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!formPath.matches(PathContainer.parsePath(path))) {
            return Optional.empty();
        }
        String username = request.getParameter(usernameParameter);
        return Optional.of(username == null ? "" : username);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, boolean page)
            throws ServletException, IOException {
        LoginRefusal refusal = new LoginRefusal(LoginThrottle.retryAfterSeconds(retryAfter));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        if (page) {
            request.setAttribute(REFUSAL_ATTRIBUTE, refusal);
            request.getRequestDispatcher(refusalPage).forward(new AsGet(request), response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, refusal.message());
        problem.setTitle("Too many failed logins");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("retryAfterSeconds", refusal.retryAfterSeconds());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The login page is shown as it is to a GET: its controller answers nothing else. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.name();
        }
    }
}
