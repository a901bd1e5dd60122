package io.askflow.devstack.smtp;

import io.askflow.devstack.Args;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code smtp}: runs the catcher until the JVM is stopped (SIGTERM from {@code ./askflow stop smtp}). */
public final class SmtpCommand {

    private SmtpCommand() {
    }

    public static int run(String[] arguments) throws InterruptedException {
        Args args = Args.parse(arguments, Set.of("host", "api-host", "smtp-port", "api-port"), Set.of());
        String host = args.value("host", "ASKFLOW_SMTP_HOST", "127.0.0.1");
        String apiHost = args.value("api-host").orElse(host);
        int smtpPort = Integer.parseInt(args.value("smtp-port", "ASKFLOW_SMTP_PORT", "2525"));
        int apiPort = Integer.parseInt(args.value("api-port", "ASKFLOW_MAIL_API_PORT", "8025"));
        SmtpCatcher catcher = SmtpCatcher.start(host, smtpPort, apiHost, apiPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            catcher.close();
            stopped.countDown();
        }, "smtp-catcher-shutdown"));
        System.out.printf("SMTP catcher: smtp://%s:%d, mail API http://%s:%d/api/v1/messages%n",
                host, catcher.smtpPort(), apiHost, catcher.apiPort());
        stopped.await();
        return 0;
    }
}
