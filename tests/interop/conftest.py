"""Fixtures: a Sello issuer folder made by `sello keygen`, a token made by `sello issue`, and an
issuer whose key the tests generate themselves. Everything lives in pytest's temp dirs."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from sello_interop import ISSUER_ID, make_external_issuer, run_sello, sello_bin  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _binary_present():
    # Fails every test loudly (not a skip) when SELLO_BIN is missing.
    sello_bin()


@pytest.fixture(scope="session")
def sello_issuer(tmp_path_factory) -> Path:
    """An issuer folder created by `sello keygen`; returns the folder."""
    folder = tmp_path_factory.mktemp("sello-issuer") / "issuer"
    run_sello(
        "keygen",
        "--dir", str(folder),
        "--id", ISSUER_ID,
        "--name", "Interop — Centro de Pruebas",
        "--url", "https://verifica.example.mx/v",
    )
    assert (folder / "jwks.json").is_file()
    return folder


@pytest.fixture(scope="session")
def sello_jwks(sello_issuer) -> dict:
    """The JWKS `sello keygen` published, exactly as on disk."""
    return json.loads((sello_issuer / "jwks.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def issued(sello_issuer) -> dict:
    """`sello issue --json` output for a certificate with every optional field set."""
    proc = run_sello(
        "issue",
        "--dir", str(sello_issuer),
        "--holder", "María Guadalupe Hernández López",
        "--holder-id", "HELG850312MDFRPD09",
        "--code", "EC0105",
        "--title", "Atención al ciudadano en el sector público",
        "--level", "3",
        "--unit", "CECATI 149",
        "--expires", "2099-12-31",
        "--attr", "horas=40",
        "--json",
    )
    # Every certificate points into the issuer's status list: publish it for verifiers.
    run_sello("status", "publish", "--dir", str(sello_issuer))
    out = json.loads(proc.stdout)
    assert out["token"].count(".") == 2
    return out


@pytest.fixture(scope="session")
def issued_minimal(sello_issuer) -> dict:
    """`sello issue --json` output for a certificate with only the required fields."""
    proc = run_sello(
        "issue",
        "--dir", str(sello_issuer),
        "--holder", "Ana Pérez",
        "--code", "EC0217",
        "--title", "Impartición de cursos",
        "--json",
    )
    run_sello("status", "publish", "--dir", str(sello_issuer))
    return json.loads(proc.stdout)


@pytest.fixture(scope="session")
def external_issuer(tmp_path_factory):
    """An issuer whose Ed25519 key this test run generated with `cryptography`."""
    return make_external_issuer(
        tmp_path_factory.mktemp("external-issuer"), "mx.interop-joserfc", "Firmado con joserfc"
    )
