package io.askflow.platform;

import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.web.ApiProblems;
import io.askflow.platform.web.RequestMismatchProblems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The platform's beans, in every service: the operator login's settings and, on the web, problem+json. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties({AdminProperties.class, ServiceLinks.class})
public class PlatformAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({ApiProblems.class, RequestMismatchProblems.class})
    static class WebProblems {
    }
}
