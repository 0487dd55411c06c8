// What the browser tests share: the real `sello` binary, loopback servers, Debian's chromium.
//
// SELLO_BIN: the sello binary (default ../../target/debug/sello). CHROMIUM: the browser
// (default /usr/bin/chromium). Screenshots go to ../../target/browser-screenshots/.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const SELLO = resolve(process.env.SELLO_BIN || join(repo, 'target', 'debug', 'sello'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = join(repo, 'target', 'browser-screenshots');
// Long and random-looking: the issuer refuses weak passphrases.
const PASS = 'qV7#tR2m-Kx9$wL4p-Zc8!nB3s-navegador';

/** Runs `sello ARGS` (Spanish messages), asserts it succeeded, returns stdout (parsed with json). */
export function sello(args, { json = false } = {}) {
  const r = spawnSync(SELLO, args, {
    encoding: 'utf8',
    env: { ...process.env, SELLO_PASSPHRASE: PASS, LANG: 'es_MX.UTF-8' },
  });
  assert.equal(r.status, 0, `sello ${args.join(' ')}: ${r.stderr}`);
  return json ? JSON.parse(r.stdout) : r.stdout;
}

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export async function waitForHttp(url) {
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not come up`);
}

/** `sello serve ARGS --addr 127.0.0.1:PORT`, once it answers; its stderr collects in `.log`. */
export async function serve(args, port) {
  const server = spawn(SELLO, ['serve', ...args, '--addr', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  server.log = '';
  server.stderr.on('data', (d) => { server.log += d; });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  return server;
}

/** A plain file server for a folder (a `sello site export`) on 127.0.0.1: no API behind it. */
export async function serveFolder(folder) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.jwt': 'application/jwt', '.wasm': 'application/wasm' };
  const server = createHttpServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const path = join(folder, pathname);
    // As static hosts do: a folder without its slash is redirected to it.
    if (!pathname.endsWith('/') && existsSync(path) && statSync(path).isDirectory()) {
      res.writeHead(301, { Location: `${pathname}/` });
      res.end();
      return;
    }
    const file = pathname.endsWith('/') ? join(path, 'index.html') : path;
    if (!(file === folder || file.startsWith(folder + sep)) || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, port };
}

/**
 * Headless chromium. Its fake camera answers getUserMedia: a generated test pattern, or the
 * frames of `video` (a .y4m file, see `writeY4m`), looped.
 */
export async function launch({ video } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
  if (video) args.push(`--use-file-for-fake-video-capture=${video}`);
  return chromium.launch({ executablePath: CHROMIUM, args });
}

/**
 * Writes a YUV4MPEG2 video (what chromium's fake camera plays) of `frames` identical frames,
 * `width` × `height`, light grey paper with each PNG of `codes` drawn on it: `{ png, x, y, size }`
 * (top left corner and side in pixels, scaled by nearest neighbour; gray levels only).
 */
export function writeY4m(path, { width = 1280, height = 720, frames = 5, codes = [] }) {
  const luma = Buffer.alloc(width * height, 235);
  for (const { png, x, y, size } of codes) {
    const image = PNG.sync.read(readFileSync(png));
    for (let row = 0; row < size; row++) {
      const sy = Math.floor((row * image.height) / size);
      for (let col = 0; col < size; col++) {
        const sx = Math.floor((col * image.width) / size);
        const i = (sy * image.width + sx) * 4;
        const gray = (image.data[i] * 299 + image.data[i + 1] * 587 + image.data[i + 2] * 114) / 1000;
        // Printed black is not quite black, paper not quite white.
        const px = x + col;
        const py = y + row;
        if (px >= 0 && px < width && py >= 0 && py < height) luma[py * width + px] = gray < 128 ? 30 : 235;
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array(frames).fill(frame)]));
}

/** Opens base + path + #token in a fresh page (Spanish unless told), waits for the verdict card. */
export async function open(browser, base, token, { locale = 'es-MX', shot, viewport = { width: 390, height: 844 }, path = '/' } = {}) {
  const context = await browser.newContext({ locale, viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}${path}#${token}`);
  const card = page.locator('#result article.card').first();
  await card.waitFor({ timeout: 15000 });
  if (shot) await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  const cls = await card.getAttribute('class');
  const text = await card.innerText();
  return { page, context, card, cls, text, requests };
}

/**
 * `sello keygen` of an issuer in `dir` whose QR codes open `url`; returns
 * `issue(holder, serial, extra)`, which issues it a certificate (EC0105, CECATI 149, its QR code
 * in `qrDir/<serial>.png`) and returns `sello issue --json`'s answer.
 */
export function issuer(dir, { id = 'mx.cecati149', name = 'CECATI 149', url, qrDir }) {
  sello(['keygen', '--dir', dir, '--id', id, '--name', name, '--url', url]);
  return (holder, serial, extra = []) => sello(['issue', '--dir', dir, '--json', '--holder', holder,
    '--holder-id', 'HELG850312MDFRPD09', '--code', 'EC0105',
    '--title', 'Atención al ciudadano en el sector público', '--unit', 'CECATI 149',
    '--serial', serial, '--qr', join(qrDir, `${serial}.png`), ...extra], { json: true });
}

/** Clicks the card's receipt button; returns the downloaded file's name, HTML and the text a
 * browser shows of it (opened as a file), with what it holds; the file is saved in `dir`. */
export async function receipt(page, card, dir) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: /Descargar comprobante|Download receipt/ }).click(),
  ]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const source = readFileSync(path, 'utf8');
  const view = await page.context().newPage();
  const errors = [];
  view.on('pageerror', (e) => errors.push(e.message));
  await view.goto(`file://${path}`);
  await view.screenshot({ path: join(SHOTS, `receipt-${download.suggestedFilename().replace(/\.html$/, '')}.png`), fullPage: true });
  const shown = await view.evaluate(() => ({
    text: document.body.innerText,
    title: document.title,
    active: document.querySelectorAll('script, img, svg, canvas, iframe, object, embed, form, input, a[href]').length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null,
  }));
  await view.close();
  return { name: download.suggestedFilename(), source, errors, ...shown };
}
