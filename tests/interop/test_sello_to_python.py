"""Sello → Python: tokens made by `sello issue` verify with joserfc and PyJWT, given nothing but
the JWK Set `sello keygen` published (issuer/issuer_name/verify_url members and all)."""

from __future__ import annotations

import json
import time

import jwt as pyjwt
import pytest
from joserfc import jwt as jrfc_jwt
from joserfc.errors import BadSignatureError, SecurityWarning, UnsupportedAlgorithmError
from joserfc.jwk import KeySet, OKPKey

from sello_interop import ISSUER_ID, b64u, b64u_decode, segment_json, sello_kid, sello_verify


def joserfc_keyset(jwks: dict) -> KeySet:
    # The published document as is: joserfc reads "keys" and ignores the other members.
    return KeySet.import_key_set(jwks)


def joserfc_decode(token: str, keys):
    # joserfc leaves EdDSA out of its default ("recommended") algorithms, and warns that RFC 9864
    # deprecated the polymorphic "EdDSA" name: both are expected here, see test_joserfc_* below.
    with pytest.warns(SecurityWarning, match="EdDSA is deprecated via RFC 9864"):
        return jrfc_jwt.decode(token, keys, algorithms=["EdDSA"])


def expected_claims(issued: dict) -> dict:
    return issued["claims"]


# --- the published key set -------------------------------------------------------------------


def test_published_jwks_shape_and_kid(sello_jwks):
    assert sello_jwks["issuer"] == ISSUER_ID
    assert set(sello_jwks) == {"issuer", "issuer_name", "verify_url", "time_zone", "keys"}
    # keygen's default zone (FORMAT §3.9): dates are shown in it.
    assert sello_jwks["time_zone"] == "America/Mexico_City"
    [key] = sello_jwks["keys"]
    # nbf: the key's signing window opens when `sello keygen` created it (FORMAT §5.6).
    assert set(key) == {"kty", "crv", "x", "kid", "alg", "use", "nbf"}
    assert (key["kty"], key["crv"], key["alg"], key["use"]) == ("OKP", "Ed25519", "EdDSA", "sig")
    assert isinstance(key["nbf"], int) and 1_700_000_000 < key["nbf"] <= time.time()
    assert len(b64u_decode(key["x"])) == 32
    # kid = first 8 bytes of the RFC 7638 SHA-256 thumbprint, computed here independently …
    assert key["kid"] == sello_kid(key["x"])
    assert len(key["kid"]) == 11
    # … and by joserfc's own RFC 7638 implementation.
    full = OKPKey.import_key(key).thumbprint()
    assert key["kid"] == b64u(b64u_decode(full)[:8])


def test_joserfc_and_pyjwt_accept_the_published_jwks_unmodified(sello_jwks):
    ks = joserfc_keyset(sello_jwks)
    assert [k.kid for k in ks.keys] == [sello_jwks["keys"][0]["kid"]]
    py = pyjwt.PyJWKSet.from_dict(sello_jwks)
    assert [k.key_id for k in py.keys] == [sello_jwks["keys"][0]["kid"]]
    assert py.keys[0].algorithm_name == "EdDSA"


# --- joserfc -----------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["issued", "issued_minimal"])
def test_joserfc_verifies_sello_token(which, request, sello_jwks):
    issued = request.getfixturevalue(which)
    token = issued["token"]
    kid = sello_jwks["keys"][0]["kid"]
    result = joserfc_decode(token, joserfc_keyset(sello_jwks))
    # The protected header is exactly these three members.
    assert result.header == {"alg": "EdDSA", "kid": kid, "typ": "sello+jwt"}
    assert result.claims == expected_claims(issued)
    # Registered claims, checked by joserfc's claims registry (iat/nbf/exp against the clock).
    registry = jrfc_jwt.JWTClaimsRegistry(
        leeway=60,
        iss={"essential": True, "value": ISSUER_ID},
        jti={"essential": True, "value": issued["serial"]},
        iat={"essential": True},
    )
    registry.validate(result.claims)
    assert set(result.claims) <= {"iss", "jti", "iat", "nbf", "exp", "cert", "status"}
    # The QR text carries the same token after the verification URL, in the numeric form
    # (FORMAT.md §4.1): "#n", then every character as two digits, its code point minus 45.
    prefix = f"{sello_jwks['verify_url']}#n"
    assert issued["qr_text"].startswith(prefix)
    digits = issued["qr_text"][len(prefix):]
    assert len(digits) % 2 == 0 and digits.isascii() and digits.isdigit()
    assert "".join(chr(int(digits[i:i + 2]) + 45) for i in range(0, len(digits), 2)) == token


def test_joserfc_full_claims(issued, sello_jwks):
    claims = joserfc_decode(issued["token"], joserfc_keyset(sello_jwks)).claims
    cert = claims["cert"]
    assert cert["h"] == {"n": "María Guadalupe Hernández López", "id": "HELG850312MDFRPD09"}
    assert cert["a"] == {"c": "EC0105", "t": "Atención al ciudadano en el sector público", "l": "3"}
    assert cert["u"] == "CECATI 149"
    assert cert["x"] == {"horas": "40"}
    assert isinstance(claims["iat"], int) and isinstance(claims["exp"], int)
    assert claims["exp"] > claims["iat"]


def test_joserfc_rejects_tampered_sello_token(issued, sello_jwks):
    header, payload, signature = issued["token"].split(".")
    claims = json.loads(b64u_decode(payload))
    claims["cert"]["h"]["n"] = "Otra Persona"
    forged = ".".join([header, b64u(json.dumps(claims).encode()), signature])
    with pytest.raises(BadSignatureError), pytest.warns(SecurityWarning):
        jrfc_jwt.decode(forged, joserfc_keyset(sello_jwks), algorithms=["EdDSA"])


def test_joserfc_default_algorithms_refuse_eddsa(issued, sello_jwks):
    """Documents a joserfc default: EdDSA is not 'recommended', so it must be allowed by name."""
    with pytest.raises(UnsupportedAlgorithmError, match="Algorithm of 'EdDSA' is not recommended"):
        jrfc_jwt.decode(issued["token"], joserfc_keyset(sello_jwks))


# --- PyJWT -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["issued", "issued_minimal"])
def test_pyjwt_verifies_sello_token(which, request, sello_jwks):
    issued = request.getfixturevalue(which)
    token = issued["token"]
    keys = pyjwt.PyJWKSet.from_dict(sello_jwks)
    kid = pyjwt.get_unverified_header(token)["kid"]
    decoded = pyjwt.decode_complete(
        token,
        key=keys[kid],
        algorithms=["EdDSA"],
        issuer=ISSUER_ID,
        leeway=60,
        options={"require": ["iss", "jti", "iat"]},
    )
    assert decoded["header"] == {"alg": "EdDSA", "kid": sello_jwks["keys"][0]["kid"], "typ": "sello+jwt"}
    assert decoded["payload"] == expected_claims(issued)
    assert decoded["payload"]["jti"] == issued["serial"]


def test_pyjwt_rejects_tampered_sello_token(issued, sello_jwks):
    header, payload, signature = issued["token"].split(".")
    claims = json.loads(b64u_decode(payload))
    claims["cert"]["a"]["c"] = "EC9999"
    forged = ".".join([header, b64u(json.dumps(claims).encode()), signature])
    keys = pyjwt.PyJWKSet.from_dict(sello_jwks)
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(forged, key=keys[segment_json(forged, 0)["kid"]], algorithms=["EdDSA"])


def test_sello_verify_agrees(issued, sello_issuer):
    """Control: Sello's own verifier accepts the token both libraries accepted."""
    result = sello_verify(sello_issuer / "jwks.json", issued["token"])
    assert (result.returncode, result.verdict, result.reason) == (0, "valid", None), result
    assert result.report["claims"] == issued["claims"]
