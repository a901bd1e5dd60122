package io.askflow.question.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body is a JSON object whose fields are bound to the parameter as the fields of an HTML form would
 * be (see {@link JsonFieldsArgumentResolver}): the same formatters and binder settings, and with {@code @Valid}
 * every field that cannot be read or breaks a constraint is reported at once, as {@code MethodArgumentNotValidException}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonFields {
}
