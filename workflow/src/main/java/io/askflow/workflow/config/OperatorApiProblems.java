package io.askflow.workflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The security filter's 401 as {@code application/problem+json}, like every other API error: the filter answers
 * before Spring MVC runs, so without this the client got Boot's own error JSON. It keeps the Basic challenge.
 * (The operator is the only user and may use both APIs, so there is no 403 to shape.)
 */
class OperatorApiProblems implements AuthenticationEntryPoint {

    private static final String CHALLENGE = "Basic realm=\"Askflow operator\"";

    private final ObjectMapper json;

    OperatorApiProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "Log in with HTTP Basic as the operator (askflow.security.admin).");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
