package io.askflow.question.ask;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a patient must write, from {@code min} to {@code max} characters. Characters count as people count them
 * (Unicode code points, so an emoji or a Chinese character is one), after leading and trailing spaces. The
 * messages never repeat the value.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Text.Validator.class)
@interface Text {

    int min();

    int max();

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private int min;
        private int max;

        @Override
        public void initialize(Text text) {
            this.min = text.min();
            this.max = text.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String text = value == null ? "" : value.strip();
            int characters = text.codePointCount(0, text.length());
            if (characters == 0) {
                return false;                                          // the default message: is required
            }
            if (characters < min || characters > max) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be " + min + " to " + max + " characters long")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
