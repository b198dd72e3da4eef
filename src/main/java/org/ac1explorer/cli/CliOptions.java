package org.ac1explorer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} / {@code --name=value} options of one subcommand, checked against the
 * names it accepts. Values are converted on access, with errors that name the option.
 */
final class CliOptions {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private CliOptions(String command) {
        this.command = command;
    }

    /**
     * Parses {@code args}; {@code valued} options take a value, {@code flags} do not. Unknown
     * options and stray arguments are usage errors.
     */
    static CliOptions parse(String command, String[] args, Set<String> valued, Set<String> flags) throws UsageException {
        CliOptions o = new CliOptions(command);
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + a + "\" for " + command + " (see " + command + " --help)");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                o.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= rest.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = rest.get(++i);
                }
                o.values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name + " for " + command + " (see " + command + " --help)");
            }
        }
        return o;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(command + " needs --" + name + " (see " + command + " --help)");
        }
        return v;
    }

    Path requiredPath(String name) throws UsageException {
        return Path.of(required(name));
    }

    double number(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": \"" + v + "\" is not a number");
        }
    }

    Double optionalNumber(String name) throws UsageException {
        return has(name) ? number(name, Double.NaN) : null;
    }

    int integer(String name, int fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": \"" + v + "\" is not an integer");
        }
    }

    long longInteger(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": \"" + v + "\" is not an integer");
        }
    }

    /** A comma-separated list, blanks dropped. */
    List<String> list(String name, List<String> fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
