package io.askflow.platform;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What any JSON this service reads may hold: request bodies (after {@code askflow.web.max-request-body}), Kafka
 * records, lookup answers. Jackson's own defaults allow documents of any length and strings of 20 million
 * characters; these stop a hostile or broken document before it takes the heap, far above anything Askflow sends.
 *
 * @param maxNestingDepth   arrays and objects inside each other
 * @param maxStringLength   characters of one string value (a question's body is at most 5,000)
 * @param maxNumberLength   digits of one number
 * @param maxDocumentLength one document (a Kafka record is at most 1 MB by the broker's default)
 */
@ConfigurationProperties("askflow.json")
public record JsonLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, DataSize maxDocumentLength) {

    /** Applied to the ObjectMapper Boot builds, which the web layer and the Kafka converter share. */
    Jackson2ObjectMapperBuilderCustomizer customizer() {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxDocumentLength(maxDocumentLength.toBytes())
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }
}
