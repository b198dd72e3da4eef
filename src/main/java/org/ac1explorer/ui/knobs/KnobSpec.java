package org.ac1explorer.ui.knobs;

/**
 * How one knob behaves: its parameter name (as {@code Params.errors()} reports it), label, unit,
 * slider range (logarithmic or linear with a step), decimals shown and the reference default
 * (in the knob's display unit).
 */
public record KnobSpec(String param, String title, String unit, double min, double max, boolean log, double step,
                       int decimals, double defaultValue, String help) {

    /** Slider position (0..1) of a value. */
    double position(double v) {
        double c = Math.max(min, Math.min(max, v));
        return log ? Math.log(c / min) / Math.log(max / min) : (c - min) / (max - min);
    }

    /** The value at a slider position, rounded to what a person would type. */
    double valueAt(double pos) {
        double v = log ? min * Math.pow(max / min, pos) : min + pos * (max - min);
        if (log) {
            double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
            v = Math.round(v / mag) * mag;
        } else if (step > 0) {
            v = min + Math.round((v - min) / step) * step;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
