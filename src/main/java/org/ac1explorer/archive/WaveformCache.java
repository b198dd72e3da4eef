package org.ac1explorer.archive;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Least-recently-used cache of stimulus waveforms bounded by total samples; a waveform being
 * loaded by one thread is awaited by others (each file parsed once), and a failure is remembered
 * so a broken file is not parsed again.
 */
final class WaveformCache {
    interface Loader {
        Waveform load() throws MatReadException;
    }

    private final long maxSamples;
    private final LinkedHashMap<String, Waveform> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, MatReadException> failures = new ConcurrentHashMap<>();
    private final Map<String, FutureTask<Waveform>> loading = new ConcurrentHashMap<>();
    private long samples;

    WaveformCache(long maxSamples) {
        this.maxSamples = maxSamples;
    }

    synchronized void put(String key, Waveform w) {
        Waveform old = entries.put(key, w);
        samples += w.samples().length - (old == null ? 0 : old.samples().length);
        evict();
    }

    /** The waveform kept under {@code key}, or null (nothing is loaded). */
    synchronized Waveform cached(String key) {
        return entries.get(key);
    }

    private void evict() {
        Iterator<Map.Entry<String, Waveform>> it = entries.entrySet().iterator();
        while (samples > maxSamples && entries.size() > 1 && it.hasNext()) {
            samples -= it.next().getValue().samples().length;
            it.remove();
        }
    }

    Waveform get(String key, Loader loader, String location) throws MatReadException {
        return get(key, loader, location, true);
    }

    /** {@link #get}, keeping a newly loaded waveform only when {@code keep} (a caller that needs it once). */
    Waveform get(String key, Loader loader, String location, boolean keep) throws MatReadException {
        Waveform w = cached(key);
        if (w != null) {
            return w;
        }
        MatReadException failed = failures.get(key);
        if (failed != null) {
            throw failed;
        }
        FutureTask<Waveform> task = new FutureTask<>(loader::load);
        FutureTask<Waveform> running = loading.putIfAbsent(key, task);
        if (running == null) {
            running = task;
            task.run();
        }
        try {
            w = running.get();
            if (keep) {
                put(key, w);
            }
            return w;
        } catch (ExecutionException e) {
            MatReadException m = e.getCause() instanceof MatReadException mre ? mre
                    : new MatReadException(location + ": " + e.getCause(), e.getCause());
            failures.put(key, m);
            throw m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MatReadException("interrupted while reading " + location, e);
        } finally {
            loading.remove(key, running);
        }
    }
}
