package io.askflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServicePortsTest {

    private static final List<String> SERVICES = List.of("question-service", "reply-service", "workflow",
            "enrichment-service", "notification-service");

    @Test
    void theFirstInstanceKeepsItsPortAndEachFurtherOneIsAHundredAbove() {
        assertThat(ServicePorts.of("workflow", 1)).isEqualTo(ServicePorts.of("workflow")).isEqualTo(8082);
        assertThat(ServicePorts.of("workflow", 2)).isEqualTo(8182);
        assertThat(ServicePorts.of("notification-service", 3)).isEqualTo(8284);
    }

    @Test
    void noTwoInstancesShareAPortAndNoneTakesKafkasSmtpsOrPostgresqls() {
        Set<Integer> ports = new HashSet<>();
        for (String service : SERVICES) {
            for (int instance = 1; instance <= ServicePorts.MAX_INSTANCES; instance++) {
                assertThat(ports.add(ServicePorts.of(service, instance))).as(service + " " + instance).isTrue();
            }
        }
        assertThat(ports).doesNotContain(9092, 9093, 2525, 8025, 5432);
    }

    @Test
    void refusesAnInstanceOutsideTheRange() {
        assertThatThrownBy(() -> ServicePorts.of("workflow", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServicePorts.of("workflow", ServicePorts.MAX_INSTANCES + 1))
                .hasMessage("Instance 10 of workflow: from 1 to 9");
    }
}
