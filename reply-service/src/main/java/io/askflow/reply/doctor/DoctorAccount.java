package io.askflow.reply.doctor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person, kept in the HTTP session. It holds only who they are: specialties and the active flag
 * are read afresh from the database on each action, so an admin's change takes effect at once.
 */
public final class DoctorAccount implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private String password;

    DoctorAccount(UUID id, String username, String displayName, Role role, boolean enabled, String password) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.password = password;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return role == Role.ADMIN
                ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_DOCTOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_DOCTOR"));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }
}
