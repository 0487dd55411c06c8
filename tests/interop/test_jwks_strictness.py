"""How Sello's key-set reader treats documents that standard JOSE libraries produce or accept.

RFC 7517 §4 and §5 say members of a JWK or JWK Set that an implementation does not understand
MUST be ignored, and Sello does (WebCrypto exports carry key_ops and ext). RFC 9864's
fully-specified alg "Ed25519" is accepted beside "EdDSA". Where Sello is deliberately stricter
(an issuer id is required, kid must be the 11-character truncated thumbprint), the test pins it.
"""

from __future__ import annotations

import jwt as pyjwt
from joserfc.jwk import KeySet

from sello_interop import b64u, b64u_decode, rfc7638_thumbprint, run_sello, signed, write_jwks


def sello_load(path, token):
    return run_sello("verify", "--keys", str(path), "--json", token, check=False)


def test_webcrypto_style_jwk_members_are_ignored(external_issuer, tmp_path):
    # What WebCrypto's exportKey("jwk") gives for an Ed25519 public key: key_ops and ext added.
    key = {**external_issuer.public_jwk, "key_ops": ["verify"], "ext": True}
    doc = {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [key]}
    path = write_jwks(tmp_path / "jwks.json", doc)
    # Standard libraries take it …
    assert KeySet.import_key_set(doc).keys[0].kid == external_issuer.kid
    assert pyjwt.PyJWKSet.from_dict(doc).keys[0].key_id == external_issuer.kid
    # … and so does Sello.
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 0, proc


def test_key_ops_without_verify_refuses_the_key_set(external_issuer, tmp_path):
    key = {**external_issuer.public_jwk, "key_ops": ["sign"]}
    doc = {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [key]}
    proc = sello_load(write_jwks(tmp_path / "jwks.json", doc), signed(external_issuer))
    assert proc.returncode == 2, proc
    assert "key_ops does not allow verify" in proc.stderr


def test_unknown_top_level_member_is_ignored(external_issuer, tmp_path):
    doc = {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [external_issuer.public_jwk],
           "logo_url": "https://example.mx/logo.png"}
    path = write_jwks(tmp_path / "jwks.json", doc)
    assert KeySet.import_key_set(doc).keys[0].kid == external_issuer.kid
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 0, proc


def test_plain_rfc7517_jwks_without_issuer_is_refused(external_issuer, tmp_path):
    # By design: the issuer id comes from the key set, so a bare {"keys": [...]} cannot be used.
    path = write_jwks(tmp_path / "jwks.json", {"keys": [external_issuer.public_jwk]})
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 2, proc
    assert 'the member "issuer" is missing' in proc.stderr


def test_full_thumbprint_kid_is_refused(external_issuer, tmp_path):
    # A common convention (e.g. jose's calculateJwkThumbprint) is kid = the whole 43-character
    # RFC 7638 thumbprint. Sello requires its 11-character truncation.
    full = b64u(rfc7638_thumbprint(external_issuer.public_jwk["x"]))
    assert b64u(b64u_decode(full)[:8]) == external_issuer.kid
    key = {**external_issuer.public_jwk, "kid": full}
    path = write_jwks(tmp_path / "jwks.json", {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [key]})
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 2, proc
    assert f'kid "{full[:40]}…" is not the key\'s thumbprint id "{external_issuer.kid}"' in proc.stderr


def test_key_without_kid_alg_use_is_accepted(external_issuer, tmp_path):
    # The optional members really are optional: kty, crv, x alone work, and the kid is derived.
    key = {k: external_issuer.public_jwk[k] for k in ("kty", "crv", "x")}
    path = write_jwks(tmp_path / "jwks.json", {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [key]})
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 0, proc


def test_jwk_alg_ed25519_is_accepted(external_issuer, tmp_path):
    # RFC 9864's fully-specified "Ed25519" is what WebCrypto puts in "alg" when it exports an
    # Ed25519 key.
    key = {**external_issuer.public_jwk, "alg": "Ed25519"}
    doc = {"issuer": external_issuer.issuer, "issuer_name": "x", "keys": [key]}
    path = write_jwks(tmp_path / "jwks.json", doc)
    assert KeySet.import_key_set(doc).keys[0].kid == external_issuer.kid
    proc = sello_load(path, signed(external_issuer))
    assert proc.returncode == 0, proc
