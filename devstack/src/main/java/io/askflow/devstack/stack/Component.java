package io.askflow.devstack.stack;

import java.util.List;

/**
 * One process of the dev stack. Its name names its log, its pid file and the {@code -Daskflow.component=NAME}
 * marker on its command line; {@link Stack#of} gives it its ports.
 */
public sealed interface Component permits Component.KafkaBroker, Component.MailCatcher, Component.Service {

    String name();

    /** The port status shows and the health check of Kafka and the services probes. */
    int port();

    /** Every port it listens on: all must be free before it starts. */
    List<Integer> ports();

    /** Kafka in KRaft mode, broker and controller in one JVM. */
    record KafkaBroker(int port, int controllerPort) implements Component {

        @Override
        public String name() {
            return "kafka";
        }

        @Override
        public List<Integer> ports() {
            return List.of(port, controllerPort);
        }
    }

    /** devstack's own SMTP catcher with its Mailpit-shaped mail API. */
    record MailCatcher(int port, int apiPort) implements Component {

        @Override
        public String name() {
            return "smtp";
        }

        @Override
        public List<Integer> ports() {
            return List.of(port, apiPort);
        }
    }

    /**
     * One instance of a Spring Boot service, run from a copy of the jar its module builds: the first is named after
     * its module, instance k after that {@code module-k}. {@code page} is what up prints, {@code arguments} are
     * added to its command line (they win over its environment and application.yml).
     */
    record Service(String name, String module, int instance, int port, String page, List<String> arguments)
            implements Component {

        public Service {
            arguments = List.copyOf(arguments);
        }

        /** {@code workflow}, {@code workflow-2}, ...: the name of a service's instance. */
        static String name(String module, int instance) {
            return instance == 1 ? module : module + "-" + instance;
        }

        @Override
        public List<Integer> ports() {
            return List.of(port);
        }
    }
}
