// Differential test of trust bundles against the Rust CLI: generated and mutated root
// documents, trust bundles and certificate tokens (mutations of the federation vectors' documents,
// re-signed with the test keys) must get the same acceptance, the same error kind and the same
// verdicts, reasons, claims and trust chains from sello-verify.js and from
// `sello verify --trust root.json --bundle trust.jwt --json`. Each case has a state folder of its
// own (XDG_STATE_HOME); some cases accept two bundles one after the other in one folder, to
// exercise the ratchet. Opt-in, since it needs the binary:
//   cargo build -p sello-cli && SELLO_BIN=$PWD/target/debug/sello node --test tests/web/
// No difference is excused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  MemoryStorage, acceptBundleWithState, pinRoot, setLanguage, trustStoreFromBundle, verify,
} from '../../crates/sello-web/static/sello-verify.js';
import { CATALOG } from '../../crates/sello-web/static/messages.js';
import { b64u, jws, testKey } from './helpers.mjs';

const BIN = process.env.SELLO_BIN;
const CASES = Number(process.env.SELLO_FED_DIFF_CASES ?? 300);

let seed = Number(process.env.SELLO_FED_DIFF_SEED ?? 0x2545f491) >>> 0 || 1;
const rnd = () => { seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0; return seed / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const clone = (v) => JSON.parse(JSON.stringify(v));
const file = (name) => JSON.parse(readFileSync(new URL(`../vectors/federation/${name}`, import.meta.url), 'utf8'));
const decodePart = (t, i) => JSON.parse(Buffer.from(t.split('.')[i], 'base64url').toString('utf8'));
const sortKeys = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v ?? null);

const KEYS = Object.fromEntries([1, 2, 3, 4, 5, 101, 102, 103, 104, 111, 112].map((n) => [n, testKey(n)]));

/** A root document of `claims` signed by the root keys `signers`. */
function rootDoc(claims, signers) {
  const payload = b64u(Buffer.from(JSON.stringify(claims)));
  return {
    payload,
    signatures: signers.map((n) => {
      const protectedB64 = b64u(Buffer.from(`{"alg":"EdDSA","kid":"${KEYS[n].kid}","typ":"sello-root+json"}`));
      return { protected: protectedB64, signature: b64u(KEYS[n].sign(`${protectedB64}.${payload}`)) };
    }),
  };
}

const jwk = (n) => ({ kty: 'OKP', crv: 'Ed25519', x: KEYS[n].x, kid: KEYS[n].kid, alg: 'EdDSA', use: 'sig' });

const T0 = 1767225600;
const DAY = 86400;
const TIMES = [0, 1, -1, T0, T0 - 1, T0 + 1, T0 - 100 * DAY, T0 + 5 * DAY, T0 + 10 * DAY, T0 + 15 * DAY, T0 + 20 * DAY,
  T0 + 21 * DAY, T0 + 27 * DAY, T0 + 365 * DAY, 253402300799, 253402300800, 1758585600, 1768953600, 1769040000];
const time = () => (rnd() < 0.8 ? pick(TIMES) : pick(TIMES) + Math.floor(rnd() * 20 * DAY) - 10 * DAY);

function mutateRootClaims(c) {
  const r = rnd();
  if (r < 0.15) c.root_threshold = pick([0, 1, 3, 4, '2', 2.0]);
  else if (r < 0.25) c.version = pick([0, 2, 2147483647, 2147483648, -1]);
  else if (r < 0.35) c.registry_keys = pick([[], [jwk(101)], [jwk(111), jwk(111)], [jwk(112)], [{ ...jwk(111), exp: 5 }], [{ ...jwk(111), kid: 'x' }]]);
  else if (r < 0.45) c.root_keys = pick([[], [jwk(101)], [jwk(101), jwk(102), jwk(103), jwk(104)], [{ ...jwk(101), d: null }]]);
  else if (r < 0.55) c.name = pick(['', ' ', 'C\u202eONOCER', 'X'.repeat(201), 'Ñ']);
  else if (r < 0.65) c.federation = pick(['mx.otra', '', 'mx conocer']);
  else if (r < 0.75) c.iat = pick([-1, 253402300800, 1.5]);
  else if (r < 0.85) c.extra = 1;
  else delete c[pick(Object.keys(c))];
}

/** The pinned root: mostly the vectors' own, sometimes mutated and re-signed. */
function pinned(base, claims) {
  const r = rnd();
  if (r < 0.8) return JSON.stringify(base, null, pick([0, 2]));
  const c = clone(claims);
  if (r < 0.93) mutateRootClaims(c);
  return JSON.stringify(rootDoc(c, pick([[101, 102], [101], [101, 101], [102, 103, 101], [111, 112], []])));
}

function mutateIssuer(e, others) {
  const r = rnd();
  if (r < 0.15) e.accredited = pick([{ nbf: time() }, { nbf: time(), exp: time() }, { nbf: time(), exp: null }, { nbf: 'x' }, {}, { nbf: 1, exp: 1 }]);
  else if (r < 0.35) {
    const n = pick([0, 1, 2, 3, 256, 257]);
    e.scope = Array.from({ length: n }, (_, i) => {
      const s = { ec: i < 3 ? pick(['EC0105', 'EC0217.01', 'ec0105', 'EC0999', ' ', 'E'.repeat(33), 'EC\u200b0105']) : `EC${i}`, nbf: time() };
      if (rnd() < 0.5) s.exp = time();
      if (rnd() < 0.03) s.extra = 1;
      return s;
    });
  } else if (r < 0.5) e.suspended = pick([{ from: time(), reason: 'Auditoría' }, { from: time(), reason: '' }, { from: -5, reason: 'x' }, null, undefined]);
  else if (r < 0.6) e.status = pick([undefined, null, 'a.b.c', ` ${e.status ?? ''} `, ...others.map((o) => o.status).filter(Boolean)]);
  else if (r < 0.75) {
    const ks = e.key_set;
    const m = rnd();
    if (m < 0.25) ks.keys = pick([[], [jwk(4)], [jwk(1), jwk(2), jwk(3)], [jwk(5)], [{ ...jwk(1), revoked_at: T0 }], [{ ...jwk(1), nbf: T0 + DAY }]]);
    else if (m < 0.5) ks.issuer = pick(['mx.otro.emisor', 'mx.nuevo', 'mx sello', '']);
    else if (m < 0.7) ks.issuer_name = pick(['', 'CECATI\u202e', 'CECATI 149']);
    else if (m < 0.85) ks.verify_url = pick(['http://x.example/', 'https://ok.example/v', null, 5]);
    else ks.extra = { deep: [1, 2.5, 'x'] };
  } else if (r < 0.8) e.extra = 1;
  else if (r < 0.9) delete e[pick(['key_set', 'accredited', 'scope', 'suspended', 'status'])];
}

function mutateBundle(p, v2) {
  const r = rnd();
  if (r < 0.1) p.seq = pick([0, 1, 6, 7, 8, 9007199254740991, 9007199254740992, -1, '7', 7.5]);
  else if (r < 0.2) { p.iat = time(); if (rnd() < 0.5) p.fresh_until = time(); }
  else if (r < 0.25) p.federation = pick(['mx.otra', '', 'mx conocer']);
  else if (r < 0.35) {
    const m = rnd();
    if (m < 0.3) { p.roots = [...p.roots, v2]; p.root = 2; } else if (m < 0.5) p.roots = [];
    else if (m < 0.6) p.roots = [v2];
    else if (m < 0.7) p.root = pick([0, 2, 2147483648]);
    else if (m < 0.8) p.roots = Array(33).fill(p.roots[0] ?? v2);
    else if (m < 0.9) p.roots = [...p.roots, ...p.roots];
    else if (p.roots.length) {
      const r0 = clone(p.roots[0]);
      const k = rnd();
      if (k < 0.3) r0.signatures = r0.signatures.slice(1);
      else if (k < 0.5) r0.signatures = [...r0.signatures, r0.signatures[0]];
      else if (k < 0.7) r0.header = {};
      else if (k < 0.85) r0.signatures[0].signature = r0.signatures[0].signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      else r0.signatures = [];
      p.roots = [r0];
    }
  } else if (r < 0.4) p.verify_url = pick([undefined, null, 'http://x.example/', 'https://ok.example/v', 5]);
  else if (r < 0.5) {
    const m = rnd();
    if (m < 0.3) p.issuers = p.issuers.slice(1);
    else if (m < 0.6) p.issuers = [...p.issuers, p.issuers[0]];
    else p.issuers = p.issuers.reverse();
  } else if (r < 0.55) p.extra = 1;
  else if (r < 0.95) for (let n = 0; n < 1 + Math.floor(rnd() * 3); n++) mutateIssuer(pick(p.issuers), p.issuers);
}

function bundleText(p) {
  const signer = rnd() < 0.9 ? (p.root === 2 && rnd() < 0.8 ? 112 : 111) : pick([101, 5, 112]);
  let typ = 'sello-trust+jwt';
  if (rnd() < 0.03) typ = pick(['sello+jwt', 'sello-status+jwt', 'SELLO-TRUST+JWT', 'application/sello-trust+jwt']);
  let body = JSON.stringify(p, null, rnd() < 0.1 ? 1 : 0);
  if (rnd() < 0.03) body = body.replace('{"federation":', '{"seq":1,"federation":');
  // The text itself: numbers that are not integers, escapes, duplicates, nesting at the cap.
  if (rnd() < 0.12) {
    const depth = pick([11, 12, 13]);
    body = pick([
      (b) => b.replace(/"nbf":(\d+)/, '"nbf":$1.0'),
      (b) => b.replace(/"seq":(\d+)/, '"seq":$1e0'),
      (b) => b.replace(/"iat":(\d+)/, '"iat":-0'),
      (b) => b.replace('"ec":"EC0105"', '"ec":"EC0105","ec":"EC0105"'),
      (b) => b.replace('"ec":"EC0105"', '"\\u0065c":"EC0105"'),
      (b) => b.replace('"federation":"mx.conocer"', '"federation":"mx.conoc\\u0065r"'),
      (b) => b.replace('"key_set":{', `"key_set":{"x-deep":${'['.repeat(depth)}${']'.repeat(depth)},`),
      (b) => b.replace('"keys":[{', `"keys":[{"x-deep":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)},`),
      (b) => b.replace('"key_set":{', '"key_set":{"x-float":1.5e300,"x-big":18446744073709551616,'),
      (b) => `\ufeff${b}`,
      (b) => `${b} `,
    ])(body);
  }
  let t = jws(`{"alg":"EdDSA","kid":"${KEYS[signer].kid}","typ":"${typ}"}`, body, KEYS[signer]);
  const r = rnd();
  if (r < 0.03) t = ` \n${t}\n`;
  else if (r < 0.06) { const i = Math.floor(rnd() * t.length); t = t.slice(0, i) + pick(['A', '.', '=', '']) + t.slice(i + 1); }
  return t;
}

/** A certificate of issuer `iss` for standard `code` issued at `iat`, signed by seed `n`. */
function cert(n, iss, code, iat, idx) {
  const c = { iss, jti: 'DIF-1', iat, cert: { h: { n: 'Ana' }, a: { c: code, t: 'Estándar' }, u: 'CECATI 149' } };
  if (idx !== undefined) c.status = { idx };
  if (rnd() < 0.2) c.exp = iat + pick([1, DAY, 400 * DAY]);
  return jws(`{"alg":"EdDSA","kid":"${KEYS[n].kid}","typ":"sello+jwt"}`, JSON.stringify(c), KEYS[n]);
}

/** The kind of a refusal the CLI printed, by the English catalogue's messages. */
function classifier() {
  const en = CATALOG.en;
  const regex = (id) => new RegExp(`^${(typeof en[id] === 'string' ? [en[id]] : en[id])
    .map((p) => (typeof p === 'string' ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*')).join('')}$`);
  const fed = Object.keys(en).filter((id) => id.startsWith('fed-') && regex(id).test('x') === false && id !== 'fed-root' && id !== 'fed-bundle');
  const bundle = Object.keys(en).filter((id) => id.startsWith('bundle-'));
  const kinds = fed.map((id) => [id.slice(4).replaceAll('-', '_'), regex(id)]);
  kinds.push(['root', regex('fed-root')]);
  const problems = bundle.map((id) => [{ 'bundle-url': 'verify_url' }[id] ?? id.slice(7).replaceAll('-', '_'), regex(id)]);
  return (message) => {
    const kind = kinds.find(([, re]) => re.test(message))?.[0] ?? 'bundle';
    const problem = kind === 'bundle' ? problems.find(([, re]) => re.test(message))?.[0] ?? '?' : null;
    return [kind, problem];
  };
}

test('the JavaScript and Rust verifiers agree on trust bundles', { skip: BIN ? false : 'set SELLO_BIN to the sello binary to run' }, async (t) => {
  setLanguage('en');
  const verdicts = file('verdicts.json');
  const rootClaims = JSON.parse(Buffer.from(verdicts.pinned_root.payload, 'base64url').toString('utf8'));
  const base = decodePart(verdicts.bundle, 1);
  const v2 = file('roots.json').roots.find((c) => c.name === 'rotation_met').chain.at(-1);
  const seedTokens = verdicts.cases.map((c) => c.token);
  const classify = classifier();
  const dir = mkdtempSync(join(tmpdir(), 'sello-fed-diff-'));
  const differences = [];
  const tally = { accepted: 0, refused: 0, verdicts: 0, ratchet: 0 };
  const kinds = {};
  const reasons = {};
  try {
    for (let n = 0; n < CASES; n++) {
      const caseDir = join(dir, String(n));
      mkdirSync(caseDir);
      const rootText = pinned(verdicts.pinned_root, rootClaims);
      const bundles = [];
      const twice = rnd() < 0.15;
      for (let b = 0; b < (twice ? 2 : 1); b++) {
        const p = clone(base);
        if (rnd() < 0.85) mutateBundle(p, v2);
        if (twice && rnd() < 0.7) p.seq = pick([6, 7, 8]);
        bundles.push(rnd() < 0.1 && b === 1 ? bundles[0] : bundleText(p));
      }
      const at = rnd() < 0.7 ? pick(verdicts.cases).at : time();
      const maxAge = rnd() < 0.15 ? pick([0, DAY, 30 * DAY]) : null;
      const tokens = [...seedTokens];
      for (let k = 0; k < 8; k++) {
        tokens.push(cert(pick([1, 1, 1, 2, 3, 4, 5]), pick(['mx.sello.prueba', 'mx.otro.emisor', 'mx.nuevo']),
          pick(['EC0105', 'EC0217.01', 'EC0999']), time(), rnd() < 0.3 ? pick([42, 43, 131072]) : undefined));
      }
      writeFileSync(join(caseDir, 'root.json'), rootText);
      tokens.forEach((tok, i) => writeFileSync(join(caseDir, `${i}.txt`), tok));
      const env = { ...process.env, LC_ALL: 'en_US.UTF-8', XDG_STATE_HOME: join(caseDir, 'state') };
      const storage = new MemoryStorage();
      let jsPinned = null;
      let jsPinError = null;
      try {
        jsPinned = await pinRoot(rootText);
      } catch (e) {
        jsPinError = e;
      }
      for (const [b, bundle] of bundles.entries()) {
        const bundlePath = join(caseDir, `trust-${b}.jwt`);
        writeFileSync(bundlePath, bundle);
        const args = ['verify', '--json', '--trust', join(caseDir, 'root.json'), '--bundle', bundlePath, `--at=${at}`];
        if (maxAge !== null) args.push(`--max-bundle-age=${maxAge}`);
        const files = b === bundles.length - 1 ? tokens.map((_, i) => join(caseDir, `${i}.txt`)) : [join(caseDir, '0.txt')];
        const out = spawnSync(BIN, [...args, ...files], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
        const lines = out.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const rustRefused = out.status === 2 && lines.length === 0;
        let rustKind = null;
        if (rustRefused) {
          const message = out.stderr.trim().split('\n').at(-1).replace(/^sello: error: /, '');
          const path = [join(caseDir, 'root.json'), bundlePath].find((f) => message.startsWith(`${f}: `));
          rustKind = classify(path === undefined ? message : message.slice(path.length + 2));
        }
        let jsError = jsPinError;
        let accepted = null;
        if (jsError === null) {
          try {
            accepted = await acceptBundleWithState(jsPinned, bundle, { at, leeway: 60, maxAge, storage });
          } catch (e) {
            jsError = e;
          }
        }
        if (!(jsError === null || jsError.kind)) throw jsError; // a bug, not a refusal
        const jsKind = jsError ? [jsError.kind, jsError.kind === 'bundle' ? jsError.problem : null] : null;
        if (b > 0) tally.ratchet++;
        if (JSON.stringify(jsKind) !== JSON.stringify(rustKind)) {
          differences.push({ n, b, js: [jsKind, jsError?.message], rust: [rustKind, out.stderr.trim()] });
          break;
        }
        if (rustRefused) {
          tally.refused++;
          kinds[rustKind.join('/')] = (kinds[rustKind.join('/')] ?? 0) + 1;
          continue;
        }
        tally.accepted++;
        if (b < bundles.length - 1) continue;
        assert.equal(lines.length, tokens.length, out.stderr);
        const store = await trustStoreFromBundle(accepted);
        for (const [i, tok] of tokens.entries()) {
          const r = lines[i];
          const js = await verify(tok, store, { at, leeway: 60 });
          tally.verdicts++;
          reasons[r.reason ?? 'valid'] = (reasons[r.reason ?? 'valid'] ?? 0) + 1;
          const same = js.verdict === r.verdict && js.reason === (r.reason ?? null) &&
            JSON.stringify(sortKeys(js.claims)) === JSON.stringify(sortKeys(r.claims)) &&
            JSON.stringify(sortKeys(js.trust)) === JSON.stringify(sortKeys(r.trust));
          if (!same) differences.push({ n, token: i, js: [js.reason, js.detail, js.trust], rust: [r.reason ?? null, r.detail, r.trust] });
        }
      }
      rmSync(caseDir, { recursive: true, force: true });
      if (differences.length >= 5) break;
    }
    t.diagnostic(`${CASES} cases: ${JSON.stringify(tally)}; no difference allowed`);
    t.diagnostic(`refusals: ${JSON.stringify(kinds)}`);
    t.diagnostic(`verdicts: ${JSON.stringify(reasons)}`);
    assert.deepEqual(differences.slice(0, 5), []);
    assert.ok(tally.accepted > CASES / 5 && tally.refused > CASES / 5 && tally.ratchet > 0, JSON.stringify(tally));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
