package io.askflow.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * For a service with a login: the {@link LoginThrottle} on its database, its table ({@code login_failure}, a
 * migration added to the service's Flyway) and, under Spring Security, {@link SpringSecurityLogins}, which counts
 * the failures. The service still puts the {@link LoginThrottleFilter} in front of its logins.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(LoginThrottleConfiguration.class)
public @interface EnableLoginThrottle {
}
