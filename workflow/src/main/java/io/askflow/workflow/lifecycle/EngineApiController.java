package io.askflow.workflow.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EngineApiController {

    private final ProcessEngine engine;

    EngineApiController(ProcessEngine engine) {
        this.engine = engine;
    }

    @Operation(summary = "How the process engine runs: history level, job executor, running questions")
    @GetMapping("/api/engine")
    EngineInfo engine() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor jobs = configuration.getJobExecutor();
        return new EngineInfo(engine.getName(), configuration.getHistoryLevel().getName(),
                jobs != null && jobs.isActive(), jobs == null ? 0 : jobs.getLockTimeInMillis(),
                engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(Ids.PROCESS).count());
    }

    /**
     * @param historyLevel      the level the engine records history at (full, audit, activity, none)
     * @param jobLockTimeMillis how long the job executor holds a step it took: after a crash, the step is taken up
     *                          again once this has passed
     * @param runningQuestions  process instances of {@code question-lifecycle} not yet ended
     */
    record EngineInfo(String name, String historyLevel, boolean jobExecutorActive, int jobLockTimeMillis,
                      long runningQuestions) {
    }
}
