#!/usr/bin/env python3
"""Regenerates resample.mat, the expected values of SincResamplerTest.

    python3 src/test/resources/dsp/make_resample_expected.py

The reference loader (deepSTRF crcns_ac1.py, _waveform_for_stim) casts the stimulus waveform to
float32 and calls torchaudio.functional.resample(wav, orig_freq=int(round(sf)), new_freq=audio_fs)
with the defaults lowpass_filter_width=6, rolloff=0.99, resampling_method="sinc_interp_hann".
torch is not installed here, so this script re-implements that function literally from its public
source (torchaudio/functional/functional.py: _get_sinc_resample_kernel,
_apply_sinc_resample_kernel), with numpy, step by step:

  * the kernel is built in the waveform's dtype (float32), operation by operation, as torch does
    when `dtype` is the float32 waveform's; sin and cos are evaluated in float64 and rounded to
    float32 (torch's float32 sin/cos are within 1 ulp of that);
  * the full (new x (2*width + orig)) kernel is used, clamped taps included (the Java port skips
    the clamped taps, whose values are below 1e-20);
  * the strided convolution is summed in float64 and rounded to float32 (torch sums in float32;
    that difference is the documented tolerance of the port).

Each case i stores r<i>_from, r<i>_to (Hz), r<i>_x (input, already float32 values),
r<i>_y (expected output); len<j>_* hold output lengths for long inputs.
"""
import math
from pathlib import Path

import numpy as np
import scipy.io as sio

HERE = Path(__file__).resolve().parent
F32 = np.float32


def kernel(orig_freq, new_freq, lowpass_filter_width=6, rolloff=0.99):
    gcd = math.gcd(orig_freq, new_freq)
    orig = orig_freq // gcd
    new = new_freq // gcd
    base_freq = min(orig, new) * rolloff                   # python float (float64)
    width = math.ceil(lowpass_filter_width * orig / base_freq)
    # idx = arange(-width, width + orig, dtype=float32) / orig
    idx = np.arange(-width, width + orig).astype(F32) / F32(orig)
    # t = arange(0, -new, -1, dtype=float32)[:, None] / new + idx
    t = (np.arange(0, -new, -1).astype(F32) / F32(new))[:, None] + idx[None, :]
    t = (t * F32(base_freq)).astype(F32)
    t = np.clip(t, F32(-lowpass_filter_width), F32(lowpass_filter_width)).astype(F32)
    # window = cos(t * pi / lowpass_filter_width / 2) ** 2
    a = (t * F32(math.pi)).astype(F32)
    a = (a / F32(lowpass_filter_width)).astype(F32)
    a = (a / F32(2)).astype(F32)
    c = np.cos(a.astype(np.float64)).astype(F32)
    window = (c * c).astype(F32)
    t = (t * F32(math.pi)).astype(F32)
    scale = F32(base_freq / orig)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.sin(t.astype(np.float64)).astype(F32)
        k = np.where(t == 0, F32(1.0), (s / t).astype(F32)).astype(F32)
    k = (k * (window * scale).astype(F32)).astype(F32)
    return k, width, orig, new


def target_length(orig, new, length):
    # torch.ceil(torch.as_tensor(new * length / orig)).long(): a Python float made a float32 tensor
    return int(np.ceil(F32(new * length / orig)))


def resample(x, orig_freq, new_freq):
    x = np.asarray(x, dtype=F32)
    if orig_freq == new_freq:
        return x.copy()
    k, width, orig, new = kernel(orig_freq, new_freq)
    length = x.size
    xp = np.concatenate([np.zeros(width, F32), x, np.zeros(width + orig, F32)]).astype(np.float64)
    ksz = 2 * width + orig
    frames = (xp.size - ksz) // orig + 1
    out = np.empty((frames, new), dtype=np.float64)
    k64 = k.astype(np.float64)
    for j in range(frames):
        out[j] = k64 @ xp[j * orig: j * orig + ksz]
    y = out.reshape(-1)[: target_length(orig, new, length)]
    return y.astype(F32)


def signal(rng, n, kind):
    i = np.arange(n)
    if kind == 0:
        return np.sin(0.37 * i) + 0.5 * np.cos(1.3 * i + 0.2)
    if kind == 1:
        return rng.normal(size=n)
    x = np.zeros(n)
    x[n // 3] = 1.0                                        # an impulse: the kernel itself
    x[n // 2:] += 0.25                                     # and a step
    return x


def main():
    rng = np.random.default_rng(7)
    out = {}
    cases = [
        (3, 2, 61, 0), (2, 3, 40, 1), (5, 7, 33, 2), (7, 5, 50, 1),
        (48000, 96000, 120, 0), (44100, 96000, 300, 1), (44100, 96000, 257, 2),
        (96000, 44100, 400, 1), (97656, 96000, 9000, 1), (97656, 96000, 4100, 2),
        (10, 1, 80, 1), (1, 10, 12, 2),
    ]
    for i, (f, t, n, kind) in enumerate(cases):
        x = signal(rng, n, kind).astype(F32)
        out[f"r{i}_from"] = float(f)
        out[f"r{i}_to"] = float(t)
        out[f"r{i}_x"] = x
        out[f"r{i}_y"] = resample(x, f, t)
    out["r_count"] = float(len(cases))
    # output lengths, including inputs where the float32 ceil is one below the exact ceil
    lengths = []
    for f, t in ((97656, 96000), (44100, 96000), (96000, 44100), (3, 2), (97656, 48000)):
        g = math.gcd(f, t)
        o, nw = f // g, t // g
        picks = [1, 2, 5, o - 1, o, o + 1, 976560, 1464840, 2 * o * o + 1]
        for n in range(8000, 3_000_000, 7919):
            if (nw * n) % o != 0 and target_length(o, nw, n) != -(-(nw * n) // o):
                picks.append(n)                            # float32 rounding drops a sample
                if len(picks) > 14:
                    break
        for n in picks:
            lengths.append((f, t, n, target_length(o, nw, n)))
    out["len"] = np.array(lengths, dtype=np.float64)
    sio.savemat(HERE / "resample.mat", out, do_compression=True, oned_as="row")
    short = sum(1 for f, t, n, m in lengths if m != -(-(t // math.gcd(f, t) * n) // (f // math.gcd(f, t))))
    print(f"resample.mat: {len(cases)} cases, {len(lengths)} lengths ({short} below the exact ceil)")


if __name__ == "__main__":
    main()
