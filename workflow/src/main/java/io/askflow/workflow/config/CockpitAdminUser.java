package io.askflow.workflow.config;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates Cockpit's admin user from the operator login ({@code askflow.security.admin.*}) through Camunda's own
 * {@code camunda.bpm.admin-user.*}, but only when a password is set: Camunda would otherwise use the user name as
 * the password. Registered in {@code META-INF/spring.factories}; runs after the application's config files are read.
 */
class CockpitAdminUser implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    CockpitAdminUser(DeferredLogFactory logs) {
        this.log = logs.getLog(CockpitAdminUser.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.getProperty("askflow.security.admin.username", "");
        String password = environment.getProperty("askflow.security.admin.password", "");
        if (username.isBlank() || password.isBlank()) {
            log.warn("askflow.security.admin.password is not set: no Cockpit user is created, nobody can log in "
                    + "to /camunda/app/");
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("askflow-cockpit-admin", Map.of(
                "camunda.bpm.admin-user.id", username,
                "camunda.bpm.admin-user.password", password)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
