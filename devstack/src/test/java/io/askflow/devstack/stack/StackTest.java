package io.askflow.devstack.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.askflow.devstack.stack.Component.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path root;

    @Test
    void aSecondInstanceOfEachServiceListensAHundredPortsAboveTheFirstAndFollowsItInTheList() {
        Stack stack = Stack.of(TestStacks.settings(root, Map.of()), 2);

        assertThat(stack.services()).extracting(Service::name).containsExactly("question-service",
                "question-service-2", "reply-service", "reply-service-2", "workflow", "workflow-2",
                "enrichment-service", "enrichment-service-2", "notification-service", "notification-service-2");
        assertThat(stack.services()).extracting(Service::port)
                .containsExactly(8080, 8180, 8081, 8181, 8082, 8182, 8083, 8183, 8084, 8184);
        assertThat(stack.find("workflow-2")).get().isEqualTo(stack.services().get(5));
        assertThat(((Service) stack.find("workflow-2").orElseThrow()).module()).isEqualTo("workflow");
        assertThat(stack.componentNames()).containsExactly("kafka", "smtp", "question-service", "reply-service",
                "workflow", "enrichment-service", "notification-service");
    }

    @Test
    void eachEnrichmentInstanceHasAnIndexFolderOfItsOwnAndTheOthersNoneAtAll() {
        StackSettings settings = TestStacks.settings(root, Map.of());
        Stack stack = Stack.of(settings, 3);

        assertThat(stack.services()).filteredOn(s -> s.module().equals("enrichment-service"))
                .extracting(Service::arguments).containsExactly(
                        List.of("--askflow.index.dir=" + settings.state().resolve("enrichment-index")),
                        List.of("--askflow.index.dir=" + settings.state().resolve("enrichment-index-2")),
                        List.of("--askflow.index.dir=" + settings.state().resolve("enrichment-index-3")));
        assertThat(stack.services()).filteredOn(s -> !s.module().equals("enrichment-service"))
                .allSatisfy(service -> assertThat(service.arguments()).isEmpty());
    }

    @Test
    void theStackIsAsTheLastUpRecordedItAndOneOfEachBeforeAnyUp() {
        StackSettings settings = TestStacks.settings(root, Map.of());
        assertThat(Stack.of(settings).services()).hasSize(5);

        Stack.recordInstances(settings, 3);

        assertThat(Stack.of(settings).services()).hasSize(15);
        assertThat(Stack.of(settings).names()).contains("workflow workflow-2 workflow-3 enrichment-service");
    }

    @Test
    void refusesInstanceCountsOutsideOneToNine() {
        StackSettings settings = TestStacks.settings(root, Map.of());

        assertThatThrownBy(() -> Stack.of(settings, 0)).hasMessage("--instances must be from 1 to 9, not 0");
        assertThatThrownBy(() -> Stack.of(settings, 10)).hasMessage("--instances must be from 1 to 9, not 10");
    }
}
