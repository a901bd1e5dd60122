package io.askflow.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.platform.security.DemoAccountsPresent;
import io.askflow.testsupport.TestInfrastructure;
import io.askflow.workflow.WorkflowApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * workflow started on a database once run as the demo (Cockpit's admin / askflow), then without the demo profile,
 * as a switch to production would: whole applications, one after the other, on the test database.
 */
class CockpitAdminPasswordTest {

    @BeforeEach
    void runTheDemoOnce() {
        try (ConfigurableApplicationContext demo = start(true, "--askflow.security.admin.password=askflow")) {
            assertThat(identity(demo).checkPassword("admin", "askflow")).as("the demo's Cockpit login").isTrue();
        }
    }

    @Test
    void theConfiguredPasswordReplacesTheDemoPasswordOutsideTheDemo() {
        try (ConfigurableApplicationContext production = start(false,
                "--askflow.security.admin.password=an operator's own password")) {
            IdentityService identity = identity(production);
            assertThat(identity.checkPassword("admin", "an operator's own password")).isTrue();
            assertThat(identity.checkPassword("admin", "askflow")).isFalse();
        }
    }

    @Test
    void refusesToStartOutsideTheDemoWhileCockpitsUserKeepsTheDemoPassword() {
        String refusal = "workflow runs without the demo profile, but Cockpit's user 'admin' still logs in with the "
                + "demo password 'askflow': set ASKFLOW_ADMIN_USERNAME=admin and ASKFLOW_ADMIN_PASSWORD to a password "
                + "of your own (applied to that user at start), or run with the demo profile "
                + "(SPRING_PROFILES_ACTIVE=demo) if this is a demo.";
        // Cockpit off in each refused start: Camunda's webapp keeps the context of its last start in a static field
        // and its filters would find the refused one there in the next start of this JVM; the check does not depend
        // on Cockpit
        // no operator login: nothing replaces the demo password
        assertThatThrownBy(() -> startRefused("--askflow.security.admin.password="))
                .isInstanceOf(DemoAccountsPresent.class).hasMessage(refusal);
        // another operator: Camunda adds that user, the demo's stays
        assertThatThrownBy(() -> startRefused("--askflow.security.admin.username=operator",
                "--askflow.security.admin.password=an operator's own password"))
                .isInstanceOf(DemoAccountsPresent.class).hasMessage(refusal);
        // the demo's password itself, set for production
        assertThatThrownBy(() -> startRefused("--askflow.security.admin.password=askflow"))
                .isInstanceOf(DemoAccountsPresent.class).hasMessage(refusal);
    }

    private static void startRefused(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--camunda.bpm.webapp.enabled=false");
        start(false, args.toArray(String[]::new)).close();
    }

    private static ConfigurableApplicationContext start(boolean demo, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.listener.auto-startup=false",
                "--camunda.bpm.job-execution.enabled=false"));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(WorkflowApplication.class)
                .profiles(demo ? new String[] {"demo"} : new String[0])
                .initializers(new TestInfrastructure())
                // arguments, not default properties: application.yml's server.port would win over those
                .run(args.toArray(String[]::new));
    }

    private static IdentityService identity(ConfigurableApplicationContext context) {
        return context.getBean(IdentityService.class);
    }
}
