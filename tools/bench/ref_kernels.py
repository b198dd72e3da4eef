"""Times the reference (numpy/scipy) kernels on the same case as `ac1-explorer bench`.

Development benchmark only (never part of the product): the Python side of the README's
performance table. Usage:
    python3 tools/bench/ref_kernels.py DATA --ref AC1REF_DIR [--runs 60] [--warmup 20]
DATA is the folder `bench` timed (e.g. a full-scale demo); the session and stimulus are
the `kernel case` line that `bench` printed.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--ref", required=True, help="folder of the reference pipeline ac1ref (not part of this project)")
    ap.add_argument("--session", default="20050404-ha2-004")
    ap.add_argument("--stimulus", default="Sequence 1: 2 5 3 6 3")
    ap.add_argument("--runs", type=int, default=60)
    ap.add_argument("--warmup", type=int, default=20)
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(a.ref))
    import ac1dsp as dsp
    import ref_pipeline as ref
    dsp.set_filter_backend("scipy")
    P = ref.Params()
    (_, asari1, asari2), tmp = ref.locate(a.data, lambda m: None)
    roots = [d for d in (asari1, asari2) if os.path.isdir(d)]
    st = None
    for cell in ref.asari_cells(roots, P.sites, lambda m: None):
        if cell.meta["session"] != a.session:
            continue
        st = next((s for s in cell.stims if s.meta["description"] == a.stimulus), None)
        if st is not None:
            break
    if st is None:
        print(f"case {a.session} / {a.stimulus!r} not found", file=sys.stderr)
        return 1
    n = 100_000
    one = st.repeats[0][:n].astype(np.float64)
    ten = [r[:n].astype(np.float64) for r in st.repeats[:10]]
    wave = st.waveform[: int(round(10.0 * st.sf_stim))].astype(np.float64)

    def timed(label, fn):
        for _ in range(a.warmup):
            fn()
        t = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            fn()
            t.append((time.perf_counter() - t0) * 1e3)
        t.sort()
        p95 = t[min(len(t) - 1, int(np.ceil(0.95 * len(t))) - 1)]
        print(f"  {label:<52} {statistics.median(t):10.3f} ms p50 {p95:10.3f} ms p95  ({a.runs} runs)")

    print(f"numpy {np.__version__}, case {a.session} {a.stimulus!r}, {len(st.repeats)} repeats at {st.sf_resp:.0f} Hz")
    timed("detrend one 10 s trace at 10 kHz",
          lambda: dsp.medgauss_detrend(one, st.sf_resp, P.detrend_med_ms, P.detrend_gauss_ms))
    timed("detrend + gate 10 repeats of 10 s at 10 kHz",
          lambda: dsp.gate_repeats(ten, st.sf_resp, P.gating, P.detrend_med_ms, P.detrend_gauss_ms))
    timed(f"log-spectrogram 10 s at {st.sf_stim:.0f} Hz, dt 5 ms",
          lambda: dsp.log_spectrogram(wave, st.sf_stim, P.dt_ms, P.fmin, P.fmax, P.bins_per_octave, P.window_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
