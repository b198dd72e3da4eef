package org.ac1explorer.download;

import java.net.URI;
import java.util.Locale;

/** Credentials travel over HTTPS only; plain HTTP is accepted for a loopback test server alone. */
final class TransportPolicy {
    private TransportPolicy() {
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** {@code url} with anything between "://" and the last '@' replaced: a user name or password is never printed. */
    public static String redacted(String url) {
        int scheme = url.indexOf("://");
        int start = scheme >= 0 ? scheme + 3 : 0;
        int at = url.lastIndexOf('@');
        return at >= start ? url.substring(0, start) + "***" + url.substring(at) : url;
    }

    /** Throws IllegalArgumentException naming the problem, with the URL's user-info (if any) never shown. */
    static void check(URI uri, String what) {
        String shown = redacted(uri.toString());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(what + " " + shown + " has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not contain a user name or password");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return;
        }
        if (scheme.equals("http")) {
            throw new IllegalArgumentException(what + " " + shown + " is plain http: the CRCNS password is only sent over "
                    + "https (http is accepted for a local test server on 127.0.0.1/localhost only)");
        }
        throw new IllegalArgumentException(what + " " + shown + " must be an https:// URL");
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
