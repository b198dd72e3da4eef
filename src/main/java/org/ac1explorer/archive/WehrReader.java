package org.ac1explorer.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reads the Wehr subset ({@code wehr/} of the main part): the stimulus index and, per session
 * folder, the natural-sound trials grouped by stimulus description (docs/processing.md §1). Anything the
 * reference would abort on is skipped and reported instead.
 */
final class WehrReader {
    static final Set<String> NATURAL_TYPES = Set.of("naturalsound", "nauralsound", "natural");
    static final List<String> STIMULUS_FOLDERS = List.of("fragments", "category1", "category2", "category3");
    static final String RESULTS = "wehr/Results";
    static final String STIMULI = "wehr/Stimuli";

    /** A stimulus file of the Wehr index. */
    record StimulusFile(String category, int idx, String path, String description) {
    }

    private WehrReader() {
    }

    /**
     * Description → stimulus file, over the four stimulus folders in order and files sorted by
     * text; on a duplicate description the first file wins. Every file's validated sound, not
     * converted to doubles, is handed to {@code sounds} (its length and rate need no second read).
     */
    static Map<String, StimulusFile> stimulusIndex(ArchiveTree main, ProblemLog problems,
                                                   java.util.function.BiConsumer<StimulusFile, StoredSound> sounds,
                                                   ProgressMonitor monitor) {
        Map<String, StimulusFile> index = new LinkedHashMap<>();
        if (!main.isDirectory(STIMULI)) {
            problems.error(main.describe(STIMULI), "Wehr stimulus folder not found: no Wehr stimulus can be resolved");
            return index;
        }
        for (String sub : STIMULUS_FOLDERS) {
            String folder = STIMULI + "/" + sub;
            for (String fname : main.list(folder)) {
                monitor.checkCancelled();
                if (!fname.endsWith(".mat")) {
                    continue;
                }
                Integer idx = TrialText.parsePythonInt(fname.substring(0, fname.length() - 4));
                String path = folder + "/" + fname;
                if (idx == null || !main.isFile(path)) {
                    continue;
                }
                try {
                    StimulusFile sf = readStimulus(main, sub, idx, path, sounds);
                    StimulusFile first = index.putIfAbsent(sf.description(), sf);
                    if (first != null) {
                        problems.warning(main.describe(path), "duplicate Wehr stimulus description \""
                                + sf.description() + "\": keeping " + first.path() + ", ignoring this file");
                    }
                } catch (MatReadException e) {
                    problems.error(main.describe(path), e.getMessage() + "; stimulus skipped");
                }
            }
        }
        return index;
    }

    private static StimulusFile readStimulus(ArchiveTree main, String sub, int idx, String path,
                                             java.util.function.BiConsumer<StimulusFile, StoredSound> sounds)
            throws MatReadException {
        Mat5File mat = MatLoader.load(main, path, Set.of("stimulus"));
        MatStruct stim = MatStruct.of(first(mat, "stimulus"))
                .orElseThrow(() -> new MatReadException("no 'stimulus' struct"));
        MatStruct param = stim.struct("param").orElseThrow(() -> new MatReadException("stimulus has no 'param' struct"));
        String description = param.text("description")
                .orElseThrow(() -> new MatReadException("stimulus.param.description is missing or empty"));
        StoredSound sound = soundOf(stim, param, "samples");
        StimulusFile file = new StimulusFile(sub, idx, path, description);
        sounds.accept(file, sound);
        MatLoader.release(mat);
        return file;
    }

    /** The waveform field {@code field} and {@code param.sf} of a stimulus struct, validated. */
    static Waveform waveformOf(MatStruct stim, MatStruct param, String field) throws MatReadException {
        return soundOf(stim, param, field).waveform();
    }

    /**
     * A stimulus' samples as stored (not yet converted to doubles) and its rate (Hz): what
     * {@link #waveformOf} validates, for a caller that needs only the length.
     */
    record StoredSound(Matrix samples, double sampleRateHz, Mat5File file) {
        int length() {
            return samples.getNumElements();
        }

        /** This sound, its samples held by {@code file} (which {@link #release} closes). */
        StoredSound heldBy(Mat5File holder) {
            return new StoredSound(samples, sampleRateHz, holder);
        }

        /** Gives the file's buffers back for the next files read: the samples must not be read afterwards. */
        void release() {
            if (file != null) {
                MatLoader.release(file);
            }
        }

        Waveform waveform() {
            return new Waveform(MatValues.doubles(samples).orElseThrow(), sampleRateHz);
        }

        /** The samples {@link #waveform} gives, written into {@code dst} from {@code at}. */
        void copyInto(double[] dst, int at) {
            MatValues.copyDoubles(samples, dst, at);
        }
    }

    /** {@link #waveformOf} without converting the samples; throws exactly when it throws. */
    static StoredSound soundOf(MatStruct stim, MatStruct param, String field) throws MatReadException {
        Matrix samples = stim.get(field).map(MatValues::unwrap).filter(Matrix.class::isInstance).map(Matrix.class::cast)
                .orElseThrow(() -> new MatReadException("stimulus." + field + " is missing or not numeric"));
        if (samples.getNumElements() == 0) {
            throw new MatReadException("stimulus." + field + " is empty");
        }
        OptionalDouble sf = param.number("sf");
        if (sf.isEmpty() || !(sf.getAsDouble() > 0) || Double.isInfinite(sf.getAsDouble())) {
            throw new MatReadException("stimulus.param.sf is missing or not a positive number");
        }
        return new StoredSound(samples, sf.getAsDouble(), null);
    }

    static Array first(Mat5File mat, String name) {
        for (var e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Session folders of {@code wehr/Results}, sorted by text; a folder's position is its {@code wehr_cell_idx}. */
    static List<String> sessions(ArchiveTree main) {
        List<String> out = new ArrayList<>();
        for (String d : main.list(RESULTS)) {
            String head = d.substring(0, Math.min(4, d.length()));
            if (main.isDirectory(RESULTS + "/" + d) && TrialText.isDigits(head)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The index entry of one session, or empty when it has no usable natural-sound trial. */
    static Optional<CellRecord> readCell(ArchiveTree main, String session, int cellIdx,
                                         Map<String, StimulusFile> index, ProblemLog problems) {
        String dir = RESULTS + "/" + session;
        String[] parts = session.split("-", -1);
        if (parts.length != 3) {
            problems.error(main.describe(dir), "Wehr session name must have three '-' separated parts "
                    + "(yyyymmdd-mw-NNN); cell skipped");
            return Optional.empty();
        }
        if (TrialText.parsePythonInt(parts[2]) == null) {
            problems.error(main.describe(dir), "penetration \"" + parts[2] + "\" is not a number; cell skipped");
            return Optional.empty();
        }
        Map<String, List<RepeatRef>> groups = new LinkedHashMap<>();
        for (String fname : main.list(dir)) {
            String path = dir + "/" + fname;
            if (!fname.endsWith(".mat") || !main.isFile(path)) {
                continue;
            }
            Mat5File mat;
            try {
                mat = MatLoader.load(main, path, Set.of("triggers"));
            } catch (MatReadException e) {
                problems.error(main.describe(path), e.getMessage() + "; trial skipped");
                continue;
            }
            Array triggers = first(mat, "triggers");
            List<MatStruct> trigs = MatStruct.elements(triggers);
            if (triggers != null && triggers.getNumElements() > 0 && (trigs.isEmpty() || trigs.get(0) == null)) {
                problems.error(main.describe(path), "triggers is a " + MatValues.typeName(triggers)
                        + ", not a struct array; trial skipped");
                continue;
            }
            if (trigs.isEmpty()) {
                continue;
            }
            MatStruct trig = trigs.get(0);
            Optional<NaturalTrigger> natural = NaturalTrigger.of(trig, NATURAL_TYPES, main.describe(path),
                    "triggers(1).", "trial", problems);
            if (natural.isEmpty()) {
                continue;
            }
            String description = natural.get().description();
            if (!index.containsKey(description)) {
                problems.warning(main.describe(path), "stimulus description \"" + description
                        + "\" is not in the stimulus index; trial skipped");
                continue;
            }
            OptionalDouble dur = natural.get().param().number("duration");
            OptionalDouble time = trig.number("time");
            if (dur.isEmpty() || !Double.isFinite(dur.getAsDouble())) {
                problems.error(main.describe(path), "triggers(1).param.duration is missing or not a finite number; trial skipped");
                continue;
            }
            if (time.isEmpty() || !Double.isFinite(time.getAsDouble())) {
                problems.error(main.describe(path), "triggers(1).time is missing or not a finite number; trial skipped");
                continue;
            }
            groups.computeIfAbsent(description, k -> new ArrayList<>())
                    .add(new RepeatRef(path, time.getAsDouble(), dur.getAsDouble()));
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<CellStimulus> stimuli = new ArrayList<>();
        for (var g : groups.entrySet()) {
            StimulusFile f = index.get(g.getKey());
            double dur0 = g.getValue().get(0).durationMs();
            StimulusInfo info = new StimulusInfo(StimulusKey.wehr(f.category(), f.idx()), "wehr", f.category(),
                    g.getKey(), dur0, f.idx(), null, List.of(), List.of());
            stimuli.add(new CellStimulus(info, g.getValue()));
        }
        return Optional.of(new CellRecord("wehr", "wehr", session, "mw", parts[2], parts[0], "A1",
                "whole-cell", cellIdx, stimuli));
    }
}
