package io.askflow.reply.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.security.SecurityProblems;
import io.askflow.platform.security.EnableLoginThrottle;
import io.askflow.platform.security.SpringSecurityLogins;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Pages use form login with CSRF tokens; {@code /api/**} uses HTTP Basic without CSRF tokens and answers 401 and
 * 403 as problem details (a failed Basic login anywhere, too: only API clients send Basic). Basic logins are
 * kept in the HTTP session too, so a client that sends the session cookie back is not BCrypt-checked again on
 * every call (and the session cookie is SameSite=Lax, so other sites cannot ride it). Both logins are throttled
 * after repeated failures per account and per address (the platform's login throttle): a refused form login shows
 * the login page with status 429, a refused Basic login gets a 429 problem.
 */
@Configuration(proxyBeanMethods = false)
@EnableLoginThrottle
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    DoctorLogins doctorLogins(Doctors doctors, AdminProperties admin, PasswordEncoder passwords) {
        return new DoctorLogins(doctors, admin, passwords);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, SpringSecurityLogins logins)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var problems = new SecurityProblems(json, "Askflow doctors", "Log in with HTTP Basic as a doctor.");
        http.authorizeHttpRequests(requests -> requests
                        // the queue's server-sent events continue on async dispatches of an authorised request
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/login", "/css/**", "/error", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
                        .requestMatchers(api).hasRole("DOCTOR")
                        .anyRequest().authenticated())
                .httpBasic(httpBasic -> httpBasic
                        .authenticationEntryPoint(problems)
                        .securityContextRepository(new HttpSessionSecurityContextRepository()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/queue", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(api)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .addFilterBefore(logins.basicAndForm(json, "/login"), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
