// Status lists (FORMAT.md §5.8) and gzip strictness, plus the worked examples of FORMAT.md §5.8.9
// and §11 read from the document itself.  Run: node --test tests/web/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { _internal, addStatusList, loadKeySets, verify } from '../../crates/sello-web/static/sello-verify.js';
import { ISSUER, T0, b64u, claims, header, jws, keySet, statusList, testKey, token } from './helpers.mjs';

const { gunzip, crc32 } = _internal;

// ---- The worked examples

const format = readFileSync(new URL('../../docs/FORMAT.md', import.meta.url), 'utf8');
/** The first fenced code block after `marker` in FORMAT.md. */
function block(marker) {
  const from = format.indexOf(marker);
  assert.ok(from >= 0, marker);
  return format.slice(from).match(/```\w*\n([\s\S]*?)```/)[1].trim();
}

test('FORMAT.md §11: the complete worked example', async () => {
  const store = await loadKeySets([block('As `sello keygen` writes it (§5.6)')]);
  const tok = block('**529 bytes**');
  // §11.9: the numeric QR form the issuer writes, and the byte form verifiers also read.
  const qr = block('The numeric form (§4.1): `verify_url "#n"`');
  assert.match(qr, /^https:\/\/verifica\.cecati149\.example\.mx\/v#n[0-9]{1058}$/);
  const byteForm = `https://verifica.cecati149.example.mx/v#${tok}`;
  for (const text of [tok, qr, byteForm]) {
    const r = await verify(text, store, { at: 1796083200 });
    assert.equal(r.verdict, 'valid', r.detail);
    assert.deepEqual(r.issuer, { id: 'mx.cecati149', name: 'CECATI 149', verify_url: 'https://verifica.cecati149.example.mx/v' });
    assert.equal(r.kid, 'kPrK_qmxVWY');
    assert.deepEqual(r.claims, JSON.parse(block('**277 bytes** of UTF-8')));
  }
  assert.equal((await verify(tok, store, { at: 1953244859 })).verdict, 'valid'); // 2031-11-24T00:00:59Z
  const expired = await verify(tok, store, { at: 1953244860 });
  assert.equal(expired.reason, 'expired');
  assert.notEqual(expired.claims, null);
  // One letter of the name changed, the signature kept: bad_signature, no claims.
  const [h, p, s] = tok.split('.');
  const altered = Buffer.from(p, 'base64url').toString('utf8').replace('María', 'Maria');
  const r = await verify(`${h}.${b64u(Buffer.from(altered))}.${s}`, store, { at: 1796083200 });
  assert.deepEqual([r.reason, r.claims, r.issuer], ['bad_signature', null, null]);
});

test('FORMAT.md §5.8.9: the status-list example', async () => {
  const store = await loadKeySets([block('As `sello keygen` writes it (§5.6)')]);
  const list = block('The status-list token (378 bytes');
  const cert = block('Its token (530 bytes)');
  assert.equal((await verify(cert, store, { at: 1796083200 })).reason, 'status_unavailable');
  assert.equal(await addStatusList(store, `\n${list}\n`), 'mx.cecati149');
  const { bits, size, iat, exp } = store.statusLists.get('mx.cecati149')[0];
  assert.deepEqual([size, iat, exp, bits[154], bits.reduce((n, b) => n + (b !== 0), 0)], [131072, 1796083200, 1796688000, 0x20, 1]);
  assert.equal((await verify(cert, store, { at: 1796083200 })).reason, 'revoked');
  assert.equal((await verify(cert, store, { at: 1796687999 })).reason, 'revoked');
  const stale = await verify(cert, store, { at: 1796688000 });
  assert.deepEqual([stale.verdict, stale.reason], ['indeterminate', 'status_unavailable']);
  assert.deepEqual(stale.claims.status, { idx: 1234 });
  // The list is not a certificate, and the reverse.
  assert.equal((await verify(list, store, { at: 1796083200 })).reason, 'unsupported_header');
  await assert.rejects(addStatusList(store, cert), /status list token/);
  // gzip of §5.8.9, byte for byte.
  const gz = Buffer.from(block('gzip of the 16,384 bytes (58 bytes, hex)'), 'hex');
  assert.equal(b64u(gz), block('`lst` (78 characters)'));
  assert.equal(gunzip(new Uint8Array(gz), 16384)[154], 0x20);
});

// ---- gzip

const bits = new Uint8Array(16384);
bits[5] = 0x20;
bits[16383] = 1;
const gz = new Uint8Array(gzipSync(bits));

/** A gzip member around raw deflate data, with optional header fields. */
function member(deflated, { flags = 0, extra, name, comment, hcrc = false, content = bits, tail = [] } = {}) {
  const head = [0x1f, 0x8b, 8, flags | (extra ? 4 : 0) | (name ? 8 : 0) | (comment ? 16 : 0) | (hcrc ? 2 : 0), 0, 0, 0, 0, 0, 255];
  if (extra) head.push(extra.length & 255, extra.length >> 8, ...extra);
  if (name) head.push(...Buffer.from(name), 0);
  if (comment) head.push(...Buffer.from(comment), 0);
  if (hcrc) { const c = crc32(new Uint8Array(head)); head.push(c & 255, (c >> 8) & 255); }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(content), 0);
  trailer.writeUInt32LE(content.length, 4);
  return new Uint8Array([...head, ...deflated, ...trailer, ...tail]);
}

test('gzip: one member, any header fields, any compression level', () => {
  assert.deepEqual(gunzip(gz, 16384), bits);
  for (const level of [0, 1, 9]) assert.deepEqual(gunzip(new Uint8Array(gzipSync(bits, { level })), 16384), bits, `level ${level}`);
  const raw = deflateRawSync(bits);
  const opts = { extra: [1, 2, 3, 4], name: 'lista.bin', comment: 'hola', hcrc: true };
  assert.deepEqual(gunzip(member(raw, opts), 16384), bits);
  const random = new Uint8Array(16384).map((_, i) => (i * 2654435761) >>> 24);
  assert.deepEqual(gunzip(new Uint8Array(gzipSync(random)), 16384), random);
  assert.deepEqual(gunzip(member(deflateRawSync(random, { strategy: 2 }), { content: random }), 16384), random); // Huffman only
  assert.deepEqual(gunzip(member(deflateRawSync(random, { strategy: 4 }), { content: random }), 16384), random); // fixed codes
});

test('gzip: everything else is refused', () => {
  const raw = deflateRawSync(bits);
  const bad = {
    'a zero byte after the member': new Uint8Array([...gz, 0]),
    'a second member': new Uint8Array([...gz, ...gz]),
    'a truncated trailer': gz.subarray(0, gz.length - 1),
    'truncated data': gz.subarray(0, 20),
    'a wrong CRC-32': member(raw, { content: bits.map((b, i) => (i === 0 ? 1 : b)) }),
    'a reserved flag': member(raw, { flags: 32 }),
    'a wrong header CRC': (() => { const m = member(raw, { hcrc: true }); m[10] ^= 1; return m; })(),
    'not gzip': new Uint8Array([0x78, 0x9c, ...raw]),
    'a name without its end': member(new Uint8Array(0), { name: 'x' }).subarray(0, 12),
    'an empty input': new Uint8Array(0),
  };
  for (const [what, data] of Object.entries(bad)) assert.throws(() => gunzip(data, 16384), undefined, what);
  // More or fewer bytes than declared; a bomb stops at the cap.
  assert.throws(() => gunzip(gz, 16383), /more than/);
  assert.throws(() => gunzip(gz, 16385), /bytes of bits/);
  assert.throws(() => gunzip(new Uint8Array(gzipSync(new Uint8Array(64 << 20))), 16384), /more than/);
});

/** Writes DEFLATE bits (LSB first); Huffman codes go MSB first. */
function bitWriter() {
  const out = [];
  let acc = 0;
  let n = 0;
  const put = (v, len) => { for (let i = 0; i < len; i++) { acc |= ((v >> i) & 1) << n; if (++n === 8) { out.push(acc); acc = 0; n = 0; } } };
  const code = (c, len) => { for (let i = len - 1; i >= 0; i--) put((c >> i) & 1, 1); };
  return { put, code, bytes: () => new Uint8Array(n ? [...out, acc] : out) };
}

test('gzip: a distance before the start of the output and invalid symbols are refused', () => {
  // Fixed codes: literal 'a', then length 3 (257 = 0000001) at distance 2 (code 1), end (0000000).
  const w = bitWriter();
  w.put(1, 1); w.put(1, 2);
  w.code(0x30 + 0x61, 8);
  w.code(1, 7); w.code(1, 5);
  w.code(0, 7);
  assert.throws(() => gunzip(member(w.bytes(), { content: new Uint8Array(4) }), 4), /too far back/);
  const ok = bitWriter();
  ok.put(1, 1); ok.put(1, 2);
  ok.code(0x30 + 0x61, 8); ok.code(1, 7); ok.code(0, 5); ok.code(0, 7); // 'a' then 3 × 'a' at distance 1
  assert.deepEqual([...gunzip(member(ok.bytes(), { content: Buffer.from('aaaa') }), 4)], [97, 97, 97, 97]);
  const d30 = bitWriter(); // distance code 30 does not exist
  d30.put(1, 1); d30.put(1, 2); d30.code(0x30 + 0x61, 8); d30.code(1, 7); d30.code(30, 5); d30.code(0, 7);
  assert.throws(() => gunzip(member(d30.bytes(), { content: Buffer.from('aaaa') }), 4), /distance symbol/);
  const stored = new Uint8Array([1, 4, 0, 0xfa, 0xff, 1, 2, 3, 4]); // NLEN is not ~LEN
  assert.throws(() => gunzip(member(stored, { content: Uint8Array.of(1, 2, 3, 4) }), 4), /stored block/);
  const type3 = bitWriter(); type3.put(1, 1); type3.put(3, 2);
  assert.throws(() => gunzip(member(type3.bytes(), { content: new Uint8Array(0) }), 0), /block type/);
});

// ---- Accepting and using status lists

const K = testKey(7);
const OTHER = testKey(8);
const at = T0 + 86400;
const trusted = () => loadKeySets([keySet([K, { ...OTHER, extra: { nbf: T0, exp: T0 + 10, revoked_at: T0 + 5 } }]), keySet([testKey(9)], { issuer: 'mx.otro' })]);
const withStatus = (idx, extra = {}) => token(claims({ status: { idx }, exp: T0 + 1e6, ...extra }), K);

test('a status list decides tokens with status while it is fresh', async () => {
  const store = await trusted();
  assert.equal(await addStatusList(store, statusList(K, { set: [0, 42, 131071] })), ISSUER);
  const reason = async (idx, when = at) => (await verify(withStatus(idx), store, { at: when })).reason;
  assert.equal(await reason(42), 'revoked');
  assert.equal(await reason(0), 'revoked');
  assert.equal(await reason(131071), 'revoked');
  assert.equal(await reason(43), null);
  assert.equal(await reason(131072), 'status_unavailable');
  assert.equal(await reason(4294967295), 'status_unavailable');
  assert.equal(await reason(42, T0 + 7 * 86400 - 1), 'revoked');
  assert.equal(await reason(43, T0 + 7 * 86400), 'status_unavailable'); // at = exp: stale, no leeway
  assert.equal((await verify(token(claims(), K), store, { at: T0 + 1e7 })).reason, null); // no status: no list needed
  // Expired before the status is looked at.
  assert.equal((await verify(withStatus(42, { exp: T0 + 100 }), store, { at: T0 + 200 })).reason, 'expired');
  // A list of another issuer does not help.
  const other = await trusted();
  await addStatusList(other, statusList(testKey(9), { iss: 'mx.otro' }));
  assert.equal((await verify(withStatus(42), other, { at })).reason, 'status_unavailable');
});

test('the list in use: greatest iat, the first of equals, even when stale', async () => {
  const store = await trusted();
  await addStatusList(store, statusList(K, { iat: T0, exp: T0 + 1e6, set: [1] }));
  await addStatusList(store, statusList(K, { iat: T0 - 10, exp: T0 + 2e6, set: [2] })); // older: ignored
  await addStatusList(store, statusList(K, { iat: T0, exp: T0 + 3e6, set: [3] })); // same iat: the first stays
  const r = async (idx) => (await verify(withStatus(idx), store, { at })).reason;
  assert.deepEqual([await r(1), await r(2), await r(3)], ['revoked', null, null]);
  await addStatusList(store, statusList(K, { iat: T0 + 1, exp: T0 + 2, set: [2] })); // newer, already stale
  assert.equal(await r(1), 'status_unavailable');
});

test('status lists that must not be used are refused', async () => {
  const store = await trusted();
  const refused = async (text, re) => assert.rejects(addStatusList(store, text), re);
  await refused(statusList(testKey(9), { iss: 'mx.nadie' }), /not trusted/);
  await refused(statusList(testKey(9)), /does not verify/); // another issuer's key
  await refused(statusList(testKey(5)), /does not verify/); // a key nobody trusts
  await refused(statusList(OTHER, { iat: T0 + 10 }), /does not verify/); // outside its window
  await refused(statusList(OTHER, { iat: T0 + 5 }), /does not verify/); // revoked for that iat
  await addStatusList(store, statusList(OTHER, { iat: T0 + 4 }));
  const good = statusList(K);
  const [h, p, s] = good.split('.');
  await refused(`${h}.${p}.${s.slice(0, -2)}`, /64 bytes/);
  await refused(`${h}.${p}.${b64u(Buffer.from(s, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b)))}`, /does not verify/);
  const claimsText = (c) => jws(header(K.kid, 'sello-status+jwt'), c, K);
  const lst = b64u(gzipSync(new Uint8Array(16384)));
  const base = { iss: ISSUER, iat: T0, exp: T0 + 10, size: 131072, lst };
  const variants = [
    { size: 131064, lst: b64u(gzipSync(new Uint8Array(16383))) }, { size: 131076 }, { size: 16777224 }, { size: 0 },
    { lst: lst + '=' }, { lst: b64u(gzipSync(new Uint8Array(16385))) }, { exp: T0 }, { iat: -1 }, { exp: 253402300800 },
    { iss: 'mx prueba' }, { iss: '' },
  ];
  for (const v of variants) await refused(claimsText(JSON.stringify({ ...base, ...v })), /status list|list is not gzip/);
  for (const text of [
    `{"iss":"${ISSUER}","iat":${T0},"exp":${T0 + 10},"size":131072.0,"lst":"${lst}"}`,
    `{"iss":"${ISSUER}","iat":${T0},"exp":${T0 + 10},"size":18446744073709551616,"lst":"${lst}"}`,
    `{"iss":"${ISSUER}","iat":${T0},"exp":${T0 + 10},"size":-131072,"lst":"${lst}"}`,
    `{"iss":"${ISSUER}","iat":${T0},"exp":${T0 + 10},"size":131072,"lst":"${lst}","x":1}`,
    `{"iss":"${ISSUER}","iat":${T0},"exp":null,"size":131072,"lst":"${lst}"}`,
    `{"iss":"${ISSUER}","iat":${T0},"iat":${T0},"exp":${T0 + 10},"size":131072,"lst":"${lst}"}`,
    `["${ISSUER}",${T0},${T0 + 10},131072,"${lst}"]`,
  ]) {
    await refused(claimsText(text), /status list token/);
  }
  await refused(claimsText(`{"iss":"${ISSUER}","iat":${T0},"exp":${T0 + 10},"size":18446744073709551615,"lst":"${lst}"}`), /multiple of 8/);
  await refused(jws(header(K.kid), JSON.stringify(base), K), /typ/);
  await refused(`${good}.x`, /3 parts/);
  await refused(`${good} x`, /base64url/);
  await refused(`a.b.${'c'.repeat(4194304)}`, /limit/);
  // Surrounding Unicode white space is ignored; the largest list is read whole.
  await addStatusList(store, `\u0085 \t${good}\u3000\n`);
  await addStatusList(store, statusList(K, { iat: T0 + 100, size: 16777216, set: [16777215] }));
  assert.equal((await verify(withStatus(16777215), store, { at })).reason, 'revoked');
  await assert.rejects(addStatusList({}, good), TypeError);
});
