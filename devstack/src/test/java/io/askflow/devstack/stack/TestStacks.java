package io.askflow.devstack.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings for a stack of its own: a temp ASKFLOW_HOME and free ports, so tests never meet ./askflow's stack. */
final class TestStacks {

    static final String VERSION = "test";

    private TestStacks() {
    }

    static StackSettings settings(Path root, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "ASKFLOW_HOME", root.resolve(".askflow").toString(),
                "ASKFLOW_KAFKA_PORT", String.valueOf(freePort()),
                "ASKFLOW_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "ASKFLOW_SMTP_PORT", String.valueOf(freePort()),
                "ASKFLOW_MAIL_API_PORT", String.valueOf(freePort()),
                "ASKFLOW_START_TIMEOUT", "60",
                "ASKFLOW_STOP_TIMEOUT", "2"));
        env.putAll(overrides);
        return StackSettings.from(root, VERSION, env);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PrintStream whose text the test reads. */
    static final class Captured {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
