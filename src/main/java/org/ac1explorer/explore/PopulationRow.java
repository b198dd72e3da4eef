package org.ac1explorer.explore;

import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.dataset.Reliability;

/**
 * One cell's row of a {@link PopulationResponse}: the binned mean response of its kept repeats of
 * the stimulus (one value per dt bin from the trace start; mV for membrane potential, Hz for spike
 * rate), and the three sort keys:
 * <ul>
 * <li>{@code ccMax}: the noise ceiling CC_max of the kept repeats ({@link org.ac1explorer.dataset.Reliability#ccMax}),
 * 0..1, NaN with fewer than 2 kept repeats or a constant mean;</li>
 * <li>{@code peakLatencyMs}: the centre of the bin where the mean response is largest, in ms from the
 * trace start (the stimulus' time axis), NaN without bins;</li>
 * <li>{@code strength}: the standard deviation over bins of the mean response (population s.d., the
 * square root of Var(ȳ) in CC_max's formula), in the signal's unit (mV or Hz), NaN without bins.</li>
 * </ul>
 * {@code kept} and {@code repeats} count the repeats; {@code error} says why there is no response
 * (then {@code mean} is empty).
 */
public record PopulationRow(Selection selection, double[] mean, int kept, int repeats, double ccMax,
                            double peakLatencyMs, double strength, String error) {

    public CellRecord cell() {
        return selection.cell();
    }

    /** The recording site, {@code A1} or {@code MGB}: rows are grouped by it. */
    public String site() {
        return cell().site();
    }

    public boolean spiking() {
        return cell().isSpiking();
    }

    /** "mV" for membrane potential, "Hz" for spike rate. */
    public String unit() {
        return spiking() ? "Hz" : "mV";
    }

    /** The row of one analysed selection. */
    static PopulationRow of(SelectionData d) {
        return of(d.selection(), d.mean(), d.binnedKept(), d.repeatCount(), d.params().dtMs(), d.repeatsError());
    }

    /** The row of a mean response in bins of {@code dtMs} from the kept repeats {@code binnedKept}. */
    static PopulationRow of(Selection sel, double[] m, float[][] binnedKept, int repeats, double dtMs, String error) {
        double peak = Double.NaN;
        double strength = Double.NaN;
        if (m.length > 0) {
            int best = 0;
            double sum = 0;
            for (int k = 0; k < m.length; k++) {
                if (m[k] > m[best]) {
                    best = k;
                }
                sum += m[k];
            }
            double mu = sum / m.length;
            double ss = 0;
            for (double v : m) {
                ss += (v - mu) * (v - mu);
            }
            peak = (best + 0.5) * dtMs;
            strength = Math.sqrt(ss / m.length);
        }
        double cc = binnedKept.length >= 2 ? Reliability.ccMax(binnedKept) : Double.NaN;
        String why = error != null ? error : m.length == 0 ? "No repeat kept at these knobs" : null;
        return new PopulationRow(sel, m, binnedKept.length, repeats, cc, peak, strength, why);
    }
}
