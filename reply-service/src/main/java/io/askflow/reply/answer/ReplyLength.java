package io.askflow.reply.answer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A reply's length as it is stored, without the blank space around it. The one check of the page and the API;
 * its message tells the doctor how long the reply is, which {@code @Size} cannot.
 */
@Documented
@Constraint(validatedBy = ReplyLength.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface ReplyLength {

    int min();

    int max();

    String message() default "A reply has {min} to {max} characters; this one has {length}.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A missing reply counts as an empty one. */
    class Check implements ConstraintValidator<ReplyLength, String> {

        private int min;
        private int max;

        @Override
        public void initialize(ReplyLength bounds) {
            this.min = bounds.min();
            this.max = bounds.max();
        }

        @Override
        public boolean isValid(String reply, ConstraintValidatorContext context) {
            int length = reply == null ? 0 : reply.strip().length();
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("length", length);
            return length >= min && length <= max;
        }
    }
}
