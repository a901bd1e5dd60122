package io.askflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CockpitAdminUserTest {

    @Test
    void refusesToStartWithCockpitOnAndNoOperatorPassword() {
        StandardEnvironment environment = environment(Map.of());

        assertThatThrownBy(() -> postProcess(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASKFLOW_ADMIN_PASSWORD")
                .hasMessageContaining("ASKFLOW_COCKPIT=false");
        assertThat(environment.containsProperty("camunda.bpm.admin-user.id")).isFalse();
    }

    @Test
    void startsWithoutAnAdminUserWhenCockpitIsOff() {
        StandardEnvironment environment = environment(Map.of(CockpitAdminUser.COCKPIT_ENABLED, "false"));

        postProcess(environment);

        assertThat(environment.containsProperty("camunda.bpm.admin-user.id")).isFalse();
    }

    @Test
    void makesTheOperatorCockpitsAdministrator() {
        StandardEnvironment environment = environment(Map.of(
                "askflow.security.admin.username", "operator", "askflow.security.admin.password", "s3cret"));

        postProcess(environment);

        assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("operator");
        assertThat(environment.getProperty("camunda.bpm.admin-user.password")).isEqualTo("s3cret");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return environment;
    }

    private static void postProcess(StandardEnvironment environment) {
        new CockpitAdminUser(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
    }
}
