package io.askflow.devstack;

import io.askflow.devstack.bench.Bench;
import io.askflow.devstack.database.CreateDatabase;
import io.askflow.devstack.smtp.SmtpCommand;
import io.askflow.devstack.stack.StackCommand;
import java.util.Arrays;
import java.util.List;

/** The Java side of {@code ./askflow}: one jar, one sub-command per job. */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int exit;
        if (StackCommand.COMMANDS.contains(command)) {
            exit = StackCommand.run(command, List.of(rest));
        } else {
            exit = switch (command) {
                case "smtp" -> SmtpCommand.run(rest);
                case "bench" -> Bench.run(rest);
                case "create-database" -> CreateDatabase.run(rest);
                default -> {
                    System.out.println("""
                            usage: java -Daskflow.root=REPOSITORY -jar devstack.jar COMMAND
                              up, down, status, start, stop, logs, import-knowledge, eval-similar
                                                                              the dev stack (./askflow help)
                              smtp [--host H] [--smtp-port P] [--api-host H] [--api-port P]
                                                          the SMTP catcher (127.0.0.1:2525; API on --host, :8025)
                              bench --questions N [--rate R] [--json] ...     see bench --help
                              create-database                                 create $ASKFLOW_DB_NAME if missing""");
                    yield command.equals("help") || command.equals("--help") ? 0 : 2;
                }
            };
        }
        if (exit != 0 || !command.equals("smtp")) {
            System.exit(exit);
        }
    }
}
