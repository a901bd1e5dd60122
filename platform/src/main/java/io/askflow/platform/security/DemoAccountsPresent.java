package io.askflow.platform.security;

/**
 * A service outside the {@code demo} profile found an account the demo profile made that still logs in with the
 * demo's published password, so it refuses to start ({@link DemoAccountsFailureAnalyzer} prints why and what to do).
 * A database once run as the demo keeps those accounts; a switch to production must not leave them open.
 *
 * @param description which accounts, in which service
 * @param action      what the operator does about it
 */
public final class DemoAccountsPresent extends IllegalStateException {

    /** The password every demo account has (the demo profile's doctors and operator). */
    public static final String DEMO_PASSWORD = "askflow";

    private final String description;
    private final String action;

    public DemoAccountsPresent(String description, String action) {
        super(description + ": " + action);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
