#!/usr/bin/env bash
# The decoder candidates' table of docs/DECODING.md, reproduced.
#
#   bench/decoders/run.sh [SELLO_BIN]
#
# 1. installs the candidates at the versions pinned in package-lock.json (npm ci: the registry's
#    tarballs, checked against the lockfile's integrity hashes);
# 2. issues 8 certificates of the real shape (long accented names, CURP, a department, the
#    verification URL) with `sello issue --batch … --formats pdf,png`, and rasterises each PDF
#    with pdftoppm (poppler-utils) at 150 and 300 dpi; each page image gets a .txt beside it with
#    the text its QR code holds (`sello scan` of the batch's own PNG);
# 3. runs bench.mjs on the ZXing photo corpus (/work/shared/corpus/zxing-qr, or $CORPUS) and on
#    both rasterisations. The table goes to stdout, the failures to $OUT/failures.txt.
#
# Environment: CORPUS (default /work/shared/corpus/zxing-qr), OUT (default target/decoder-bench),
# REPS (timed passes per image, default 3).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
SELLO="${1:-${SELLO_BIN:-$repo/target/debug/sello}}"
CORPUS="${CORPUS:-/work/shared/corpus/zxing-qr}"
OUT="${OUT:-$repo/target/decoder-bench}"
command -v pdftoppm >/dev/null || { echo "needs pdftoppm: apt-get install -y poppler-utils" >&2; exit 1; }
[ -x "$SELLO" ] || { echo "no sello binary at $SELLO (cargo build -p sello-cli)" >&2; exit 1; }

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2

rm -rf "$OUT" && mkdir -p "$OUT"
export SELLO_PASSPHRASE='bench-Decoders#7fQ2-xW9z-Lm4K-pantalla' LANG=es_MX.UTF-8
"$SELLO" keygen --dir "$OUT/issuer" --id mx.cecati149 --name 'CECATI 149' \
  --url 'https://verifica.cecati149.edu.mx/v' >/dev/null
cat > "$OUT/roster.csv" <<'CSV'
nombre,curp,attr.departamento
María Guadalupe Hernández López,HELG850312MDFRPD09,Dirección de Atención Ciudadana
José Luis Martínez Ramírez de la Peña,MARL790101HDFRMS02,Subdirección de Trámites y Servicios
Ana Sofía Gutiérrez Ñúñez,GUNA920714MJCTXN05,Coordinación de Vinculación
Juan Pablo Sánchez Domínguez,SADJ880203HMCNMN08,Departamento de Capacitación
Verónica Itzel Pérez Ávila,PEAV950918MPLRVR01,Unidad de Transparencia
Francisco Javier Ordóñez Cruz,OOCF810527HVZRRR04,Oficialía Mayor
Guadalupe Ramírez Téllez Girón,RATG700430MDFMLD06,Jefatura de Recursos Humanos
Ángel Ramón Núñez Espinoza,NUEA990111HSLXSN03,Área de Atención al Público
CSV
"$SELLO" issue --dir "$OUT/issuer" --batch "$OUT/roster.csv" --out "$OUT/batch" \
  --code EC0105 --title 'Atención al ciudadano en el sector público' --unit 'CECATI 149' \
  --formats pdf,png >/dev/null
for dpi in 150 300; do
  mkdir -p "$OUT/pdf-$dpi"
  for pdf in "$OUT"/batch/*.pdf; do
    stem="$(basename "$pdf" .pdf)"
    png="$OUT/batch/$stem.png"
    pdftoppm -r "$dpi" -png -singlefile "$pdf" "$OUT/pdf-$dpi/$stem"
    "$SELLO" scan "$png" | tr -d '\n' > "$OUT/pdf-$dpi/$stem.txt"
  done
done

sets=()
for d in qrcode-1 qrcode-2 qrcode-3; do sets+=("zxing-$d=$CORPUS/$d"); done
sets+=("sello-pdf-150dpi=$OUT/pdf-150" "sello-pdf-300dpi=$OUT/pdf-300")
(cd "$here" && node bench.mjs "${sets[@]}") 2> "$OUT/failures.txt"
echo "failures: $OUT/failures.txt" >&2
