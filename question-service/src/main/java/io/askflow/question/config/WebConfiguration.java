package io.askflow.question.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatientSiteProperties.class)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    WebConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Age ranges, genders and specialties are bound as the pages write them ({@code 10~19}, {@code female},
     * a specialty's name or slug); blank text binds nothing (Spring does not ask a formatter to parse it).
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(AgeRange.class, new Label<>(AgeRange::label, AgeRange::fromLabel));
        registry.addFormatterForFieldType(Gender.class, new Label<>(Gender::label, Gender::fromLabel));
        registry.addFormatterForFieldType(Specialty.class, new Label<>(Specialty::slug, Specialty::fromNameOrSlug));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new JsonFieldsArgumentResolver(json));
    }

    /** A value written as its label and read by its own parser; text that names none is not a value. */
    private record Label<T>(Function<T, String> label, Function<String, Optional<T>> read) implements Formatter<T> {

        @Override
        public String print(T value, Locale locale) {
            return label.apply(value);
        }

        @Override
        public T parse(String text, Locale locale) {
            // the text stays out of the message: it is the patient's
            return read.apply(text).orElseThrow(() -> new IllegalArgumentException("Not one of the choices"));
        }
    }
}
