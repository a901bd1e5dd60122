package io.askflow.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The mail templates: {@code templates/mail/<kind>.html} in HTML mode (escaped), {@code <kind>.txt} in TEXT mode;
 * and the service's one web page, the unsubscribe confirmation ({@code templates/pages/*.html}, view names
 * {@code pages/…}). One engine for both, so Boot's view resolver renders the page with it.
 */
@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

    @Bean
    SpringTemplateEngine mailTemplates() {
        var engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("templates/", ".html", "pages/*", TemplateMode.HTML, 0));
        engine.addTemplateResolver(resolver("templates/mail/", "", "*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("templates/mail/", "", "*.txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String prefix, String suffix, String pattern,
                                                        TemplateMode mode, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(prefix);
        resolver.setSuffix(suffix);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
