// Test-only helpers: a minimal Sello issuer built on node:crypto, to make tokens, key sets and
// status lists that the shared vectors do not cover.  (Node-only on purpose: the verifier
// itself, crates/sello-web/static/sello-verify.js, uses no Node API.)

import { createPrivateKey, createPublicKey, createHash, sign } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const b64u = (bytes) => Buffer.from(bytes).toString('base64url');

/** The test key with seed [n; 32] (FORMAT.md §10.3): its x, kid and a signing function. */
export function testKey(n) {
  const seed = Buffer.alloc(32, n);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  const thumb = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest();
  return { x, kid: b64u(thumb.subarray(0, 8)), sign: (data) => sign(null, Buffer.from(data), privateKey) };
}

/** A compact JWS of the exact header and payload texts given, signed by `key`. */
export function jws(headerText, payloadText, key) {
  const input = `${b64u(Buffer.from(headerText))}.${b64u(Buffer.from(payloadText))}`;
  return `${input}.${b64u(key.sign(input))}`;
}

export const header = (kid, typ = 'sello+jwt') => `{"alg":"EdDSA","kid":"${kid}","typ":"${typ}"}`;

/** A token with the claims text `payload` (a string) or object, signed by `key`. */
export function token(payload, key, headerText = header(key.kid)) {
  return jws(headerText, typeof payload === 'string' ? payload : JSON.stringify(payload), key);
}

export const ISSUER = 'mx.prueba.web';
export const T0 = 1767225600; // 2026-01-01T00:00:00Z

export function claims(extra = {}) {
  return { iss: ISSUER, jti: 'WEB-1', iat: T0, cert: { h: { n: 'Ana Pérez' }, a: { c: 'EC0105', t: 'Atención' } }, ...extra };
}

export function keySet(keys, { issuer = ISSUER, name = 'Emisor web', verifyUrl } = {}) {
  const doc = { issuer, issuer_name: name, keys: keys.map((k) => ({ kty: 'OKP', crv: 'Ed25519', x: k.x, ...(k.extra ?? {}) })) };
  if (verifyUrl !== undefined) doc.verify_url = verifyUrl;
  return JSON.stringify(doc);
}

/** A status-list token: `size` entries with `set` indices set. */
export function statusList(key, { iss = ISSUER, iat = T0, exp = T0 + 7 * 86400, size = 131072, set = [], gz } = {}) {
  const bits = new Uint8Array(size / 8);
  for (const i of set) bits[i >> 3] |= 0x80 >> (i & 7);
  const lst = b64u(gz ?? gzipSync(bits));
  return jws(header(key.kid, 'sello-status+jwt'), JSON.stringify({ iss, iat, exp, size, lst }), key);
}
