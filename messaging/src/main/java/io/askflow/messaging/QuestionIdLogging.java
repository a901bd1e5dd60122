package io.askflow.messaging;

import io.askflow.platform.QuestionLog;
import io.askflow.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the question id (the record key) into the logging context while a record is processed, so one
 * question can be followed through every service's log by {@code questionId=…}.
 */
class QuestionIdLogging implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        if (record.key() != null && !record.topic().startsWith(Topics.DOCTOR_UPDATED)) {
            MDC.put(QuestionLog.KEY, record.key().toString());
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(QuestionLog.KEY);
    }
}
