// The signature layer (FORMAT.md §6.3, §10.4): every Wycheproof Ed25519 case, RFC 8032 §7.1 and
// RFC 8037 Appendix A through the token path (key set built from the public key, refusal of the
// key set counting as rejection; a 64-byte signature; strict verification), plus the gaps that
// WebCrypto alone leaves open.  Run: node --test tests/web/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { _internal, loadKeySets } from '../../crates/sello-web/static/sello-verify.js';

const { b64encode, b64decode, checkSignature, decodePoint, isSmallOrder } = _internal;
const hex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The key of a one-key set holding `pk`, or null when §5.4 refuses the set. */
async function keyFor(pk) {
  const doc = { issuer: 'mx.vectores', issuer_name: 'Vectores', keys: [{ kty: 'OKP', crv: 'Ed25519', x: b64encode(pk) }] };
  try {
    return (await loadKeySets([doc])).issuers.get('mx.vectores').keys[0];
  } catch {
    return null;
  }
}

async function tokenPathAccepts(pk, msg, sig) {
  const key = await keyFor(pk);
  return key !== null && sig.length === 64 && (await checkSignature(key, msg, sig));
}

test('Wycheproof Ed25519: all 151 cases', async () => {
  const doc = JSON.parse(readFileSync(new URL('../vectors/external/wycheproof_ed25519_test.json', import.meta.url), 'utf8'));
  let counted = 0;
  const wrong = [];
  for (const group of doc.testGroups) {
    const pk = hex(group.publicKey.pk);
    for (const c of group.tests) {
      const accepted = await tokenPathAccepts(pk, hex(c.msg), hex(c.sig));
      if (accepted !== (c.result === 'valid')) wrong.push(`tcId ${c.tcId} (${c.comment}): accepted=${accepted}, expected ${c.result}`);
      counted++;
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(counted, doc.numberOfTests);
  assert.equal(counted, 151);
});

test('RFC 8032 §7.1 TEST 1 to SHA(abc)', async () => {
  const cases = [
    ['d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', '',
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
    ['3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', '72',
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
    ['fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025', 'af82',
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a'],
    ['ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
      'dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704'],
  ];
  for (const [pk, msg, sig] of cases) {
    assert.equal(await tokenPathAccepts(hex(pk), hex(msg), hex(sig)), true, pk);
    assert.equal(await tokenPathAccepts(hex(pk), hex(msg + '00'), hex(sig)), false, pk);
  }
});

test('RFC 8037 Appendix A: thumbprint-derived kid and the A.4 JWS', async () => {
  const x = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
  const key = await keyFor(b64decode(x));
  assert.equal(key.kid, 'kPrK_qmxVWY');
  const jws = 'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';
  const cut = jws.lastIndexOf('.');
  const input = new TextEncoder().encode(jws.slice(0, cut));
  assert.equal(await checkSignature(key, input, b64decode(jws.slice(cut + 1))), true);
});

// The eight points of small order, by the y they encode (libsodium's blocklist; the sign bit
// chooses between x and -x), checked here to be exactly those with [8]P = O.
const P = (1n << 255n) - 19n;
const le32 = (n) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
const SMALL_ORDER_Y = [0n, 1n, P - 1n,
  0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826n,
  0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7n];

function smallOrderEncodings() {
  const canonical = [];
  const nonCanonical = [];
  for (const y of SMALL_ORDER_Y) {
    for (const sign of [0n, 1n]) {
      const bytes = le32(y | (sign << 255n));
      (decodePoint(bytes) ? canonical : nonCanonical).push(bytes); // x = 0 with sign 1: "-0"
      if (y + P < 1n << 255n) nonCanonical.push(le32((y + P) | (sign << 255n))); // y + p
    }
  }
  return { canonical, nonCanonical };
}

test('the small-order points: exactly 8 canonical encodings, all of order dividing 8', () => {
  const { canonical, nonCanonical } = smallOrderEncodings();
  assert.equal(canonical.length, 8);
  for (const e of canonical) assert.equal(isSmallOrder(decodePoint(e)), true, toHex(e));
  for (const e of nonCanonical) assert.equal(decodePoint(e), null, toHex(e));
  // And a large-order point is not: the base point.
  assert.equal(isSmallOrder(decodePoint(hex('5866666666666666666666666666666666666666666666666666666666666666'))), false);
});

test('small-order and non-canonical keys refuse the key set', async () => {
  const { canonical, nonCanonical } = smallOrderEncodings();
  for (const e of [...canonical, ...nonCanonical]) assert.equal(await keyFor(e), null, toHex(e));
  // y = 4 is a point of large order; y = 4 + p encodes it non-canonically.
  assert.notEqual(await keyFor(le32(4n)), null);
  assert.equal(await keyFor(le32(4n + P)), null);
});

// A signature that the cofactorless equation accepts with R = identity, made with the private
// key (RFC 8032 TEST 1): S = k·a, so [S]B - [k]A = O. WebCrypto in Node (OpenSSL) accepts it;
// strict verification must not.
test('R of small order is refused even where WebCrypto accepts it', async (t) => {
  const L = (1n << 252n) + 27742317777372353535851937790883648493n;
  const seed = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const pk = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  const h = new Uint8Array(await crypto.subtle.digest('SHA-512', seed));
  h[0] &= 248; h[31] &= 127; h[31] |= 64;
  const a = BigInt('0x' + toHex(h.subarray(0, 32).reverse()));
  const msg = new TextEncoder().encode('forged');
  const { canonical } = smallOrderEncodings();
  const key = await keyFor(pk);
  for (const R of canonical) {
    const kHash = new Uint8Array(await crypto.subtle.digest('SHA-512', new Uint8Array([...R, ...pk, ...msg])));
    const k = BigInt('0x' + toHex(kHash.reverse())) % L;
    const S = (k * a) % L;
    const sig = new Uint8Array([...R, ...le32(S)]);
    assert.equal(await checkSignature(key, msg, sig), false, toHex(R));
    if (toHex(R) === '01' + '00'.repeat(31)) {
      const raw = await crypto.subtle.importKey('raw', pk, { name: 'Ed25519' }, false, ['verify']);
      const webcrypto = await crypto.subtle.verify({ name: 'Ed25519' }, raw, sig, msg);
      t.diagnostic(`WebCrypto alone on R = identity: ${webcrypto ? 'accepts' : 'rejects'} (the key holder's forgery)`);
    }
  }
});

test('S >= L is refused before WebCrypto sees it', async () => {
  const L = (1n << 252n) + 27742317777372353535851937790883648493n;
  const pk = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  const sig = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  const S = BigInt('0x' + toHex(sig.slice(32).reverse()));
  const malleable = new Uint8Array([...sig.slice(0, 32), ...le32(S + L)]);
  const key = await keyFor(pk);
  assert.equal(await checkSignature(key, new Uint8Array(0), sig), true);
  assert.equal(await checkSignature(key, new Uint8Array(0), malleable), false);
});
