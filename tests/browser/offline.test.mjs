// The receipt ("Descargar comprobante") and the page offline (its service worker), in headless
// chromium against `sello serve` and a static copy (`sello site export`), both on 127.0.0.1 (a
// secure context, where service workers and WebCrypto are available). axe-core checks the new
// states in Spanish and English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOTS, sello, freePort, serve, serveFolder, launch, issuer, receipt } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HOSTILE = '<img src=x onerror=alert(1)>';

let work, browser, server, staticServer, port, staticPort;
const tokens = {};
const qr = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sello-offline-'));
  port = await freePort();
  const dir = join(work, 'issuer');
  const issue = issuer(dir, { url: `http://127.0.0.1:${port}/`, qrDir: work });
  tokens.valid = issue('María Guadalupe Hernández López', 'OFF-0001').token;
  tokens.revoked = issue('José Luis Martínez Ramírez', 'OFF-0002').token;
  tokens.hostile = issue(HOSTILE, 'OFF-0003', ['--attr', 'nota=<script>alert(2)</script>']).token;
  qr.valid = join(work, 'OFF-0001.png');
  sello(['revoke', '--dir', dir, 'OFF-0002', '--reason', 'prueba']);
  sello(['status', 'publish', '--dir', dir]);
  server = await serve(['--keys', dir, '--status', join(dir, 'status.jwt')], port);
  const site = join(work, 'site');
  sello(['site', 'export', '--keys', dir, '--status', join(dir, 'status.jwt'), '--out', site]);
  ({ server: staticServer, port: staticPort } = await serveFolder(site));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  staticServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

async function newPage(locale = 'es-MX') {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (process.env.DBG) {
    page.on('console', (m) => console.error('console', m.text()));
    page.on('requestfailed', (r) => console.error('failed', r.url(), r.failure()?.errorText));
  }
  return { context, page, errors };
}

async function verdict(page, url) {
  await page.goto(url);
  const card = page.locator('#result article.card').first();
  await card.waitFor({ timeout: 15000 });
  return card;
}

test('the receipt of a valid and of an invalid certificate: verdict, reason, claims, trust and the token\'s SHA-256; no script, no QR code', async () => {
  const { context, page, errors } = await newPage();
  const base = `http://127.0.0.1:${port}`;

  const valid = await verdict(page, `${base}/#${tokens.valid}`);
  const explanation = await valid.locator('.explanation').innerText();
  const r = await receipt(page, valid, work);
  assert.equal(r.name, 'comprobante-OFF-0001.html');
  assert.equal(r.title, 'Comprobante de verificación — no es un certificado');
  assert.match(r.text, /COMPROBANTE · NO ES UN CERTIFICADO/);
  assert.match(r.text, /Este documento NO es un certificado/);
  assert.match(r.text, /Veredicto: CERTIFICADO VÁLIDO/);
  assert.ok(r.text.includes(explanation), `${explanation}\n${r.text}`);
  assert.match(r.text, /María Guadalupe Hernández López/);
  assert.match(r.text, /OFF-0001/);
  assert.match(r.text, /EC0105 — Atención al ciudadano en el sector público/);
  assert.match(r.text, /CECATI 149 \(mx\.cecati149\)/);
  assert.ok(r.text.includes(`las llaves publicadas en keys.json por 127.0.0.1:${port}`), r.text);
  assert.match(r.text, /el enlace del código QR, abierto en la página/);
  assert.ok(r.text.includes(sha256(tokens.valid)), r.text);
  // When: the local time and UTC.
  assert.match(r.text, /Verificado el\s+.+\(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/);
  assert.equal(r.active, 0);
  assert.ok(/default-src 'none'/.test(r.csp) && !/script-src/.test(r.csp), r.csp);
  assert.doesNotMatch(r.source, /<script|<svg|<img|javascript:/i);
  assert.deepEqual(r.errors, []);

  const revoked = await verdict(page, `${base}/#${tokens.revoked}`);
  const why = await revoked.locator('.explanation').innerText();
  const v = await receipt(page, revoked, work);
  assert.match(v.text, /Veredicto: CERTIFICADO NO VÁLIDO/);
  assert.ok(v.text.includes(`${why} (revoked)`), v.text);
  assert.match(v.text, /José Luis Martínez Ramírez/);
  assert.ok(v.text.includes(sha256(tokens.revoked)));
  assert.ok(!v.text.includes(sha256(tokens.valid)));
  await page.screenshot({ path: join(SHOTS, 'receipt-button.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the receipt escapes the claims: markup in a holder\'s name or an attribute is text, never parsed', async () => {
  const { context, page } = await newPage('en-US');
  const card = await verdict(page, `http://127.0.0.1:${staticPort}/#${tokens.hostile}`);
  const r = await receipt(page, card, work);
  assert.equal(r.name, 'receipt-OFF-0003.html');
  assert.equal(r.title, 'Verification receipt — not a certificate');
  assert.ok(r.text.includes(HOSTILE), r.text);
  assert.ok(r.text.includes('<script>alert(2)</script>'), r.text);
  assert.equal(r.active, 0);
  assert.doesNotMatch(r.source, /<img|<script/i);
  assert.ok(r.source.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(r.text.includes(sha256(tokens.hostile)));
  assert.match(r.text, /the key sets in this local copy's keys.json|the key sets published in keys.json by 127.0.0.1/);
  await context.close();
});

test('without WebCrypto (as in a page not opened over HTTPS) the receipt says the fingerprint was not computed, and gives none', async () => {
  const { context, page } = await newPage();
  await context.addInitScript(() => {
    Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
  });
  // No Ed25519 on the device either: the service verifies, the receipt is still made here.
  const card = await verdict(page, `http://127.0.0.1:${port}/#${tokens.valid}`);
  assert.match(await card.innerText(), /Verificado por el servicio/);
  const r = await receipt(page, card, work);
  assert.match(r.text, /Huella del token \(SHA-256\)\s+no calculada: el navegador solo calcula huellas en páginas abiertas por HTTPS/);
  assert.ok(!r.text.includes(sha256(tokens.valid)));
  assert.doesNotMatch(r.text, /[0-9a-f]{64}/);
  assert.match(r.text, /Veredicto: CERTIFICADO VÁLIDO/);
  await context.close();
});

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

for (const [where, baseOf] of [['sello serve', () => `http://127.0.0.1:${port}`], ['the static export', () => `http://127.0.0.1:${staticPort}`]]) {
  test(`offline (${where}): once opened, the page reloads and verifies a link and a photo from its service worker, and says its trust data is the kept copy and how old`, async () => {
    const base = baseOf();
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    let card = await verdict(page, `${base}/#${tokens.valid}`);
    assert.match(await card.getAttribute('class'), /\bvalid\b/);
    assert.match(await page.locator('#trust-age').innerText(), /^Datos de confianza: llaves de este sitio, obtenidas hace un momento\.$/);
    // A photo, read by the page's own WebAssembly reader (Linux chromium has no
    // BarcodeDetector), whose files the worker then keeps.
    await page.evaluate(() => { document.getElementById('result').replaceChildren(); });
    await page.setInputFiles('#photo', qr.valid);
    await page.locator('#result article.card.valid').waitFor({ timeout: 30000 });

    await context.setOffline(true);
    // Three hours later (the page's clock; the copy was fetched now).
    await context.addInitScript(() => {
      const now = Date.now;
      Date.now = () => now() + 3 * 3600 * 1000;
    });
    await page.reload();
    card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 15000 });
    assert.match(await card.getAttribute('class'), /\bvalid\b/);
    assert.match(await card.innerText(), /María Guadalupe Hernández López/);
    const age = page.locator('#trust-age');
    assert.equal(await age.innerText(),
      'Datos de confianza: llaves de este sitio, obtenidas hace 3 horas. Sin conexión: se usa la copia guardada en este dispositivo.');
    await page.screenshot({ path: join(SHOTS, `offline-${where === 'sello serve' ? 'serve' : 'static'}.png`), fullPage: true });

    await page.evaluate(() => { document.getElementById('result').replaceChildren(); });
    await page.setInputFiles('#photo', qr.valid);
    card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 30000 }).catch(async (e) => {
      throw new Error(`${e.message}: status ${await page.locator('#status').innerText()}`);
    });
    assert.match(await card.getAttribute('class'), /\bvalid\b/);
    assert.match(await card.innerText(), /OFF-0001/);

    // The offline notice and the receipt button, in both languages: no axe-core violation.
    const found = [];
    for (const round of ['es', 'en']) {
      const violations = await axe(page);
      if (violations.length) found.push({ round, violations });
      if (round === 'es') {
        await page.locator('#lang-switch').click();
        assert.match(await age.innerText(), /^Trust data: this site's key sets, fetched 3 hours ago\. Offline: the copy kept on this device is used\.$/);
      }
    }
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the employer guidance is on the page beside the camera and photo controls, in both languages', async () => {
  const { context, page } = await newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const guidance = page.locator('.inputs .guidance');
  assert.equal(await guidance.innerText(), 'Para leer el código: llene un tercio del encuadre, sostenga el teléfono quieto y evite reflejos.');
  await page.locator('#lang-switch').click();
  assert.equal(await guidance.innerText(), 'To read the code: fill a third of the frame, hold the phone still and avoid glare.');
  await context.close();
});
