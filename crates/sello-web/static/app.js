// Sello verification page. No framework, no build step.
//
// A token in the URL's fragment (#…) is verified at once. When the browser has WebCrypto
// Ed25519, verification happens here, with the key sets and status lists of keys.json, and
// the token is never sent anywhere; otherwise the page asks the service (POST api/verify).
// When keys.json names a federation (`federation`: its root document and the trust bundle's
// file), the page pins that root (remembered per federation in localStorage: a different root
// later must follow on from the remembered one), accepts the bundle with the rollback ratchet
// kept in localStorage (FORMAT.md §5.9.5, §5.9.6), and verifies through it; a refused bundle is
// said in words, and nothing is verified.
// All paths are relative, so a static copy (`sello site export`) works from any folder.

import {
  supportsEd25519, loadBundle, verify, statusListInUse, isPresentedAsToken, MESSAGES, formatMessage, attributeLabel,
  FederationError, MemoryStorage, acceptBundleWithState, addStatusList, pinRootWithMemory, setLanguage,
  trustStoreFromBundle, describeTrust, escapeText, extractToken, utcDate,
} from './sello-verify.js';
import { detectCodes } from './qr-decode.js';
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
let trustFailure = null; // { key, detail }: why the trust data could not be used, once known
// How the next texts to verify were given: 'link' (the URL's fragment), 'paste', 'photo',
// 'camera'; and what the last verification checked, for its receipt:
// { inputs: [text] | null (a photo the service read), source, file, at (ms) }.
let source = 'link';
let checked = null;
// When the trust data was fetched, and whether from the service worker's copy (offline):
// { keys: { at, offline }, bundle: { seq, iat, at, offline } | null }.
const trustFetch = { keys: null, bundle: null };

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
  for (const el of document.querySelectorAll('[data-t-label]')) {
    el.setAttribute('aria-label', text()[el.dataset.tLabel]);
  }
  if (camera && camera.hint) hint(camera.hint);
  const button = $('lang-switch');
  button.textContent = text().switchTo;
  button.lang = text().switchLang;
  if (shown) {
    render(shown, false);
    if (refusedLists) settle();
  }
  if (trustFailure) say(text()[trustFailure.key], true, trustFailure.detail);
  showTrustAge();
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
      trustFetch.keys = fetchedWhen(response);
      return response.text();
    })();
    bundlePromise.catch(() => { bundlePromise = null; });
  }
  return bundlePromise;
}

/** The browser's localStorage, or (where it is unavailable) storage for this visit only. */
let storage = null;
function pageStorage() {
  if (!storage) {
    try {
      storage = window.localStorage;
      storage.getItem('sello');
    } catch {
      storage = new MemoryStorage();
    }
  }
  return storage;
}

/** Why the trust data cannot be used: the page's message `key`, and the technical detail. */
class TrustFailure extends Error {
  constructor(key, detail) {
    super(detail);
    this.key = key;
  }
}

const BUNDLE_MESSAGE = { rollback: 'bundleRollback', root_rollback: 'bundleRollback', equivocation: 'bundleEquivocation' };

/** The trust store of keys.json's `federation`: its root pinned (with the remembered one), the
 * bundle fetched and accepted with the ratchet in localStorage. */
async function federationStore(fed) {
  if (fed === null || typeof fed !== 'object' || typeof fed.root !== 'string' || typeof fed.bundle !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(fed.bundle)) {
    throw new TrustFailure('bundleRefused', 'keys.json: federation');
  }
  setLanguage(lang);
  let root;
  try {
    root = await pinRootWithMemory(fed.root, pageStorage());
  } catch (e) {
    if (!(e instanceof FederationError)) throw e;
    throw new TrustFailure(['root', 'pinned_not_signed'].includes(e.kind) ? 'bundleRefused' : 'rootChanged', e.message);
  }
  const response = await fetch(fed.bundle, { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new TrustFailure('bundleRefused', `${fed.bundle}: HTTP ${response.status}`);
  const bundle = await response.text();
  let accepted;
  try {
    accepted = await acceptBundleWithState(root, bundle, { storage: pageStorage() });
  } catch (e) {
    if (!(e instanceof FederationError)) throw e;
    throw new TrustFailure(BUNDLE_MESSAGE[e.kind] ?? (e.kind === 'root_version' ? 'rootChanged' : 'bundleRefused'), e.message);
  }
  trustFetch.bundle = { seq: accepted.claims.seq, iat: accepted.claims.iat, ...fetchedWhen(response) };
  return trustStoreFromBundle(accepted);
}

function trustStore() {
  if (!trustPromise) {
    trustPromise = (async () => {
      const keys = await bundleText();
      const { store: keyStore, refused } = await loadBundle(keys);
      let store = keyStore;
      const doc = JSON.parse(keys);
      if (Object.hasOwn(doc, 'federation')) {
        // Through the bundle: the lists keys.json gives besides it are accepted against it.
        store = await federationStore(doc.federation);
        refused.length = 0;
        for (const [i, list] of (Array.isArray(doc.status_lists) ? doc.status_lists : []).entries()) {
          try {
            await addStatusList(store, list);
          } catch (e) {
            refused.push(`status list ${i}: ${e.message}`);
          }
        }
      }
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
  checked = { inputs, source, file, at: Date.now() };
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
        trustFailure = null;
      } catch (e) {
        // Nothing is verified with trust data that was refused: no verdict is shown.
        trustFailure = e instanceof TrustFailure ? { key: e.key, detail: e.message } : { key: 'keysFailed', detail: null };
        shown = null;
        resultBox.replaceChildren();
        say(text()[trustFailure.key], true, trustFailure.detail);
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
  if (answer.error) {
    say(text().error[answer.error] || answer.message || text().network, true);
    return;
  }
  settle();
  await show(answer.results, 'server', file);
}

async function show(results, where, file) {
  const lists = await statusLists(where);
  // The key sets, for the names issuers give their extra fields; the service's verdicts are
  // shown without them when this device cannot read the key sets.
  const store = await trustStore().catch(() => null);
  render({ results, where, lists, file, store, checked });
  showTrustAge();
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
// A name the issuer declared for the field in its key set (attribute_labels, FORMAT.md §5.1),
// such as "Departamento" for `dep`, is shown instead, in the same place and style: it is the
// issuer's text too (the key stays in the tooltip).
function attributes(x, labelOf) {
  const entries = Object.entries(x || {});
  if (!entries.length) return null;
  const t = text();
  const group = element('section', 'attributes');
  group.append(element('h3', null, t.otherData), element('p', 'note', t.otherDataNote));
  const list = element('dl');
  for (const [name, value] of entries) {
    const row = element('div');
    const term = element('dt');
    const label = labelOf(name);
    const shown = untrusted(label === null ? name : label, 'attribute-name');
    if (label !== null) shown.title = name;
    term.append(shown);
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

/**
 * The accreditation behind a verdict reached through a trust bundle, in the CLI's words: "CECATI
 * 149, acreditado por CONOCER para EC0105 desde … (según el paquete de confianza del …)". The
 * catalogue's sentence is Sello's; the issuer's and federation's names and the standard are
 * each isolated.
 */
function chain(trust, issuerName) {
  const mark = (name) => `\u0000${name}\u0000`;
  const withStandard = typeof trust.standard === 'string' && typeof trust.standard_since === 'number';
  const sentence = formatMessage(lang, withStandard ? 'trust-chain-standard' : 'trust-chain', {
    issuer: mark('issuer'),
    federation: mark('federation'),
    standard: mark('standard'),
    since: formatTime(withStandard ? trust.standard_since : trust.accredited_since, false),
    as_of: formatTime(trust.trust_as_of, false),
  });
  const values = { issuer: issuerName, federation: trust.federation_name, standard: trust.standard };
  const out = [];
  sentence.split('\u0000').forEach((part, i) => {
    if (i % 2 === 1) out.push(untrusted(values[part] ?? ''));
    else if (part !== '') out.push(own(part));
  });
  return out;
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
  if (result.trust) field(fields, t.accredited, chain(result.trust, name || id || ''), 'accreditation');
  if (fields.childElementCount) box.append(fields);
  if (result.trust && !result.trust.fresh) {
    const line = element('p', 'bundle-stale');
    const mark = element('span', 'warning-mark', '⚠ ');
    mark.setAttribute('aria-hidden', 'true');
    line.append(mark, own(formatMessage(lang, 'trust-chain-stale')));
    box.append(line);
  }
  const iss = claims && claims.iss;
  const labelOf = (key) => (view.store && typeof iss === 'string' ? attributeLabel(view.store, iss, key, lang) : null);
  const extra = cert && attributes(cert.x, labelOf);
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
  if (view.checked) box.append(receiptButton(result, view, index, count));
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

// ---- offline: the service worker, and how old the trust data is -----------------------------
//
// sw.js keeps the page's files, and a copy of the trust data it fetched, so that the page opens
// and verifies offline (docs/ARCHITECTURE.md). Under Trusted Types registering a worker takes a
// TrustedScriptURL: the one policy the CSP allows, `sello-sw`, makes exactly `sw.js` one.

function registerWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    let url = 'sw.js';
    if (window.trustedTypes && window.trustedTypes.createPolicy) {
      const policy = window.trustedTypes.createPolicy('sello-sw', {
        createScriptURL: (value) => {
          if (value !== 'sw.js') throw new TypeError('only sw.js');
          return value;
        },
      });
      url = policy.createScriptURL('sw.js');
    }
    navigator.serviceWorker.register(url).catch(() => {});
  } catch {
    // No worker: the page works online as before.
  }
}

/** When `response` was fetched: now, or (the worker's copy, offline) when the copy was made. */
function fetchedWhen(response) {
  const offline = response.headers.get('x-sello-offline') === '1';
  const stored = Number(response.headers.get('x-sello-fetched-at'));
  return { at: offline && Number.isSafeInteger(stored) && stored > 0 ? stored : Date.now(), offline };
}

/** "hace 3 horas": how long ago `at` (ms) was. */
function fetchedAgo(at) {
  const minutes = Math.max(0, Math.floor((Date.now() - at) / 60000));
  if (minutes < 60) return formatMessage(lang, 'page-fetchedMinutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return formatMessage(lang, 'page-fetchedHours', { hours });
  return text().ago(Math.floor(hours / 24));
}

/** The line under the inputs that says which trust data the page holds, how old, and whether
 * it is the copy kept offline. */
function showTrustAge() {
  const line = $('trust-age');
  const keys = trustFetch.keys;
  if (!keys) {
    line.replaceChildren();
    return;
  }
  const bundle = trustFetch.bundle;
  const sentence = bundle
    ? formatMessage(lang, 'page-trustAgeBundle', { seq: bundle.seq, date: formatTime(bundle.iat, false), ago: fetchedAgo(Math.min(keys.at, bundle.at)) })
    : formatMessage(lang, 'page-trustAgeKeys', { ago: fetchedAgo(keys.at) });
  const offline = keys.offline || (bundle && bundle.offline);
  line.replaceChildren(own(offline ? `${sentence} ${text().trustOffline}` : sentence));
  line.classList.toggle('offline', Boolean(offline));
}

// ---- the receipt ----------------------------------------------------------------------------
//
// "Descargar comprobante" under a verdict saves a receipt for the employer's file: an HTML
// document of its own, made here and downloaded (it opens offline, on a phone as on a
// computer, and prints to paper or PDF from the browser). It says what `sello verify --receipt`
// says (sello-cli's receipt-* messages, the same rows): what was checked and when, with which
// trust data, the verdict and its reason, the claims and the token's SHA-256. It is made unlike
// a certificate: titled "… no es un certificado", a banner and a band saying so, no QR code, a
// plain table. It holds no script, and its own CSP refuses any; every value not Sello's is
// escaped (escapeText, then as HTML text) inside its own <bdi>.

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (value) => String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
const RECEIPT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const RECEIPT_STYLE = `body{font:11pt/1.45 system-ui,sans-serif;color:#111;background:#fff;margin:2em auto;max-width:48em;padding:0 1em}
h1{font-size:1.35em;margin:0 0 .6em}h2{font-size:1.15em;margin:1.2em 0 .4em}
.banner{border:2px dashed #7a1f1f;padding:.6em .8em;margin:0 0 1em}
.band{font-weight:600;letter-spacing:.08em;color:#7a1f1f;margin:0 0 .4em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25em .6em .25em 0;border-bottom:1px solid #ddd}
th{width:35%;font-weight:600}td{overflow-wrap:anywhere}.hash{font-family:monospace}
footer{margin-top:1.5em;font-size:.9em;color:#333}
@media print{body{margin:0;max-width:none}}`;

/** The token's SHA-256, hex, as the CLI's receipt gives it; null without WebCrypto (a page not
 * opened over HTTPS or from this computer has none). */
async function tokenSha256(input) {
  if (!globalThis.crypto || !crypto.subtle || typeof crypto.subtle.digest !== 'function') return null;
  let token;
  try {
    token = extractToken(input);
  } catch {
    token = input;
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "1 de diciembre de 2026, 17:50:12 CST (2026-12-01 23:50:12 UTC)". */
function receiptTime(ms) {
  const local = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', { dateStyle: 'long', timeStyle: 'long' })
    .format(new Date(ms));
  return `${local} (${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC)`;
}

/** The receipt's rows: [label, value, isSellos]; values not Sello's are escaped later. */
async function receiptRows(result, view, index, count) {
  const t = text();
  const rows = [];
  const ours = (label, value) => rows.push([label, value, true]);
  const theirs = (label, value) => {
    if (value !== undefined && value !== null && value !== '') rows.push([label, value, false]);
  };
  const address = pageAddress();
  ours(formatMessage(lang, 'page-receiptCheckedAt'), receiptTime(view.checked.at));
  ours(formatMessage(lang, 'page-receiptCheckedWith'), address
    ? formatMessage(lang, 'page-receiptTool', { address: escapeText(address) })
    : formatMessage(lang, 'page-receiptToolLocal'));
  const trust = result.trust;
  ours(formatMessage(lang, 'page-receiptTrust'), trust
    ? formatMessage(lang, 'page-receiptTrustBundle', { seq: trust.seq, federation: escapeText(trust.federation_name), date: utcDate(trust.trust_as_of) })
    : (address ? formatMessage(lang, 'page-receiptTrustKeys', { address: escapeText(address) })
      : formatMessage(lang, 'page-receiptTrustKeysLocal')));
  const sourceKey = { link: 'Link', paste: 'Paste', photo: 'Photo', camera: 'Camera' }[view.checked.source] || 'Link';
  let what = formatMessage(lang, `page-receiptSource${sourceKey}`);
  if (count > 1) what += ` — ${formatMessage(lang, 'page-receiptQr', { n: index + 1, count })}`;
  ours(formatMessage(lang, 'page-receiptSource'), what);
  theirs(t.file, view.file);
  ours(formatMessage(lang, 'page-receiptReason'), result.reason ? `${explanation(result)} (${result.reason})` : explanation(result));
  const claims = result.claims;
  const cert = claims && claims.cert;
  const zone = zoneOf(result);
  if (cert) {
    const holder = cert.h || {};
    theirs(t.holder, holder.n);
    theirs(t.holderId, holder.id);
    const a = cert.a || {};
    theirs(t.achievement, [a.c, a.t].filter(Boolean).join(' — ') + (a.l ? ` (${t.level} ${a.l})` : ''));
    theirs(t.unit, cert.u);
    theirs(t.serial, claims.jti);
    ours(t.issued, formatDate(claims.iat, zone));
    if (claims.nbf !== undefined) ours(t.validFrom, formatInstant(claims.nbf, zone));
    if (typeof claims.exp === 'number') ours(t.expires, formatDate(claims.exp - 1, zone));
  }
  const { name, id } = issuerOf(result);
  theirs(t.issuer, name && id ? `${name} (${id})` : name || id);
  // As the CLI's receipt: no "accredited by" beside a refusal saying the issuer was not.
  if (trust && !['issuer_suspended', 'issuer_not_accredited'].includes(result.reason)) {
    ours(t.accredited, describeTrust(trust, name || id || '', lang));
  }
  theirs(t.key, result.kid);
  if (result.verdict !== 'valid') theirs(t.detail, result.detail);
  const input = view.checked.inputs && view.checked.inputs[index];
  if (typeof input === 'string') {
    const hash = await tokenSha256(input);
    rows.push([formatMessage(lang, 'page-receiptHash'), hash || formatMessage(lang, 'page-receiptNoHash'), true, Boolean(hash)]);
  }
  const labelOf = (key) => (view.store && claims && typeof claims.iss === 'string'
    ? attributeLabel(view.store, claims.iss, key, lang) : null);
  const attributes = Object.entries((cert && cert.x) || {}).map(([key, value]) => [labelOf(key) ?? key, value]);
  return { rows, attributes };
}

/** The receipt as a standalone HTML document. */
async function receiptDocument(result, view, index, count) {
  const t = text();
  const verdict = ['valid', 'invalid', 'indeterminate'].includes(result.verdict) ? result.verdict : 'invalid';
  const { rows, attributes } = await receiptRows(result, view, index, count);
  const cell = (value, isOwn) => (isOwn ? html(value) : `<bdi>${html(escapeText(String(value)))}</bdi>`);
  const row = ([label, value, isOwn, isHash]) =>
    `<tr><th scope="row">${html(label)}</th><td${isHash ? ' class="hash"' : ''}>${cell(value, isOwn)}</td></tr>`;
  const title = formatMessage(lang, 'page-receiptTitle');
  const parts = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${html(RECEIPT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${RECEIPT_STYLE}</style>`,
    '</head>',
    '<body>',
    `<p class="band">${html(formatMessage(lang, 'page-receiptBand'))}</p>`,
    `<h1>${html(title)}</h1>`,
    `<p class="banner">${html(formatMessage(lang, 'page-receiptNotCertificate'))}</p>`,
    `<h2>${html(formatMessage(lang, 'page-receiptVerdict'))}: ${html(messages().headline[verdict])}</h2>`,
    `<table>${rows.map(row).join('')}</table>`,
  ];
  if (attributes.length) {
    parts.push(`<h2>${html(t.otherData)}</h2>`,
      `<table>${attributes.map(([label, value]) => `<tr><th scope="row">${cell(label, false)}</th><td>${cell(value, false)}</td></tr>`).join('')}</table>`);
  }
  parts.push(`<footer><p>${html(formatMessage(lang, 'page-receiptFooter'))}</p></footer>`, '</body>', '</html>', '');
  return parts.join('\n');
}

/** Saves `doc` as `name`: a download of a Blob's URL, let go once the download has started. */
function download(doc, name) {
  const url = URL.createObjectURL(new Blob([doc], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** comprobante-WEB-0001.html: the serial kept to safe file-name characters. */
function receiptName(result) {
  const serial = String((result.claims && result.claims.jti) || '').replace(/[^A-Za-z0-9._-]/g, '').replace(/^\.+/, '').slice(0, 40);
  return `${formatMessage(lang, 'page-receiptFileName')}${serial ? `-${serial}` : ''}.html`;
}

function receiptButton(result, view, index, count) {
  const button = element('button', 'button receipt', formatMessage(lang, 'page-receiptButton'));
  button.type = 'button';
  button.addEventListener('click', async () => {
    try {
      download(await receiptDocument(result, view, index, count), receiptName(result));
    } catch {
      say(formatMessage(lang, 'page-receiptFailed'), true);
    }
  });
  return button;
}

// ---- images: photo upload and camera --------------------------------------------------------

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

// A photo: read on this device (qr-decode.js: the browser's BarcodeDetector, else the page's
// own WebAssembly reader). Every code found is verified, as the CLI and the service do. When
// the device finds none, the service (whose decoder reads some harder photos) is asked; a
// static copy has none, and the person is told that no code was found.
async function verifyPhoto(file) {
  if (!file) return;
  source = 'photo';
  say(text().verifying);
  const name = file.name || null;
  let codes = [];
  let bitmap = null;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    bitmap = null; // Not an image this browser reads: the service says what it is.
  }
  if (bitmap) {
    try {
      ({ codes } = await detectCodes(bitmap));
    } catch {
      codes = [];
    } finally {
      bitmap.close();
    }
  }
  if (codes.length) {
    await verifyTexts(readingOrder(codes), name);
    return;
  }
  const form = new FormData();
  form.append('image', file, file.name || 'photo');
  checked = { inputs: null, source, file: name, at: Date.now() };
  const answer = await askServer(form);
  if (answer.error === 'no_server') {
    say(bitmap ? text().noQr : text().error.bad_image, true);
    return;
  }
  await showAnswer(answer, true, name);
}

$('photo').addEventListener('change', (event) => {
  const file = event.target.files && event.target.files[0];
  event.target.value = '';
  verifyPhoto(file);
});

// ---- the camera: continuous scanning of the live preview -------------------------------------
//
// Frames are read one after another (each as soon as the last was read) until the camera is
// stopped or the page hidden. Every code of a frame is verified, one card each; the same codes
// kept in view are not verified again, other codes replace them. A hint says what to do when no
// code is read: fill a third of the frame; move closer (a code was found but is small); hold
// steady (a code was found, large enough, but could not be read).

/** Below this share of the frame's shorter side a code that could not be read is "too small". */
const SMALL_CODE = 0.3;
/** After this long with no code at all, the general advice. */
const GUIDE_AFTER_MS = 2500;

function hint(kind) {
  if (!camera) return;
  camera.hint = kind;
  $('camera-hint').textContent = kind ? text()[kind] : '';
}

function stopCamera() {
  if (!camera) return;
  clearTimeout(camera.timer);
  for (const track of camera.stream.getTracks()) track.stop();
  video.srcObject = null;
  camera = null;
  $('camera').hidden = true;
  $('camera-hint').textContent = '';
  $('torch').hidden = true;
  $('torch').setAttribute('aria-pressed', 'false');
  $('camera-start').disabled = false;
}

/** Shows the torch toggle when the camera has a torch (Chrome on Android, for one). */
function offerTorch(track) {
  const button = $('torch');
  let capabilities = {};
  try {
    capabilities = (track && track.getCapabilities && track.getCapabilities()) || {};
  } catch {
    capabilities = {};
  }
  button.hidden = !capabilities.torch;
  button.setAttribute('aria-pressed', 'false');
}

$('torch').addEventListener('click', async () => {
  if (!camera) return;
  const button = $('torch');
  const on = button.getAttribute('aria-pressed') !== 'true';
  const [track] = camera.stream.getVideoTracks();
  try {
    await track.applyConstraints({ advanced: [{ torch: on }] });
    button.setAttribute('aria-pressed', String(on));
  } catch {
    button.hidden = true;
  }
});

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
  camera = { stream, timer: 0, hint: null, shown: null, since: Date.now() };
  $('camera').hidden = false;
  $('camera-start').disabled = true;
  offerTorch(stream.getVideoTracks()[0]);
  video.srcObject = stream;
  try {
    await video.play();
  } catch {
    // Autoplay of a muted inline video is allowed; if not, frames are still drawn.
  }
  say(text().looking);
  $('camera-stop').focus();
  const session = camera;
  const next = (delay) => {
    if (camera === session) camera.timer = setTimeout(tick, delay);
  };
  const tick = async () => {
    if (camera !== session || video.readyState < 2) {
      next(200);
      return;
    }
    let found;
    try {
      found = await detectCodes(video, { quick: true });
    } catch {
      if (camera === session) {
        stopCamera();
        say(text().readerFailed, true);
      }
      return;
    }
    if (camera !== session) return;
    const { codes, seen, width, height } = found;
    if (codes.length) {
      session.since = Date.now();
      hint(null);
      const texts = readingOrder(codes);
      const key = texts.join('\n');
      if (key !== session.shown) {
        session.shown = key;
        source = 'camera';
        await verifyTexts(texts);
        if (camera === session && !statusLine.classList.contains('error')) say(text().stillScanning);
      }
    } else if (seen.length) {
      const side = Math.min(width, height) || 1;
      const largest = Math.max(...seen.map((c) => Math.min(c.boundingBox.width, c.boundingBox.height)));
      hint(largest < SMALL_CODE * side ? 'hintCloser' : 'hintSteady');
    } else if (Date.now() - session.since > GUIDE_AFTER_MS) {
      hint('hintGuide');
    }
    next(codes.length ? 400 : 60);
  };
  next(100);
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
  source = 'paste';
  verifyTexts([$('paste').value]);
});

// The fragment is the token exactly as the QR code carries it, in either form (`n` and digits,
// or the token): not percent-decoded, so that the page accepts the encodings the CLI and the
// service accept (`#%65yJ…` is malformed everywhere).
function fromFragment() {
  const fragment = location.hash.slice(1);
  if (fragment) verifyTexts([fragment]);
}

window.addEventListener('hashchange', () => {
  source = 'link';
  fromFragment();
});
applyLanguage();
registerWorker();
fromFragment();
