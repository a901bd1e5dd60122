package io.askflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DemoAccountsFailureAnalyzerTest {

    @Test
    void reportsWhichAccountsAndWhatToDoInsteadOfAStackTrace() {
        var refusal = new DemoAccountsPresent("a service found demo accounts (dr.ye)", "deactivate them.");

        FailureAnalysis analysis = new DemoAccountsFailureAnalyzer()
                .analyze(new BeanCreationException("somewhere", refusal));

        assertThat(analysis.getDescription()).isEqualTo("a service found demo accounts (dr.ye).");
        assertThat(analysis.getAction()).isEqualTo("Deactivate them.");
        assertThat(refusal).hasMessage("a service found demo accounts (dr.ye): deactivate them.");
    }
}
