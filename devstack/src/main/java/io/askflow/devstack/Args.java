package io.askflow.devstack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --flag} arguments; an unknown name is an error, not a silent default. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    public static Args parse(String[] args, Set<String> valueNames, Set<String> flagNames) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = name.indexOf('=');
            if (eq > 0 && valueNames.contains(name.substring(0, eq))) {
                parsed.values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (valueNames.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                parsed.values.put(name, args[++i]);
            } else if (flagNames.contains(name)) {
                parsed.flags.add(name);
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        return parsed;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The argument, else the environment variable, else the default. */
    public String value(String name, String envName, String fallback) {
        return value(name).orElseGet(() -> {
            String env = System.getenv(envName);
            return env == null || env.isBlank() ? fallback : env;
        });
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
