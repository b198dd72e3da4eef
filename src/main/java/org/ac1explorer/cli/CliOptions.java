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
                    // "--data --dt-ms 5": the next option is not --data's value (--data=--x passes one)
                    if (i + 1 >= rest.size() || rest.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value (see " + command + " --help)");
                    }
                    value = rest.get(++i);
                }
                o.values.put(name, value);
            } else {
                String near = closest(name, valued, flags);
                throw new UsageException("unknown option --" + name + " for " + command
                        + (near == null ? "" : "; did you mean --" + near + "?") + " (see " + command + " --help)");
            }
        }
        return o;
    }

    /**
     * The accepted option the user most likely meant by {@code name}, or null: the same letters
     * without dashes ("dtms"), a unique option it begins ("dt" for dt-ms), or one or two typing
     * slips (Levenshtein distance of the dashless names, at most 1 for short names).
     */
    static String closest(String name, Set<String> valued, Set<String> flags) {
        String typed = bare(name);
        if (typed.isEmpty()) {
            return null;
        }
        List<String> known = new ArrayList<>(valued);
        known.addAll(flags);
        known.sort(null);
        List<String> prefixed = new ArrayList<>();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String b = bare(k);
            if (b.equals(typed)) {
                return k;
            }
            if (b.startsWith(typed)) {
                prefixed.add(k);
            }
            int d = distance(typed, b);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        return bestDistance <= (typed.length() <= 4 ? 1 : 2) ? best : null;
    }

    private static String bare(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
