package io.askflow.workflow.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngineController {

    private final ProcessEngine engine;

    EngineController(ProcessEngine engine) {
        this.engine = engine;
    }

    @Operation(summary = "How the process engine runs: history level, job executor, running questions")
    @GetMapping("/api/engine")
    EngineInfo engine() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return new EngineInfo(engine.getName(), configuration.getHistoryLevel().getName(),
                configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive(),
                engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Ids.PROCESS).count());
    }

    /**
     * @param historyLevel     the level the engine records history at (full, audit, activity, none)
     * @param runningQuestions process instances of {@code question-lifecycle} not yet ended
     */
    record EngineInfo(String name, String historyLevel, boolean jobExecutorActive, long runningQuestions) {
    }
}
