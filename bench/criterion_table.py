#!/usr/bin/env python3
"""Summarise the criterion benches' medians (from the last `cargo bench`) as the
tables in bench/README.md, with the ratios the targets are judged by.

    cargo bench && bench/criterion_table.py
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRITERION = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "criterion"


def medians():
    """{full_id: median in seconds} of every bench's latest run."""
    out = {}
    for est in CRITERION.glob("**/new/estimates.json"):
        meta = json.loads((est.parent / "benchmark.json").read_text())
        out[meta["full_id"]] = json.loads(est.read_text())["median"]["point_estimate"] / 1e9
    return out


def fmt(seconds):
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main():
    m = medians()
    if not m:
        sys.exit(f"no criterion results under {CRITERION}: run `cargo bench` first")
    rows = []

    def row(target, measure, value, limit="", ok=None):
        rows.append((target, measure, value, limit, "" if ok is None else ("yes" if ok else "**no**")))

    def get(name):
        return m.get(name)

    for name in sorted(k for k in m if k.startswith("startup/")):
        row("1 startup", name, fmt(m[name]))

    for kind in ["draw", "scroll_line_update_only", "scroll_line_and_draw", "scroll_page_and_draw"]:
        a, b = get(f"reader_frame_200x60/{kind}/100"), get(f"reader_frame_200x60/{kind}/100000")
        if a is None or b is None:
            continue
        row("2 frame", f"{kind}: 100 / 100 000 lines", f"{fmt(a)} / {fmt(b)} ({b / a:.2f}×)")
    paired = CRITERION / "paired_frames.json"
    if paired.exists():
        for kind, p in json.loads(paired.read_text()).items():
            a, b = p["small"], p["big"]
            row("2 frame", f"{kind}, 100 / 100 000 lines, alternating ({p['rounds']} rounds)",
                f"{fmt(a)} / {fmt(b)}", "each < 1 ms", a < 1e-3 and b < 1e-3)
            row("2 frame", f"{kind}: ratio of medians (alternating)", f"{b / a:.2f}×", "≤ 1.5×", b / a <= 1.5)
    for lines in ["100", "100000"]:
        r = get(f"reader_resize_rewrap/200_to_90_columns/{lines}")
        if r is not None:
            row("2 frame", f"resize 200↔90 columns: one re-wrap of {lines} lines", fmt(r))

    html = get("render_5mb/pulldown_cmark_html")
    for name in sorted(k for k in m if k.startswith("render_5mb/")):
        value = fmt(m[name])
        if html and name != "render_5mb/pulldown_cmark_html":
            ratio = m[name] / html
            limit, ok = ("≤ 2×", ratio <= 2) if name == "render_5mb/read_plain_width_100" else ("", None)
            row("3 render", name, f"{value} = {ratio:.2f}× HTML", limit, ok)
        else:
            row("3 render", name, value)

    paired = CRITERION / "paired_render_5mb.json"
    if paired.exists():
        p = json.loads(paired.read_text())
        html, ours = p["medians"]["pulldown_cmark_html"], p["medians"]["read_plain_width_100"]
        row("3 render", f"interleaved ({p['rounds']} rounds): pulldown-cmark HTML / read_plain_width_100",
            f"{fmt(html)} / {fmt(ours)}")
        row("3 render", "interleaved: ratio read / HTML", f"{ours / html:.2f}×", "≤ 2×", ours / html <= 2)

    paired = CRITERION / "paired_progress_saves.json"
    if paired.exists():
        p = json.loads(paired.read_text())
        floor = p["medians"]["fsync_floor"]
        for case, t in p["medians"].items():
            if case.startswith("save_"):
                # A save with nothing new writes nothing, so it is below the floor.
                vs_floor = f"floor + {fmt(t - floor)}" if t >= floor else "no write: below the floor"
                row("5 progress", f"interleaved ({p['rounds']} rounds): {case}", f"{fmt(t)} ({vs_floor})",
                    "< 2 ms", t < 2e-3)
            else:
                row("5 progress", f"interleaved ({p['rounds']} rounds): {case}", fmt(t))

    for name in sorted(k for k in m if k.startswith("progress/")):
        if name.startswith("progress/save_"):
            row("5 progress", name, fmt(m[name]), "< 2 ms", m[name] < 2e-3)
        else:
            row("5 progress", name, fmt(m[name]))

    print("| target | criterion bench (median) | value | limit | pass |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
