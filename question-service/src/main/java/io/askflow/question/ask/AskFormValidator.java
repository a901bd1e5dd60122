package io.askflow.question.ask;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import io.askflow.question.EmailAddress;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The limits of a question, one place for the HTML form and the JSON API. Lengths count characters as people
 * do (Unicode code points, so an emoji or a Chinese character is one), after leading and trailing spaces.
 * Messages never repeat the value, so an email cannot leak into a response or a log. The {@code website} field
 * is a honeypot: people never see it, form-filling bots fill it, and a filled one is refused like any bad field
 * (400, nothing stored): a person whose browser filled it by mistake reads why and simply sends again.
 */
@Component
class AskFormValidator implements Validator {

    static final int NICKNAME_MAX = 40;
    static final int TITLE_MIN = 5;
    static final int TITLE_MAX = 150;
    static final int BODY_MIN = 20;
    static final int BODY_MAX = 5000;

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
        } else if (!EmailAddress.isValid(email)) {
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
        if (!strip(form.getWebsite()).isEmpty()) {
            errors.rejectValue("website", "honeypot", "must be left empty");
        }
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
