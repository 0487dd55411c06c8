// The federation vectors (tests/vectors/federation/*.json, FORMAT.md §10.5) through the
// JavaScript verifier: every root chain, every bundle (with its ratchet state and maximum age)
// and every verdict through the bundle must come out as the file says, as they do for the Rust
// reference (crates/sello-verifier/tests/federation_vectors.rs).  Run: node --test tests/web/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  FederationError, MemoryStorage, acceptBundle, acceptBundleWithState, checkRatchet, describeTrust, parseRoot,
  pinRoot, pinRootWithMemory, rootFingerprint, trustStoreFromBundle, verify, walkRoots,
} from '../../crates/sello-web/static/sello-verify.js';

const file = (name) => JSON.parse(readFileSync(new URL(`../vectors/federation/${name}`, import.meta.url), 'utf8'));
const UNAUTHENTIC = ['malformed_token', 'unsupported_header', 'invalid_claims', 'unknown_issuer', 'unknown_key',
  'bad_signature', 'trust_bundle_older_than_token'];

test('roots.json: every chain is walked or refused as the file says', async (t) => {
  const doc = file('roots.json');
  const pinned = await pinRoot(JSON.stringify(doc.pinned_root));
  assert.ok(doc.roots.length >= 10);
  for (const c of doc.roots) {
    await t.test(c.name, async () => {
      let accepted = true;
      let error = null;
      try {
        const chain = [];
        for (const d of c.chain) chain.push(await parseRoot(d));
        await walkRoots(pinned, chain);
      } catch (e) {
        assert.ok(e instanceof FederationError, `${c.name}: ${e.stack}`);
        assert.ok(e.message.length > 0);
        accepted = false;
        error = e;
      }
      assert.equal(accepted, c.accept, `roots.json / ${c.name}: ${error?.kind} ${error?.message}`);
    });
  }
});

test('bundles.json: every bundle is accepted or refused as the file says', async (t) => {
  const doc = file('bundles.json');
  const pinned = await pinRoot(doc.pinned_root);
  assert.ok(doc.bundles.length >= 20);
  for (const c of doc.bundles) {
    await t.test(c.name, async () => {
      let error = null;
      try {
        const b = await acceptBundle(pinned, c.bundle, { at: c.at, leeway: doc.leeway, maxAge: c.max_age });
        checkRatchet(c.state, b);
      } catch (e) {
        assert.ok(e instanceof FederationError, `${c.name}: ${e.stack}`);
        assert.ok(e.message.length > 0);
        error = e;
      }
      assert.equal(error === null, c.accept, `bundles.json / ${c.name}: ${error?.kind}/${error?.problem} ${error?.message}`);
      // The same through a stored record.
      const storage = new MemoryStorage();
      const key = `sello-federation:${doc.federation}:${await rootFingerprint(pinned)}:ratchet`;
      if (c.state !== null) storage.setItem(key, JSON.stringify(c.state));
      const before = storage.getItem(key);
      const stored = await acceptBundleWithState(pinned, c.bundle, { at: c.at, leeway: doc.leeway, maxAge: c.max_age, storage })
        .then(() => true, () => false);
      assert.equal(stored, c.accept);
      if (!c.accept) assert.equal(storage.getItem(key), before, 'a refused bundle leaves the record');
    });
  }
});

test('bundles.json: the refusals name the reference\'s errors', async () => {
  const doc = file('bundles.json');
  const pinned = await pinRoot(doc.pinned_root);
  const expected = {
    rollback: 'rollback', equivocation: 'equivocation', root_rollback: 'root_rollback', stale_over_max_age: 'too_old',
    from_the_future: 'from_future', wrong_typ_certificate: 'bundle', wrong_typ_status: 'bundle',
    signed_by_root_key: 'signed_by_root_key', unknown_signer: 'unknown_signer', tampered: 'bad_signature',
    other_federation: 'federation_mismatch', oversized_scope: 'bundle', oversized_chain: 'bundle',
    status_list_by_another_key: 'bundle',
  };
  for (const c of doc.bundles) {
    if (!(c.name in expected)) continue;
    const e = await acceptBundle(pinned, c.bundle, { at: c.at, leeway: doc.leeway, maxAge: c.max_age })
      .then((b) => checkRatchet(c.state, b)).then(() => null, (err) => err);
    assert.equal(e?.kind, expected[c.name], `${c.name}: ${e?.message}`);
  }
});

test('verdicts.json: every case through the bundle', async (t) => {
  const doc = file('verdicts.json');
  const pinned = await pinRoot(doc.pinned_root);
  const seen = new Set();
  for (const c of doc.cases) {
    await t.test(c.name, async () => {
      const accepted = await acceptBundle(pinned, doc.bundle, { at: c.at, leeway: doc.leeway });
      const store = await trustStoreFromBundle(accepted);
      const r = await verify(c.token, store, { at: c.at, leeway: doc.leeway });
      assert.equal(r.verdict, c.verdict, `verdicts.json / ${c.name}: ${r.detail}`);
      assert.equal(r.reason, c.reason, `verdicts.json / ${c.name}: ${r.detail}`);
      const authentic = !UNAUTHENTIC.includes(r.reason);
      assert.equal(r.claims !== null, authentic);
      assert.equal(r.trust !== undefined, authentic, 'every authentic result through a bundle names the chain');
      if (r.trust) {
        assert.equal(r.trust.trust_as_of, accepted.claims.iat);
        assert.equal(r.trust.federation, doc.federation);
        assert.equal(r.trust.fresh, c.at < accepted.claims.fresh_until);
        assert.ok(describeTrust(r.trust, r.issuer.name, 'es').includes('acreditado por'));
      }
      seen.add(r.reason);
    });
  }
  for (const reason of ['issuer_suspended', 'issuer_not_accredited', 'standard_out_of_scope', 'trust_bundle_older_than_token', 'revoked', null]) {
    assert.ok(seen.has(reason), `no case for ${reason}`);
  }
});

test('the chain in words, and its staleness note', async () => {
  const doc = file('verdicts.json');
  const pinned = await pinRoot(doc.pinned_root);
  const c = doc.cases.find((x) => x.name === 'in_scope');
  const store = await trustStoreFromBundle(await acceptBundle(pinned, doc.bundle, { at: c.at }));
  const r = await verify(c.token, store, { at: c.at });
  assert.equal(r.verdict, 'valid');
  assert.equal(describeTrust(r.trust, r.issuer.name, 'es'),
    `${r.issuer.name}, acreditado por CONOCER para EC0105 desde 2025-09-23 (según el paquete de confianza del 2026-01-21)`);
  const stale = doc.cases.find((x) => x.name === 'stale_bundle_decides_older_certificates');
  const r2 = await verify(stale.token, store, { at: stale.at });
  assert.equal(r2.trust.fresh, false);
  assert.match(describeTrust(r2.trust, r2.issuer.name, 'en'), /according to the trust bundle of 2026-01-21\) The trust bundle is past its freshness date/);
  // Untrusted names are escaped.
  assert.ok(describeTrust(r.trust, 'A\u202eB', 'en').startsWith('A\\u{202e}B, accredited by CONOCER'));
});

test('a remembered root is never silently replaced', async () => {
  const roots = file('roots.json');
  const key = `sello-federation:${roots.federation}:root`;
  const storage = new MemoryStorage();
  const v1 = await pinRootWithMemory(roots.pinned_root, storage);
  assert.equal(v1.claims.version, 1);
  assert.notEqual(storage.getItem(key), null);
  const chain = (name) => roots.roots.find((c) => c.name === name).chain;
  const v2 = await pinRootWithMemory(chain('rotation_met').at(-1), storage);
  assert.equal(v2.claims.version, 2);
  // v1 offered again: the remembered v2 stays.
  assert.equal((await pinRootWithMemory(roots.pinned_root, storage)).claims.version, 2);
  // A version 2 not authorised by version 1's keys is refused, and replaces nothing.
  const other = new MemoryStorage();
  await pinRootWithMemory(roots.pinned_root, other);
  const before = other.getItem(key);
  for (const name of ['old_threshold_not_met', 'new_threshold_not_met']) {
    await assert.rejects(pinRootWithMemory(chain(name).at(-1), other), (e) => e instanceof FederationError, name);
  }
  // Another document with version 1: refused.
  await assert.rejects(pinRootWithMemory(chain('conflicting_version').at(-1), other), (e) => e.kind === 'root_conflict');
  // Version 3 straight after 1: the remembered root stays in use, for a bundle's chain to walk.
  assert.equal((await pinRootWithMemory(chain('rotation_two_steps').at(-1), other)).claims.version, 1);
  assert.equal(other.getItem(key), before);
});

test('a bundle accepted with state remembers the newest root its chain reached', async () => {
  const doc = file('bundles.json');
  const storage = new MemoryStorage();
  const pinned = await pinRootWithMemory(doc.pinned_root, storage);
  const rotated = doc.bundles.find((c) => c.name === 'root_rotation_restarts_sequence');
  const accepted = await acceptBundleWithState(pinned, rotated.bundle, { at: rotated.at, storage });
  assert.equal(accepted.root.claims.version, 2);
  // Pinning version 1 again now gives the remembered version 2.
  assert.equal((await pinRootWithMemory(doc.pinned_root, storage)).claims.version, 2);
  // And a bundle signed under version 1 is then refused.
  const good = doc.bundles.find((c) => c.name === 'good');
  await assert.rejects(acceptBundleWithState(await pinRootWithMemory(doc.pinned_root, storage), good.bundle, { at: good.at, storage }),
    (e) => e instanceof FederationError);
});

test('ratchet records are kept per federation and pinned root, and carried over a rotation', async () => {
  const doc = file('bundles.json');
  const pinned = await pinRoot(doc.pinned_root);
  const fingerprint = await rootFingerprint(pinned);
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  const storage = new MemoryStorage();
  const good = doc.bundles.find((c) => c.name === 'good');
  const accepted = await acceptBundleWithState(pinned, good.bundle, { at: good.at, storage });
  assert.equal(accepted.pinned, fingerprint);
  assert.deepEqual(JSON.parse(storage.getItem(`sello-federation:${doc.federation}:${fingerprint}:ratchet`)),
    { root: 1, seq: 7, sha256: accepted.sha256 });
  // A record under another pinned root does not touch this one.
  storage.setItem(`sello-federation:${doc.federation}:${'f'.repeat(64)}:ratchet`, JSON.stringify({ root: 1, seq: 1e15, sha256: '0'.repeat(64) }));
  await acceptBundleWithState(pinned, good.bundle, { at: good.at, storage });
  const rollback = doc.bundles.find((c) => c.name === 'rollback');
  storage.setItem(`sello-federation:${doc.federation}:${fingerprint}:ratchet`, JSON.stringify(rollback.state));
  await assert.rejects(acceptBundleWithState(pinned, rollback.bundle, { at: rollback.at, storage }), (e) => e.kind === 'rollback');
  // Rotated to version 2 through a bundle's chain: the record follows the root now remembered.
  const page = new MemoryStorage();
  const first = await pinRootWithMemory(doc.pinned_root, page);
  const rotated = doc.bundles.find((c) => c.name === 'root_rotation_restarts_sequence');
  const b2 = await acceptBundleWithState(first, rotated.bundle, { at: rotated.at, storage: page });
  const v2 = await pinRootWithMemory(doc.pinned_root, page);
  assert.equal(v2.claims.version, 2);
  assert.deepEqual(JSON.parse(page.getItem(`sello-federation:${doc.federation}:${await rootFingerprint(v2)}:ratchet`)),
    { root: 2, seq: b2.claims.seq, sha256: b2.sha256 });
});
