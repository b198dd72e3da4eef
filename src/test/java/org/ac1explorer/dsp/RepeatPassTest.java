package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatPassTest {
    private static final double SF = 10_000.0;

    /** Ragged repeats with a few steps, a NaN and spikes, in mV. */
    private static List<double[]> repeats(int count) {
        Random rnd = new Random(8 + count);
        List<double[]> reps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] x = new double[2500 + 40 * i];
            for (int k = 0; k < x.length; k++) {
                x[k] = Math.sin(k / 40.0) * 3 + rnd.nextGaussian() * (1 + i) + 0.002 * k;
            }
            for (int j = 0; j < 4 * i; j++) {
                x[300 + j] += 30;
            }
            for (int k = 150; k < x.length; k += 211) {
                x[k] += 40;
            }
            reps.add(x);
        }
        reps.get(count - 1)[700] = Double.NaN;
        return reps;
    }

    private static RepeatPass.Result pass(List<double[]> reps, RepeatPass.Settings s) {
        int[] lengths = reps.stream().mapToInt(x -> x.length).toArray();
        return RepeatPass.run(lengths, (i, dst) -> System.arraycopy(reps.get(i), 0, dst, 0, dst.length), SF, s);
    }

    private static void assertSameAsTheWholeRepeatsGive(int count, boolean spiking) {
        List<double[]> reps = repeats(count);
        RepeatPass.Settings s = new RepeatPass.Settings(200, 40, 0.02, 5, spiking, 10);
        RepeatPass.Result r = pass(reps, s);

        List<double[]> detrended = reps.stream().map(x -> MedGauss.detrend(x, SF, 200, 40)).toList();
        List<RepeatScores> full = RepeatGating.score(detrended, SF);
        for (int i = 0; i < count; i++) {
            assertEquals(full.get(i).maxAbsMv(), r.scores().maxAbsMv()[i], 0.0, "max |x| of repeat " + i);
            assertEquals(full.get(i).xcorr(), r.scores().xcorr()[i], 0.0, "r of repeat " + i);
            double[] signal = spiking ? SpikeDetector.psth(detrended.get(i), SF, 200, 40, 10) : detrended.get(i);
            assertArrayEquals(Binning.meanFloats(signal, SF, 5), r.binned()[i], "bins of repeat " + i);
        }
        for (GatingThresholds t : List.of(GatingThresholds.defaults(), new GatingThresholds(20, 30, 0.005, 0.3),
                new GatingThresholds(150, 10, 0.001, 0.0), new GatingThresholds(150, 34, 0.02, 0.6))) {
            GateReason[] reasons = RepeatGating.decide(r.scores().maxAbsMv(), r.scores().steps(), r.scores().xcorr(), t);
            List<RepeatVerdict> verdicts = RepeatGating.decide(full, t);
            for (int i = 0; i < count; i++) {
                assertEquals(verdicts.get(i).reason(), reasons[i], t + " repeat " + i);
            }
        }
    }

    @Test
    void onePassGivesTheScoresAndBinsOfTheWholeDetrendedRepeats() {
        assertSameAsTheWholeRepeatsGive(7, false);
    }

    @Test
    void onePassOfASpikingCellBinsEachRepeatsPsth() {
        assertSameAsTheWholeRepeatsGive(5, true);
    }

    @Test
    void twoRepeatsHaveNoLeaveOneOutR() {
        RepeatPass.Result r = pass(repeats(2), new RepeatPass.Settings(200, 40, 0.02, 5, false, 10));
        assertEquals(2, r.scores().xcorr().length);
        assertEquals(Double.NaN, r.scores().xcorr()[0]);
        assertEquals(Double.NaN, r.scores().xcorr()[1]);
    }

    @Test
    void anEmptyRepeatLeavesTheOthersScoredWithoutR() {
        List<double[]> reps = new ArrayList<>(repeats(4));
        reps.set(2, new double[0]);
        RepeatPass.Result r = pass(reps, new RepeatPass.Settings(200, 40, 0.02, 5, false, 10));
        assertEquals(Double.NaN, r.scores().maxAbsMv()[2]);
        assertEquals(0, r.binned()[2].length);
        assertEquals(0, r.scores().steps()[2].length());
        for (double x : r.scores().xcorr()) {
            assertEquals(Double.NaN, x);
        }
    }

    @Test
    void aFailingSourceFailsThePass() {
        assertThrows(IllegalStateException.class, () -> RepeatPass.run(new int[] {10, 10, 10}, (i, dst) -> {
            throw new IllegalStateException("file changed");
        }, SF, new RepeatPass.Settings(200, 40, 0.02, 5, false, 10)));
    }
}
