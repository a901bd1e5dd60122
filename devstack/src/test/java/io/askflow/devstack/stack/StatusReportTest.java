package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.askflow.devstack.stack.Supervisor.State;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private final Stack stack = Stack.of(StackSettings.from(Path.of("/repo"), "test", Map.of()), 2);

    private final StatusReport report = new StatusReport(List.of(
            new StatusReport.Line(stack.kafka(), OptionalLong.of(4242), State.UP),
            new StatusReport.Line(stack.smtp(), OptionalLong.of(4343), State.STARTING),
            new StatusReport.Line(stack.services().get(0), OptionalLong.empty(), State.DOWN),
            new StatusReport.Line(stack.services().get(9), OptionalLong.of(4444), State.UP)));

    @Test
    void printsOneAlignedLinePerComponent() {
        assertThat(report.text()).isEqualTo("""
                kafka                   pid 4242     port 9092       up
                smtp                    pid 4343     port 2525,8025  starting
                question-service        pid -        port 8080       down
                notification-service-2  pid 4444     port 8184       up
                """);
    }

    @Test
    void printsOneJsonObjectWithTheMailApiPortOnSmtpAndTheInstanceOnServices() {
        assertThat(report.json()).isEqualTo("{\"components\":["
                + "{\"name\":\"kafka\",\"pid\":4242,\"port\":9092,\"state\":\"up\"},"
                + "{\"name\":\"smtp\",\"pid\":4343,\"port\":2525,\"state\":\"starting\",\"apiPort\":8025},"
                + "{\"name\":\"question-service\",\"pid\":null,\"port\":8080,\"state\":\"down\","
                + "\"service\":\"question-service\",\"instance\":1},"
                + "{\"name\":\"notification-service-2\",\"pid\":4444,\"port\":8184,\"state\":\"up\","
                + "\"service\":\"notification-service\",\"instance\":2}]}\n");
    }
}
