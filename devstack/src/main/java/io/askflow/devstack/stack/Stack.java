package io.askflow.devstack.stack;

import io.askflow.devstack.stack.Component.KafkaBroker;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import io.askflow.platform.ServicePorts;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the dev stack runs, in start order: Kafka, the SMTP catcher, then the five services. Every port is
 * decided here (the services' own from the platform's {@link ServicePorts}, which their defaults read too), so running
 * more than one instance of a service only changes this class.
 */
public record Stack(KafkaBroker kafka, MailCatcher smtp, List<Service> services) {

    public static Stack of(StackSettings settings) {
        return new Stack(new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort()),
                new MailCatcher(settings.smtpPort(), settings.mailApiPort()),
                List.of(service("question-service", "/ask"),
                        service("reply-service", "/queue"),
                        service("workflow", "/camunda/app/"),
                        service("enrichment-service", "/swagger-ui.html"),
                        service("notification-service", "/swagger-ui.html")));
    }

    private static Service service(String module, String page) {
        return new Service(module, module, ServicePorts.of(module), page, List.of());
    }

    public List<Component> components() {
        return Stream.<Component>concat(Stream.of(kafka, smtp), services.stream()).toList();
    }

    public Optional<Component> find(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** "kafka smtp question-service ...", for the messages that ask for a name. */
    public String names() {
        return String.join(" ", components().stream().map(Component::name).toList());
    }
}
