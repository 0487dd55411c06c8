#!/usr/bin/env bash
# The issue-3 acceptance run: 10,000 rows to tokens, QR PNG/SVG and PDFs with a progress bar,
# killed midway, resumed, every output verified, one revoked, keys rotated.
# Usage: bench/acceptance/issue_10k.sh   (after `cargo build --release -p sello-cli`)
#   N=rows (default 10000), KILL_AFTER=seconds (default 25), WORK=folder (default: a new temp dir)
# Needs `script` (util-linux) for the pseudo-terminal and python3 for the checks.
set -euo pipefail
S=$(realpath "${SELLO_BIN:-$(dirname "$0")/../../target/release/sello}")
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK" && cd "$WORK" && rm -rf iss out ./*.csv ./*.log ./*.jsonl
echo "working in $WORK"
export SELLO_PASSPHRASE='una frase larga para la prueba'

N=${N:-10000}
$S keygen --dir iss --id mx.cecati149 --name "CECATI 149" --url https://verifica.cecati149.example.mx/v
python3 - "$N" > roster.csv <<'PY'
import random, sys
random.seed(10000)
n = int(sys.argv[1])
first = ["María","José","Juan","Guadalupe","Francisco","Ana","Luis","Rosa","Carlos","Patricia","Miguel Ángel","Verónica","Jesús","Adriana","Alejandro","Leticia","Óscar","Gabriela","Raúl","Mónica"]
last = ["Hernández","García","Martínez","López","González","Pérez","Rodríguez","Sánchez","Ramírez","Cruz","Flores","Gómez","Morales","Vázquez","Jiménez","Reyes","Díaz","Torres","Gutiérrez","Ruiz","Núñez","Ávila"]
deps = ["Registro Civil","Tesorería Municipal","Protección Civil","Sistema DIF Municipal","Catastro","Obras Públicas","Desarrollo Urbano","Atención Ciudadana"]
print("nombre,curp,attr.dep,attr.lugar")
for i in range(n):
    name = f"{random.choice(first)} {random.choice(last)} {random.choice(last)}"
    curp = f"{''.join(random.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(4))}{random.randint(60,99)}{random.randint(1,12):02d}{random.randint(1,28):02d}{random.choice('HM')}MC{''.join(random.choice('BCDFGHJKLMNPQRSTVWXYZ') for _ in range(3))}0{random.randint(0,9)}"
    print(f"{name},{curp},{random.choice(deps)},Ciudad de México")
PY
ISSUE=("$S" issue --dir iss --batch roster.csv --out out --code EC0105 \
  --title "Atención al ciudadano en el sector público" --unit "CECATI 149" \
  --expires 2031-11-24 --formats png,svg,pdf --paper letter)
echo "== first run, under a terminal (progress bar), killed with SIGKILL after ${KILL_AFTER:-25} s"
start=$(date +%s.%N)
timeout -s KILL "${KILL_AFTER:-25}" script -qfec "$(printf '%q ' "${ISSUE[@]}")" tty1.log >/dev/null 2>&1 || true
sleep 1
before=$(python3 -c "import sqlite3;print(sqlite3.connect('iss/ledger.sqlite').execute('select count(*) from certificates').fetchone()[0])")
echo "killed with $before of $N in the ledger; $(ls out | grep -c '\.pdf$') PDFs on disk"
tr '\r' '\n' < tty1.log | grep -a "/$N" | tail -2 || true
echo "== second run, resumed (not a terminal: quiet)"
/usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" "${ISSUE[@]}"
end=$(date +%s.%N)
python3 - "$N" <<'PY'
import sqlite3, sys, os
n = int(sys.argv[1])
c = sqlite3.connect('iss/ledger.sqlite')
total, serials, rows, idx = c.execute('select count(*), count(distinct serial), count(distinct row_key), count(distinct status_idx) from certificates').fetchone()
print(f"ledger: {total} certificates, {serials} distinct serials, {rows} distinct rows, {idx} distinct status entries")
assert total == serials == rows == idx == n, "duplicates or missing rows"
files = os.listdir('out')
for ext in ('png','svg','pdf'):
    k = sum(f.endswith('.'+ext) for f in files)
    print(f"{ext}: {k}")
    assert k == n
PY
echo "== verify every PNG (status list published first)"
$S status publish --dir iss
ls out/*.png > pngs.txt
/usr/bin/time -f "%e s wall for $N PNGs" xargs -a pngs.txt $S verify --json --keys iss/jwks.json --status iss/status.jwt > verify.jsonl
python3 -c "
import json; v=[json.loads(l) for l in open('verify.jsonl')]
print(len(v), 'verified:', sum(x['verdict']=='valid' for x in v), 'valid')
assert len(v)==$N and all(x['verdict']=='valid' for x in v)"
echo "== revoke one, publish, verify"
serial=$(head -1 pngs.txt | xargs basename | sed 's/.png$//')
$S revoke --dir iss "$serial" --reason "prueba de revocación"
$S status publish --dir iss
$S verify --keys iss/jwks.json --status iss/status.jwt "out/$serial.png" && exit 1 || echo "exit $? (revoked)"
echo "== rotate keys, issue one more, old and new verify"
$S keys rotate --dir iss
$S issue --dir iss --holder "Nueva Persona" --code EC0105 --title "Atención al ciudadano en el sector público" --qr new.png >/dev/null
$S status publish --dir iss
second=$(sed -n 2p pngs.txt)
$S verify --keys iss/jwks.json --status iss/status.jwt "$second" new.png | grep -E "VÁLIDO|Llave"
python3 -c "print('elapsed issuing (both runs):', round($end - $start, 1), 's')"
