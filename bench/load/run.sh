#!/usr/bin/env bash
# Load on `sello serve` from localhost with wrk (Debian's package): token and image requests,
# then malformed ones; the server must stay up and answer correctly after. Release build needed.
set -euo pipefail
S=$(realpath "${SELLO_BIN:-$(dirname "$0")/../../target/release/sello}")
HERE=$(realpath "$(dirname "$0")")
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
export SELLO_PASSPHRASE='frase de carga larga'
$S keygen --dir iss --id mx.cecati149 --name "CECATI 149" --url http://127.0.0.1:18090/ >/dev/null
$S issue --dir iss --json --holder "María Guadalupe Hernández López" --holder-id HELG850312MDFRPD09 \
  --code EC0105 --title "Atención al ciudadano en el sector público" --unit "CECATI 149" --qr qr.png \
  | python3 -c "import json,sys; print(json.load(sys.stdin)['token'])" > token.txt
$S status publish --dir iss >/dev/null
$S serve --keys iss --status iss/status.jwt --addr 127.0.0.1:18090 2>server.log &
SERVER=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18090/healthz >/dev/null && break; sleep 0.1; done
D=${DURATION:-15s}
echo "== token requests (JSON), 2 threads, 32 connections, $D"
TOKEN_FILE=token.txt wrk -t2 -c32 -d"$D" --latency -s "$HERE/token.lua" http://127.0.0.1:18090/
echo "== image requests (PNG $(stat -c %s qr.png) bytes, 388x388-class QR), 2 threads, 8 connections, $D"
IMAGE_FILE=qr.png wrk -t2 -c8 -d"$D" --latency -s "$HERE/image.lua" http://127.0.0.1:18090/
echo "== malformed requests, 2 threads, 32 connections, $D"
wrk -t2 -c32 -d"$D" -s "$HERE/malformed.lua" http://127.0.0.1:18090/
echo "== still up and correct"
curl -sf http://127.0.0.1:18090/healthz
curl -sf -H 'content-type: application/json' -d "{\"token\":\"$(cat token.txt)\"}" http://127.0.0.1:18090/api/verify \
  | python3 -c "import json,sys; r=json.load(sys.stdin); print(r['verdict']); assert r['verdict']=='valid'"
grep -c "$(head -c 40 token.txt)" server.log && { echo "token found in the log"; exit 1; } || echo "no token in the server log ($(wc -l < server.log) lines)"
