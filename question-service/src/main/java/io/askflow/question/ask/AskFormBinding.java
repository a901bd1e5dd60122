package io.askflow.question.ask;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How an {@link AskForm} is bound, the same for the HTML form and both forms of the API: only its own fields, and
 * a value that cannot be read (an age range that is not on the page, a gender or specialty we do not have, text
 * where a boolean belongs) is an error of its field with the message of {@code messages.properties}, never the
 * converter's, which repeats the value.
 */
@ControllerAdvice(assignableTypes = {AskPageController.class, AskApiController.class})
class AskFormBinding {

    private final UnreadableValues unreadable;

    AskFormBinding(MessageSource messages) {
        this.unreadable = new UnreadableValues(messages);
    }

    @InitBinder("askForm")
    void bind(WebDataBinder binder) {
        binder.setAllowedFields(AskForm.FIELDS);
        binder.setBindingErrorProcessor(unreadable);
    }

    private static final class UnreadableValues extends DefaultBindingErrorProcessor {

        private final MessageSource messages;

        UnreadableValues(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
            String field = ex.getPropertyName();
            String[] codes = result.resolveMessageCodes(ex.getErrorCode(), field);
            String message = messages.getMessage(new DefaultMessageSourceResolvable(codes, "has the wrong type"),
                    LocaleContextHolder.getLocale());
            FieldError explained = new FieldError(result.getObjectName(), field, ex.getValue(), true, codes, null,
                    message);
            explained.wrap(ex);
            result.addError(explained);
        }
    }
}
