// Sello verification page. No framework, no build step.
//
// A token in the URL's fragment (#…) is verified at once. When the browser has WebCrypto
// Ed25519, verification happens here, with the key sets and status lists of keys.json, and
// the token is never sent anywhere; otherwise the page asks the service (POST api/verify).
// All paths are relative, so a static copy (`sello site export`) works from any folder.

import {
  supportsEd25519, loadBundle, verify, statusListInUse, isPresentedAsToken, MESSAGES, formatMessage,
} from './sello-verify.js';
import { CATALOG } from './messages.js';

// Every string of the page comes from the catalogue (crates/sello-web/i18n/*.ftl, generated into
// messages.js): the message `page-` and the key (`page-error-` and the code for the errors of
// POST api/verify). Verdict headlines and reason explanations come from MESSAGES of
// sello-verify.js.
function pageText(lang) {
  const out = { error: {} };
  for (const id of Object.keys(CATALOG[lang])) {
    if (id.startsWith('page-error-')) out.error[id.slice('page-error-'.length)] = formatMessage(lang, id);
    else if (id.startsWith('page-')) out[id.slice('page-'.length)] = formatMessage(lang, id);
  }
  out.ago = (days) => formatMessage(lang, 'page-ago', { days });
  out.listFresh = (published, ago, until) => formatMessage(lang, 'page-listFresh', { published, ago, until });
  out.listStale = (published, ago, until) => formatMessage(lang, 'page-listStale', { published, ago, until });
  return Object.freeze(out);
}
const TEXT = { es: pageText('es'), en: pageText('en') };

const $ = (id) => document.getElementById(id);
const resultBox = $('result');
const statusLine = $('status');
const video = $('video');

let lang = (navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es';
// The last verification, re-rendered on a language switch:
// { results, where: 'here' | 'server', lists: Map | null, file: string | null }.
let shown = null;
let localSupport = null;
let bundlePromise = null;
let trustPromise = null;
let camera = null; // { stream, timer }
let refusedLists = null; // why keys.json's refused status lists were refused, once loaded

const text = () => TEXT[lang];

// ---- putting text on the page ---------------------------------------------------------------
//
// The page is built with DOM calls and textContent only; no string is ever parsed as HTML (and
// index.html's Trusted Types policy makes the browser refuse to). Text that Sello wrote (labels,
// separators, dates it formatted) goes in as it is. Every other string — claims, the issuer's
// name and id, key ids, file names, the page's own address, technical details — goes in through
// `untrusted` and nothing else: inside its own <bdi dir="auto">, an isolate, so that its letters
// (right-to-left ones, digits, brackets) cannot reorder, or pass for, the text around it.

function untrusted(value, className) {
  const el = document.createElement('bdi');
  el.dir = 'auto';
  if (className) el.className = className;
  el.textContent = String(value);
  return el;
}

/** Sello's own text. */
const own = (value) => document.createTextNode(value);

/** Nodes for `content`: a Node as it is, a string (or number) isolated, or an array of those. */
function nodes(content) {
  return (Array.isArray(content) ? content : [content])
    .map((part) => (part instanceof Node ? part : untrusted(part)));
}

function element(tag, className, content) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (content !== undefined) el.textContent = content;
  return el;
}

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = text().pageTitle;
  for (const el of document.querySelectorAll('[data-t]')) {
    el.textContent = text()[el.dataset.t];
  }
  const button = $('lang-switch');
  button.textContent = text().switchTo;
  button.lang = text().switchLang;
  if (shown) {
    render(shown, false);
    if (refusedLists) settle();
  }
}

$('lang-switch').addEventListener('click', () => {
  lang = lang === 'es' ? 'en' : 'es';
  applyLanguage();
});

// ---- status line ----------------------------------------------------------------------------

/** Sello's `message`, then `detail` (not Sello's: isolated) when given. */
function say(message, isError = false, detail = null) {
  statusLine.replaceChildren(own(message || ''));
  if (detail) statusLine.append(own(' '), untrusted(detail));
  statusLine.classList.toggle('error', Boolean(isError));
}

/** After a verdict: the status line is empty, or warns of status lists that were refused. */
function settle() {
  if (refusedLists) say(text().statusRefused, true, refusedLists);
  else say('');
}

// ---- trust data: keys.json ------------------------------------------------------------------

async function canVerifyHere() {
  if (localSupport === null) {
    try {
      localSupport = Boolean(await supportsEd25519());
    } catch {
      localSupport = false;
    }
  }
  return localSupport;
}

/** The text of keys.json, fetched once. */
function bundleText() {
  if (!bundlePromise) {
    bundlePromise = (async () => {
      const response = await fetch('keys.json', { cache: 'no-cache', credentials: 'omit' });
      if (!response.ok) throw new Error(`keys.json: HTTP ${response.status}`);
      return response.text();
    })();
    bundlePromise.catch(() => { bundlePromise = null; });
  }
  return bundlePromise;
}

function trustStore() {
  if (!trustPromise) {
    trustPromise = (async () => {
      const { store, refused } = await loadBundle(await bundleText());
      // A list that is not accepted is not used (its certificates come out indeterminate),
      // and the person is told.
      refusedLists = refused.length ? refused.join('; ') : null;
      return store;
    })();
    trustPromise.catch(() => { trustPromise = null; });
  }
  return trustPromise;
}

/** The payload of a compact JWS, for display only (no signature is checked here). */
function jwsPayload(token) {
  if (typeof token !== 'string') return null;
  const part = token.trim().split('.')[1];
  if (!part || !/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

/**
 * The status list of each issuer as the verdicts used it: issuer id -> { iat, exp } (seconds).
 * On this device, the lists the verifier accepted (loadBundle). For the service's verdicts, the
 * lists it publishes beside its key sets in keys.json, read for display only. Null when unknown.
 */
async function statusLists(where) {
  try {
    const lists = new Map();
    const now = Math.floor(Date.now() / 1000);
    if (where === 'here') {
      const store = await trustStore();
      for (const iss of store.statusLists.keys()) {
        const list = statusListInUse(store, iss, { at: now });
        if (list) lists.set(iss, { iat: Number(list.iat), exp: Number(list.exp) });
      }
      return lists;
    }
    // The list in use is the newest not dated after now (FORMAT.md §5.8.6), as the service's.
    const doc = JSON.parse(await bundleText());
    for (const token of Array.isArray(doc && doc.status_lists) ? doc.status_lists : []) {
      const c = jwsPayload(token);
      if (!c || typeof c.iss !== 'string' || !Number.isSafeInteger(c.iat) || !Number.isSafeInteger(c.exp)) continue;
      if (c.iat > now + 60) continue;
      const old = lists.get(c.iss);
      if (!old || old.iat < c.iat) lists.set(c.iss, { iat: c.iat, exp: c.exp });
    }
    return lists;
  } catch {
    return null;
  }
}

// ---- verification ---------------------------------------------------------------------------

// Asks the service. Resolves to { results } or { error: code, message }.
async function askServer(body, contentType, path = 'api/verify') {
  let response;
  try {
    const init = { method: 'POST', body, credentials: 'omit', cache: 'no-store' };
    if (contentType) init.headers = { 'content-type': contentType };
    response = await fetch(`${path}?lang=${lang}`, init);
  } catch {
    return { error: 'network', message: text().network };
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (response.status === 404 || response.status === 405 || answer === null) {
    return { error: 'no_server', message: text().noServer };
  }
  if (!response.ok || answer.error) {
    return { error: answer.error, message: answer.message };
  }
  return { results: Array.isArray(answer) ? answer : [answer] };
}

/**
 * Verifies every text — one pasted, or every QR code of a photo or camera frame — and shows one
 * card each. `file`: the photo's name, when they came from one.
 */
async function verifyTexts(texts, file = null) {
  const inputs = texts.map((t) => (t || '').trim());
  if (inputs.length === 0 || (inputs.length === 1 && !inputs[0])) {
    say(text().empty, true);
    return;
  }
  say(text().verifying);
  try {
    if (await canVerifyHere()) {
      let store;
      try {
        store = await trustStore();
      } catch {
        say(text().keysFailed, true);
        return;
      }
      // Text that is not presented as a token is not a Sello certificate at all (FORMAT.md
      // §4.4): an input problem, not a red verdict.
      if (inputs.length === 1 && !isPresentedAsToken(inputs[0])) {
        say(text().error.not_a_certificate, true);
        return;
      }
      const results = [];
      for (const input of inputs) {
        results.push(isPresentedAsToken(input)
          ? await verify(input, store)
          : { verdict: null, error: 'not_a_certificate' });
      }
      settle();
      await show(results, 'here', file);
      return;
    }
    const answer = inputs.length === 1
      ? await askServer(JSON.stringify({ token: inputs[0] }), 'application/json')
      : await askServer(JSON.stringify({ tokens: inputs }), 'application/json', 'api/verify/batch');
    await showAnswer(answer, false, file);
  } catch {
    say(text().network, true);
  }
}

async function showAnswer(answer, fromImage = false, file = null) {
  if (answer.error === 'no_server' && fromImage) {
    say(text().noDecoder, true);
    return;
  }
  if (answer.error) {
    say(text().error[answer.error] || answer.message || text().network, true);
    return;
  }
  settle();
  await show(answer.results, 'server', file);
}

async function show(results, where, file) {
  const lists = await statusLists(where);
  render({ results, where, lists, file });
}

// ---- rendering ------------------------------------------------------------------------------

// The dates of a certificate, in its issuer's time zone (FORMAT.md §3.9; the key set's
// time_zone, UTC without one): the calendar date of iat, and "valid through" the date of exp − 1.
function zoneOf(result) {
  const zone = result.issuer && result.issuer.time_zone;
  if (typeof zone !== 'string') return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

function formatDate(seconds, zone) {
  if (typeof seconds !== 'number') return '';
  const options = { dateStyle: 'long', timeZone: zone };
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', options).format(new Date(seconds * 1000));
}

function formatInstant(seconds, zone) {
  if (typeof seconds !== 'number') return '';
  const options = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZone: zone, timeZoneName: 'shortOffset' };
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', options).format(new Date(seconds * 1000));
}

function formatTime(seconds, withTime) {
  if (typeof seconds !== 'number') return '';
  const date = new Date(seconds * 1000);
  const options = { dateStyle: 'long', timeZone: 'UTC' };
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  if (withTime && !midnight) options.timeStyle = 'short';
  const formatted = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', options).format(date);
  return withTime && !midnight ? `${formatted} UTC` : formatted;
}

/** A row of a list of Sello's own fields: its label, then `content` (see `nodes`). */
function field(list, label, content, className) {
  if (content === undefined || content === null || content === '') return;
  const row = element('div', className);
  const value = element('dd');
  value.append(...nodes(content));
  row.append(element('dt', null, label), value);
  list.append(row);
}

// Verdict headlines and reason explanations: the verifier module's, the same as the CLI's.
const messages = () => MESSAGES[lang];

function explanation(result) {
  const key = result.reason || 'valid';
  return messages()[key] || result.message || key;
}

/** Where this page is: the address a person must check (a copy can be put anywhere). */
function pageAddress() {
  return location.protocol === 'file:' || !location.host ? null : location.host;
}

function issuerOf(result) {
  const issuer = result.issuer;
  if (!issuer) return { name: null, id: null };
  return { name: issuer.name || issuer.issuer_name || null, id: issuer.id || issuer.issuer || null };
}

// The issuer's extra fields: data, not labels. In their own group after all of Sello's fields,
// names in monospace as signed, so that a field named "emisor" cannot pass for Sello's "Emisor".
function attributes(x) {
  const entries = Object.entries(x || {});
  if (!entries.length) return null;
  const t = text();
  const group = element('section', 'attributes');
  group.append(element('h3', null, t.otherData), element('p', 'note', t.otherDataNote));
  const list = element('dl');
  for (const [name, value] of entries) {
    const row = element('div');
    const term = element('dt');
    term.append(untrusted(name, 'attribute-name'));
    const data = element('dd');
    data.append(untrusted(value));
    row.append(term, data);
    list.append(row);
  }
  group.append(list);
  return group;
}

// How old the issuer's status list is, and whether it is stale.
function trustData(result, lists) {
  const { id } = issuerOf(result);
  if (!id || !lists) return null;
  const t = text();
  const group = element('section', 'trust');
  group.append(element('h3', null, t.trustData));
  const list = lists.get(id);
  if (!list) {
    group.append(element('p', 'status-list', t.noList));
    return group;
  }
  const now = Date.now() / 1000;
  const stale = now >= list.exp;
  const ago = t.ago(Math.floor((now - list.iat) / 86400));
  const line = element('p', stale ? 'status-list stale' : 'status-list');
  if (stale) {
    const mark = element('span', 'warning-mark', '⚠ ');
    mark.setAttribute('aria-hidden', 'true');
    line.append(mark);
  }
  line.append(own((stale ? t.listStale : t.listFresh)(formatTime(list.iat, true), ago, formatTime(list.exp, true))));
  group.append(line);
  return group;
}

/** A code that is not a Sello certificate (`verdict` null): a neutral card, not a verdict. */
function notCertificateCard(result, index, count) {
  const t = text();
  const box = element('article', 'card not-certificate');
  const heading = element('h2', 'verdict');
  const mark = element('span', 'mark', '–');
  mark.setAttribute('aria-hidden', 'true');
  heading.append(mark, element('span', null, t.notCertificateTitle));
  box.append(heading);
  box.append(element('p', 'explanation', t.error[result.error] || t.error.not_a_certificate));
  if (count > 1) {
    const fields = element('dl', 'fields');
    field(fields, t.qrNumber, own(`${index + 1} / ${count}`));
    box.append(fields);
  }
  return box;
}

function card(result, view, index, count) {
  if (result.verdict === null) return notCertificateCard(result, index, count);
  const t = text();
  const verdict = ['valid', 'invalid', 'indeterminate'].includes(result.verdict)
    ? result.verdict : 'invalid';
  const box = element('article', `card ${verdict}`);

  const band = element('div', 'band');
  const heading = element('h2', 'verdict');
  const mark = element('span', 'mark', { valid: '✔', invalid: '✘', indeterminate: '?' }[verdict]);
  mark.setAttribute('aria-hidden', 'true');
  heading.append(mark, element('span', null, messages().headline[verdict]));
  const origin = element('p', 'origin');
  const address = pageAddress();
  origin.append(element('span', 'origin-label', t.verifiedBy), own(' '),
    address ? untrusted(address, 'address') : element('span', 'address', t.localFile));
  band.append(heading, origin);
  box.append(band, element('p', 'origin-note', t.originNote));
  box.append(element('p', 'explanation', explanation(result)));

  const fields = element('dl', 'fields');
  const claims = result.claims;
  if (count > 1) field(fields, t.qrNumber, own(`${index + 1} / ${count}`));
  const cert = claims && claims.cert;
  if (cert) {
    const holder = cert.h || {};
    field(fields, t.holder, holder.n, 'holder');
    field(fields, t.holderId, holder.id);
    const achievement = cert.a || {};
    const what = [];
    if (achievement.c) what.push(untrusted(achievement.c));
    if (achievement.c && achievement.t) what.push(own(' — '));
    if (achievement.t) what.push(untrusted(achievement.t));
    if (achievement.l) what.push(own(` (${t.level} `), untrusted(achievement.l), own(')'));
    if (what.length) field(fields, t.achievement, what);
    field(fields, t.unit, cert.u);
    field(fields, t.serial, claims.jti);
    const zone = zoneOf(result);
    field(fields, t.issued, own(formatDate(claims.iat, zone)));
    if (claims.nbf !== undefined) field(fields, t.validFrom, own(formatInstant(claims.nbf, zone)));
    if (typeof claims.exp === 'number') field(fields, t.expires, own(formatDate(claims.exp - 1, zone)));
  }
  const { name, id } = issuerOf(result);
  if (name && id) field(fields, t.issuer, [untrusted(name), own(' ('), untrusted(id), own(')')]);
  else field(fields, t.issuer, name || id);
  if (fields.childElementCount) box.append(fields);
  const extra = cert && attributes(cert.x);
  if (extra) box.append(extra);
  const trust = trustData(result, view.lists);
  if (trust) box.append(trust);

  box.append(element('p', 'where', view.where === 'here' ? t.here : t.server));
  if (result.reason || result.kid || view.file) {
    const details = element('details', 'technical');
    details.append(element('summary', null, t.technical));
    const list = element('dl', 'fields');
    field(list, t.reasonCode, result.reason);
    field(list, t.key, result.kid);
    if (result.verdict !== 'valid') field(list, t.detail, result.detail);
    field(list, t.file, view.file);
    details.append(list);
    box.append(details);
  }
  return box;
}

function render(view, focus = true) {
  shown = view;
  const { results } = view;
  resultBox.replaceChildren(...results.map((r, i) => card(r, view, i, results.length)));
  if (focus) {
    resultBox.focus({ preventScroll: true });
    resultBox.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
}

// ---- images: photo upload and camera --------------------------------------------------------

async function qrDetector() {
  if (!('BarcodeDetector' in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes('qr_code')) return null;
    return new window.BarcodeDetector({ formats: ['qr_code'] });
  } catch {
    return null;
  }
}

/** The texts of detected codes in reading order: rows top to bottom, each left to right. */
function readingOrder(codes) {
  const box = (code) => code.boundingBox || { x: 0, y: 0, width: 0, height: 0 };
  const rows = [];
  for (const code of [...codes].sort((a, b) => box(a).y - box(b).y)) {
    const row = rows[rows.length - 1];
    // A code whose top is above the middle of the row's first code is in that row.
    if (row && box(code).y < box(row[0]).y + box(row[0]).height / 2) row.push(code);
    else rows.push([code]);
  }
  return rows.flatMap((row) => row.sort((a, b) => box(a).x - box(b).x)).map((code) => code.rawValue);
}

// A photo: read on this device when the browser has a QR detector, else by the service. Every
// code found is verified, as the CLI and the service do.
async function verifyPhoto(file) {
  if (!file) return;
  say(text().verifying);
  const name = file.name || null;
  const detector = await qrDetector();
  if (detector) {
    let codes = [];
    try {
      codes = await detector.detect(await createImageBitmap(file));
    } catch {
      codes = []; // Fall through to the service, whose decoder reads harder photos.
    }
    if (codes.length) {
      await verifyTexts(readingOrder(codes), name);
      return;
    }
  }
  const form = new FormData();
  form.append('image', file, file.name || 'photo');
  await showAnswer(await askServer(form), true, name);
}

$('photo').addEventListener('change', (event) => {
  const file = event.target.files && event.target.files[0];
  event.target.value = '';
  verifyPhoto(file);
});

function stopCamera() {
  if (!camera) return;
  clearTimeout(camera.timer);
  for (const track of camera.stream.getTracks()) track.stop();
  video.srcObject = null;
  camera = null;
  $('camera').hidden = true;
  $('camera-start').disabled = false;
}

async function startCamera() {
  if (camera) return;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say(text().noCamera, true);
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  } catch {
    say(text().cameraDenied, true);
    return;
  }
  camera = { stream, timer: 0 };
  $('camera').hidden = false;
  $('camera-start').disabled = true;
  video.srcObject = stream;
  try {
    await video.play();
  } catch {
    // Autoplay of a muted inline video is allowed; if not, frames are still drawn.
  }
  say(text().looking);
  $('camera-stop').focus();
  const detector = await qrDetector();
  const session = camera;
  const next = (delay) => {
    if (camera === session) camera.timer = setTimeout(tick, delay);
  };
  const tick = async () => {
    if (camera !== session || video.readyState < 2) {
      next(250);
      return;
    }
    if (detector) {
      let codes = [];
      try {
        codes = await detector.detect(video);
      } catch {
        codes = [];
      }
      if (codes.length && camera === session) {
        // Every code of the frame, as from a photo.
        stopCamera();
        await verifyTexts(readingOrder(codes));
        return;
      }
      next(200);
      return;
    }
    // No detector in this browser: send a frame to the service every ~500 ms.
    const frame = await grabFrame();
    if (!frame || camera !== session) {
      next(500);
      return;
    }
    const answer = await askServer(frame, 'image/jpeg');
    if (camera !== session) return;
    if (answer.error === 'no_qr_code' || answer.error === 'timeout') {
      next(500);
    } else {
      stopCamera();
      await showAnswer(answer, true);
    }
  };
  next(300);
}

function grabFrame() {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return Promise.resolve(null);
  const scale = Math.min(1, 1600 / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

$('camera-start').addEventListener('click', startCamera);
$('camera-stop').addEventListener('click', () => {
  stopCamera();
  say('');
  $('camera-start').focus();
});
document.addEventListener('visibilitychange', () => {
  if (document.hidden) stopCamera();
});

// ---- paste and the URL's fragment -----------------------------------------------------------

$('paste-form').addEventListener('submit', (event) => {
  event.preventDefault();
  verifyTexts([$('paste').value]);
});

// The fragment is the token exactly as the QR code carries it: not percent-decoded, so that
// the page accepts the one encoding the CLI and the service accept (`#%65yJ…` is malformed
// everywhere).
function fromFragment() {
  const fragment = location.hash.slice(1);
  if (fragment) verifyTexts([fragment]);
}

window.addEventListener('hashchange', fromFragment);
applyLanguage();
fromFragment();
