// Interoperability with the `jose` package (Node's built-in test runner: `node --test`).
//
// Sello → jose: tokens from `sello issue` verify with createLocalJWKSet/importJWK + jwtVerify,
// given only the JWK Set `sello keygen` published.
// jose → Sello: tokens jose signs (SignJWT) with an Ed25519 key generated here, published in a
// Sello JWKS written here, are judged by `sello verify --json`.
//
// The binary comes from SELLO_BIN (tests/interop/run.sh sets it).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as jose from 'jose';

const SELLO_BIN = process.env.SELLO_BIN;
if (!SELLO_BIN) {
  throw new Error('SELLO_BIN is not set: point it at the sello binary (tests/interop/run.sh does this)');
}
accessSync(SELLO_BIN, constants.X_OK);

const PASSPHRASE = 'interop-test-passphrase';
const ISSUER = 'mx.interop-node';
const EXTERNAL_ISSUER = 'mx.interop-jose';

function sello(args, { check = true } = {}) {
  const proc = spawnSync(SELLO_BIN, args, {
    encoding: 'utf8',
    env: { ...process.env, SELLO_PASSPHRASE: PASSPHRASE, LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' },
    timeout: 120_000,
  });
  if (proc.error) throw proc.error;
  if (check && proc.status !== 0) {
    throw new Error(`sello ${args.join(' ')} exited ${proc.status}\nstdout: ${proc.stdout}\nstderr: ${proc.stderr}`);
  }
  return proc;
}

/** `sello verify --keys JWKS --json TOKEN`: exit status and the single JSON report line. */
function selloVerify(jwksPath, token) {
  // The issuer's status list is passed when it sits beside the key set.
  const status = join(dirname(jwksPath), 'status.jwt');
  const extra = existsSync(status) ? ['--status', status] : [];
  const proc = sello(['verify', '--keys', jwksPath, ...extra, '--json', token], { check: false });
  const lines = proc.stdout.split('\n').filter((l) => l.trim() !== '');
  const report = lines.length === 1 ? JSON.parse(lines[0]) : null;
  return { status: proc.status, report, stdout: proc.stdout, stderr: proc.stderr };
}

function assertVerdict(result, status, verdict, reason) {
  assert.deepEqual(
    { status: result.status, verdict: result.report?.verdict, reason: result.report?.reason },
    { status, verdict, reason },
    `stdout: ${result.stdout}\nstderr: ${result.stderr}`,
  );
}

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const fromB64u = (text) => Buffer.from(text, 'base64url');
const segment = (token, i) => JSON.parse(fromB64u(token.split('.')[i]).toString('utf8'));

/** Sello kid: base64url of the first 8 bytes of the RFC 7638 SHA-256 thumbprint. */
function selloKid(x) {
  const canonical = `{"crv":"Ed25519","kty":"OKP","x":"${x}"}`;
  return b64u(createHash('sha256').update(canonical, 'utf8').digest().subarray(0, 8));
}

/** Replaces the payload of a compact JWS, keeping header and signature. */
function withPayload(token, mutate) {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(fromB64u(p).toString('utf8'));
  mutate(claims);
  return [h, b64u(JSON.stringify(claims)), s].join('.');
}

let work;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'sello-interop-node-'));
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('Sello → jose', () => {
  let issuerDir;
  let jwksPath;
  let jwks;
  let full;
  let minimal;

  before(() => {
    issuerDir = join(work, 'issuer');
    sello(['keygen', '--dir', issuerDir, '--id', ISSUER, '--name', 'Interop — Node', '--url', 'https://verifica.example.mx/v']);
    jwksPath = join(issuerDir, 'jwks.json');
    jwks = JSON.parse(readFileSync(jwksPath, 'utf8'));
    full = JSON.parse(
      sello([
        'issue', '--dir', issuerDir, '--json',
        '--holder', 'María Guadalupe Hernández López', '--holder-id', 'HELG850312MDFRPD09',
        '--code', 'EC0105', '--title', 'Atención al ciudadano en el sector público', '--level', '3',
        '--unit', 'CECATI 149', '--expires', '2099-12-31', '--attr', 'horas=40',
      ]).stdout,
    );
    minimal = JSON.parse(
      sello(['issue', '--dir', issuerDir, '--json', '--holder', 'Ana Pérez', '--code', 'EC0217', '--title', 'Impartición de cursos']).stdout,
    );
    // Every certificate points into the issuer's status list: publish it for verifiers.
    sello(['status', 'publish', '--dir', issuerDir]);
  });

  test('published JWKS: Sello shape, kid is the truncated RFC 7638 thumbprint', async () => {
    assert.deepEqual(Object.keys(jwks).sort(), ['issuer', 'issuer_name', 'keys', 'time_zone', 'verify_url']);
    assert.equal(jwks.time_zone, 'America/Mexico_City');
    const [key] = jwks.keys;
    // nbf: the key's signing window opens when `sello keygen` created it (FORMAT §5.6).
    assert.deepEqual(Object.keys(key).sort(), ['alg', 'crv', 'kid', 'kty', 'nbf', 'use', 'x']);
    assert.ok(Number.isInteger(key.nbf) && key.nbf > 1_700_000_000 && key.nbf <= Date.now() / 1000);
    assert.equal(key.kid, selloKid(key.x));
    const full = await jose.calculateJwkThumbprint(key, 'sha256');
    assert.equal(key.kid, b64u(fromB64u(full).subarray(0, 8)));
  });

  for (const which of ['full', 'minimal']) {
    test(`createLocalJWKSet + jwtVerify accept a ${which} sello token, JWKS unmodified`, async () => {
      const issued = which === 'full' ? full : minimal;
      const keys = jose.createLocalJWKSet(jwks);
      const { payload, protectedHeader } = await jose.jwtVerify(issued.token, keys, {
        algorithms: ['EdDSA'],
        typ: 'sello+jwt',
        issuer: ISSUER,
        requiredClaims: ['iss', 'jti', 'iat'],
        clockTolerance: 60,
      });
      assert.deepEqual(protectedHeader, { alg: 'EdDSA', kid: jwks.keys[0].kid, typ: 'sello+jwt' });
      assert.deepEqual(payload, issued.claims);
      assert.equal(payload.jti, issued.serial);
    });
  }

  test('importJWK of the published key + jwtVerify; full claims as issued', async () => {
    const key = await jose.importJWK(jwks.keys[0]);
    const { payload } = await jose.jwtVerify(full.token, key, { algorithms: ['EdDSA'], typ: 'sello+jwt' });
    assert.deepEqual(payload.cert, {
      h: { n: 'María Guadalupe Hernández López', id: 'HELG850312MDFRPD09' },
      a: { c: 'EC0105', t: 'Atención al ciudadano en el sector público', l: '3' },
      u: 'CECATI 149',
      x: { horas: '40' },
    });
    assert.ok(Number.isInteger(payload.iat) && payload.exp > payload.iat);
  });

  test('jose rejects a tampered sello token', async () => {
    const forged = withPayload(full.token, (c) => {
      c.cert.h.n = 'Otra Persona';
    });
    await assert.rejects(
      jose.jwtVerify(forged, jose.createLocalJWKSet(jwks), { algorithms: ['EdDSA'] }),
      { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    );
  });

  test('control: sello verify agrees', () => {
    const result = selloVerify(jwksPath, full.token);
    assertVerdict(result, 0, 'valid', null);
    assert.deepEqual(result.report.claims, full.claims);
  });
});

describe('jose → Sello', () => {
  let privateJwk;
  let publicJwk;
  let kid;
  let key;
  let jwksPath;

  before(async () => {
    // An Ed25519 key generated here, as an RFC 8037 JWK: {kty, crv, x, d}.
    const { privateKey } = generateKeyPairSync('ed25519');
    privateJwk = privateKey.export({ format: 'jwk' });
    kid = selloKid(privateJwk.x);
    publicJwk = { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x, kid, alg: 'EdDSA', use: 'sig' };
    jwksPath = join(work, 'jose-jwks.json');
    writeFileSync(jwksPath, JSON.stringify({ issuer: EXTERNAL_ISSUER, issuer_name: 'Firmado con jose', keys: [publicJwk] }, null, 2));
    key = await jose.importJWK(privateJwk, 'EdDSA');
  });

  function claims(extra = {}) {
    return {
      cert: {
        h: { n: 'José Ñúñez Çedillo', id: 'NUCJ800101HDFXXX09' },
        a: { c: 'EC0217', t: 'Impartición de cursos de formación', l: '3' },
        u: 'CECATI 149',
        x: { horas: '40' },
      },
      ...extra,
    };
  }

  async function sign({ alg = 'EdDSA', signingKey = key, header, extra } = {}) {
    return new jose.SignJWT(claims(extra))
      .setProtectedHeader(header ?? { alg, kid, typ: 'sello+jwt' })
      .setIssuer(EXTERNAL_ISSUER)
      .setJti(`JOSE-${randomBytes(4).toString('hex').toUpperCase()}`)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('365d')
      .sign(signingKey);
  }

  test('kid computed here matches jose.calculateJwkThumbprint', async () => {
    const full = await jose.calculateJwkThumbprint(publicJwk, 'sha256');
    assert.equal(kid, b64u(fromB64u(full).subarray(0, 8)));
    assert.equal(kid.length, 11);
  });

  test('SignJWT token is valid for sello verify', async () => {
    const token = await sign();
    assert.deepEqual(segment(token, 0), { alg: 'EdDSA', kid, typ: 'sello+jwt' });
    const result = selloVerify(jwksPath, token);
    assertVerdict(result, 0, 'valid', null);
    assert.equal(result.report.kid, kid);
    assert.equal(result.report.issuer.id, EXTERNAL_ISSUER);
    assert.deepEqual(result.report.claims, segment(token, 1));
  });

  test('tampered payload → bad_signature', async () => {
    const forged = withPayload(await sign(), (c) => {
      c.cert.a.c = 'EC9999';
    });
    const result = selloVerify(jwksPath, forged);
    assertVerdict(result, 1, 'invalid', 'bad_signature');
    assert.equal(result.report.claims, undefined);
  });

  test('another key under the same kid → bad_signature', async () => {
    const { privateKey } = await jose.generateKeyPair('EdDSA');
    assertVerdict(selloVerify(jwksPath, await sign({ signingKey: privateKey })), 1, 'invalid', 'bad_signature');
  });

  const otherAlgs = {
    HS256: async () => randomBytes(32),
    ES256: async () => (await jose.generateKeyPair('ES256')).privateKey,
  };

  test('alg Ed25519 (RFC 9864 name) → valid', async () => {
    const token = await sign({ alg: 'Ed25519', signingKey: await jose.importJWK(privateJwk, 'Ed25519') });
    assert.equal(segment(token, 0).alg, 'Ed25519');
    assertVerdict(selloVerify(jwksPath, token), 0, 'valid', null);
  });
  for (const [alg, makeKey] of Object.entries(otherAlgs)) {
    test(`alg ${alg} → unsupported_header`, async () => {
      const token = await sign({ alg, signingKey: await makeKey() });
      assert.equal(segment(token, 0).alg, alg);
      const result = selloVerify(jwksPath, token);
      assertVerdict(result, 1, 'invalid', 'unsupported_header');
      assert.match(result.report.detail, new RegExp(`alg "${alg}" is not accepted`));
    });
  }

  test('typ JWT → unsupported_header', async () => {
    const token = await sign({ header: { alg: 'EdDSA', kid, typ: 'JWT' } });
    assertVerdict(selloVerify(jwksPath, token), 1, 'invalid', 'unsupported_header');
  });

  test('a WebCrypto-exported JWK is accepted as is (RFC 7517: unknown members ignored)', async () => {
    // Node's WebCrypto exports an Ed25519 public key as {key_ops, ext, crv, x, kty, alg: "Ed25519"}.
    const cryptoKey = await jose.importJWK({ kty: 'OKP', crv: 'Ed25519', x: privateJwk.x }, 'EdDSA', { extractable: true });
    const exported = await webcrypto.subtle.exportKey('jwk', cryptoKey);
    assert.deepEqual(Object.keys(exported).sort(), ['alg', 'crv', 'ext', 'key_ops', 'kty', 'x']);
    assert.equal(exported.alg, 'Ed25519');
    const path = join(work, 'webcrypto.json');
    writeFileSync(path, JSON.stringify({ issuer: EXTERNAL_ISSUER, issuer_name: 'WebCrypto', keys: [{ ...exported, kid }] }));
    assertVerdict(selloVerify(path, await sign()), 0, 'valid', null);
  });
});

describe('federation documents → jose', () => {
  const ROOT_PASSPHRASES = ['primera frase raíz larga', 'segunda frase raíz larga', 'tercera frase raíz larga'];
  let here;
  let root;
  let bundle;

  // `sello federation …` in a folder of its own, with the registry's and the root holders' passphrases.
  function registry(args) {
    const env = { ...process.env, SELLO_PASSPHRASE: 'frase del registro larga', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' };
    ROOT_PASSPHRASES.forEach((p, i) => { env[`SELLO_ROOT_PASSPHRASE_${i + 1}`] = p; });
    const proc = spawnSync(SELLO_BIN, args, { cwd: here, env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(proc.status, 0, `sello ${args.join(' ')}\n${proc.stdout}${proc.stderr}`);
    return proc;
  }

  before(() => {
    here = join(work, 'federation');
    const centre = join(here, 'centro');
    sello(['keygen', '--dir', centre, '--id', 'mx.centro-node', '--name', 'Centro Node']);
    sello(['issue', '--dir', centre, '--holder', 'Ana Pérez', '--code', 'EC0105', '--title', 'Atención']);
    sello(['status', 'publish', '--dir', centre]);
    registry(['federation', 'init', '--dir', 'conocer', '--id', 'mx.conocer', '--name', 'CONOCER', '--root-keys', '3', '--threshold', '2']);
    registry(['federation', 'accredit', '--dir', 'conocer', '--keys', join(centre, 'jwks.json'), '--standards', 'EC0105', '--from', '2026-01-01']);
    registry(['federation', 'publish', '--dir', 'conocer', '--status', centre, '--out', 'trust.jwt']);
    root = JSON.parse(readFileSync(join(here, 'conocer', 'root.json'), 'utf8'));
    bundle = readFileSync(join(here, 'trust.jwt'), 'utf8').trim();
  });

  test('the trust bundle is a compact JWS that jose verifies with the root\'s registry key', async () => {
    const header = segment(bundle, 0);
    assert.equal(header.typ, 'sello-trust+jwt');
    const payload = JSON.parse(fromB64u(root.payload).toString('utf8'));
    const registryKey = payload.registry_keys.find((k) => k.kid === header.kid);
    assert.ok(registryKey, 'the bundle names a registry key of the root');
    const key = await jose.importJWK(registryKey, 'EdDSA');
    const { payload: body } = await jose.compactVerify(bundle, key, { algorithms: ['EdDSA'] });
    const claims = JSON.parse(new TextDecoder().decode(body));
    assert.equal(claims.federation, 'mx.conocer');
    assert.deepEqual(claims.issuers.map((e) => e.key_set.issuer), ['mx.centro-node']);
    const [h, p, s] = bundle.split('.');
    const tampered = `${h}.${p.slice(0, -2)}${p.at(-2) === 'A' ? 'B' : 'A'}${p.at(-1)}.${s}`;
    await assert.rejects(jose.compactVerify(tampered, key, { algorithms: ['EdDSA'] }), jose.errors.JWSSignatureVerificationFailed);
  });

  test('the root document is a general JWS that jose verifies with each root key that signed it', async () => {
    const payload = JSON.parse(fromB64u(root.payload).toString('utf8'));
    assert.ok(root.signatures.length >= payload.root_threshold);
    for (const signature of root.signatures) {
      const { kid } = JSON.parse(fromB64u(signature.protected).toString('utf8'));
      const jwk = payload.root_keys.find((k) => k.kid === kid);
      const key = await jose.importJWK(jwk, 'EdDSA');
      const { payload: body } = await jose.generalVerify({ payload: root.payload, signatures: [signature] }, key, { algorithms: ['EdDSA'] });
      assert.equal(JSON.parse(new TextDecoder().decode(body)).federation, 'mx.conocer');
    }
  });
});
