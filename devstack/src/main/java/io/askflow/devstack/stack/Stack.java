package io.askflow.devstack.stack;

import io.askflow.devstack.stack.Component.KafkaBroker;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the dev stack runs, in start order: Kafka, the SMTP catcher, then the five services. Every port is
 * decided here, so running more than one instance of a service only changes this class.
 */
public record Stack(KafkaBroker kafka, MailCatcher smtp, List<Service> services) {

    public static Stack of(StackSettings settings) {
        return new Stack(new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort()),
                new MailCatcher(settings.smtpPort(), settings.mailApiPort()),
                List.of(service("question-service", 8080, "/ask"),
                        service("reply-service", 8081, "/queue"),
                        service("workflow", 8082, "/camunda/app/"),
                        service("enrichment-service", 8083, "/swagger-ui.html"),
                        service("notification-service", 8084, "/swagger-ui.html")));
    }

    private static Service service(String module, int port, String page) {
        return new Service(module, module, port, page);
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
