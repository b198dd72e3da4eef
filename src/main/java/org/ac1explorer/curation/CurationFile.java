package org.ac1explorer.curation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes curation files: JSON, {@code "format": "ac1-curation/1"}, with
 * {@code overrides} (cell, stimulus, 1-based repeat, verdict keep|reject, note) and
 * {@code excluded_cells} (cell, note). Unknown fields are ignored. A file with any malformed
 * entry is refused as a whole, naming the entry, so that saving never drops what could not be read.
 */
public final class CurationFile {
    /** The format tag of the files this version reads and writes. */
    public static final String FORMAT = "ac1-curation/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private CurationFile() {
    }

    /** Reads {@code file}; throws with the file's name and what is wrong. */
    public static Curation read(Path file) throws CurationFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CurationFormatException(file + ": cannot read the curation file (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /** Parses a curation file's text; {@code source} names it in messages. */
    public static Curation parse(String text, String source) throws CurationFormatException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new CurationFormatException(source + ": not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (!root.isJsonObject()) {
            throw new CurationFormatException(source + ": a curation file is a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        JsonObject o = root.getAsJsonObject();
        String format = string(o, "format");
        if (!FORMAT.equals(format)) {
            throw new CurationFormatException(source + ": \"format\" is " + (format == null ? "missing" : "\"" + format + "\"")
                    + ", expected \"" + FORMAT + "\"");
        }
        List<RepeatOverride> overrides = new ArrayList<>();
        JsonArray over = array(o, "overrides", source);
        for (int i = 0; i < over.size(); i++) {
            overrides.add(override(over.get(i), source + ": overrides[" + i + "]"));
        }
        List<CellExclusion> excluded = new ArrayList<>();
        JsonArray exc = array(o, "excluded_cells", source);
        for (int i = 0; i < exc.size(); i++) {
            String where = source + ": excluded_cells[" + i + "]";
            JsonObject e = object(exc.get(i), where);
            excluded.add(new CellExclusion(required(e, "cell", where), note(e, where)));
        }
        Curation c = Curation.EMPTY;
        for (RepeatOverride r : overrides) {
            c = c.with(r);
        }
        for (CellExclusion e : excluded) {
            c = c.with(e);
        }
        return c;
    }

    /** The file's JSON text for {@code c}. */
    public static String format(Curation c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        JsonArray over = new JsonArray();
        for (RepeatOverride r : c.overrides()) {
            JsonObject e = new JsonObject();
            e.addProperty("cell", r.key().cell());
            e.addProperty("stimulus", r.key().stimulus());
            e.addProperty("repeat", r.key().repeat());
            e.addProperty("verdict", r.verdict().label());
            e.addProperty("note", r.note());
            over.add(e);
        }
        o.add("overrides", over);
        JsonArray exc = new JsonArray();
        for (CellExclusion x : c.excludedCells()) {
            JsonObject e = new JsonObject();
            e.addProperty("cell", x.cell());
            e.addProperty("note", x.note());
            exc.add(e);
        }
        o.add("excluded_cells", exc);
        return GSON.toJson(o) + "\n";
    }

    /**
     * Writes {@code c} to {@code file} through a temporary file in the same folder and a rename,
     * so the file is either the previous one or the complete new one.
     */
    public static void write(Curation c, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the folder " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.writeString(tmp, format(c), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static RepeatOverride override(JsonElement el, String where) throws CurationFormatException {
        JsonObject e = object(el, where);
        String cell = required(e, "cell", where);
        String stimulus = required(e, "stimulus", where);
        JsonElement rep = e.get("repeat");
        if (rep == null || !rep.isJsonPrimitive() || !rep.getAsJsonPrimitive().isNumber()) {
            throw new CurationFormatException(where + ": \"repeat\" must be the repeat number (1, 2, …)");
        }
        double r = rep.getAsDouble();
        if (!(r >= 1) || r != Math.rint(r) || r > Integer.MAX_VALUE) {
            throw new CurationFormatException(where + ": \"repeat\" must be a whole number from 1, not " + rep);
        }
        String v = required(e, "verdict", where);
        HandVerdict verdict = HandVerdict.ofLabel(v);
        if (verdict == null) {
            throw new CurationFormatException(where + ": \"verdict\" must be \"keep\" or \"reject\", not \"" + v + "\"");
        }
        return new RepeatOverride(new RepeatKey(cell, stimulus, (int) r), verdict, note(e, where));
    }

    private static JsonArray array(JsonObject o, String name, String source) throws CurationFormatException {
        JsonElement a = o.get(name);
        if (a == null || a.isJsonNull()) {
            return new JsonArray();
        }
        if (!a.isJsonArray()) {
            throw new CurationFormatException(source + ": \"" + name + "\" must be a list");
        }
        return a.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String where) throws CurationFormatException {
        if (e == null || !e.isJsonObject()) {
            throw new CurationFormatException(where + ": must be an object with named fields");
        }
        return e.getAsJsonObject();
    }

    private static String required(JsonObject o, String name, String where) throws CurationFormatException {
        String s = string(o, name);
        if (s == null || s.isBlank()) {
            throw new CurationFormatException(where + ": \"" + name + "\" is missing or not text");
        }
        return s;
    }

    private static String note(JsonObject o, String where) throws CurationFormatException {
        JsonElement n = o.get("note");
        if (n == null || n.isJsonNull()) {
            return "";
        }
        if (!(n instanceof JsonPrimitive p) || !p.isString()) {
            throw new CurationFormatException(where + ": \"note\" must be text");
        }
        return p.getAsString();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e instanceof JsonPrimitive p && p.isString() ? p.getAsString() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
