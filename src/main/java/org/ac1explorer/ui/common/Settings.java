package org.ac1explorer.ui.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.ac1explorer.dataset.Params;

/**
 * What the explorer remembers between runs (last dataset, knobs, view options): backed by
 * {@link java.util.prefs.Preferences}, or by memory in tests. Never throws: a broken store just
 * forgets.
 */
public abstract class Settings {

    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    public abstract Optional<String> get(String key);

    public abstract void put(String key, String value);

    public abstract void remove(String key);

    /** Writes pending changes to the store (best effort). */
    public void flush() {
    }

    public static Settings preferences(Preferences node) {
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                try {
                    return Optional.ofNullable(node.get(key, null));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "setting " + key + " unreadable; using the default", e);
                    return Optional.empty();
                }
            }

            @Override
            public void put(String key, String value) {
                try {
                    node.put(key, value);
                } catch (RuntimeException e) {
                    // a setting that cannot be stored is forgotten, never fatal
                    LOG.log(System.Logger.Level.WARNING, "setting " + key + " not saved: " + e.getMessage());
                }
            }

            @Override
            public void remove(String key) {
                try {
                    node.remove(key);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "setting " + key + " not removed", e);
                }
            }

            @Override
            public void flush() {
                try {
                    node.flush();
                } catch (BackingStoreException | RuntimeException e) {
                    // best effort: this session's choices are then not remembered next time
                    LOG.log(System.Logger.Level.WARNING, "settings not saved: " + e.getMessage());
                }
            }
        };
    }

    /** The user's settings for AC1 Explorer. */
    public static Settings user() {
        return preferences(Preferences.userRoot().node("org/ac1explorer/explorer"));
    }

    public static Settings inMemory() {
        Map<String, String> m = new ConcurrentHashMap<>();
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(m.get(key));
            }

            @Override
            public void put(String key, String value) {
                m.put(key, value);
            }

            @Override
            public void remove(String key) {
                m.remove(key);
            }
        };
    }

    public double getDouble(String key, double fallback) {
        return get(key).map(s -> {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** The remembered knobs, or the defaults; an invalid remembered set falls back to the defaults. */
    public Params loadParams() {
        Params d = Params.defaults();
        try {
            String win = get("params.windowMs").orElse("");
            Params p = new Params(getDouble("params.dtMs", d.dtMs()), getDouble("params.fminHz", d.fminHz()),
                    getDouble("params.fmaxHz", d.fmaxHz()), (int) getDouble("params.binsPerOctave", d.binsPerOctave()),
                    win.isEmpty() ? null : Double.valueOf(win),
                    getDouble("params.detrendMedMs", d.detrendMedMs()), getDouble("params.detrendGaussMs", d.detrendGaussMs()),
                    getDouble("params.absMvMax", d.absMvMax()), getDouble("params.stepMv", d.stepMv()),
                    getDouble("params.maxStepFrac", d.maxStepFrac()), getDouble("params.minXcorr", d.minXcorr()),
                    getDouble("params.spikeClipMs", d.spikeClipMs()),
                    split(get("params.experimenters").orElse(null), d.experimenters()),
                    split(get("params.sites").orElse(null), d.sites()));
            return p.errors().isEmpty() ? p : d;
        } catch (RuntimeException e) {
            return d;
        }
    }

    private static List<String> split(String s, List<String> fallback) {
        return s == null || s.isBlank() ? fallback : List.of(s.split(","));
    }

    public void saveParams(Params p) {
        put("params.dtMs", Double.toString(p.dtMs()));
        put("params.fminHz", Double.toString(p.fminHz()));
        put("params.fmaxHz", Double.toString(p.fmaxHz()));
        put("params.binsPerOctave", Integer.toString(p.binsPerOctave()));
        put("params.windowMs", p.windowMs() == null ? "" : Double.toString(p.windowMs()));
        put("params.detrendMedMs", Double.toString(p.detrendMedMs()));
        put("params.detrendGaussMs", Double.toString(p.detrendGaussMs()));
        put("params.absMvMax", Double.toString(p.absMvMax()));
        put("params.stepMv", Double.toString(p.stepMv()));
        put("params.maxStepFrac", Double.toString(p.maxStepFrac()));
        put("params.minXcorr", Double.toString(p.minXcorr()));
        put("params.spikeClipMs", Double.toString(p.spikeClipMs()));
        put("params.experimenters", String.join(",", p.experimenters()));
        put("params.sites", String.join(",", p.sites()));
    }
}
