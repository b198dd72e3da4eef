package org.ac1explorer.download;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The CRCNS download form as an {@code application/x-www-form-urlencoded} body:
 * {@code username=…&password=…&fn=ac-1/<archive>&submit=Login}.
 *
 * <p>Where this comes from: the login page of the portal, quoted in a public CRCNS download script,
 * is {@code <form action="/project/crcns/download/index.php" method="post">} with a hidden
 * {@code fn}, text {@code username}, password {@code password} and {@code <input type="submit"
 * name="submit" value="Login">}; gallantlab/voxelwise_tutorials ({@code voxelwise_tutorials/io.py},
 * {@code download_crcns}) and urancon/deepSTRF ({@code deepSTRF/utils/data_download.py},
 * {@code crcns_download}) POST exactly these four fields. The {@code fn} of the AC1 archives,
 * {@code ac-1/crcns-ac1.zip} etc., is deepSTRF's {@code _AC1_DOWNLOAD_SPECS}
 * ({@code deepSTRF/datasets/audio/crcns_ac1.py}).
 *
 * <p>The body is built from the {@code char[]} password straight into bytes (no {@code String}),
 * and {@link #clear()} overwrites it once the request is done.
 */
final class LoginForm {
    private final byte[] body;

    private LoginForm(byte[] body) {
        this.body = body;
    }

    static LoginForm of(Credentials credentials, String fn) {
        byte[] user = utf8(credentials.username().toCharArray(), true);
        byte[] pass = utf8(credentials.password(), false);
        byte[] file = fn.getBytes(StandardCharsets.UTF_8);
        byte[][] parts = {ascii("username="), user, ascii("&password="), pass, ascii("&fn="), file, ascii("&submit=Login")};
        boolean[] encode = {false, true, false, true, false, true, false};
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            n += encode[i] ? encodedLength(parts[i]) : parts[i].length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            at = encode[i] ? encode(parts[i], out, at) : copy(parts[i], out, at);
        }
        Arrays.fill(pass, (byte) 0);
        Arrays.fill(user, (byte) 0);
        return new LoginForm(out);
    }

    /** The bytes to send; the same array each time (cleared by {@link #clear()}). */
    byte[] bytes() {
        return body;
    }

    void clear() {
        Arrays.fill(body, (byte) 0);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(char[] chars, boolean clearInput) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buf;
        try {
            buf = enc.encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot encode the login form", e);
        } finally {
            if (clearInput) {
                Arrays.fill(chars, '\0');
            }
        }
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return out;
    }

    private static boolean unreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '*';
    }

    private static int encodedLength(byte[] in) {
        int n = 0;
        for (byte b : in) {
            n += unreserved(b & 0xff) || b == ' ' ? 1 : 3;
        }
        return n;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private static int encode(byte[] in, byte[] out, int at) {
        for (byte b : in) {
            int v = b & 0xff;
            if (unreserved(v)) {
                out[at++] = b;
            } else if (v == ' ') {
                out[at++] = '+';
            } else {
                out[at++] = '%';
                out[at++] = HEX[v >> 4];
                out[at++] = HEX[v & 15];
            }
        }
        return at;
    }

    private static int copy(byte[] in, byte[] out, int at) {
        System.arraycopy(in, 0, out, at, in.length);
        return at + in.length;
    }
}
