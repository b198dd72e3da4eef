/**
 * The synthetic demo dataset: a generator that writes MATLAB files in the real CRCNS-AC1 archive layout (Wehr and
 * Asari cells, natural-sound stimuli, simulated neurons with receptive fields), seeded and bit-reproducible. It is
 * the explorer's built-in first dataset, a test fixture and (at full scale) the benchmark input. It uses no other
 * project package (it writes files that {@code archive} then reads like any download); only {@code cli} and
 * {@code ui} call it.
 */
package org.ac1explorer.demo;
