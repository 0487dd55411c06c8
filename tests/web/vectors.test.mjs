// The shared vectors (tests/vectors/*.json, FORMAT.md §10) through the JavaScript verifier:
// every case must get the verdict and reason code the file expects, and claims exactly when
// FORMAT.md §6.5 says so.  Run: node --test tests/web/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { addStatusList, attributeLabel, isPresentedAsToken, loadKeySets, numericError, verify } from '../../crates/sello-web/static/sello-verify.js';

const dir = fileURLToPath(new URL('../vectors/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const UNAUTHENTIC = ['malformed_token', 'unsupported_header', 'invalid_claims', 'unknown_issuer', 'unknown_key', 'bad_signature'];

let total = 0;
const reasonsSeen = new Set();

for (const file of files) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  test(file, async (t) => {
    // Key sets as the text a verifier would download (and once more as objects: same store).
    const store = await loadKeySets(doc.key_sets.map((set) => JSON.stringify(set, null, 2)));
    const fromObjects = await loadKeySets(doc.key_sets);
    assert.deepEqual([...fromObjects.issuers.keys()], [...store.issuers.keys()]);
    for (const list of doc.status_lists) await addStatusList(store, list);
    for (const refused of doc.refused_status_lists) {
      await assert.rejects(addStatusList(store, refused.token), undefined, `${file} / refused ${refused.name}`);
    }
    for (const refused of doc.refused_key_sets) {
      await assert.rejects(loadKeySets(refused.key_set), undefined, `${file} / refused key set ${refused.name}`);
    }
    for (const l of doc.attribute_labels) {
      assert.equal(attributeLabel(store, l.issuer, l.key, l.lang), l.label, `${file} / label ${JSON.stringify(l)}`);
    }
    for (const c of doc.cases) {
      await t.test(c.name, async () => {
        const r = await verify(c.token, store, { at: c.at, leeway: doc.leeway });
        assert.equal(r.verdict, c.verdict, `${file} / ${c.name}: ${r.detail}`);
        assert.equal(isPresentedAsToken(c.token), c.input_error === undefined, `${file} / ${c.name}: presented as a token`);
        assert.equal(r.reason, c.reason, `${file} / ${c.name}: ${r.detail}`);
        assert.equal(numericError(c.token), c.numeric_error ?? null, `${file} / ${c.name}: numeric_error`);
        const authentic = !UNAUTHENTIC.includes(r.reason);
        assert.equal(r.claims !== null, authentic, 'claims only once the signature verified');
        assert.equal(r.issuer !== null, authentic);
        assert.equal(r.kid !== null, authentic);
        assert.equal(r.detail === null, r.verdict === 'valid');
        if (authentic) {
          assert.equal(r.issuer.id, r.claims.iss);
          assert.equal(typeof r.issuer.name, 'string');
        }
        reasonsSeen.add(r.reason);
        total++;
      });
    }
  });
}

test('every reason code has a vector, and every case ran', () => {
  assert.ok(files.length >= 10, `vector files: ${files}`);
  for (const reason of ['malformed_token', 'unsupported_header', 'invalid_claims', 'unknown_issuer',
    'unknown_key', 'bad_signature', 'expired', 'not_yet_valid', 'key_not_valid_at_issuance',
    'key_revoked', 'revoked', 'status_unavailable', null]) {
    assert.ok(reasonsSeen.has(reason), `no vector for ${reason}`);
  }
  const expected = files.reduce((n, f) => n + JSON.parse(readFileSync(join(dir, f), 'utf8')).cases.length, 0);
  assert.equal(total, expected);
});
