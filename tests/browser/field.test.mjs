// The certificate in the field: reading QR codes on a device whose browser has no
// BarcodeDetector (Safari on iPhone, Firefox, desktop chromium: the page's own WebAssembly
// reader, zxing-wasm) and on one that has it, on the static export with no API behind it; the
// camera fed from a video of a printed certificate; and accessibility (axe-core, zoom,
// keyboard) in every state of the page, in both languages.
//
// Linux chromium has no BarcodeDetector, so the "absent" case is the browser as it is; the
// "present" case installs a stand-in for the platform's detector before the page loads.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { repo, SHOTS, sello, freePort, serve, serveFolder, launch, writeY4m } from './harness.mjs';

const require = createRequire(import.meta.url);
const VENDORED = join(repo, 'crates', 'sello-web', 'static', 'zxing-wasm');
// The vendored files and where each comes from in the npm package.
const VENDOR_FILES = [
  ['reader/index.js', 'dist/es/reader/index.js'],
  ['share.js', 'dist/es/share.js'],
  ['zxing_reader.wasm', 'dist/reader/zxing_reader.wasm'],
  ['LICENSE', 'LICENSE'],
];
const WASM = 'zxing-wasm/zxing_reader.wasm';

let work, browser, server, port, site, noStatus;
const tokens = {};
const files = {};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sello-field-'));
  port = await freePort();
  const dir = join(work, 'issuer');
  sello(['keygen', '--dir', dir, '--id', 'mx.cecati149', '--name', 'CECATI 149',
    '--url', `http://127.0.0.1:${port}/`]);
  // Certificates of the real shape: a long accented name, a CURP, a department.
  const issue = (holder, serial) => sello(['issue', '--dir', dir, '--json', '--holder', holder,
    '--holder-id', 'HELG850312MDFRPD09', '--code', 'EC0105',
    '--title', 'Atención al ciudadano en el sector público', '--unit', 'CECATI 149',
    '--attr', 'departamento=Dirección de Atención Ciudadana', '--serial', serial,
    '--qr', join(work, `${serial}.png`), '--certificate', join(work, `${serial}.pdf`)], { json: true });
  tokens.valid = issue('María Guadalupe Hernández López de la Peña', 'CAMPO-0001').token;
  tokens.revoked = issue('José Luis Martínez Ramírez', 'CAMPO-0002').token;
  sello(['revoke', '--dir', dir, 'CAMPO-0002', '--reason', 'prueba']);
  sello(['status', 'publish', '--dir', dir]);
  const i = tokens.valid.length - 10;
  tokens.tampered = tokens.valid.slice(0, i) + (tokens.valid[i] === 'A' ? 'B' : 'A') + tokens.valid.slice(i + 1);

  // The printed certificate, rasterised as a flatbed scan at 150 dpi would be (poppler's pdftoppm).
  const raster = spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile',
    join(work, 'CAMPO-0001.pdf'), join(work, 'printed-150')], { encoding: 'utf8' });
  assert.equal(raster.status, 0, `pdftoppm (apt-get install poppler-utils): ${raster.error || raster.stderr}`);
  files.printed = join(work, 'printed-150.png');

  server = await serve(['--keys', dir, '--status', join(dir, 'status.jwt')], port);
  const out = join(work, 'site');
  sello(['site', 'export', '--keys', dir, '--status', join(dir, 'status.jwt'), '--out', out]);
  site = await serveFolder(out);
  site.dir = out;
  // The same issuer without its status list: its certificates cannot be confirmed.
  const bare = join(work, 'site-no-status');
  sello(['site', 'export', '--keys', dir, '--out', bare]);
  noStatus = await serveFolder(bare);

  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  site?.server.close();
  noStatus?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const staticBase = () => `http://127.0.0.1:${site.port}`;

async function newPage(b, { locale = 'es-MX', viewport = { width: 390, height: 844 }, init, permissions = [] } = {}) {
  const context = await b.newContext({ locale, viewport, reducedMotion: 'reduce', permissions });
  if (init) await context.addInitScript(init.script, init.arg);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  // A browser asks for /favicon.ico by itself; the page has none.
  page.on('response', (r) => { if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') errors.push(`${r.status()} ${r.url()}`); });
  return { context, page, requests, errors };
}

/** A photo-like JPEG of `png`: turned by `degrees`, scaled to `width`, on a grey desk, drawn by the browser. */
async function photograph(png, { degrees = 4, width = 1600, quality = 0.8 } = {}) {
  const page = await browser.newPage();
  const b64 = await page.evaluate(async ({ data, degrees, width, quality }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const scale = width / image.width;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = Math.round(image.height * scale);
    const g = canvas.getContext('2d');
    g.fillStyle = '#8a8a80';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.translate(canvas.width / 2, canvas.height / 2);
    g.rotate((degrees * Math.PI) / 180);
    g.scale(scale * 0.9, scale * 0.9);
    g.filter = 'blur(0.6px)';
    g.drawImage(image, -image.width / 2, -image.height / 2);
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/jpeg', quality));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const x of bytes) binary += String.fromCharCode(x);
    return btoa(binary);
  }, { data: readFileSync(png).toString('base64'), degrees, width, quality });
  await page.close();
  return Buffer.from(b64, 'base64');
}

/**
 * Test only: the platform's BarcodeDetector, for a browser without one. It "reads" `text` in
 * any image or frame and counts its calls, so that the test can tell it was the one used.
 */
function detectorScript({ text }) {
  window.BarcodeDetector = class {
    static async getSupportedFormats() { return ['qr_code']; }
    async detect() {
      window.testDetections = (window.testDetections || 0) + 1;
      return [{ format: 'qr_code', rawValue: text, cornerPoints: [], boundingBox: new DOMRectReadOnly(10, 10, 100, 100) }];
    }
  };
}

test('the vendored QR reader is zxing-wasm\'s own files, at the pinned version, served and exported unchanged', async () => {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  const lock = JSON.parse(readFileSync(new URL('./package-lock.json', import.meta.url), 'utf8'));
  const pinned = pkg.dependencies['zxing-wasm'];
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'an exact version');
  const locked = lock.packages['node_modules/zxing-wasm'];
  assert.equal(locked.version, pinned);
  assert.match(locked.integrity, /^sha512-/, 'the registry tarball\'s hash, which npm ci checks');
  const installed = join(new URL('.', import.meta.url).pathname, 'node_modules', 'zxing-wasm');
  assert.equal(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version, pinned);
  const sha = (b) => createHash('sha256').update(b).digest('hex');
  for (const [ours, theirs] of VENDOR_FILES) {
    const mine = readFileSync(join(VENDORED, ours));
    assert.equal(sha(mine), sha(readFileSync(join(installed, theirs))),
      `${ours} differs from zxing-wasm ${pinned}'s ${theirs}: run scripts/vendor-zxing-wasm`);
    // The service serves it as it is, and the export holds it as it is.
    const r = await fetch(`http://127.0.0.1:${port}/zxing-wasm/${ours}`);
    assert.equal(r.status, 200, ours);
    assert.equal(sha(Buffer.from(await r.arrayBuffer())), sha(mine), `served ${ours}`);
    if (ours.endsWith('.wasm')) assert.equal(r.headers.get('content-type'), 'application/wasm');
    assert.equal(sha(readFileSync(join(site.dir, 'zxing-wasm', ours))), sha(mine), `exported ${ours}`);
  }
  assert.deepEqual(readdirSync(VENDORED).sort(), ['LICENSE', 'reader', 'share.js', 'zxing_reader.wasm']);
});

test('no BarcodeDetector: a printed certificate, scanned and photographed, is read on the device on the static export (no API) and verified', async () => {
  const photo = await photograph(files.printed);
  writeFileSync(join(SHOTS, 'field-printed-photo.jpg'), photo);
  for (const [name, mimeType, buffer] of [
    ['certificado-150dpi.png', 'image/png', readFileSync(files.printed)],
    ['foto-certificado.jpg', 'image/jpeg', photo],
  ]) {
    const { context, page, requests, errors } = await newPage(browser);
    await page.goto(`${staticBase()}/`);
    assert.equal(await page.evaluate(() => 'BarcodeDetector' in window), false);
    // Loaded only when needed: nothing of the reader before a code has to be read.
    assert.ok(!requests.some((r) => r.includes('zxing')), requests.join(' '));
    await page.setInputFiles('#photo', { name, mimeType, buffer });
    const card = page.locator('#result article.card');
    await card.first().waitFor({ timeout: 30000 });
    assert.match(await card.first().getAttribute('class'), /\bvalid\b/, name);
    const text = await card.first().innerText();
    assert.match(text, /María Guadalupe Hernández López de la Peña/);
    assert.match(text, /Verificado en este dispositivo/);
    assert.ok(requests.includes(`/${WASM}`), `the WebAssembly reader was loaded: ${requests.join(' ')}`);
    assert.ok(!requests.some((r) => r.startsWith('/api/')), `no API asked: ${requests.join(' ')}`);
    assert.deepEqual(errors, []);
    await page.screenshot({ path: join(SHOTS, `field-photo-${name}.png`), fullPage: true });
    await context.close();
  }
});

test('no BarcodeDetector, no code in the photo, static export: "no QR code found", not "no server"', async () => {
  const { context, page } = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${staticBase()}/`);
  const blank = await photograph(join(work, 'printed-150.png'), { degrees: 0, width: 64 });
  await page.setInputFiles('#photo', { name: 'blank.jpg', mimeType: 'image/jpeg', buffer: blank });
  await page.locator('#status.error').waitFor({ timeout: 30000 });
  assert.match(await page.locator('#status').innerText(), /No QR code was found/);
  await context.close();
});

test('with BarcodeDetector: the platform\'s detector reads the photo and the WebAssembly reader is never fetched', async () => {
  const { context, page, requests } = await newPage(browser, { init: { script: detectorScript, arg: { text: tokens.valid } } });
  await page.goto(`${staticBase()}/`);
  await page.setInputFiles('#photo', files.printed);
  const card = page.locator('#result article.card').first();
  await card.waitFor({ timeout: 15000 });
  assert.match(await card.getAttribute('class'), /\bvalid\b/);
  assert.ok(await page.evaluate(() => window.testDetections) >= 1);
  assert.ok(!requests.some((r) => r.includes('zxing')), requests.join(' '));
  await context.close();
});

/** A browser whose fake camera plays a video of `codes` (see writeY4m). */
async function cameraBrowser(name, codes, size = {}) {
  const video = join(work, `${name}.y4m`);
  writeY4m(video, { ...size, codes });
  return launch({ video });
}

test('the camera, fed from a video of a certificate\'s code: scanned continuously on the device, on the static export', async () => {
  const b = await cameraBrowser('one-code', [{ png: join(work, 'CAMPO-0001.png'), x: 490, y: 180, size: 360 }]);
  try {
    const { context, page, requests, errors } = await newPage(b, { permissions: ['camera'] });
    await page.goto(`${staticBase()}/`);
    await page.click('#camera-start');
    const card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 30000 });
    assert.match(await card.getAttribute('class'), /\bvalid\b/);
    assert.match(await card.innerText(), /María Guadalupe Hernández López de la Peña/);
    // Continuous: the camera keeps reading, says so, and the verdict has the focus.
    assert.ok(await page.locator('#camera').isVisible(), 'the camera keeps running');
    await page.locator('#status', { hasText: 'La cámara sigue leyendo' }).waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result');
    // The same code in view is not verified again: still one card.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('#result article.card').count(), 1);
    assert.ok(requests.includes(`/${WASM}`));
    assert.ok(!requests.some((r) => r.startsWith('/api/')), requests.join(' '));
    await page.screenshot({ path: join(SHOTS, 'field-camera-es.png'), fullPage: true });
    await page.click('#camera-stop');
    assert.ok(await page.locator('#camera').isHidden());
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await b.close();
  }
});

test('the camera: every code in the frame is reported, in reading order', async () => {
  const b = await cameraBrowser('two-codes', [
    { png: join(work, 'CAMPO-0002.png'), x: 660, y: 150, size: 420 },
    { png: join(work, 'CAMPO-0001.png'), x: 200, y: 150, size: 420 },
  ]);
  try {
    const { context, page } = await newPage(b, { locale: 'en-US', permissions: ['camera'] });
    await page.goto(`${staticBase()}/`);
    await page.click('#camera-start');
    const cards = page.locator('#result article.card');
    await cards.nth(1).waitFor({ timeout: 30000 });
    assert.equal(await cards.count(), 2);
    assert.match(await cards.nth(0).getAttribute('class'), /\bvalid\b/);
    assert.match(await cards.nth(0).innerText(), /1 \/ 2/);
    assert.match(await cards.nth(1).getAttribute('class'), /\binvalid\b/);
    assert.match(await cards.nth(1).innerText(), /2 \/ 2/);
    assert.match(await cards.nth(1).innerText(), /revoked/);
    await context.close();
  } finally {
    await b.close();
  }
});

test('the camera\'s hints: the framing advice when no code is seen, "move closer" for a code too small to read', async () => {
  const blank = await cameraBrowser('blank', []);
  try {
    const { context, page } = await newPage(blank, { permissions: ['camera'] });
    await page.goto(`${staticBase()}/`);
    await page.click('#camera-start');
    await page.locator('#camera-hint', { hasText: 'ocupe un tercio del recuadro' }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#camera-hint').getAttribute('aria-live'), 'polite');
    await page.click('#lang-switch');
    await page.locator('#camera-hint', { hasText: 'fill a third of the frame' }).waitFor({ timeout: 5000 });
    await context.close();
  } finally {
    await blank.close();
  }
  // About one pixel per module (`sello issue --qr` draws 4 per module): found, but not read.
  const modules = PNG.sync.read(readFileSync(join(work, 'CAMPO-0001.png'))).width / 4;
  const small = await cameraBrowser('small-code', [{ png: join(work, 'CAMPO-0001.png'), x: 600, y: 300, size: Math.round(modules * 1.03) }]);
  try {
    const { context, page } = await newPage(small, { locale: 'en-US', permissions: ['camera'] });
    await page.goto(`${staticBase()}/`);
    await page.click('#camera-start');
    await page.locator('#camera-hint', { hasText: 'Move closer' }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#result article.card').count(), 0);
    await context.close();
  } finally {
    await small.close();
  }
});

/** Test only: a camera with a torch (chromium's fake camera has none); records what is asked of it. */
function torchScript() {
  const get = MediaStreamTrack.prototype.getCapabilities;
  MediaStreamTrack.prototype.getCapabilities = function () { return { ...get.call(this), torch: true }; };
  MediaStreamTrack.prototype.applyConstraints = async function (c) {
    window.torchAsked = [...(window.torchAsked || []), c.advanced[0].torch];
  };
}

test('the torch toggle: offered only when the camera has a torch, a pressed/unpressed button', async () => {
  const plain = await newPage(browser, { permissions: ['camera'] });
  await plain.page.goto(`${staticBase()}/`);
  await plain.page.click('#camera-start');
  await plain.page.locator('#camera').waitFor();
  assert.ok(await plain.page.locator('#torch').isHidden(), 'no torch, no button');
  await plain.context.close();

  const { context, page } = await newPage(browser, { permissions: ['camera'], init: { script: torchScript } });
  await page.goto(`${staticBase()}/`);
  await page.click('#camera-start');
  const torch = page.locator('#torch');
  await torch.waitFor({ state: 'visible' });
  assert.equal(await torch.getAttribute('aria-pressed'), 'false');
  assert.equal(await torch.innerText(), 'Linterna');
  await torch.click();
  await page.waitForFunction(() => document.getElementById('torch').getAttribute('aria-pressed') === 'true');
  await torch.press('Enter');
  await page.waitForFunction(() => document.getElementById('torch').getAttribute('aria-pressed') === 'false');
  assert.deepEqual(await page.evaluate(() => window.torchAsked), [true, false]);
  await page.click('#camera-stop');
  assert.ok(await torch.isHidden());
  await context.close();
});

// ---- accessibility ----------------------------------------------------------------------------

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (every rule axe runs by default). */
async function axe(page) {
  // Evaluated through the DevTools protocol, not as a <script>: the page's CSP stays as it is.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary) }));
  });
}

/** Each state of the page: a name, and how to bring it about on a fresh page. */
const STATES = {
  empty: async () => {},
  valid: async (page) => verdictFrom(page, tokens.valid, 'valid'),
  invalid: async (page) => verdictFrom(page, tokens.tampered, 'invalid'),
  revoked: async (page) => verdictFrom(page, tokens.revoked, 'invalid'),
  indeterminate: async (page) => {
    await page.goto(`http://127.0.0.1:${noStatus.port}/#${tokens.valid}`);
    await page.locator('#result article.card.indeterminate').waitFor({ timeout: 15000 });
  },
  'not-a-certificate': async (page) => {
    await page.fill('#paste', 'hola');
    await page.click('#paste-form button[type=submit]');
    await page.locator('#status.error').waitFor({ timeout: 15000 });
  },
  error: async (page) => {
    const blank = await photograph(files.printed, { degrees: 0, width: 64 });
    await page.setInputFiles('#photo', { name: 'x.jpg', mimeType: 'image/jpeg', buffer: blank });
    await page.locator('#status.error').waitFor({ timeout: 30000 });
  },
  camera: async (page) => {
    await page.click('#camera-start');
    await page.locator('#camera').waitFor();
    await page.locator('#camera-hint:not(:empty)').waitFor({ timeout: 30000 });
  },
};

async function verdictFrom(page, token, verdict) {
  await page.goto(`${staticBase()}/#${token}`);
  await page.locator(`#result article.card.${verdict}`).waitFor({ timeout: 15000 });
}

test('axe-core: zero violations in every state of the page, in Spanish and in English', async () => {
  const found = [];
  for (const locale of ['es-MX', 'en-US']) {
    for (const [state, bring] of Object.entries(STATES)) {
      const { context, page } = await newPage(browser, { locale, permissions: ['camera'] });
      await page.goto(`${staticBase()}/`);
      await bring(page);
      // The technical detail open too, where there is one.
      for (const summary of await page.locator('details.technical summary').all()) await summary.click();
      const violations = await axe(page);
      if (violations.length) found.push({ locale, state, violations });
      await context.close();
    }
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  // The check can fail: an unlabelled button is caught.
  const { context, page } = await newPage(browser);
  await page.goto(`${staticBase()}/`);
  await page.evaluate(() => {
    const b = document.createElement('button');
    document.querySelector('main').append(b);
  });
  assert.deepEqual((await axe(page)).map((v) => v.id), ['button-name']);
  await context.close();
});

test('verdicts are said in words, announced and focused, not told by colour alone', async () => {
  for (const [token, words] of [[tokens.valid, /CERTIFICADO VÁLIDO/], [tokens.tampered, /CERTIFICADO NO VÁLIDO/]]) {
    const { context, page } = await newPage(browser);
    await page.goto(`${staticBase()}/`);
    // With the keyboard alone: Tab to the paste box, type, Tab to "Verificar", Enter.
    await page.keyboard.press('Tab'); // the language switch
    await page.keyboard.press('Tab'); // the camera
    await page.keyboard.press('Tab'); // the photo
    await page.keyboard.press('Tab'); // the paste box
    assert.equal(await page.evaluate(() => document.activeElement.id), 'paste');
    await page.keyboard.insertText(token);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 15000 });
    const box = page.locator('#result');
    assert.equal(await box.getAttribute('aria-live'), 'polite');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'result', 'the verdict has the focus');
    // In words, in the heading; the same page in greyscale still says it.
    assert.match(await card.locator('h2.verdict').innerText(), words);
    await context.close();
  }
});

test('the keyboard alone reaches every control, and each says what it is', async () => {
  const { context, page } = await newPage(browser, { permissions: ['camera'], init: { script: torchScript } });
  await page.goto(`${staticBase()}/`);
  const order = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
  }
  assert.deepEqual(order.slice(0, 5), ['lang-switch', 'camera-start', 'photo', 'paste', 'BUTTON']);
  // The camera, opened and closed from the keyboard; its torch reachable too.
  await page.focus('#camera-start');
  await page.keyboard.press('Enter');
  await page.locator('#camera').waitFor();
  // Focus moves to the stop button once the camera has started (asynchronously).
  await page.waitForFunction(() => document.activeElement?.id === 'camera-stop', null, { timeout: 30000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.id), 'camera-stop');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'torch');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.locator('#camera').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.id === 'camera-start', null, { timeout: 30000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.id), 'camera-start');
  await context.close();
});

test('at 200 % and 400 % zoom (640 and 320 CSS pixels wide) nothing is cut off or needs sideways scrolling', async () => {
  for (const width of [640, 320]) {
    for (const [state, bring] of Object.entries({ valid: STATES.valid, indeterminate: STATES.indeterminate, camera: STATES.camera })) {
      const { context, page } = await newPage(browser, { viewport: { width, height: 700 }, permissions: ['camera'] });
      await page.goto(`${staticBase()}/`);
      await bring(page);
      for (const summary of await page.locator('details.technical summary').all()) await summary.click();
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => e.id || e.className || e.tagName),
      }));
      await page.screenshot({ path: join(SHOTS, `field-zoom-${width}-${state}.png`), fullPage: true });
      assert.equal(overflow.page, 0, `${width}px, ${state}: ${overflow.wide.join(', ')}`);
      assert.deepEqual(overflow.wide, [], `${width}px, ${state}`);
      await context.close();
    }
  }
});

test('the static export lists the reader and its licence beside the page', () => {
  for (const f of ['qr-decode.js', 'zxing-wasm/reader/index.js', 'zxing-wasm/share.js', WASM, 'zxing-wasm/LICENSE']) {
    assert.ok(existsSync(join(site.dir, f)), f);
  }
});
