package io.askflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A security filter chain's 401 and 403 as {@code application/problem+json}, like every other API error, in every
 * service with a login. The filters answer before Spring MVC runs, so without this a client got Boot's own error
 * JSON (or none). 401 keeps the Basic challenge.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final String challenge;
    private final String howToLogIn;

    /**
     * @param realm      the Basic challenge's realm
     * @param howToLogIn the 401's detail, e.g. "Log in with HTTP Basic as a doctor."
     */
    public SecurityProblems(ObjectMapper json, String realm, String howToLogIn) {
        this.json = json;
        this.challenge = "Basic realm=\"" + realm + "\"";
        this.howToLogIn = howToLogIn;
    }

    /** For the APIs only the operator may call ({@link OperatorLogin}). */
    public static SecurityProblems forOperator(ObjectMapper json) {
        return new SecurityProblems(json, "Askflow operator",
                "Log in with HTTP Basic as the operator (askflow.security.admin).");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, howToLogIn);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your login may not do this.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
