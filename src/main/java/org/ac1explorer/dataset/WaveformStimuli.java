package org.ac1explorer.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusInfo;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dsp.SincResampler;
import org.ac1explorer.dsp.SpectrogramGeometry;

/**
 * The stimuli of a waveform-mode grid (deepSTRF {@code crcns_ac1.py}, {@code _waveform_for_stim}):
 * T exactly as in spectrogram mode, the waveform resampled to {@code audio_fs} and cut or
 * zero-padded to T·hop samples.
 */
final class WaveformStimuli {
    private WaveformStimuli() {
    }

    /**
     * One entry per registered stimulus, in order. {@code durationsMs[s]} bounds T as in spectrogram
     * mode and {@code shortest[s]} is the shortest binned response of stimulus s.
     */
    static StimulusEntry[] entries(Ac1Archive archive, List<StimulusInfo> infos, double[] durationsMs, int[] shortest,
                                   Params p, WaveformMode mode, ProgressMonitor monitor) {
        int hop = mode.validate(p.dtMs()).hop(p.dtMs());
        int n = infos.size();
        StimulusEntry[] out = new StimulusEntry[n];
        Map<Long, SincResampler> plans = new ConcurrentHashMap<>();
        AtomicLong done = new AtomicLong();
        monitor.progress(0, n, "Resampling stimuli to " + mode.audioFs() + " Hz");
        IntStream.range(0, n).parallel().forEach(s -> {
            monitor.checkCancelled();
            StimulusInfo info = infos.get(s);
            Waveform w;
            try {
                w = archive.waveformOnce(info);
            } catch (MatReadException e) {
                // it was read moments ago while the cells were processed: the file changed under us
                throw new IllegalStateException(archive.describeStimulus(info) + ": " + e.getMessage(), e);
            }
            // crcns_ac1.py: T_spec = ceil(len / hop_native), hop_native = max(int(round(dt * sf / 1000)), 1),
            // "identical formula" to the spectrogram's frame count, so T equals spectrogram mode's
            int tSpec = SpectrogramGeometry.of(w.sampleRateHz(), p.dtMs(), p.effectiveWindowMs()).frames(w.samples().length);
            int t = DatasetAssembler.canonicalT(durationsMs[s], p.dtMs(), tSpec, shortest[s]);
            long samples = (long) t * hop;
            if (samples > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException(archive.describeStimulus(info) + ": " + t + " bins x " + hop
                        + " samples is too long a waveform; lower --audio-fs");
            }
            // crcns_ac1.py: resample(wav, orig_freq=int(round(sf_stim)), new_freq=audio_fs) unless they are equal
            long from = SincResampler.integerRate(w.sampleRateHz(), "stimulus sample rate");
            float[] y = plans.computeIfAbsent(from, f -> SincResampler.of(f, mode.audioFs())).apply(w.samples());
            // crcns_ac1.py: wav[..., :T_audio] or F.pad(wav, (0, T_audio - n)) with zeros
            float[] grid = y.length == samples ? y : Arrays.copyOf(y, (int) samples);
            out[s] = StimulusEntry.ofWaveform(info, durationsMs[s], grid, t);
            monitor.progress(done.incrementAndGet(), n, "Resampling stimuli to " + mode.audioFs() + " Hz");
        });
        return out;
    }
}
