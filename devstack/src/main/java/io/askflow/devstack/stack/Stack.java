package io.askflow.devstack.stack;

import io.askflow.devstack.stack.Component.KafkaBroker;
import io.askflow.devstack.stack.Component.MailCatcher;
import io.askflow.devstack.stack.Component.Service;
import io.askflow.platform.ServicePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the dev stack runs, in start order: Kafka, the SMTP catcher, then each service's instances. Every port is
 * decided here (the services' own from the platform's {@link ServicePorts}, which their defaults read too), and so
 * is what an instance must not share with the others of its service (enrichment-service's index folder).
 */
public record Stack(KafkaBroker kafka, MailCatcher smtp, List<Service> services) {

    /** The five services, each with the page {@code up} prints. */
    private static final List<List<String>> PAGES = List.of(List.of("question-service", "/ask"),
            List.of("reply-service", "/queue"), List.of("workflow", "/camunda/app/"),
            List.of("enrichment-service", "/swagger-ui.html"), List.of("notification-service", "/swagger-ui.html"));

    /** The stack as the last {@code up} started it: with the instances it recorded, else one of each service. */
    public static Stack of(StackSettings settings) {
        return of(settings, recordedInstances(settings));
    }

    /** The stack with {@code instances} instances of every service, listed service by service. */
    public static Stack of(StackSettings settings, int instances) {
        if (instances < 1 || instances > ServicePorts.MAX_INSTANCES) {
            throw new StackException("--instances must be from 1 to " + ServicePorts.MAX_INSTANCES + ", not " + instances);
        }
        List<Service> services = new ArrayList<>();
        for (List<String> page : PAGES) {
            for (int instance = 1; instance <= instances; instance++) {
                services.add(service(settings, page.get(0), page.get(1), instance));
            }
        }
        return new Stack(new KafkaBroker(settings.kafkaPort(), settings.kafkaControllerPort()),
                new MailCatcher(settings.smtpPort(), settings.mailApiPort()), services);
    }

    private static Service service(StackSettings settings, String module, String page, int instance) {
        // a Lucene index folder takes one writer: each instance builds its own from the shared schema
        String index = instance == 1 ? "enrichment-index" : "enrichment-index-" + instance;
        List<String> arguments = module.equals("enrichment-service")
                ? List.of("--askflow.index.dir=" + settings.state().resolve(index)) : List.of();
        return new Service(Service.name(module, instance), module, instance, ServicePorts.of(module, instance), page,
                arguments);
    }

    /** How many instances of each service the last {@code up} started; 1 if it never said. */
    static int recordedInstances(StackSettings settings) {
        try {
            String recorded = Files.exists(settings.instancesFile())
                    ? Files.readString(settings.instancesFile()).strip() : "";
            return recorded.matches("[1-9]") ? Integer.parseInt(recorded) : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void recordInstances(StackSettings settings, int instances) {
        try {
            Files.createDirectories(settings.run());
            Files.writeString(settings.instancesFile(), instances + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Component> components() {
        return Stream.<Component>concat(Stream.of(kafka, smtp), services.stream()).toList();
    }

    /** kafka, smtp and the services' modules: the components of which instances run. */
    public List<String> componentNames() {
        return Stream.concat(Stream.of(kafka.name(), smtp.name()), services.stream().map(Service::module))
                .distinct().toList();
    }

    public Optional<Component> find(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** "kafka smtp question-service ...", for the messages that ask for a name. */
    public String names() {
        return String.join(" ", components().stream().map(Component::name).toList());
    }
}
