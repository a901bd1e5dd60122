package io.askflow.reply;

import io.askflow.testsupport.AskflowIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * reply-service on the test infrastructure, with the demo profile so every test class shares one application
 * context (the demo doctors exist; tests still create their own doctors with fresh names).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AskflowIntegrationTest
@ActiveProfiles("demo")
@Import(Scenario.class)
@interface ReplyServiceTest {
}
