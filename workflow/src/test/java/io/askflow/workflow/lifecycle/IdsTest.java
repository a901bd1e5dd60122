package io.askflow.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

class IdsTest {

    private final BpmnModelInstance model = Bpmn.readModelFromStream(resource("/bpmn/question-lifecycle.bpmn"));

    @Test
    void everyElementIdInIdsIsInTheModel() {
        List<String> missing = constants(Ids.class).stream()
                .filter(id -> !id.equals(Ids.PROCESS) && !id.equals(Ids.DECISION))
                .filter(id -> !(model.getModelElementById(id) instanceof FlowNode))
                .toList();
        assertThat(missing).as("ids in Ids.java that are no flow node of the BPMN").isEmpty();
    }

    @Test
    void everyFlowNodeOfTheModelHasItsIdInIds() {
        List<String> ids = constants(Ids.class);
        assertThat(model.getModelElementsByType(FlowNode.class)).extracting(FlowNode::getId)
                .allSatisfy(id -> assertThat(ids).as("Ids.java").contains(id));
    }

    @Test
    void everyMessageNameIsInTheModel() {
        var names = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                .collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(constants(Ids.Messages.class));
    }

    @Test
    void processAndDecisionKeepTheirKeysAndHistoryTimeToLive() {
        Process process = model.getModelElementById(Ids.PROCESS);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        Decision decision = Dmn.readModelFromStream(resource("/dmn/specialty-routing.dmn"))
                .getModelElementById(Ids.DECISION);
        assertThat(decision).isNotNull();
        assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(IdsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String path) {
        return IdsTest.class.getResourceAsStream(path);
    }
}
