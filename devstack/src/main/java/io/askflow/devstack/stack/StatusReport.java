package io.askflow.devstack.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import java.util.List;
import java.util.OptionalLong;

/** {@code status}: one line, or one JSON object, per component, and per instance of each service. */
record StatusReport(List<StatusReport.Line> lines) {

    /** What status tells of one component. */
    record Line(Component component, OptionalLong pid, Supervisor.State state) {
    }

    String text() {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            String port = String.valueOf(line.component().port());
            if (line.component() instanceof MailCatcher smtp) {
                port += "," + smtp.apiPort();
            }
            String pid = line.pid().isPresent() ? String.valueOf(line.pid().getAsLong()) : "-";
            text.append("%-23s pid %-8s port %-10s %s%n".formatted(line.component().name(), pid, port, line.state()));
        }
        return text.toString();
    }

    /**
     * {"components":[{"name":..,"pid":..|null,"port":..,"state":"up|starting|down"(,"apiPort":.. for smtp)
     * (,"service":..,"instance":.. for a service: its module, and 1 for the first instance)}]}
     */
    String json() {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        ArrayNode components = report.putArray("components");
        for (Line line : lines) {
            ObjectNode component = components.addObject().put("name", line.component().name());
            if (line.pid().isPresent()) {
                component.put("pid", line.pid().getAsLong());
            } else {
                component.putNull("pid");
            }
            component.put("port", line.component().port()).put("state", line.state().toString());
            if (line.component() instanceof MailCatcher smtp) {
                component.put("apiPort", smtp.apiPort());
            }
            if (line.component() instanceof Service service) {
                component.put("service", service.module()).put("instance", service.instance());
            }
        }
        return report + "\n";
    }
}
