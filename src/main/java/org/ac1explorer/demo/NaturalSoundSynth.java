package org.ac1explorer.demo;

import java.util.SplittableRandom;

/**
 * Natural-sound-like waveforms for the demo dataset: vocalisation-like harmonic FM sweeps, ultrasonic whistles,
 * band-limited rustle and noise bursts with envelopes, clicks and drips, bird-like chirp trains, insect trills and
 * wind. A waveform is a pure function of (recipe, sample rate, duration, seed); it is faded in and out, scaled to a
 * peak below full scale and quantised to 16-bit steps (as if read from a sound file).
 */
final class NaturalSoundSynth {

    /** A kind of natural sound; {@code label} is what a description calls it. */
    enum Recipe {
        DRIPPING_TAP("dripping tap"),
        RAIN("rain on leaves"),
        CRICKETS("crickets"),
        RAT_CALLS("rat calls"),
        SONGBIRD("songbird phrase"),
        RUSTLING("rustling grass"),
        FOOTSTEPS("footsteps on gravel"),
        FROGS("frog chorus"),
        WIND("wind in trees"),
        STREAM("running stream"),
        FIRE("crackling fire"),
        BEES("bees buzzing"),
        OWL("owl hoots"),
        CAT("cat meows"),
        DOG("dog barks"),
        KATYDID("katydid trills"),
        FOREST_DAWN("forest at dawn"),
        NIGHT_MEADOW("meadow at night"),
        FARMYARD("farmyard"),
        RIVERBANK("riverbank");

        final String label;

        Recipe(String label) {
            this.label = label;
        }
    }

    private static final double TWO_PI = 2 * Math.PI;

    private final double sf;
    private final double[] buf;
    private final SplittableRandom rng;
    /** Highest frequency an element may put energy at (kept below Nyquist). */
    private final double fTop;

    private NaturalSoundSynth(double sf, int n, SplittableRandom rng) {
        this.sf = sf;
        this.buf = new double[n];
        this.rng = rng;
        this.fTop = 0.45 * sf;
    }

    /** The waveform of {@code recipe}, {@code durationS} long at {@code sf}: faded, peak-normalised, 16-bit steps. */
    static double[] render(Recipe recipe, double sf, double durationS, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = Math.max(16, (int) Math.round(durationS * sf));
        double[] w = raw(recipe, sf, n, rng);
        fade(w, (int) Math.round(0.008 * sf));
        double peak = 0;
        for (double x : w) {
            peak = Math.max(peak, Math.abs(x));
        }
        double target = 0.45 + 0.4 * rng.nextDouble();
        double g = peak > 0 ? target / peak : 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(-32768, Math.min(32767, Math.rint(w[i] * g * 32768))) / 32768.0;
        }
        return w;
    }

    /** Unnormalised waveform (peak 1 unless silent). */
    private static double[] raw(Recipe recipe, double sf, int n, SplittableRandom rng) {
        switch (recipe) {
            case FOREST_DAWN:
                return mix(sf, n, rng, new Recipe[] {Recipe.SONGBIRD, Recipe.WIND, Recipe.RUSTLING}, new double[] {1, 0.3, 0.25});
            case NIGHT_MEADOW:
                return mix(sf, n, rng, new Recipe[] {Recipe.CRICKETS, Recipe.FROGS, Recipe.KATYDID}, new double[] {0.8, 1, 0.4});
            case FARMYARD:
                return mix(sf, n, rng, new Recipe[] {Recipe.DOG, Recipe.CAT, Recipe.FOOTSTEPS}, new double[] {0.8, 1, 0.5});
            case RIVERBANK:
                return mix(sf, n, rng, new Recipe[] {Recipe.STREAM, Recipe.FROGS, Recipe.SONGBIRD}, new double[] {0.6, 0.8, 0.7});
            default:
                NaturalSoundSynth s = new NaturalSoundSynth(sf, n, rng);
                s.compose(recipe);
                normalise(s.buf);
                return s.buf;
        }
    }

    private static double[] mix(double sf, int n, SplittableRandom rng, Recipe[] parts, double[] gains) {
        double[] out = new double[n];
        for (int p = 0; p < parts.length; p++) {
            double[] w = raw(parts[p], sf, n, rng.split());
            for (int i = 0; i < n; i++) {
                out[i] += gains[p] * w[i];
            }
        }
        normalise(out);
        return out;
    }

    private static void normalise(double[] w) {
        double peak = 0;
        for (double x : w) {
            peak = Math.max(peak, Math.abs(x));
        }
        if (peak > 0) {
            for (int i = 0; i < w.length; i++) {
                w[i] /= peak;
            }
        }
    }

    private static void fade(double[] w, int m) {
        m = Math.min(m, w.length / 2);
        for (int i = 0; i < m; i++) {
            double g = StrictMath.sin(0.5 * Math.PI * i / m);
            g *= g;
            w[i] *= g;
            w[w.length - 1 - i] *= g;
        }
    }

    private double dur() {
        return buf.length / sf;
    }

    private double uni(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    private double logUni(double lo, double hi) {
        return lo * StrictMath.pow(hi / lo, rng.nextDouble());
    }

    /** Exponential waiting time with the given rate (1/s). */
    private double gap(double rate) {
        return -StrictMath.log(1 - rng.nextDouble()) / rate;
    }

    /** Lays the single (non-mixed) {@code recipe} into the buffer; each recipe draws from the shared generator in turn. */
    private void compose(Recipe recipe) {
        double d = dur();
        switch (recipe) {
            case DRIPPING_TAP -> drippingTap(d);
            case RAIN -> rain(d);
            case CRICKETS -> crickets(d);
            case RAT_CALLS -> ratCalls(d);
            case SONGBIRD -> songbird(d);
            case RUSTLING -> rustling(d);
            case FOOTSTEPS -> footsteps(d);
            case FROGS -> frogs(d);
            case WIND -> wind(d);
            case STREAM -> stream(d);
            case FIRE -> fire(d);
            case BEES -> bees(d);
            case OWL -> owl(d);
            case CAT -> cat(d);
            case DOG -> dog(d);
            case KATYDID -> katydid(d);
            default -> throw new IllegalArgumentException("not a single recipe: " + recipe);
        }
    }

    /** Dripping tap, {@code d} seconds. */
    private void drippingTap(double d) {
        bandNoise(0, d, 700, 0.7, 0.006, 0.05, 0.05);
        double period = uni(0.22, 0.45);
        double f0 = uni(1300, 2600);
        for (double t = uni(0.02, 0.2); t < d - 0.06; t += period * uni(0.85, 1.15)) {
            drip(t, f0 * uni(0.9, 1.12), uni(0.02, 0.05), uni(0.5, 1));
            if (rng.nextDouble() < 0.2) {
                drip(t + uni(0.03, 0.08), f0 * uni(1.1, 1.4), 0.015, uni(0.2, 0.4));
            }
        }
    }

    /** Rain on leaves, {@code d} seconds. */
    private void rain(double d) {
        bandNoise(0, d, Math.min(5000, fTop / 2), 0.5, 0.05, 0.1, 0.1);
        for (double t = gap(60); t < d - 0.03; t += gap(60)) {
            drip(t, uni(2000, Math.min(9000, fTop * 0.8)), uni(0.004, 0.015), logUni(0.05, 0.4));
        }
        for (double t = gap(30); t < d - 0.01; t += gap(30)) {
            click(t, logUni(0.05, 0.25), uni(0.0002, 0.001), true);
        }
    }

    /** Crickets, {@code d} seconds. */
    private void crickets(double d) {
        int crickets = 1 + rng.nextInt(2);
        for (int c = 0; c < crickets; c++) {
            double carrier = Math.min(fTop * 0.8, uni(4200, 5600));
            double chirpPeriod = uni(0.35, 0.6);
            double amp = c == 0 ? 1 : uni(0.3, 0.5);
            int pulses = 3 + rng.nextInt(3);
            for (double t = uni(0, 0.3); t < d - 0.2; t += chirpPeriod * uni(0.95, 1.05)) {
                trill(t, pulses / 30.0, carrier, 30, 0.6, amp);
                trill(t, pulses / 30.0, 2 * carrier, 30, 0.6, 0.12 * amp);
            }
        }
    }

    /** Rat calls, {@code d} seconds. */
    private void ratCalls(double d) {
        boolean ultrasonic = fTop > 40000;
        for (double t = uni(0.02, 0.2); t < d - 0.1; t += uni(0.12, 0.5)) {
            double u = rng.nextDouble();
            if (ultrasonic && u < 0.55) {
                // 50-kHz calls: short FM sweeps, arches and frequency-stepped trills
                double len = uni(0.02, 0.08);
                whistle(t, len, uni(36000, 44000), uni(34000, 46000), rng.nextInt(3), uni(0.4, 1), 1);
            } else if (ultrasonic && u < 0.75) {
                // 22-kHz call: long and nearly flat
                double len = Math.min(uni(0.25, 0.7), d - t - 0.02);
                whistle(t, len, uni(21500, 25000), uni(20500, 23500), 0, uni(0.5, 0.9), 2);
                t += len;
            } else if (!ultrasonic && u < 0.5) {
                whistle(t, uni(0.03, 0.1), uni(12000, 17000), uni(10000, 18000), rng.nextInt(3), uni(0.3, 0.8), 1);
            } else {
                // audible squeak: harmonic stack with a rising-falling contour
                double len = uni(0.06, 0.2);
                harmonicCall(t, len, uni(2000, 3200), uni(2500, 4000), uni(0.5, 2), 30, 0.02, 12, 0.9,
                        uni(0.4, 0.9), 0.008, 0.02, 0);
            }
        }
    }

    /** Songbird phrase, {@code d} seconds. */
    private void songbird(double d) {
        bandNoise(0, d, 600, 0.5, 0.01, 0.2, 0.2);
        double t = uni(0.02, 0.2);
        while (t < d - 0.15) {
            double phraseEnd = Math.min(d - 0.05, t + uni(0.8, 1.8));
            while (t < phraseEnd) {
                int kind = rng.nextInt(5);
                double amp = uni(0.5, 1);
                double fs = Math.min(fTop, 9000);
                switch (kind) {
                    case 0:
                        whistle(t, uni(0.03, 0.07), uni(5000, fs), uni(2200, 3500), 0, amp, 2);
                        t += 0.08;
                        break;
                    case 1:
                        whistle(t, uni(0.04, 0.1), uni(2500, 3500), uni(4500, fs), 0, amp, 2);
                        t += 0.11;
                        break;
                    case 2: {
                        int count = 6 + rng.nextInt(8);
                        double interval = 1 / uni(14, 24);
                        chirpTrain(t, count, interval, uni(5000, fs), uni(2000, 3500), interval * 0.6, amp);
                        t += count * interval;
                        break;
                    }
                    case 3: {
                        double len = uni(0.1, 0.22);
                        harmonicCall(t, len, uni(1800, 2800), uni(1800, 3000), 1, uni(20, 40), 0.03, 4, 1.5,
                                amp, 0.01, 0.02, 0);
                        t += len + 0.02;
                        break;
                    }
                    default: {
                        double len = uni(0.08, 0.2);
                        pulsedNoise(t, len, uni(5000, Math.min(fTop * 0.9, 8000)), 5, amp * 0.6, uni(80, 140));
                        t += len + 0.02;
                        break;
                    }
                }
                t += uni(0.01, 0.06);
            }
            t += uni(0.25, 0.7);
        }
    }

    /** Rustling grass, {@code d} seconds. */
    private void rustling(double d) {
        double gustRate = uni(0.2, 0.6);
        double phase = uni(0, TWO_PI);
        for (double t = gap(25); t < d - 0.07; t += gap(25)) {
            double g = StrictMath.sin(TWO_PI * gustRate * t + phase);
            if (rng.nextDouble() > 0.25 + 0.75 * g * g) {
                continue;
            }
            bandNoise(t, uni(0.005, 0.06), logUni(1500, Math.min(18000, fTop * 0.8)), uni(0.6, 1.5),
                    logUni(0.1, 1), 0.001, 0.02);
        }
        for (double t = gap(10); t < d - 0.01; t += gap(10)) {
            click(t, logUni(0.05, 0.3), uni(0.0003, 0.001), true);
        }
    }

    /** Footsteps on gravel, {@code d} seconds. */
    private void footsteps(double d) {
        double period = uni(0.48, 0.62);
        for (double t = uni(0.02, 0.25); t < d - 0.15; t += period * uni(0.93, 1.07)) {
            bandNoise(t, 0.05, uni(110, 180), 1.0, uni(0.6, 1), 0.003, 0.04);
            int crunch = 25 + rng.nextInt(26);
            for (int c = 0; c < crunch; c++) {
                click(t + uni(0, 0.1), logUni(0.08, 0.5), uni(0.0002, 0.0008), true);
            }
            bandNoise(t + 0.01, 0.08, uni(3000, Math.min(6000, fTop * 0.5)), 0.7, 0.3, 0.005, 0.05);
        }
    }

    /** Frog chorus, {@code d} seconds. */
    private void frogs(double d) {
        int frogs = 2 + rng.nextInt(2);
        for (int f = 0; f < frogs; f++) {
            double f0 = uni(160, 450);
            double pulse = uni(35, 75);
            double period = uni(0.6, 1.2);
            double amp = f == 0 ? 1 : uni(0.4, 0.8);
            for (double t = uni(0, 0.6); t < d - 0.2; t += period * uni(0.9, 1.1)) {
                double len = Math.min(uni(0.15, 0.45), d - t - 0.02);
                harmonicCall(t, len, f0 * 1.05, f0 * 0.95, 1, 0, 0, 15, 1.0, amp, 0.015, 0.04, pulse);
            }
        }
    }

    /** Wind in trees, {@code d} seconds. */
    private void wind(double d) {
        lowNoise(0, d, uni(250, 500), 0.5, uni(0.15, 0.5));
        for (double t = uni(0, 0.5); t < d - 0.3; t += uni(0.6, 1.8)) {
            double len = Math.min(uni(0.4, 1.4), d - t);
            bandNoise(t, len, uni(800, 2500), 0.5, uni(0.15, 0.35), len * 0.4, len * 0.5);
        }
        for (double t = gap(4); t < d - 0.07; t += gap(4)) {
            bandNoise(t, uni(0.01, 0.05), logUni(2000, Math.min(12000, fTop * 0.8)), 1, uni(0.05, 0.2), 0.002, 0.02);
        }
    }

    /** Running stream, {@code d} seconds. */
    private void stream(double d) {
        bandNoise(0, d, 1200, 0.4, 0.08, 0.1, 0.1);
        bandNoise(0, d, Math.min(6000, fTop * 0.5), 0.7, 0.02, 0.1, 0.1);
        for (double t = gap(80); t < d - 0.03; t += gap(80)) {
            drip(t, uni(400, 2500), uni(0.003, 0.01), logUni(0.05, 0.3));
        }
    }

    /** Crackling fire, {@code d} seconds. */
    private void fire(double d) {
        lowNoise(0, d, 200, 0.08, 0.3);
        bandNoise(0, d, 3000, 0.5, 0.015, 0.1, 0.1);
        for (double t = gap(8); t < d - 0.03; t += gap(8)) {
            int cluster = 1 + rng.nextInt(7);
            double a = logUni(0.2, 1);
            for (int c = 0; c < cluster; c++) {
                click(t + uni(0, 0.02), a * uni(0.3, 1), uni(0.0002, 0.0015), true);
            }
        }
    }

    /** Bees buzzing, {@code d} seconds. */
    private void bees(double d) {
        int bees = 2 + rng.nextInt(3);
        for (int b = 0; b < bees; b++) {
            double centre = uni(0, d);
            double width = uni(0.4, 1.5);
            double f0 = uni(185, 250);
            buzz(f0, uni(0.5, 2), 0.06, centre, width, uni(0.5, 1));
        }
    }

    /** Owl hoots, {@code d} seconds. */
    private void owl(double d) {
        double t = uni(0.02, 0.2);
        while (t < d - 0.3) {
            int hoots = 1 + rng.nextInt(3);
            double f0 = uni(340, 420);
            for (int h = 0; h < hoots && t < d - 0.3; h++) {
                double len = h == hoots - 1 ? uni(0.35, 0.6) : uni(0.15, 0.25);
                len = Math.min(len, d - t - 0.02);
                harmonicCall(t, len, f0, f0 * 0.94, 1, 0, 0, 4, 2.5, 1, 0.04, 0.08, 0);
                t += len + uni(0.12, 0.25);
            }
            t += uni(0.8, 2.0);
        }
    }

    /** Cat meows, {@code d} seconds. */
    private void cat(double d) {
        double t = uni(0.02, 0.2);
        while (t < d - 0.3) {
            double len = Math.min(uni(0.4, 0.9), d - t - 0.02);
            double f0 = uni(450, 650);
            harmonicCall(t, len, f0, f0 * uni(0.7, 0.9), 0, 6, 0.015, 20, 1.2, uni(0.6, 1), 0.05, 0.12, 0);
            // the "ow": an arch on top of the sweep
            harmonicCall(t + len * 0.2, len * 0.5, f0 * 1.3, f0 * 1.5, 1, 6, 0.01, 20, 1.2, 0.5, 0.05, 0.1, 0);
            bandNoise(t, 0.04, 2500, 0.6, 0.15, 0.005, 0.03);
            t += len + uni(0.3, 0.8);
        }
    }

    /** Dog barks, {@code d} seconds. */
    private void dog(double d) {
        double t = uni(0.02, 0.2);
        while (t < d - 0.25) {
            int barks = 1 + rng.nextInt(3);
            for (int b = 0; b < barks && t < d - 0.25; b++) {
                double len = uni(0.1, 0.2);
                double f0 = uni(380, 600);
                harmonicCall(t, len, f0 * 1.2, f0 * 0.8, 0.7, 0, 0, 25, 0.9, 1, 0.005, 0.06, 0);
                bandNoise(t, len * 0.8, 1500, 0.6, 0.35, 0.003, 0.05);
                t += len + uni(0.1, 0.2);
            }
            t += uni(0.4, 1.0);
        }
    }

    /** Katydid trills, {@code d} seconds. */
    private void katydid(double d) {
        double carrier = fTop > 40000 ? uni(26000, 38000) : uni(11000, 15000);
        double period = uni(0.25, 0.5);
        for (double t = uni(0, 0.2); t < d - 0.15; t += period * uni(0.9, 1.1)) {
            int pulses = 2 + rng.nextInt(4);
            for (int p = 0; p < pulses; p++) {
                pulsedNoise(t + p * 0.025, 0.012, carrier, 4, 0.8, 0);
            }
        }
    }
    // ------------------------------------------------------------------ elements

    /** sin² attack/release envelope; {@code k} of {@code n} samples. */
    private static double envelope(int k, int n, int attack, int release) {
        double g = 1;
        if (k < attack) {
            double s = StrictMath.sin(0.5 * Math.PI * k / attack);
            g = s * s;
        }
        int fromEnd = n - 1 - k;
        if (fromEnd < release) {
            double s = StrictMath.sin(0.5 * Math.PI * fromEnd / release);
            g *= s * s;
        }
        return g;
    }

    private int start(double t) {
        return (int) Math.round(t * sf);
    }

    /**
     * Harmonic stack whose fundamental sweeps from f0a to f0b (log-frequency path, shape u^bend), with vibrato, a
     * spectral tilt of h^-tilt and optional pulsing (pulseHz &gt; 0, frog-like croaks).
     */
    private void harmonicCall(double t0, double len, double f0a, double f0b, double bend, double vibHz, double vibDepth,
                              int maxHarm, double tilt, double amp, double attackS, double releaseS, double pulseHz) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(len * sf), buf.length - i0);
        if (n <= 8) {
            return;
        }
        double[] hAmp = new double[maxHarm];
        for (int h = 0; h < maxHarm; h++) {
            hAmp[h] = StrictMath.pow(h + 1, -tilt) * uni(0.6, 1.4);
        }
        int attack = Math.max(1, (int) (attackS * sf));
        int release = Math.max(1, (int) (releaseS * sf));
        double vibPhase = uni(0, TWO_PI);
        double ratio = f0b / f0a;
        double phase = 0;
        for (int k = 0; k < n; k++) {
            double u = (double) k / n;
            double shape = bend == 0 ? u : (bend == 1 ? StrictMath.sin(Math.PI * u) : StrictMath.pow(u, bend));
            double f0 = f0a * StrictMath.pow(ratio, shape) * (1 + vibDepth * StrictMath.sin(TWO_PI * vibHz * k / sf + vibPhase));
            phase += TWO_PI * f0 / sf;
            if (phase > 1e6) {
                phase -= TWO_PI * Math.floor(phase / TWO_PI);
            }
            double s1 = StrictMath.sin(phase);
            double c2 = 2 * StrictMath.cos(phase);
            double prev = 0;
            double cur = s1;
            double sum = 0;
            int hMax = Math.min(maxHarm, (int) (fTop / f0));
            for (int h = 0; h < hMax; h++) {
                sum += hAmp[h] * cur;
                double next = c2 * cur - prev;
                prev = cur;
                cur = next;
            }
            double env = envelope(k, n, attack, release);
            if (pulseHz > 0) {
                double p = 0.5 + 0.5 * StrictMath.sin(TWO_PI * pulseHz * k / sf);
                env *= p * p;
            }
            buf[i0 + k] += amp * env * sum;
        }
    }

    /**
     * FM whistle from fa to fb; kind 0 = log sweep, 1 = arch (fa → peak fb → fa), 2 = frequency-stepped trill.
     * {@code harmonics} adds weaker overtones (1 = pure).
     */
    private void whistle(double t0, double len, double fa, double fb, int kind, double amp, int harmonics) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(len * sf), buf.length - i0);
        if (n <= 8) {
            return;
        }
        int ramp = Math.max(2, (int) (0.004 * sf));
        double stepHz = uni(40, 90);
        double phase = 0;
        for (int k = 0; k < n; k++) {
            double u = (double) k / n;
            double f;
            if (kind == 1) {
                f = fa + (fb - fa) * StrictMath.sin(Math.PI * u);
            } else if (kind == 2) {
                f = ((int) (u * len * stepHz) % 2 == 0) ? fa : fb;
            } else {
                f = fa * StrictMath.pow(fb / fa, u);
            }
            f = Math.min(f, fTop);
            phase += TWO_PI * f / sf;
            double s = StrictMath.sin(phase);
            for (int h = 2; h <= harmonics; h++) {
                if (h * f < fTop) {
                    s += 0.25 / (h - 1) * StrictMath.sin(h * phase);
                }
            }
            buf[i0 + k] += amp * envelope(k, n, Math.min(ramp, n / 2), Math.min(ramp, n / 2)) * s;
        }
    }

    /** Repeated downward (or upward) FM sweeps: a bird-like chirp train. */
    private void chirpTrain(double t0, int count, double interval, double fFrom, double fTo, double sweepLen, double amp) {
        for (int c = 0; c < count; c++) {
            whistle(t0 + c * interval, sweepLen, fFrom * uni(0.95, 1.05), fTo * uni(0.95, 1.05), 0,
                    amp * uni(0.7, 1), 2);
        }
    }

    /** Pure carrier gated by a train of sin²-shaped pulses (insect trill). */
    private void trill(double t0, double len, double carrier, double pulseHz, double duty, double amp) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(len * sf), buf.length - i0);
        if (n <= 8) {
            return;
        }
        double phase0 = uni(0, TWO_PI);
        double periodS = 1 / pulseHz;
        for (int k = 0; k < n; k++) {
            double t = k / sf;
            double inPulse = (t % periodS) / (periodS * duty);
            if (inPulse >= 1) {
                continue;
            }
            double g = StrictMath.sin(Math.PI * inPulse);
            buf[i0 + k] += amp * g * g * StrictMath.sin(TWO_PI * carrier * t + phase0);
        }
    }

    /** Band-pass noise (two cascaded RBJ band-pass biquads) with sin² attack/release. */
    private void bandNoise(double t0, double len, double fc, double q, double amp, double attackS, double releaseS) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(len * sf), buf.length - i0);
        if (n <= 8) {
            return;
        }
        fc = Math.min(fc, fTop * 0.9);
        double w0 = TWO_PI * fc / sf;
        double alpha = StrictMath.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double b0 = alpha / a0;
        double a1 = -2 * StrictMath.cos(w0) / a0;
        double a2 = (1 - alpha) / a0;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0, z1 = 0, z2 = 0, v1 = 0, v2 = 0;
        int attack = Math.max(1, Math.min(n / 2, (int) (attackS * sf)));
        int release = Math.max(1, Math.min(n / 2, (int) (releaseS * sf)));
        // unit-variance white noise through the filter pair: gain ~ sqrt(bandwidth); rescale roughly to amp
        double norm = 1.6 * Math.sqrt(q);
        for (int k = 0; k < n; k++) {
            double x = rng.nextGaussian();
            double y = b0 * x - b0 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            double z = b0 * y - b0 * v2 - a1 * z1 - a2 * z2;
            v2 = v1;
            v1 = y;
            z2 = z1;
            z1 = z;
            buf[i0 + k] += amp * norm * envelope(k, n, attack, release) * z;
        }
    }

    /** Band-pass noise pulsed at pulseHz (0 = steady): buzzes and katydid-like pulses. */
    private void pulsedNoise(double t0, double len, double fc, double q, double amp, double pulseHz) {
        int i0 = start(t0);
        if (i0 >= buf.length - 8) {
            return;
        }
        double[] tmp = new double[Math.min((int) Math.round(len * sf), buf.length - i0)];
        if (tmp.length <= 8) {
            return;
        }
        NaturalSoundSynth inner = new NaturalSoundSynth(sf, tmp.length, rng);
        inner.bandNoise(0, len, fc, q, amp, 0.002, 0.004);
        for (int k = 0; k < tmp.length; k++) {
            double g = 1;
            if (pulseHz > 0) {
                double p = 0.5 + 0.5 * StrictMath.sin(TWO_PI * pulseHz * k / sf);
                g = p * p;
            }
            buf[i0 + k] += g * inner.buf[k];
        }
    }

    /** Low-passed noise (two one-pole sections) with a slow amplitude modulation: wind, rumble. */
    private void lowNoise(double t0, double len, double fc, double amp, double modHz) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(len * sf), buf.length - i0);
        double a = StrictMath.exp(-TWO_PI * fc / sf);
        double y1 = 0, y2 = 0;
        double phase = uni(0, TWO_PI);
        double norm = Math.sqrt((1 + a) / (1 - a)) * 0.5;
        for (int k = 0; k < n; k++) {
            y1 = a * y1 + (1 - a) * rng.nextGaussian();
            y2 = a * y2 + (1 - a) * y1;
            double m = 0.55 + 0.45 * StrictMath.sin(TWO_PI * modHz * k / sf + phase);
            buf[i0 + k] += amp * norm * m * y2 * 4;
        }
    }

    /** Damped resonance with a rising pitch glide ("plink") preceded by a tiny click. */
    private void drip(double t0, double f0, double decayS, double amp) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(5 * decayS * sf), buf.length - i0);
        double phase = 0;
        for (int k = 0; k < n; k++) {
            double t = k / sf;
            double f = Math.min(fTop, f0 * (1 + 0.7 * (1 - StrictMath.exp(-t / 0.004))));
            phase += TWO_PI * f / sf;
            double env = StrictMath.exp(-t / decayS) * Math.min(1, k / (0.0005 * sf));
            buf[i0 + k] += amp * env * StrictMath.sin(phase);
        }
        click(t0, amp * 0.3, 0.0003, true);
    }

    /** Broadband click: decaying noise; {@code bright} differentiates it (more high-frequency energy). */
    private void click(double t0, double amp, double lenS, boolean bright) {
        int i0 = start(t0);
        int n = Math.min((int) Math.round(5 * lenS * sf) + 2, buf.length - i0);
        double prev = 0;
        for (int k = 0; k < n; k++) {
            double x = rng.nextGaussian() * StrictMath.exp(-k / (lenS * sf));
            double y = bright ? (x - prev) * 0.7 : x;
            prev = x;
            buf[i0 + k] += amp * y;
        }
    }

    /** Harmonic wing-beat buzz whose level swells as the insect flies past (Gaussian in time). */
    private void buzz(double f0, double fmHz, double fmDepth, double centreS, double widthS, double amp) {
        int n = buf.length;
        double phase = 0;
        double fmPhase = uni(0, TWO_PI);
        int maxHarm = 30;
        double[] hAmp = new double[maxHarm];
        for (int h = 0; h < maxHarm; h++) {
            hAmp[h] = StrictMath.pow(h + 1, -0.8) * uni(0.5, 1.5);
        }
        for (int k = 0; k < n; k++) {
            double t = k / sf;
            double z = (t - centreS) / widthS;
            double env = 0.15 + StrictMath.exp(-0.5 * z * z);
            double f = f0 * (1 + fmDepth * StrictMath.sin(TWO_PI * fmHz * t + fmPhase));
            phase += TWO_PI * f / sf;
            if (phase > 1e6) {
                phase -= TWO_PI * Math.floor(phase / TWO_PI);
            }
            double c2 = 2 * StrictMath.cos(phase);
            double prev = 0;
            double cur = StrictMath.sin(phase);
            double sum = 0;
            int hMax = Math.min(maxHarm, (int) (fTop / f));
            for (int h = 0; h < hMax; h++) {
                sum += hAmp[h] * cur;
                double next = c2 * cur - prev;
                prev = cur;
                cur = next;
            }
            buf[k] += amp * env * sum;
        }
    }
}
