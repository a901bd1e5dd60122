package io.askflow.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One packaged service running as its own process, as {@code ./askflow up} runs it: {@code java -jar} on the
 * module's Spring Boot jar, output to a log file under {@code e2e/target/e2e-logs} named after the instance.
 */
final class ServiceProcess {

    private final String name;
    private final String module;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private Process process;

    ServiceProcess(String module, int port, List<String> arguments) {
        this(module, module, port, arguments);
    }

    /** @param name the instance, e.g. {@code workflow-2}: its log's name */
    ServiceProcess(String name, String module, int port, List<String> arguments) {
        this.name = name;
        this.module = module;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = Path.of("target", "e2e-logs", name + ".log");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    String module() {
        return module;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        Path jar = Path.of(System.getProperty("askflow.project.dir", ".."), module, "target",
                module + "-" + System.getProperty("askflow.project.version", "0.1.0-SNAPSHOT") + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Waits until {@code /actuator/health} answers UP, or fails with the end of the service's log. */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + logTail());
    }

    /** SIGKILL, what destroyForcibly is on Linux: no shutdown hook, no goodbye to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
