package org.ac1explorer.demo;

/**
 * What {@link DemoDataset#write} produced.
 *
 * @param wehrCells     Wehr cells (folders under {@code wehr/Results})
 * @param asariCells    Asari cells (session folders in both asari-results parts)
 * @param stimulusFiles Wehr stimulus files plus Asari segment files
 * @param trialFiles    Wehr trial files plus Asari recording files ({@code Summary.mat} is in neither count)
 * @param bytes         total size of all files written
 */
public record DemoSummary(int wehrCells, int asariCells, int stimulusFiles, int trialFiles, long bytes) {
}
