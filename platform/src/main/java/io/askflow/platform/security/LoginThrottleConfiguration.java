package io.askflow.platform.security;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What {@link EnableLoginThrottle} brings in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
@EnableScheduling
class LoginThrottleConfiguration {

    /** The platform's migrations for the throttle's table; see the migration for its version number. */
    static final String MIGRATIONS = "classpath:db/login-throttle";

    @Bean
    LoginThrottle loginThrottle(DataSource dataSource, LoginThrottleProperties settings) {
        return new LoginThrottle(JdbcClient.create(dataSource), settings);
    }

    /** Adds the table's migration to the service's own (and messaging's), wherever those are configured. */
    @Bean
    FlywayConfigurationCustomizer loginFailureTable() {
        return flyway -> flyway
                .locations(Stream.concat(Arrays.stream(flyway.getLocations()), Stream.of(new Location(MIGRATIONS)))
                        .distinct().toArray(Location[]::new))
                .outOfOrder(true);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent")
    static class UnderSpringSecurity {

        @Bean
        SpringSecurityLogins springSecurityLogins(LoginThrottle throttle) {
            return new SpringSecurityLogins(throttle);
        }
    }
}
