// Differential test against the Rust CLI: thousands of generated tokens (signed with tricky
// claims, or mutated vectors) must get the same verdict, reason and claims from both verifiers.
// Opt-in, since it needs the binary:
//   cargo build -p sello-cli && SELLO_BIN=$PWD/target/debug/sello node --test tests/web/
// No difference is excused: the two verifiers must agree on every case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { addStatusList, isPresentedAsToken, loadKeySets, verify } from '../../crates/sello-web/static/sello-verify.js';
import { b64u, jws, testKey } from './helpers.mjs';

const BIN = process.env.SELLO_BIN;
const CASES = Number(process.env.SELLO_DIFF_CASES ?? 3000);
const AT = 1769817600;

let seed = 0x9e3779b9;
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
let chaos = 1;
const weird = (p) => rnd() < p * chaos;

const NUMS = ['1767225600', '0', '-0', '1.0', '1e3', '1767225600.0', '-1', '253402300799', '253402300800', '9223372036854775807',
  '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615', '18446744073709551616', '1e400',
  '4294967295', '4294967296', '42', 'null', '"1"', 'true', '[]', '{}', '1769817660', '1769817661', '1769817540', '1769817539', '01'];
const CHARS = ['a', 'Ñ', ' ', '\u00a0', '\u0085', '\ufeff', '\u2028', '\u1680', '\u180e', '\u200b', '\u3000', '\t', '\u007f', '\u009f',
  '😀', '\u0000', '"', '\\', '/', '#', '.', '_', 'Z'];

function jsonString(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c < 0x20 || (c < 0x10000 && rnd() < 0.1)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
const ws = () => pick(['', '', '', ' ', '\n', '\t ', '\r\n']);
function object(members) {
  if (rnd() < 0.5) members.sort(() => rnd() - 0.5);
  if (weird(0.05) && members.length) members.push(pick(members));
  if (weird(0.05)) members.push([pick(['sub', 'aud', 'x']), '1']);
  return `{${ws()}${members.map(([k, v]) => `${jsonString(k)}${ws()}:${ws()}${v}`).join(`${ws()},${ws()}`)}${ws()}}`;
}
function text(limit) {
  const r = chaos < 1 ? rnd() * 0.85 : rnd();
  if (r < 0.5) return jsonString(pick(['Ana', 'EC0105', 'Atención', '3']));
  if (r < 0.8) return jsonString(Array.from({ length: Math.floor(rnd() * 6) }, () => pick(CHARS)).join(''));
  if (r < 0.9) return jsonString(pick(['a', '😀', 'é', ' ']).repeat(limit + Math.floor(rnd() * 3) - 1));
  return pick(['null', '5', '[]', '{}']);
}
function payload() {
  const h = [['n', text(200)]];
  if (rnd() < 0.3) h.push(['id', text(64)]);
  const a = [['c', text(32)], ['t', text(300)]];
  if (rnd() < 0.3) a.push(['l', text(32)]);
  const cert = [['h', object(h)], ['a', object(a)]];
  if (rnd() < 0.3) cert.push(['u', text(200)]);
  if (rnd() < 0.3) {
    const x = Array.from({ length: pick([0, 1, 2, 16, 17]) }, (_, i) => [weird(0.1) ? pick(['Bad', '', 'ñ', 'a'.repeat(41), 'a'.repeat(40), '__proto__']) : `k${i}`, text(300)]);
    cert.push(['x', weird(0.05) ? 'null' : object(x)]);
  }
  const c = [['iss', weird(0.1) ? pick(['"mx.otro.emisor"', '"mx sello"', '""', '"mx.nadie"', '5']) : '"mx.sello.prueba"'],
    ['jti', weird(0.1) ? pick(['"a/b"', '""', `"${'x'.repeat(65)}"`, 'null']) : '"PRB-1"'],
    ['iat', weird(0.3) ? pick(NUMS) : pick(['1767225600', '1769817660', '1769817661', '0'])]];
  if (rnd() < 0.3) c.push(['nbf', weird(0.5) ? pick(NUMS) : pick(['1', '1769817660', '1769817661'])]);
  if (rnd() < 0.5) c.push(['exp', weird(0.5) ? pick(NUMS) : pick(['1800000000', '1769817540', '1769817539', '1767225601'])]);
  c.push(['cert', weird(0.03) ? pick(['null', '[]', '"x"']) : object(cert)]);
  if (rnd() < 0.4) c.push(['status', weird(0.2) ? pick(['null', '[42]', '{}']) : object([['idx', weird(0.3) ? pick(NUMS) : pick(['42', '43', '131071', '131072', '0'])]])]);
  return weird(0.03) ? `[${c.map(([, v]) => v).join(',')}]` : object(c);
}
function header(kid) {
  const m = [['alg', weird(0.1) ? pick(['"Ed25519"', '"eddsa"', '"none"', '5']) : '"EdDSA"'],
    ['kid', weird(0.1) ? pick(['""', '"x"', '7', `"${'k'.repeat(65)}"`, '"aVBtapLd11Q"', '"d8Me3uJ82jg"']) : JSON.stringify(kid)],
    ['typ', weird(0.15) ? pick(['"SELLO+JWT"', '"application/sello+jwt"', '"JWT"', '"ſello+jwt"', '"sello-status+jwt"', '5']) : '"sello+jwt"']];
  if (weird(0.05)) m.splice(Math.floor(rnd() * 3), 1);
  if (weird(0.05)) m.push([pick(['cty', 'jwk', 'crit']), '"x"']);
  return object(m);
}
function mutate(t) {
  const i = Math.floor(rnd() * t.length);
  const r = rnd();
  if (r < 0.3) return t.slice(0, i) + pick(['A', '-', '_', '=', '+', '.', ' ', '#', 'é']) + t.slice(i + 1);
  if (r < 0.5) return t.slice(0, i);
  if (r < 0.7) return t.slice(0, i) + t.slice(i + 1);
  if (r < 0.8) return pick(['https://x.mx/v#', '  ', 'abc#', '\u0085', '\ufeff']) + t + pick(['', '\n', ' ', '\u3000']);
  return t.replace(/\.[^.]*$/, '.' + b64u(Buffer.alloc(64, Math.floor(rnd() * 256))));
}
// The numeric form of the QR text (FORMAT.md §4.1), sometimes with a digit dropped, changed or
// a pair added that is no character of a token.
function numeric(t) {
  if (!/^[A-Za-z0-9_.-]+$/.test(t)) return t;
  let digits = [...t].map((c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('');
  if (weird(0.3)) {
    const i = Math.floor(rnd() * digits.length);
    digits = pick([digits.slice(0, i) + digits.slice(i + 1), digits.slice(0, i) + String(Math.floor(rnd() * 10)) + digits.slice(i + 1),
      digits + pick(['78', '02', '13', '99'])]);
  }
  return pick(['https://x.mx/v#n', 'n', ' n']) + digits;
}
const sortKeys = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v ?? null);

test('the JavaScript and Rust verifiers agree', { skip: BIN ? false : 'set SELLO_BIN to the sello binary to run' }, async (t) => {
  const vectorsDir = new URL('../vectors/', import.meta.url);
  const status = JSON.parse(readFileSync(new URL('status.json', vectorsDir), 'utf8'));
  const seeds = ['valid', 'malformed', 'signature', 'time', 'keys', 'trust', 'unsupported_header', 'invalid_claims', 'status']
    .flatMap((f) => JSON.parse(readFileSync(new URL(`${f}.json`, vectorsDir), 'utf8')).cases.map((c) => c.token));
  const keys = [testKey(1), testKey(2), testKey(5)];
  const cases = [];
  for (let n = 0; n < CASES; n++) {
    if (rnd() < 0.65) {
      chaos = rnd() < 0.6 ? 0.1 : 1;
      const key = rnd() < 0.95 ? keys[0] : pick(keys);
      cases.push(jws(header(key.kid), payload(), key));
    } else cases.push(mutate(pick(seeds)));
    if (rnd() < 0.15) cases[n] = numeric(cases[n]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'sello-diff-'));
  try {
    status.key_sets.forEach((s, i) => writeFileSync(join(dir, `key-set-${i}.json`), JSON.stringify(s)));
    writeFileSync(join(dir, 'status.jwt'), status.status_lists[0]);
    cases.forEach((c, i) => writeFileSync(join(dir, `${i}.txt`), c));
    const rust = [];
    for (let b = 0; b < cases.length; b += 400) {
      const files = cases.slice(b, b + 400).map((_, j) => join(dir, `${b + j}.txt`));
      const keyArgs = status.key_sets.flatMap((_, i) => ['--keys', join(dir, `key-set-${i}.json`)]);
      const out = spawnSync(BIN, ['verify', '--json', ...keyArgs, '--status', join(dir, 'status.jwt'), '--at', String(AT), '--leeway', '60', ...files],
        { encoding: 'utf8', maxBuffer: 1 << 28 });
      const lines = out.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.equal(lines.length, files.length, out.stderr);
      rust.push(...lines);
    }
    const store = await loadKeySets(status.key_sets);
    await addStatusList(store, status.status_lists[0]);
    const differences = [];
    for (const [i, c] of cases.entries()) {
      const r = rust[i];
      // Text not presented as a token is an input error for a person (FORMAT.md §4.4).
      if (!isPresentedAsToken(c) || r.verdict === null) {
        if (isPresentedAsToken(c) || r.error !== 'not_a_certificate') {
          differences.push({ text: c, js: ['presented', isPresentedAsToken(c)], rust: [r.error ?? null, r.message] });
        }
        continue;
      }
      const js = await verify(c, store, { at: AT, leeway: 60 });
      const same = js.verdict === r.verdict && js.reason === (r.reason ?? null) &&
        JSON.stringify(sortKeys(js.claims)) === JSON.stringify(sortKeys(r.claims));
      if (same) continue;
      differences.push({ text: c, js: [js.reason, js.detail], rust: [r.reason ?? null, r.detail] });
    }
    t.diagnostic(`${cases.length} cases, no difference allowed`);
    assert.deepEqual(differences.slice(0, 5), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
