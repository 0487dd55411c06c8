// Reading QR codes on this device, for the photo and camera paths of the page.
//
// The browser's own BarcodeDetector when it has one that reads QR codes (Chrome on Android,
// for one); everywhere else (Safari on iPhone, Firefox, desktop Chrome) ZXing's C++ reader
// compiled to WebAssembly: the npm package zxing-wasm, served from this page's own folder
// (zxing-wasm/…, copied unchanged from the package; docs/DECODING.md says why this one and how
// the files are checked) and fetched only the first time a code has to be read. Nothing is
// loaded from any other address, and no image leaves the device.

/** At most this many pixels on the longer side for the first, quicker pass of a big image. */
const FIRST_PASS = 1600;
/** The largest image side decoded at all (a 12 Mpx photo is 4000 × 3000). */
const MAX_SIDE = 4096;

let nativePromise = null;
let zxingPromise = null;
/** For the tests: which reader the last `detectCodes` used ('native' or 'zxing'). */
export let lastReader = null;

/** The browser's BarcodeDetector for QR codes, or null. */
export function nativeDetector() {
  if (!nativePromise) {
    nativePromise = (async () => {
      if (!('BarcodeDetector' in globalThis)) return null;
      try {
        const formats = await globalThis.BarcodeDetector.getSupportedFormats();
        if (!formats.includes('qr_code')) return null;
        return new globalThis.BarcodeDetector({ formats: ['qr_code'] });
      } catch {
        return null;
      }
    })();
  }
  return nativePromise;
}

/** zxing-wasm's reader, loaded once (its module, then its WebAssembly beside it). */
function zxing() {
  if (!zxingPromise) {
    zxingPromise = (async () => {
      const reader = await import('./zxing-wasm/reader/index.js');
      const wasm = new URL('./zxing-wasm/zxing_reader.wasm', import.meta.url).href;
      // locateFile: the package would otherwise fetch its .wasm from a CDN.
      await reader.prepareZXingModule({
        overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasm : prefix + path) },
        fireImmediately: true,
      });
      return reader;
    })();
    zxingPromise.catch(() => { zxingPromise = null; });
  }
  return zxingPromise;
}

function sizeOf(source) {
  return {
    width: source.videoWidth || source.naturalWidth || source.width || 0,
    height: source.videoHeight || source.naturalHeight || source.height || 0,
  };
}

/** `source`'s pixels, its longer side at most `side`: { image, scale }. */
function pixels(source, width, height, side) {
  const scale = Math.min(1, side / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = typeof OffscreenCanvas === 'function'
    ? new OffscreenCanvas(w, h)
    : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, 0, 0, w, h);
  return { image: context.getImageData(0, 0, w, h), scale };
}

function box(position, scale) {
  const points = [position.topLeft, position.topRight, position.bottomRight, position.bottomLeft];
  const xs = points.map((p) => p.x / scale);
  const ys = points.map((p) => p.y / scale);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

async function zxingPass(reader, source, width, height, side) {
  const { image, scale } = pixels(source, width, height, side);
  const results = await reader.readBarcodes(image, {
    // Plain: the code's text as it is (the default, HRI, rewrites control characters).
    formats: ['QRCode'], textMode: 'Plain', tryHarder: true, maxNumberOfSymbols: 16, returnErrors: true,
  });
  const codes = [];
  const seen = [];
  for (const r of results) {
    const found = { rawValue: r.text, boundingBox: box(r.position, scale) };
    if (r.isValid && r.text) codes.push(found);
    else seen.push(found);
  }
  return { codes, seen };
}

/**
 * Every QR code in `source` (an ImageBitmap, a video element, a canvas): `codes`, each
 * `{ rawValue, boundingBox }` in `source`'s pixels, as BarcodeDetector gives them; `seen`,
 * codes that were found but could not be read (too small, blurred), when the reader tells;
 * `width` and `height` of `source`. `quick`: one pass at a reduced size (camera frames).
 */
export async function detectCodes(source, { quick = false } = {}) {
  const { width, height } = sizeOf(source);
  if (!width || !height) return { codes: [], seen: [], width, height };
  const native = await nativeDetector();
  if (native) {
    lastReader = 'native';
    return { codes: await native.detect(source), seen: [], width, height };
  }
  const reader = await zxing();
  lastReader = 'zxing';
  const first = await zxingPass(reader, source, width, height, FIRST_PASS);
  if (first.codes.length || quick || Math.max(width, height) <= FIRST_PASS) {
    return { ...first, width, height };
  }
  // Small codes in a big photo: the whole image, at up to MAX_SIDE.
  const full = await zxingPass(reader, source, width, height, MAX_SIDE);
  return { codes: full.codes, seen: full.seen.length ? full.seen : first.seen, width, height };
}
