package io.askflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator login ({@code askflow.security.admin.*}), the same in every service: it manages doctors in
 * reply-service, reads the delivery log in notification-service, and is Cockpit's administrator in workflow.
 *
 * @param username the operator's user name; blank means {@code admin}
 * @param password blank: there is no operator login at all (operator endpoints refuse everyone, and workflow
 *                 creates no Cockpit user)
 */
@ConfigurationProperties("askflow.security.admin")
public record AdminProperties(String username, String password) {

    public AdminProperties {
        username = username == null || username.isBlank() ? "admin" : username.strip();
        password = password == null ? "" : password;
    }

    /** Whether anyone can log in as operator: only with a password set. */
    public boolean enabled() {
        return !password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", enabled=" + enabled() + "]";
    }
}
