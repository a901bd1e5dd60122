package io.askflow.devstack.bench;

import io.askflow.devstack.Args;
import io.askflow.devstack.stack.ComponentProcesses;
import io.askflow.devstack.stack.StackSettings;
import io.askflow.platform.ServicePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ./askflow bench} was asked to do.
 *
 * @param questionServices the instances of question-service the submits and tracking reads go round
 * @param replyServices    the instances of reply-service the doctors' desks are spread over
 * @param stack            where the stack's pid files, database and datasets are (the ASKFLOW_* settings of ./askflow)
 * @param kafka            the broker whose records the bench counts
 * @param admin            the operator login, for the workflow's engine API (the Camunda history level it reports)
 */
record BenchOptions(int questions, double rate, boolean json, Duration timeout, int concurrency, long seed,
                    List<URI> questionServices, List<URI> replyServices, URI workflow, List<DemoDoctor> doctors,
                    StackSettings stack, String kafka, Operator admin) {

    /** A demo login of reply-service (demo profile) and the specialty it answers. */
    record DemoDoctor(String username, String password, String specialty) {
    }

    /** The operator login ({@code askflow.security.admin}); the demo profile's is {@code admin:askflow}. */
    record Operator(String username, String password) {

        /** {@code user:password}; the password may hold colons, the user name may not. */
        static Operator parse(String login) {
            int colon = login.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--admin takes user:password, not '" + login + "'");
            }
            return new Operator(login.substring(0, colon), login.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Operator[username=" + username + "]";
        }
    }

    /** The demo profile's operator. */
    static final String DEFAULT_ADMIN = "admin:askflow";

    /**
     * Neurology's two demo doctors and four of the others reply-service's demo profile creates
     * ({@code dr.<first word of the specialty's slug>}).
     */
    static final String DEFAULT_DOCTORS = "dr.ye:Neurology,dr.lin:Neurology,dr.internal:Internal Medicine,"
            + "dr.family:Family Medicine,dr.pediatrics:Pediatrics,dr.cardiology:Cardiology";

    static final String USAGE = """
            usage: ./askflow bench --questions N [--rate R] [--json] [--timeout SECONDS] [--concurrency C]
                                   [--doctors user:Specialty,...] [--password P] [--seed S]
                                   [--admin user:password]
              Submits N questions to question-service (flat out, or R per second), has the demo doctors claim and
              reply to each as soon as it is in their queue, waits until every one is NOTIFIED, then prints the
              throughput and p50/p95/p99 of each leg from the recorded step dates, and what each question cost:
              CPU per component, Kafka records and PostgreSQL commits.
              The questions are real ones from ASKFLOW_DATASETS (default ../shared/datasets): MEDIQA's consumer
              questions and MedQuAD's, at least 500 distinct, about half consenting to publish.
              --timeout      give up waiting after this many seconds (default 120 + N/R, or 120 + N/10 flat out)
              --concurrency  parallel HTTP requests for submitting and tracking (default 8)
              --doctors      demo logins to use (default %s);
                             a login that reply-service refuses is left out with a warning
              --password     their password (default askflow)
              --seed         which questions, in which order, and which consent to publish (default 1)
              --admin        the operator login, for the workflow's /api/engine (the Camunda history level in
                             the report; default the demo's %s)
              Services: ASKFLOW_QUESTION_URL (%s), ASKFLOW_REPLY_URL (%s),
                        ASKFLOW_WORKFLOW_URL (%s);
                        by default every running instance (.askflow/run/NAME-k.pid: port + 100 per instance);
                        the first two take comma-separated lists. Submits and tracking reads go round the
                        instances of question-service; each doctor works on one instance of reply-service, the
                        doctors spread over them; a refused connection (instance gone) goes to the next one.
              Kafka: ASKFLOW_KAFKA_BOOTSTRAP (127.0.0.1:ASKFLOW_KAFKA_PORT); PostgreSQL: ASKFLOW_DB_*""".formatted(DEFAULT_DOCTORS, DEFAULT_ADMIN, local("question-service"),
            local("reply-service"), local("workflow"));

    /** @param root the repository, as ./askflow passes it: the stack's files and the datasets are found from it */
    static BenchOptions parse(String[] arguments, Map<String, String> env, Path root) {
        Args args = Args.parse(arguments,
                Set.of("questions", "rate", "timeout", "concurrency", "doctors", "password", "seed", "admin"),
                Set.of("json", "help"));
        if (args.flag("help")) {
            throw new IllegalArgumentException(USAGE);
        }
        int questions = Integer.parseInt(args.value("questions")
                .orElseThrow(() -> new IllegalArgumentException("--questions N is required\n" + USAGE)));
        double rate = Double.parseDouble(args.value("rate").orElse("0"));
        if (questions < 1 || rate < 0) {
            throw new IllegalArgumentException("--questions must be at least 1 and --rate not negative");
        }
        long defaultTimeout = 120 + (long) Math.ceil(rate > 0 ? questions / rate : questions / 10.0);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args.value("timeout").orElse(String.valueOf(defaultTimeout))));
        int concurrency = Integer.parseInt(args.value("concurrency").orElse("8"));
        String password = args.value("password").orElse("askflow");
        List<DemoDoctor> doctors = Arrays.stream(args.value("doctors").orElse(DEFAULT_DOCTORS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
                    int colon = s.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("--doctors takes user:Specialty pairs, not '" + s + "'");
                    }
                    return new DemoDoctor(s.substring(0, colon).strip(), password, s.substring(colon + 1).strip());
                }).toList();
        long seed = Long.parseLong(args.value("seed").orElse("1"));
        Operator admin = Operator.parse(args.value("admin").orElse(DEFAULT_ADMIN));
        // the version names the services' jars, which the bench does not use
        StackSettings stack = StackSettings.from(root, "", env);
        String kafka = env.getOrDefault("ASKFLOW_KAFKA_BOOTSTRAP", "");
        ComponentProcesses running = new ComponentProcesses(stack);
        return new BenchOptions(questions, rate, args.flag("json"), timeout, Math.max(1, concurrency), seed,
                instances(env, "ASKFLOW_QUESTION_URL", "question-service", running),
                instances(env, "ASKFLOW_REPLY_URL", "reply-service", running),
                url(env, "ASKFLOW_WORKFLOW_URL", local("workflow")), doctors, stack,
                kafka.isBlank() ? "127.0.0.1:" + stack.kafkaPort() : kafka, admin);
    }

    /** A service of the dev stack on this machine. */
    private static String local(String service) {
        return "http://127.0.0.1:" + ServicePorts.of(service);
    }

    /** The URLs the variable lists, else those of the service's running instances, else its first instance's. */
    private static List<URI> instances(Map<String, String> env, String name, String service,
                                       ComponentProcesses running) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(BenchOptions::uri).toList();
        }
        List<Integer> instances = running.runningInstances(service);
        return (instances.isEmpty() ? List.of(1) : instances).stream()
                .map(instance -> uri("http://127.0.0.1:" + ServicePorts.of(service, instance))).toList();
    }

    private static URI url(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return uri(value == null || value.isBlank() ? fallback : value);
    }

    private static URI uri(String base) {
        return URI.create(base.endsWith("/") ? base : base + "/");
    }
}
