package io.askflow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code askflow-platform.properties} (database, operator login, service links, logging, health) as the
 * lowest-precedence defaults, so each setting has one key and one default for every service, and a service's
 * {@code application.yml} or the environment can still override it. Runs right after the config files are read, so
 * that post-processors reading these settings (workflow's Cockpit user) see them.
 */
class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader()
                    .load("askflow-platform-defaults", new ClassPathResource("askflow-platform.properties"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
