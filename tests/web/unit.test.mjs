// Unit tests of the JavaScript verifier: strict JSON, base64url, token extraction, messages,
// key sets, and token rules the shared vectors do not reach.  Run: node --test tests/web/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { MESSAGES, VERSION, _internal, escapeText, formatMessage, extractToken, loadKeySets, numericError, supportsEd25519, verify } from '../../crates/sello-web/static/sello-verify.js';
import { ISSUER, T0, b64u, claims, header, jws, keySet, testKey, token } from './helpers.mjs';

const { parseStrictJson, b64decode, JsonNumber } = _internal;
const bytes = (s) => new TextEncoder().encode(s);
const parse = (s, max = 1 << 20) => parseStrictJson(typeof s === 'string' ? bytes(s) : s, max);
const refused = (s, max) => assert.throws(() => parse(s, max), undefined, JSON.stringify(s));

test('strict JSON: duplicate members at any depth, compared after unescaping', () => {
  for (const doc of ['{"a":1,"a":2}', '{"x":{"b":1,"c":2,"b":3}}', '[{"k":1,"k":1}]', '{"iss":"a","\\u0069ss":"b"}',
    '{"a":{"deep":[{"z":null,"z":null}]}}']) {
    assert.throws(() => parse(doc), /duplicate member/, doc);
  }
  assert.deepEqual(Object.keys(parse('{"a":{"a":1}}')), ['a']);
  assert.equal(parse('{"__proto__":1}')['__proto__'] instanceof JsonNumber, true);
});

test('strict JSON: 16 levels of arrays and objects, empty or not, and no more', () => {
  parse('['.repeat(16) + ']'.repeat(16));
  refused('['.repeat(17) + ']'.repeat(17));
  parse('['.repeat(16) + '1' + ']'.repeat(16)); // a scalar may sit at level 17
  parse('{"a":'.repeat(15) + '{}' + '}'.repeat(15));
  refused('{"a":'.repeat(16) + '{}' + '}'.repeat(16));
  refused('[{"a":'.repeat(8) + '[]' + '}]'.repeat(8));
});

test('strict JSON: BOM, UTF-8, size cap, trailing data, strings', () => {
  refused(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
  refused(' \ufeff{}');
  refused(new Uint8Array([0x22, 0xff, 0x22]));
  refused(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])); // an encoded surrogate
  refused('[1,2,3]', 6);
  parse('[1,2,3]', 7);
  refused('{} {}');
  parse(' {} \n');
  for (const s of ['"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '"\\x"', '"a\u0001"', '"\\u12"', '"abc', "'a'", '[1,]', '{"a":1,}', 'nul', '']) refused(s);
  assert.equal(parse('"\\ud83d\\ude00\\u00e9\\/\u007f"'), '😀é/\u007f');
});

test('strict JSON: numbers are classified as the reference reads them', () => {
  const kind = (s) => { const v = parse(s); return `${v.kind}${v.int === null ? '' : ':' + v.int}`; };
  assert.equal(kind('0'), 'u64:0');
  assert.equal(kind('18446744073709551615'), 'u64:18446744073709551615');
  assert.equal(kind('100000000000000000000'), 'f64'); // beyond u64: a float, never an integer
  assert.equal(kind('-9223372036854775808'), 'i64:-9223372036854775808');
  assert.equal(kind('-9223372036854775809'), 'f64');
  for (const s of ['-0', '1.0', '1e3', '1E+3', '0e999', '1e-400', '1.7976931348623157e308', '-1.5']) assert.equal(kind(s), 'f64', s);
  // serde_json refuses these as out of range (including the one JavaScript rounds to MAX_VALUE).
  for (const s of ['1e400', '-1e400', '1.7976931348623158e308', '1' + '0'.repeat(400), '1e99999999999']) refused(s);
  for (const s of ['01', '-01', '1.', '.5', '+1', '-', '1e', '1e+', '0x10', 'NaN', 'Infinity']) refused(s);
});

test('base64url is strict', () => {
  assert.deepEqual([...b64decode('-_8')], [0xfb, 0xff]);
  assert.deepEqual([...b64decode('')], []);
  assert.deepEqual([...b64decode('AAEC')], [0, 1, 2]);
  for (const s of ['-_8=', '+/8', '-_8 ', '-_9', 'A', '====', 'a.b', 'AA==', 'AQ=', 'é', '\u0000']) assert.equal(b64decode(s), null, s);
  assert.equal(_internal.b64encode(new Uint8Array([0xfb, 0xff])), '-_8');
});

test('extractToken: bare tokens and URL fragments, trimmed by Unicode White_Space', () => {
  assert.equal(extractToken('https://v.example.mx/v#abc.def.ghi'), 'abc.def.ghi');
  assert.equal(extractToken('  abc.def.ghi\n'), 'abc.def.ghi');
  assert.equal(extractToken('abc#def'), 'abc#def');
  assert.equal(extractToken('https://v/x#a#b'), 'a#b');
  assert.equal(extractToken('\u0085\u3000a.b.c\u2029'), 'a.b.c');
  assert.equal(extractToken('\ufeffa.b.c'), '\ufeffa.b.c'); // U+FEFF is not White_Space
  assert.equal(extractToken('x#https://y'), 'x#https://y');
  assert.throws(() => extractToken(7), TypeError);
});

test('extractToken: the numeric form, two digits a character (code point − 45)', () => {
  assert.equal(extractToken('https://v.example.mx/v#n000103122045505277'), '-.09AZ_az');
  assert.equal(extractToken(' n52015354\n'), 'a.bc');
  for (const asIs of ['n', 'n5201a', 'N5201', 'v#n5201']) assert.equal(extractToken(asIs), asIs);
  assert.equal(numericError('n520'), 'odd_length');
  assert.equal(numericError('https://v/x#n5299'), 'bad_pair');
  assert.equal(numericError('n02'), 'bad_pair');
  assert.equal(numericError(`n${'00'.repeat(4097)}`), 'too_long');
  assert.equal(numericError(`n${'00'.repeat(4096)}`), null);
  assert.equal(numericError('a.b.c'), null);
  assert.throws(() => extractToken('n520'), (e) => e.numeric === 'odd_length');
});

test('MESSAGES come from the Rust catalogues: every reason, both languages', () => {
  const ftl = (lang) => readFileSync(new URL(`../../crates/sello-core/i18n/${lang}.ftl`, import.meta.url), 'utf8');
  const entries = (lang) => Object.fromEntries(ftl(lang).split('\n')
    .filter((l) => /^[a-z]/.test(l)).map((l) => l.split(' = ')).map(([id, ...rest]) => [id, rest.join(' = ')]));
  for (const lang of ['es', 'en']) {
    const e = entries(lang);
    const reasons = Object.keys(e).filter((id) => id.startsWith('reason-'));
    assert.equal(reasons.length, 16);
    for (const id of reasons) assert.equal(MESSAGES[lang][id.slice(7)], e[id], id);
    assert.equal(MESSAGES[lang].valid, e['verification-valid']);
    assert.equal(MESSAGES[lang].headline.invalid, e['verdict-invalid']);
  }
  assert.equal(Object.keys(MESSAGES.es).length, 18);
  assert.deepEqual(Object.keys(MESSAGES.es), Object.keys(MESSAGES.en));
  assert.equal(formatMessage('es', 'json-too-large', { len: 9, max: 3 }), 'el documento tiene 9 bytes; el límite es 3');
  assert.equal(formatMessage('en', 'no-such-message'), 'no-such-message');
  assert.equal(VERSION, '1');
});

test('supportsEd25519 in Node 20', async () => {
  assert.equal(await supportsEd25519(), true);
});

// ---- Key sets (FORMAT.md §5)

const K = testKey(7);
const K2 = testKey(8);
const set = (jwk, top = '') => `{"issuer":"mx.t","issuer_name":"Prueba",${top}"keys":[${jwk}]}`;
const jwk = (extra = '', x = K.x) => `{"kty":"OKP","crv":"Ed25519","x":"${x}"${extra}}`;
const loads = (doc) => loadKeySets([doc]);
const refusedSet = async (doc, re) => assert.rejects(loads(doc), re, doc);

test('key sets: what is accepted', async () => {
  const store = await loads(set(jwk(`,"kid":"${K.kid}","alg":"EdDSA","use":"sig","nbf":10,"exp":20,"revoked_at":15`)));
  const key = store.issuers.get('mx.t').keys[0];
  assert.deepEqual({ kid: key.kid, nbf: key.nbf, exp: key.exp, revoked_at: key.revoked_at }, { kid: K.kid, nbf: 10, exp: 20, revoked_at: 15 });
  // A WebCrypto export, unknown members at both levels, nulls for optional members.
  await loads(set(`{"key_ops":["verify","x"],"ext":true,"crv":"Ed25519","x":"${K.x}","kty":"OKP","alg":"Ed25519"}`, '"logo":{"a":[1.5,-0,null]},'));
  await loads(set(jwk(',"kid":null,"alg":null,"use":null,"key_ops":null,"nbf":null,"exp":null,"revoked_at":null'), '"verify_url":null,'));
  for (const url of ['https://v.example.mx/v', 'http://localhost', 'http://localhost:8080/v', 'http://127.0.0.1/v']) {
    await loads(set(jwk(), `"verify_url":"${url}",`));
  }
  await loads(new TextEncoder().encode(set(jwk())));
  // The RFC 8037 key and its kid (§11.3).
  const rfc = await loads(set(jwk('', '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo')));
  assert.equal(rfc.issuers.get('mx.t').keys[0].kid, 'kPrK_qmxVWY');
});

test('key sets: the time_zone member (FORMAT.md §5.1)', async () => {
  for (const [given, kept] of [['America/Mexico_City', 'America/Mexico_City'], ['America/Tijuana', 'America/Tijuana'],
    ['UTC', 'UTC'], ['utc', 'UTC'], ['Etc/GMT+6', 'Etc/GMT+6'], ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires']]) {
    const store = await loads(set(jwk(), `"time_zone":"${given}",`));
    assert.equal(store.issuers.get('mx.t').issuer.time_zone, kept, given);
  }
  // Absent or null: UTC, and no member in the issuer (as the Rust verifier's JSON).
  for (const top of ['', '"time_zone":null,']) {
    assert.equal(Object.hasOwn((await loads(set(jwk(), top))).issuers.get('mx.t').issuer, 'time_zone'), false);
  }
  for (const name of ['', 'US/Eastern', 'EST', 'PST', 'Mexico/General', 'America/', 'America//Mexico_City', 'America/Mexico City',
    '+05:00', 'America/México', 'SystemV/EST5', '../../etc/passwd', `America/${'A'.repeat(58)}`]) {
    await refusedSet(set(jwk(), `"time_zone":${JSON.stringify(name)},`), /time_zone must be an IANA name/);
  }
  for (const name of ['America/Atlantis', 'Europe/Mordor', 'Etc/Unknown']) {
    await refusedSet(set(jwk(), `"time_zone":"${name}",`), /is not a time zone of the IANA database/);
  }
  await refusedSet(set(jwk(), '"time_zone":5,'));
  // Two key sets of one issuer that differ only in the zone conflict.
  await assert.rejects(loadKeySets([set(jwk(), '"time_zone":"America/Tijuana",'), set(jwk())]), /appears twice/);
});

test('key sets: what is refused', async () => {
  for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) await refusedSet(set(jwk(`,"${m}":null`)), /private/);
  await refusedSet(set(`{"d":null,"kty":5}`), /private/);
  const bad = [
    jwk(',"kid":"other"'), jwk(',"kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"'), jwk(',"alg":"ES256"'),
    jwk(',"alg":"eddsa"'), jwk(',"use":"enc"'), jwk(',"key_ops":["sign"]'), jwk(',"key_ops":"verify"'),
    jwk(',"nbf":20,"exp":10'), jwk(',"nbf":20,"exp":20'), jwk(',"exp":-1'), jwk(',"revoked_at":253402300800'),
    jwk(',"nbf":1.0'), jwk(',"exp":9223372036854775808'), jwk(',"kid":5'), jwk('', 'AAAA'), jwk('', `${K.x}=`),
    '{"kty":"OKP","crv":"X25519","x":"' + K.x + '"}', '{"kty":"EC","crv":"Ed25519","x":"' + K.x + '"}',
    '{"crv":"Ed25519","x":"' + K.x + '"}', '"key"', '[]',
  ];
  for (const k of bad) await refusedSet(set(k));
  await refusedSet(set(`${jwk()},${jwk()}`), /share the kid/);
  await refusedSet(set(''), /1 to 64 keys/);
  const many = Array.from({ length: 65 }, () => jwk('', generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x));
  await refusedSet(set(many.join(',')), /1 to 64 keys/);
  await loads(set(many.slice(0, 64).join(',')));
  for (const top of ['"verify_url":"http://localhost.example/",', '"verify_url":"http://127.0.0.10/",', '"verify_url":"HTTPS://v.mx/",',
    '"verify_url":"https://v.mx/#x",', '"verify_url":"https://v.mx/ a",', `"verify_url":"https://${'a'.repeat(200)}",`, '"verify_url":5,']) {
    await refusedSet(set(jwk(), top));
  }
  for (const doc of [`{"issuer_name":"P","keys":[${jwk()}]}`, `{"keys":[${jwk()}]}`, `{"issuer":"mx t","issuer_name":"P","keys":[${jwk()}]}`,
    `{"issuer":"mx.t","issuer_name":" \u00a0","keys":[${jwk()}]}`, `{"issuer":"mx.t","issuer_name":"T\u0007","keys":[${jwk()}]}`,
    `{"issuer":"mx.t","issuer_name":"${'a'.repeat(201)}","keys":[${jwk()}]}`, `{"issuer":"mx.t","issuer_name":"P","keys":{}}`,
    `{"issuer":"mx.t","issuer_name":"P","issuer":"mx.t","keys":[${jwk()}]}`, set(jwk(',"ext":true,"ext":true')),
    set(jwk(), `"x":${'['.repeat(16)}${']'.repeat(16)},`), set(jwk(), `"x":1e400,`),
    // FORMAT.md §5.4.1 says a JSON object; the Rust reader also takes an array in struct order.
    `["mx.t","Prueba",null,[${jwk()}]]`, set(jwk()) + ' x', '\ufeff' + set(jwk())]) {
    await refusedSet(doc);
  }
  await refusedSet(set(jwk(), `"pad":"${' '.repeat(262144)}",`), /262144/);
  await assert.rejects(loadKeySets(['{"a":"\ud800"}']), TypeError);
  await assert.rejects(loadKeySets([42]), TypeError);
});

test('key sets: the 8 small-order points and non-canonical encodings (as tests/e2e/adversarial.rs)', async () => {
  const x = (hex) => Buffer.from(hex, 'hex').toString('base64url');
  const ff = 'ff'.repeat(30);
  // Orders 1, 2, 4, 4, 8, 8, 8, 8 (sello_testkit::vectors::SMALL_ORDER_POINTS).
  for (const hex of ['01' + '00'.repeat(31), `ec${ff}7f`, '00'.repeat(32), '00'.repeat(31) + '80',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa']) {
    await refusedSet(set(jwk('', x(hex))), /small-order/);
  }
  // y = p, p + 1, p + 4, p + 18 (with and without the sign bit), x = -0, and y = 2 and p + 2
  // (not on the curve).
  for (const hex of [`ed${ff}7f`, `ed${ff}ff`, `ee${ff}7f`, `ee${ff}ff`, '01' + '00'.repeat(30) + '80', `ec${ff}ff`,
    `f1${ff}7f`, `ff${ff}7f`]) {
    await refusedSet(set(jwk('', x(hex))), /not the canonical encoding of its point/);
  }
  // The reference's words tell the two apart, and so do these (the same messages.js).
  for (const hex of ['02' + '00'.repeat(31), `ef${ff}7f`]) {
    await refusedSet(set(jwk('', x(hex))), /x is not a valid Ed25519 point$/);
  }
  // A small-order key after a good one refuses the whole set.
  await refusedSet(set(`${jwk()},${jwk('', x('01' + '00'.repeat(31)))}`), /key 1: .*small-order/);
  await refusedSet(set(jwk(), `"x":${'['.repeat(100000)}${']'.repeat(100000)},`), /nesting deeper than 16/);
});

test('trust store: the same set twice is harmless, a different one for the issuer conflicts', async () => {
  const a = set(`${jwk()},${jwk('', K2.x)}`);
  const sameReordered = `{"keys":[${jwk('', K2.x)},${jwk(`,"kid":"${K.kid}","ext":1`)}],"issuer_name":"Prueba","issuer":"mx.t","verify_url":null}`;
  await loadKeySets([a, sameReordered]);
  for (const other of [set(jwk()), set(`${jwk(',"revoked_at":5')},${jwk('', K2.x)}`), set(`${jwk()},${jwk('', K2.x)}`, '"verify_url":"https://v.mx",'),
    `{"issuer":"mx.t","issuer_name":"Otro","keys":[${jwk()},${jwk('', K2.x)}]}`]) {
    await assert.rejects(loadKeySets([a, other]), /appears twice/);
  }
});

// ---- Tokens: rules beyond the shared vectors

const store = await loadKeySets([keySet([K])]);
const at = T0 + 86400;
const check = async (text, reason, opts = { at }) => {
  const r = await verify(text, store, opts);
  assert.equal(r.reason, reason, `${r.detail}`);
  return r;
};
const payload = (s) => token(s, K);

test('a valid token returns the claims as the reference serialises them', async () => {
  const r = await check(token(claims({ exp: T0 + 10 * 86400, cert: { h: { n: 'Ana', id: null }, a: { c: 'C', t: 'T', l: '3' }, u: null, x: { b: '2', a: '1' } }, nbf: null }), K), null);
  assert.deepEqual(r, {
    verdict: 'valid', reason: null, detail: null, issuer: { id: ISSUER, name: 'Emisor web', verify_url: null }, kid: K.kid,
    claims: { iss: ISSUER, jti: 'WEB-1', iat: T0, exp: T0 + 10 * 86400, cert: { h: { n: 'Ana' }, a: { c: 'C', t: 'T', l: '3' }, x: { a: '1', b: '2' } } },
  });
  assert.equal((await check(token(claims({ cert: { h: { n: 'A' }, a: { c: 'C', t: 'T' }, x: {} } }), K), null)).claims.cert.x, undefined);
  // Any member order, whitespace and escaping.
  await check(payload(` { "status" : null , "cert":{"a":{"t":"T","c":"C"},"h":{"n":"A\\u00f1a"}}, "iat" : ${T0}, "jti":"J", "\\u0069ss":"${ISSUER}" } `), null);
  await check(`  https://otra.example/v#${token(claims(), K)}\r\n`, null);
});

test('numbers and nulls in claims', async () => {
  const withIat = (v) => payload(`{"iss":"${ISSUER}","jti":"J","iat":${v},"cert":{"h":{"n":"A"},"a":{"c":"C","t":"T"}}}`);
  for (const v of ['100000000000000000000', '9223372036854775808', '-0', '1.0', '1e3', `${T0}.0`, 'null', `"${T0}"`, '-9223372036854775809']) {
    await check(withIat(v), 'malformed_token');
  }
  for (const v of ['9223372036854775807', '-9223372036854775808', '-1', '253402300800']) await check(withIat(v), 'invalid_claims');
  await check(token(claims({ iat: 253402300799 }), K), 'not_yet_valid');
  const with_ = (extra) => payload(JSON.stringify(claims()).slice(0, -1) + ',' + extra + '}');
  await check(with_('"exp":253402300799'), null);
  await check(with_('"exp":253402300800'), 'invalid_claims');
  await check(with_(`"exp":${T0}`), 'invalid_claims');
  await check(with_(`"nbf":${T0 + 5},"exp":${T0 + 5}`), 'invalid_claims');
  await check(with_('"status":{"idx":4294967295}'), 'status_unavailable');
  for (const bad of ['"status":{"idx":4294967296}', '"status":{"idx":null}', '"status":{}', '"status":{"idx":1,"x":1}', '"status":{"idx":-1}',
    '"status":[1]', '"sub":"x"', '"iss":"otro"', '"nbf":"1"']) {
    await check(with_(bad), 'malformed_token');
  }
  const cert = (c) => payload(`{"iss":"${ISSUER}","jti":"J","iat":${T0},"cert":${c}}`);
  for (const c of ['{"h":{"n":"A"},"a":{"c":"C","t":"T"},"x":null}', '{"h":{"n":"A"},"a":{"c":"C","t":"T"},"x":{"a":1}}',
    '{"h":{"n":"A","x":1},"a":{"c":"C","t":"T"}}', '{"h":{"n":null},"a":{"c":"C","t":"T"}}', '{"h":{"n":"A"}}',
    '[{"n":"A"},{"c":"C","t":"T"}]', '{"h":["A"],"a":{"c":"C","t":"T"}}', 'null']) {
    await check(cert(c), 'malformed_token');
  }
  // FORMAT.md §3.3 and §6.2 step 8: the payload is a JSON object. (The Rust reader also takes
  // an array in struct order; see the report.)
  await check(payload(`["${ISSUER}","J",${T0},null,null,{"h":{"n":"A"},"a":{"c":"C","t":"T"}},null]`), 'malformed_token');
});

test('the text rule and cert.x limits', async () => {
  const name = (n) => token(claims({ cert: { h: { n }, a: { c: 'C', t: 'T' } } }), K);
  for (const n of ['', ' ', '\u00a0', '\u0085', '\u3000\u2028', 'a\u0007', 'a\u009f', 'a'.repeat(201), '𝒜'.repeat(201),
    '\ufeff', 'a\u2028b', 'Ana \u202ezepóL', 'a\u200bb', 'a\u3164', 'a\u{e0041}', 'a\ue000']) {
    await check(name(n), 'invalid_claims');
  }
  for (const n of ['a'.repeat(200), '𝒜'.repeat(200), ' a ', 'a\u007e', 'אבג (ROCR780512)', 'a\u0301', 'a\ufffd']) await check(name(n), null);
  const x = (obj) => token(claims({ cert: { h: { n: 'A' }, a: { c: 'C', t: 'T' }, x: obj } }), K);
  const n = (k) => Object.fromEntries(Array.from({ length: k }, (_, i) => [`k${i}`, 'v']));
  await check(x(n(16)), null);
  await check(x(n(17)), 'invalid_claims');
  await check(x({ ['a'.repeat(40)]: 'v', '__proto__': 'p', 'a.b-c_9': 'v' }), null);
  for (const bad of [{ ['a'.repeat(41)]: 'v' }, { Bad: 'v' }, { '': 'v' }, { 'a b': 'v' }, { ñ: 'v' }, { a: ' ' }, { a: 'x'.repeat(301) }]) {
    await check(x(bad), 'invalid_claims');
  }
  await check(token(claims({ jti: 'a/b' }), K), 'invalid_claims');
  await check(token(claims({ jti: 'x'.repeat(65) }), K), 'invalid_claims');
  await check(token(claims({ iss: 'mx t' }), K), 'invalid_claims');
});

test('header rules', async () => {
  const withHeader = (h) => token(claims(), K, h);
  for (const typ of ['SELLO+JWT', 'application/sello+jwt', 'Application/Sello+Jwt']) await check(withHeader(header(K.kid, typ)), null);
  await check(withHeader(`{"typ":"sello+jwt","kid":"${K.kid}","alg":"Ed25519"}`), null);
  for (const h of [header(K.kid, 'JWT'), header(K.kid, ' sello+jwt'), header(K.kid, 'ſello+jwt'), header(K.kid, 'sello-status+jwt'),
    header(K.kid, 'application/application/sello+jwt'), '{"alg":"HS256","kid":7}', '{"alg":"EdDSA","kid":"k","cty":"x"}',
    `{"alg":"EdDSA","kid":"${K.kid}","typ":"sello+jwt","jwk":{}}`, '{"alg":"none"}', '{"alg":"EDDSA","kid":"k","typ":"sello+jwt"}']) {
    await check(withHeader(h), 'unsupported_header');
  }
  for (const h of ['{"kid":"k","typ":"sello+jwt"}', '{"alg":5}', '["EdDSA"]', '{"alg":"EdDSA","typ":"sello+jwt"}',
    `{"alg":"EdDSA","kid":"${'k'.repeat(65)}","typ":"sello+jwt"}`, '{"alg":"EdDSA","kid":"","typ":"sello+jwt"}',
    `{"alg":"EdDSA","kid":"${'ñ'.repeat(33)}","typ":"sello+jwt"}`, '{"alg":"EdDSA","kid":"k","typ":5}',
    `{"alg":"EdDSA","kid":"k","typ":"${'x'.repeat(500)}"}`, `{"alg":"EdDSA","alg":"EdDSA","kid":"${K.kid}","typ":"sello+jwt"}`]) {
    await check(withHeader(h), 'malformed_token');
  }
  await check(withHeader(`{"alg":"EdDSA","kid":"${'k'.repeat(64)}","typ":"sello+jwt"}`), 'unknown_key');
});

test('structure, signature and order of checks', async () => {
  const good = token(claims(), K);
  const [h, p, s] = good.split('.');
  await check(`${h}.${p}.${s.slice(0, -2)}`, 'malformed_token'); // 63 bytes
  await check(`${h}.${b64u(Buffer.from(JSON.stringify(claims({ jti: 'a/b' }))))}.${s.slice(0, -2)}`, 'malformed_token');
  await check(`${good}.`, 'malformed_token');
  await check(`${h}.${p}`, 'malformed_token');
  await check('', 'malformed_token');
  await check(good.replace('.', ' .'), 'malformed_token');
  await check(`${'a'.repeat(4095)}é`, 'malformed_token');
  const forged = token(claims(), K2, header(K.kid));
  const r = await check(forged, 'bad_signature');
  assert.deepEqual([r.verdict, r.issuer, r.kid, r.claims], ['invalid', null, null, null]);
  await check(token(claims({ iss: 'mx.nadie' }), K), 'unknown_issuer');
  await check(token(claims(), K, header(K2.kid)), 'unknown_key');
  const raw = Buffer.from(s, 'base64url');
  raw[0] ^= 1;
  await check(`${h}.${p}.${b64u(raw)}`, 'bad_signature');
});

test('clock: leeway edges, clamping, and huge times', async () => {
  const t = token(claims({ exp: T0 + 1000, nbf: T0 + 500 }), K);
  await check(t, null, { at: T0 + 440 });
  await check(t, 'not_yet_valid', { at: T0 + 439 });
  await check(t, null, { at: T0 + 1059 });
  await check(t, 'expired', { at: T0 + 1060 });
  await check(t, 'expired', { at: T0 + 1000, leeway: 0 });
  await check(t, null, { at: T0 + 999, leeway: 0 });
  await check(t, null, { at: T0 + 1000 + 3599, leeway: 100000 }); // clamped to 3,600
  await check(t, 'expired', { at: T0 + 1000 + 3600, leeway: 100000 });
  await check(t, null, { at: T0 + 500, leeway: -5 }); // clamped to 0
  await check(t, 'not_yet_valid', { at: T0 + 499, leeway: -5 });
  await check(t, 'expired', { at: 9223372036854775807n });
  await check(t, 'not_yet_valid', { at: -9223372036854775808n });
  await check(t, 'expired', { at: Number.MAX_VALUE });
  await assert.rejects(verify(t, store, { at: 1.5 }), TypeError);
  await assert.rejects(verify(t, {}, { at }), TypeError);
  await assert.rejects(verify(null, store, { at }), TypeError);
});

test('keys: revocation before window, no leeway on either', async () => {
  const KR = testKey(9);
  const s = await loadKeySets([keySet([{ ...K, extra: { nbf: T0, exp: T0 + 100 } }, { ...KR, extra: { revoked_at: T0 + 50, exp: T0 + 10 } }])]);
  const v = (c, key) => verify(token(claims(c), key), s, { at: T0 + 1e6 });
  assert.equal((await v({ iat: T0 }, K)).reason, null);
  assert.equal((await v({ iat: T0 + 99 }, K)).reason, null);
  assert.equal((await v({ iat: T0 + 100 }, K)).reason, 'key_not_valid_at_issuance');
  assert.equal((await v({ iat: T0 - 1 }, K)).reason, 'key_not_valid_at_issuance');
  assert.equal((await v({ iat: T0 + 50 }, KR)).reason, 'key_revoked');
  assert.equal((await v({ iat: T0 + 49 }, KR)).reason, 'key_not_valid_at_issuance');
  assert.equal((await v({ iat: T0 + 9 }, KR)).reason, null);
  const r = await v({ iat: T0 + 60, exp: T0 + 61 }, KR);
  assert.equal(r.reason, 'key_revoked'); // before expired
  assert.notEqual(r.claims, null);
});

test('loadBundle reads keys.json strictly and reports refused status lists', async () => {
  const { loadBundle: load } = await import('../../crates/sello-web/static/sello-verify.js');
  const doc = JSON.parse(readFileSync(new URL('../vectors/status.json', import.meta.url), 'utf8'));
  const bundle = JSON.stringify({ key_sets: doc.key_sets, status_lists: doc.status_lists });
  const { store, refused } = await load(bundle);
  assert.deepEqual(refused, []);
  assert.ok(store.statusLists.size >= 1);
  // A duplicate member anywhere in the bundle refuses it, as the Rust reader would.
  const dup = bundle.replace('"issuer_name":', '"issuer_name":"x","issuer_name":');
  await assert.rejects(load(dup), /duplicate/);
  // A status list that does not verify is reported, not silently dropped.
  const forged = doc.status_lists[0].slice(0, -4) + 'AAAA';
  const partial = await load(JSON.stringify({ key_sets: doc.key_sets, status_lists: [forged] }));
  assert.equal(partial.refused.length, 1);
  assert.equal(partial.store.statusLists.size, 0);
});

test('the forbidden-character table is the Rust reference\'s, and escapeText matches untrusted::escape', () => {
  const rust = readFileSync(new URL('../../crates/sello-core/src/untrusted.rs', import.meta.url), 'utf8');
  const table = rust.slice(rust.indexOf('pub const FORBIDDEN'), rust.indexOf('];', rust.indexOf('pub const FORBIDDEN')));
  const ranges = [...table.matchAll(/\(0x([0-9A-Fa-f]+), 0x([0-9A-Fa-f]+)\)/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
  assert.ok(ranges.length > 20);
  assert.deepEqual(_internal.FORBIDDEN.map((r) => [...r]), ranges);
  for (const c of [0x1b, 0x202e, 0x200b, 0x2028, 0x3164, 0xfeff, 0xe0041, 0x10fffd]) assert.ok(_internal.isForbidden(c), c.toString(16));
  for (const c of [0x20, 0x41, 0xf1, 0x5d0, 0x627, 0x4e2d, 0xfffd, 0x1f600]) assert.ok(!_internal.isForbidden(c), c.toString(16));
  assert.equal(escapeText('CECATI 149 \u202e'), 'CECATI 149 \\u{202e}');
  assert.equal(escapeText('\u001b[2J✔ VÁLIDO\r\n'), '\\u{1b}[2J✔ VÁLIDO\\u{d}\\u{a}');
});

test('key sets whose issuer name hides or reorders text are refused', async () => {
  const key = await testKey(1);
  for (const name of ['CECATI 149 \u202e', 'CECATI\u200b149', 'CECATI 149\u2069', 'CECATI\u3164149']) {
    await assert.rejects(loadKeySets(keySet([key], { name })), /issuer_name must not contain control or invisible format characters/, name);
  }
});
