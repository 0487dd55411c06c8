"""Shared helpers for the Python interoperability tests: running the `sello` binary, base64url,
Sello key ids, and Sello key sets for keys the tests generate themselves.

The binary comes from the SELLO_BIN environment variable (tests/interop/run.sh sets it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import subprocess
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jwt as jrfc_jwt
from joserfc.errors import SecurityWarning
from joserfc.jwk import OKPKey

# Passphrase for the throwaway issuer folders the tests create (never a real key).
PASSPHRASE = "interop-test-passphrase"
# Issuer id of the folder `sello keygen` makes for the tests.
ISSUER_ID = "mx.interop-py"


def sello_bin() -> str:
    """The `sello` binary under test, from SELLO_BIN; fails loudly when missing."""
    path = os.environ.get("SELLO_BIN")
    if not path:
        raise RuntimeError(
            "SELLO_BIN is not set: point it at the sello binary "
            "(tests/interop/run.sh does this; e.g. SELLO_BIN=$PWD/target/debug/sello)"
        )
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise RuntimeError(f"SELLO_BIN={path!r} is not an executable file")
    return path


def run_sello(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Runs `sello ARGS...` with the test passphrase; with check, fails on a non-zero exit."""
    env = dict(os.environ, SELLO_PASSPHRASE=PASSPHRASE, LC_ALL="en_US.UTF-8", LANG="en_US.UTF-8")
    proc = subprocess.run(
        [sello_bin(), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"sello {' '.join(args)} exited {proc.returncode}\n"
            f"stdout: {proc.stdout}\nstderr: {proc.stderr}"
        )
    return proc


@dataclass
class VerifyResult:
    """What `sello verify --json` said about one token."""

    returncode: int
    report: dict | None
    stdout: str
    stderr: str

    @property
    def verdict(self):
        return self.report and self.report.get("verdict")

    @property
    def reason(self):
        return self.report and self.report.get("reason")


def sello_verify(jwks_path: Path, token: str) -> VerifyResult:
    """`sello verify --keys JWKS [--status status.jwt] --json TOKEN`: the exit status and the one
    JSON line. The issuer's status list is passed when it sits beside the key set."""
    status = Path(jwks_path).parent / "status.jwt"
    extra = ["--status", str(status)] if status.exists() else []
    proc = run_sello("verify", "--keys", str(jwks_path), *extra, "--json", token, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    report = json.loads(lines[0]) if len(lines) == 1 else None
    return VerifyResult(proc.returncode, report, proc.stdout, proc.stderr)


def b64u(data: bytes) -> str:
    """Unpadded base64url (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def rfc7638_thumbprint(x: str) -> bytes:
    """SHA-256 RFC 7638 thumbprint of an Ed25519 JWK: required members, sorted, no whitespace."""
    canonical = json.dumps(
        {"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"), sort_keys=True
    )
    assert canonical == '{"crv":"Ed25519","kty":"OKP","x":"%s"}' % x
    return hashlib.sha256(canonical.encode("ascii")).digest()


def sello_kid(x: str) -> str:
    """The Sello kid: base64url of the first 8 bytes of the RFC 7638 thumbprint (11 chars)."""
    return b64u(rfc7638_thumbprint(x)[:8])


def segment_json(token: str, index: int) -> dict:
    """Decodes one JSON segment (0 header, 1 payload) of a compact JWS without verifying it."""
    return json.loads(b64u_decode(token.split(".")[index]))


@dataclass
class ExternalIssuer:
    """An issuer whose Ed25519 key the test generated itself, with its Sello JWKS on disk."""

    issuer: str
    private_jwk: dict  # {"kty","crv","x","d"}: RFC 8037 private key
    public_jwk: dict  # as published in the Sello JWKS
    kid: str
    jwks_path: Path


def make_external_issuer(folder: Path, issuer: str, name: str) -> ExternalIssuer:
    """Generates an Ed25519 key with `cryptography` and writes a Sello JWKS for it."""
    private = Ed25519PrivateKey.generate()
    d = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    x_bytes = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    x = b64u(x_bytes)
    kid = sello_kid(x)
    public_jwk = {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": x,
        "kid": kid,
        "alg": "EdDSA",
        "use": "sig",
    }
    folder.mkdir(parents=True, exist_ok=True)
    jwks_path = folder / "jwks.json"
    write_jwks(jwks_path, {"issuer": issuer, "issuer_name": name, "keys": [public_jwk]})
    return ExternalIssuer(
        issuer=issuer,
        private_jwk={"kty": "OKP", "crv": "Ed25519", "x": x, "d": b64u(d)},
        public_jwk=public_jwk,
        kid=kid,
        jwks_path=jwks_path,
    )


def write_jwks(path: Path, doc: dict) -> Path:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def sello_header(kid: str, alg: str = "EdDSA") -> dict:
    return {"alg": alg, "kid": kid, "typ": "sello+jwt"}


def sello_claims(issuer: str, serial: str, **extra) -> dict:
    """Valid Sello claims, issued now, with every optional certificate field filled in."""
    now = int(time.time())
    claims = {
        "iss": issuer,
        "jti": serial,
        "iat": now,
        "nbf": now,
        "exp": now + 365 * 24 * 3600,
        "cert": {
            "h": {"n": "José Ñúñez Çedillo", "id": "NUCJ800101HDFXXX09"},
            "a": {"c": "EC0217", "t": "Impartición de cursos de formación", "l": "3"},
            "u": "CECATI 149",
            "x": {"horas": "40", "modalidad": "presencial"},
        },
    }
    claims.update(extra)
    return claims


def joserfc_sign(header: dict, claims: dict, key, alg: str) -> str:
    with warnings.catch_warnings():
        # "EdDSA is deprecated via RFC 9864": expected, Sello uses the RFC 8037 name.
        warnings.simplefilter("ignore", SecurityWarning)
        return jrfc_jwt.encode(header, claims, key, algorithms=[alg])


def signed(ext, alg: str = "EdDSA", key=None, header=None, **claims_extra) -> str:
    key = key or OKPKey.import_key(ext.private_jwk)
    header = header or sello_header(ext.kid, alg)
    claims = sello_claims(ext.issuer, f"JRFC-{secrets.token_hex(4).upper()}", **claims_extra)
    return joserfc_sign(header, claims, key, alg)
