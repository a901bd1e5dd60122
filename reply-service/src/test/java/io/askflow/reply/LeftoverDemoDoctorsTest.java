package io.askflow.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.platform.security.DemoAccountsPresent;
import io.askflow.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A database once run as the demo (this class's own context seeded the demo doctors into the test database), then
 * reply-service started on it without the demo profile, as a switch to production would.
 */
@ReplyServiceTest
class LeftoverDemoDoctorsTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;

    @Test
    void refusesToStartOutsideTheDemoWhileDemoDoctorsLogInWithTheDemoPassword() {
        assertThatThrownBy(LeftoverDemoDoctorsTest::startWithoutTheDemoProfile)
                .isInstanceOf(DemoAccountsPresent.class)
                .hasMessageContaining("reply-service runs without the demo profile, but 18 demo doctor accounts still "
                        + "log in with the demo password 'askflow' (dr.ye, dr.lin, dr.general,")
                .hasMessageContaining("deactivate them (UPDATE reply.doctor SET active = false WHERE username IN "
                        + "('dr.ye', 'dr.lin', 'dr.general',")
                .hasMessageEndingWith("or run with the demo profile (SPRING_PROFILES_ACTIVE=demo) if this is a demo.");
    }

    @Test
    void startsOnceEveryDemoDoctorIsDeactivatedOrHasAPasswordOfItsOwn() {
        List<Map<String, Object>> before = jdbc.queryForList(
                "select username, password_hash, active from doctor where username like 'dr.%' and active");
        try {
            jdbc.update("update doctor set active = false where username like 'dr.%' and username <> 'dr.ye'");
            jdbc.update("update doctor set password_hash = ? where username = 'dr.ye'",
                    passwords.encode("a password of her own"));

            try (ConfigurableApplicationContext production = startWithoutTheDemoProfile()) {
                assertThat(production.isActive()).isTrue();
            }
        } finally {
            for (Map<String, Object> doctor : before) {
                jdbc.update("update doctor set password_hash = ?, active = ? where username = ?",
                        doctor.get("password_hash"), doctor.get("active"), doctor.get("username"));
            }
        }
    }

    private static ConfigurableApplicationContext startWithoutTheDemoProfile() {
        return new SpringApplicationBuilder(ReplyServiceApplication.class)
                .initializers(new TestInfrastructure())
                // arguments, not default properties: application.yml's server.port would win over those
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false");
    }
}
