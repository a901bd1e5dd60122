package io.askflow.workflow.config;

import io.askflow.platform.security.AdminProperties;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates Cockpit's admin user from the operator login ({@link AdminProperties}) through Camunda's own
 * {@code camunda.bpm.admin-user.*}, but only when a password is set: Camunda would otherwise use the user name as
 * the password. Without a password it refuses to start while Cockpit is on: Camunda's setup resource would stay open
 * for anyone to create the first administrator. Registered in {@code META-INF/spring.factories}; runs after the
 * application's config files are read.
 */
class CockpitAdminUser implements EnvironmentPostProcessor, Ordered {

    /** Camunda's switch for its web applications; ASKFLOW_COCKPIT sets it (application.yml). */
    static final String COCKPIT_ENABLED = "camunda.bpm.webapp.enabled";

    private final Log log;

    CockpitAdminUser(DeferredLogFactory logs) {
        this.log = logs.getLog(CockpitAdminUser.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        AdminProperties admin = Binder.get(environment).bindOrCreate("askflow.security.admin", AdminProperties.class);
        if (!admin.enabled()) {
            // with no user in camunda-admin, Camunda's setup page lets the first visitor create one
            if (environment.getProperty(COCKPIT_ENABLED, Boolean.class, true)) {
                throw new IllegalStateException("Cockpit is on and askflow.security.admin.password is blank, so "
                        + "anyone who reaches this service could make themselves its administrator: set "
                        + "ASKFLOW_ADMIN_PASSWORD, or ASKFLOW_COCKPIT=false to run without Cockpit");
            }
            log.info("Cockpit is off and askflow.security.admin.password is blank: no Cockpit user");
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("askflow-cockpit-admin", Map.of(
                "camunda.bpm.admin-user.id", admin.username(),
                "camunda.bpm.admin-user.password", admin.password())));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
