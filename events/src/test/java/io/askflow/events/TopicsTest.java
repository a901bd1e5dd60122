package io.askflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyPermittedEventTypeHasItsOwnTopic() {
        Set<Class<?>> types = new HashSet<>(Arrays.asList(QuestionEvent.class.getPermittedSubclasses()));
        types.add(DoctorUpdated.class);
        Set<String> topics = new HashSet<>();
        for (Class<?> type : types) {
            @SuppressWarnings("unchecked")
            String topic = Topics.of((Class<? extends AskflowEvent>) type);
            assertThat(topics.add(topic)).as("topic of %s is unique", type).isTrue();
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetter(Topics.REPLY_POSTED)).isEqualTo("reply.posted.dlt");
    }
}
