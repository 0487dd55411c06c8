#!/usr/bin/env bash
# Interoperability tests: Sello tokens and key sets against standard JOSE libraries.
#
#   tests/interop/run.sh [PATH_TO_SELLO]
#
# PATH_TO_SELLO defaults to target/debug/sello under the repository root; when it is not given,
# `cargo build -p sello-cli` runs first (niced) so the default binary is current. Needs Python
# >= 3.11, Node >= 20 and npm, and access to PyPI and the npm registry. Creates a venv under
# target/interop/, installs tests/interop/requirements.txt, runs pytest, then `npm ci` and
# `node --test` in tests/interop. Any failure stops the run with a non-zero exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
start=$SECONDS

step() { printf '\n==> interop: %s\n' "$*"; }
die() { printf '\ninterop: %s\n' "$*" >&2; exit 1; }
work=""
on_exit() {
    local rc=$?
    if [ -n "$work" ]; then rm -rf "$work"; fi
    if [ "$rc" -ne 0 ]; then
        printf '\ninterop: FAILED (exit %s after %ss)\n' "$rc" "$((SECONDS - start))" >&2
    fi
    return "$rc"
}
trap on_exit EXIT

# --- the sello binary ---------------------------------------------------------------------------
if [ "$#" -ge 1 ]; then
    bin="$1"
else
    bin="$repo/target/debug/sello"
    step "building sello-cli"
    (cd "$repo" && nice -n 10 cargo build --quiet -p sello-cli)
fi
[ -f "$bin" ] && [ -x "$bin" ] || die "no executable sello binary at '$bin' (build it with: cargo build -p sello-cli)"
SELLO_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export SELLO_BIN
"$SELLO_BIN" --version

# --- toolchains ---------------------------------------------------------------------------------
python="${PYTHON:-}"
if [ -z "$python" ]; then
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
    done
fi
[ -n "$python" ] || die "no Python found (need Python >= 3.11; set PYTHON to choose one)"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
    || die "$("$python" --version 2>&1) is too old: need Python >= 3.11 (set PYTHON)"
command -v node >/dev/null 2>&1 || die "node not found (need Node >= 20)"
command -v npm >/dev/null 2>&1 || die "npm not found"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
    || die "node $(node --version) is too old: need Node >= 20"
echo "python: $("$python" --version 2>&1) ($(command -v "$python")), node: $(node --version), npm: $(npm --version 2>/dev/null)"

# Temporary files of both test suites (issuer folders, key sets) go under one folder, removed at
# the end.
work="$(mktemp -d "${TMPDIR:-/tmp}/sello-interop.XXXXXX")"
export TMPDIR="$work"
export PYTHONDONTWRITEBYTECODE=1

# --- Python: joserfc, PyJWT ---------------------------------------------------------------------
venv="$repo/target/interop/venv"
step "Python venv in $venv"
mkdir -p "$repo/target/interop"
"$python" -m venv --clear "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    -r "$here/requirements.txt"
"$venv/bin/python" -m pip freeze --disable-pip-version-check

step "pytest"
(cd "$repo" && "$venv/bin/python" -m pytest tests/interop)

# --- Node: jose ---------------------------------------------------------------------------------
step "npm ci"
(cd "$here" && npm ci --no-audit --no-fund)

step "node --test"
(cd "$here" && node --test)

printf '\ninterop: all passed in %ss\n' "$((SECONDS - start))"
