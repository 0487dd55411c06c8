#!/usr/bin/env python3
"""Hand-written Python baseline for Sello's issuing throughput.

What a competent team would write without Sello: `cryptography` for Ed25519,
`qrcode` + Pillow for one PNG per certificate. It builds the same token Sello
builds (protected header {"alg":"EdDSA","kid":...,"typ":"sello+jwt"}, compact
UTF-8 JSON claims, base64url without padding, Ed25519 over `header.payload`)
and puts "https://verifica.cecati149.example.mx/v#<token>" in a QR code
(error correction M, 4 px per module, quiet zone of 4 modules).

Three measurements, each repeated --runs times (median reported):
  a) tokens only (claims -> JSON -> base64url -> sign), single process
  b) token + QR + PNG written to disk, single process
  c) token + QR + PNG written to disk, multiprocessing.Pool over all cores

Usage:
  python issue_baseline.py --count 2000 [--out DIR] [--json results.json]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import multiprocessing as mp
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from importlib.metadata import version

import qrcode
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from qrcode.constants import ERROR_CORRECT_M

ISSUER = "mx.cecati149"
ISSUER_NAME = "CECATI 149"
VERIFY_URL = "https://verifica.cecati149.example.mx/v"
IAT = 1795478400  # 2026-11-24T00:00:00Z
EXP = 1953244800  # 2031-11-23T00:00:00Z


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def compact_json(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def public_x(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return b64url(raw)


def kid_for(public_key: Ed25519PublicKey) -> str:
    """Sello's kid: first 8 bytes of the RFC 7638 SHA-256 thumbprint, base64url."""
    canonical = '{"crv":"Ed25519","kty":"OKP","x":"%s"}' % public_x(public_key)
    return b64url(hashlib.sha256(canonical.encode("ascii")).digest()[:8])


def serial_for(i: int) -> str:
    return f"C149-2026-{i:06d}"


def claims_for(serial: str) -> dict:
    return {
        "iss": ISSUER,
        "jti": serial,
        "iat": IAT,
        "exp": EXP,
        "cert": {
            "h": {"n": "María Guadalupe Hernández López", "id": "HELG850312MDFRPD09"},
            "a": {"c": "EC0105", "t": "Atención al ciudadano en el sector público"},
            "u": "CECATI 149",
            "x": {"dep": "Registro Civil"},
        },
    }


def make_token(key: Ed25519PrivateKey, kid: str, serial: str) -> str:
    header = b64url(compact_json({"alg": "EdDSA", "kid": kid, "typ": "sello+jwt"}))
    payload = b64url(compact_json(claims_for(serial)))
    signing_input = f"{header}.{payload}".encode("ascii")
    return f"{header}.{payload}.{b64url(key.sign(signing_input))}"


def write_qr_png(content: str, path: str) -> None:
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=4, border=4)
    qr.add_data(content)
    qr.make(fit=True)
    qr.make_image().save(path)


def issue_one(key: Ed25519PrivateKey, kid: str, i: int, out_dir: str) -> str:
    serial = serial_for(i)
    token = make_token(key, kid, serial)
    write_qr_png(f"{VERIFY_URL}#{token}", os.path.join(out_dir, f"{serial}.png"))
    return token


# --- multiprocessing: each worker rebuilds the key once from its raw bytes ---------------

_worker_state: dict = {}


def _worker_init(raw_key: bytes, kid: str, out_dir: str) -> None:
    _worker_state["key"] = Ed25519PrivateKey.from_private_bytes(raw_key)
    _worker_state["kid"] = kid
    _worker_state["out"] = out_dir


def _worker_issue(i: int) -> None:
    issue_one(_worker_state["key"], _worker_state["kid"], i, _worker_state["out"])


# --- measurements ------------------------------------------------------------------------


def bench_tokens(key, kid, count: int) -> float:
    start = time.perf_counter()
    for i in range(count):
        make_token(key, kid, serial_for(i))
    return time.perf_counter() - start


def bench_png_single(key, kid, count: int, out_dir: str) -> float:
    start = time.perf_counter()
    for i in range(count):
        issue_one(key, kid, i, out_dir)
    return time.perf_counter() - start


def bench_png_pool(key, kid, count: int, out_dir: str, workers: int) -> float:
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    # Timed from pool start to the last file written: the pool's start-up is part of the job.
    start = time.perf_counter()
    with mp.Pool(workers, initializer=_worker_init, initargs=(raw, kid, out_dir)) as pool:
        for _ in pool.imap_unordered(_worker_issue, range(count), chunksize=32):
            pass
    return time.perf_counter() - start


def check_token(token: str, public_key: Ed25519PublicKey, kid: str, serial: str) -> None:
    """Decode one produced token back and check it, so the numbers are for correct output."""
    header_b64, payload_b64, sig_b64 = token.split(".")
    header = json.loads(b64url_decode(header_b64))
    payload = json.loads(b64url_decode(payload_b64).decode("utf-8"))
    assert header == {"alg": "EdDSA", "kid": kid, "typ": "sello+jwt"}, header
    assert payload == claims_for(serial), payload
    assert b64url_decode(payload_b64) == compact_json(claims_for(serial))
    try:
        public_key.verify(b64url_decode(sig_b64), f"{header_b64}.{payload_b64}".encode("ascii"))
    except InvalidSignature:
        raise SystemExit("self-check failed: the signature does not verify")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="certificates per run (2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; median (3)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for (c) (all cores)")
    parser.add_argument("--out", help="folder for the PNGs (default: a temporary folder, removed)")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON to FILE")
    parser.add_argument("--jwks", metavar="FILE",
                        help="write the public key as a Sello key set to FILE")
    parser.add_argument("--token", metavar="FILE", help="write the first certificate's token")
    args = parser.parse_args()
    if args.count < 1 or args.runs < 1 or args.workers < 1:
        parser.error("--count, --runs and --workers must be at least 1")

    key = Ed25519PrivateKey.generate()
    public_key = key.public_key()
    kid = kid_for(public_key)

    out_dir = args.out or tempfile.mkdtemp(prefix="sello-baseline-")
    os.makedirs(out_dir, exist_ok=True)

    first = make_token(key, kid, serial_for(0))
    check_token(first, public_key, kid, serial_for(0))
    if args.token:
        with open(args.token, "w", encoding="ascii") as f:
            f.write(first + "\n")
    if args.jwks:
        doc = {
            "issuer": ISSUER,
            "issuer_name": ISSUER_NAME,
            "keys": [{"kty": "OKP", "crv": "Ed25519", "x": public_x(public_key), "kid": kid}],
        }
        with open(args.jwks, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)

    # Warm-up: imports, first-call costs, the output folder's first files.
    bench_png_single(key, kid, min(20, args.count), out_dir)

    modes = [
        ("a", "token only (sign + encode), 1 process",
         lambda: bench_tokens(key, kid, args.count)),
        ("b", "token + PNG written, 1 process",
         lambda: bench_png_single(key, kid, args.count, out_dir)),
        ("c", f"token + PNG written, {args.workers} processes",
         lambda: bench_png_pool(key, kid, args.count, out_dir, args.workers)),
    ]
    results = []
    try:
        for name, label, run in modes:
            seconds = [run() for _ in range(args.runs)]
            rates = [args.count / s for s in seconds]
            results.append({
                "mode": name,
                "label": label,
                "count": args.count,
                "seconds": [round(s, 4) for s in seconds],
                "certs_per_s": [round(r, 1) for r in rates],
                "median_certs_per_s": round(statistics.median(rates), 1),
            })
        pngs = sorted(p for p in os.listdir(out_dir) if p.endswith(".png"))
        sample = os.path.join(out_dir, pngs[0])
        png_bytes = os.path.getsize(sample)
        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=4, border=4)
        qr.add_data(f"{VERIFY_URL}#{first}")
        qr.make(fit=True)
        qr_version = qr.version
    finally:
        if not args.out:
            shutil.rmtree(out_dir, ignore_errors=True)

    report = {
        "python": platform.python_version(),
        "versions": {p: version(p) for p in ("cryptography", "qrcode", "pillow")},
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "runs": args.runs,
        "token_chars": len(first),
        "qr_content_chars": len(VERIFY_URL) + 1 + len(first),
        "qr_version": qr_version,
        "png_bytes_first": png_bytes,
        "results": results,
    }

    vers = ", ".join(f"{p} {v}" for p, v in report["versions"].items())
    print(f"Python {report['python']}; {vers}; {report['cpus']} CPUs")
    print(f"{args.count} certificates x {args.runs} runs; token {len(first)} chars, "
          f"QR version {qr_version} (M), PNG {png_bytes} bytes")
    print(f"{'':2} {'measurement':40} {'median certs/s':>15}  runs")
    for r in results:
        runs = " ".join(f"{x:.0f}" for x in r["certs_per_s"])
        print(f"{r['mode']:2} {r['label']:40} {r['median_certs_per_s']:>15.1f}  {runs}")
    if args.out:
        print(f"PNGs in {out_dir}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
