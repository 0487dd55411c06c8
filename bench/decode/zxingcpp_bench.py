#!/usr/bin/env python3
"""Times ZXing-C++ (its Python binding, `zxingcpp.read_barcodes`) on 8-bit gray PGM files,
single-threaded, for bench/decode/run.sh; the counterpart of `decode_bench --gray`.

    zxingcpp_bench.py [--reps N] FILE.pgm...

Every PGM is read into a numpy array (height x width, uint8) before anything is timed, with
its expected text from the `.txt` beside it. One untimed pass counts the images read
correctly (the exact expected text is among the texts returned) and warms the caches; then N
timed passes (default 5). Only the `read_barcodes` calls are timed (`time.perf_counter_ns`
around each call, summed per pass): no file reading, no array building. Options: QR codes
only, `text_mode=Plain` (the bytes as the code holds them, like Sello; the default HRI
rewrites some texts), everything else ZXing-C++'s default (try harder, rotate, invert,
downscale). Prints one line of key=value pairs like decode_bench; missed files on stderr.
"""
import sys
import time

import numpy as np
import zxingcpp


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # "P5\n<w> <h>\n255\n" as decode_bench --pgm writes it.
    magic, dims, maxval, pixels = data.split(b"\n", 3)
    if magic != b"P5" or maxval != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PGM")
    w, h = (int(v) for v in dims.split())
    return np.frombuffer(pixels, dtype=np.uint8, count=w * h).reshape(h, w)


def decode(img):
    return zxingcpp.read_barcodes(
        img, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=zxingcpp.TextMode.Plain
    )


def main(argv):
    reps, paths = 5, []
    args = iter(argv)
    for a in args:
        if a == "--reps":
            reps = int(next(args))
        else:
            paths.append(a)
    if not paths or reps < 1:
        print("usage: zxingcpp_bench.py [--reps N] FILE.pgm...", file=sys.stderr)
        return 2
    images = []
    for p in paths:
        with open(p[: -len(".pgm")] + ".txt", encoding="utf-8", newline="") as f:
            images.append((p, read_pgm(p), f.read()))
    correct = found = 0
    for p, img, expected in images:
        texts = [b.text for b in decode(img)]
        found += bool(texts)
        if expected in texts:
            correct += 1
        else:
            print(f"zxing-cpp missed {p} (found {len(texts)} codes)", file=sys.stderr)
    passes = []
    for _ in range(reps):
        total = 0
        for _, img, _ in images:
            t0 = time.perf_counter_ns()
            decode(img)
            total += time.perf_counter_ns() - t0
        passes.append(total / 1e9)
    passes.sort()
    median = passes[len(passes) // 2]
    n = len(images)
    print(
        f"files={n} correct={correct} found={found} reps={reps} median_pass_s={median:.6f} "
        f"min_pass_s={passes[0]:.6f} max_pass_s={passes[-1]:.6f} "
        f"ms_per_image={median * 1000 / n:.2f} images_per_s={n / median:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
