package org.ac1explorer.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuickselectTest {

    @Test
    void numpyMedianEqualsTheSortedDefinitionWithTiesSignedZerosAndNan() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rnd.nextInt(trial < 1000 ? 20 : 3000);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (trial % 4) {
                    case 0 -> rnd.nextGaussian();
                    case 1 -> rnd.nextInt(4) - 2;
                    case 2 -> rnd.nextBoolean() ? -0.0 : 0.0;
                    default -> rnd.nextDouble() < 0.01 ? Double.NaN : Math.rint(rnd.nextGaussian() * 4);
                };
            }
            double[] copy = x.clone();
            assertEquals(Double.doubleToLongBits(SortedValues.median(SortedValues.of(x))),
                    Double.doubleToLongBits(Quickselect.numpyMedian(x)), "trial " + trial + " " + Arrays.toString(x));
            assertEquals(Arrays.toString(copy), Arrays.toString(x), "input untouched");
        }
        assertEquals(Double.NaN, Quickselect.numpyMedian(new double[0]));
        assertEquals(2.5, Quickselect.numpyMedian(new double[] {4, 1, 3, 2}));
    }
}
