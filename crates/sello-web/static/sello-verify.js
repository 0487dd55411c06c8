/**
 * sello-verify.js: a dependency-free verifier for Sello certificates (docs/FORMAT.md, format 1).
 *
 * An ES module for browsers and Node 20+, with no build step. It needs only WebCrypto
 * (`crypto.subtle`: SHA-256 for key ids, Ed25519 for signatures), `TextEncoder` and
 * `TextDecoder`. It gives the same verdict and reason code as the Rust reference
 * (`crates/sello-verifier`) on every shared vector (`tests/vectors/*.json`).
 *
 * API:
 *
 *   VERSION                                  '1', the Sello format version this module implements.
 *   extractToken(text) -> string             the token of a bare token or `verify_url#token`,
 *                                            trimmed, each also in the numeric form
 *                                            (`verify_url#n…`, `n…`: decoded) (FORMAT.md §4.3).
 *                                            Throws an Error with `numeric` (the code of
 *                                            numericError) for a numeric form that gives no token.
 *   numericError(text) -> string | null      why the numeric form of `text` gives no token
 *                                            (`too_long`, `odd_length`, `bad_pair`), or null.
 *   isPresentedAsToken(text) -> boolean      whether `text` is presented as a token at all
 *                                            (§4.4); when not, show "not a Sello certificate"
 *                                            (an input error), not a verdict.
 *   await supportsEd25519() -> boolean       whether `crypto.subtle` can import an Ed25519 public
 *                                            key and verify a known signature. When false,
 *                                            `verify` and `addStatusList` throw.
 *   await loadKeySets(docs) -> TrustStore    parses and checks key-set documents (one, or an
 *                                            array; each a JSON string, UTF-8 bytes, or an
 *                                            already parsed object) exactly as FORMAT.md §5.4 and
 *                                            §5.7. Throws an Error naming the bad set; all or
 *                                            nothing. (A parsed object has lost any duplicate
 *                                            member: pass the text when you have it.)
 *   await addStatusList(store, token) -> iss reads and accepts a status-list token (§5.8.4,
 *                                            §5.8.5) into `store`, keeping every accepted list
 *                                            (at most 16 per issuer). Throws on a list that must
 *                                            not be used. Returns the issuer id.
 *   statusListInUse(store, iss, { at, leeway }) -> list | null
 *                                            the list of `iss` in use at `at` (§5.8.6): the
 *                                            greatest `iat` not after `at + leeway`.
 *   await verify(text, store, { at, leeway }) -> Verification
 *                                            runs §6 at `at` (seconds since the epoch, default
 *                                            now) with leeway `leeway` (default 60, clamped to
 *                                            0..3600). Never throws for bad text; throws only
 *                                            for bad arguments or a missing WebCrypto Ed25519.
 *   attributeLabel(store, iss, key, lang) -> string | null
 *                                            the label issuer `iss` declares for attribute `key`
 *                                            (its key set's attribute_labels, §5.1) in `lang`,
 *                                            else Spanish, else English; null: show the key.
 *                                            Untrusted text: show it like a claim.
 *   escapeText(s) -> string                  `s` with every character forbidden in signed text
 *                                            (FORMAT.md §2.4) written as `\u{hex}`: how to show
 *                                            untrusted text (file names, details) to a person.
 *   MESSAGES                                 { es, en }: for each language, the plain-words text
 *                                            of every reason code, `valid` (the confirmation),
 *                                            and `headline` { valid, invalid, indeterminate },
 *                                            from the generated catalogue (messages.js).
 *   formatMessage(lang, id, args) -> string  any message of that catalogue.
 *   setLanguage(lang)                        the language ('es' or 'en', default 'en') of the
 *                                            errors loadKeySets and addStatusList throw, worded
 *                                            by the same catalogue as the Rust reference's.
 *
 * Federations (FORMAT.md §5.9, §6.2.1; every refusal a FederationError with the reference's
 * error as `kind`):
 *
 *   await pinRoot(doc) -> root               a pinned root document (root.json): well formed and
 *                                            signed by a threshold of its own root keys.
 *   await pinRootWithMemory(doc, storage)    pinRoot, with the root remembered per federation in
 *                                            `storage`: a different root later must be walked to
 *                                            from the remembered one, never silently replaces it.
 *   await parseRoot(doc), await walkRoots(pinned, chain) -> root
 *                                            root rotation (§5.9.3).
 *   await acceptBundle(pinned, text, { at, leeway, maxAge }) -> bundle
 *                                            §5.9.5 steps 1–10 for a trust bundle (trust.jwt).
 *   checkRatchet(record, bundle) -> record   §5.9.6: rollback and equivocation.
 *   await rootFingerprint(root) -> hex       §5.9.2: what the ratchet records are kept by.
 *   await acceptBundleWithState(pinned, text, { at, leeway, maxAge, storage }) -> bundle
 *                                            both, with the record kept in `storage`
 *                                            (localStorage, or a MemoryStorage), per federation.
 *   isFresh(bundle, at) -> boolean           at < fresh_until.
 *   await trustStoreFromBundle(bundle) -> TrustStore
 *                                            the bundle's issuers and status lists; verify then
 *                                            applies §6.2.1 and adds `trust` to authentic results.
 *   describeTrust(trust, issuerName, lang)   the trust chain in words (escaped), as the CLI's.
 *
 * A TrustStore has two read-only Maps: `issuers` (issuer id -> { issuer: { id, name, verify_url, time_zone },
 * keys: [{ kid, x, nbf, exp, revoked_at }], attribute_labels: { key: { lang: label } } }) and `statusLists` (issuer id -> the accepted
 * lists, oldest first: [{ bits, size, iat, exp, kid }]).
 *
 * A Verification is `{ verdict, reason, detail, issuer, kid, claims }`:
 *   verdict  'valid' | 'invalid' | 'indeterminate'
 *   reason   a reason code (§7), or null exactly when valid
 *   detail   a technical English detail for logs, or null when valid
 *   issuer   { id, name, verify_url, time_zone } of the key set (verify_url null when absent; time_zone only when given),
 *   kid      the signing key's id,
 *   claims   the claims as the Rust `Claims` serialises them (absent optional members left out),
 *            these three only once the signature has verified (§6.5), null otherwise.
 *   trust    through a trust bundle, once the signature has verified: { federation,
 *            federation_name, seq, trust_as_of, fresh, accredited_since, standard?,
 *            standard_since? }, as the reference's TrustChain; absent otherwise.
 *
 * Strictness that JavaScript and WebCrypto do not give for free, done here by hand:
 *   - strict JSON (§2.2): a recursive-descent parser that refuses duplicate members at any
 *     depth, nesting beyond 16, a byte-order mark, lone surrogates, and numbers the way the
 *     reference's serde_json classifies them (integers kept exact as BigInt; `-0`, `1.0` and
 *     `1e3` are not integers; out-of-range floats are refused);
 *   - base64url (§2.1) without padding, alphabet or trailing-bit leniency;
 *   - Ed25519 (§6.3): S < ℓ, and R a canonical encoding of a point that is not of small order,
 *     are checked before `crypto.subtle.verify`; key sets refuse non-canonical and small-order
 *     keys (BigInt point decompression and [8]P, below);
 *   - gzip (§5.8.3, §5.8.4): a small inflater, because DecompressionStream cannot refuse data
 *     after the gzip member (Node 20 ignores it and reads a second member) nor stop at the
 *     decompression cap on its own.
 *
 * `_internal` exposes building blocks for the tests in tests/web; it is not part of the API.
 */

import { CATALOG } from './messages.js';

export const VERSION = '1';

// ---------------------------------------------------------------------------------------------
// Limits and names (FORMAT.md §2.5, §3.2, §5)

const MAX_TOKEN_LEN = 4096;
const MAX_HEADER_BYTES = 512;
const MAX_DEPTH = 16;
const MAX_TIME = 253402300799;
const MAX_ATTRS = 16;
const MAX_KEY_SET_BYTES = 262144;
const MAX_KEYS = 64;
const MAX_STATUS_TOKEN_LEN = 4194304;
const MIN_ENTRIES = 131072n;
const MAX_ENTRIES = 16777216n;
const MAX_LEEWAY = 3600;
const MAX_LISTS_PER_ISSUER = 16;
const TYP = 'sello+jwt';
const STATUS_TYP = 'sello-status+jwt';
const ACCEPTED_ALGS = ['EdDSA', 'Ed25519'];
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;

// ---------------------------------------------------------------------------------------------

/**
 * Formats the message `id` of the generated catalogue (messages.js, from the Rust crates'
 * Fluent files) in `lang` with `args`: text, `{ $var }` placeables and plural selections, as
 * Fluent does. A missing message gives its id.
 */
export function formatMessage(lang, id, args = {}) {
  const messages = CATALOG[lang] ?? CATALOG.es;
  const pattern = messages[id];
  if (pattern === undefined) return id;
  const plural = new Intl.PluralRules(lang === 'en' ? 'en' : 'es');
  const render = (p) => {
    if (typeof p === 'string') return p;
    return p.map((part) => {
      if (typeof part === 'string') return part;
      if (part.var !== undefined) return String(args[part.var] ?? '');
      const value = args[part.select];
      const exact = part.variants[String(value)];
      const category = typeof value === 'number' ? plural.select(value) : String(value);
      return render(exact ?? part.variants[category] ?? part.variants[part.default]);
    }).join('');
  };
  return render(pattern);
}

// The errors of loadKeySets and addStatusList are the reference's messages (the same ids of
// messages.js as sello-core and sello-verifier), in the language set with setLanguage: English
// until then, as the technical details of a Verification.
let errorLang = 'en';

/** Sets the language ('es' or 'en') of the errors loadKeySets and addStatusList throw. */
export function setLanguage(lang) {
  errorLang = lang === 'es' ? 'es' : 'en';
}

const say = (id, args) => formatMessage(errorLang, id, args);

const REASON_CODES = ['malformed_token', 'unsupported_header', 'invalid_claims', 'unknown_issuer',
  'unknown_key', 'bad_signature', 'expired', 'not_yet_valid', 'key_not_valid_at_issuance',
  'key_revoked', 'revoked', 'status_unavailable',
  // Through a trust bundle (FORMAT.md §6.2.1).
  'issuer_suspended', 'issuer_not_accredited', 'standard_out_of_scope',
  'trust_bundle_older_than_token'];

function messagesIn(lang) {
  const out = { valid: formatMessage(lang, 'verification-valid') };
  for (const code of REASON_CODES) out[code] = formatMessage(lang, `reason-${code}`);
  out.headline = Object.freeze({
    valid: formatMessage(lang, 'verdict-valid'),
    invalid: formatMessage(lang, 'verdict-invalid'),
    indeterminate: formatMessage(lang, 'verdict-indeterminate'),
  });
  return Object.freeze(out);
}

export const MESSAGES = Object.freeze({ es: messagesIn('es'), en: messagesIn('en') });

// ---------------------------------------------------------------------------------------------
// Text helpers

const UTF8 = new TextEncoder();
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Unicode White_Space (what Rust's str::trim removes); unlike String.prototype.trim, it has
 * U+0085 and not U+FEFF. */
function isWhiteSpace(c) {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000;
}

function trimWhiteSpace(s) {
  let a = 0;
  let b = s.length;
  while (a < b && isWhiteSpace(s.charCodeAt(a))) a++;
  while (b > a && isWhiteSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Length in bytes of the UTF-8 encoding of `s` (a lone surrogate counts as U+FFFD). */
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length &&
      (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; } else n += 3;
  }
  return n;
}

/**
 * The characters no signed text may contain (FORMAT.md §2.4), as inclusive code-point ranges:
 * the table of crates/sello-core/src/untrusted.rs, FORBIDDEN (a test in tests/web compares the
 * two). Cc, Cf, Zl, Zp, Co and the default-ignorable code points.
 */
const FORBIDDEN = Object.freeze([
  [0x0000, 0x001f], [0x007f, 0x009f], [0x00ad, 0x00ad], [0x034f, 0x034f], [0x0600, 0x0605],
  [0x061c, 0x061c], [0x06dd, 0x06dd], [0x070f, 0x070f], [0x0890, 0x0891], [0x08e2, 0x08e2],
  [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f], [0x200b, 0x200f], [0x2028, 0x202e],
  [0x2060, 0x206f], [0x3164, 0x3164], [0xe000, 0xf8ff], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xfff0, 0xfffb], [0x110bd, 0x110bd], [0x110cd, 0x110cd],
  [0x13430, 0x1343f], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0x10ffff],
]);

/** Whether the code point `c` is forbidden in signed text. */
function isForbidden(c) {
  let lo = 0;
  let hi = FORBIDDEN.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (FORBIDDEN[mid][0] <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && c <= FORBIDDEN[lo - 1][1];
}

function hasForbidden(s) {
  for (const ch of s) if (isForbidden(ch.codePointAt(0))) return true;
  return false;
}

/**
 * `s` with every forbidden character written as `\u{hex}`, as the Rust reference's
 * `untrusted::escape`: untrusted text made safe to show, still showing what was there.
 */
export function escapeText(s) {
  let out = '';
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    out += isForbidden(c) ? `\\u{${c.toString(16)}}` : ch;
  }
  return out;
}

function hasLoneSurrogate(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Attacker-controlled text for a message, as the reference's `untrusted::quote`: cut to 40
 * characters (`…` marks the cut), then escaped. */
function truncate(s) {
  const chars = Array.from(s);
  return chars.length <= 40 ? escapeText(s) : escapeText(chars.slice(0, 40).join('')) + '…';
}

const quote = (s) => `"${truncate(s)}"`;

/** Compares strings by code point (the byte order of their UTF-8, as Rust's BTreeMap). */
function byCodePoint(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function eqIgnoreAsciiCase(a, b) {
  if (a.length !== b.length) return false;
  const low = (c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
  for (let i = 0; i < a.length; i++) if (low(a.charCodeAt(i)) !== low(b.charCodeAt(i))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// base64url (FORMAT.md §2.1): unpadded, URL alphabet only, no non-zero trailing bits.

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64_ALPHABET.charCodeAt(i)] = i;

/** Decodes strict base64url; returns null when `text` is not the one encoding of some bytes. */
function b64decode(text) {
  const n = text.length;
  if (n % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = acc >> bits;
      acc &= (1 << bits) - 1;
    }
  }
  return acc === 0 ? out : null; // the 2 or 4 unused bits of the last character must be zero
}

function b64encode(bytes) {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += B64_ALPHABET[v >> 18] + B64_ALPHABET[(v >> 12) & 63] + B64_ALPHABET[(v >> 6) & 63] +
      B64_ALPHABET[v & 63];
  }
  if (bytes.length - i === 1) {
    s += B64_ALPHABET[bytes[i] >> 2] + B64_ALPHABET[(bytes[i] & 3) << 4];
  } else if (bytes.length - i === 2) {
    const v = (bytes[i] << 8) | bytes[i + 1];
    s += B64_ALPHABET[v >> 10] + B64_ALPHABET[(v >> 4) & 63] + B64_ALPHABET[(v & 15) << 2];
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Strict JSON (FORMAT.md §2.2, §2.3)
//
// Values: objects (null prototype), arrays, strings, booleans, null, and JsonNumber. A number is
// classified as the reference's serde_json does: 'u64' (0 to 2^64-1 written without fraction or
// exponent), 'i64' (-2^63 to -1, likewise), or 'f64' (anything else: `-0`, `1.0`, `1e3`, integers
// beyond u64). A literal whose f64 would overflow is refused, decided by serde_json's own
// algorithm (so `1.7976931348623158e308` is refused like the reference does).

class JsonError extends Error {}

class JsonNumber {
  constructor(kind, int, raw = null) {
    this.kind = kind; // 'u64' | 'i64' | 'f64'
    this.int = int; // BigInt for 'u64' and 'i64', null for 'f64'
    this.raw = raw; // the literal of an 'f64', for compactJson
  }
}

const POW10 = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));

/** Whether serde_json (without float_roundtrip) reads a float literal as a finite f64. */
function serdeFloatIsFinite(intDigits, fracDigits, expDigits, expNegative) {
  let sig = 0n;
  let exponent = 0;
  let overflow = false;
  for (const ch of intDigits) {
    const next = overflow ? 0n : sig * 10n + BigInt(ch.charCodeAt(0) - 48);
    if (overflow || next > U64_MAX) { overflow = true; exponent += 1; } else sig = next;
  }
  if (fracDigits !== null) {
    let after = 0;
    for (const ch of fracDigits) {
      const next = sig * 10n + BigInt(ch.charCodeAt(0) - 48);
      if (next > U64_MAX) break; // further digits are ignored
      sig = next;
      after -= 1;
    }
    exponent += after;
  }
  if (expDigits !== null) {
    let e = 0;
    for (const ch of expDigits) {
      const next = e * 10 + (ch.charCodeAt(0) - 48);
      if (next > 2147483647) return sig === 0n || expNegative;
      e = next;
    }
    exponent = Math.max(-2147483648, Math.min(2147483647, exponent + (expNegative ? -e : e)));
  }
  let f = Number(sig);
  for (;;) {
    const a = Math.abs(exponent);
    if (a <= 308) {
      if (exponent >= 0) f *= POW10[a];
      else f /= POW10[a];
      return Number.isFinite(f);
    }
    if (f === 0) return true;
    if (exponent >= 0) return false;
    f /= 1e308;
    exponent += 308;
  }
}

/** Parses `bytes` as strict JSON of at most `max` bytes. Throws JsonError. */
function parseStrictJson(bytes, max) {
  if (bytes.length > max) throw new JsonError(`the document is ${bytes.length} bytes; the limit is ${max}`);
  let text;
  try {
    text = UTF8_STRICT.decode(bytes);
  } catch {
    throw new JsonError('the document is not UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) throw new JsonError('the document starts with a byte-order mark');
  return parseJsonText(text);
}

const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function parseJsonText(s) {
  let i = 0;
  const fail = (what) => {
    throw new JsonError(`${what} at offset ${i}`);
  };
  const isDigit = (c) => c >= 0x30 && c <= 0x39;
  const skipWs = () => {
    for (let c = s.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = s.charCodeAt(++i));
  };
  const hex4 = () => {
    const h = s.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('invalid \\u escape');
    i += 4;
    return parseInt(h, 16);
  };
  const string = () => {
    i++; // the opening quote
    let out = '';
    let start = i;
    for (;;) {
      if (i >= s.length) fail('unterminated string');
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        out += s.slice(start, i++);
        return out;
      }
      if (c < 0x20) fail('control character in a string');
      if (c !== 0x5c) { i++; continue; }
      out += s.slice(start, i);
      const e = s[++i];
      i++;
      if (Object.hasOwn(ESCAPES, e)) out += ESCAPES[e];
      else if (e === 'u') {
        const n = hex4();
        if (n >= 0xdc00 && n <= 0xdfff) fail('lone surrogate in a \\u escape');
        if (n >= 0xd800 && n <= 0xdbff) {
          if (s[i] !== '\\' || s[i + 1] !== 'u') fail('lone surrogate in a \\u escape');
          i += 2;
          const m = hex4();
          if (m < 0xdc00 || m > 0xdfff) fail('lone surrogate in a \\u escape');
          out += String.fromCharCode(n, m);
        } else out += String.fromCharCode(n);
      } else fail('invalid escape');
      start = i;
    }
  };
  const number = () => {
    const negative = s[i] === '-';
    if (negative) i++;
    const intStart = i;
    if (s[i] === '0') {
      i++;
      if (isDigit(s.charCodeAt(i))) fail('invalid number');
    } else if (isDigit(s.charCodeAt(i))) {
      while (isDigit(s.charCodeAt(i))) i++;
    } else fail('invalid number');
    const intDigits = s.slice(intStart, i);
    let frac = null;
    let exp = null;
    let expNegative = false;
    if (s[i] === '.') {
      const start = ++i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === start) fail('invalid number');
      frac = s.slice(start, i);
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') expNegative = s[i++] === '-';
      const start = i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === start) fail('invalid number');
      exp = s.slice(start, i);
    }
    if (frac === null && exp === null && intDigits.length <= 20) { // longer is beyond u64
      const v = BigInt(intDigits);
      if (!negative && v <= U64_MAX) return new JsonNumber('u64', v);
      if (negative && v !== 0n && v <= I64_MAX + 1n) return new JsonNumber('i64', -v);
    }
    if (!serdeFloatIsFinite(intDigits, frac, exp, expNegative)) fail('number out of range');
    return new JsonNumber('f64', null, s.slice(negative ? intStart - 1 : intStart, i));
  };
  const value = (depth) => {
    skipWs();
    const c = s.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
      i++;
      skipWs();
      const close = c === 0x7b ? 0x7d : 0x5d;
      const container = c === 0x7b ? Object.create(null) : [];
      if (s.charCodeAt(i) === close) { i++; return container; }
      for (;;) {
        if (c === 0x7b) {
          skipWs();
          if (s.charCodeAt(i) !== 0x22) fail('expected a member name');
          const name = string();
          if (Object.hasOwn(container, name)) fail(`duplicate member ${quote(name)}`);
          skipWs();
          if (s.charCodeAt(i) !== 0x3a) fail("expected ':'");
          i++;
          container[name] = value(depth + 1);
        } else container.push(value(depth + 1));
        skipWs();
        const d = s.charCodeAt(i++);
        if (d === close) return container;
        if (d !== 0x2c) fail(`expected ',' or '${String.fromCharCode(close)}'`);
      }
    }
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (s.startsWith(word, i)) { i += word.length; return v; }
    }
    return fail(i >= s.length ? 'unexpected end of the document' : 'expected a value');
  };
  const result = value(1);
  skipWs();
  if (i !== s.length) fail('trailing characters');
  return result;
}

// Shapes: the typed reading that follows the strict parse (serde's derive in the reference).

class ShapeError extends Error {}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);

function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof JsonNumber) return v.kind === 'f64' ? 'a non-integer number' : 'an integer';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Checks that `v` is an object with only `allowed` members (or any members, when null). */
function object(v, what, allowed = null) {
  if (!isObject(v)) throw new ShapeError(`${what}: invalid type: ${typeName(v)}, expected an object`);
  if (allowed) {
    const unknown = Object.keys(v).find((k) => !allowed.includes(k));
    if (unknown !== undefined) throw new ShapeError(`${what}: unknown field ${quote(unknown)}`);
  }
  return v;
}

/** Reads member `name` of `obj` with `read`; `optional` members may be absent or null. */
function member(obj, name, read, optional = false) {
  if (!Object.hasOwn(obj, name) || (optional && obj[name] === null)) {
    if (optional) return undefined;
    throw new ShapeError(`missing field \`${name}\``);
  }
  return read(obj[name], name);
}

function str(v, name) {
  if (typeof v !== 'string') throw new ShapeError(`${name}: invalid type: ${typeName(v)}, expected a string`);
  return v;
}

function int(kind) {
  return (v, name) => {
    const ok = v instanceof JsonNumber && (
      (kind === 'i64' && (v.kind === 'i64' || (v.kind === 'u64' && v.int <= I64_MAX))) ||
      (kind === 'u64' && v.kind === 'u64') ||
      (kind === 'u32' && v.kind === 'u64' && v.int <= 0xffffffffn));
    if (!ok) throw new ShapeError(`${name}: ${typeName(v)} is not a ${kind} integer`);
    return kind === 'u64' ? v.int : Number(v.int);
  };
}
const i64 = int('i64');
const u64 = int('u64');
const u32 = int('u32');

// ---------------------------------------------------------------------------------------------
// Claims (FORMAT.md §3.3 to §3.5)

function shapeClaims(v) {
  const c = object(v, 'claims', ['iss', 'jti', 'iat', 'nbf', 'exp', 'cert', 'status']);
  const cert = object(member(c, 'cert', (x) => x), 'cert', ['h', 'a', 'u', 'x']);
  const h = object(member(cert, 'h', (x) => x), 'cert.h', ['n', 'id']);
  const a = object(member(cert, 'a', (x) => x), 'cert.a', ['c', 't', 'l']);
  const x = Object.hasOwn(cert, 'x') ? object(cert.x, 'cert.x') : undefined; // null is refused
  const attrs = x === undefined ? [] : Object.keys(x).map((k) => [k, str(x[k], `cert.x.${k}`)]);
  const status = member(c, 'status', (s) => object(s, 'status', ['idx']), true);
  return {
    iss: member(c, 'iss', str),
    jti: member(c, 'jti', str),
    iat: member(c, 'iat', i64),
    nbf: member(c, 'nbf', i64, true),
    exp: member(c, 'exp', i64, true),
    cert: {
      h: { n: member(h, 'n', str), id: member(h, 'id', str, true) },
      a: { c: member(a, 'c', str), t: member(a, 't', str), l: member(a, 'l', str, true) },
      u: member(cert, 'u', str, true),
      x: attrs.sort((p, q) => byCodePoint(p[0], q[0])),
    },
    status: status === undefined ? undefined : { idx: member(status, 'idx', u32) },
  };
}

/** The text rule (FORMAT.md §2.4): not blank, at most `max` characters, no forbidden
 * character. */
function textProblem(value, max) {
  if (trimWhiteSpace(value) === '') return 'must not be empty';
  let chars = 0;
  for (const _ of value) chars++;
  if (chars > max) return 'is too long';
  if (hasForbidden(value)) return 'must not contain control or invisible format characters';
  return null;
}

function isIssuerId(id) {
  return id.length >= 1 && id.length <= 128 && /^[\x21-\x7e]+$/.test(id);
}

/** §3.5 in order; returns null or `field: problem`. */
function claimProblem(c) {
  if (!isIssuerId(c.iss)) return 'iss: must be 1 to 128 printable ASCII characters without spaces';
  if (c.jti.length < 1 || c.jti.length > 64 || !/^[A-Za-z0-9._-]+$/.test(c.jti)) {
    return 'jti: must be 1 to 64 characters of letters, digits, \'-\', \'_\' and \'.\'';
  }
  for (const name of ['iat', 'nbf', 'exp']) {
    if (c[name] !== undefined && c[name] < 0) return `${name}: must not be negative`;
    if (c[name] !== undefined && c[name] > MAX_TIME) return `${name}: must not be after the year 9999`;
  }
  if (c.exp !== undefined && c.exp <= c.iat) return 'exp: must be after iat';
  if (c.exp !== undefined && c.nbf !== undefined && c.exp <= c.nbf) return 'exp: must be after nbf';
  const texts = [['cert.h.n', c.cert.h.n, 200], ['cert.h.id', c.cert.h.id, 64], ['cert.a.c', c.cert.a.c, 32],
    ['cert.a.t', c.cert.a.t, 300], ['cert.a.l', c.cert.a.l, 32], ['cert.u', c.cert.u, 200]];
  for (const [field, value, max] of texts) {
    const problem = value === undefined ? null : textProblem(value, max);
    if (problem) return `${field}: ${problem}`;
  }
  if (c.cert.x.length > MAX_ATTRS) return 'cert.x: has too many entries';
  for (const [key, value] of c.cert.x) {
    if (key.length < 1 || key.length > 40 || !/^[a-z0-9_.-]+$/.test(key)) {
      return 'cert.x: keys must be 1 to 40 characters of a–z, 0–9, \'_\', \'.\', \'-\'';
    }
    const problem = textProblem(value, 300);
    if (problem) return `cert.x.${key}: ${problem}`;
  }
  return null;
}

/** The claims as the reference serialises them: absent members left out, cert.x only when
 * not empty (its members in byte order). */
function claimsOutput(c) {
  const out = { iss: c.iss, jti: c.jti, iat: c.iat };
  if (c.nbf !== undefined) out.nbf = c.nbf;
  if (c.exp !== undefined) out.exp = c.exp;
  const h = { n: c.cert.h.n };
  if (c.cert.h.id !== undefined) h.id = c.cert.h.id;
  const a = { c: c.cert.a.c, t: c.cert.a.t };
  if (c.cert.a.l !== undefined) a.l = c.cert.a.l;
  out.cert = { h, a };
  if (c.cert.u !== undefined) out.cert.u = c.cert.u;
  if (c.cert.x.length > 0) out.cert.x = Object.fromEntries(c.cert.x);
  if (c.status !== undefined) out.status = { idx: c.status.idx };
  return out;
}

// ---------------------------------------------------------------------------------------------
// The compact JWS (FORMAT.md §3.1, §3.2, §5.8.1)

class TokenError extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}
const malformed = (message) => new TokenError('malformed_token', message);
const unsupported = (message) => new TokenError('unsupported_header', message);

function parseHeader(bytes, expectedTyp) {
  let m;
  try {
    m = parseStrictJson(bytes, MAX_HEADER_BYTES);
  } catch (e) {
    throw malformed(`the header is not valid: ${e.message}`);
  }
  if (!isObject(m)) throw malformed(`the header is not valid: ${typeName(m)}, expected an object`);
  const string = (name) => {
    if (!Object.hasOwn(m, name)) throw malformed(`the header is not valid: ${name} is missing`);
    if (typeof m[name] !== 'string') throw malformed(`the header is not valid: ${name} must be a string`);
    return m[name];
  };
  // The algorithm is decided first, by exact (case-sensitive) comparison.
  const alg = string('alg');
  if (!ACCEPTED_ALGS.includes(alg)) {
    throw unsupported(`alg ${quote(alg)} is not accepted; Sello tokens are signed with Ed25519 (alg EdDSA or Ed25519) only`);
  }
  const other = Object.keys(m).sort(byCodePoint).find((k) => !['alg', 'kid', 'typ'].includes(k));
  if (other !== undefined) throw unsupported(`header member ${quote(other)} is not allowed (keys never come from the token)`);
  const typ = string('typ');
  // RFC 7515 §4.1.9: media type names compare case-insensitively, "application/" optional.
  const bare = eqIgnoreAsciiCase(typ.slice(0, 12), 'application/') ? typ.slice(12) : typ;
  if (!eqIgnoreAsciiCase(bare, expectedTyp)) {
    throw unsupported(`typ ${quote(typ)} is not the expected type (certificates are "sello+jwt", status lists "sello-status+jwt")`);
  }
  const kid = string('kid');
  if (kid.length === 0 || utf8Length(kid) > 64) throw malformed('the header is not valid: kid must be 1 to 64 bytes');
  return { alg, kid, typ };
}

/** Splits and decodes a compact JWS (§6.2 steps 2 to 10). Throws TokenError. */
function decodeJws(token, maxLen, typ, shape) {
  const len = utf8Length(token);
  if (len > maxLen) throw malformed(`the token is ${len} bytes; the limit is ${maxLen}`);
  const parts = token.split('.');
  if (parts.length !== 3) throw malformed(`a token has 3 parts separated by '.'; this has ${parts.length}`);
  const decode = (i, name) => {
    const bytes = b64decode(parts[i]);
    if (bytes === null) throw malformed(`the ${name} is not strict unpadded base64url`);
    return bytes;
  };
  const header = parseHeader(decode(0, 'header'), typ);
  const payloadBytes = decode(1, 'payload');
  let payload;
  try {
    payload = shape(parseStrictJson(payloadBytes, maxLen));
  } catch (e) {
    if (!(e instanceof JsonError || e instanceof ShapeError)) throw e;
    throw malformed(`the payload is not valid: ${e.message}`);
  }
  const signature = decode(2, 'signature');
  if (signature.length !== 64) throw malformed(`an Ed25519 signature is 64 bytes; this one is ${signature.length}`);
  const signingInput = UTF8.encode(`${parts[0]}.${parts[1]}`);
  return { header, payload, signingInput, signature };
}

// ---------------------------------------------------------------------------------------------
// Edwards25519 with BigInt: just enough to decode points, check canonical encodings and small
// order (FORMAT.md §5.4 checks 8 and 9, §6.3 checks 1 and 2).

const P = (1n << 255n) - 19n;
const L = (1n << 252n) + 27742317777372353535851937790883648493n;
const mod = (a) => ((a % P) + P) % P;

function powMod(base, exp) {
  let r = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % P;
    b = (b * b) % P;
  }
  return r;
}

const D = mod(-121665n * powMod(121666n, P - 2n));
const SQRT_M1 = powMod(2n, (P - 1n) / 4n);

function littleEndian(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

/** RFC 8032 §5.1.3: the point (x, y) the 32 bytes encode, or null when they encode no point or
 * are not its canonical encoding (y ≥ p, or the sign bit set with x = 0). With `canonical`
 * false, y is taken modulo p and a negative zero allowed: null only when no point has that y
 * (how the reference tells a key that is not a point from one that is not canonical). */
function decodePoint(bytes, canonical = true) {
  let y = littleEndian(bytes);
  const sign = y >> 255n;
  y &= (1n << 255n) - 1n;
  if (y >= P) {
    if (canonical) return null;
    y -= P;
  }
  const y2 = (y * y) % P;
  const u = mod(y2 - 1n);
  const v = mod(D * y2 + 1n);
  const v3 = (v * v * v) % P;
  let x = (u * v3 * powMod(u * v3 * v3 * v, (P - 5n) / 8n)) % P;
  const vx2 = (v * x * x) % P;
  if (vx2 === mod(-u)) x = (x * SQRT_M1) % P;
  else if (vx2 !== u) return null;
  if (x === 0n && sign === 1n && canonical) return null;
  if ((x & 1n) !== sign) x = P - x;
  return { x, y };
}

/** Whether [8]P is the identity, by three doublings in extended coordinates (a = -1,
 * "dbl-2008-hwcd"; T is not needed to double). */
function isSmallOrder({ x, y }) {
  let X = x;
  let Y = y;
  let Z = 1n;
  for (let i = 0; i < 3; i++) {
    const A = (X * X) % P;
    const B = (Y * Y) % P;
    const C = (2n * Z * Z) % P;
    const E = mod((X + Y) * (X + Y) - A - B);
    const G = mod(B - A);
    const F = mod(G - C);
    const H = mod(-A - B);
    X = (E * F) % P;
    Y = (G * H) % P;
    Z = (F * G) % P;
  }
  return X === 0n && Y === Z;
}

function subtle() {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available: use a secure context (https or localhost)');
  return s;
}

function importKey(key) {
  key.cryptoKey ??= subtle()
    .importKey('raw', key.x, { name: 'Ed25519' }, false, ['verify'])
    .catch((e) => {
      key.cryptoKey = undefined;
      throw new Error(`this platform cannot verify Ed25519 signatures (WebCrypto: ${e.message})`);
    });
  return key.cryptoKey;
}

/** Strict Ed25519 (FORMAT.md §6.3) of a 64-byte `signature` over `message` with a key of a
 * loaded key set (whose point is canonical and of large order, §5.4). WebCrypto verifies the
 * cofactorless equation and compares encodings; the other checks are made here first, since
 * WebCrypto implementations differ on them (OpenSSL and BoringSSL accept a small-order R). */
async function checkSignature(key, message, signature) {
  if (signature.length !== 64) return false;
  if (littleEndian(signature.subarray(32)) >= L) return false;
  const R = decodePoint(signature.subarray(0, 32));
  if (R === null || isSmallOrder(R)) return false;
  return subtle().verify({ name: 'Ed25519' }, await importKey(key), signature, message);
}

/**
 * Whether this platform's WebCrypto can import an Ed25519 public key and verify with it (checked
 * with RFC 8032 §7.1 TEST 1). When false, show a message instead of verifying.
 * @returns {Promise<boolean>}
 */
export async function supportsEd25519() {
  try {
    // RFC 8032 §7.1 TEST 1: the empty message.
    const hex = (h) => Uint8Array.from(h.match(/../g), (b) => parseInt(b, 16));
    const key = { x: hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a') };
    const sig = hex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
      '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    return (await checkSignature(key, new Uint8Array(0), sig)) === true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Key sets and the trust store (FORMAT.md §5.1 to §5.7)

/**
 * @typedef {{ kid: string, x: Uint8Array, nbf: number|undefined, exp: number|undefined,
 *   revoked_at: number|undefined }} PublicKey
 * @typedef {{ issuer: { id: string, name: string, verify_url: string|null, time_zone?: string }, keys: PublicKey[],
 *   attribute_labels: Object<string, Object<string, string>> }} KeySet
 * @typedef {{ bits: Uint8Array, size: number, iat: number, exp: number, kid: string }} StatusList
 */

/** Trusted key sets by issuer id, and the status list in use per issuer. Read-only for callers:
 * build one with loadKeySets and add lists with addStatusList. */
class TrustStore {
  constructor() {
    /** @type {Map<string, KeySet>} */
    this.issuers = new Map();
    /** @type {Map<string, StatusList>} */
    this.statusLists = new Map();
    /** Built from a trust bundle (trustStoreFromBundle): what it says of the federation. */
    this.federation = null;
  }

  /** Adds a key set: the same set twice is harmless, two different ones for an issuer conflict. */
  add(set) {
    set.keys.sort((a, b) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0));
    const old = this.issuers.get(set.issuer.id);
    if (old === undefined) this.issuers.set(set.issuer.id, set);
    else if (!sameKeySet(old, set)) throw new Error(say('trust-conflict', { issuer: truncate(set.issuer.id) }));
  }
}

function sameKeySet(a, b) {
  const same = (k, l) => k.kid === l.kid && k.x.every((v, i) => v === l.x[i]) && k.nbf === l.nbf &&
    k.exp === l.exp && k.revoked_at === l.revoked_at;
  return a.issuer.id === b.issuer.id && a.issuer.name === b.issuer.name &&
    a.issuer.verify_url === b.issuer.verify_url && a.issuer.time_zone === b.issuer.time_zone &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => same(k, b.keys[i])) &&
    JSON.stringify(a.attribute_labels) === JSON.stringify(b.attribute_labels);
}

/** Limits of a key set's attribute_labels (FORMAT.md §5.1). */
const MAX_LABELLED_ATTRS = 16;
const MAX_LABEL_LANGUAGES = 8;
const MAX_LABEL_CHARS = 60;

/** The shape of attribute_labels: an object of objects of strings, read into objects without
 * a prototype, members in byte order. */
function labelsShape(v, name) {
  const outer = object(v, name);
  const out = Object.create(null);
  for (const key of Object.keys(outer).sort(byCodePoint)) {
    const inner = object(outer[key], `${name}.${key}`);
    const langs = Object.create(null);
    for (const lang of Object.keys(inner).sort(byCodePoint)) langs[lang] = str(inner[lang], `${name}.${key}.${lang}`);
    out[key] = langs;
  }
  return out;
}

/** §5.4 step 7: null when attribute_labels follows §5.1, else the problem. */
function labelsProblem(labels) {
  const keys = Object.keys(labels);
  if (keys.length > MAX_LABELLED_ATTRS) {
    return `at most ${MAX_LABELLED_ATTRS} attributes with labels; this set has ${keys.length}`;
  }
  for (const key of keys) {
    if (!/^[a-z0-9_.-]{1,40}$/.test(key)) {
      return `${quote(key)} is not a field name (1 to 40 characters of a–z, 0–9, '_', '.', '-')`;
    }
    const langs = Object.keys(labels[key]);
    if (langs.length < 1 || langs.length > MAX_LABEL_LANGUAGES) {
      return `${key}: the label is given in 1 to ${MAX_LABEL_LANGUAGES} languages`;
    }
    for (const lang of langs) {
      if (!/^[a-z]{2,3}$/.test(lang)) {
        return `${key}: ${quote(lang)} is not a language code (2 or 3 lowercase letters, such as es or en)`;
      }
      const problem = textProblem(labels[key][lang], MAX_LABEL_CHARS);
      if (problem) return `${key}.${lang}: the label ${problem} (at most ${MAX_LABEL_CHARS} characters)`;
    }
  }
  return null;
}

/**
 * The label an issuer declares for attribute `key` (FORMAT.md §5.1) in `lang` ('es' or 'en'),
 * else in Spanish, else in English; null when it declares none (show the key). The label is
 * untrusted text, to be shown like a claim.
 * @param {TrustStore} trustStore
 * @param {string} issuerId
 * @param {string} key
 * @param {string} lang
 * @returns {string|null}
 */
export function attributeLabel(trustStore, issuerId, key, lang) {
  requireStore(trustStore);
  const set = trustStore.issuers.get(issuerId);
  const byLang = set && Object.hasOwn(set.attribute_labels, key) ? set.attribute_labels[key] : null;
  if (!byLang) return null;
  for (const l of [lang, 'es', 'en']) if (Object.hasOwn(byLang, l)) return byLang[l];
  return null;
}

function verifyUrlProblem(url) {
  const local = ['http://localhost', 'http://127.0.0.1'].some((host) => url.startsWith(host) &&
    (url.length === host.length || url[host.length] === '/' || url[host.length] === ':'));
  if (!(url.startsWith('https://') || local)) return 'verify_url must start with https:// (http:// only for localhost)';
  if (url.length > 200 || url.includes('#') || !/^[\x21-\x7e]*$/.test(url)) {
    return "verify_url must be at most 200 printable ASCII characters, without '#'";
  }
  return null;
}

/** The first parts of the IANA names a key set may give as time_zone (§5.1); `UTC` too. */
const ZONE_AREAS = ['africa', 'america', 'antarctica', 'arctic', 'asia', 'atlantic', 'australia', 'etc',
  'europe', 'indian', 'pacific'];
const MAX_TIME_ZONE_BYTES = 64;

/**
 * Checks a key set's time_zone (§5.1) and returns it as the browser's tz database spells it, or
 * throws with the reason: of the form Area/Location (or UTC), and a zone the engine knows.
 */
function checkTimeZone(name) {
  const shape = name.length >= 1 && name.length <= MAX_TIME_ZONE_BYTES && /^[A-Za-z0-9/_+-]+$/.test(name) &&
    (name.toLowerCase() === 'utc' || (() => {
      const slash = name.indexOf('/');
      if (slash < 0 || !ZONE_AREAS.includes(name.slice(0, slash).toLowerCase())) return false;
      const rest = name.slice(slash + 1);
      return rest !== '' && rest.split('/').every((part) => /^[A-Za-z]/.test(part));
    })());
  if (!shape) {
    throw new Error(`the key set's issuer is invalid: time_zone must be an IANA name of the form Area/Location (for example America/Mexico_City) or UTC, of at most ${MAX_TIME_ZONE_BYTES} ASCII characters; not ${quote(name)}`);
  }
  try {
    if (name.toLowerCase() === 'etc/unknown') throw new RangeError('unknown');
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    throw new Error(`the key set's issuer is invalid: time_zone ${quote(name)} is not a time zone of the IANA database Sello knows (for example: America/Mexico_City, America/Tijuana, America/Cancun)`);
  }
  return name.toLowerCase() === 'utc' ? 'UTC' : name;
}

/** The key id: the first 8 bytes of the RFC 7638 SHA-256 thumbprint, base64url (§5.3). */
async function deriveKid(x) {
  const input = UTF8.encode(`{"crv":"Ed25519","kty":"OKP","x":"${b64encode(x)}"}`);
  return b64encode(new Uint8Array(await subtle().digest('SHA-256', input)).subarray(0, 8));
}

async function parseJwk(k) {
  const priv = PRIVATE_MEMBERS.find((m) => Object.hasOwn(k, m));
  if (priv !== undefined) throw new Error(say('key-private', { member: truncate(priv) }));
  let jwk;
  try {
    jwk = {
      kty: member(k, 'kty', str),
      crv: member(k, 'crv', str),
      x: member(k, 'x', str),
      kid: member(k, 'kid', str, true),
      alg: member(k, 'alg', str, true),
      use: member(k, 'use', str, true),
      key_ops: member(k, 'key_ops', (v, name) => {
        if (!Array.isArray(v)) throw new ShapeError(`${name}: invalid type: ${typeName(v)}, expected an array`);
        return v.map((op) => str(op, name));
      }, true),
      nbf: member(k, 'nbf', i64, true),
      exp: member(k, 'exp', i64, true),
      revoked_at: member(k, 'revoked_at', i64, true),
    };
  } catch (e) {
    throw new Error(say('key-not-jwk', { error: e.message }));
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') {
    throw new Error(say('key-type', { kty: truncate(jwk.kty), crv: truncate(jwk.crv) }));
  }
  if (jwk.alg !== undefined && !ACCEPTED_ALGS.includes(jwk.alg)) throw new Error(say('key-alg'));
  if (jwk.key_ops !== undefined && !jwk.key_ops.includes('verify')) throw new Error(say('key-ops'));
  if (jwk.use !== undefined && jwk.use !== 'sig') throw new Error(say('key-use'));
  const x = b64decode(jwk.x);
  if (x === null || x.length !== 32) throw new Error(say('key-x-length'));
  const point = decodePoint(x);
  if (point === null) throw new Error(say(decodePoint(x, false) === null ? 'key-x-point' : 'key-x-canonical'));
  if (isSmallOrder(point)) throw new Error(say('key-x-small-order'));
  const kid = await deriveKid(x);
  if (jwk.kid !== undefined && jwk.kid !== kid) {
    throw new Error(say('key-kid-mismatch', { given: truncate(jwk.kid), kid }));
  }
  for (const name of ['nbf', 'exp', 'revoked_at']) {
    const t = jwk[name];
    if (t !== undefined && !(t >= 0 && t <= MAX_TIME)) throw new Error(say('key-time-range', { name, max: MAX_TIME }));
  }
  if (jwk.nbf !== undefined && jwk.exp !== undefined && jwk.exp <= jwk.nbf) throw new Error(say('key-window'));
  return { kid, x, nbf: jwk.nbf, exp: jwk.exp, revoked_at: jwk.revoked_at };
}

/** Parses and checks one key-set document (§5.4). */
async function parseKeySet(bytes) {
  let doc;
  try {
    const v = object(parseStrictJson(bytes, MAX_KEY_SET_BYTES), 'the key set');
    doc = {
      issuer: member(v, 'issuer', str),
      issuer_name: member(v, 'issuer_name', str),
      verify_url: member(v, 'verify_url', str, true) ?? null,
      time_zone: member(v, 'time_zone', str, true) ?? null,
      keys: member(v, 'keys', (keys, name) => {
        if (!Array.isArray(keys)) throw new ShapeError(`${name}: invalid type: ${typeName(keys)}, expected an array`);
        return keys.map((k) => object(k, 'a key'));
      }),
      attribute_labels: member(v, 'attribute_labels', labelsShape, true) ?? Object.create(null),
    };
  } catch (e) {
    if (!(e instanceof JsonError || e instanceof ShapeError)) throw e;
    throw new Error(say('key-set-json', { error: e.message }));
  }
  if (!isIssuerId(doc.issuer)) {
    throw new Error(say('key-set-issuer', { problem: say('key-set-issuer-id', { problem: say('problem-issuer-id') }) }));
  }
  const nameProblem = textProblem(doc.issuer_name, 200);
  if (nameProblem) throw new Error(say('key-set-issuer', { problem: say('key-set-issuer-name', { problem: nameProblem }) }));
  const urlProblem = doc.verify_url === null ? null : verifyUrlProblem(doc.verify_url);
  if (urlProblem) throw new Error(say('key-set-issuer', { problem: urlProblem }));
  const timeZone = doc.time_zone === null ? null : checkTimeZone(doc.time_zone);
  if (doc.keys.length < 1 || doc.keys.length > MAX_KEYS) {
    throw new Error(say('key-set-key-count', { max: MAX_KEYS, count: doc.keys.length }));
  }
  const keys = [];
  for (const [index, k] of doc.keys.entries()) {
    let key;
    try {
      key = await parseJwk(k);
    } catch (e) {
      throw new Error(say('key-set-key', { index, problem: e.message }));
    }
    if (keys.some((other) => other.kid === key.kid)) throw new Error(say('key-set-duplicate-kid', { kid: truncate(key.kid) }));
    keys.push(key);
  }
  const labelProblem = labelsProblem(doc.attribute_labels);
  if (labelProblem) throw new Error(`attribute_labels is invalid: ${labelProblem}`);
  const issuer = { id: doc.issuer, name: doc.issuer_name, verify_url: doc.verify_url };
  if (timeZone !== null) issuer.time_zone = timeZone;
  return { issuer, keys, attribute_labels: doc.attribute_labels };
}

/** The bytes of a document given as a string, bytes, or a parsed object. */
function documentBytes(doc) {
  if (typeof doc === 'string') {
    if (hasLoneSurrogate(doc)) throw new TypeError('a key-set document must be valid Unicode (it has a lone surrogate)');
    return UTF8.encode(doc);
  }
  if (doc instanceof Uint8Array) return doc;
  if (doc instanceof ArrayBuffer) return new Uint8Array(doc);
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) return documentBytes(JSON.stringify(doc));
  throw new TypeError('a key-set document is a JSON string, UTF-8 bytes or an object');
}

/**
 * Builds a trust store from key-set documents, checked as FORMAT.md §5.4 requires; the same set
 * twice is harmless, two different sets of one issuer are an error (§5.7). All or nothing.
 * @param {string|Uint8Array|ArrayBuffer|object|Array<string|Uint8Array|ArrayBuffer|object>} keySetDocs
 *   one document or an array of them: JSON text, its UTF-8 bytes, or a parsed object (which has
 *   already lost any duplicate member, and is measured against the size cap as re-serialised).
 * @returns {Promise<TrustStore>}
 * @throws {Error} naming the first document that is refused, and why.
 */
export async function loadKeySets(keySetDocs) {
  const docs = Array.isArray(keySetDocs) ? keySetDocs : [keySetDocs];
  const store = new TrustStore();
  for (const [i, doc] of docs.entries()) {
    const bytes = documentBytes(doc);
    let set;
    try {
      set = await parseKeySet(bytes);
    } catch (e) {
      throw new Error(`key set ${i}: ${e.message}`);
    }
    store.add(set);
  }
  return store;
}

const maySignAt = (key, iat) => (key.nbf === undefined || iat >= key.nbf) && (key.exp === undefined || iat < key.exp);
const revokedFor = (key, iat) => key.revoked_at !== undefined && iat >= key.revoked_at;

// ---------------------------------------------------------------------------------------------
// gzip (RFC 1952) and inflate (RFC 1951), for status lists (FORMAT.md §5.8.3, §5.8.4): exactly
// one member, nothing after it, a correct CRC-32 and length, and at most `want` bytes out. The
// Huffman-table rules are those of the reference's decoder (miniz_oxide): over-subscribed codes
// are refused, incomplete ones only when they have a single code (a code-length code must be
// complete).

class GzipError extends Error {}
const gzipFail = (what) => {
  throw new GzipError(what);
};

let CRC_TABLE;
function crc32(bytes) {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code from code lengths, as count per length and symbols in code order. */
function huffman(lengths, isCodeLengthCode = false) {
  const count = new Uint16Array(16);
  for (const len of lengths) count[len]++;
  let left = 1;
  let used = 0;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - count[len];
    used += count[len];
    if (left < 0) gzipFail('over-subscribed Huffman code');
  }
  if (left > 0 && (used > 1 || isCodeLengthCode)) gzipFail('incomplete Huffman code');
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = offsets[len] + count[len];
  const symbols = new Uint16Array(lengths.length);
  lengths.forEach((len, sym) => { if (len) symbols[offsets[len]++] = sym; });
  return { count, symbols };
}

let FIXED;
function fixedCodes() {
  if (!FIXED) {
    const lit = new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280);
    FIXED = [huffman(lit), huffman(new Uint8Array(32).fill(5))];
  }
  return FIXED;
}

/** Inflates the raw DEFLATE data at `src[start..]` into at most `want` bytes. Returns the output
 * and the offset of the first byte after the deflate stream. */
function inflate(src, start, want) {
  const out = new Uint8Array(want);
  let o = 0;
  let pos = start;
  let bitBuf = 0;
  let bitCount = 0;
  const bits = (n) => {
    while (bitCount < n) {
      if (pos >= src.length) gzipFail('unexpected end of the deflate data');
      bitBuf |= src[pos++] << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };
  const decode = ({ count, symbols }) => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= bits(1);
      if (code - first < count[len]) return symbols[index + code - first];
      index += count[len];
      first = (first + count[len]) * 2;
      code *= 2;
    }
    return gzipFail('invalid Huffman code');
  };
  const tooLong = () => gzipFail(`more than the declared ${want} bytes`);
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0;
      bitCount = 0; // the rest of the current byte
      if (pos + 4 > src.length) gzipFail('unexpected end of the deflate data');
      const len = src[pos] | (src[pos + 1] << 8);
      if (len !== (~(src[pos + 2] | (src[pos + 3] << 8)) & 0xffff)) gzipFail('bad stored block length');
      pos += 4;
      if (pos + len > src.length) gzipFail('unexpected end of the deflate data');
      if (o + len > want) tooLong();
      out.set(src.subarray(pos, pos + len), o);
      o += len;
      pos += len;
      continue;
    }
    let lit;
    let dist;
    if (type === 1) [lit, dist] = fixedCodes();
    else if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) gzipFail('bad code counts');
      const clen = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) clen[CODE_LENGTH_ORDER[i]] = bits(3);
      const lencode = huffman(clen, true);
      const lengths = new Uint8Array(nlen + ndist);
      for (let i = 0; i < lengths.length;) {
        const sym = decode(lencode);
        if (sym < 16) { lengths[i++] = sym; continue; }
        if (sym === 16 && i === 0) gzipFail('repeat with no previous length');
        const value = sym === 16 ? lengths[i - 1] : 0;
        const repeat = sym === 16 ? 3 + bits(2) : sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > lengths.length) gzipFail('too many code lengths');
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
      lit = huffman(lengths.subarray(0, nlen));
      dist = huffman(lengths.subarray(nlen));
    } else gzipFail('invalid block type');
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        if (o >= want) tooLong();
        out[o++] = sym;
      } else if (sym === 256) break;
      else {
        if (sym > 285) gzipFail('invalid length symbol');
        const len = LEN_BASE[sym - 257] + bits(LEN_EXTRA[sym - 257]);
        const ds = decode(dist);
        if (ds > 29) gzipFail('invalid distance symbol');
        const d = DIST_BASE[ds] + bits(DIST_EXTRA[ds]);
        if (d > o) gzipFail('distance too far back');
        if (o + len > want) tooLong();
        for (let k = 0; k < len; k++, o++) out[o] = out[o - d];
      }
    }
  }
  return { out: out.subarray(0, o), end: pos };
}

/** Exactly one gzip member of exactly `want` bytes, with nothing after it. */
function gunzip(gz, want) {
  if (gz.length < 10 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] & 0xe0) gzipFail('invalid gzip header');
  const flags = gz[3];
  let pos = 10;
  if (flags & 4) {
    if (pos + 2 > gz.length) gzipFail('truncated gzip header');
    pos += 2 + (gz[pos] | (gz[pos + 1] << 8));
  }
  for (const flag of [8, 16]) { // file name, comment: zero-terminated, at most 65,535 bytes
    if (!(flags & flag)) continue;
    const nul = gz.indexOf(0, pos);
    if (pos > gz.length || nul < 0) gzipFail('truncated gzip header');
    if (nul - pos > 65535) gzipFail('gzip header field too long');
    pos = nul + 1;
  }
  if (flags & 2) {
    if (pos + 2 > gz.length) gzipFail('truncated gzip header');
    if ((gz[pos] | (gz[pos + 1] << 8)) !== (crc32(gz.subarray(0, pos)) & 0xffff)) gzipFail('bad gzip header checksum');
    pos += 2;
  }
  if (pos > gz.length) gzipFail('truncated gzip header');
  const { out, end } = inflate(gz, pos, want);
  if (out.length !== want) gzipFail(`${out.length} bytes of bits for ${want * 8} entries`);
  if (end + 8 > gz.length) gzipFail('truncated gzip trailer');
  const view = new DataView(gz.buffer, gz.byteOffset + end, 8);
  if (view.getUint32(0, true) !== crc32(out) || view.getUint32(4, true) !== want) {
    gzipFail('corrupt gzip stream does not have a matching checksum');
  }
  if (end + 8 !== gz.length) gzipFail('data after the gzip stream');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Status lists (FORMAT.md §5.8)

function shapeStatusClaims(v) {
  const c = object(v, 'status list claims', ['iss', 'iat', 'exp', 'size', 'lst']);
  return {
    iss: member(c, 'iss', str),
    iat: member(c, 'iat', i64),
    exp: member(c, 'exp', i64),
    size: member(c, 'size', u64),
    lst: member(c, 'lst', str),
  };
}

function requireStore(store) {
  if (!(store instanceof TrustStore)) throw new TypeError('expected a TrustStore from loadKeySets');
}

/**
 * Reads a status-list token (FORMAT.md §5.8.4) and accepts it (§5.8.5) into `trustStore`: its
 * issuer must be trusted and its signature verify with a key valid at its `iat`. Of the lists of
 * one issuer, the one with the greatest `iat` is used, the first of equals (§5.8.6). Surrounding
 * white space is ignored. The clock is not consulted: an expired list is accepted, and is stale.
 * @param {TrustStore} trustStore from loadKeySets
 * @param {string} token the status-list token
 * @returns {Promise<string>} the issuer id
 * @throws {Error} when the list must not be used.
 */
export async function addStatusList(trustStore, token) {
  requireStore(trustStore);
  if (typeof token !== 'string') throw new TypeError('a status list is a string (its token)');
  let jws;
  try {
    jws = decodeJws(trimWhiteSpace(token), MAX_STATUS_TOKEN_LEN, STATUS_TYP, shapeStatusClaims);
  } catch (e) {
    if (e instanceof TokenError) throw new Error(say('status-token', { error: e.message }));
    throw e;
  }
  const c = jws.payload;
  if (!isIssuerId(c.iss)) throw new Error(say('status-claims', { problem: say('claim-error', { field: 'iss', problem: say('problem-issuer-id') }) }));
  if (!(c.iat >= 0 && c.iat <= MAX_TIME && c.exp >= 0 && c.exp <= MAX_TIME && c.exp > c.iat)) {
    throw new Error(say('status-claims', { problem: say('problem-status-times') }));
  }
  if (c.size < MIN_ENTRIES || c.size > MAX_ENTRIES || c.size % 8n !== 0n) {
    throw new Error(say('status-size', { min: MIN_ENTRIES, max: MAX_ENTRIES, size: c.size }));
  }
  const size = Number(c.size);
  const gz = b64decode(c.lst);
  if (gz === null) throw new Error(say('status-encoding', { problem: say('status-not-base64') }));
  let bits;
  try {
    bits = gunzip(gz, size / 8);
  } catch (e) {
    if (!(e instanceof GzipError)) throw e;
    throw new Error(say('status-encoding', { problem: e.message }));
  }
  const set = trustStore.issuers.get(c.iss);
  if (set === undefined) throw new Error(say('status-unknown-issuer', { issuer: truncate(c.iss) }));
  const key = set.keys.find((k) => k.kid === jws.header.kid);
  if (!key || !maySignAt(key, c.iat) || revokedFor(key, c.iat) ||
    !(await checkSignature(key, jws.signingInput, jws.signature))) {
    throw new Error(say('status-signature', { issuer: truncate(c.iss) }));
  }
  // Every accepted list is kept (oldest first; the first of equal iat; at most 16 per issuer):
  // which one is in use depends on the verification time (statusListInUse).
  const lists = trustStore.statusLists.get(c.iss) ?? [];
  if (!lists.some((l) => l.iat === c.iat)) {
    lists.push({ bits, size, iat: c.iat, exp: c.exp, kid: key.kid });
    lists.sort((a, b) => a.iat - b.iat);
    if (lists.length > MAX_LISTS_PER_ISSUER) lists.shift();
    trustStore.statusLists.set(c.iss, lists);
  }
  return c.iss;
}

/**
 * The status list of issuer `iss` in use at time `at` (FORMAT.md §5.8.6): the greatest `iat`
 * among the accepted lists with `iat ≤ at + leeway` (a list dated after the verification time
 * is not used), or null. Whether it is still fresh is for the caller to see (`exp`).
 */
export function statusListInUse(trustStore, iss, { at = Math.floor(Date.now() / 1000), leeway = 60 } = {}) {
  requireStore(trustStore);
  const lists = trustStore.statusLists.get(iss) ?? [];
  const limit = at + Math.min(Math.max(leeway, 0), MAX_LEEWAY);
  for (let i = lists.length - 1; i >= 0; i--) if (lists[i].iat <= limit) return lists[i];
  return null;
}

// ---------------------------------------------------------------------------------------------
// Verification (FORMAT.md §4.3, §6)

/** Most digits a numeric form may have: two per byte of the largest token (FORMAT.md §4.3). */
const MAX_NUMERIC_DIGITS = 2 * MAX_TOKEN_LEN;

function numericFormError(code, message) {
  const e = malformed(message);
  e.numeric = code;
  return e;
}

/** The token of digits (two per character, its code point minus 45), or a TokenError. */
function decodeDigits(digits) {
  if (digits.length > MAX_NUMERIC_DIGITS) {
    return numericFormError('too_long', `the numeric form has ${digits.length} digits; the limit is ${MAX_NUMERIC_DIGITS}`);
  }
  if (digits.length % 2 !== 0) {
    return numericFormError('odd_length', `the numeric form has ${digits.length} digits, an odd number`);
  }
  let out = '';
  for (let i = 0; i < digits.length; i += 2) {
    const v = Number(digits.slice(i, i + 2));
    const c = String.fromCharCode(v + 45);
    if (v > 77 || !/^[A-Za-z0-9_.-]$/.test(c)) {
      return numericFormError('bad_pair', `the pair ${digits.slice(i, i + 2)} (number ${i / 2 + 1}) of the numeric form is no character of a token`);
    }
    out += c;
  }
  return out;
}

/** The token in `text`, or the TokenError of a numeric form that gives none. */
function extractOrError(text) {
  if (typeof text !== 'string') throw new TypeError('the text to verify is a string');
  const s = trimWhiteSpace(text);
  const hash = s.indexOf('#');
  const found = hash >= 0 && s.slice(0, hash).includes('://') ? s.slice(hash + 1) : s;
  return /^n[0-9]+$/.test(found) ? decodeDigits(found.slice(1)) : found;
}

/**
 * The token in `text`: Unicode white space removed at both ends, then the part after the first
 * `#` when the part before it contains `://`; that part, when it is `n` and digits (the numeric
 * form), decoded two digits a character (FORMAT.md §4.3).
 * @param {string} text
 * @returns {string}
 * @throws {Error} with `numeric` set, for a numeric form that gives no token.
 */
export function extractToken(text) {
  const token = extractOrError(text);
  if (token instanceof TokenError) throw token;
  return token;
}

/**
 * Why the numeric form of `text` gives no token: `too_long` (over 8,192 digits), `odd_length`
 * or `bad_pair` (a pair that is no character of base64url or `.`); null when it gives one or
 * `text` is not in the numeric form.
 * @param {string} text
 * @returns {string | null}
 */
export function numericError(text) {
  const token = extractOrError(text);
  return token instanceof TokenError ? token.numeric : null;
}

/**
 * Whether `text` is presented as a token (FORMAT.md §4.4): extractToken gives a token (a numeric
 * form that gives none is not presented as one) with exactly three
 * parts separated by '.', the first of which, read as base64 leniently (either alphabet, with or
 * without padding), gives bytes whose first non-white-space byte is '{'. Anything else is not a
 * Sello certificate at all: show an input error, not a verdict.
 */
export function isPresentedAsToken(text) {
  const token = extractOrError(String(text));
  if (token instanceof TokenError) return false;
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const data = parts[0].replace(/=+$/, '');
  if (!/^[A-Za-z0-9_+/-]*$/.test(data)) return false;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let acc = 0;
  let bits = 0;
  for (const c of data) {
    const v = c === '-' || c === '+' ? 62 : c === '_' || c === '/' ? 63 : alphabet.indexOf(c);
    acc = ((acc << 6) | v) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      if (byte === 0x7b) return true;
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    }
  }
  return false;
}

/** A finite integer or BigInt, as a Number clamped to ±2^53 (enough to give every comparison
 * with times of at most MAX_TIME and a leeway of at most 3,600 its exact 64-bit answer). */
function clampedInteger(v, name) {
  if (typeof v === 'bigint') {
    const limit = 1n << 53n;
    return Number(v > limit ? limit : v < -limit ? -limit : v);
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${name} must be an integer (seconds)`);
  return Math.max(-(2 ** 53), Math.min(2 ** 53, v));
}

const INDETERMINATE = ['status_unavailable', 'trust_bundle_older_than_token'];

function outcome(reason, detail, issuer = null, kid = null, claims = null, trust = null) {
  const verdict = reason === null ? 'valid' : INDETERMINATE.includes(reason) ? 'indeterminate' : 'invalid';
  const out = { verdict, reason, detail, issuer, kid, claims };
  if (trust !== null) out.trust = trust;
  return out;
}

function checkStatus(store, iss, idx, at, leeway) {
  const list = statusListInUse(store, iss, { at, leeway });
  if (list === null) {
    return ['status_unavailable', store.statusLists.has(iss)
      ? 'the certificate has a status entry and every status list of its issuer is dated after the verification time'
      : 'the certificate has a status entry and no status list of its issuer is loaded'];
  }
  if (at >= list.exp) return ['status_unavailable', `the issuer's status list expired (exp ${list.exp})`];
  if (idx >= list.size) return ['status_unavailable', `status index ${idx} is beyond the status list's ${list.size} entries`];
  if (list.bits[idx >>> 3] & (0x80 >> (idx & 7))) return ['revoked', `entry ${idx} of the issuer's status list is set`];
  return null;
}

/**
 * @typedef {object} Verification
 * @property {'valid'|'invalid'|'indeterminate'} verdict
 * @property {string|null} reason  a reason code of FORMAT.md §7; null exactly when valid
 * @property {string|null} detail  technical detail in English, for logs; null when valid
 * @property {{id: string, name: string, verify_url: string|null}|null} issuer  once authentic
 * @property {string|null} kid  the signing key's id, once authentic
 * @property {object|null} claims  the claims, once authentic (FORMAT.md §6.5)
 */

/**
 * Verifies a token or a URL carrying one (FORMAT.md §6). Never throws for bad text.
 * @param {string} text what a QR code or a user gave
 * @param {TrustStore} trustStore from loadKeySets, with any status lists added
 * @param {{at?: number|bigint, leeway?: number|bigint}} [options] `at` in seconds since the
 *   epoch (default: now); `leeway` in seconds (default 60, clamped to 0..3600).
 * @returns {Promise<Verification>}
 * @throws {TypeError} on bad arguments; {Error} when WebCrypto cannot verify Ed25519.
 */
export async function verify(text, trustStore, { at = Math.floor(Date.now() / 1000), leeway = 60 } = {}) {
  requireStore(trustStore);
  const now = clampedInteger(at, 'at');
  const lw = Math.max(0, Math.min(MAX_LEEWAY, clampedInteger(leeway, 'leeway')));
  let parsed;
  try {
    parsed = decodeJws(extractToken(text), MAX_TOKEN_LEN, TYP, shapeClaims);
  } catch (e) {
    if (e instanceof TokenError) return outcome(e.reason, e.message);
    throw e;
  }
  const c = parsed.payload;
  const problem = claimProblem(c);
  if (problem) return outcome('invalid_claims', `invalid claim ${problem}`);
  // Through a trust bundle, an issuer or key it does not know, on a token issued after it was
  // signed, may be one accredited since (FORMAT.md §6.2.1).
  const fed = trustStore.federation;
  const newerThanBundle = fed !== null && c.iat > fed.iat && c.iat <= now + lw;
  const set = trustStore.issuers.get(c.iss);
  if (set === undefined) {
    if (newerThanBundle) return outcome('trust_bundle_older_than_token', formatMessage('en', 'detail-issuer-newer-than-bundle'));
    return outcome('unknown_issuer', `no trusted key set for issuer ${quote(c.iss)}`);
  }
  const key = set.keys.find((k) => k.kid === parsed.header.kid);
  if (key === undefined) {
    if (newerThanBundle) return outcome('trust_bundle_older_than_token', formatMessage('en', 'detail-key-newer-than-bundle'));
    return outcome('unknown_key', `issuer ${JSON.stringify(set.issuer.id)} publishes no key ${quote(parsed.header.kid)}`);
  }
  if (!(await checkSignature(key, parsed.signingInput, parsed.signature))) {
    return outcome('bad_signature', `the Ed25519 signature does not verify with key ${key.kid}`);
  }
  // From here on the claims are authentic (§6.2 steps 15 to 21).
  const [trust, accreditation] = accreditationOf(fed, c, now);
  let failure = null;
  if (revokedFor(key, c.iat)) failure = ['key_revoked', 'the key was revoked at or before iat'];
  else if (!maySignAt(key, c.iat)) failure = ['key_not_valid_at_issuance', "iat is outside the key's signing window"];
  else if (accreditation !== null) failure = accreditation;
  else if (c.iat > now + lw) failure = ['not_yet_valid', 'iat is in the future'];
  else if (c.nbf !== undefined && c.nbf > now + lw) failure = ['not_yet_valid', 'nbf is in the future'];
  else if (c.exp !== undefined && now >= c.exp + lw) failure = ['expired', 'exp has passed'];
  else if (c.status !== undefined) failure = checkStatus(trustStore, c.iss, c.status.idx, now, lw);
  const [reason, detail] = failure ?? [null, null];
  return outcome(reason, detail, { ...set.issuer }, key.kid, claimsOutput(c), trust);
}

/** Through a trust bundle (FORMAT.md §6.2.1): the trust chain of an authentic token, and the
 * federation's refusal if any (suspension, accreditation, scope, all at `iat`, no leeway). */
function accreditationOf(fed, c, at) {
  if (fed === null) return [null, null];
  const entry = fed.issuers.get(c.iss);
  if (entry === undefined) return [null, ['issuer_not_accredited', formatMessage('en', 'detail-not-in-bundle')]];
  const scope = entry.scope.find((s) => s.ec === c.cert.a.c && windowContains(s, c.iat)) ?? null;
  const trust = {
    federation: fed.id, federation_name: fed.name, seq: fed.seq, trust_as_of: fed.iat, fresh: at < fed.fresh_until,
    accredited_since: entry.accredited.nbf,
  };
  if (scope !== null) {
    trust.standard = scope.ec;
    trust.standard_since = scope.nbf;
  }
  let failure = null;
  if (entry.suspended !== undefined && c.iat >= entry.suspended.from) {
    failure = ['issuer_suspended', formatMessage('en', 'detail-suspended', { from: String(entry.suspended.from), why: truncate(entry.suspended.reason) })];
  } else if (!windowContains(entry.accredited, c.iat)) {
    failure = ['issuer_not_accredited', formatMessage('en', 'detail-not-accredited')];
  } else if (scope === null) {
    failure = ['standard_out_of_scope', formatMessage('en', 'detail-out-of-scope', { code: truncate(c.cert.a.c) })];
  }
  return [trust, failure];
}

/** Largest trust bundle (`keys.json`) read, in bytes. */
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

/**
 * Loads a trust bundle — the page's `keys.json`, `{"key_sets":[…],"status_lists":[…]}` — from
 * its text. (A `federation` member, `{"root": …, "bundle": "trust.jwt"}`, is for the caller:
 * pinRootWithMemory, acceptBundleWithState and trustStoreFromBundle, as app.js does.) The whole text is read strictly first (duplicate members anywhere, nesting, size,
 * byte-order mark), so a bundle the Rust reader would refuse is refused here too. Key sets must
 * all load; a status list that is not accepted is reported, not silently dropped.
 * @param {string} text
 * @returns {Promise<{store: TrustStore, refused: string[]}>}
 */
export async function loadBundle(text) {
  if (typeof text !== 'string') throw new TypeError('loadBundle takes the text of keys.json');
  try {
    parseStrictJson(documentBytes(text), MAX_BUNDLE_BYTES);
  } catch (e) {
    throw new Error(`keys.json: ${e.message}`);
  }
  const doc = JSON.parse(text);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('keys.json: not an object');
  const keySets = doc.key_sets ?? [];
  const lists = doc.status_lists ?? [];
  if (!Array.isArray(keySets) || !Array.isArray(lists)) throw new Error('keys.json: key_sets and status_lists are arrays');
  const store = await loadKeySets(keySets);
  const refused = [];
  for (const [i, list] of lists.entries()) {
    try {
      await addStatusList(store, list);
    } catch (e) {
      refused.push(`status list ${i}: ${e.message}`);
    }
  }
  return { store, refused };
}

// ---------------------------------------------------------------------------------------------
// Federations (FORMAT.md §5.9): the root document, signed by a threshold of root keys; the trust
// bundle, signed by a registry key; the rollback and equivocation ratchet; a trust store built
// from an accepted bundle. The checks, their order and their caps are those of the reference
// (crates/sello-core/src/federation.rs, crates/sello-verifier/src/federation.rs); every refusal
// is a FederationError whose `kind` names the reference's error (`FederationError` variant in
// snake case: 'root', 'pinned_not_signed', 'bundle', 'federation_mismatch', 'root_conflict',
// 'root_gap', 'root_not_authorised', 'root_not_self_signed', 'root_version',
// 'signed_by_root_key', 'unknown_signer', 'bad_signature', 'from_future', 'too_old', 'status',
// 'rollback', 'root_rollback', 'equivocation', 'state_corrupt') and whose `problem` names the
// inner error of 'root' and 'bundle' (`RootError` / `BundleError` variant in snake case).

const ROOT_TYP = 'sello-root+json';
const BUNDLE_TYP = 'sello-trust+jwt';
const MAX_ROOT_BYTES = 64 * 1024;
const MAX_ROOT_SIGNATURES = 16;
const MAX_ROLE_KEYS = 16;
const MAX_ROOT_VERSION = 2147483647;
const MAX_CHAIN = 32;
const MAX_TRUST_BUNDLE_BYTES = 8 << 20;
const MAX_ISSUERS = 10000;
const MAX_SCOPE = 256;
const MAX_SEQ = (1n << 53n) - 1n;

/** Why a root document or a trust bundle was refused (message in the setLanguage language). */
export class FederationError extends Error {
  constructor(kind, message, problem = null) {
    super(message);
    this.name = 'FederationError';
    this.kind = kind;
    this.problem = problem;
  }
}

const fedError = (kind, id, args = {}, problem = null) => new FederationError(kind, say(id, args), problem);
/** A RootError (sello-core) as the message fed-root wraps, or as part of a bundle error. */
class RootProblem extends Error {
  constructor(problem, message) {
    super(message);
    this.problem = problem;
  }
}
const rootProblem = (problem, id, args = {}) => new RootProblem(problem, say(id, args));
class BundleProblem extends Error {
  constructor(problem, message) {
    super(message);
    this.problem = problem;
  }
}
const bundleProblem = (problem, id, args = {}) => new BundleProblem(problem, say(id, args));

/** The compact JSON of a parsed value, as serde_json writes a `Value` again (a document read
 * inside a bundle is measured against its own cap as re-serialised, as the reference does). */
function compactJson(v) {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JsonNumber) {
    if (v.kind !== 'f64') return String(v.int);
    const n = Number(v.raw);
    const t = String(n);
    return /[.e]/.test(t) || !Number.isFinite(n) ? t.replace('e+', 'e') : `${t}.0`;
  }
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  return `{${Object.keys(v).sort(byCodePoint).map((k) => `${JSON.stringify(k)}:${compactJson(v[k])}`).join(',')}}`;
}

const windowContains = (w, t) => t >= w.nbf && (w.exp === undefined || t < w.exp);
const timeOk = (t) => t >= 0 && t <= MAX_TIME;
const windowOk = (w) => timeOk(w.nbf) && (w.exp === undefined || (timeOk(w.exp) && w.exp > w.nbf));

function roleName(role) {
  return say(role === 'root' ? 'role-root' : 'role-registry');
}

async function roleKeys(role, jwks, seen) {
  if (jwks.length === 0 || jwks.length > MAX_ROLE_KEYS) {
    throw rootProblem('key_count', 'root-key-count', { role: roleName(role), max: MAX_ROLE_KEYS, count: jwks.length });
  }
  const keys = [];
  for (const [index, members] of jwks.entries()) {
    let key;
    try {
      key = await parseJwk(members);
    } catch (e) {
      if (e instanceof TypeError) throw e;
      throw rootProblem('key', 'root-key', { role: roleName(role), index, problem: e.message });
    }
    if (key.nbf !== undefined || key.exp !== undefined || key.revoked_at !== undefined) {
      throw rootProblem('key', 'root-key', { role: roleName(role), index, problem: say('root-key-window') });
    }
    if (seen.includes(key.kid)) throw rootProblem('duplicate_key', 'root-duplicate-key', { kid: key.kid });
    seen.push(key.kid);
    keys.push(key);
  }
  return keys;
}

function jsonProblem(e, id) {
  if (e instanceof JsonError || e instanceof ShapeError) return rootProblem('json', id, { error: e.message });
  return e;
}

async function rootClaims(bytes) {
  let doc;
  try {
    const v = object(parseStrictJson(bytes, MAX_ROOT_BYTES), 'root claims',
      ['federation', 'name', 'version', 'iat', 'root_keys', 'root_threshold', 'registry_keys']);
    const keyList = (keys, name) => {
      if (!Array.isArray(keys)) throw new ShapeError(`${name}: invalid type: ${typeName(keys)}, expected an array`);
      return keys.map((k) => object(k, 'a key'));
    };
    doc = {
      federation: member(v, 'federation', str),
      name: member(v, 'name', str),
      version: member(v, 'version', u64),
      iat: member(v, 'iat', i64),
      root_keys: member(v, 'root_keys', keyList),
      root_threshold: member(v, 'root_threshold', u64),
      registry_keys: member(v, 'registry_keys', keyList),
    };
  } catch (e) {
    throw jsonProblem(e, 'root-json');
  }
  if (!isIssuerId(doc.federation)) throw rootProblem('federation', 'root-federation', { problem: say('problem-issuer-id') });
  const nameProblem = textProblem(doc.name, 200);
  if (nameProblem) throw rootProblem('name', 'root-name', { problem: nameProblem });
  if (doc.version === 0n || doc.version > BigInt(MAX_ROOT_VERSION)) throw rootProblem('version', 'root-version', { max: MAX_ROOT_VERSION });
  if (!timeOk(doc.iat)) throw rootProblem('time', 'root-time');
  const seen = [];
  const rootKeys = await roleKeys('root', doc.root_keys, seen);
  const registryKeys = await roleKeys('registry', doc.registry_keys, seen);
  if (doc.root_threshold === 0n || doc.root_threshold > BigInt(rootKeys.length)) {
    throw rootProblem('threshold', 'root-threshold', { threshold: doc.root_threshold, keys: rootKeys.length });
  }
  return {
    federation: doc.federation, name: doc.name, version: Number(doc.version), iat: doc.iat,
    root_keys: rootKeys, root_threshold: Number(doc.root_threshold), registry_keys: registryKeys,
  };
}

/** Parses a root document (FORMAT.md §5.9.2), its signatures unchecked. Throws RootProblem. */
async function parseRootDocument(bytes) {
  let doc;
  try {
    const v = object(parseStrictJson(bytes, MAX_ROOT_BYTES), 'the root document', ['payload', 'signatures']);
    doc = {
      payload: member(v, 'payload', str),
      signatures: member(v, 'signatures', (list, name) => {
        if (!Array.isArray(list)) throw new ShapeError(`${name}: invalid type: ${typeName(list)}, expected an array`);
        return list.map((e) => {
          const entry = object(e, 'a signature', ['protected', 'signature']);
          return { protected: member(entry, 'protected', str), signature: member(entry, 'signature', str) };
        });
      }),
    };
  } catch (e) {
    throw jsonProblem(e, 'root-json');
  }
  if (doc.signatures.length > MAX_ROOT_SIGNATURES) {
    throw rootProblem('signature_count', 'root-signature-count', { max: MAX_ROOT_SIGNATURES, count: doc.signatures.length });
  }
  const payload = b64decode(doc.payload);
  if (payload === null) throw rootProblem('base64', 'root-base64');
  const claims = await rootClaims(payload);
  const signatures = [];
  for (const [index, entry] of doc.signatures.entries()) {
    const headerBytes = b64decode(entry.protected);
    if (headerBytes === null) throw rootProblem('base64', 'root-base64');
    let header;
    try {
      header = parseHeader(headerBytes, ROOT_TYP);
    } catch (e) {
      if (!(e instanceof TokenError)) throw e;
      throw rootProblem('signature_header', 'root-signature-header', { index, error: e.message });
    }
    const signature = b64decode(entry.signature);
    if (signature === null) throw rootProblem('base64', 'root-base64');
    if (signature.length !== 64) throw rootProblem('signature_length', 'root-signature-length', { index });
    signatures.push({ protected: entry.protected, kid: header.kid, signature });
  }
  return { payload: doc.payload, claims, signatures };
}

/** Whether at least `threshold` distinct keys of `keys` have a verifying signature entry on
 * `doc` (§5.9.2): a key counts once; entries of other keys, or that do not verify, not at all. */
async function signedByThreshold(doc, keys, threshold) {
  const counted = [];
  for (const entry of doc.signatures) {
    const key = keys.find((k) => k.kid === entry.kid);
    if (key === undefined || counted.includes(key.kid)) continue;
    if (await checkSignature(key, UTF8.encode(`${entry.protected}.${doc.payload}`), entry.signature)) counted.push(key.kid);
  }
  return counted.length >= threshold;
}

/**
 * Reads a pinned root document (FORMAT.md §5.9.2: `root.json`, given as text, bytes or a parsed
 * object): well formed, and signed by a threshold of its own root keys. Throws FederationError.
 */
export async function pinRoot(doc) {
  let root;
  try {
    root = await parseRootDocument(documentBytes(doc));
  } catch (e) {
    if (!(e instanceof RootProblem)) throw e;
    throw fedError('root', 'fed-root', { error: e.message }, e.problem);
  }
  if (!(await signedByThreshold(root, root.claims.root_keys, root.claims.root_threshold))) {
    throw fedError('pinned_not_signed', 'fed-pinned-not-signed', { version: root.claims.version });
  }
  return root;
}

/** Parses a root document that is not pinned (one of a chain), as text, bytes or an object. */
export async function parseRoot(doc) {
  try {
    return await parseRootDocument(documentBytes(doc));
  } catch (e) {
    if (!(e instanceof RootProblem)) throw e;
    throw fedError('root', 'fed-root', { error: e.message }, e.problem);
  }
}

/** Checks that `next` is the next root of the trusted `current` (FORMAT.md §5.9.3). */
async function checkNextRoot(current, next) {
  const c = current.claims;
  const n = next.claims;
  if (n.federation !== c.federation) {
    throw fedError('federation_mismatch', 'fed-federation-mismatch', { pinned: c.federation, bundle: truncate(n.federation) });
  }
  if (n.version !== c.version + 1) throw fedError('root_gap', 'fed-root-gap', { have: c.version, next: n.version });
  if (!(await signedByThreshold(next, c.root_keys, c.root_threshold))) {
    throw fedError('root_not_authorised', 'fed-root-not-authorised', { version: n.version });
  }
  if (!(await signedByThreshold(next, n.root_keys, n.root_threshold))) {
    throw fedError('root_not_self_signed', 'fed-root-not-self-signed', { version: n.version });
  }
}

/**
 * Walks `chain` (parsed root documents, from parseRoot) forward from the trusted `pinned` root
 * (FORMAT.md §5.9.5 step 5) and returns the newest root reached. Older versions are skipped, the
 * same version must be byte-identical, each newer one must be the next root. Throws
 * FederationError.
 */
export async function walkRoots(pinned, chain) {
  let current = pinned;
  for (const doc of chain) {
    const have = current.claims.version;
    const v = doc.claims.version;
    if (v < have) continue;
    if (v === have) {
      if (doc.payload !== current.payload) throw fedError('root_conflict', 'fed-root-conflict', { version: v });
      continue;
    }
    await checkNextRoot(current, doc);
    current = doc;
  }
  return current;
}

function shapeBundle(v) {
  const c = object(v, 'trust bundle claims', ['federation', 'seq', 'iat', 'fresh_until', 'root', 'roots', 'verify_url', 'issuers']);
  const array = (name) => member(c, name, (a) => {
    if (!Array.isArray(a)) throw new ShapeError(`${name}: invalid type: ${typeName(a)}, expected an array`);
    return a;
  });
  const window = (w, name) => {
    const o = object(w, name, ['nbf', 'exp']);
    return { nbf: member(o, 'nbf', i64), exp: member(o, 'exp', i64, true) };
  };
  return {
    federation: member(c, 'federation', str),
    seq: member(c, 'seq', u64),
    iat: member(c, 'iat', i64),
    fresh_until: member(c, 'fresh_until', i64),
    root: member(c, 'root', u64),
    roots: array('roots'),
    verify_url: member(c, 'verify_url', str, true),
    issuers: array('issuers').map((e) => {
      const o = object(e, 'an issuer entry', ['key_set', 'accredited', 'scope', 'suspended', 'status']);
      const suspended = member(o, 'suspended', (s) => {
        const so = object(s, 'suspended', ['from', 'reason']);
        return { from: member(so, 'from', i64), reason: member(so, 'reason', str) };
      }, true);
      return {
        key_set: member(o, 'key_set', (x) => x),
        accredited: member(o, 'accredited', window),
        scope: member(o, 'scope', (a, name) => {
          if (!Array.isArray(a)) throw new ShapeError(`${name}: invalid type: ${typeName(a)}, expected an array`);
          return a.map((s) => {
            const so = object(s, 'a scope entry', ['ec', 'nbf', 'exp']);
            return { ec: member(so, 'ec', str), nbf: member(so, 'nbf', i64), exp: member(so, 'exp', i64, true) };
          });
        }),
        suspended,
        status: member(o, 'status', str, true),
      };
    }),
  };
}

/** The status-list part of addStatusList that needs no key (§5.8.4): its `iss`, or a problem. */
function statusIssuer(token) {
  let jws;
  try {
    jws = decodeJws(trimWhiteSpace(token), MAX_STATUS_TOKEN_LEN, STATUS_TYP, shapeStatusClaims);
  } catch (e) {
    if (e instanceof TokenError) throw new Error(say('status-token', { error: e.message }));
    throw e;
  }
  const c = jws.payload;
  if (!isIssuerId(c.iss)) throw new Error(say('status-claims', { problem: say('claim-error', { field: 'iss', problem: say('problem-issuer-id') }) }));
  if (!(c.iat >= 0 && c.iat <= MAX_TIME && c.exp >= 0 && c.exp <= MAX_TIME && c.exp > c.iat)) {
    throw new Error(say('status-claims', { problem: say('problem-status-times') }));
  }
  if (c.size < MIN_ENTRIES || c.size > MAX_ENTRIES || c.size % 8n !== 0n) {
    throw new Error(say('status-size', { min: MIN_ENTRIES, max: MAX_ENTRIES, size: c.size }));
  }
  const gz = b64decode(c.lst);
  if (gz === null) throw new Error(say('status-encoding', { problem: say('status-not-base64') }));
  try {
    gunzip(gz, Number(c.size) / 8);
  } catch (e) {
    if (!(e instanceof GzipError)) throw e;
    throw new Error(say('status-encoding', { problem: e.message }));
  }
  return c.iss;
}

async function issuerEntry(doc) {
  let keySet;
  try {
    keySet = await parseKeySet(UTF8.encode(compactJson(doc.key_set)));
  } catch (e) {
    if (e instanceof TypeError) throw e;
    throw new BundleProblem('issuer', e.message);
  }
  if (!windowOk(doc.accredited)) throw bundleProblem('issuer', 'entry-accredited');
  if (doc.scope.length === 0 || doc.scope.length > MAX_SCOPE) {
    throw bundleProblem('issuer', 'entry-scope-count', { max: MAX_SCOPE, count: doc.scope.length });
  }
  for (const [index, s] of doc.scope.entries()) {
    const problem = textProblem(s.ec, 32);
    if (problem) throw bundleProblem('issuer', 'entry-scope-code', { index, problem: say('claim-error', { field: 'ec', problem }) });
    if (!windowOk(s)) throw bundleProblem('issuer', 'entry-scope-window', { index });
  }
  if (doc.suspended !== undefined && (!timeOk(doc.suspended.from) || textProblem(doc.suspended.reason, 200) !== null)) {
    throw bundleProblem('issuer', 'entry-suspended');
  }
  let status;
  if (doc.status !== undefined) {
    let iss;
    try {
      iss = statusIssuer(doc.status);
    } catch (e) {
      if (e instanceof TypeError) throw e;
      throw bundleProblem('issuer', 'entry-status', { error: e.message });
    }
    if (iss !== keySet.issuer.id) throw bundleProblem('issuer', 'entry-status-issuer');
    status = trimWhiteSpace(doc.status);
  }
  return { key_set: keySet, accredited: doc.accredited, scope: doc.scope, suspended: doc.suspended, status };
}

/** Parses a trust bundle (§5.9.4; §5.9.5 steps 1, 2 and the shapes of 5 and 10). Throws
 * BundleProblem. */
async function decodeTrustBundle(text) {
  let jws;
  try {
    jws = decodeJws(text, MAX_TRUST_BUNDLE_BYTES, BUNDLE_TYP, shapeBundle);
  } catch (e) {
    if (!(e instanceof TokenError)) throw e;
    throw bundleProblem('token', 'bundle-token', { error: e.message });
  }
  const d = jws.payload;
  if (!isIssuerId(d.federation)) throw bundleProblem('federation', 'bundle-federation', { problem: say('problem-issuer-id') });
  if (d.seq === 0n || d.seq > MAX_SEQ) throw bundleProblem('seq', 'bundle-seq');
  if (!timeOk(d.iat) || !timeOk(d.fresh_until) || d.fresh_until <= d.iat) throw bundleProblem('times', 'bundle-times');
  if (d.root === 0n || d.root > BigInt(MAX_ROOT_VERSION) || d.roots.length > MAX_CHAIN) throw bundleProblem('chain', 'bundle-chain');
  const roots = [];
  for (const [index, value] of d.roots.entries()) {
    let root;
    try {
      root = await parseRootDocument(UTF8.encode(compactJson(value)));
    } catch (e) {
      if (!(e instanceof RootProblem)) throw e;
      throw bundleProblem('root', 'bundle-root', { index, error: e.message });
    }
    if (root.claims.federation !== d.federation) throw bundleProblem('chain', 'bundle-chain');
    const prev = roots.at(-1);
    if (prev !== undefined && root.claims.version !== prev.claims.version + 1) throw bundleProblem('chain', 'bundle-chain');
    roots.push(root);
  }
  if (roots.length > 0 && BigInt(roots.at(-1).claims.version) !== d.root) throw bundleProblem('chain', 'bundle-chain');
  if (d.verify_url !== undefined) {
    const problem = verifyUrlProblem(d.verify_url);
    if (problem) throw bundleProblem('verify_url', 'bundle-url', { problem });
  }
  if (d.issuers.length > MAX_ISSUERS) throw bundleProblem('issuer_count', 'bundle-issuer-count', { max: MAX_ISSUERS, count: d.issuers.length });
  const issuers = [];
  const ids = new Set();
  for (const [index, e] of d.issuers.entries()) {
    let entry;
    try {
      entry = await issuerEntry(e);
    } catch (err) {
      if (!(err instanceof BundleProblem)) throw err;
      throw new BundleProblem('issuer', say('bundle-issuer', { index, problem: err.message }));
    }
    if (ids.has(entry.key_set.issuer.id)) {
      throw bundleProblem('duplicate_issuer', 'bundle-duplicate-issuer', { issuer: truncate(entry.key_set.issuer.id) });
    }
    ids.add(entry.key_set.issuer.id);
    issuers.push(entry);
  }
  return {
    header: jws.header,
    signingInput: jws.signingInput,
    signature: jws.signature,
    claims: {
      federation: d.federation, seq: Number(d.seq), iat: d.iat, fresh_until: d.fresh_until, root: Number(d.root),
      roots, verify_url: d.verify_url ?? null, issuers,
    },
  };
}

async function sha256Hex(text) {
  const digest = new Uint8Array(await subtle().digest('SHA-256', UTF8.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @typedef {object} AcceptedBundle
 * @property {object} claims  federation, seq, iat, fresh_until, root, roots, verify_url, issuers
 * @property {object} root  the newest root reached (its registry key signed)
 * @property {string} kid  the registry key that signed
 * @property {string} sha256  SHA-256 of the bundle's text (white space around it removed), hex
 * @property {string} pinned  the fingerprint of the pinned root it was accepted against
 */

/**
 * Accepts a trust bundle against a pinned root (from pinRoot) at time `at` (FORMAT.md §5.9.5
 * steps 1–10; the ratchet, step 11, is checkRatchet or acceptBundleWithState). `maxAge`, in
 * seconds, refuses an older bundle; without it a stale bundle is accepted (see isFresh).
 * @returns {Promise<AcceptedBundle>}
 * @throws {FederationError}
 */
export async function acceptBundle(pinned, text, { at = Math.floor(Date.now() / 1000), leeway = 60, maxAge = null } = {}) {
  if (typeof text !== 'string') throw new TypeError('a trust bundle is a string (its compact JWS)');
  const now = clampedInteger(at, 'at');
  const trimmed = trimWhiteSpace(text);
  let bundle;
  try {
    bundle = await decodeTrustBundle(trimmed);
  } catch (e) {
    if (!(e instanceof BundleProblem)) throw e;
    throw new FederationError('bundle', say('fed-bundle', { error: e.message }), e.problem);
  }
  const c = bundle.claims;
  if (c.federation !== pinned.claims.federation) {
    throw fedError('federation_mismatch', 'fed-federation-mismatch', { pinned: pinned.claims.federation, bundle: truncate(c.federation) });
  }
  const root = await walkRoots(pinned, c.roots);
  if (root.claims.version !== c.root) throw fedError('root_version', 'fed-root-version', { reached: root.claims.version, bundle: c.root });
  const kid = bundle.header.kid;
  const key = root.claims.registry_keys.find((k) => k.kid === kid);
  if (key === undefined) {
    if (root.claims.root_keys.some((k) => k.kid === kid)) throw fedError('signed_by_root_key', 'fed-signed-by-root-key');
    throw fedError('unknown_signer', 'fed-unknown-signer', { kid: truncate(kid) });
  }
  if (!(await checkSignature(key, bundle.signingInput, bundle.signature))) throw fedError('bad_signature', 'fed-bad-signature');
  const lw = Math.max(0, Math.min(MAX_LEEWAY, clampedInteger(leeway, 'leeway')));
  if (c.iat > now + lw) throw fedError('from_future', 'fed-from-future', { iat: c.iat });
  if (maxAge !== null && maxAge !== undefined && now - c.iat > clampedInteger(maxAge, 'maxAge')) {
    throw fedError('too_old', 'fed-too-old', { iat: c.iat, max: clampedInteger(maxAge, 'maxAge') });
  }
  for (const entry of c.issuers) {
    if (entry.status === undefined) continue;
    const store = new TrustStore();
    store.add(entry.key_set);
    try {
      await addStatusList(store, entry.status);
    } catch (e) {
      if (e instanceof TypeError) throw e;
      throw fedError('status', 'fed-status', { issuer: entry.key_set.issuer.id, error: e.message });
    }
  }
  return { claims: c, root, kid, sha256: await sha256Hex(trimmed), pinned: await rootFingerprint(pinned) };
}

/** A root document's fingerprint (FORMAT.md §5.9.2): the SHA-256 of its payload text, hex. */
export function rootFingerprint(root) {
  return sha256Hex(root.payload);
}

/** Whether an accepted bundle is fresh at `at` (`at < fresh_until`). */
export function isFresh(bundle, at = Math.floor(Date.now() / 1000)) {
  return at < bundle.claims.fresh_until;
}

/**
 * The ratchet (FORMAT.md §5.9.6): checks `bundle` (accepted) against the stored record
 * `{ root, seq, sha256 }` (null: anything goes) and returns the record to store.
 * @throws {FederationError} 'root_rollback', 'rollback' or 'equivocation'
 */
export function checkRatchet(stored, bundle) {
  const next = { root: bundle.claims.root, seq: bundle.claims.seq, sha256: bundle.sha256 };
  if (stored === null || stored === undefined) return next;
  if (next.root < stored.root) throw fedError('root_rollback', 'fed-root-rollback', { root: next.root, stored: stored.root });
  if (next.root === stored.root) {
    if (next.seq < stored.seq) throw fedError('rollback', 'fed-rollback', { seq: next.seq, stored: stored.seq });
    if (next.seq === stored.seq && next.sha256 !== stored.sha256) throw fedError('equivocation', 'fed-equivocation', { seq: next.seq });
  }
  return next;
}

/** A storage with getItem/setItem over a Map (Node, tests); in a browser pass localStorage. */
export class MemoryStorage {
  constructor() {
    this.map = new Map();
  }

  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }

  setItem(key, value) {
    this.map.set(key, String(value));
  }
}

/** The storage key of a ratchet record (one per federation and pinned root, FORMAT.md §5.9.6),
 * and of a federation's remembered root. */
const ratchetKey = (federation, pinned) => `sello-federation:${federation}:${pinned}:ratchet`;
const rootKey = (federation) => `sello-federation:${federation}:root`;

function storedRecord(storage, federation, pinned) {
  const text = storage.getItem(ratchetKey(federation, pinned));
  if (text === null) return null;
  try {
    const v = object(parseStrictJson(UTF8.encode(text), 4096), 'the ratchet record', ['root', 'seq', 'sha256']);
    return { root: Number(member(v, 'root', u32)), seq: Number(member(v, 'seq', u64)), sha256: member(v, 'sha256', str) };
  } catch {
    throw fedError('state_corrupt', 'fed-state-corrupt', { path: ratchetKey(federation, pinned) });
  }
}

/** Carries the record of the pinned root `from` over to its successor `to` (walked from it, so
 * the same line of trust, not a new pin), unless `to` has a newer one. */
async function carryRecord(storage, federation, from, to) {
  const record = storedRecord(storage, federation, await rootFingerprint(from));
  if (record === null) return;
  const key = ratchetKey(federation, await rootFingerprint(to));
  const there = storedRecord(storage, federation, await rootFingerprint(to));
  try {
    if (there !== null) checkRatchet(there, { claims: record, sha256: record.sha256 });
  } catch {
    return;
  }
  storage.setItem(key, JSON.stringify(record));
}

/** The text a root document is remembered as. */
function rootText(root) {
  return compactJson({
    payload: root.payload,
    signatures: root.signatures.map((s) => ({ protected: s.protected, signature: b64encode(s.signature) })),
  });
}

/**
 * acceptBundle, then the ratchet against the record kept in `storage` (localStorage in a
 * browser, a MemoryStorage elsewhere; one record per federation and pinned root, as the
 * reference keeps them), which is then replaced, and the newest root reached remembered (see
 * pinRootWithMemory) with the record carried over to it. All is written only once every other
 * check passed.
 * @returns {Promise<AcceptedBundle>}
 * @throws {FederationError}
 */
export async function acceptBundleWithState(pinned, text, { storage, ...options } = {}) {
  const bundle = await acceptBundle(pinned, text, options);
  const federation = bundle.claims.federation;
  const record = checkRatchet(storedRecord(storage, federation, bundle.pinned), bundle);
  storage.setItem(ratchetKey(federation, bundle.pinned), JSON.stringify(record));
  const remembered = await rememberedRoot(storage, federation);
  if (remembered === null || remembered.claims.version < bundle.root.claims.version) {
    storage.setItem(rootKey(federation), rootText(bundle.root));
    if (bundle.root !== pinned) await carryRecord(storage, federation, pinned, bundle.root);
  }
  return bundle;
}

async function rememberedRoot(storage, federation) {
  const text = storage.getItem(rootKey(federation));
  if (text === null) return null;
  try {
    return await pinRoot(text);
  } catch {
    throw fedError('state_corrupt', 'fed-state-corrupt', { path: rootKey(federation) });
  }
}

/**
 * The root to pin for `doc` (root.json as served), with the root remembered for its federation
 * in `storage`. The first root seen is remembered. Later: an older version, or the same one
 * (which must be identical: else 'root_conflict'), leaves the remembered root in use; the next
 * version must be signed as §5.9.3 requires (else refused) and replaces it; a version further
 * ahead leaves the remembered root in use, for the bundle's chain to walk from (§5.9.5 step 5).
 * A root is never replaced but by its successor.
 * @returns {Promise<object>} the root to pin
 * @throws {FederationError}
 */
export async function pinRootWithMemory(doc, storage) {
  const offered = await pinRoot(doc);
  const federation = offered.claims.federation;
  const remembered = await rememberedRoot(storage, federation);
  if (remembered !== null) {
    if (offered.claims.version <= remembered.claims.version) {
      if (offered.claims.version === remembered.claims.version && offered.payload !== remembered.payload) {
        throw fedError('root_conflict', 'fed-root-conflict', { version: offered.claims.version });
      }
      return remembered;
    }
    if (offered.claims.version > remembered.claims.version + 1) return remembered;
    await walkRoots(remembered, [offered]);
    await carryRecord(storage, federation, remembered, offered);
  }
  storage.setItem(rootKey(federation), rootText(offered));
  return offered;
}

/**
 * The trust store of an accepted bundle (§5.9.5): its issuers' key sets and the status lists
 * they carry, with the federation's decisions, so that verify applies §6.2.1.
 * @returns {Promise<TrustStore>}
 */
export async function trustStoreFromBundle(bundle) {
  const c = bundle.claims;
  const store = new TrustStore();
  for (const e of c.issuers) store.add(e.key_set);
  for (const e of c.issuers) if (e.status !== undefined) await addStatusList(store, e.status);
  store.federation = Object.freeze({
    id: c.federation, name: bundle.root.claims.name, seq: c.seq, iat: c.iat, fresh_until: c.fresh_until,
    verify_url: c.verify_url, issuers: new Map(c.issuers.map((e) => [e.key_set.issuer.id, e])),
  });
  return store;
}

/** A date as YYYY-MM-DD (UTC) of seconds since the epoch, as bundles show them. */
export function utcDate(t) {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

/**
 * The trust chain of a Verification (its `trust`) in words, in `lang`: "CECATI 149, acreditado
 * por CONOCER para EC0105 desde 2026-01-01 (según el paquete de confianza del 2026-03-01)", and
 * the staleness note when the bundle was not fresh, as the reference's TrustChain::describe.
 * Names are escaped; the text is still to be shown as text (textContent), never as HTML.
 */
export function describeTrust(trust, issuerName, lang) {
  const base = { issuer: escapeText(issuerName), federation: escapeText(trust.federation_name), as_of: utcDate(trust.trust_as_of) };
  let text = trust.standard !== undefined && trust.standard_since !== undefined
    ? formatMessage(lang, 'trust-chain-standard', { ...base, standard: escapeText(trust.standard), since: utcDate(trust.standard_since) })
    : formatMessage(lang, 'trust-chain', { ...base, since: utcDate(trust.accredited_since) });
  if (!trust.fresh) text += ` ${formatMessage(lang, 'trust-chain-stale')}`;
  return text;
}

export const _internal = Object.freeze({
  b64decode, b64encode, parseStrictJson, JsonNumber, decodePoint, isSmallOrder, checkSignature,
  gunzip, crc32, trimWhiteSpace, utf8Length, FORBIDDEN, isForbidden, compactJson, sha256Hex,
});
