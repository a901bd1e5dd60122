package io.askflow.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The operator as the one user of a service whose only login is the operator's (workflow, notification-service). */
public final class OperatorLogin {

    private static final Logger log = LoggerFactory.getLogger(OperatorLogin.class);

    /**
     * The operator with role ADMIN, the configured password hashed once at start; no user at all if it is blank.
     *
     * @param refused what refuses everyone then, for the warning in the log
     */
    public static UserDetailsService users(AdminProperties admin, PasswordEncoder encoder, String refused) {
        if (!admin.enabled()) {
            log.warn("askflow.security.admin.password is blank: {} refuse everyone", refused);
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoder.encode(admin.password())).roles("ADMIN").build());
    }

    private OperatorLogin() {
    }
}
