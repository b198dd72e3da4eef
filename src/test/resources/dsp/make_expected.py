#!/usr/bin/env python3
"""Regenerates the expected-value files of the dsp unit tests from the Python reference.

    AC1REF=/path/to/ac1ref python3 src/test/resources/dsp/make_expected.py

The oracle is ac1dsp.py of the reference pipeline ac1ref (not part of this project; $AC1REF
names its folder, e.g. the maintainers' ../shared/tools/ac1ref); it runs
with its exact "numpy" filter backend. Every input is drawn from fixed seeds, so the files
only change when the reference does. Each .mat holds flat variables named
<case><index>_<field> plus a <case>_count scalar; 1-D arrays are stored as rows.
"""
import os
import sys
from pathlib import Path

import numpy as np
import scipy.io as sio

HERE = Path(__file__).resolve().parent
if not os.environ.get("AC1REF"):
    sys.exit("make_expected.py: set AC1REF to the folder of the reference pipeline ac1ref (holding ac1dsp.py)")
sys.path.insert(0, os.environ["AC1REF"])
import ac1dsp as d  # noqa: E402

d.set_filter_backend("numpy")


def save(name, data):
    sio.savemat(HERE / name, data, do_compression=True, oned_as="row")
    print(f"{name}: {len(data)} variables, {(HERE / name).stat().st_size} bytes")


def vm_trace(rng, n, sf, spikes=0, quantum=None, spike_ms=1.0):
    """Membrane-potential-like trace in mV: resting level, slow drift, noise, brief spikes."""
    t = np.arange(n) / sf
    x = -65.0 + 4.0 * np.sin(2 * np.pi * 0.7 * t) + np.cumsum(rng.normal(size=n)) * 0.05
    x += rng.normal(size=n) * 0.8
    for s in rng.integers(0, max(1, n - 20), spikes):
        w = max(2, int(spike_ms * sf / 1000.0))
        x[s:s + w] += 40.0
    if quantum is not None:
        x = np.round(x / quantum) * quantum
    return x


def filters():
    rng = np.random.default_rng(11)
    out = {}
    # running median: sizes across the boundaries (even/odd, window longer than trace)
    cases = []
    for n in (1, 2, 3, 5, 9, 50, 333, 2000):
        for k in (2, 3, 4, 7, 10, 51, 100, 1000):
            cases.append((n, k))
    i = 0
    for n, k in cases:
        kind = i % 4
        if kind == 0:
            x = rng.normal(size=n) * 10.0
        elif kind == 1:
            x = rng.integers(0, 4, size=n).astype(float)           # heavy ties
        elif kind == 2:
            x = vm_trace(rng, n, 10000.0, spikes=n // 200, quantum=0.0305)
        else:
            x = np.cumsum(rng.normal(size=n))
            if n > 4:
                x[rng.integers(0, n, max(1, n // 40))] = np.nan      # NaN sorts last
                x[1] = -0.0
        out[f"med{i}_x"] = x
        out[f"med{i}_k"] = float(k)
        out[f"med{i}_y"] = d.running_median(x, k)
        i += 1
    out["med_count"] = float(i)
    # Gaussian: direct and FFT kernel lengths, traces shorter than the kernel
    i = 0
    for n in (1, 3, 10, 200, 3000):
        for sigma in (1e-3, 0.5, 2.0, 11.9, 40.0, 100.0):
            x = vm_trace(rng, n, 10000.0, spikes=n // 300)
            out[f"gauss{i}_x"] = x
            out[f"gauss{i}_sigma"] = sigma
            out[f"gauss{i}_y"] = d.gaussian_smooth(x, sigma)
            i += 1
    x = vm_trace(rng, 1500, 10000.0)
    x[700] = np.nan
    x[100] = np.inf
    out[f"gauss{i}_x"] = x
    out[f"gauss{i}_sigma"] = 40.0
    out[f"gauss{i}_y"] = d.gaussian_smooth(x, 40.0)
    i += 1
    out["gauss_count"] = float(i)
    # MedGauss detrend at the dataset's sample rates, plus degenerate and short settings
    i = 0
    for sf, med, gauss, n in ((4000.0, 100.0, 10.0, 4000), (10000.0, 100.0, 10.0, 5000),
                              (10000.0, 100.0, 10.0, 300), (44100.0, 100.0, 10.0, 6000),
                              (97656.0, 100.0, 10.0, 8000), (10000.0, 50.0, 5.0, 2000),
                              (4000.0, 2.5, 1.0, 1000), (10000.0, 0.01, 0.0, 500),
                              (4000.0, 0.125, 10.0, 800), (10000.0, 100.0, 10.0, 1)):
        x = vm_trace(rng, n, sf, spikes=n // 500, quantum=0.0305 if i % 2 else None)
        out[f"det{i}_x"] = x
        out[f"det{i}_p"] = np.array([sf, med, gauss])
        out[f"det{i}_y"] = d.medgauss_detrend(x, sf, med, gauss)
        i += 1
    out["det_count"] = float(i)
    save("filters.mat", out)


REASONS = {"kept": 0, "range": 1, "step": 2, "xcorr": 3}
THRESHOLDS = [
    (150.0, 30.0, 0.005, 0.05),      # defaults
    (150.0, 30.0, 0.005, 0.0),       # xcorr off
    (150.0, 30.0, 0.005, 1.5),       # r counts as 1.0 when not applicable: rejects all
    (150.0, 10.0, 0.01, 0.2),
    (20.0, 30.0, 0.005, 0.05),
]


def gate_detrended(det, sf, t):
    """gate_repeats on repeats that are already detrended (the detrend step bypassed)."""
    saved = d.medgauss_detrend
    d.medgauss_detrend = lambda x, *a: np.asarray(x, dtype=np.float64)
    try:
        _, verdicts = d.gate_repeats(det, sf, d.Gating(*t), 100.0, 10.0)
    finally:
        d.medgauss_detrend = saved
    return verdicts


def gating_sets(rng):
    sf = 10000.0
    n = 2500
    t = np.arange(n) / sf
    driven = 3.0 * np.sin(2 * np.pi * 4 * t) + 2.0 * np.sin(2 * np.pi * 11 * t + 1.0)

    def rep(m=n, noise=1.0):
        return driven[:m] + rng.normal(size=m) * noise

    sets = []
    ten = [rep(n - (i % 3) * 7) for i in range(10)]
    ten[2][1000] = 212.0                                   # range
    ten[5][2000:2080] += 45.0                              # step: 3 % of samples
    ten[7] = rng.normal(size=n) * 3.0                      # uncorrelated: xcorr
    ten[8][1500:1510] += 45.0                              # 0.4 %: passes at defaults
    sets.append((sf, ten))
    sets.append((sf, [rep(2000), rep(2100), rep()]))       # R=3: the other two's mean
    sets.append((sf, [rep(), rng.normal(size=n)]))         # R=2: no xcorr
    sets.append((sf, [rep()]))                             # R=1
    sets.append((sf, [rep(), rep(), np.empty(0), rep()]))  # an empty repeat fails range
    withnan = [rep() for _ in range(5)]
    withnan[1][10] = np.nan
    sets.append((sf, withnan))
    sets.append((sf, [np.array([1.0, 2.0]), np.array([0.5, -1.0]), np.array([3.0, 1.0])]))
    allnan = [rep(), rep(), np.full(300, np.nan), rep()]
    sets.append((sf, allnan))
    four = [rep(1200) for _ in range(4)]                   # even count of others: median = mean of middle two
    four[3] = -four[3]
    sets.append((4000.0, four))
    return sets


def gating():
    rng = np.random.default_rng(22)
    out = {}
    sets = gating_sets(rng)
    for i, (sf, det) in enumerate(sets):
        out[f"g{i}_sf"] = sf
        out[f"g{i}_r"] = float(len(det))
        for j, x in enumerate(det):
            out[f"g{i}_rep{j}"] = x
        for m, t in enumerate(THRESHOLDS):
            v = gate_detrended(det, sf, t)
            out[f"g{i}_t{m}"] = np.array(t)
            out[f"g{i}_reason{m}"] = np.array([REASONS[x.reason] for x in v], dtype=float)
            out[f"g{i}_maxabs{m}"] = np.array([x.max_abs_mv for x in v])
            out[f"g{i}_stepfrac{m}"] = np.array([x.step_frac for x in v])
            out[f"g{i}_xcorr{m}"] = np.array([x.xcorr for x in v])
    out["g_count"] = float(len(sets))
    out["g_thresholds"] = float(len(THRESHOLDS))
    # end to end: raw repeats with drift, detrended by the reference itself
    sf = 10000.0
    raw = [x + vm_trace(rng, x.size, sf) for x in sets[0][1]]
    _, v = d.gate_repeats(raw, sf, d.Gating(), 100.0, 10.0)
    for j, x in enumerate(raw):
        out[f"e2e_rep{j}"] = x
    out["e2e_r"] = float(len(raw))
    out["e2e_reason"] = np.array([REASONS[x.reason] for x in v], dtype=float)
    out["e2e_stepfrac"] = np.array([x.step_frac for x in v])
    out["e2e_xcorr"] = np.array([x.xcorr for x in v])
    save("gating.mat", out)


def spikes_binning_ramps():
    rng = np.random.default_rng(33)
    out = {}
    i = 0
    cases = [(sf, n, vm_trace(rng, n, sf, spikes=n // 400, spike_ms=0.4), 1.0)
             for sf, n in ((10000.0, 8000), (4000.0, 5000), (44100.0, 6000), (10000.0, 700))]
    # ~1 ms spikes on a noisy trace: the 10 ms high-pass keeps them, the legacy 1 ms one erases
    # them (the case behind the spike-window fix); each trace at both windows
    spiky = np.random.default_rng(34)
    for sf, n in ((10000.0, 20000), (10000.0, 6000), (4000.0, 8000)):
        x = vm_trace(spiky, n, sf, spikes=n // 250, spike_ms=1.0)
        cases += [(sf, n, x, 10.0), (sf, n, x, 1.0)]
    for sf, n, x, clip_ms in cases:
        stats = {}
        psth = d.spike_psth(x, sf, 100.0, 10.0, clip_ms=clip_ms, stats=stats)
        y = d.medgauss_detrend(x, sf, 100.0, 10.0)
        hp = y - d.running_median(y, max(1, d.pyround(clip_ms * sf / 1000.0)))
        out[f"sp{i}_x"] = x
        out[f"sp{i}_sf"] = sf
        out[f"sp{i}_clip"] = clip_ms
        out[f"sp{i}_hp"] = hp
        out[f"sp{i}_thr"] = stats["threshold"]
        out[f"sp{i}_crossings"] = float(stats["crossings"])
        out[f"sp{i}_psth"] = psth
        i += 1
    out["sp_count"] = float(i)
    i = 0
    for sf, dt, n in ((44100.0, 5.0, 1000), (10000.0, 5.0, 1234), (4000.0, 1.0, 10),
                      (10000.0, 2.0, 15), (97656.0, 5.0, 5000), (4000.0, 2.0, 9),
                      (10000.0, 0.01, 7)):
        x = rng.normal(size=n) * 5.0 - 60.0
        out[f"bin{i}_x"] = x
        out[f"bin{i}_p"] = np.array([sf, dt])
        out[f"bin{i}_y"] = d.bin_mean(x, sf, dt)
        i += 1
    out["bin_count"] = float(i)
    i = 0
    for sf, ms, n in ((44100.0, 5.0, 5000), (4000.0, 5.0, 30), (97656.0, 5.0, 3000),
                      (10000.0, 5.0, 1), (10000.0, 0.01, 8), (4000.0, 5.0, 41)):
        x = rng.normal(size=n)
        out[f"ramp{i}_x"] = x
        out[f"ramp{i}_p"] = np.array([sf, ms])
        out[f"ramp{i}_y"] = d.sin2_ramp(x, sf, ms)
        i += 1
    out["ramp_count"] = float(i)
    save("spikes_binning_ramps.mat", out)


def waveform(rng, n, sf, kind):
    t = np.arange(n) / sf
    if kind == 0:       # chirp over the band range, noise, a DC offset and a silent stretch
        f0, f1 = 80.0, 0.45 * sf
        x = np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t * t / (2 * max(t[-1], 1e-9))))
        x += 0.01 * rng.normal(size=n) + 0.3
        x[n // 3: n // 3 + n // 5] = 0.0
        return x
    if kind == 1:       # int16-scale noise bursts
        x = np.round(rng.normal(size=n) * 3000.0 * (np.sin(2 * np.pi * 3 * t) > 0))
        return x
    return 1000.0 + 1e-6 * rng.normal(size=n)      # huge DC, tiny content


def spectrogram():
    rng = np.random.default_rng(44)
    out = {}
    cases = ((4000.0, 1.0, 2.0, 100.0, 1900.0, 6, 2000), (4000.0, 10.0, 20.0, 250.0, 2000.0, 12, 4001),
             (10000.0, 2.0, 4.0, 100.0, 4900.0, 12, 3000), (10000.0, 5.0, 10.0, 250.0, 5000.0, 6, 10000),
             (44100.0, 5.0, 10.0, 100.0, 22000.0, 6, 8820), (44100.0, 1.0, 3.0, 250.0, 20000.0, 12, 4410),
             (97656.0, 5.0, 10.0, 100.0, 45000.0, 6, 20000), (97656.0, 2.0, 4.0, 100.0, 25600.0, 6, 9766),
             (97656.0, 10.0, 20.0, 100.0, 45000.0, 12, 19532), (97656.0, 1.0, 2.0, 250.0, 45000.0, 12, 5000),
             (10000.0, 5.0, 10.0, 100.0, 4000.0, 6, 30), (44100.0, 5.0, 7.3, 100.0, 20000.0, 6, 3000))
    for i, (sf, dt, win, fmin, fmax, bpo, n) in enumerate(cases):
        x = waveform(rng, n, sf, i % 3)
        db, freqs = d.log_spectrogram(x, sf, dt, fmin, fmax, bpo, win)
        hop, w = d.spectrogram_geometry(sf, dt, win)
        out[f"s{i}_x"] = x
        out[f"s{i}_p"] = np.array([sf, dt, win, fmin, fmax, bpo])
        out[f"s{i}_db"] = db                                   # F x T single
        out[f"s{i}_freqs"] = freqs
        out[f"s{i}_geom"] = np.array([hop, w, d.n_frames(n, hop)], dtype=float)
    out["s_count"] = float(len(cases))
    bands = []
    for fmin, fmax, bpo in ((100.0, 45000.0, 6), (100.0, 25600.0, 6), (100.0, 25600.0, 12),
                            (250.0, 45000.0, 12), (100.0, 51200.0, 6), (125.0, 32000.0, 12),
                            (250.0, 25600.0, 6), (100.0, 100.0, 6), (100.0, 199.99, 1), (50.0, 12800.0, 3)):
        bands.append([fmin, fmax, bpo, d.band_count_declared(fmin, fmax, bpo)])
    out["bands"] = np.array(bands)
    save("spectrogram.mat", out)


if __name__ == "__main__":
    filters()
    gating()
    spikes_binning_ramps()
    spectrogram()
