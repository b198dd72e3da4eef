package org.ac1explorer.analysis;

import java.util.List;

/**
 * A fitted linear STRF and how well it predicts held-out stimuli.
 *
 * @param weights          bands x lags, response units per dB (mV/dB for Vm cells)
 * @param intercept        response at the cell's mean spectrum
 * @param bandCentresHz    centre of each STRF band (geometric mean of the pooled bands)
 * @param lagsMs           lag of each column, ms (0, dt, …)
 * @param relativeLambdas  the λ grid relative to the mean eigenvalue of the centred Gram matrix
 * @param selectionR       per λ of the grid, the correlation used to choose λ (cross-validated, or
 *                         on the validation stimuli of the published split)
 * @param chosen           index of the chosen λ in the grid
 * @param lambda           the chosen λ (absolute, for the final fit)
 * @param heldOutR         Pearson r between the held-out predictions and the measured mean response,
 *                         concatenated over the held-out stimuli (all stimuli for cross-validation,
 *                         the test stimuli for the published split)
 * @param ccMax            the noise ceiling of the same stimuli ({@link org.ac1explorer.dataset.Reliability#pooled})
 * @param method           how λ was chosen and r measured, in words
 * @param stimuli          per input stimulus: its role, prediction and r
 */
public record StrfResult(String cell, double dtMs, double[][] weights, double intercept, double[] bandCentresHz,
                         double[] lagsMs, double[] relativeLambdas, double[] selectionR, int chosen, double lambda,
                         double heldOutR, double ccMax, String method, List<StimulusFit> stimuli) {

    /** What a stimulus was used for. */
    public enum Role {
        /** held out in one fold of the cross-validation (its prediction comes from that fold) */
        CROSS_VALIDATED("held out in its fold"),
        TRAIN("training"),
        VALIDATION("validation (chooses λ)"),
        TEST("test"),
        /** beyond the published split's stimulus count */
        UNUSED("not in the published split");

        private final String text;

        Role(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One stimulus: its label, role, the measured mean response and the prediction (T bins each),
     * and their correlation (NaN when either is constant).
     */
    public record StimulusFit(String label, int order, Role role, double[] measured, double[] predicted, double r) {
    }

    public StimulusFit stimulus(int order) {
        for (StimulusFit s : stimuli) {
            if (s.order() == order) {
                return s;
            }
        }
        return null;
    }

    /** CC_norm = r / CC_max (Schoppe et al. 2016); NaN when CC_max is undefined or 0. */
    public double ccNorm() {
        return ccMax > 0 ? heldOutR / ccMax : Double.NaN;
    }

    public int bands() {
        return weights.length;
    }

    public int lags() {
        return lagsMs.length;
    }

    /** The largest |weight| (for a symmetric colour range). */
    public double maxAbsWeight() {
        double m = 0;
        for (double[] row : weights) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
