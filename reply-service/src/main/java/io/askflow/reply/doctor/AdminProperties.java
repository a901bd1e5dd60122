package io.askflow.reply.doctor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator login ({@code askflow.security.admin.*}); it manages doctors but answers no questions.
 *
 * @param password blank: nobody can log in as operator
 */
@ConfigurationProperties("askflow.security.admin")
record AdminProperties(String username, String password) {

    AdminProperties {
        username = username == null || username.isBlank() ? "admin" : username.strip();
    }

    boolean enabled() {
        return password != null && !password.isBlank();
    }
}
