package io.askflow.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans every integration test may inject. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    KafkaProbe kafkaProbe(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, ObjectMapper json) {
        return new KafkaProbe(bootstrapServers, json);
    }
}
