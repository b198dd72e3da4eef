/**
 * Pure signal processing on {@code double[]} arrays, faithful to the Python reference
 * {@code ac1dsp.py}: running median, Gaussian filter, MedGauss detrend, repeat gating, spike
 * PSTH, binning, sin² ramps, the log-frequency spectrogram and the windowed-sinc resampler of
 * waveform mode ({@link org.ac1explorer.dsp.SincResampler}, torchaudio's algorithm). No I/O and no UI.
 *
 * <p>Units throughout: sample rates in Hz, durations in ms, traces in mV, spectrogram values
 * in dB. Inputs are never modified; every function returns a fresh array. NaN samples never
 * throw: they propagate as numpy would, and sort after every number (as {@link Double#compare}).
 */
package org.ac1explorer.dsp;
