package org.ac1explorer.download;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CRCNS.org account. The password is a {@code char[]} that this record owns: {@link #close()}
 * overwrites it, and nothing in this package turns it into a {@code String}, writes it to disk or
 * puts it into a message. {@link #toString()} never shows either field.
 */
public record Credentials(String username, char[] password) implements AutoCloseable {
    /** Environment variables read by {@link #fromEnvironment(Map)} (the names deepSTRF uses too). */
    public static final String USERNAME_VARIABLE = "CRCNS_USERNAME";
    public static final String PASSWORD_VARIABLE = "CRCNS_PASSWORD";

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("the CRCNS username is empty");
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("the CRCNS password is empty");
        }
    }

    /** Both variables set and non-empty: the account; otherwise empty. */
    public static Optional<Credentials> fromEnvironment(Map<String, String> env) {
        String user = env.get(USERNAME_VARIABLE);
        String pass = env.get(PASSWORD_VARIABLE);
        if (user == null || user.isBlank() || pass == null || pass.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user.strip(), pass.toCharArray()));
    }

    /**
     * Asks on the terminal (the password is not echoed). {@code suggestedUser} (may be null) is
     * used when the user just presses Enter. Empty when the user gives no username or password.
     */
    public static Optional<Credentials> prompt(Console console, String suggestedUser) {
        String hint = suggestedUser == null || suggestedUser.isBlank() ? "" : " [" + suggestedUser.strip() + "]";
        String user = console.readLine("CRCNS username%s: ", hint);
        if (user == null) {
            return Optional.empty();
        }
        user = user.strip();
        if (user.isEmpty() && !hint.isEmpty()) {
            user = suggestedUser.strip();
        }
        if (user.isEmpty()) {
            return Optional.empty();
        }
        char[] pass = console.readPassword("CRCNS password for %s: ", user);
        if (pass == null || pass.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user, pass));
    }

    /** Overwrites the password. The record is unusable for a login afterwards. */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[username=(hidden), password=(hidden)]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
