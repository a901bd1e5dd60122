package io.askflow.question.ask;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The limits of a question, one place for the HTML form and the JSON API. Lengths count characters as people
 * do (Unicode code points, so an emoji or a Chinese character is one), after leading and trailing spaces.
 * Messages never repeat the value, so an email cannot leak into a response or a log.
 */
@Component
class AskFormValidator implements Validator {

    static final int NICKNAME_MAX = 40;
    static final int TITLE_MIN = 5;
    static final int TITLE_MAX = 150;
    static final int BODY_MIN = 20;
    static final int BODY_MAX = 5000;
    static final int EMAIL_MAX = 254;

    /** One @, something before it, a dotted domain after it, no spaces: what a mail server can be given. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    @Override
    public boolean supports(Class<?> type) {
        return AskForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        AskForm form = (AskForm) target;
        length(errors, "nickname", form.getNickname(), 1, NICKNAME_MAX);
        String email = strip(form.getEmail());
        if (email.isEmpty()) {
            errors.rejectValue("email", "required", "is required");
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            errors.rejectValue("email", "invalid", "is not a valid email address");
        }
        if (strip(form.getAgeRange()).isEmpty()) {
            errors.rejectValue("ageRange", "required", "is required");
        } else if (AgeRange.fromLabel(form.getAgeRange()).isEmpty()) {
            errors.rejectValue("ageRange", "unknown", "must be one of under 10, 10~19, 20~29 … 70~79, 80+");
        }
        if (strip(form.getGender()).isEmpty()) {
            errors.rejectValue("gender", "required", "is required");
        } else if (Gender.fromLabel(form.getGender()).isEmpty()) {
            errors.rejectValue("gender", "unknown", "must be female, male or other");
        }
        if (!strip(form.getSpecialty()).isEmpty() && Specialty.fromNameOrSlug(form.getSpecialty()).isEmpty()) {
            errors.rejectValue("specialty", "unknown", "is not a specialty we have");
        }
        length(errors, "title", form.getTitle(), TITLE_MIN, TITLE_MAX);
        length(errors, "body", form.getBody(), BODY_MIN, BODY_MAX);
    }

    private static void length(Errors errors, String field, String value, int min, int max) {
        String text = strip(value);
        int characters = text.codePointCount(0, text.length());
        if (characters == 0) {
            errors.rejectValue(field, "required", "is required");
        } else if (characters < min || characters > max) {
            errors.rejectValue(field, "length", "must be " + min + " to " + max + " characters long");
        }
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
