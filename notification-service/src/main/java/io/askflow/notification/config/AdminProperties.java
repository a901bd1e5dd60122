package io.askflow.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator login ({@code askflow.security.admin.*}). A blank password locks the operator endpoints.
 */
@ConfigurationProperties("askflow.security.admin")
record AdminProperties(String username, String password) {

    AdminProperties {
        username = username == null || username.isBlank() ? "admin" : username;
    }

    boolean locked() {
        return password == null || password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + "]";
    }
}
