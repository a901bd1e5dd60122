package io.askflow.enrichment.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsumerQueryTest {

    @Test
    void aShortFirstSentenceIsTheSubjectLine() {
        assertThat(ConsumerQuery.subjectLine("achalasia. after surgery for achalasia, will spasms continue"))
                .isEqualTo("achalasia");
        assertThat(ConsumerQuery.subjectLine("Ankle injury. I got hurt in my left leg ankle almost 5 months ago."))
                .isEqualTo("Ankle injury");
    }

    @Test
    void aLongFirstSentenceOrNoSentenceIsNone() {
        assertThat(ConsumerQuery.subjectLine("I got hurt in my left leg ankle almost five months ago and it still hurts. "
                + "What now?")).isEmpty();
        assertThat(ConsumerQuery.subjectLine("ringing in my ears")).isEmpty();
    }
}
