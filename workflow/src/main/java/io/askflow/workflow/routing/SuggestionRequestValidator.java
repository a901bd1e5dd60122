package io.askflow.workflow.routing;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Same caps as the ask form (title 150, body 5000 characters, counted as the patient sees them: code points of the
 * stripped text), so whatever the form accepts can be suggested for, and nothing much larger is scored.
 */
class SuggestionRequestValidator implements Validator {

    static final int TITLE_MAX = 150;
    static final int BODY_MAX = 5000;

    @Override
    public boolean supports(Class<?> type) {
        return SuggestionRequest.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        SuggestionRequest request = (SuggestionRequest) target;
        int title = characters(request.title());
        int body = characters(request.body());
        if (title == 0 && body == 0) {
            errors.rejectValue("title", "required", "a title or a body is required");
            errors.rejectValue("body", "required", "a title or a body is required");
        }
        if (title > TITLE_MAX) {
            errors.rejectValue("title", "length", "must be at most " + TITLE_MAX + " characters long");
        }
        if (body > BODY_MAX) {
            errors.rejectValue("body", "length", "must be at most " + BODY_MAX + " characters long");
        }
    }

    private static int characters(String text) {
        if (text == null) {
            return 0;
        }
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length());
    }
}
