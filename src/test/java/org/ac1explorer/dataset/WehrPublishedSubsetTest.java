package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WehrPublishedSubsetTest {
    @Test
    void publishedCellsDropOneTwoFourAndEight() {
        assertArrayEquals(new int[] {0, 3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24},
                WehrPublishedSubset.publishedCells());
        assertFalse(WehrPublishedSubset.isPublished(8));
        assertTrue(WehrPublishedSubset.isPublished(24));
        assertFalse(WehrPublishedSubset.isPublished(25));
    }

    @Test
    void splitsAreTheReferenceCounts() {
        assertEquals(new WehrPublishedSubset.Split(44, 6, 13), WehrPublishedSubset.split(23).orElseThrow());
        assertEquals(new WehrPublishedSubset.Split(7, 2, 2), WehrPublishedSubset.split(0).orElseThrow());
        assertTrue(WehrPublishedSubset.split(30).isEmpty());
    }
}
