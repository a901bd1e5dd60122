package io.askflow.notification.config;

import io.askflow.notification.mail.MailSettings;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
@OpenAPIDefinition(info = @Info(title = "Askflow notification-service",
        description = "Email to patients and doctors; the delivery log for operators"))
@SecurityScheme(name = "operator", type = SecuritySchemeType.HTTP, scheme = "basic")
class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
