"""Python → Sello: tokens signed by joserfc (and PyJWT) with an Ed25519 key this test generated,
published in a Sello JWKS written by the test, are judged by `sello verify --json`."""

from __future__ import annotations

import json
import secrets
import warnings

import jwt as pyjwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc import jws
from joserfc import jwt as jrfc_jwt
from joserfc.jwk import ECKey, OctKey, OKPKey

from sello_interop import (
    b64u,
    b64u_decode,
    joserfc_sign,
    segment_json,
    sello_claims,
    sello_header,
    sello_kid,
    sello_verify,
    signed,
)


def assert_verdict(result, verdict, reason, returncode):
    assert (result.returncode, result.verdict, result.reason) == (returncode, verdict, reason), (
        f"stdout: {result.stdout}\nstderr: {result.stderr}"
    )


def test_jwks_written_by_the_test_is_a_sello_jwks(external_issuer):
    doc = json.loads(external_issuer.jwks_path.read_text(encoding="utf-8"))
    [key] = doc["keys"]
    assert key["kid"] == sello_kid(key["x"])
    # joserfc's RFC 7638 thumbprint agrees with the one computed by hand.
    assert b64u(b64u_decode(OKPKey.import_key(key).thumbprint())[:8]) == key["kid"]


def test_joserfc_token_is_valid_for_sello(external_issuer):
    token = signed(external_issuer)
    # joserfc puts "typ" first; Sello accepts the members in any order.
    assert segment_json(token, 0) == {"alg": "EdDSA", "kid": external_issuer.kid, "typ": "sello+jwt"}
    result = sello_verify(external_issuer.jwks_path, token)
    assert_verdict(result, "valid", None, 0)
    assert result.report["kid"] == external_issuer.kid
    assert result.report["issuer"]["id"] == external_issuer.issuer
    assert result.report["claims"] == segment_json(token, 1)


def test_joserfc_minimal_claims_are_valid_for_sello(external_issuer):
    key = OKPKey.import_key(external_issuer.private_jwk)
    claims = {
        "iss": external_issuer.issuer,
        "jti": "MIN-1",
        "iat": sello_claims(external_issuer.issuer, "x")["iat"],
        "cert": {"h": {"n": "Ana"}, "a": {"c": "EC0105", "t": "Atención"}},
    }
    token = joserfc_sign(sello_header(external_issuer.kid), claims, key, "EdDSA")
    assert_verdict(sello_verify(external_issuer.jwks_path, token), "valid", None, 0)


def test_tampered_payload_is_bad_signature(external_issuer):
    header, payload, signature = signed(external_issuer).split(".")
    claims = json.loads(b64u_decode(payload))
    claims["cert"]["h"]["n"] = "Persona Distinta"
    forged = ".".join([header, b64u(json.dumps(claims, separators=(",", ":")).encode()), signature])
    result = sello_verify(external_issuer.jwks_path, forged)
    assert_verdict(result, "invalid", "bad_signature", 1)
    assert "claims" not in result.report


def test_other_key_same_kid_is_bad_signature(external_issuer):
    intruder = OKPKey.import_key(Ed25519PrivateKey.generate())
    token = signed(external_issuer, key=intruder)
    assert_verdict(sello_verify(external_issuer.jwks_path, token), "invalid", "bad_signature", 1)


def test_alg_ed25519_rfc9864_name_is_valid(external_issuer):
    # RFC 9864's fully-specified name for Ed25519: same key, same signature bytes.
    token = signed(external_issuer, alg="Ed25519", key=OKPKey.import_key(external_issuer.private_jwk))
    assert segment_json(token, 0)["alg"] == "Ed25519"
    assert_verdict(sello_verify(external_issuer.jwks_path, token), "valid", None, 0)


@pytest.mark.parametrize(
    "alg,key_factory",
    [
        ("HS256", lambda ext: OctKey.import_key(secrets.token_bytes(32))),
        ("ES256", lambda ext: ECKey.generate_key("P-256")),
    ],
)
def test_other_alg_is_unsupported_header(external_issuer, alg, key_factory):
    token = signed(external_issuer, alg=alg, key=key_factory(external_issuer))
    assert segment_json(token, 0)["alg"] == alg
    result = sello_verify(external_issuer.jwks_path, token)
    assert_verdict(result, "invalid", "unsupported_header", 1)
    assert f'alg "{alg}" is not accepted' in result.report["detail"]


@pytest.mark.parametrize(
    "header",
    [
        {"alg": "EdDSA", "typ": "JWT"},
        {"alg": "EdDSA", "typ": "sello+jwt", "cty": "JWT"},
    ],
)
def test_other_header_members_are_unsupported_header(external_issuer, header):
    token = signed(external_issuer, header={**header, "kid": external_issuer.kid})
    assert_verdict(sello_verify(external_issuer.jwks_path, token), "invalid", "unsupported_header", 1)


def test_unknown_claim_is_refused(external_issuer):
    token = signed(external_issuer, sub="extra-claim")
    result = sello_verify(external_issuer.jwks_path, token)
    assert result.returncode == 1 and result.verdict == "invalid", result
    # Unknown claims fail the strict payload parse before the claim rules.
    assert result.reason == "malformed_token", result
    assert 'the member "sub" is not part of this format' in result.report["detail"]


def test_pyjwt_token_is_valid_for_sello(external_issuer):
    """PyJWT as the signer: jwt.encode with the kid and typ headers."""
    key = OKPKey.import_key(external_issuer.private_jwk).get_op_key("sign")
    claims = sello_claims(external_issuer.issuer, "PYJWT-1")
    token = pyjwt.encode(
        claims, key, algorithm="EdDSA", headers={"kid": external_issuer.kid, "typ": "sello+jwt"}
    )
    assert segment_json(token, 0) == {"alg": "EdDSA", "kid": external_issuer.kid, "typ": "sello+jwt"}
    assert_verdict(sello_verify(external_issuer.jwks_path, token), "valid", None, 0)


def test_duplicate_payload_member_is_malformed(external_issuer):
    """A validly signed payload that repeats a member: joserfc (Python's json) silently keeps the
    last value; Sello refuses the token as malformed rather than pick one."""
    claims = sello_claims(external_issuer.issuer, "DUP-1")
    body = json.dumps(claims, separators=(",", ":"), ensure_ascii=False)
    payload = body[:-1] + ',"jti":"DUP-2"}'
    key = OKPKey.import_key(external_issuer.private_jwk)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        token = jws.serialize_compact(
            sello_header(external_issuer.kid), payload.encode(), key, algorithms=["EdDSA"]
        )
        assert jrfc_jwt.decode(token, key, algorithms=["EdDSA"]).claims["jti"] == "DUP-2"
    result = sello_verify(external_issuer.jwks_path, token)
    assert_verdict(result, "invalid", "malformed_token", 1)
    assert 'the member "jti" appears twice' in result.report["detail"]
