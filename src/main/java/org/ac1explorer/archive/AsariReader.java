package org.ac1explorer.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;

/**
 * Reads one Asari results part ({@code asari-results-k/<session>/*.mat}): per session, the
 * natural-sound triggers resolved through {@code param.stimulus} to segment files and grouped by
 * that tuple of files (docs/processing.md §1). Anything the reference would abort on is skipped and reported.
 */
final class AsariReader {
    static final Set<String> NATURAL_TYPES = Set.of("naturalsound", "natural sound");
    static final String STIMULI = "asari/Stimuli";
    private static final Pattern SEQUENCE = Pattern.compile("Sequence\\s+\\d+\\s*:\\s*((?:\\d+\\s+)*\\d+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CLASS_PREFIX = Pattern.compile("class(\\d+)/", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    private AsariReader() {
    }

    /** Session folders of the part, sorted by text, whose names look like {@code yyyymmdd-hak-NNN}. */
    static List<String> sessions(ArchiveTree part) {
        List<String> out = new ArrayList<>();
        for (String d : part.list("")) {
            String[] p = d.split("-", -1);
            if (part.isDirectory(d) && p.length >= 3 && TrialText.isDigits(p[0])) {
                out.add(d);
            }
        }
        return out;
    }

    private record Occurrence(RepeatRef ref, List<Integer> segments, String description) {
    }

    /** The index entry of one session, or empty when it has no natural trigger or no recording site. */
    static Optional<CellRecord> readCell(ArchiveTree part, String partName, String session, ProblemLog problems) {
        String[] parts = session.split("-", -1);
        String site = null;
        String recType = null;
        Map<List<String>, List<Occurrence>> groups = new LinkedHashMap<>();
        for (String fname : part.list(session)) {
            String path = session + "/" + fname;
            if (!fname.endsWith(".mat") || !part.isFile(path)) {
                continue;
            }
            Mat5File mat;
            try {
                mat = MatLoader.load(part, path, Set.of("param", "triggers"));
            } catch (MatReadException e) {
                problems.error(part.describe(path), e.getMessage() + "; file skipped");
                continue;
            }
            Array paramArray = WehrReader.first(mat, "param");
            Optional<MatStruct> param = MatStruct.of(paramArray);
            if (param.isEmpty()) {
                if (paramArray != null) {
                    problems.error(part.describe(path), "param is a " + MatValues.typeName(paramArray)
                            + ", not a struct; file skipped");
                }
                continue;
            }
            Map<Integer, String> fileMap = fileMap(param.get(), part.describe(path), problems);
            if (fileMap.isEmpty()) {
                continue;
            }
            if (param.get().has("recording")) {
                Optional<MatStruct> rec = param.get().struct("recording");
                String siteText = "";
                String typeText = "";
                if (rec.isPresent() && rec.get().has("site")) {
                    Optional<String> t = rec.get().text("site");
                    if (t.isEmpty()) {
                        problems.error(part.describe(path), "param.recording.site is empty or not text; file skipped");
                        continue;
                    }
                    siteText = t.get();
                }
                if (rec.isPresent() && rec.get().has("type")) {
                    Optional<String> t = rec.get().text("type");
                    if (t.isEmpty()) {
                        problems.error(part.describe(path), "param.recording.type is empty or not text; file skipped");
                        continue;
                    }
                    typeText = t.get();
                }
                if (site == null) {
                    site = siteText.toLowerCase(Locale.ROOT).contains("cortex") ? "A1" : "MGB";
                }
                if (recType == null) {
                    recType = typeText;
                }
            }
            Array triggers = WehrReader.first(mat, "triggers");
            List<MatStruct> trigs = MatStruct.elements(triggers);
            if (triggers != null && triggers.getNumElements() > 0 && trigs.stream().allMatch(t -> t == null)) {
                problems.error(part.describe(path), "triggers is a " + MatValues.typeName(triggers)
                        + ", not a struct array; file skipped");
                continue;
            }
            for (int j = 0; j < trigs.size(); j++) {
                MatStruct trig = trigs.get(j);
                String where = part.describe(path) + " trigger " + (j + 1);
                Optional<NaturalTrigger> natural = NaturalTrigger.of(trig, NATURAL_TYPES, where, "", "trigger", problems);
                if (natural.isEmpty()) {
                    continue;
                }
                String description = natural.get().description();
                Matcher m = SEQUENCE.matcher(description);
                if (!m.find()) {
                    continue;
                }
                List<Integer> segs = new ArrayList<>();
                boolean missing = false;
                for (String s : SPACES.split(m.group(1).strip())) {
                    try {
                        int seg = Integer.parseInt(s);
                        segs.add(seg);
                        missing |= !fileMap.containsKey(seg);
                    } catch (NumberFormatException tooLarge) {
                        missing = true;
                    }
                }
                if (missing) {
                    problems.warning(where, "\"" + description + "\" refers to a segment index missing from "
                            + "param.stimulus; trigger skipped");
                    continue;
                }
                OptionalDouble dur = natural.get().param().number("duration");
                OptionalDouble time = trig.number("time");
                if (dur.isEmpty() || !Double.isFinite(dur.getAsDouble())
                        || time.isEmpty() || !Double.isFinite(time.getAsDouble())) {
                    problems.error(where, "time or param.duration is missing or not a finite number; trigger skipped");
                    continue;
                }
                List<String> files = segs.stream().map(fileMap::get).toList();
                groups.computeIfAbsent(files, k -> new ArrayList<>()).add(new Occurrence(
                        new RepeatRef(path, time.getAsDouble(), dur.getAsDouble()), segs,
                        TrialText.collapseSpaces(description)));
            }
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        if (site == null) {
            problems.error(part.describe(session), "no file gives param.recording (site unknown); cell skipped");
            return Optional.empty();
        }
        List<CellStimulus> stimuli = new ArrayList<>();
        for (var g : groups.entrySet()) {
            List<String> files = g.getKey();
            Occurrence first = g.getValue().get(0);
            Matcher cm = CLASS_PREFIX.matcher(files.get(0));
            Integer classN = cm.lookingAt() ? Integer.valueOf(cm.group(1)) : null;
            StimulusInfo info = new StimulusInfo(StimulusKey.asari(files), "asari",
                    classN != null ? "class" + classN : "mixed", first.description(), first.ref().durationMs(),
                    -1, classN, first.segments(), files);
            stimuli.add(new CellStimulus(info, g.getValue().stream().map(Occurrence::ref).toList()));
        }
        String recordingType = recType == null ? "" : recType.toLowerCase(Locale.ROOT).replace(" ", "-");
        return Optional.of(new CellRecord("asari", partName, session, parts[1], parts[2], parts[0], site,
                recordingType, -1, stimuli));
    }

    /** 1-based position in {@code param.stimulus} → its non-empty {@code file} text. */
    private static Map<Integer, String> fileMap(MatStruct param, String where, ProblemLog problems) {
        Map<Integer, String> out = new TreeMap<>();
        if (!param.has("stimulus")) {
            return out;
        }
        Array stimulus = param.get("stimulus").orElse(null);
        List<MatStruct> elems = MatStruct.elements(stimulus);
        if (stimulus != null && stimulus.getNumElements() > 0 && elems.stream().allMatch(e -> e == null)) {
            problems.error(where, "param.stimulus is a " + MatValues.typeName(stimulus) + ", not a struct array; file skipped");
            return out;
        }
        for (int k = 0; k < elems.size(); k++) {
            MatStruct s = elems.get(k);
            if (s != null && s.has("file")) {
                Optional<String> f = s.text("file");
                if (f.isPresent() && segmentPath(f.get()) == null) {
                    problems.error(where, "param.stimulus(" + (k + 1) + ").file \"" + f.get()
                            + "\" points outside asari/Stimuli; ignored");
                } else if (f.isPresent()) {
                    out.put(k + 1, f.get());
                }
            }
        }
        return out;
    }

    /** The path below {@code asari/Stimuli} of a segment file as written in {@code param.stimulus}; null if it escapes. */
    static String segmentPath(String file) {
        String rel = file.replace('\\', '/').replaceAll("^/+", "");
        String norm = ZipTree.normalise(rel);
        return norm == null || norm.isEmpty() ? null : STIMULI + "/" + norm;
    }
}
