package io.askflow.question.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link JsonFields} parameters. Jackson reads the body as a JSON object; its fields then go through the
 * parameter's data binder, the one an HTML form of the same object name gets, so a value is read in one place
 * (the registered formatters) whichever way it came. Jackson alone would stop at the first value it cannot read
 * and hide the other fields' errors. A body that is no JSON object is unreadable (400 by the API's problem
 * handler), as one that grows past the size limit while read is (413).
 */
class JsonFieldsArgumentResolver implements HandlerMethodArgumentResolver {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper json;

    JsonFieldsArgumentResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(JsonFields.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Map<String, Object> fields = read(request);
        Object target = BeanUtils.instantiateClass(parameter.getParameterType());
        WebDataBinder binder = binderFactory.createBinder(webRequest, target,
                ModelFactory.getNameForParameter(parameter));
        binder.bind(new MutablePropertyValues(fields));
        if (parameter.hasParameterAnnotation(Valid.class)) {
            binder.validate();
        }
        if (binder.getBindingResult().hasErrors()) {
            throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
        }
        return target;
    }

    private Map<String, Object> read(HttpServletRequest request) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(request.getInputStream(), OBJECT);
        } catch (IOException unreadable) {
            throw new HttpMessageNotReadableException("Unreadable JSON object", unreadable,
                    new ServletServerHttpRequest(request));
        }
        if (fields == null) {
            throw new HttpMessageNotReadableException("The body is JSON null", new ServletServerHttpRequest(request));
        }
        return fields;
    }
}
