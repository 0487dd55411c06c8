// QR decoders for the page, measured under Node: read rate and milliseconds per image.
//
// node bench.mjs SET=DIR [SET=DIR …]
//
// Each DIR holds images (N.png / N.jpg) beside N.txt, the exact text the image's code holds
// (the layout of /work/shared/corpus/zxing-qr). An image counts as read when one of the codes a
// decoder returns is exactly that text. The time is the decoder's alone: every image is decoded
// to RGBA pixels first (pngjs, jpeg-js), and each decoder gets the same pixels; the first pass
// over a set warms up and is not timed, then REPS (default 3) timed passes, the median per image
// kept. Output: a Markdown table on stdout, one row per set and decoder, and a line per failed
// image on stderr.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
const REPS = Number(process.env.REPS || 3);

// The ponyfill tells an ImageData by its tag; Node has none of the DOM's image types.
globalThis.ImageData = class ImageData {
  constructor(data, width, height) { Object.assign(this, { data, width, height, colorSpace: 'srgb' }); }
  get [Symbol.toStringTag]() { return 'ImageData'; }
};
globalThis.DOMRectReadOnly ??= class DOMRectReadOnly {
  constructor(x = 0, y = 0, width = 0, height = 0) { Object.assign(this, { x, y, width, height }); }
};
for (const name of ['ImageBitmap', 'OffscreenCanvas', 'VideoFrame', 'HTMLImageElement']) {
  globalThis[name] ??= class {};
}
const { BarcodeDetector, prepareZXingModule: preparePonyfill } = await import('barcode-detector/ponyfill');

const wasmBinary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
await preparePonyfill({ overrides: { wasmBinary }, fireImmediately: true });
const detector = new BarcodeDetector({ formats: ['qr_code'] });

const zxing = (options) => async (img) =>
  (await readBarcodes(new globalThis.ImageData(img.data, img.width, img.height),
    { formats: ['QRCode'], textMode: 'Plain', maxNumberOfSymbols: 255, ...options })).map((r) => r.text);

// The page's own pipeline (crates/sello-web/static/qr-decode.js): the image at most 1600 px on
// its longer side first (the browser's canvas scales it; here an area average), the whole image
// (up to 4096 px) only when that finds nothing.
function shrink(img, side) {
  const scale = Math.min(1, side / Math.max(img.width, img.height));
  if (scale === 1) return img;
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y / scale), y1 = Math.max(y0 + 1, Math.floor((y + 1) / scale));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x / scale), x1 = Math.max(x0 + 1, Math.floor((x + 1) / scale));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) {
        const i = (sy * img.width + sx) * 4;
        sum[0] += img.data[i]; sum[1] += img.data[i + 1]; sum[2] += img.data[i + 2];
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 4;
      out[o] = sum[0] / n; out[o + 1] = sum[1] / n; out[o + 2] = sum[2] / n; out[o + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
}
// The shrunk copies are made once per image, outside the timed passes (the browser's canvas
// does this natively; this JS loop would otherwise dominate the time).
const shrunk = new WeakMap();
function copies(img) {
  if (!shrunk.has(img)) shrunk.set(img, [shrink(img, 1600), shrink(img, 4096)]);
  return shrunk.get(img);
}
const pagePipeline = async (img) => {
  const [small, large] = copies(img);
  const first = await zxing({ tryHarder: true })(small);
  if (first.length || Math.max(img.width, img.height) <= 1600) return first;
  return zxing({ tryHarder: true })(large);
};

export const DECODERS = {
  'zxing-wasm 3.1.3 reader, as the page uses it (≤ 1600 px first)': pagePipeline,
  'barcode-detector 3.2.2 (ponyfill, zxing-wasm)': async (img) =>
    (await detector.detect(new globalThis.ImageData(img.data, img.width, img.height))).map((c) => c.rawValue),
  'zxing-wasm 3.1.3 reader, tryHarder': zxing({ tryHarder: true }),
  'zxing-wasm 3.1.3 reader, fast': zxing({ tryHarder: false, tryRotate: false, tryInvert: false }),
  'jsqr 1.4.0': async (img) => {
    const r = jsQR(img.data, img.width, img.height);
    return r ? [r.data] : [];
  },
};

function load(path) {
  const bytes = readFileSync(path);
  if (extname(path).toLowerCase() === '.png') {
    const png = PNG.sync.read(bytes);
    return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
  }
  const raw = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024, maxResolutionInMP: 200 });
  return { data: new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.length), width: raw.width, height: raw.height };
}

function images(dir) {
  return readdirSync(dir)
    .filter((f) => /\.(png|jpe?g)$/i.test(f))
    .map((f) => ({ path: join(dir, f), txt: join(dir, `${basename(f, extname(f))}.txt`) }))
    .filter((i) => existsSync(i.txt))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
    .map((i) => ({ ...i, ...load(i.path), expected: readFileSync(i.txt, 'utf8') }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const sets = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  return { name: arg.slice(0, at), dir: arg.slice(at + 1) };
});
console.log('| set | images | decoder | read | ms per image (median of medians) | ms per image (mean) |');
console.log('|---|---:|---|---:|---:|---:|');
for (const set of sets) {
  const list = images(set.dir);
  for (const [name, decode] of Object.entries(DECODERS)) {
    let read = 0;
    const perImage = [];
    for (const img of list) {
      let texts = [];
      try {
        texts = await decode(img);
      } catch (e) {
        texts = [];
        console.error(`${set.name}\t${name}\t${img.path}\terror ${e.message}`);
      }
      const ok = texts.includes(img.expected);
      if (ok) read++;
      else console.error(`${set.name}\t${name}\t${img.path}\tnot read (${texts.length} codes)`);
      const times = [];
      for (let r = 0; r < REPS; r++) {
        const t0 = performance.now();
        try { await decode(img); } catch { /* counted above */ }
        times.push(performance.now() - t0);
      }
      perImage.push(median(times));
    }
    const mean = perImage.reduce((a, b) => a + b, 0) / (perImage.length || 1);
    console.log(`| ${set.name} | ${list.length} | ${name} | ${read} / ${list.length} | ${median(perImage).toFixed(1)} | ${mean.toFixed(1)} |`);
  }
}
