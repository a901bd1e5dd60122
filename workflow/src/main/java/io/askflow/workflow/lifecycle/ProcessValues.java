package io.askflow.workflow.lifecycle;

import io.askflow.events.Specialty;
import io.askflow.workflow.lifecycle.Ids.Var;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Typed reads of the process variables, and the engine's clock (which process tests move). */
final class ProcessValues {

    static UUID questionId(String businessKey) {
        return UUID.fromString(businessKey);
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static String string(VariableScope scope, String name) {
        return (String) scope.getVariable(name);
    }

    static Instant instant(VariableScope scope, String name) {
        Date date = (Date) scope.getVariable(name);
        return date == null ? null : date.toInstant();
    }

    static boolean urgent(VariableScope scope) {
        return Boolean.TRUE.equals(scope.getVariable(Var.URGENT));
    }

    /** The routed specialty, or before routing the patient's choice (may be null). */
    static Specialty specialty(VariableScope scope) {
        String name = string(scope, Var.SPECIALTY);
        if (name == null) {
            name = string(scope, Var.REQUESTED_SPECIALTY);
        }
        return name == null ? null : Specialty.valueOf(name);
    }

    private ProcessValues() {
    }
}
