package io.askflow.workflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.security.EnableLoginThrottle;
import io.askflow.platform.security.OperatorLogin;
import io.askflow.platform.security.SecurityProblems;
import io.askflow.platform.security.SpringSecurityLogins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The engine's state and each question's timeline (doctor names, release reasons) are for the operator only: HTTP
 * Basic with the operator login, 401 problems otherwise, failed logins throttled per account and per address (the
 * platform's login throttle: a 429 problem while refused).
 *
 * <p>The chain applies to those two APIs and nothing else. The routing suggestion stays open because
 * question-service's ask form calls it for anonymous patients, health stays open for the stack's checks, and
 * Cockpit ({@code /camunda/**}) has Camunda's own login, session and CSRF filter, which Spring Security's would
 * fight. Both APIs are reads, called with Basic credentials on every request: no session and no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableLoginThrottle
class SecurityConfiguration {

    @Bean
    SecurityFilterChain operatorApis(HttpSecurity http, ObjectMapper json, SpringSecurityLogins logins)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var problems = SecurityProblems.forOperator(json);
        return http
                // explicit path patterns: Camunda's servlets beside Spring MVC's make plain strings ambiguous
                .securityMatcher(new OrRequestMatcher(paths.matcher("/api/engine"),
                        paths.matcher("/api/questions/*/timeline")))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(logins.basic(json), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The operator, the one user here; none if the operator password is blank. */
    @Bean
    UserDetailsService operators(AdminProperties admin, PasswordEncoder encoder) {
        return OperatorLogin.users(admin, encoder, "/api/engine and the timeline API");
    }
}
