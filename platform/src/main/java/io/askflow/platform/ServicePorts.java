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
 * Further instances of a service on the same machine ({@code ./askflow up --instances N}) listen
 * {@link #INSTANCE_STEP} ports apart: workflow's second instance on 8182, its third on 8282.
 */
public final class ServicePorts {

    /** Between the ports of two consecutive instances of a service: 8080, 8180, 8280, ... */
    public static final int INSTANCE_STEP = 100;

    /** Instances a service may run on one machine; the ninth's ports end at 8884, below Kafka's 9092. */
    public static final int MAX_INSTANCES = 9;

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

    /** The port of instance {@code instance} (1 for the first) of a service: {@link #of} plus a step per instance. */
    public static int of(String service, int instance) {
        if (instance < 1 || instance > MAX_INSTANCES) {
            throw new IllegalArgumentException("Instance " + instance + " of " + service + ": from 1 to "
                    + MAX_INSTANCES);
        }
        return of(service) + INSTANCE_STEP * (instance - 1);
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
