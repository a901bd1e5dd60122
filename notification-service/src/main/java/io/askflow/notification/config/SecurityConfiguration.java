package io.askflow.notification.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.security.EnableLoginThrottle;
import io.askflow.platform.security.OperatorLogin;
import io.askflow.platform.security.SecurityProblems;
import io.askflow.platform.security.SpringSecurityLogins;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The delivery log shows who was mailed about what, so {@code /api/**} is for the operator only (HTTP Basic);
 * health and the API description stay open. Failed logins are throttled per account and per address (the
 * platform's login throttle: a 429 problem while refused).
 */
@Configuration(proxyBeanMethods = false)
@EnableLoginThrottle
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, SpringSecurityLogins logins)
            throws Exception {
        var problems = SecurityProblems.forOperator(json);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(logins.basic(json), BasicAuthenticationFilter.class)
                // a JSON API called with Basic credentials, not a browser form: no CSRF token to carry; and the
                // unsubscribe link, whose signed token is the proof (no session to forge a request with), which
                // mail clients POST to without a page (RFC 8058 one-click)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/unsubscribe"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The operator, the one user here; none if the operator password is blank. */
    @Bean
    UserDetailsService operators(AdminProperties admin, PasswordEncoder encoder) {
        return OperatorLogin.users(admin, encoder, "the operator endpoints");
    }
}
