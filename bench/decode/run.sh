#!/usr/bin/env bash
# Images decoded per second by size: Sello's QR reader (in-process, release build) against
# `zbarimg` (Debian's zbar-tools) on the same files, one core each, in the same run.
# Prints a Markdown table on stdout; progress and the missed files on stderr.
# Also ZXing-C++ (its Python binding, pinned in requirements.txt, in a venv) against Sello on
# the same gray pixels, decoding only.
# REPS (default 5) timed passes per class; CPU (default 0) is the core all are pinned to;
# CLASSES (default all) a space-separated subset of the classes below; ZBAR=0 skips zbarimg;
# VENV (default target/decode-bench-venv) where zxing-cpp is installed; BASELINE a
# decode_bench binary built from an earlier commit, timed (decode only) in the same loop.
# See bench/decode/README.md.
set -euo pipefail
ROOT=$(realpath "$(dirname "$0")/../..")
cd "$ROOT"
REPS=${REPS:-5}
OUT=${OUT:-target/decode-bench}
CORPUS=tests/corpus/zxing-qr

USE_ZBAR=${ZBAR:-1}
if [ "$USE_ZBAR" != 0 ]; then
  command -v zbarimg >/dev/null || { echo "zbarimg not found: apt-get install zbar-tools (or ZBAR=0)" >&2; exit 1; }
fi
VENV=${VENV:-target/decode-bench-venv}
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q -r bench/decode/requirements.txt
ZXINGCPP=("$VENV/bin/python" bench/decode/zxingcpp_bench.py)
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "${CPU:-0}"); fi
# zbarimg loads images with ImageMagick, which may start OpenMP threads: one, like Sello.
export MAGICK_THREAD_LIMIT=1 OMP_NUM_THREADS=1
# QR codes only (Sello reads nothing else), no D-Bus message per image.
ZBAR=(zbarimg -q --raw --nodbus -Sdisable -Sqrcode.enable)
# zbarimg's defaults: every symbology (EAN, Code 128, … and QR).
ZBAR_ALL=(zbarimg -q --raw --nodbus)

nice -n 10 cargo build --release -q -p sello-verifier --example decode_bench --example decode_bench_images
SELLO=${CARGO_TARGET_DIR:-target}/release/examples/decode_bench
"${CARGO_TARGET_DIR:-target}"/release/examples/decode_bench_images "$OUT" >&2

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

now_ns() { date +%s%N; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }
fmt_ms() { awk -v ns="$1" -v n="$2" 'BEGIN {printf "%.2f", ns / n / 1e6}'; }
# Fastest–slowest of the repetitions, ms per image: spread FILE N.
spread() { sort -n "$1" | awk -v n="$2" 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f–%.2f", lo / n / 1e6, hi / n / 1e6}'; }
# "exact/n", and how many more gave some other text when there are any.
read_count() { if [ "$2" -gt "$1" ]; then echo "$1/$3 (+$(($2 - $1)) other text)"; else echo "$1/$3"; fi; }
fmt_rate() { awk -v ns="$1" -v n="$2" 'BEGIN {printf "%.1f", n / (ns / 1e9)}'; }

# One zbarimg process over all the files; prints the wall time in ns. Exit status 4 means
# "no code in some image", which is a result, not an error.
zbar_pass() {
  local t0 t1 rc=0
  t0=$(now_ns)
  "${PIN[@]}" "$@" >"$TMP/batch.out" 2>/dev/null || rc=$?
  t1=$(now_ns)
  [ "$rc" = 0 ] || [ "$rc" = 4 ] || { echo "zbarimg failed ($rc)" >&2; exit 1; }
  echo $((t1 - t0))
}

# One zbarimg process per file: counts the files whose expected text is among the texts
# printed (one per line) and collects the wall time of each invocation.
zbar_each() {
  local f out exp t0 t1 ok=0 any=0
  : >"$TMP/each.ns"
  : >"$TMP/each.out"
  for f in "${FILES[@]}"; do
    t0=$(now_ns)
    "${PIN[@]}" "${ZBAR[@]}" "$f" >"$TMP/one.out" 2>/dev/null || true
    t1=$(now_ns)
    echo $((t1 - t0)) >>"$TMP/each.ns"
    cat "$TMP/one.out" >>"$TMP/each.out"
    [ -s "$TMP/one.out" ] && any=$((any + 1))
    out=$(cat "$TMP/one.out"; echo x); out=${out%x}
    exp=$(cat "${f%.*}.txt"; echo x); exp=${exp%x}
    case $'\n'"$out" in
      *$'\n'"$exp"$'\n'*) ok=$((ok + 1)) ;;
      *) echo "zbar missed $f" >&2 ;;
    esac
  done
  echo "$ok $any"
}

echo "| images | n | Sello ms/image | Sello images/s | Sello read | zbar ms/image | zbar images/s | zbar read | Sello speed ÷ zbar | zbar, all symbologies, ms/image | zbar, one process per image, median ms | Sello decode only, ms/image | zxing-cpp decode only, ms/image | zxing-cpp read | Sello speed ÷ zxing-cpp | baseline decode only, ms/image | baseline read |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for class in ${CLASSES:-issued-png-388 png-400 png-1000 jpeg-1600x1200 jpeg-4000x3000 jpeg-phone zxing-corpus}; do
  if [ "$class" = zxing-corpus ]; then
    mapfile -t FILES < <(ls "$CORPUS"/qrcode-*/*.png | sort -V)
    label="ZXing phone photos (240×240 to 640×480 PNG)"
  else
    mapfile -t FILES < <(ls "$OUT/$class"/*.png "$OUT/$class"/*.jpg 2>/dev/null | sort)
    label=$class
  fi
  n=${#FILES[@]}
  echo "== $class: $n files" >&2

  if [ "$USE_ZBAR" != 0 ]; then
    read -r z_ok z_any < <(zbar_each)
    one_ms=$(median <"$TMP/each.ns" | awk '{printf "%.1f", $1 / 1e6}')
    zbar_pass "${ZBAR[@]}" "${FILES[@]}" >/dev/null # warm-up
    # The batch run must print what the per-file runs printed, in order.
    cmp -s "$TMP/batch.out" "$TMP/each.out" || echo "warning: batch and per-file zbarimg output differ" >&2
  fi
  # The gray pixels Sello decodes, as PGM files for zxing-cpp: both get the same pixels.
  rm -rf "$TMP/pgm"
  "$SELLO" --reps 1 --pgm "$TMP/pgm" "${FILES[@]}" >/dev/null 2>&1
  PGMS=("$TMP"/pgm/*.pgm)

  # Repetitions interleaved (Sello, zbar QR only, zbar all symbologies), so that load from
  # elsewhere on the machine falls on all three alike. Each Sello run decodes every file once
  # untimed (the count of correct reads, warm caches), then once timed.
  # Then Sello on gray pixels and zxing-cpp on the same pixels, decoding only.
  : >"$TMP/s.ns"; : >"$TMP/z.ns"; : >"$TMP/a.ns"; : >"$TMP/g.ns"; : >"$TMP/x.ns"; : >"$TMP/b.ns"
  for _ in $(seq "$REPS"); do
    sello=$("${PIN[@]}" "$SELLO" --reps 1 "${FILES[@]}" 2>"$TMP/sello.err")
    echo "$sello" | field median_pass_s | awk '{printf "%.0f\n", $1 * 1e9}' >>"$TMP/s.ns"
    if [ "$USE_ZBAR" != 0 ]; then
      zbar_pass "${ZBAR[@]}" "${FILES[@]}" >>"$TMP/z.ns"
      zbar_pass "${ZBAR_ALL[@]}" "${FILES[@]}" >>"$TMP/a.ns"
    fi
    "${PIN[@]}" "$SELLO" --reps 1 --gray "${FILES[@]}" 2>/dev/null | field median_pass_s | awk '{printf "%.0f\n", $1 * 1e9}' >>"$TMP/g.ns"
    zx=$("${PIN[@]}" "${ZXINGCPP[@]}" --reps 1 "${PGMS[@]}" 2>"$TMP/zx.err")
    echo "$zx" | field median_pass_s | awk '{printf "%.0f\n", $1 * 1e9}' >>"$TMP/x.ns"
    if [ -n "${BASELINE:-}" ]; then
      base=$("${PIN[@]}" "$BASELINE" --reps 1 --gray "${FILES[@]}" 2>/dev/null)
      echo "$base" | field median_pass_s | awk '{printf "%.0f\n", $1 * 1e9}' >>"$TMP/b.ns"
    fi
  done
  cat "$TMP/zx.err" >&2
  cat "$TMP/sello.err" >&2
  s_ok=$(echo "$sello" | field correct)
  s_any=$(echo "$sello" | field found)
  x_ok=$(echo "$zx" | field correct)
  x_any=$(echo "$zx" | field found)
  s_ns=$(median <"$TMP/s.ns"); g_ns=$(median <"$TMP/g.ns"); x_ns=$(median <"$TMP/x.ns")
  echo "   Sello ms/image $(spread "$TMP/s.ns" "$n"), decode only $(spread "$TMP/g.ns" "$n"), zxing-cpp $(spread "$TMP/x.ns" "$n")" >&2
  xratio=$(awk -v s="$g_ns" -v x="$x_ns" 'BEGIN {printf "%.2f×", x / s}')
  zcols="– | – | – | – | – | –"
  if [ "$USE_ZBAR" != 0 ]; then
    z_ns=$(median <"$TMP/z.ns"); a_ns=$(median <"$TMP/a.ns")
    echo "   zbar $(spread "$TMP/z.ns" "$n"), zbar all symbologies $(spread "$TMP/a.ns" "$n")" >&2
    ratio=$(awk -v s="$s_ns" -v z="$z_ns" 'BEGIN {printf "%.1f×", z / s}')
    zcols="$(fmt_ms "$z_ns" "$n") | $(fmt_rate "$z_ns" "$n") | $(read_count "$z_ok" "$z_any" "$n") | $ratio | $(fmt_ms "$a_ns" "$n") | $one_ms"
  fi
  bcols="– | –"
  if [ -n "${BASELINE:-}" ]; then
    bcols="$(fmt_ms "$(median <"$TMP/b.ns")" "$n") | $(read_count "$(echo "$base" | field correct)" "$(echo "$base" | field found)" "$n")"
  fi
  echo "| $label | $n | $(fmt_ms "$s_ns" "$n") | $(fmt_rate "$s_ns" "$n") | $(read_count "$s_ok" "$s_any" "$n") | $zcols | $(fmt_ms "$g_ns" "$n") | $(fmt_ms "$x_ns" "$n") | $(read_count "$x_ok" "$x_any" "$n") | $xratio | $bcols |"
done

echo
echo "zxing-cpp $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("zxing-cpp"))'), $("$VENV/bin/python" --version);"
[ "$USE_ZBAR" = 0 ] || echo "zbarimg $(zbarimg --version) ($(dpkg-query -W -f='${Version}' zbar-tools 2>/dev/null || echo '?'))," \
  "ImageMagick $(dpkg-query -W -f='${Version}' 'libmagickcore-6.q16-6' 2>/dev/null || echo '?');"
echo "rxing $(grep -A1 '^name = "rxing"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p');" \
  "$(rustc --version); $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p'), $(nproc --all) cores;" \
  "pinned: ${PIN[*]:-no}; $REPS timed passes per class, median; load average $(cut -d' ' -f1-3 /proc/loadavg)"
