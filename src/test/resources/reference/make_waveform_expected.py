#!/usr/bin/env python3
"""Regenerates mini-waveform.mat, the expected waveform-mode stimuli of the ac1-mini fixture.

    python3 src/test/resources/reference/make_waveform_expected.py [PATH/TO/shared]

Waveform mode of the reference loader (deepSTRF crcns_ac1.py, return_waveform=True): stimulus s
of the spectrogram-mode grid, with the same T, becomes its waveform (as the loader builds it:
Wehr file, or Asari segments with 5 ms sin^2 ramps, concatenated) cast to float32, resampled with
torchaudio.functional.resample(orig_freq=int(round(sf)), new_freq=audio_fs) and cut or zero-padded
to T * hop samples, hop = audio_fs * dt_ms / 1000.

The waveforms and T come from the project's Python reference (shared/tools/ac1ref/ref_pipeline.py):
its log_spectrogram is wrapped to record each registered stimulus's waveform, in registration
order. The resampler is the numpy re-implementation of torchaudio's algorithm in
../dsp/make_resample_expected.py. Stored per case c and stimulus s: c<c>_s<s>_len (T*hop),
_n (resampled length before the cut or pad), and windows of the grid-locked waveform:
_head (first 1024 samples), _mid (1024 from offset _mid_at, 0-based), _tail (last 1024).
"""
import sys
from pathlib import Path

import numpy as np
import scipy.io as sio

HERE = Path(__file__).resolve().parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[4] / "shared"
sys.path.insert(0, str(SHARED / "tools" / "ac1ref"))
sys.path.insert(0, str(HERE.parent / "dsp"))
import ref_pipeline as rp  # noqa: E402
from make_resample_expected import resample  # noqa: E402

CASES = [  # (dt_ms, audio_fs)
    (5.0, 96000),
    (2.0, 96000),
    (5.0, 48000),
]
WINDOW = 1024


def main():
    out = {}
    original = rp.dsp.log_spectrogram
    for c, (dt_ms, audio_fs) in enumerate(CASES):
        seen = []

        def recording(y, sf, *args, **kwargs):
            seen.append((np.asarray(y, dtype=np.float64).ravel().copy(), float(sf)))
            return original(y, sf, *args, **kwargs)

        rp.dsp.log_spectrogram = recording
        try:
            result = rp.build(str(SHARED / "fixtures" / "ac1-mini"), rp.Params(dt_ms=dt_ms), lambda m: None)
        finally:
            rp.dsp.log_spectrogram = original
        assert len(seen) == len(result.stims)
        hop = int(round(audio_fs * dt_ms / 1000.0))
        out[f"c{c}_dt_ms"] = dt_ms
        out[f"c{c}_audio_fs"] = float(audio_fs)
        out[f"c{c}_count"] = float(len(seen))
        for s, (y, sf) in enumerate(seen):
            t = result.stims[s].shape[1]
            wav = resample(y.astype(np.float32), int(round(sf)), audio_fs)
            n = wav.size
            grid = np.zeros(t * hop, dtype=np.float32)
            grid[: min(n, t * hop)] = wav[: t * hop]
            mid = grid.size // 2 - WINDOW // 2
            key = f"c{c}_s{s}"
            out[key + "_len"] = float(grid.size)
            out[key + "_n"] = float(n)
            out[key + "_head"] = grid[:WINDOW]
            out[key + "_mid_at"] = float(mid)
            out[key + "_mid"] = grid[mid: mid + WINDOW]
            out[key + "_tail"] = grid[-WINDOW:]
            print(f"case {c} (dt {dt_ms} ms, {audio_fs} Hz) stim {s}: sf {sf:g}, T {t}, "
                  f"resampled {n}, grid {grid.size}")
    out["case_count"] = float(len(CASES))
    sio.savemat(HERE / "mini-waveform.mat", out, do_compression=True, oned_as="row")
    print(f"mini-waveform.mat: {(HERE / 'mini-waveform.mat').stat().st_size} bytes")


if __name__ == "__main__":
    main()
