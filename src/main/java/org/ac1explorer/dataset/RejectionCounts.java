package org.ac1explorer.dataset;

import java.util.List;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.RepeatVerdict;

/** How many repeats each gating outcome got (kept, range, step, xcorr). */
public record RejectionCounts(long kept, long range, long step, long xcorr) {
    public static final RejectionCounts ZERO = new RejectionCounts(0, 0, 0, 0);

    public static RejectionCounts of(List<RepeatVerdict> verdicts) {
        return of(verdicts.stream().map(RepeatVerdict::reason).toArray(GateReason[]::new));
    }

    public static RejectionCounts of(GateReason[] reasons) {
        long k = 0;
        long r = 0;
        long s = 0;
        long x = 0;
        for (GateReason g : reasons) {
            switch (g) {
                case KEPT -> k++;
                case RANGE -> r++;
                case STEP -> s++;
                case XCORR -> x++;
            }
        }
        return new RejectionCounts(k, r, s, x);
    }

    public RejectionCounts plus(RejectionCounts o) {
        return new RejectionCounts(kept + o.kept, range + o.range, step + o.step, xcorr + o.xcorr);
    }

    public long total() {
        return kept + range + step + xcorr;
    }

    @Override
    public String toString() {
        return "kept=" + kept + " range=" + range + " step=" + step + " xcorr=" + xcorr;
    }
}
