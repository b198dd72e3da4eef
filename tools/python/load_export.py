#!/usr/bin/env python3
"""Loads an AC1 Explorer export (.mat) into the shapes of the reference loader (deepSTRF
CRCNSAC1Dataset), with numpy and scipy only; convert with torch.from_numpy where a model wants
tensors.

    python3 tools/python/load_export.py EXPORT.mat        # prints what the file holds

    from load_export import load_export, published_subset
    d = load_export("ac1.mat")
    d["stims"][s]          # 1 x F x T_s float32 spectrogram in dB (waveform exports: 1 x T_s*hop)
    d["responses"][s][n]   # R x T_s float32 kept repeats, or the 1 x 1 NaN sentinel
    d["mask"]              # S x N bool: neuron n heard stimulus s (not the sentinel)
    d["nrn_meta"][n]       # dict; "_wehr_cell_idx" as the reference names it (-1 for Asari)
    w = published_subset(d)  # the Wehr cells of the published models, with their splits

The MAT field is called wehr_cell_idx because MATLAB names cannot start with "_"; this loader
renames it back. Responses are float32 because the reference keeps float tensors (the export
stores them as double; the widening is exact, so the narrowing here is too).
"""
from __future__ import annotations

import sys
from typing import Any, Dict, List

import numpy as np
import scipy.io as sio


def _unwrap(v):
    while isinstance(v, np.ndarray) and v.dtype == object and v.size == 1:
        v = v.flat[0]
    return v


def _value(v) -> Any:
    """A MAT value as plain Python: str, int (whole numbers), float, list, dict or None (empty)."""
    v = _unwrap(v)
    if isinstance(v, str):
        return v
    if isinstance(v, sio.matlab.mat_struct):
        return {k: _value(getattr(v, k)) for k in v._fieldnames}
    if isinstance(v, np.ndarray):
        if v.dtype.kind == "U":
            return "".join(v.ravel().tolist())
        if v.dtype == object:
            return [_value(e) for e in v.ravel(order="F")]
        if v.size == 0:
            return None
        if v.dtype.kind == "b":
            return bool(v.flat[0]) if v.size == 1 else [bool(x) for x in v.ravel()]
        if v.size == 1:
            x = float(v.flat[0])
            return int(x) if x.is_integer() else x
        return [int(x) if float(x).is_integer() else float(x) for x in v.ravel(order="F")]
    return v


def _is_sentinel(r: np.ndarray) -> bool:
    return r.shape == (1, 1) and bool(np.isnan(r).all())


def load_export(path: str) -> Dict[str, Any]:
    """The export as the reference loader's lists, plus its metadata as dicts (see the module doc)."""
    m = sio.loadmat(path, squeeze_me=False, struct_as_record=False, chars_as_strings=True)
    params = _value(m["params"])
    waveform = bool(params.get("waveform", False))
    stims: List[np.ndarray] = []
    for s in m["stims"][:, 0]:
        x = np.asarray(s, dtype=np.float32)
        stims.append(x.reshape(1, -1) if waveform else x[np.newaxis, :, :])
    S, N = m["responses"].shape
    responses: List[List[np.ndarray]] = []
    mask = np.zeros((S, N), dtype=bool)
    for s in range(S):
        row = []
        for n in range(N):
            r = np.asarray(m["responses"][s, n], dtype=np.float64)
            present = not _is_sentinel(r)
            mask[s, n] = present
            row.append(r.astype(np.float32) if present else np.full((1, 1), np.nan, dtype=np.float32))
        responses.append(row)
    stim_meta = [_value(x) for x in m["stim_meta"][:, 0]]
    for meta in stim_meta:
        for key in ("segments", "sequence"):     # 1 x k rows: lists even for one segment
            if key in meta and not isinstance(meta[key], list):
                meta[key] = [] if meta[key] is None else [meta[key]]
        if "segment_files" in meta and isinstance(meta["segment_files"], str):
            meta["segment_files"] = [meta["segment_files"]]
        if isinstance(meta.get("class_n"), float) and np.isnan(meta["class_n"]):
            meta["class_n"] = None                # the reference's None
    nrn_meta = []
    for x in m["nrn_meta"][:, 0]:
        meta = _value(x)
        meta["_wehr_cell_idx"] = meta.pop("wehr_cell_idx")
        nrn_meta.append(meta)
    out = {
        "stims": stims, "responses": responses, "mask": mask,
        "freqs": np.asarray(m["freqs"], dtype=np.float64).ravel(),
        "params": params, "stim_meta": stim_meta, "nrn_meta": nrn_meta,
        "rejections": _value(m["rejections"]), "signal_type": _value(m["signal_type"]),
    }
    if "dropped_cells" in m:
        dropped = _value(m["dropped_cells"])
        sessions = dropped.get("sessions") or []
        out["dropped_cells"] = {"count": dropped["count"],
                                "sessions": [sessions] if isinstance(sessions, str) else sessions}
    if "warnings" in m:
        w = _value(m["warnings"])
        out["warnings"] = [] if w is None else [w] if isinstance(w, str) else w
    if "hearing_range_hz" in m:
        out["hearing_range_hz"] = tuple(float(x) for x in np.ravel(m["hearing_range_hz"]))
    return out


def published_subset(d: Dict[str, Any]) -> Dict[str, Any]:
    """The Wehr cells of the published models (nrn_meta wehr_published == 1) in export order,
    the stimuli at least one of them heard, and each cell's (train, val, test) stimulus counts."""
    cols = [n for n, meta in enumerate(d["nrn_meta"]) if meta.get("wehr_published") == 1]
    rows = [s for s in range(len(d["stims"])) if d["mask"][s, cols].any()] if cols else []
    return {
        "neurons": cols, "stimuli": rows,
        "stims": [d["stims"][s] for s in rows],
        "responses": [[d["responses"][s][n] for n in cols] for s in rows],
        "mask": d["mask"][np.ix_(rows, cols)],
        "nrn_meta": [d["nrn_meta"][n] for n in cols],
        "splits": [tuple(d["nrn_meta"][n]["split"]) for n in cols],
    }


def main(argv: List[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    d = load_export(argv[0])
    S, N = d["mask"].shape
    print(f"S={S} N={N} F={d['freqs'].size} signal_type={d['signal_type']}")
    if S:
        print(f"stims[0] shape={d['stims'][0].shape} dtype={d['stims'][0].dtype}")
    print(f"mask present={int(d['mask'].sum())} of {S * N}")
    for s in range(S):
        for n in range(N):
            r = d["responses"][s][n]
            print(f"responses[{s}][{n}] shape={r.shape} dtype={r.dtype}"
                  + ("" if d["mask"][s, n] else " sentinel"))
    for n, meta in enumerate(d["nrn_meta"]):
        print(f"nrn_meta[{n}] session={meta['session']} _wehr_cell_idx={meta['_wehr_cell_idx']} "
              f"signal_type={meta['signal_type']}")
    w = published_subset(d)
    print(f"published neurons={w['neurons']} stimuli={len(w['stimuli'])} splits={w['splits']}")
    if "dropped_cells" in d:
        print(f"dropped_cells count={d['dropped_cells']['count']} sessions={d['dropped_cells']['sessions']}")
    if "warnings" in d:
        print(f"warnings={len(d['warnings'])}")
    if "hearing_range_hz" in d:
        print(f"hearing_range_hz={d['hearing_range_hz']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
