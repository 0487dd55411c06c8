#!/usr/bin/env python3
"""Adds ZXing-C++'s result to each line of the frontier example's output, then prints the
frontier table (Markdown) of docs/DECODING.md.

    zxingcpp_frontier.py LINES.tsv > table.md

Each line: page, px/module, modules, family, level, unit, file, Sello read (0/1). The file
(8-bit gray PNG, read with Pillow: the same pixels Sello decoded) goes to
`zxingcpp.read_barcodes` (QR only, text_mode Plain, defaults otherwise); read = the exact
expected text (the `.txt` beside it) is among the texts returned. Per page resolution and
family: the last level read before the first level not read, for each decoder.
"""
import collections
import sys

import numpy as np
import zxingcpp
from PIL import Image


def zxing_reads(path):
    img = np.asarray(Image.open(path).convert("L"))
    with open(path[: -len(".png")] + ".txt", encoding="utf-8", newline="") as f:
        expected = f.read()
    found = zxingcpp.read_barcodes(
        img, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=zxingcpp.TextMode.Plain
    )
    return expected in [b.text for b in found]


def frontier(levels):
    """(last level read, first level not read) of a mild-to-severe sweep."""
    last = None
    for level, ok in levels:
        if not ok:
            return last, level
        last = level
    return last, None


def fmt(pair):
    last, first_fail = pair
    if first_fail is None:
        return f"all read (to {last:g})"
    if last is None:
        return f"none read (from {first_fail:g})"
    return f"{last:g} (fails at {first_fail:g})"


def main(path):
    rows = collections.OrderedDict()
    units = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            page, ppm, modules, family, level, unit, file, sello = line.rstrip("\n").split("\t")
            zx = zxing_reads(file)
            key = (ppm, modules, family)
            rows.setdefault(key, []).append((float(level), sello == "1", zx))
            units[family] = unit
            print(f"{page} {family} {level}: sello {sello} zxing-cpp {int(zx)}", file=sys.stderr)
    print("| page px/module (modules) | degradation | unit | Sello reads up to | zxing-cpp reads up to |")
    print("|---|---|---|---|---|")
    for (ppm, modules, family), levels in rows.items():
        s = frontier([(lv, ok) for lv, ok, _ in levels])
        z = frontier([(lv, ok) for lv, _, ok in levels])
        print(f"| {ppm} ({modules}) | {family} | {units[family]} | {fmt(s)} | {fmt(z)} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
