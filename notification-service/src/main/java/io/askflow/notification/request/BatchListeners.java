package io.askflow.notification.request;

import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Listener containers that hand a whole poll to the listener, for the two busy topics: their records are stored one
 * transaction per poll instead of one per record (one WAL flush per batch). Configured like every other container
 * (concurrency, the shared error handler that retries or dead-letters the record a listener names in a
 * {@link org.springframework.kafka.listener.BatchListenerFailedException}), only in batch mode.
 */
@Configuration(proxyBeanMethods = false)
class BatchListeners {

    static final String FACTORY = "batchListenerContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        return factory;
    }
}
