package io.askflow.notification;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationServiceApplication {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        // Jakarta Mail looks up its StreamProvider for every body part and encoded header, by a ServiceLoader scan
        // of the whole class path unless this names it (jakartaee/mail-api#699): a third of a sender's CPU.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
