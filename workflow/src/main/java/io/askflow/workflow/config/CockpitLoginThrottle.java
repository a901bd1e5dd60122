package io.askflow.workflow.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.platform.security.EnableLoginThrottle;
import io.askflow.platform.security.LoginThrottle;
import io.askflow.platform.security.LoginThrottleFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Cockpit's login is Camunda's own (a form posted to {@code /camunda/api/admin/auth/user/{engine}/login/{app}},
 * answered 401 for a wrong password), not Spring Security's, so the platform's login throttle stands in front of
 * it as a servlet filter: a 401 counts as a failure, and a throttled account or address gets a 429 problem with
 * Retry-After before Camunda checks the password. It runs after Boot's forwarded-header filter (when
 * {@code server.forward-headers-strategy=framework}), so it sees the client's address where that is trusted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CockpitAdminUser.COCKPIT_ENABLED, matchIfMissing = true)
@EnableLoginThrottle
class CockpitLoginThrottle {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> cockpitLoginFilter(
            LoginThrottle throttle, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String cockpit) {
        String logins = cockpit + "/api/admin/auth/user/";
        var registration = new FilterRegistrationBean<>(
                LoginThrottleFilter.judgedByStatus(throttle, json, logins + "*/login/*", "username"));
        registration.addUrlPatterns(logins + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
