package io.askflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Each service's port on one machine (the dev stack's), from {@code askflow.ports.*} in
 * {@code askflow-platform.properties}: the one list that the services' own defaults ({@code server.port} and the
 * {@link ServiceLinks}) and {@code ./askflow} read. Plain Java, so the dev stack reads it without Spring.
 */
public final class ServicePorts {

    private static final String PREFIX = "askflow.ports.";
    private static final Map<String, Integer> PORTS = load();

    private ServicePorts() {
    }

    /** The port of a service by its module name, e.g. {@code question-service}. */
    public static int of(String service) {
        Integer port = PORTS.get(service);
        if (port == null) {
            throw new IllegalArgumentException("No port for " + service + "; known: " + PORTS.keySet());
        }
        return port;
    }

    private static Map<String, Integer> load() {
        Properties defaults = new Properties();
        try (InputStream in = ServicePorts.class.getResourceAsStream("/askflow-platform.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> ports = new HashMap<>();
        defaults.stringPropertyNames().stream().filter(name -> name.startsWith(PREFIX))
                .forEach(name -> ports.put(name.substring(PREFIX.length()), Integer.valueOf(defaults.getProperty(name))));
        return Map.copyOf(ports);
    }
}
