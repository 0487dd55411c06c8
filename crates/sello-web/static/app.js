// Sello verification page. No framework, no build step.
//
// A token in the URL's fragment (#…) is verified at once. When the browser has WebCrypto
// Ed25519, verification happens here, with the key sets and status lists of keys.json, and
// the token is never sent anywhere; otherwise the page asks the service (POST api/verify).
// All paths are relative, so a static copy (`sello site export`) works from any folder.

import {
  supportsEd25519, loadBundle, verify, MESSAGES,
} from './sello-verify.js';

// Every string of the page, in one table. Verdict headlines and reason explanations come from
// MESSAGES of sello-verify.js.
const TEXT = {
  es: {
    pageTitle: 'Sello — Verificar un certificado',
    title: 'Verificar un certificado',
    inputsTitle: 'Lea el código QR del certificado',
    intro: 'Escanee el código con la cámara, suba una foto o pegue su contenido.',
    scan: 'Escanear con la cámara',
    photo: 'Subir una foto del código',
    stop: 'Detener la cámara',
    pasteLabel: 'O pegue aquí el texto o el enlace del código QR',
    verify: 'Verificar',
    privacy: 'Sello comprueba la firma digital (Ed25519) del emisor. Cuando su navegador lo permite, la verificación se hace en este dispositivo y el certificado no se envía a ningún servidor.',
    switchTo: 'English',
    switchLang: 'en',
    holder: 'Titular',
    holderId: 'Identificación (CURP)',
    achievement: 'Estándar',
    level: 'nivel',
    unit: 'Unidad',
    issuer: 'Emisor',
    serial: 'Folio',
    issued: 'Emitido',
    validFrom: 'Válido desde',
    expires: 'Vence',
    technical: 'Detalle técnico',
    reasonCode: 'Código',
    key: 'Llave',
    here: 'Verificado en este dispositivo: el certificado no se envió a ningún servidor.',
    server: 'Verificado por el servicio de verificación.',
    qrNumber: 'Código QR',
    verifying: 'Verificando…',
    looking: 'Apunte la cámara al código QR…',
    empty: 'Pegue el texto o el enlace del código QR.',
    noCamera: 'Este navegador no puede usar la cámara. Suba una foto del código.',
    cameraDenied: 'No se pudo abrir la cámara (¿se negó el permiso?). Suba una foto del código.',
    noQr: 'No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.',
    noServer: 'Este navegador no puede verificar por sí mismo y no hay servicio de verificación. Use un navegador actualizado.',
    noDecoder: 'Este navegador no puede leer códigos QR sin el servicio de verificación. Pegue el enlace del código o use un navegador actualizado.',
    network: 'No se pudo consultar el servicio de verificación. Revise su conexión e intente de nuevo.',
    statusRefused: 'Atención: no se aceptó una lista de estado publicada; los certificados de ese emisor saldrán como «no se pudo confirmar».',
    keysFailed: 'No se pudieron cargar las llaves de los emisores.',
    error: {
      too_large: 'La imagen es demasiado grande (máximo 20 MiB).',
      bad_image: 'El archivo no es una imagen PNG o JPEG legible.',
      no_qr_code: 'No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.',
      timeout: 'La verificación tardó demasiado; intente de nuevo.',
    },
  },
  en: {
    pageTitle: 'Sello — Verify a certificate',
    title: 'Verify a certificate',
    inputsTitle: 'Read the certificate\u2019s QR code',
    intro: 'Scan the code with the camera, upload a photo or paste its content.',
    scan: 'Scan with the camera',
    photo: 'Upload a photo of the code',
    stop: 'Stop the camera',
    pasteLabel: 'Or paste the QR code\u2019s text or link here',
    verify: 'Verify',
    privacy: 'Sello checks the issuer\u2019s digital signature (Ed25519). When your browser can, verification happens on this device and the certificate is not sent to any server.',
    switchTo: 'Español',
    switchLang: 'es',
    holder: 'Holder',
    holderId: 'Id (CURP)',
    achievement: 'Standard',
    level: 'level',
    unit: 'Unit',
    issuer: 'Issuer',
    serial: 'Serial (folio)',
    issued: 'Issued',
    validFrom: 'Valid from',
    expires: 'Expires',
    technical: 'Technical detail',
    reasonCode: 'Code',
    key: 'Key',
    here: 'Verified on this device: the certificate was not sent to any server.',
    server: 'Verified by the verification service.',
    qrNumber: 'QR code',
    verifying: 'Verifying…',
    looking: 'Point the camera at the QR code…',
    empty: 'Paste the QR code\u2019s text or link.',
    noCamera: 'This browser cannot use the camera. Upload a photo of the code instead.',
    cameraDenied: 'The camera could not be opened (was permission denied?). Upload a photo of the code instead.',
    noQr: 'No QR code was found in the image. Try a sharper, closer photo.',
    noServer: 'This browser cannot verify by itself and there is no verification service. Use an up-to-date browser.',
    noDecoder: 'This browser cannot read QR codes without the verification service. Paste the code\u2019s link or use an up-to-date browser.',
    network: 'The verification service could not be reached. Check your connection and try again.',
    statusRefused: 'Warning: a published status list was not accepted; certificates of that issuer will come out as "could not be confirmed".',
    keysFailed: 'The issuers\u2019 keys could not be loaded.',
    error: {
      too_large: 'The image is too large (20 MiB at most).',
      bad_image: 'The file is not a readable PNG or JPEG image.',
      no_qr_code: 'No QR code was found in the image. Try a sharper, closer photo.',
      timeout: 'Verification took too long; please try again.',
    },
  },
};

const $ = (id) => document.getElementById(id);
const resultBox = $('result');
const statusLine = $('status');
const video = $('video');

let lang = (navigator.language || 'es').toLowerCase().startsWith('en') ? 'en' : 'es';
let shown = null; // { results, where } of the last verification, re-rendered on a language switch
let localSupport = null;
let trustPromise = null;
let camera = null; // { stream, timer }

const text = () => TEXT[lang];

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
  if (shown) render(shown.results, shown.where, false);
}

$('lang-switch').addEventListener('click', () => {
  lang = lang === 'es' ? 'en' : 'es';
  applyLanguage();
});

// ---- status line ----------------------------------------------------------------------------

function say(message, isError = false) {
  statusLine.textContent = message || '';
  statusLine.classList.toggle('error', Boolean(isError));
}

// ---- verification ---------------------------------------------------------------------------

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

function trustStore() {
  if (!trustPromise) {
    trustPromise = (async () => {
      const response = await fetch('keys.json', { cache: 'no-cache', credentials: 'omit' });
      if (!response.ok) throw new Error(`keys.json: HTTP ${response.status}`);
      const { store, refused } = await loadBundle(await response.text());
      // A list that is not accepted is not used (its certificates come out indeterminate),
      // and the person is told.
      if (refused.length) say(`${text().statusRefused} ${refused.join('; ')}`, true);
      return store;
    })();
    trustPromise.catch(() => { trustPromise = null; });
  }
  return trustPromise;
}

// Asks the service. Resolves to { results } or { error: code, message }.
async function askServer(body, contentType) {
  let response;
  try {
    const init = { method: 'POST', body, credentials: 'omit', cache: 'no-store' };
    if (contentType) init.headers = { 'content-type': contentType };
    response = await fetch(`api/verify?lang=${lang}`, init);
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

async function verifyText(raw) {
  const input = (raw || '').trim();
  if (!input) {
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
      const result = await verify(input, store);
      say('');
      render([result], 'here');
      return;
    }
    const answer = await askServer(JSON.stringify({ token: input }), 'application/json');
    showAnswer(answer);
  } catch {
    say(text().network, true);
  }
}

function showAnswer(answer, fromImage = false) {
  if (answer.error === 'no_server' && fromImage) {
    say(text().noDecoder, true);
    return;
  }
  if (answer.error) {
    say(text().error[answer.error] || answer.message || text().network, true);
    return;
  }
  say('');
  render(answer.results, 'server');
}

// ---- rendering ------------------------------------------------------------------------------

function formatTime(seconds, withTime) {
  if (typeof seconds !== 'number') return '';
  const date = new Date(seconds * 1000);
  const options = { dateStyle: 'long', timeZone: 'UTC' };
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  if (withTime && !midnight) options.timeStyle = 'short';
  const formatted = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', options).format(date);
  return withTime && !midnight ? `${formatted} UTC` : formatted;
}

function element(tag, className, content) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (content !== undefined) el.textContent = content;
  return el;
}

function field(list, label, value, className) {
  if (value === undefined || value === null || value === '') return;
  const row = element('div', className);
  row.append(element('dt', null, label), element('dd', null, String(value)));
  list.append(row);
}

// Verdict headlines and reason explanations: the verifier module's, the same as the CLI's.
const messages = () => MESSAGES[lang];

function explanation(result) {
  const key = result.reason || 'valid';
  return messages()[key] || result.message || key;
}

function card(result, where, index, count) {
  const t = text();
  const verdict = ['valid', 'invalid', 'indeterminate'].includes(result.verdict)
    ? result.verdict : 'invalid';
  const box = element('article', `card ${verdict}`);
  const heading = element('h2', 'verdict');
  const mark = { valid: '✔', invalid: '✘', indeterminate: '?' }[verdict];
  heading.append(element('span', 'mark', mark), element('span', null, messages().headline[verdict]));
  heading.querySelector('.mark').setAttribute('aria-hidden', 'true');
  box.append(heading);
  box.append(element('p', 'explanation', explanation(result)));

  const fields = element('dl', 'fields');
  const claims = result.claims;
  if (count > 1) field(fields, t.qrNumber, `${index + 1} / ${count}`);
  if (claims && claims.cert) {
    const cert = claims.cert;
    const holder = cert.h || {};
    field(fields, t.holder, holder.n, 'holder');
    field(fields, t.holderId, holder.id);
    const achievement = cert.a || {};
    let what = [achievement.c, achievement.t].filter(Boolean).join(' — ');
    if (achievement.l) what += ` (${t.level} ${achievement.l})`;
    field(fields, t.achievement, what);
    field(fields, t.unit, cert.u);
    for (const [key, value] of Object.entries(cert.x || {})) field(fields, key, value);
    field(fields, t.serial, claims.jti);
    field(fields, t.issued, formatTime(claims.iat, false));
    if (claims.nbf !== undefined) field(fields, t.validFrom, formatTime(claims.nbf, true));
    if (claims.exp !== undefined) field(fields, t.expires, formatTime(claims.exp, true));
  }
  if (result.issuer) {
    const issuer = result.issuer;
    const name = issuer.name || issuer.issuer_name;
    const id = issuer.id || issuer.issuer;
    field(fields, t.issuer, name && id ? `${name} (${id})` : name || id);
  }
  if (fields.childElementCount) box.append(fields);

  box.append(element('p', 'where', where === 'here' ? t.here : t.server));
  if (result.reason || result.kid) {
    const details = element('details', 'technical');
    details.append(element('summary', null, t.technical));
    const list = element('dl', 'fields');
    field(list, t.reasonCode, result.reason);
    field(list, t.key, result.kid);
    if (result.verdict !== 'valid') field(list, 'detail', result.detail);
    details.append(list);
    box.append(details);
  }
  return box;
}

function render(results, where, focus = true) {
  shown = { results, where };
  resultBox.replaceChildren(...results.map((r, i) => card(r, where, i, results.length)));
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

// A photo: read on this device when the browser has a QR detector, else by the service.
async function verifyPhoto(file) {
  if (!file) return;
  say(text().verifying);
  const detector = await qrDetector();
  if (detector) {
    try {
      const bitmap = await createImageBitmap(file);
      const codes = await detector.detect(bitmap);
      if (codes.length) {
        await verifyText(codes[0].rawValue);
        return;
      }
    } catch {
      // Fall through to the service, whose decoder reads harder photos.
    }
  }
  const form = new FormData();
  form.append('image', file, file.name || 'photo');
  showAnswer(await askServer(form), true);
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
        stopCamera();
        await verifyText(codes[0].rawValue);
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
      showAnswer(answer, true);
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
  verifyText($('paste').value);
});

function fromFragment() {
  let fragment = location.hash.slice(1);
  if (!fragment) return;
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Keep it as it is: the verifier will say what is wrong with it.
  }
  verifyText(fragment);
}

window.addEventListener('hashchange', fromFragment);
applyLanguage();
fromFragment();
