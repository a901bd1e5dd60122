package io.askflow.devstack.smtp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * The dev stack's mail server: GreenMail accepts every mail on the SMTP port, and {@link MailpitApi} lists it in
 * Mailpit's JSON shape on the API port, so scripts and tests read mail the same way here as against Mailpit in
 * docker-compose. Port 0 picks a free port (tests). The two listen on addresses of their own: the dev stack keeps
 * SMTP on 127.0.0.1 and opens the mail page wider only when told (ASKFLOW_BIND_ADDRESS).
 */
public final class SmtpCatcher implements AutoCloseable {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final GreenMail greenMail;
    private final HttpServer http;
    private final ExecutorService httpThreads;

    private SmtpCatcher(GreenMail greenMail, HttpServer http, ExecutorService httpThreads) {
        this.greenMail = greenMail;
        this.http = http;
        this.httpThreads = httpThreads;
    }

    public static SmtpCatcher start(String host, int smtpPort, String apiHost, int apiPort) {
        // GreenMail parses every mail with Jakarta Mail, which otherwise looks up its StreamProvider by a
        // ServiceLoader scan of the class path for each body part (jakartaee/mail-api#699), as notification-service
        // does when it writes them
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        ServerSetup smtp = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(apiHost, apiPort), 0);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            http.setExecutor(threads);
            http.createContext("/", new MailpitApi(new MailStore(greenMail), new ObjectMapper()));
            http.start();
            return new SmtpCatcher(greenMail, http, threads);
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("Could not open the mail API on " + apiHost + ":" + apiPort, e);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int apiPort() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        greenMail.stop();
    }
}
