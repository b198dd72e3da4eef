package org.ac1explorer.archive;

import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules of the release shared by the Wehr and Asari readers (Python semantics). */
final class TrialText {
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private TrialText() {
    }

    /** Trigger types are compared lower-cased and trimmed, as the reference does. */
    static String normaliseType(String type) {
        return type.toLowerCase(Locale.ROOT).strip();
    }

    /** Python's {@code " ".join(s.split())}: runs of whitespace become one space, ends trimmed. */
    static String collapseSpaces(String s) {
        String t = s.strip();
        return t.isEmpty() ? "" : WHITESPACE.matcher(t).replaceAll(" ");
    }

    /** Python's {@code str.isdigit()} for a whole string (false when empty). */
    static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** Python's {@code int(s)} for decimal text (spaces and a sign allowed); null when it would raise. */
    static Integer parsePythonInt(String s) {
        String t = s.strip().replace("_", "");
        if (t.isEmpty() || s.strip().startsWith("_") || s.strip().endsWith("_") || s.contains("__")) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
