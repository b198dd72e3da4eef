package org.ac1explorer.ui.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The played signal: rate, length, level, fades and the conversion's band limit. */
class PlaybackSignalTest {
    private static double[] tone(double hz, double sf, double seconds, double amp) {
        double[] x = new double[(int) Math.round(sf * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amp * Math.sin(2 * Math.PI * hz * i / sf);
        }
        return x;
    }

    private static double peak(float[] y) {
        double p = 0;
        for (float v : y) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    private static double rms(float[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i] * y[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void aDeviceTakingAnyRatePlaysTheStimulusSamplesAtSfOverK() throws Exception {
        double sf = 44100;
        double[] x = tone(1000, sf, 1.0, 3000); // counts, far above 1
        FakeAudioSink any = new FakeAudioSink();
        PlaybackSignal one = PlaybackSignal.render(x, sf, 1, any, new WindowedSincResampler(), false);
        PlaybackSignal four = PlaybackSignal.render(x, sf, 4, any, new WindowedSincResampler(), false);
        assertEquals(sf, one.rateHz());
        assertEquals(sf / 4, four.rateHz(), "played at sf/4");
        assertEquals(x.length, four.samples().length, "the same samples");
        assertEquals(4 * one.playingS(), four.playingS(), 1e-9, "four times as long");
        assertEquals(1.0, four.durationS(), 1e-9, "the same stimulus time");
        assertFalse(four.converted());
        for (PlaybackSignal p : new PlaybackSignal[] {one, four}) {
            assertTrue(peak(p.samples()) <= PlaybackSignal.PEAK + 1e-6, "no clipping, normalised");
            assertTrue(peak(p.samples()) > 0.95 * PlaybackSignal.PEAK, "normalised up to the peak");
            assertEquals(0f, p.samples()[0], "fades in from silence");
            assertTrue(Math.abs(p.samples()[p.samples().length - 1]) < 1e-3, "fades out to silence");
        }
        assertEquals(0.25, four.timeOf(Math.round(sf / 4)), 1e-9, "one device second at 4x is a quarter stimulus second");
    }

    @Test
    void aFixedRateDeviceGetsAConvertedSignalKTimesLonger() throws Exception {
        double sf = 97656;
        double[] x = tone(8000, sf, 0.5, 1);
        FakeAudioSink fixed = new FakeAudioSink(r -> r == 48000, null);
        PlaybackSignal one = PlaybackSignal.render(x, sf, 1, fixed, new DspSincResampler(), false);
        PlaybackSignal four = PlaybackSignal.render(x, sf, 4, fixed, new DspSincResampler(), false);
        assertEquals(48000, one.rateHz());
        assertEquals(48000, four.rateHz());
        assertTrue(one.converted() && four.converted());
        assertEquals(4.0 * one.samples().length, four.samples().length, 4.0, "4x the samples at the same rate");
        assertEquals(0.5, four.durationS(), 1e-4);
        assertTrue(peak(four.samples()) <= PlaybackSignal.PEAK + 1e-6);
    }

    @Test
    void conversionRemovesUltrasoundInsteadOfAliasingIt() throws Exception {
        bandLimit(new WindowedSincResampler());
        bandLimit(new DspSincResampler());
    }

    private static void bandLimit(Resampler r) throws Exception {
        double sf = 97656;
        FakeAudioSink fixed = new FakeAudioSink(rate -> rate == 48000, null);
        // a 35 kHz call at real time would alias to 13 kHz on a 48 kHz device: it must be filtered out
        float[] x = new float[(int) sf];
        float[] audible = new float[(int) sf];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * 35000 * i / sf);
            audible[i] = (float) Math.sin(2 * Math.PI * 5000 * i / sf);
        }
        float[] y = r.resample(x, sf, 48000);
        float[] a = r.resample(audible, sf, 48000);
        int n = y.length;
        assertTrue(rms(a, n / 4, 3 * n / 4) > 0.65, "a 5 kHz tone passes");
        assertTrue(rms(y, n / 4, 3 * n / 4) < 0.01, "a 35 kHz tone is removed: " + rms(y, n / 4, 3 * n / 4));
        // slowed 4x the same call is at 8.75 kHz: played, not removed
        PlaybackSignal slow = PlaybackSignal.render(toDouble(x), sf, 4, fixed, r, true);
        int m = slow.samples().length;
        assertTrue(rms(slow.samples(), m / 4, 3 * m / 4) > 0.4, "heard at 4x");
    }

    @Test
    void aDeviceTakingNoUsableRateIsRefusedWithAReason() {
        FakeAudioSink none = new FakeAudioSink(r -> false, null);
        AudioUnavailableException e = assertThrows(AudioUnavailableException.class,
                () -> PlaybackSignal.render(new double[100], 44100, 1, none, new WindowedSincResampler(), false));
        assertTrue(e.getMessage().contains("44100"), e.getMessage());
    }

    @Test
    void silenceStaysSilentAndNonFiniteSamplesAreZeroed() throws Exception {
        double[] x = new double[1000];
        x[10] = Double.NaN;
        PlaybackSignal p = PlaybackSignal.render(x, 8000, 2, new FakeAudioSink(), new WindowedSincResampler(), false);
        assertEquals(0.0, peak(p.samples()));
        assertEquals(0.0, p.gain());
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
