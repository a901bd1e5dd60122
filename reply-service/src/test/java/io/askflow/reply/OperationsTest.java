package io.askflow.reply;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ReplyServiceTest
class OperationsTest {

    @Autowired MockMvc mvc;

    @Test
    void healthCoversTheDatabaseAndTheBroker() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.details.brokers").value(1));
    }

    @Test
    void theApiIsDescribedWithoutALogin() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/queue'].get").exists())
                .andExpect(jsonPath("$.paths['/api/questions/{id}/claim'].post").exists())
                .andExpect(jsonPath("$.paths['/api/questions/{id}/reply'].post").exists())
                .andExpect(jsonPath("$.paths['/api/questions/{id}/reroute'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
    }
}
