package org.ac1explorer.demo;

/** Size of the synthetic demo dataset written by {@link DemoDataset}. */
public enum DemoScale {
    /** About 4 Wehr and 7 Asari cells, 1.5–4 s stimuli, 3–8 repeats, under 15 MB: the built-in default and the test set. */
    SMALL,
    /** About 25 Wehr and 150 Asari cells (110 A1 whole-cell, 40 MGB cell-attached), 5–15 s stimuli, 5–20 repeats,
     *  roughly 0.6 GB: the benchmark set. */
    FULL
}
