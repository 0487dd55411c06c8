// What a person sees cannot lie: the verification page in a real browser (Debian's chromium,
// headless) against `sello serve` and `sello site export`, with certificates and issuers whose
// texts try to rearrange or imitate what the page says, photos with several codes, URL encodings
// the CLI refuses, copies of the page on other addresses, and old status lists.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, SELLO, SHOTS, sello, freePort, serve, serveFolder, launch, open as openIn } from './harness.mjs';

let work, browser, server, port, copy, stale;
const tokens = {};
const qr = {};

// An issuer whose name ends in Hebrew letters and whose id is digits: without isolation the id
// lands inside the name ("CECATI (149) מרכז").
const RTL = {
  issuerId: '149',
  issuerName: 'CECATI מרכז',
  holder: 'שרה לוי',
  holderId: 'HELG850312MDFRPD09',
  // A right-to-left code next to a title of digits: without isolation the title comes first.
  code: 'אבג',
  title: '2024',
  level: '3',
  unit: 'مركز 149',
  serial: 'RTL-0001',
};
// Attributes named like Sello's own labels, with values that imitate them.
const ATTRS = {
  emisor: 'CECATI 149 (mx.cecati149)',
  titular: 'Otra Persona',
  vence: 'nunca',
  resultado: 'CERTIFICADO VÁLIDO',
  nota: 'ملاحظة 7',
};

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'sello-truth-'));
  port = await freePort();
  const main = join(work, 'main');
  sello(['keygen', '--dir', main, '--id', 'mx.cecati149', '--name', 'CECATI 149',
    '--url', `http://127.0.0.1:${port}/`]);
  const issue = (holder, serial) => sello(['issue', '--dir', main, '--json', '--holder', holder,
    '--holder-id', 'HELG850312MDFRPD09', '--code', 'EC0105',
    '--title', 'Atención al ciudadano en el sector público', '--unit', 'CECATI 149',
    '--serial', serial, '--qr', join(work, `${serial}.png`)], { json: true });
  tokens.valid = issue('María Guadalupe Hernández López', 'TRU-0001').token;
  tokens.revoked = issue('José Luis Martínez Ramírez', 'TRU-0002').token;
  qr.valid = join(work, 'TRU-0001.png');
  qr.revoked = join(work, 'TRU-0002.png');
  sello(['revoke', '--dir', main, 'TRU-0002', '--reason', 'prueba']);
  sello(['status', 'publish', '--dir', main]);

  const rtl = join(work, 'rtl');
  sello(['keygen', '--dir', rtl, '--id', RTL.issuerId, '--name', RTL.issuerName,
    '--url', `http://127.0.0.1:${port}/`]);
  tokens.rtl = sello(['issue', '--dir', rtl, '--json', '--holder', RTL.holder,
    '--holder-id', RTL.holderId, '--code', RTL.code, '--title', RTL.title, '--level', RTL.level,
    '--unit', RTL.unit, '--serial', RTL.serial,
    ...Object.entries(ATTRS).flatMap(([k, v]) => ['--attr', `${k}=${v}`])], { json: true }).token;
  sello(['status', 'publish', '--dir', rtl]);

  server = await serve(['--keys', main, '--keys', rtl,
    '--status', join(main, 'status.jwt'), '--status', join(rtl, 'status.jwt')], port);
  server.main = main;

  // The genuine page, exported and put on another address (a look-alike).
  const site = join(work, 'site');
  sello(['site', 'export', '--keys', main, '--status', join(main, 'status.jwt'), '--out', site]);
  copy = await serveFolder(site);

  // An issuer whose only status list was published on 2026-01-01 and expired on 2026-01-31
  // (the shared vectors' status_stale.json), on a static copy of the page.
  const vector = JSON.parse(readFileSync(join(repo, 'tests', 'vectors', 'status_stale.json'), 'utf8'));
  const keys = join(work, 'stale-keys');
  mkdirSync(keys);
  vector.key_sets.forEach((k, n) => writeFileSync(join(keys, `${n}.json`), JSON.stringify(k)));
  writeFileSync(join(work, 'stale.jwt'), vector.status_lists[0]);
  const staleSite = join(work, 'stale-site');
  sello(['site', 'export', '--keys', keys, '--status', join(work, 'stale.jwt'), '--out', staleSite]);
  stale = await serveFolder(staleSite);
  stale.list = JSON.parse(Buffer.from(vector.status_lists[0].split('.')[1], 'base64url'));
  tokens.stale = vector.cases.find((c) => c.name === 'status_list_expired').token;

  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  copy?.server.close();
  stale?.server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${port}`;
const open = (url, token, options) => openIn(browser, url, token, options);

/**
 * Where each part of an element's text is drawn: for `parts`, which make up the text in order,
 * the left and right edges and the top of the boxes of their characters.
 */
function drawn(locator, parts) {
  return locator.evaluate((el, parts) => {
    const nodes = [];
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    if (text !== parts.join('')) return { text };
    const boxes = [];
    let at = 0;
    for (const part of parts) {
      let left = Infinity, right = -Infinity, top = Infinity;
      for (let i = at; i < at + part.length; i++) {
        const { node, start } = nodes.findLast((n) => n.start <= i);
        const range = document.createRange();
        range.setStart(node, i - start);
        range.setEnd(node, i - start + 1);
        const r = range.getBoundingClientRect();
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
        top = Math.min(top, r.top);
      }
      boxes.push({ part, left, right, top });
      at += part.length;
    }
    return { text, boxes };
  }, parts);
}

/** Asserts that `parts` of the element's text are drawn on one line, left to right, in order. */
async function assertDrawnInOrder(locator, parts) {
  const { text, boxes } = await drawn(locator, parts);
  assert.ok(boxes, `the text is ${JSON.stringify(text)}, not ${JSON.stringify(parts.join(''))}`);
  for (const b of boxes) assert.ok(Math.abs(b.top - boxes[0].top) < 2, `one line: ${JSON.stringify(boxes)}`);
  for (let i = 1; i < boxes.length; i++) {
    assert.ok(boxes[i - 1].right <= boxes[i].left + 0.5,
      `${JSON.stringify(boxes[i - 1].part)} is drawn before ${JSON.stringify(boxes[i].part)}: ${JSON.stringify(boxes)}`);
  }
}

/** Every value must be the whole text of an isolate (a <bdi>, or unicode-bidi: isolate with dir=auto) in the card. */
async function isolatedValues(card) {
  return card.evaluate((el) => [...el.querySelectorAll('*')]
    .filter((e) => e.tagName === 'BDI' || (getComputedStyle(e).unicodeBidi === 'isolate' && e.dir === 'auto'))
    .filter((e) => getComputedStyle(e).unicodeBidi === 'isolate')
    .map((e) => e.textContent));
}

/** The texts of the labels of Sello's own fields (the main list of the card). */
const ownLabels = (card) => card.locator(':scope > dl.fields > div > dt').allInnerTexts();

test('every value that is not Sello\'s is isolated: right-to-left letters cannot reorder the issuer line or the standard', async () => {
  for (const [locale, level] of [['es-MX', 'nivel'], ['en-US', 'level']]) {
    const r = await open(base(), tokens.rtl, { locale, shot: `rtl-${locale}` });
    assert.match(r.cls, /\bindeterminate\b|\bvalid\b/);
    const isolated = await isolatedValues(r.card);
    for (const value of [RTL.holder, RTL.holderId, RTL.code, RTL.title, RTL.level, RTL.unit,
      RTL.serial, RTL.issuerName, RTL.issuerId, `127.0.0.1:${port}`,
      ...Object.keys(ATTRS), ...Object.values(ATTRS)]) {
      assert.ok(isolated.includes(value), `${JSON.stringify(value)} is not isolated (isolates: ${JSON.stringify(isolated)})`);
    }
    // The technical detail: the key id.
    await r.card.locator('details.technical summary').click();
    const kid = JSON.parse(Buffer.from(tokens.rtl.split('.')[0], 'base64url')).kid;
    assert.ok((await isolatedValues(r.card)).includes(kid), 'the key id is isolated');

    // As drawn: the issuer's id stays after its name, the title after the code.
    const issuerLabel = locale === 'es-MX' ? 'Emisor' : 'Issuer';
    const standardLabel = locale === 'es-MX' ? 'Estándar' : 'Standard';
    const row = (label) => r.card.locator(':scope > dl.fields > div').filter({ has: r.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
    await assertDrawnInOrder(row(issuerLabel), [RTL.issuerName, ' (', RTL.issuerId, ')']);
    await assertDrawnInOrder(row(standardLabel), [RTL.code, ' — ', RTL.title, ` (${level} `, RTL.level, ')']);
    await r.context.close();
  }
});

test('the page never parses text as HTML: Trusted Types refuse innerHTML', async () => {
  const r = await open(base(), tokens.valid);
  const outcome = await r.page.evaluate(() => {
    try {
      document.createElement('p').innerHTML = '<b>x</b>';
      return 'parsed';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(outcome, 'TypeError');
  await r.context.close();
});

test('a refused status list is reported with its reason isolated, and the warning stays after the verdict', async () => {
  // A copy whose keys.json carries a status list that is not one.
  const site = join(work, 'refused-site');
  sello(['site', 'export', '--keys', server.main, '--status', join(server.main, 'status.jwt'), '--out', site]);
  const keys = JSON.parse(readFileSync(join(site, 'keys.json'), 'utf8'));
  keys.status_lists.push('eyJhbGciOiJFZERTQSJ9.e30.AAAA');
  writeFileSync(join(site, 'keys.json'), JSON.stringify(keys));
  const refused = await serveFolder(site);
  try {
    const r = await open(`http://127.0.0.1:${refused.port}`, tokens.valid, { shot: 'refused-list' });
    assert.match(r.cls, /\bvalid\b/);
    const status = r.page.locator('#status');
    assert.match(await status.innerText(), /no se aceptó una lista de estado/);
    assert.match(await status.locator('bdi').innerText(), /^status list 1: /);
    await r.context.close();
  } finally {
    refused.server.close();
  }
});

test('attributes named like Sello\'s labels stay data: their own group after Sello\'s fields, monospace, never a label', async () => {
  const es = ['es-MX', 'Otros datos del certificado', ['Titular', 'Identificación (CURP)', 'Estándar', 'Unidad', 'Folio', 'Emitido', 'Emisor']];
  const en = ['en-US', 'Other certificate data', ['Holder', 'Id (CURP)', 'Standard', 'Unit', 'Serial (folio)', 'Issued', 'Issuer']];
  const phone = { width: 390, height: 844 };
  const desktop = { width: 1100, height: 900 };
  for (const [[locale, heading, own], viewport] of [[es, phone], [en, phone], [es, desktop]]) {
    const r = await open(base(), tokens.rtl, { locale, viewport, shot: `attributes-${locale}-${viewport.width}` });
    // Sello's labels are Sello's only: no attribute name among them.
    assert.deepEqual(await ownLabels(r.card), own);
    const group = r.card.locator(':scope > section.attributes');
    assert.equal(await group.locator('h3').innerText(), heading);
    const names = group.locator('dt .attribute-name');
    assert.deepEqual(await names.allTextContents(), Object.keys(ATTRS).sort());
    assert.deepEqual(await group.locator('dd').allTextContents(), Object.keys(ATTRS).sort().map((k) => ATTRS[k]));
    // Drawn as data: monospace, as signed (lower case), not in the style of Sello's labels.
    const style = (l) => l.evaluate((e) => {
      const s = getComputedStyle(e);
      return { font: s.fontFamily, weight: s.fontWeight, transform: s.textTransform, bidi: s.unicodeBidi };
    });
    const label = await style(r.card.locator(':scope > dl.fields > div > dt').first());
    for (let i = 0; i < await names.count(); i++) {
      const s = await style(names.nth(i));
      assert.match(s.font, /monospace/);
      assert.equal(s.transform, 'none');
      assert.equal(s.bidi, 'isolate');
      assert.notEqual(s.font, label.font);
      assert.notEqual(s.weight, label.weight);
    }
    // After every one of Sello's own fields, the issuer's included.
    const fields = await r.card.locator(':scope > dl.fields').boundingBox();
    const box = await group.boundingBox();
    assert.ok(box.y >= fields.y + fields.height, `the group (${box.y}) starts below Sello's fields (${fields.y + fields.height})`);
    await r.context.close();
  }
});

test('an attribute the issuer labels in its key set shows the label, in the reader\'s language, still as data', async () => {
  // An issuer that declares labels in issuer.json (docs/ISSUING.md), published by `keys publish`.
  const dir = join(work, 'labels');
  sello(['keygen', '--dir', dir, '--id', 'mx.etiquetas', '--name', 'Etiquetas', '--url', 'http://127.0.0.1:1/']);
  const record = JSON.parse(readFileSync(join(dir, 'issuer.json'), 'utf8'));
  record.attribute_labels = { dep: { es: 'Departamento', en: 'Department' }, turno: { es: '<b>Turno</b>' } };
  writeFileSync(join(dir, 'issuer.json'), JSON.stringify(record, null, 2));
  sello(['keys', 'publish', '--dir', dir]);
  assert.match(readFileSync(join(dir, 'jwks.json'), 'utf8'), /"attribute_labels"/);
  const token = sello(['issue', '--dir', dir, '--json', '--holder', 'Ana Pérez', '--code', 'EC0105',
    '--title', 'Atención al ciudadano', '--attr', 'dep=Registro Civil', '--attr', 'turno=Matutino',
    '--attr', 'grupo=7'], { json: true }).token;
  sello(['status', 'publish', '--dir', dir]);
  const site = join(work, 'labels-site');
  sello(['site', 'export', '--keys', dir, '--status', join(dir, 'status.jwt'), '--out', site]);
  const labelled = await serveFolder(site);
  try {
    for (const [locale, dep] of [['es-MX', 'Departamento'], ['en-US', 'Department']]) {
      const r = await open(`http://127.0.0.1:${labelled.port}`, token, { locale });
      assert.match(r.cls, /\bvalid\b/);
      const group = r.card.locator(':scope > section.attributes');
      const names = group.locator('dt .attribute-name');
      // Keys in order: dep, grupo (no label: the key), turno (its only label, as text).
      assert.deepEqual(await names.allTextContents(), [dep, 'grupo', '<b>Turno</b>']);
      assert.equal(await group.locator('dt b').count(), 0, 'a label is never markup');
      assert.equal(await names.first().getAttribute('title'), 'dep');
      assert.deepEqual(await group.locator('dd').allTextContents(), ['Registro Civil', '7', 'Matutino']);
      // Still the issuer's data: none of Sello's own labels reads "Departamento".
      assert.ok(!(await ownLabels(r.card)).includes(dep));
      await r.context.close();
    }
  } finally {
    labelled.server.close();
  }
});

test('the fragment is the token as written: a percent-encoded token is not a certificate, as in the CLI and the API', async () => {
  assert.ok(tokens.valid.startsWith('e'));
  const encoded = `%65${tokens.valid.slice(1)}`;
  // The CLI: not presented as a token (FORMAT.md §4.4), an input error, exit status 2.
  const cli = spawnSync(SELLO, ['verify', '--json', '--keys', server.main, '--status', join(server.main, 'status.jwt'), encoded], { encoding: 'utf8' });
  assert.equal(cli.status, 2);
  assert.equal(JSON.parse(cli.stdout.trim().split('\n')[0]).error, 'not_a_certificate');
  // The API.
  const response = await fetch(`${base()}/api/verify`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: encoded }),
  });
  assert.equal(response.status, 422);
  assert.equal((await response.json()).error, 'not_a_certificate');
  // The page, on the device and on the static copy: no verdict, the same input error.
  for (const url of [base(), `http://127.0.0.1:${copy.port}`]) {
    const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${url}/#${encoded}`);
    await page.locator('#status.error').waitFor({ timeout: 15000 });
    assert.match(await page.locator('#status').innerText(), /no es un certificado Sello/);
    assert.equal(await page.locator('#result article.card').count(), 0);
    await page.screenshot({ path: join(SHOTS, 'percent-encoded.png'), fullPage: true });
    await context.close();
    const plain = await open(url, tokens.valid);
    assert.match(plain.cls, /\bvalid\b/);
    await plain.context.close();
  }
});

/** A PNG of the QR code files side by side on white, drawn by the browser. */
async function composePhoto(files) {
  const page = await browser.newPage();
  const photo = await page.evaluate(async (pngs) => {
    const images = await Promise.all(pngs.map(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      return image;
    }));
    const gap = 60;
    const canvas = document.createElement('canvas');
    canvas.width = images.reduce((w, i) => w + i.width + gap, gap);
    canvas.height = Math.max(...images.map((i) => i.height)) + 2 * gap;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    const boxes = [];
    let x = gap;
    for (const image of images) {
      g.drawImage(image, x, gap);
      boxes.push({ x, y: gap, width: image.width, height: image.height });
      x += image.width + gap;
    }
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { png: btoa(binary), width: canvas.width, height: canvas.height, boxes };
  }, files.map((f) => readFileSync(f).toString('base64')));
  await page.close();
  return { ...photo, png: Buffer.from(photo.png, 'base64') };
}

/**
 * Test only: a BarcodeDetector for a browser without one (Linux chromium has none). It finds
 * `codes` in an image of the photo's size and in every camera frame, and lists them right to
 * left, so the page must put them in reading order itself.
 */
function detectorScript({ width, height, codes }) {
  class TestBarcodeDetector {
    static async getSupportedFormats() { return ['qr_code']; }
    constructor(options) {
      if (!options || !options.formats.includes('qr_code')) throw new TypeError('qr_code only');
    }
    async detect(source) {
      const frame = source instanceof HTMLVideoElement;
      if (!frame && !(source.width === width && source.height === height)) return [];
      window.testDetections = (window.testDetections || 0) + 1;
      return [...codes].reverse().map((c) => ({
        format: 'qr_code', rawValue: c.text, cornerPoints: [],
        boundingBox: new DOMRectReadOnly(c.x, c.y, c.width, c.height),
      }));
    }
  }
  window.BarcodeDetector = TestBarcodeDetector;
}

async function hasBarcodeDetector() {
  const page = await browser.newPage();
  await page.goto(`${base()}/`);
  const has = await page.evaluate(() => 'BarcodeDetector' in window);
  await page.close();
  return has;
}

test('a photo of two QR codes, read on the device: one card per code, "1 / 2" and "2 / 2", as the API reports them', async () => {
  const photo = await composePhoto([qr.valid, qr.revoked]);
  writeFileSync(join(SHOTS, 'two-codes.png'), photo.png);
  // The service reads both codes of the very same photo.
  const form = new FormData();
  form.append('image', new Blob([photo.png], { type: 'image/png' }), 'dos-codigos.png');
  const api = await (await fetch(`${base()}/api/verify`, { method: 'POST', body: form })).json();
  assert.deepEqual(api.map((v) => v.verdict).sort(), ['invalid', 'valid']);

  const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const real = await hasBarcodeDetector();
  if (!real) {
    const scanned = sello(['scan', qr.valid]).trim();
    const revoked = sello(['scan', qr.revoked]).trim();
    await context.addInitScript(detectorScript, {
      width: photo.width, height: photo.height,
      codes: [{ text: scanned, ...photo.boxes[0] }, { text: revoked, ...photo.boxes[1] }],
    });
  }
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base()}/`);
  await page.setInputFiles('#photo', { name: 'dos-codigos.png', mimeType: 'image/png', buffer: photo.png });
  const cards = page.locator('#result article.card');
  await cards.nth(1).waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(SHOTS, 'two-codes-es.png'), fullPage: true });
  assert.equal(await cards.count(), 2);
  assert.ok(!requests.includes('/api/verify'), `verified on the device: ${requests.join(' ')}`);
  if (!real) assert.equal(await page.evaluate(() => window.testDetections), 1);
  // In reading order: the left code (valid) first.
  const first = await cards.nth(0).innerText();
  const second = await cards.nth(1).innerText();
  assert.match(await cards.nth(0).getAttribute('class'), /\bvalid\b/);
  assert.match(first, /1 \/ 2/);
  assert.match(first, /María Guadalupe Hernández López/);
  assert.match(await cards.nth(1).getAttribute('class'), /\binvalid\b/);
  assert.match(second, /2 \/ 2/);
  assert.match(second, /revocó/);
  // The file's name, isolated, in the technical detail.
  await cards.nth(0).locator('details.technical summary').click();
  assert.ok((await isolatedValues(cards.nth(0))).includes('dos-codigos.png'));
  await context.close();
});

test('camera frames with two QR codes: one card per code', async () => {
  // The fake camera of chromium (--use-fake-device-for-media-stream) shows a test pattern; the
  // test detector stands for the platform's, which would see the two codes on the paper.
  const photo = await composePhoto([qr.valid, qr.revoked]);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, reducedMotion: 'reduce', permissions: ['camera'] });
  await context.addInitScript(detectorScript, {
    width: photo.width, height: photo.height,
    codes: [{ text: tokens.valid, ...photo.boxes[0] }, { text: tokens.revoked, ...photo.boxes[1] }],
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base()}/`);
  await page.click('#camera-start');
  const cards = page.locator('#result article.card');
  await cards.nth(1).waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(SHOTS, 'camera-two-codes-en.png'), fullPage: true });
  assert.equal(await cards.count(), 2);
  assert.match(await cards.nth(0).getAttribute('class'), /\bvalid\b/);
  assert.match(await cards.nth(0).innerText(), /1 \/ 2/);
  assert.match(await cards.nth(1).getAttribute('class'), /\binvalid\b/);
  assert.match(await cards.nth(1).innerText(), /2 \/ 2/);
  assert.match(await cards.nth(1).innerText(), /revoked/);
  assert.ok(await page.locator('#camera').isVisible(), 'the camera keeps reading (continuous scanning)');
  assert.ok(!requests.includes('/api/verify') && !requests.includes('/api/verify/batch'));
  await context.close();
});

test('every verdict shows the address of the page that gave it, with the advice to check it', async () => {
  for (const [url, locale, label, advice] of [
    [base(), 'es-MX', 'Verificado por:', /Confíe en este resultado solo si esa es la dirección oficial/],
    [`http://127.0.0.1:${copy.port}`, 'es-MX', 'Verificado por:', /Confíe en este resultado solo si esa es la dirección oficial/],
    [`http://127.0.0.1:${copy.port}`, 'en-US', 'Verified by:', /Trust this result only if that is the official address/],
  ]) {
    const host = new URL(url).host;
    for (const token of [tokens.valid, tokens.revoked]) {
      const r = await open(url, token, { locale, shot: `address-${locale}-${new URL(url).port === String(port) ? 'server' : 'copy'}` });
      const origin = r.card.locator('.band .origin');
      assert.equal(await origin.locator('.address').innerText(), host);
      assert.equal((await origin.innerText()).trim(), `${label} ${host}`);
      assert.match(r.text, advice);
      // Beside the verdict: in its band, right under the headline, before the explanation.
      // Measured in one step inside the page: lines filled in later above the card (the age
      // of the trust data) move the whole card between separate measurements.
      const [headline, shownAt, explanation] = await r.card.evaluate((card) =>
        ['.verdict', '.band .origin', '.explanation'].map((selector) => {
          const box = card.querySelector(selector).getBoundingClientRect();
          return { y: box.top, height: box.height };
        }));
      assert.ok(shownAt.y >= headline.y + headline.height && shownAt.y < explanation.y,
        JSON.stringify({ headline, shownAt, explanation }));
      await r.context.close();
    }
  }
  // Read by the service (a photo without a detector): the same.
  const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${base()}/`);
  await page.setInputFiles('#photo', qr.valid);
  const card = page.locator('#result article.card', { hasText: 'CERTIFICADO VÁLIDO' });
  await card.waitFor({ timeout: 15000 });
  assert.equal(await card.locator('.origin .address').innerText(), `127.0.0.1:${port}`);
  await context.close();
});

test('the age of the status list in use is shown, and a stale list is flagged', async () => {
  const { iat, exp } = stale.list;
  assert.equal(iat, Date.UTC(2026, 0, 1) / 1000);
  const url = `http://127.0.0.1:${stale.port}`;
  const at = async (time, locale, shot) => {
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (time !== null) await page.clock.setFixedTime(new Date(time * 1000));
    await page.goto(`${url}/#${tokens.stale}`);
    const card = page.locator('#result article.card').first();
    await card.waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
    const line = card.locator('section.trust .status-list');
    const result = { cls: await card.getAttribute('class'), line: await line.innerText(), lineCls: await line.getAttribute('class'), heading: await card.locator('section.trust h3').innerText() };
    await context.close();
    return result;
  };
  // Ten and a half days after it was published, before it expires: its age, and fresh.
  const fresh = await at(iat + 10.5 * 86400, 'es-MX', 'status-list-fresh-es');
  assert.match(fresh.cls, /\bvalid\b/);
  assert.equal(fresh.heading, 'Datos de confianza');
  assert.equal(fresh.line, 'Lista de estado del emisor: publicada el 1 de enero de 2026 (hace 10 días), vigente hasta el 30 de enero de 2026 a las 11:59 p.m. UTC.');
  assert.doesNotMatch(fresh.lineCls, /stale/);
  // After its exp: flagged (and the verdict is "could not be confirmed").
  const later = Date.UTC(2026, 1, 3, 12) / 1000;
  assert.ok(later > exp);
  const old = await at(later, 'es-MX', 'status-list-stale-es');
  assert.match(old.cls, /\bindeterminate\b/);
  assert.match(old.lineCls, /\bstale\b/);
  assert.match(old.line, /^⚠ Lista de estado del emisor VENCIDA el 30 de enero de 2026 a las 11:59 p\.m\. UTC \(publicada el 1 de enero de 2026, hace 33 días\): no se puede saber si el certificado fue revocado\.$/);
  const oldEn = await at(later, 'en-US', 'status-list-stale-en');
  assert.equal(oldEn.heading, 'Trust data');
  assert.match(oldEn.line, /EXPIRED on 30 January 2026 at 23:59 UTC \(published 1 January 2026, 33 days ago\)/);
  // Today's list of the service: published less than a day ago.
  const r = await open(base(), tokens.valid, { shot: 'status-list-today' });
  assert.match(await r.card.locator('section.trust .status-list').innerText(), /^Lista de estado del emisor: publicada el .+ \(hace menos de un día\), vigente hasta el .+\.$/);
  await r.context.close();
});
