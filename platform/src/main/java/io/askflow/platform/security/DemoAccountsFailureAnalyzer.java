package io.askflow.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for {@link DemoAccountsPresent}, instead of a stack trace. */
class DemoAccountsFailureAnalyzer extends AbstractFailureAnalyzer<DemoAccountsPresent> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoAccountsPresent cause) {
        String action = cause.action();
        return new FailureAnalysis(cause.description() + ".",
                Character.toUpperCase(action.charAt(0)) + action.substring(1), cause);
    }
}
