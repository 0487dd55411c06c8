// The verification page in a real browser: Debian's chromium, headless, driven by playwright-core,
// against `sello serve` and against a static copy from `sello site export` on 127.0.0.1.
//
// SELLO_BIN: the sello binary (default ../../target/debug/sello). CHROMIUM: the browser
// (default /usr/bin/chromium). Screenshots go to ../../target/browser-screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, SHOTS, sello, freePort, serve, serveFolder, launch, open as openIn, issuer } from './harness.mjs';

let work, browser, server, staticServer, port, staticPort;
const tokens = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sello-browser-'));
  port = await freePort();
  const dir = join(work, 'issuer');
  const issue = issuer(dir, { url: `http://127.0.0.1:${port}/`, qrDir: work });
  const valid = issue('María Guadalupe Hernández López', 'WEB-0001');
  const revoked = issue('José Luis Martínez Ramírez', 'WEB-0002');
  // Valid through 2031-11-24 in the issuer's time zone (keygen's default, America/Mexico_City).
  const expiring = issue('Ana Ruiz Prieto', 'WEB-0003', ['--expires', '2031-11-24']);
  assert.equal(expiring.dates.valid_through, '2031-11-24');
  sello(['revoke', '--dir', dir, 'WEB-0002', '--reason', 'prueba']);
  sello(['status', 'publish', '--dir', dir]);
  tokens.valid = valid.token;
  tokens.revoked = revoked.token;
  tokens.expiring = expiring.token;
  // One character of the signature changed.
  const i = valid.token.length - 10;
  tokens.tampered = valid.token.slice(0, i) + (valid.token[i] === 'A' ? 'B' : 'A') + valid.token.slice(i + 1);
  // An expired certificate, from the shared test vectors (signed long ago by a test issuer).
  const time = JSON.parse(readFileSync(join(repo, 'tests', 'vectors', 'time.json'), 'utf8'));
  tokens.expired = time.cases.find((c) => c.name === 'expired').token;
  const trust = join(work, 'trust');
  mkdirSync(trust);
  time.key_sets.forEach((k, n) => writeFileSync(join(trust, `${n}.json`), JSON.stringify(k)));

  // The demo: its QR codes carry http://localhost:8080/#n<digits> (the numeric form).
  const demo = join(work, 'demo');
  sello(['demo', '--out', demo]);
  const demoPng = readdirSync(join(demo, 'qr')).find((f) => !f.startsWith('ALTERADO'));
  tokens.demoQr = sello(['scan', join(demo, 'qr', demoPng)]).trim();

  // An issuer whose QR codes open <server>/v#<token> (`keygen --url …/v`).
  const pathDir = join(work, 'issuer-v');
  sello(['keygen', '--dir', pathDir, '--id', 'mx.ruta', '--name', 'Centro de la Ruta',
    '--url', `http://127.0.0.1:${port}/v`]);
  const onPath = sello(['issue', '--dir', pathDir, '--json', '--holder', 'Ana Ruiz Prieto',
    '--code', 'EC0217', '--title', 'Impartición de cursos', '--serial', 'RUTA-0001'], { json: true });
  sello(['status', 'publish', '--dir', pathDir]);
  tokens.onPath = onPath.token;
  tokens.onPathQr = onPath.qr_text;

  server = await serve(['--keys', dir, '--keys', trust, '--keys', join(demo, 'issuer'),
    '--keys', pathDir, '--status', join(pathDir, 'status.jwt'),
    '--status', join(dir, 'status.jwt'), '--status', join(demo, 'issuer', 'status.jwt')], port);

  // A static copy, served by a plain file server: no API behind it.
  const site = join(work, 'site');
  sello(['site', 'export', '--keys', dir, '--keys', trust, '--keys', pathDir,
    '--status', join(dir, 'status.jwt'), '--status', join(pathDir, 'status.jwt'), '--out', site]);
  ({ server: staticServer, port: staticPort } = await serveFolder(site));

  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  staticServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const open = (base, token, options) => openIn(browser, base, token, options);

test('a valid certificate from the fragment: green, with holder and issuer, verified on the device', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.valid, { shot: 'valid-es' });
  assert.match(r.cls, /\bvalid\b/);
  assert.match(r.text, /CERTIFICADO VÁLIDO/);
  assert.match(r.text, /María Guadalupe Hernández López/);
  assert.match(r.text, /EC0105/);
  assert.match(r.text, /WEB-0001/);
  assert.match(r.text, /CECATI 149/);
  // WebCrypto Ed25519 is available: the token never went to the server.
  assert.ok(!r.requests.includes('/api/verify'), r.requests.join(' '));
  assert.ok(r.requests.includes('/keys.json'));
  await r.context.close();
});

test('the QR code of a `sello demo` certificate, opened as a phone camera would', async () => {
  // What the phone's camera app opens: the QR content, a URL whose fragment is the token in
  // the numeric form (FORMAT.md §4.1), `n` and two digits a character.
  const url = new URL(tokens.demoQr);
  assert.equal(url.origin, 'http://localhost:8080');
  assert.match(url.hash, /^#n[0-9]{1000,}$/);
  const r = await open(`http://127.0.0.1:${port}`, url.hash.slice(1), { shot: 'demo-qr' });
  assert.match(r.cls, /\bvalid\b/);
  assert.match(r.text, /EC0105/);
  assert.match(r.text, /CECATI 149 \(demostración\)/);
  await r.context.close();
});

test('the expiry on the page is the date on paper and in the CLI: valid through 24 November 2031', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.expiring, { shot: 'expires-es' });
  assert.match(r.cls, /\bvalid\b/);
  assert.match(r.text, /Vigente hasta\s*24 de noviembre de 2031/);
  assert.doesNotMatch(r.text, /25 de noviembre de 2031/);
  await r.context.close();
  const s = await open(`http://127.0.0.1:${staticPort}`, tokens.expiring, { locale: 'en-US' });
  assert.match(s.text, /Valid through\s*24 November 2031/);
  await s.context.close();
});

test('a tampered certificate: red, with the reason in plain words', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.tampered, { shot: 'tampered-es' });
  assert.match(r.cls, /\binvalid\b/);
  assert.match(r.text, /CERTIFICADO NO VÁLIDO/);
  assert.match(r.text, /firma no corresponde/);
  assert.doesNotMatch(r.text, /María Guadalupe/, 'no claims shown for a forged certificate');
  await r.context.close();
});

test('an expired certificate: red, expired', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.expired, { shot: 'expired-es' });
  assert.match(r.cls, /\binvalid\b/);
  assert.match(r.text, /venció/);
  await r.context.close();
});

test('a revoked certificate: red, revoked by its issuer', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.revoked, { shot: 'revoked-es' });
  assert.match(r.cls, /\binvalid\b/);
  assert.match(r.text, /revocó/);
  await r.context.close();
});

test('English from the browser, and the language switch', async () => {
  const r = await open(`http://127.0.0.1:${port}`, tokens.valid, { locale: 'en-US', shot: 'valid-en' });
  assert.match(r.text, /VALID CERTIFICATE/);
  assert.equal(await r.page.getAttribute('html', 'lang'), 'en');
  await r.page.click('#lang-switch');
  await r.page.locator('#result article.card', { hasText: 'CERTIFICADO VÁLIDO' }).waitFor();
  assert.equal(await r.page.getAttribute('html', 'lang'), 'es');
  await r.context.close();
});

test('a photo of the QR code, uploaded: decoded on the device (no BarcodeDetector: the page\'s own reader) and verified', async () => {
  const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.setInputFiles('#photo', join(work, 'WEB-0001.png'));
  const card = page.locator('#result article.card', { hasText: 'CERTIFICADO VÁLIDO' });
  await card.waitFor({ timeout: 15000 });
  assert.match(await card.innerText(), /María Guadalupe Hernández López/);
  assert.ok(requests.includes('/zxing-wasm/zxing_reader.wasm'), requests.join(' '));
  assert.ok(!requests.includes('/api/verify'), 'the photo stayed on the device');
  await page.screenshot({ path: join(SHOTS, 'photo-upload.png'), fullPage: true });
  await context.close();
});

test('the paste box', async () => {
  const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.fill('#paste', tokens.revoked);
  await page.locator('#paste-form button[type=submit], #paste-form button').first().click();
  await page.locator('#result article.card', { hasText: 'revocó' }).waitFor({ timeout: 15000 });
  await context.close();
});

test('the exported static site verifies with no server behind it', async () => {
  const r = await open(`http://127.0.0.1:${staticPort}`, tokens.valid, { shot: 'static-valid' });
  assert.match(r.cls, /\bvalid\b/);
  assert.ok(!r.requests.includes('/api/verify'));
  await r.context.close();
  const t = await open(`http://127.0.0.1:${staticPort}`, tokens.revoked);
  assert.match(t.cls, /\binvalid\b/);
  await t.context.close();
});

test('a QR code that opens /v (keygen --url …/v): the page answers there, with or without the slash', async () => {
  const digits = [...tokens.onPath].map((c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('');
  assert.equal(tokens.onPathQr, `http://127.0.0.1:${port}/v#n${digits}`);
  // The numeric form the QR code opens, and the token as it was written before: both read.
  for (const [path, keys, fragment] of [['/v', '/keys.json', `n${digits}`], ['/v/', '/v/keys.json', tokens.onPath]]) {
    const r = await open(`http://127.0.0.1:${port}`, fragment, { path, shot: `path${path.replaceAll('/', '-')}` });
    assert.match(r.cls, /\bvalid\b/, path);
    assert.match(r.text, /Ana Ruiz Prieto/);
    assert.match(r.text, /Centro de la Ruta/);
    assert.ok(r.requests.includes(keys), `${path}: ${r.requests.join(' ')}`);
    await r.context.close();
  }
  // Another issuer's certificate opened at that path is verified all the same.
  const t = await open(`http://127.0.0.1:${port}`, tokens.revoked, { path: '/v/' });
  assert.match(t.cls, /\binvalid\b/);
  await t.context.close();
});

test('the exported site answers at /v too, as a static host maps v/index.html', async () => {
  for (const path of ['/v', '/v/']) {
    const r = await open(`http://127.0.0.1:${staticPort}`, tokens.onPath, { path, shot: `static-path${path.replaceAll('/', '-')}` });
    assert.match(r.cls, /\bvalid\b/, path);
    assert.ok(!r.requests.includes('/api/verify') && !r.requests.includes('/v/api/verify'));
    await r.context.close();
  }
});

test('the server log never holds a token or a name', () => {
  const log = server.log || '';
  assert.ok(!log.includes(tokens.valid.slice(0, 40)), 'token in the log');
  assert.ok(!log.includes('María'), 'name in the log');
});
