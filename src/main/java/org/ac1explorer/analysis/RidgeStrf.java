package org.ac1explorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.dataset.Reliability;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Linear spectro-temporal receptive field of one cell by ridge regression: the cell's binned
 * mean response (kept repeats) is modelled as
 * <pre>
 *   ŷ(t) = b + Σ_f Σ_{l=0..L} w[f][l] · x_f(t − l)
 * </pre>
 * where x_f are the (pooled) spectrogram bands in dB, floored at {@code dynamicRangeDb} below the
 * cell's loudest value and centred by each band's mean over all the cell's stimuli ("dB-centred",
 * not scaled: the weights stay in response units per dB). Before a stimulus starts the spectrum is
 * taken to be the floor (silence). The intercept b is not penalised: every training set is centred
 * exactly (its own feature and response means).
 *
 * <p>Solve: the normal equations (XᵀX + λI) w = Xᵀy of size p = bands·(L+1). XᵀX is accumulated
 * per stimulus from the bands' lagged cross-products (prefix sums, O(bands²·L·T), never forming X);
 * the Gram matrices add over stimuli, so each training set is a sum of per-group blocks. For each
 * training set one eigendecomposition XᵀX = VΛVᵀ (Commons Math) serves the whole λ grid:
 * w(λ) = V (Λ + λ)⁻¹ Vᵀ Xᵀy. λ = α · tr(XᵀX)/p over the grid {@link StrfOptions#RELATIVE_LAMBDAS}.
 *
 * <p>Choosing λ and measuring the fit:
 * <ul>
 * <li>cross-validation (default): stimuli in the cell's order go to K = min(folds, S) folds
 * (stimulus i → fold i mod K); each fold is predicted by the model trained on the others; λ
 * maximises the correlation of these held-out predictions with the measured mean response,
 * concatenated over all stimuli, and that correlation is the reported r (λ is chosen on the same
 * predictions: one hyper-parameter, a small optimistic bias). The STRF shown is refitted on all
 * stimuli at the chosen α (Cholesky).</li>
 * <li>published split (Wehr cells, {@link WehrPublishedSubset#split}): over the cell's stimuli in
 * its order ({@code CellRecord.stimuli()}: by each stimulus' first trial, trial files sorted by
 * name, the order in which the reference loader meets them), the first
 * {@code train} train the model, the next {@code val} choose λ, the next {@code test} give the
 * reported r; stimuli beyond train+val+test are not used; stimuli of the split without kept
 * repeats are simply missing from their group. The STRF shown is the training fit.</li>
 * </ul>
 */
public final class RidgeStrf {
    private RidgeStrf() {
    }

    /** The preprocessed design of one stimulus: L pad frames then T frames per band, and its mean response. */
    private record Design(double[][] x, double[] y, int t) {
    }

    /** Sufficient statistics of a set of stimuli for centred ridge regression. */
    private static final class Stats {
        final double[][] gram;
        final double[] xy;
        final double[] sx;
        double sy;
        long n;

        Stats(int p) {
            gram = new double[p][p];
            xy = new double[p];
            sx = new double[p];
        }

        void add(Stats o) {
            for (int i = 0; i < gram.length; i++) {
                double[] a = gram[i];
                double[] b = o.gram[i];
                for (int j = 0; j < a.length; j++) {
                    a[j] += b[j];
                }
                xy[i] += o.xy[i];
                sx[i] += o.sx[i];
            }
            sy += o.sy;
            n += o.n;
        }
    }

    /** The centred normal equations of a training set. */
    private record Centred(double[][] gram, double[] xy, double[] meanX, double meanY, double meanEigen) {
    }

    /** Fits the STRF of {@code in} (see the class comment). */
    public static StrfResult fit(StrfInput in, StrfOptions o, Optional<WehrPublishedSubset.Split> split, ProgressMonitor m) {
        List<StrfInput.Stimulus> stimuli = in.stimuli().stream().filter(s -> s.frames() > 0 && s.repeats().length > 0).toList();
        if (stimuli.isEmpty()) {
            throw new IllegalArgumentException("no stimulus with kept repeats: nothing to fit");
        }
        int nS = stimuli.size();
        int lags = o.maxLag(in.dtMs()) + 1;
        double[] centres = pooledCentres(in.freqsHz(), o.bandPool());
        int bands = centres.length;
        int p = bands * lags;

        StrfResult.Role[] roles = new StrfResult.Role[nS];
        int[] group = new int[nS];
        String method;
        int groups;
        if (o.publishedSplit()) {
            WehrPublishedSubset.Split sp = split.orElseThrow(() -> new IllegalArgumentException(
                    "this cell has no published split (only Wehr cells do): use cross-validation"));
            int[] count = new int[4];
            for (int i = 0; i < nS; i++) {
                int ord = stimuli.get(i).order();
                roles[i] = ord < sp.train() ? StrfResult.Role.TRAIN : ord < sp.train() + sp.validation()
                        ? StrfResult.Role.VALIDATION : ord < sp.total() ? StrfResult.Role.TEST : StrfResult.Role.UNUSED;
                group[i] = roles[i].ordinal() - 1;
                count[group[i]]++;
            }
            if (count[0] == 0 || count[1] == 0 || count[2] == 0) {
                throw new IllegalArgumentException("the published split " + sp.train() + "/" + sp.validation() + "/"
                        + sp.test() + " leaves " + count[0] + " training, " + count[1] + " validation and " + count[2]
                        + " test stimuli with kept repeats here: need at least one of each (use cross-validation)");
            }
            groups = 4;
            method = "published split " + sp.train() + "/" + sp.validation() + "/" + sp.test() + ": trained on "
                    + count[0] + ", λ chosen on " + count[1] + ", r on " + count[2] + " test stimuli"
                    + (count[3] > 0 ? " (" + count[3] + " beyond the split unused)" : "");
        } else {
            if (nS < 2) {
                throw new IllegalArgumentException("cross-validation over stimuli needs at least 2 stimuli with kept "
                        + "repeats; this cell has " + nS);
            }
            groups = Math.min(o.folds(), nS);
            for (int i = 0; i < nS; i++) {
                roles[i] = StrfResult.Role.CROSS_VALIDATED;
                group[i] = i % groups;
            }
            method = groups + "-fold cross-validation over " + nS + " stimuli"
                    + (groups == nS ? " (leave one stimulus out)" : "") + "; r of the held-out predictions";
        }

        long work = nS + groups + 2L;
        long[] done = {0};
        m.progress(0, work, "STRF: preparing " + nS + " stimuli");
        List<Design> designs = designs(stimuli, o, lags);
        Stats[] perGroup = new Stats[groups];
        for (int g = 0; g < groups; g++) {
            perGroup[g] = new Stats(p);
        }
        for (int i = 0; i < nS; i++) {
            m.checkCancelled();
            accumulate(perGroup[group[i]], designs.get(i), lags);
            m.progress(++done[0], work, "STRF: normal equations, stimulus " + (i + 1) + " of " + nS);
        }
        for (Stats s : perGroup) {
            mirror(s, bands, lags);
        }

        double[] alphas = StrfOptions.RELATIVE_LAMBDAS;
        double[][] predictions = new double[nS][];
        double[] selectionR;
        int chosen;
        double[][] w;
        double intercept;
        double lambda;
        if (o.publishedSplit()) {
            Centred c = centre(perGroup[0]);
            Eig e = eig(c, m);
            m.progress(++done[0], work, "STRF: choosing λ");
            selectionR = new double[alphas.length];
            double[][] ws = new double[alphas.length][];
            for (int a = 0; a < alphas.length; a++) {
                ws[a] = e.solve(alphas[a] * c.meanEigen());
                selectionR[a] = concatenatedR(designs, group, 1, ws[a], intercept(c, ws[a]), lags);
            }
            chosen = best(selectionR);
            lambda = alphas[chosen] * c.meanEigen();
            w = reshape(ws[chosen], bands, lags);
            intercept = intercept(c, ws[chosen]);
            for (int i = 0; i < nS; i++) {
                predictions[i] = predict(designs.get(i), ws[chosen], intercept, lags);
            }
        } else {
            Stats total = new Stats(p);
            for (Stats s : perGroup) {
                total.add(s);
            }
            double[][][] foldW = new double[groups][][];
            double[][] foldB = new double[groups][];
            IntStream.range(0, groups).parallel().forEach(k -> {
                m.checkCancelled();
                Stats train = new Stats(p);
                for (int g = 0; g < groups; g++) {
                    if (g != k) {
                        train.add(perGroup[g]);
                    }
                }
                Centred c = centre(train);
                Eig e = eig(c, m);
                foldW[k] = new double[alphas.length][];
                foldB[k] = new double[alphas.length];
                for (int a = 0; a < alphas.length; a++) {
                    foldW[k][a] = e.solve(alphas[a] * c.meanEigen());
                    foldB[k][a] = intercept(c, foldW[k][a]);
                }
                synchronized (done) {
                    m.progress(++done[0], work, "STRF: fold " + (k + 1) + " of " + groups);
                }
            });
            selectionR = new double[alphas.length];
            double[][][] cv = new double[alphas.length][nS][];
            for (int a = 0; a < alphas.length; a++) {
                for (int i = 0; i < nS; i++) {
                    cv[a][i] = predict(designs.get(i), foldW[group[i]][a], foldB[group[i]][a], lags);
                }
                selectionR[a] = concatenatedR(designs, cv[a], null, -1);
            }
            chosen = best(selectionR);
            for (int i = 0; i < nS; i++) {
                predictions[i] = cv[chosen][i];
            }
            m.checkCancelled();
            m.progress(++done[0], work, "STRF: final fit on all stimuli");
            Centred c = centre(total);
            lambda = alphas[chosen] * c.meanEigen();
            double[] wAll = cholesky(c, lambda);
            w = reshape(wAll, bands, lags);
            intercept = intercept(c, wAll);
        }

        double heldOut;
        List<float[][]> ceilingBlocks = new ArrayList<>();
        if (o.publishedSplit()) {
            heldOut = concatenatedR(designs, predictions, group, 2);
            for (int i = 0; i < nS; i++) {
                if (group[i] == 2) {
                    ceilingBlocks.add(stimuli.get(i).repeats());
                }
            }
        } else {
            heldOut = selectionR[chosen];
            stimuli.forEach(s -> ceilingBlocks.add(s.repeats()));
        }
        List<StrfResult.StimulusFit> fits = new ArrayList<>();
        for (int i = 0; i < nS; i++) {
            StrfInput.Stimulus s = stimuli.get(i);
            fits.add(new StrfResult.StimulusFit(s.label(), s.order(), roles[i], designs.get(i).y(), predictions[i],
                    pearson(designs.get(i).y(), predictions[i])));
        }
        double[] lagMs = new double[lags];
        for (int l = 0; l < lags; l++) {
            lagMs[l] = l * in.dtMs();
        }
        m.progress(work, work, null);
        return new StrfResult(in.cell(), in.dtMs(), w, intercept, centres, lagMs, alphas.clone(), selectionR, chosen,
                lambda, heldOut, Reliability.pooled(ceilingBlocks).ccMax(), method, fits);
    }

    /** Geometric-mean centre of each group of {@code pool} adjacent bands (the last group may be smaller). */
    static double[] pooledCentres(double[] freqsHz, int pool) {
        int bands = (freqsHz.length + pool - 1) / pool;
        double[] c = new double[bands];
        for (int b = 0; b < bands; b++) {
            double logSum = 0;
            int n = 0;
            for (int f = b * pool; f < Math.min(freqsHz.length, (b + 1) * pool); f++) {
                logSum += Math.log(freqsHz[f]);
                n++;
            }
            c[b] = Math.exp(logSum / n);
        }
        return c;
    }

    /** Pooled, floored, band-centred spectrograms with L frames of silence in front, and mean responses. */
    private static List<Design> designs(List<StrfInput.Stimulus> stimuli, StrfOptions o, int lags) {
        int pad = lags - 1;
        int pool = o.bandPool();
        List<double[][]> pooled = new ArrayList<>();
        double top = Double.NEGATIVE_INFINITY;
        for (StrfInput.Stimulus s : stimuli) {
            float[][] spec = s.spectrogramDb();
            int t = s.frames();
            int bands = (spec.length + pool - 1) / pool;
            double[][] x = new double[bands][t];
            for (int b = 0; b < bands; b++) {
                int f0 = b * pool;
                int f1 = Math.min(spec.length, f0 + pool);
                for (int k = 0; k < t; k++) {
                    double sum = 0;
                    for (int f = f0; f < f1; f++) {
                        sum += spec[f][k];
                    }
                    double v = sum / (f1 - f0);
                    x[b][k] = v;
                    if (v > top) {
                        top = v;
                    }
                }
            }
            pooled.add(x);
        }
        double floor = top - o.dynamicRangeDb();
        int bands = pooled.get(0).length;
        double[] mean = new double[bands];
        long frames = 0;
        for (double[][] x : pooled) {
            for (int b = 0; b < bands; b++) {
                double[] row = x[b];
                for (int k = 0; k < row.length; k++) {
                    if (!(row[k] >= floor)) {
                        row[k] = floor;
                    }
                    mean[b] += row[k];
                }
            }
            frames += x[0].length;
        }
        for (int b = 0; b < bands; b++) {
            mean[b] /= frames;
        }
        List<Design> out = new ArrayList<>();
        for (int i = 0; i < stimuli.size(); i++) {
            double[][] x = pooled.get(i);
            int t = x[0].length;
            double[][] padded = new double[bands][pad + t];
            for (int b = 0; b < bands; b++) {
                Arrays.fill(padded[b], 0, pad, floor - mean[b]);
                for (int k = 0; k < t; k++) {
                    padded[b][pad + k] = x[b][k] - mean[b];
                }
            }
            out.add(new Design(padded, stimuli.get(i).meanResponse(), t));
        }
        return out;
    }

    /**
     * Adds one stimulus' XᵀX (the entries with l ≥ m; {@link #mirror} completes it), Xᵀy, Σx, Σy and n
     * to {@code s}. Feature j = f·lags + l is
     * x_f(t − l) at rows t = 0..T−1, i.e. padded sample pad + t − l. For l ≥ m, d = l − m:
     * (XᵀX)[f,l][g,m] = Σ_{u = pad−l}^{pad+T−1−l} x_f(u)·x_g(u + d) = P(pad+T−l) − P(pad−l) with P the
     * prefix sums of x_f(u)·x_g(u+d).
     */
    private static void accumulate(Stats s, Design d, int lags) {
        int pad = lags - 1;
        int t = d.t();
        double[][] x = d.x();
        int bands = x.length;
        int len = pad + t;
        IntStream.range(0, bands).parallel().forEach(f -> {
            double[] prefix = new double[len + 1];
            double[] xf = x[f];
            for (int g = 0; g < bands; g++) {
                double[] xg = x[g];
                for (int dl = 0; dl < lags; dl++) {
                    int last = len - dl;
                    double acc = 0;
                    prefix[0] = 0;
                    for (int u = 0; u < last; u++) {
                        acc += xf[u] * xg[u + dl];
                        prefix[u + 1] = acc;
                    }
                    for (int l = dl; l < lags; l++) {
                        int mm = l - dl;
                        s.gram[f * lags + l][g * lags + mm] += prefix[pad + t - l] - prefix[pad - l];
                    }
                }
            }
            double[] y = d.y();
            for (int l = 0; l < lags; l++) {
                double sxy = 0;
                double sxx = 0;
                int off = pad - l;
                for (int k = 0; k < t; k++) {
                    double v = xf[off + k];
                    sxy += v * y[k];
                    sxx += v;
                }
                s.xy[f * lags + l] += sxy;
                s.sx[f * lags + l] += sxx;
            }
        });
        double sy = 0;
        for (double v : d.y()) {
            sy += v;
        }
        s.sy += sy;
        s.n += t;
    }

    /**
     * Fills the entries with l < m from their mirror images (g,m,f,l), which {@link #accumulate}
     * computed; call once after the last stimulus was added.
     */
    private static void mirror(Stats s, int bands, int lags) {
        for (int f = 0; f < bands; f++) {
            for (int l = 0; l < lags; l++) {
                double[] row = s.gram[f * lags + l];
                for (int g = 0; g < bands; g++) {
                    for (int mm = l + 1; mm < lags; mm++) {
                        row[g * lags + mm] = s.gram[g * lags + mm][f * lags + l];
                    }
                }
            }
        }
    }

    private static Centred centre(Stats s) {
        int p = s.xy.length;
        double n = s.n;
        double[] mx = new double[p];
        for (int i = 0; i < p; i++) {
            mx[i] = s.sx[i] / n;
        }
        double my = s.sy / n;
        double[][] g = new double[p][p];
        double trace = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                g[i][j] = s.gram[i][j] - n * mx[i] * mx[j];
            }
            trace += g[i][i];
        }
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = s.xy[i] - n * mx[i] * my;
        }
        return new Centred(g, b, mx, my, Math.max(trace / p, Double.MIN_NORMAL));
    }

    /** One eigendecomposition of a centred Gram matrix, reused for every λ. */
    private record Eig(RealMatrix v, double[] values, double[] projected) {
        double[] solve(double lambda) {
            double[] c = new double[values.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = projected[i] / (Math.max(values[i], 0) + lambda);
            }
            return v.operate(c);
        }
    }

    private static Eig eig(Centred c, ProgressMonitor m) {
        m.checkCancelled();
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(c.gram(), false));
        RealMatrix v = e.getV();
        double[] proj = v.transpose().operate(c.xy());
        return new Eig(v, e.getRealEigenvalues(), proj);
    }

    private static double[] cholesky(Centred c, double lambda) {
        int p = c.xy().length;
        double[][] g = new double[p][];
        for (int i = 0; i < p; i++) {
            g[i] = c.gram()[i].clone();
            g[i][i] += lambda;
        }
        CholeskyDecomposition ch = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false),
                CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD * 1e4,
                CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD);
        return ch.getSolver().solve(new ArrayRealVector(c.xy(), false)).toArray();
    }

    private static double intercept(Centred c, double[] w) {
        double b = c.meanY();
        for (int i = 0; i < w.length; i++) {
            b -= w[i] * c.meanX()[i];
        }
        return b;
    }

    private static double[] predict(Design d, double[] w, double intercept, int lags) {
        int pad = lags - 1;
        int t = d.t();
        double[] out = new double[t];
        Arrays.fill(out, intercept);
        double[][] x = d.x();
        for (int f = 0; f < x.length; f++) {
            double[] xf = x[f];
            for (int l = 0; l < lags; l++) {
                double wl = w[f * lags + l];
                int off = pad - l;
                for (int k = 0; k < t; k++) {
                    out[k] += wl * xf[off + k];
                }
            }
        }
        return out;
    }

    /** r over the concatenation of the stimuli of group {@code g} (all when g < 0), predicted by (w, b). */
    private static double concatenatedR(List<Design> designs, int[] group, int g, double[] w, double b, int lags) {
        double[][] pred = new double[designs.size()][];
        for (int i = 0; i < designs.size(); i++) {
            if (g < 0 || group[i] == g) {
                pred[i] = predict(designs.get(i), w, b, lags);
            }
        }
        return concatenatedR(designs, pred, group, g);
    }

    private static double concatenatedR(List<Design> designs, double[][] pred, int[] group, int g) {
        int n = 0;
        for (int i = 0; i < designs.size(); i++) {
            if (g < 0 || group[i] == g) {
                n += designs.get(i).t();
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        int k = 0;
        for (int i = 0; i < designs.size(); i++) {
            if (g < 0 || group[i] == g) {
                System.arraycopy(designs.get(i).y(), 0, a, k, designs.get(i).t());
                System.arraycopy(pred[i], 0, b, k, designs.get(i).t());
                k += designs.get(i).t();
            }
        }
        return pearson(a, b);
    }

    /** Pearson correlation (Commons Math) over the common length; NaN when either series is constant or shorter than 2. */
    static double pearson(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        if (n < 2) {
            return Double.NaN;
        }
        double r = new PearsonsCorrelation().correlation(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
        return Double.isFinite(r) ? r : Double.NaN;
    }

    /** Index of the largest r (NaN never wins; on an exact tie the larger λ, the smoother STRF). */
    private static int best(double[] r) {
        int best = -1;
        for (int i = 0; i < r.length; i++) {
            if (!Double.isNaN(r[i]) && (best < 0 || r[i] >= r[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the measured or predicted responses are constant: no correlation to "
                    + "choose λ with");
        }
        return best;
    }

    private static double[][] reshape(double[] w, int bands, int lags) {
        double[][] out = new double[bands][lags];
        for (int f = 0; f < bands; f++) {
            System.arraycopy(w, f * lags, out[f], 0, lags);
        }
        return out;
    }
}
