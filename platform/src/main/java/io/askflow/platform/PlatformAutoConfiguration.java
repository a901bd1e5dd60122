package io.askflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.askflow.platform.database.StandInAutovacuum;
import io.askflow.platform.security.AdminProperties;
import io.askflow.platform.web.ApiProblems;
import io.askflow.platform.web.RequestBodyLimit;
import io.askflow.platform.web.RequestMismatchProblems;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;

/**
 * The platform's beans, in every service: the operator login's settings, JSON's limits, on the web problem+json and the request
 * body limit, and with a database the stand-in for a server's missing autovacuum.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties({AdminProperties.class, ServiceLinks.class, JsonLimits.class})
public class PlatformAutoConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonLimits(JsonLimits limits) {
        return limits.customizer();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({ApiProblems.class, RequestMismatchProblems.class})
    static class WebProblems {

        @Bean
        RequestBodyLimit requestBodyLimit(@Value("${askflow.web.max-request-body}") DataSize limit, ObjectMapper json) {
            return new RequestBodyLimit(limit, json);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnProperty(name = "askflow.db.stand-in-autovacuum.enabled", havingValue = "true")
    @EnableScheduling
    static class DatabaseUpkeep {

        @Bean
        @ConditionalOnProperty("askflow.db.schema") // a service's own schema: the stand-in keeps to it
        StandInAutovacuum standInAutovacuum(DataSource dataSource, @Value("${askflow.db.schema}") String schema) {
            return new StandInAutovacuum(JdbcClient.create(dataSource), schema);
        }
    }
}
