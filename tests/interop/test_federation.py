"""A federation's documents are standard JOSE: the trust bundle `sello federation publish`
writes is a compact JWS that joserfc verifies with the registry key of the root document, and
the root document is a JWS in the general JSON serialization that joserfc verifies with each
of its root keys. A changed byte fails both."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import OKPKey

from sello_interop import ISSUER_ID, b64u_decode, run_sello, sello_bin

ROOT_PASSPHRASES = ["primera frase raíz larga", "segunda frase raíz larga", "tercera frase raíz larga"]


def run_registry(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SELLO_PASSPHRASE="frase del registro larga", LC_ALL="en_US.UTF-8", LANG="en_US.UTF-8")
    for i, p in enumerate(ROOT_PASSPHRASES, start=1):
        env[f"SELLO_ROOT_PASSPHRASE_{i}"] = p
    proc = subprocess.run([sello_bin(), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"sello {' '.join(args)}: {proc.stdout}{proc.stderr}"
    return proc


@pytest.fixture(scope="session")
def federation(tmp_path_factory, sello_issuer, issued) -> Path:
    """A registry made by `sello federation init`, accrediting the interop issuer, and its
    published bundle; returns the folder holding `conocer/` and `trust.jwt`."""
    here = tmp_path_factory.mktemp("federation")
    run_registry("federation", "init", "--dir", "conocer", "--id", "mx.conocer", "--name", "CONOCER",
                 "--root-keys", "3", "--threshold", "2", cwd=here)
    run_registry("federation", "accredit", "--dir", "conocer", "--keys", str(sello_issuer / "jwks.json"),
                 "--standards", "EC0105,EC0217", "--from", "2026-01-01", cwd=here)
    status = here / "status"
    status.mkdir()
    (status / "interop.jwt").write_bytes((sello_issuer / "status.jwt").read_bytes())
    run_registry("federation", "publish", "--dir", "conocer", "--status", str(status), "--out", "trust.jwt", cwd=here)
    return here


def root_payload(root: dict) -> dict:
    return json.loads(b64u_decode(root["payload"]))


def test_joserfc_verifies_the_bundle_with_the_registry_key(federation):
    root = json.loads((federation / "conocer" / "root.json").read_text(encoding="utf-8"))
    bundle = (federation / "trust.jwt").read_text(encoding="utf-8").strip()
    header = json.loads(b64u_decode(bundle.split(".")[0]))
    assert header["typ"] == "sello-trust+jwt" and header["alg"] == "EdDSA"
    registry = [k for k in root_payload(root)["registry_keys"] if k["kid"] == header["kid"]]
    assert len(registry) == 1, "the bundle names a registry key of the root"
    key = OKPKey.import_key(registry[0])
    obj = jws.deserialize_compact(bundle, key, algorithms=["EdDSA"])
    claims = json.loads(obj.payload)
    assert claims["federation"] == "mx.conocer"
    assert ISSUER_ID in [e["key_set"]["issuer"] for e in claims["issuers"]]
    # One changed byte of the payload: the signature no longer verifies.
    h, p, s = bundle.split(".")
    tampered = f"{h}.{p[:-2]}{'A' if p[-2] != 'A' else 'B'}{p[-1]}.{s}"
    with pytest.raises(BadSignatureError):
        jws.deserialize_compact(tampered, key, algorithms=["EdDSA"])


def test_joserfc_verifies_the_root_document_with_each_root_key(federation):
    root = json.loads((federation / "conocer" / "root.json").read_text(encoding="utf-8"))
    payload = root_payload(root)
    keys = {k["kid"]: OKPKey.import_key(k) for k in payload["root_keys"]}
    signed_by = [json.loads(b64u_decode(s["protected"]))["kid"] for s in root["signatures"]]
    assert len(signed_by) >= payload["root_threshold"]
    for sig in root["signatures"]:
        kid = json.loads(b64u_decode(sig["protected"]))["kid"]
        one = {"payload": root["payload"], "signatures": [sig]}
        obj = jws.deserialize_json(one, keys[kid], algorithms=["EdDSA"])
        assert json.loads(obj.payload)["federation"] == "mx.conocer"
    # Another root key does not verify a signature it did not make.
    sig = root["signatures"][0]
    kid = json.loads(b64u_decode(sig["protected"]))["kid"]
    other = next(k for k in keys if k != kid)
    with pytest.raises(BadSignatureError):
        jws.deserialize_json({"payload": root["payload"], "signatures": [sig]}, keys[other], algorithms=["EdDSA"])
