package io.askflow.question.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every page and API is public; Spring Security is here for CSRF tokens on the HTML forms. Tokens live in a
 * cookie (double submit, masked per page) rather than in the HTTP session, so any instance behind a load
 * balancer accepts a form another instance rendered. The JSON API ({@code /api/**}) is called by programs that
 * hold no cookie of ours, so it needs no token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain patientSite(HttpSecurity http, ObjectMapper json) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).ignoringRequestMatchers("/api/**"))
                .exceptionHandling(handling -> handling.accessDeniedHandler(new FormExpired(json)))
                .requestCache(cache -> cache.disable())
                // tracking links carry their token in the path: a link followed from a tracking page must not
                // hand it to the site it leads to
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /**
     * A form posted without a valid token (an old tab, cookies blocked, or another site posting it): browsers
     * get a page saying to reload the form, anything else a 403 problem. Nothing was stored.
     */
    private record FormExpired(ObjectMapper json) implements AccessDeniedHandler {

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException {
            List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
            if (accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType())) {
                response.sendError(HttpStatus.FORBIDDEN.value());             // rendered by templates/error/403.html
                return;
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "The form's security token is missing or out of date. Reload the form and send it again.");
            problem.setTitle("Form expired");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
