#!/usr/bin/env bash
# The failure frontier of docs/DECODING.md ("The failure frontier"), reproduced.
#
#   bench/frontier/run.sh [SELLO_BIN]
#
# 1. issues 2 certificates of the real shape (long accented names, CURP, a department, the
#    verification URL) with `sello issue --batch … --formats pdf,png` and rasterises each PDF
#    with pdftoppm (poppler-utils) at 150, 200 and 300 dpi, in gray;
# 2. the `frontier` example crops each page to its code with one code side of margin, degrades
#    it one way at a time (resolution, blur, motion, tilt, crumple, glare, ink, fading), mild
#    to severe, and decodes every image with Sello's pipeline;
# 3. zxingcpp_frontier.py decodes the same files with ZXing-C++ (pinned in requirements.txt,
#    in a venv) and prints the table on stdout.
# Environment: OUT (default target/frontier), VENV (default target/frontier-venv).
# About 10 minutes on the project's shared 2-core machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$repo/target}"
SELLO="${1:-${SELLO_BIN:-$TARGET/debug/sello}}"
OUT="${OUT:-$repo/target/frontier}"
VENV="${VENV:-$repo/target/frontier-venv}"
command -v pdftoppm >/dev/null || { echo "needs pdftoppm: apt-get install -y poppler-utils" >&2; exit 1; }
[ -x "$SELLO" ] || { echo "no sello binary at $SELLO (cargo build -p sello-cli)" >&2; exit 1; }
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q -r "$here/requirements.txt"
(cd "$repo" && nice -n 10 cargo build --release -q -p sello-verifier --example frontier)
rm -rf "$OUT" && mkdir -p "$OUT"
export SELLO_PASSPHRASE='bench-Frontier#4kR8-pW2x-Qa7N-papel' LANG=es_MX.UTF-8
"$SELLO" keygen --dir "$OUT/issuer" --id mx.cecati149 --name 'CECATI 149' \
  --url 'https://verifica.cecati149.edu.mx/v' >/dev/null
cat > "$OUT/roster.csv" <<'CSV'
nombre,curp,attr.departamento
José Luis Martínez Ramírez de la Peña,MARL790101HDFRMS02,Subdirección de Trámites y Servicios
Guadalupe Ramírez Téllez Girón,RATG700430MDFMLD06,Jefatura de Recursos Humanos
CSV
"$SELLO" issue --dir "$OUT/issuer" --batch "$OUT/roster.csv" --out "$OUT/batch" \
  --code EC0105 --title 'Atención al ciudadano en el sector público' --unit 'CECATI 149' \
  --formats pdf,png >/dev/null
pages=()
for pdf in "$OUT"/batch/*.pdf; do
  stem="$(basename "$pdf" .pdf)"
  for dpi in 150 200 300; do
    pdftoppm -r "$dpi" -gray -png -singlefile "$pdf" "$OUT/$stem-${dpi}dpi"
    "$SELLO" scan "$OUT/batch/$stem.png" | tr -d '\n' > "$OUT/$stem-${dpi}dpi.txt"
    pages+=("$OUT/$stem-${dpi}dpi.png")
  done
done
"$TARGET/release/examples/frontier" "$OUT/images" "${pages[@]}" > "$OUT/lines.tsv"
"$VENV/bin/python" "$here/zxingcpp_frontier.py" "$OUT/lines.tsv" 2> "$OUT/per-image.txt"
echo "per image: $OUT/per-image.txt" >&2
