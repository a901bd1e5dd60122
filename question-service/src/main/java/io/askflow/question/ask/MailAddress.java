package io.askflow.question.ask;

import io.askflow.question.EmailAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address a mail server can be given ({@link EmailAddress}), after leading and trailing spaces. The message
 * never repeats the value, so an address cannot leak into a response or a log.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MailAddress.Validator.class)
@interface MailAddress {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String address = value == null ? "" : value.strip();
            if (address.isEmpty()) {
                return false;                                          // the default message: is required
            }
            if (!EmailAddress.isValid(address)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is not a valid email address").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
