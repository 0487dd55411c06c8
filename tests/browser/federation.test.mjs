// The page through a federation's trust bundle, on a static export (`sello site export --trust
// root.json --bundle trust.jwt`) served by a plain file server: the page pins the root that
// keys.json carries, accepts trust.jwt itself and shows the accreditation chain; out-of-scope
// and suspended certificates get their reasons; a bundle older than one the device already
// accepted is refused (the ratchet lives in localStorage and survives a reload); axe-core finds
// nothing wrong in these states. The federation is made here with `sello federation …`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SELLO, SHOTS, freePort, serve, serveFolder, launch, receipt } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PASS = 'qV7#tR2m-Kx9$wL4p-Zc8!nB3s-navegador';
const ROOT_PASS = ['primera frase raíz larga del navegador', 'segunda frase raíz larga del navegador',
  'tercera frase raíz larga del navegador'];

let work, browser, site, staticServer, staticPort;
const tokens = {};

function run(args, { json = false } = {}) {
  const env = { ...process.env, SELLO_PASSPHRASE: PASS, LANG: 'es_MX.UTF-8', XDG_STATE_HOME: join(work, 'state') };
  delete env.SELLO_KEYS;
  ROOT_PASS.forEach((p, i) => { env[`SELLO_ROOT_PASSPHRASE_${i + 1}`] = p; });
  const r = spawnSync(SELLO, args, { encoding: 'utf8', env, cwd: work });
  assert.equal(r.status, 0, `sello ${args.join(' ')}: ${r.stderr}`);
  return json ? JSON.parse(r.stdout) : r.stdout;
}

function exportSite(bundle) {
  run(['site', 'export', '--trust', 'conocer/root.json', '--bundle', bundle, '--out', site]);
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sello-browser-fed-'));
  site = join(work, 'site');
  run(['federation', 'init', '--dir', 'conocer', '--id', 'mx.conocer', '--name', 'CONOCER',
    '--root-keys', '3', '--threshold', '2']);
  mkdirSync(join(work, 'status'));
  for (const [dir, id, name, code] of [['cecati149', 'mx.cecati149', 'CECATI 149', 'EC0105'],
    ['cecati151', 'mx.cecati151', 'CECATI 151', 'EC0105']]) {
    run(['keygen', '--dir', dir, '--id', id, '--name', name]);
    run(['federation', 'accredit', '--dir', 'conocer', '--keys', `${dir}/jwks.json`, '--standards', code,
      '--from', '2026-01-01']);
  }
  const issue = (dir, code) => run(['issue', '--dir', dir, '--json', '--holder', 'María Guadalupe Hernández López',
    '--code', code, '--title', 'Atención al ciudadano en el sector público'], { json: true }).token;
  tokens.valid = issue('cecati149', 'EC0105');
  tokens.outOfScope = issue('cecati149', 'EC0301');
  tokens.suspended = issue('cecati151', 'EC0105');
  for (const dir of ['cecati149', 'cecati151']) {
    run(['status', 'publish', '--dir', dir]);
    copyFileSync(join(work, dir, 'status.jwt'), join(work, 'status', `${dir}.jwt`));
  }
  // Bundle 1; then CECATI 151 suspended (from before its certificate was issued), bundle 2.
  run(['federation', 'publish', '--dir', 'conocer', '--status', 'status', '--out', 'trust-1.jwt']);
  // A copy of the registry as it is now signs another bundle 2 later (an equivocation, as a
  // restored backup would).
  cpSync(join(work, 'conocer'), join(work, 'conocer-copy'), { recursive: true });
  run(['federation', 'suspend', '--dir', 'conocer', '--issuer', 'mx.cecati151', '--from', '2026-01-02',
    '--reason', 'Auditoría: evaluaciones sin evidencia']);
  run(['federation', 'publish', '--dir', 'conocer', '--status', 'status', '--out', 'trust-2.jwt']);
  run(['federation', 'suspend', '--dir', 'conocer-copy', '--issuer', 'mx.cecati149', '--from', '2026-01-02',
    '--reason', 'Otra auditoría']);
  run(['federation', 'publish', '--dir', 'conocer-copy', '--status', 'status', '--out', 'trust-2-other.jwt']);
  exportSite('trust-2.jwt');
  ({ server: staticServer, port: staticPort } = await serveFolder(site));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  staticServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${staticPort}`;

/** A page in a new context; `days`: its clock that many days ahead. */
async function newPage(locale = 'es-MX', { days = 0 } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  if (days) {
    await context.addInitScript((shift) => {
      const now = Date.now;
      Date.now = () => now() + shift;
    }, days * 86400 * 1000);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, errors, requests };
}

async function verdict(page, token) {
  await page.goto(`${base()}/#${token}`);
  const card = page.locator('#result article.card').first();
  await card.waitFor({ timeout: 15000 });
  return { card, cls: await card.getAttribute('class'), text: await card.innerText() };
}

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

const today = () => new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());

test('a certificate on the static export verifies through the bundle and shows the accreditation chain', async () => {
  const { context, page, errors, requests } = await newPage();
  const { cls, text } = await verdict(page, tokens.valid);
  await page.screenshot({ path: join(SHOTS, 'federation-valid.png'), fullPage: true });
  assert.match(cls, /\bvalid\b/);
  assert.match(text, /CERTIFICADO VÁLIDO/);
  assert.match(text, /Acreditación/);
  assert.ok(text.includes(`CECATI 149, acreditado por CONOCER para EC0105 desde 1 de enero de 2026 (según el paquete de confianza del ${today()})`), text);
  assert.match(text, /Verificado en este dispositivo/);
  assert.ok(text.includes(`127.0.0.1:${staticPort}`), 'the page\'s own address');
  assert.doesNotMatch(text, /frescura/);
  assert.ok(requests.includes('/trust.jwt') && requests.includes('/keys.json'), requests.join(' '));
  // Each name is isolated from the catalogue's sentence.
  const isolated = await page.locator('.accreditation dd bdi').allInnerTexts();
  assert.deepEqual(isolated, ['CECATI 149', 'CONOCER', 'EC0105']);
  assert.deepEqual(errors, []);
  // In English.
  await page.click('#lang-switch');
  const english = await page.locator('#result article.card').first().innerText();
  assert.ok(english.includes('CECATI 149, accredited by CONOCER for EC0105 since 1 January 2026 (according to the trust bundle of'), english);
  await context.close();
});

test('sello serve --trust --bundle: the page at the service verifies through the bundle too', async () => {
  const port = await freePort();
  const server = await serve(['--trust', join(work, 'conocer', 'root.json'), '--bundle', join(work, 'trust-2.jwt')], port);
  try {
    const { context, page, requests } = await newPage();
    await page.goto(`http://127.0.0.1:${port}/#${tokens.valid}`);
    const card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 15000 });
    const text = await card.innerText();
    assert.match(text, /CERTIFICADO VÁLIDO/);
    assert.match(text, /CECATI 149, acreditado por CONOCER para EC0105 desde 1 de enero de 2026/);
    assert.match(text, /Verificado en este dispositivo/);
    assert.ok(requests.includes('/trust.jwt'));
    assert.ok(!requests.some((r) => r.startsWith('/api/')), 'verified on the device');
    // The service's own verdict says the same.
    const answer = await (await fetch(`http://127.0.0.1:${port}/api/verify`, { method: 'POST', body: tokens.suspended })).json();
    assert.equal(answer.reason, 'issuer_suspended');
    assert.equal(answer.trust.federation_name, 'CONOCER');
    await context.close();
  } finally {
    server.kill('SIGTERM');
  }
});

test('out of scope and suspended: the federation\'s reasons', async () => {
  const { context, page } = await newPage();
  let { cls, text } = await verdict(page, tokens.outOfScope);
  assert.match(cls, /\binvalid\b/);
  assert.match(text, /El emisor no estaba acreditado para este estándar en la fecha de emisión/);
  ({ cls, text } = await verdict(page, tokens.suspended));
  assert.match(cls, /\binvalid\b/);
  assert.match(text, /suspendi/i);
  await page.locator('details.technical summary').first().click();
  assert.match(await page.locator('details.technical').first().innerText(), /issuer_suspended/);
  await context.close();
});

test('a bundle past its freshness date still decides, with a note that says so', async () => {
  // Eight days on: the bundle (fresh for 7) is stale, and so is the centre's status list.
  const { context, page } = await newPage('es-MX', { days: 8 });
  const { text } = await verdict(page, tokens.outOfScope);
  assert.match(text, /El emisor no estaba acreditado para este estándar/);
  assert.match(text, /El paquete de confianza ya pasó su fecha de frescura: consiga uno más reciente/);
  assert.match(text, /acreditado por CONOCER desde 1 de enero de 2026 \(según el paquete de confianza del/);
  await page.screenshot({ path: join(SHOTS, 'federation-stale.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  const fresh = await newPage();
  assert.doesNotMatch((await verdict(fresh.page, tokens.outOfScope)).text, /frescura/);
  await fresh.context.close();
  await context.close();
});

test('a rolled-back bundle served after a newer one is refused, and the ratchet survives a reload', async () => {
  const { context, page } = await newPage();
  const { cls } = await verdict(page, tokens.valid);
  assert.match(cls, /\bvalid\b/);
  const records = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sello-federation:mx.conocer:') && k.endsWith(':ratchet')).map((k) => localStorage.getItem(k)));
  assert.equal(records.length, 1);
  assert.equal(JSON.parse(records[0]).seq, 2);
  try {
    // The same site now serves the older bundle 1 (in which CECATI 151 was not suspended).
    exportSite('trust-1.jwt');
    for (const token of [tokens.suspended, tokens.valid]) {
      await page.goto('about:blank');
      await page.goto(`${base()}/#${token}`);
      const status = page.locator('#status.error');
      await status.waitFor({ timeout: 15000 });
      const said = await status.innerText();
      assert.match(said, /más antiguo que uno que este dispositivo ya aceptó/);
      assert.match(said, /no se verificó ningún certificado/);
      assert.equal(await page.locator('#result article.card').count(), 0, 'no verdict');
    }
    await page.screenshot({ path: join(SHOTS, 'federation-rollback.png'), fullPage: true });
    assert.deepEqual(await axe(page), []);
    await page.click('#lang-switch');
    assert.match(await page.locator('#status').innerText(), /older than one this device has already accepted/);
    // Another visitor, who never saw bundle 2, accepts bundle 1.
    const other = await newPage();
    const fresh = await verdict(other.page, tokens.suspended);
    assert.match(fresh.cls, /\bvalid\b/);
    await other.context.close();
  } finally {
    exportSite('trust-2.jwt');
  }
  // Bundle 2 again: accepted on this device.
  await page.goto('about:blank');
  const again = await verdict(page, tokens.suspended);
  assert.match(again.text, /suspendi/i);
  await context.close();
});

test('another bundle with the number of one already accepted (equivocation) is refused', async () => {
  const { context, page } = await newPage('en-US');
  assert.match((await verdict(page, tokens.valid)).cls, /\bvalid\b/);
  try {
    exportSite('trust-2-other.jwt');
    await page.goto('about:blank');
    await page.goto(`${base()}/#${tokens.valid}`);
    const status = page.locator('#status.error');
    await status.waitFor({ timeout: 15000 });
    assert.match(await status.innerText(), /different from another with the same number that this device has already accepted/);
    assert.equal(await page.locator('#result article.card').count(), 0, 'no verdict');
    assert.deepEqual(await axe(page), []);
  } finally {
    exportSite('trust-2.jwt');
  }
  await page.goto('about:blank');
  assert.match((await verdict(page, tokens.valid)).cls, /\bvalid\b/);
  await context.close();
});

test('the receipt of a verdict reached through the bundle names the bundle\'s sequence and date; the page says which bundle it holds', async () => {
  const { context, page } = await newPage();
  const { card } = await verdict(page, tokens.valid);
  const date = new Date().toISOString().slice(0, 10);
  const r = await receipt(page, card, work);
  assert.ok(r.text.includes(`paquete de confianza n.º 2 de CONOCER, del ${date}`), r.text);
  assert.ok(r.text.includes('CECATI 149, acreditado por CONOCER para EC0105'), r.text);
  assert.equal(r.active, 0);
  assert.match(await page.locator('#trust-age').innerText(),
    new RegExp(`^Datos de confianza: paquete n\\.º 2 del ${today()}, obtenidos hace un momento\\.$`));
  await context.close();
});

test('axe-core: zero violations on the federation\'s verdicts, in Spanish and in English', async () => {
  const found = [];
  for (const locale of ['es-MX', 'en-US']) {
    for (const [state, token] of Object.entries({ valid: tokens.valid, outOfScope: tokens.outOfScope, suspended: tokens.suspended })) {
      const { context, page } = await newPage(locale);
      await verdict(page, token);
      for (const summary of await page.locator('details.technical summary').all()) await summary.click();
      const violations = await axe(page);
      if (violations.length) found.push({ locale, state, violations });
      await context.close();
    }
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
});
