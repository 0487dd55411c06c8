// Generated from the i18n/*.ftl of sello-core, sello-verifier and sello-web by
// sello_web::messages_js: do not edit.
// Rewrite with SELLO_WRITE_MESSAGES=1 cargo test -p sello-web --lib messages.
//
// CATALOG[lang][id] is a pattern: a string, or an array of strings, {"var": name} and
// {"select": name, "variants": {key: pattern}, "default": key} (sello-verify.js formats it).
export const CATALOG = Object.freeze({
  "en": {
    "api-bad-image": "The file is not a readable PNG or JPEG image.",
    "api-bad-json": "The body is not JSON of the form {\"token\": \"…\"}.",
    "api-bad-multipart": "The multipart form is malformed.",
    "api-batch-size": "Send 1 to 1000 certificates: {\"tokens\": [\"…\", …]} (up to 1 MiB).",
    "api-empty-input": "No certificate was received.",
    "api-no-image": "The form has no image field with a photo.",
    "api-no-qr-code": "No QR code was found in the image. Try a sharper, closer photo.",
    "api-not-a-certificate": "This is not a Sello certificate: the text holds no signed certificate. Send the QR code's whole text or link.",
    "api-not-found": "No such page.",
    "api-several-issuers": "This service trusts several issuers: each one's key set is at /.well-known/jwks/<issuer>.json.",
    "api-timeout": "Verification took too long; please try again.",
    "api-too-large": "The upload is too large (text: 64 KiB; image: 20 MiB).",
    "api-unreadable": "The upload could not be read.",
    "api-unrecognised-input": "The text is not UTF-8.",
    "api-unsupported-media-type": "Send application/json {\"token\": …}, text/plain, a PNG/JPEG image or multipart/form-data with an image field.",
    "banner": [
      "Verification service at ",
      {
        "var": "url"
      },
      " (Ctrl-C to stop)"
    ],
    "bundle-chain": "the trust bundle's root chain is not consecutive versions of its federation ending at its root",
    "bundle-duplicate-issuer": [
      "the trust bundle lists the issuer «",
      {
        "var": "issuer"
      },
      "» twice"
    ],
    "bundle-federation": [
      "the trust bundle's federation id ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer": [
      "issuer ",
      {
        "var": "index"
      },
      " of the trust bundle: ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer-count": [
      "a trust bundle has at most ",
      {
        "var": "max"
      },
      " issuers; this one has ",
      {
        "var": "count"
      }
    ],
    "bundle-root": [
      "root document ",
      {
        "var": "index"
      },
      " of the trust bundle: ",
      {
        "var": "error"
      }
    ],
    "bundle-seq": "the trust bundle's seq must be 1 to 2^53 − 1",
    "bundle-times": "the trust bundle's iat and fresh_until must be from 1970 to the year 9999, fresh_until after iat",
    "bundle-token": [
      "trust bundle: ",
      {
        "var": "error"
      }
    ],
    "bundle-url": [
      "the trust bundle's verification URL: ",
      {
        "var": "problem"
      }
    ],
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "date-form": "not a date YYYY-MM-DD",
    "date-no-such-day": "no such day",
    "detail-bad-signature": [
      "the Ed25519 signature does not verify with key ",
      {
        "var": "kid"
      }
    ],
    "detail-expired": "exp has passed",
    "detail-iat-future": "iat is in the future",
    "detail-issuer-newer-than-bundle": "the issuer is not in the trust bundle, which is older than the token",
    "detail-key-newer-than-bundle": "the key is not in the trust bundle, which is older than the token",
    "detail-key-revoked": "the key was revoked at or before iat",
    "detail-key-window": "iat is outside the key's signing window",
    "detail-nbf-future": "nbf is in the future",
    "detail-no-status-list": "the certificate has a status entry and no status list of its issuer is loaded",
    "detail-not-accredited": "iat is outside the issuer's accreditation window",
    "detail-not-in-bundle": "the issuer has no entry in the trust bundle",
    "detail-out-of-scope": [
      "the issuer was not accredited for ",
      {
        "var": "code"
      },
      " at iat"
    ],
    "detail-status-beyond": [
      "status index ",
      {
        "var": "idx"
      },
      " is beyond the status list's ",
      {
        "var": "len"
      },
      " entries"
    ],
    "detail-status-expired": [
      "the issuer's status list expired (exp ",
      {
        "var": "exp"
      },
      ")"
    ],
    "detail-status-lists-later": "the certificate has a status entry and every status list of its issuer is dated after the verification time",
    "detail-status-set": [
      "entry ",
      {
        "var": "idx"
      },
      " of the issuer's status list is set"
    ],
    "detail-suspended": [
      "the federation suspended the issuer from ",
      {
        "var": "from"
      },
      " (",
      {
        "var": "why"
      },
      ")"
    ],
    "detail-unknown-issuer": [
      "no trusted key set for issuer \"",
      {
        "var": "issuer"
      },
      "\""
    ],
    "detail-unknown-key": [
      "issuer ",
      {
        "var": "issuer"
      },
      " publishes no key \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "entry-accredited": "the accreditation window must be from 1970 to the year 9999, exp after nbf",
    "entry-scope-code": [
      "scope entry ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "entry-scope-count": [
      "the scope has 1 to ",
      {
        "var": "max"
      },
      " standards; this one has ",
      {
        "var": "count"
      }
    ],
    "entry-scope-window": [
      "scope entry ",
      {
        "var": "index"
      },
      ": the window must be from 1970 to the year 9999, exp after nbf"
    ],
    "entry-status": [
      "its status list: ",
      {
        "var": "error"
      }
    ],
    "entry-status-issuer": "its status list belongs to another issuer",
    "entry-suspended": "the suspension needs a time from 1970 to the year 9999 and a reason of 1 to 200 visible characters",
    "export-bad-target": [
      {
        "var": "path"
      },
      ": a symbolic link or not a folder name: refusing to write there"
    ],
    "export-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "export-not-an-export": [
      {
        "var": "path"
      },
      ": not empty and not an earlier sello site export (no ",
      {
        "var": "marker"
      },
      " file): refusing to replace it"
    ],
    "fed-bad-signature": "the trust bundle's signature does not verify: it was altered or forged",
    "fed-bundle": [
      {
        "var": "error"
      }
    ],
    "fed-equivocation": [
      "refused: another trust bundle with the same seq ",
      {
        "var": "seq"
      },
      " was already accepted; the federation signed two different bundles with one number (report it)"
    ],
    "fed-federation-mismatch": [
      "the trust bundle is of federation «",
      {
        "var": "bundle"
      },
      "», not of the pinned root's «",
      {
        "var": "pinned"
      },
      "»"
    ],
    "fed-from-future": [
      "the trust bundle is dated in the future (iat ",
      {
        "var": "iat"
      },
      "); check the clock"
    ],
    "fed-pinned-not-signed": [
      "the pinned root document (version ",
      {
        "var": "version"
      },
      ") is not signed by a threshold of its own root keys"
    ],
    "fed-rollback": [
      "refused: this trust bundle (seq ",
      {
        "var": "seq"
      },
      ") is older than one already accepted (seq ",
      {
        "var": "stored"
      },
      "); get the current one"
    ],
    "fed-root": [
      "the root document: ",
      {
        "var": "error"
      }
    ],
    "fed-root-conflict": [
      "the trust bundle carries a root document of version ",
      {
        "var": "version"
      },
      " different from the trusted one"
    ],
    "fed-root-gap": [
      "the trust bundle's root chain jumps from version ",
      {
        "var": "have"
      },
      " to ",
      {
        "var": "next"
      }
    ],
    "fed-root-not-authorised": [
      "root version ",
      {
        "var": "version"
      },
      " is not signed by a threshold of the previous root's keys"
    ],
    "fed-root-not-self-signed": [
      "root version ",
      {
        "var": "version"
      },
      " is not signed by a threshold of its own root keys"
    ],
    "fed-root-rollback": [
      "refused: this trust bundle is signed under root version ",
      {
        "var": "root"
      },
      ", older than version ",
      {
        "var": "stored"
      },
      " already accepted"
    ],
    "fed-root-version": [
      "the trust bundle is signed under root version ",
      {
        "var": "bundle"
      },
      ", but the chain reaches version ",
      {
        "var": "reached"
      }
    ],
    "fed-signed-by-root-key": "the trust bundle is signed by a root key; only registry keys sign trust bundles",
    "fed-state-corrupt": [
      "the federation state file ",
      {
        "var": "path"
      },
      " is not one Sello writes"
    ],
    "fed-state-io": [
      "the federation state ",
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "fed-status": [
      "the status list of «",
      {
        "var": "issuer"
      },
      "» in the trust bundle: ",
      {
        "var": "error"
      }
    ],
    "fed-too-old": [
      "the trust bundle (iat ",
      {
        "var": "iat"
      },
      ") is older than the maximum age of ",
      {
        "var": "max"
      },
      " ",
      {
        "default": "other",
        "select": "max",
        "variants": {
          "one": "second",
          "other": "seconds"
        }
      }
    ],
    "fed-unknown-signer": [
      "the trust bundle is signed by «",
      {
        "var": "kid"
      },
      "», which is not a registry key of the root"
    ],
    "image-decode": "the image could not be decoded (it is damaged or truncated)",
    "image-dimensions": [
      "the image is ",
      {
        "var": "width"
      },
      "×",
      {
        "var": "height"
      },
      " pixels; the limit is ",
      {
        "var": "side"
      },
      " per side and ",
      {
        "var": "pixels"
      },
      " in all"
    ],
    "image-not-image": "not a PNG or JPEG image",
    "image-stopped": "reading the image was stopped before it finished",
    "image-too-large": [
      "the image is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "input-image": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "input-io": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "input-no-qr": [
      {
        "var": "what"
      },
      ": no QR code found in the image"
    ],
    "input-not-certificate": [
      {
        "var": "what"
      },
      ": not a Sello certificate (a certificate is a token of three parts separated by '.', or a link that ends in #token)"
    ],
    "input-not-found": [
      {
        "var": "what"
      },
      ": no such file, and not a certificate or a link"
    ],
    "input-not-svg": [
      {
        "var": "what"
      },
      ": named .svg, but not an SVG document"
    ],
    "input-pdf": [
      {
        "var": "what"
      },
      ": a PDF is not read; send instead the QR code's PNG that `sello issue --batch` writes next to each PDF (<serial>.png), or a photo or scan of the printed certificate"
    ],
    "input-svg": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      },
      "; send instead the QR code's PNG (`sello issue --qr FILE.png`), or a photo or scan of the printed certificate"
    ],
    "input-too-large": [
      {
        "var": "what"
      },
      ": over the ",
      {
        "var": "max"
      },
      "-byte limit"
    ],
    "input-too-many-files": [
      {
        "var": "what"
      },
      ": more than ",
      {
        "var": "max"
      },
      " files to verify"
    ],
    "input-unrecognised": [
      {
        "var": "what"
      },
      ": neither a PNG, JPEG or SVG image nor text"
    ],
    "io-invalid-data": "the data are not valid",
    "io-is-a-directory": "is a folder",
    "io-not-a-directory": "is not a folder",
    "io-not-found": "no such file or folder",
    "io-other": [
      "read error (",
      {
        "var": "kind"
      },
      ")"
    ],
    "io-permission-denied": "permission denied",
    "io-too-large": "is too large",
    "json-array": "an array where the format has none",
    "json-duplicate": [
      "the member \"",
      {
        "var": "name"
      },
      "\" appears twice"
    ],
    "json-eof": "the JSON ends too early",
    "json-missing-member": [
      "the member \"",
      {
        "var": "name"
      },
      "\" is missing"
    ],
    "json-not-object": "expected a JSON object",
    "json-syntax": [
      "not valid JSON (line ",
      {
        "var": "line"
      },
      ", column ",
      {
        "var": "column"
      },
      ")"
    ],
    "json-too-deep": [
      "it nests more than ",
      {
        "var": "max"
      },
      " levels"
    ],
    "json-too-large": [
      "the document is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "json-trailing": "there is data after the JSON document",
    "json-unknown-member": [
      "the member \"",
      {
        "var": "name"
      },
      "\" is not part of this format"
    ],
    "json-wrong-type": [
      "a value is not of the type the format asks for (line ",
      {
        "var": "line"
      },
      ", column ",
      {
        "var": "column"
      },
      ")"
    ],
    "key-alg": "alg must be EdDSA or Ed25519",
    "key-kid-mismatch": [
      "kid \"",
      {
        "var": "given"
      },
      "\" is not the key's thumbprint id \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "key-not-jwk": [
      "not a valid JWK: ",
      {
        "var": "error"
      }
    ],
    "key-ops": "key_ops does not allow verify",
    "key-private": [
      "contains a private key (member \"",
      {
        "var": "member"
      },
      "\"); publish only public keys"
    ],
    "key-set-duplicate-kid": [
      "two keys share the kid \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "key-set-issuer": [
      "the key set's issuer is invalid: ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-id": [
      "issuer ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-name": [
      "issuer_name ",
      {
        "var": "problem"
      }
    ],
    "key-set-json": [
      "the key set is not valid JSON of the expected shape: ",
      {
        "var": "error"
      }
    ],
    "key-set-key": [
      "key ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "key-set-key-count": [
      "a key set holds 1 to ",
      {
        "var": "max"
      },
      " keys; this one holds ",
      {
        "var": "count"
      }
    ],
    "key-set-labels": [
      "attribute_labels is invalid: ",
      {
        "var": "problem"
      }
    ],
    "key-time-range": [
      {
        "var": "name"
      },
      " must be between 0 and ",
      {
        "var": "max"
      }
    ],
    "key-type": [
      "must be kty OKP with crv Ed25519, not ",
      {
        "var": "kty"
      },
      "/",
      {
        "var": "crv"
      }
    ],
    "key-use": "use must be sig",
    "key-window": "exp must be after nbf",
    "key-x-canonical": "x is not the canonical encoding of its point",
    "key-x-length": "x must be 32 bytes of unpadded base64url",
    "key-x-point": "x is not a valid Ed25519 point",
    "key-x-small-order": "x is a small-order point, which would accept forged signatures",
    "label-count": [
      "at most ",
      {
        "var": "max"
      },
      " attributes with labels; this set has ",
      {
        "var": "count"
      }
    ],
    "label-key": [
      "\"",
      {
        "var": "key"
      },
      "\" is not a field name (1 to 40 characters of a–z, 0–9, '_', '.', '-')"
    ],
    "label-language": [
      {
        "var": "key"
      },
      ": \"",
      {
        "var": "lang"
      },
      "\" is not a language code (2 or 3 lowercase letters, such as es or en)"
    ],
    "label-languages": [
      {
        "var": "key"
      },
      ": the label is given in 1 to ",
      {
        "var": "max"
      },
      " languages"
    ],
    "label-text": [
      {
        "var": "key"
      },
      ".",
      {
        "var": "lang"
      },
      ": the label ",
      {
        "var": "problem"
      },
      " (at most 60 characters)"
    ],
    "load-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "load-keys-and-bundle": "trusted key sets and a trust bundle were both given: through a bundle, the centres it accredits are the ones trusted",
    "load-no-keys": "no trusted key set was given",
    "load-not-a-document": [
      {
        "var": "path"
      },
      ": too large, or not UTF-8 text"
    ],
    "log-accept-failed": "accepting a connection failed",
    "log-bundle-stale": "trust bundle past its freshness date: verdicts are as of its date; publish a newer one",
    "log-cap": "connection cap",
    "log-cap-lowered": "connection cap lowered to fit the open-file limit",
    "log-cap-reached": "connection cap reached: closing the longest-idle connection; new connections wait",
    "log-confusable-issuers": "two trusted issuers a person could take for one another; check that both are legitimate",
    "log-connection-ended": "connection ended",
    "log-decode-started": [
      "decoding an image of ",
      {
        "var": "width"
      },
      " × ",
      {
        "var": "height"
      },
      " pixels"
    ],
    "log-decode-stopped": "image decoding stopped: its request was over",
    "log-idle-closed-at-cap": "idle connection closed at the connection cap",
    "log-listening": "listening",
    "log-no-file-limit": "could not read or raise the open-file limit",
    "log-no-page-path": [
      "the page is not served at this issuer's verify_url path: ",
      {
        "var": "problem"
      }
    ],
    "log-quiet-closed": "connection without traffic closed",
    "log-reload-failed": "reload failed; the previous state stays in use",
    "log-reloaded": "reloaded",
    "log-reloader-stopped": "the reloader stopped",
    "log-same-documents": "files changed, documents the same",
    "log-shutting-down": "shutting down",
    "log-sighup": "SIGHUP: reloading",
    "log-status-expired": "status list expired: this issuer's certificates with a status entry are indeterminate until a newer list is published",
    "log-status-in-use": "status list in use",
    "log-status-older": "the status list read is older than the one in use; keeping the newer",
    "log-stopped": "stopped",
    "numeric-bad-pair": [
      "the pair ",
      {
        "var": "pair"
      },
      " (number ",
      {
        "var": "at"
      },
      ") of the numeric form is no character of a token"
    ],
    "numeric-odd-length": [
      "the numeric form has ",
      {
        "var": "len"
      },
      " digits, an odd number: every character is two"
    ],
    "numeric-too-long": [
      "the numeric form has ",
      {
        "var": "len"
      },
      " digits; the limit is ",
      {
        "var": "max"
      }
    ],
    "page-accredited": "Accreditation",
    "page-achievement": "Standard",
    "page-ago": [
      {
        "default": "other",
        "select": "days",
        "variants": {
          "0": "less than a day ago",
          "1": "1 day ago",
          "other": [
            {
              "var": "days"
            },
            " days ago"
          ]
        }
      }
    ],
    "page-bundleEquivocation": "This page serves a trust bundle different from another with the same number that this device has already accepted: the federation signed two different bundles, or someone forged one. No certificate was verified; report it to the federation.",
    "page-bundleRefused": "The trust bundle of the federation this page publishes could not be accepted: no certificate was verified.",
    "page-bundleRollback": "This page serves a trust bundle older than one this device has already accepted (it could hide a suspension or a revocation): no certificate was verified. Use the official verifier or try again later.",
    "page-cameraDenied": "The camera could not be opened (was permission denied?). Upload a photo of the code instead.",
    "page-cameraView": "Camera preview",
    "page-detail": "Detail",
    "page-empty": "Paste the QR code’s text or link.",
    "page-error-bad_image": "The file is not a readable PNG or JPEG image.",
    "page-error-no_qr_code": "No QR code was found in the image. Try a sharper, closer photo.",
    "page-error-not_a_certificate": "This is not a Sello certificate: the text or QR code holds no signed certificate. Scan the QR code printed on the certificate, or paste the whole link.",
    "page-error-timeout": "Verification took too long; please try again.",
    "page-error-too_large": "The image is too large (20 MiB at most).",
    "page-expires": "Valid through",
    "page-fetchedHours": [
      {
        "default": "other",
        "select": "hours",
        "variants": {
          "1": "1 hour ago",
          "other": [
            {
              "var": "hours"
            },
            " hours ago"
          ]
        }
      }
    ],
    "page-fetchedMinutes": [
      {
        "default": "other",
        "select": "minutes",
        "variants": {
          "0": "just now",
          "1": "1 minute ago",
          "other": [
            {
              "var": "minutes"
            },
            " minutes ago"
          ]
        }
      }
    ],
    "page-file": "File",
    "page-guidance": "To read the code: fill a third of the frame, hold the phone still and avoid glare.",
    "page-here": "Verified on this device: the certificate was not sent to any server.",
    "page-hintCloser": "Move closer: the code looks too small.",
    "page-hintGuide": "Let the code fill a third of the frame, hold the phone still and avoid glare.",
    "page-hintSteady": "Code in view: hold the phone still…",
    "page-holder": "Holder",
    "page-holderId": "Id (CURP)",
    "page-inputsTitle": "Read the certificate’s QR code",
    "page-intro": "Scan the code with the camera, upload a photo or paste its content.",
    "page-issued": "Issued",
    "page-issuer": "Issuer",
    "page-key": "Key",
    "page-keysFailed": "The issuers’ keys could not be loaded.",
    "page-level": "level",
    "page-listFresh": [
      "Issuer’s status list: published ",
      {
        "var": "published"
      },
      " (",
      {
        "var": "ago"
      },
      "), valid until ",
      {
        "var": "until"
      },
      "."
    ],
    "page-listStale": [
      "Issuer’s status list EXPIRED on ",
      {
        "var": "until"
      },
      " (published ",
      {
        "var": "published"
      },
      ", ",
      {
        "var": "ago"
      },
      "): whether the certificate was revoked cannot be known."
    ],
    "page-localFile": "a local file, with no address",
    "page-looking": "Point the camera at the QR code…",
    "page-network": "The verification service could not be reached. Check your connection and try again.",
    "page-noCamera": "This browser cannot use the camera. Upload a photo of the code instead.",
    "page-noDecoder": "This browser cannot read QR codes without the verification service. Paste the code’s link or use an up-to-date browser.",
    "page-noList": "This page has no status list of this issuer.",
    "page-noQr": "No QR code was found in the image. Try a sharper, closer photo.",
    "page-noServer": "This browser cannot verify by itself and there is no verification service. Use an up-to-date browser.",
    "page-notCertificateTitle": "NOT A SELLO CERTIFICATE",
    "page-originNote": "Trust this result only if that is the official address of the certification body’s verifier: anyone can put this same page at another address, with their own keys.",
    "page-otherData": "Other certificate data",
    "page-otherDataNote": "Fields the issuer added, exactly as signed. Sello does not check what they say.",
    "page-pageTitle": "Sello — Verify a certificate",
    "page-pasteLabel": "Or paste the QR code’s text or link here",
    "page-photo": "Upload a photo of the code",
    "page-privacy": "Sello checks the issuer’s digital signature (Ed25519). When your browser can, verification happens on this device and the certificate is not sent to any server.",
    "page-qrNumber": "QR code",
    "page-readerFailed": "This page’s QR code reader could not be loaded. Paste the code’s link instead.",
    "page-reasonCode": "Code",
    "page-receiptBand": "RECEIPT · NOT A CERTIFICATE",
    "page-receiptButton": "Download receipt",
    "page-receiptCheckedAt": "Checked at",
    "page-receiptCheckedWith": "Checked with",
    "page-receiptFailed": "The receipt could not be prepared.",
    "page-receiptFileName": "receipt",
    "page-receiptFooter": "The fingerprint names the token checked without repeating it: the same certificate always gives the same fingerprint. A receipt can be altered like any file; the certificate cannot.",
    "page-receiptHash": "Token fingerprint (SHA-256)",
    "page-receiptNoHash": "not computed: the browser computes fingerprints only on pages opened over HTTPS (or on this same computer)",
    "page-receiptNotCertificate": "This document is NOT a certificate and does not replace one: it records that Sello checked the certificate described below, when, and with what result. To check the certificate, verify the original (its QR code).",
    "page-receiptQr": [
      "QR code ",
      {
        "var": "n"
      },
      " of ",
      {
        "var": "count"
      }
    ],
    "page-receiptReason": "Reason",
    "page-receiptSource": "What was checked",
    "page-receiptSourceCamera": "the QR code, read with the camera",
    "page-receiptSourceLink": "the QR code's link, opened in the page",
    "page-receiptSourcePaste": "the text pasted into the page",
    "page-receiptSourcePhoto": "a photo of the QR code",
    "page-receiptTitle": "Verification receipt — not a certificate",
    "page-receiptTool": [
      "Sello's verification page at ",
      {
        "var": "address"
      }
    ],
    "page-receiptToolLocal": "Sello's verification page (a local file, with no address)",
    "page-receiptTrust": "Trust",
    "page-receiptTrustBundle": [
      "trust bundle no. ",
      {
        "var": "seq"
      },
      " of ",
      {
        "var": "federation"
      },
      ", of ",
      {
        "var": "date"
      }
    ],
    "page-receiptTrustKeys": [
      "the key sets published in keys.json by ",
      {
        "var": "address"
      }
    ],
    "page-receiptTrustKeysLocal": "the key sets in this local copy's keys.json",
    "page-receiptVerdict": "Verdict",
    "page-rootChanged": "The federation's root document this page serves does not follow on from the one this device already knows: no certificate was verified.",
    "page-scan": "Scan with the camera",
    "page-serial": "Serial (folio)",
    "page-server": "Verified by the verification service.",
    "page-statusRefused": "Warning: a published status list was not accepted; certificates of that issuer will come out as \"could not be confirmed\".",
    "page-stillScanning": "The camera keeps reading: point it at another code or stop it.",
    "page-stop": "Stop the camera",
    "page-switchLang": "es",
    "page-switchTo": "Español",
    "page-technical": "Technical detail",
    "page-title": "Verify a certificate",
    "page-torch": "Torch",
    "page-trustAgeBundle": [
      "Trust data: bundle no. ",
      {
        "var": "seq"
      },
      " of ",
      {
        "var": "date"
      },
      ", fetched ",
      {
        "var": "ago"
      },
      "."
    ],
    "page-trustAgeKeys": [
      "Trust data: this site's key sets, fetched ",
      {
        "var": "ago"
      },
      "."
    ],
    "page-trustData": "Trust data",
    "page-trustOffline": "Offline: the copy kept on this device is used.",
    "page-unit": "Unit",
    "page-validFrom": "Valid from",
    "page-verifiedBy": "Verified by:",
    "page-verify": "Verify",
    "page-verifying": "Verifying…",
    "part-header": "the header",
    "part-payload": "the payload",
    "part-signature": "the signature",
    "problem-after-9999": "must not be after the year 9999",
    "problem-attribute-key": "field names are 1 to 40 characters of a–z, 0–9, '_', '.', '-'",
    "problem-empty": "must not be empty",
    "problem-exp-after-iat": "must be after the issue time (iat)",
    "problem-exp-after-nbf": "must be after the start of validity (nbf)",
    "problem-forbidden-characters": "must not contain control or invisible format characters",
    "problem-issuer-id": "must be 1 to 128 printable ASCII characters without spaces",
    "problem-negative": "must not be negative",
    "problem-serial-characters": "may contain only letters, digits, '-', '_' and '.'",
    "problem-serial-length": "must be 1 to 64 characters",
    "problem-status-times": "iat and exp must be between 1970 and 9999, exp after iat",
    "problem-too-long": "is too long",
    "problem-too-many-attributes": "has too many entries",
    "reason-bad_signature": "The signature does not match: the certificate was altered or forged.",
    "reason-expired": "The certificate has expired.",
    "reason-invalid_claims": "The certificate's data break the format's rules.",
    "reason-issuer_not_accredited": "The issuer was not accredited by the federation on the issue date.",
    "reason-issuer_suspended": "The federation had suspended the issuer when this certificate was issued.",
    "reason-key_not_valid_at_issuance": "The issuer's key was not authorised to sign on the issue date.",
    "reason-key_revoked": "The issuer's key was revoked as compromised before this certificate was signed.",
    "reason-malformed_token": "The code is not a readable Sello certificate: it is damaged, incomplete or not a certificate.",
    "reason-not_yet_valid": "The certificate is not valid yet.",
    "reason-revoked": "The issuer revoked this certificate.",
    "reason-standard_out_of_scope": "The issuer was not accredited for this standard on the issue date.",
    "reason-status_unavailable": "The signature is authentic, but no current status list is available to tell whether it was revoked.",
    "reason-trust_bundle_older_than_token": "The certificate is newer than the trust bundle, which does not know its issuer or key: get a current trust bundle.",
    "reason-unknown_issuer": "The issuer is not among the trusted issuers.",
    "reason-unknown_key": "The issuer is trusted, but the key that signed this is not published.",
    "reason-unsupported_header": "The certificate uses an algorithm or header that Sello does not accept.",
    "role-registry": "registry key",
    "role-root": "root key",
    "root-base64": "the root document has a payload, header or signature that is not base64url",
    "root-duplicate-key": [
      "the key «",
      {
        "var": "kid"
      },
      "» appears twice in the root document"
    ],
    "root-federation": [
      "the federation id ",
      {
        "var": "problem"
      }
    ],
    "root-json": [
      "the root document is not JSON of the expected shape: ",
      {
        "var": "error"
      }
    ],
    "root-key": [
      {
        "var": "role"
      },
      " ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "root-key-count": [
      "a root document has 1 to ",
      {
        "var": "max"
      },
      " of each kind of key (",
      {
        "var": "role"
      },
      "); this one has ",
      {
        "var": "count"
      }
    ],
    "root-key-window": "root and registry keys have no nbf, exp or revoked_at; a new root version changes them",
    "root-name": [
      "the federation's name ",
      {
        "var": "problem"
      }
    ],
    "root-signature-count": [
      "a root document has at most ",
      {
        "var": "max"
      },
      " signatures; this one has ",
      {
        "var": "count"
      }
    ],
    "root-signature-header": [
      "signature ",
      {
        "var": "index"
      },
      " of the root document: ",
      {
        "var": "error"
      }
    ],
    "root-signature-length": [
      "signature ",
      {
        "var": "index"
      },
      " of the root document is not 64 bytes"
    ],
    "root-threshold": [
      "the root threshold ",
      {
        "var": "threshold"
      },
      " is not between 1 and the ",
      {
        "var": "keys"
      },
      " root keys"
    ],
    "root-time": "the root document's iat must be from 1970 to the year 9999",
    "root-version": [
      "the root version must be 1 to ",
      {
        "var": "max"
      }
    ],
    "status-claims": [
      "invalid status list claim: ",
      {
        "var": "problem"
      }
    ],
    "status-encoding": [
      "the list is not gzip in base64url of the declared size: ",
      {
        "var": "problem"
      }
    ],
    "status-gzip": "the gzip data is damaged",
    "status-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "status-length": [
      {
        "var": "got"
      },
      " bytes of bits for ",
      {
        "var": "size"
      },
      " entries"
    ],
    "status-not-base64": "not base64url",
    "status-signature": [
      "status list of issuer \"",
      {
        "var": "issuer"
      },
      "\": the signature does not verify with a key valid at its iat"
    ],
    "status-size": [
      "a status list has a multiple of 8 entries from ",
      {
        "var": "min"
      },
      " to ",
      {
        "var": "max"
      },
      "; this one declares ",
      {
        "var": "size"
      }
    ],
    "status-token": [
      "status list token: ",
      {
        "var": "error"
      }
    ],
    "status-trailing": "data after the gzip stream",
    "status-unknown-issuer": [
      "status list of issuer \"",
      {
        "var": "issuer"
      },
      "\", which is not trusted"
    ],
    "svg-doctype": "the SVG has a document type declaration, which is not read",
    "svg-not-svg": "not an SVG document (its root element is not <svg> in the SVG namespace)",
    "svg-render": "the SVG could not be drawn",
    "svg-too-complex": "the SVG is too complex to draw",
    "svg-too-large": [
      "the SVG is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "svg-unsupported": "the SVG uses filters, masks or patterns, which are not drawn",
    "svg-xml": "the SVG is not well-formed XML",
    "time-out-of-range": "the time is out of range: between 1970 and 9999",
    "token-algorithm": [
      "alg \"",
      {
        "var": "alg"
      },
      "\" is not accepted; Sello tokens are signed with Ed25519 (alg EdDSA or Ed25519) only"
    ],
    "token-base64": [
      {
        "var": "part"
      },
      " is not strict unpadded base64url"
    ],
    "token-claims": [
      "invalid claim ",
      {
        "var": "error"
      }
    ],
    "token-forbidden-member": [
      "header member \"",
      {
        "var": "name"
      },
      "\" is not allowed (keys never come from the token)"
    ],
    "token-json": [
      {
        "var": "part"
      },
      " is not valid: ",
      {
        "var": "detail"
      }
    ],
    "token-kid-length": "kid must be 1 to 64 bytes",
    "token-member-missing": [
      {
        "var": "name"
      },
      " is missing"
    ],
    "token-member-not-string": [
      {
        "var": "name"
      },
      " must be a string"
    ],
    "token-parts": [
      "a token has 3 parts separated by '.'; this has ",
      {
        "var": "count"
      }
    ],
    "token-signature-length": [
      "an Ed25519 signature is 64 bytes; this one is ",
      {
        "var": "len"
      }
    ],
    "token-too-long": [
      "the token is ",
      {
        "var": "len"
      },
      " bytes; the limit is ",
      {
        "var": "max"
      }
    ],
    "token-type": [
      "typ \"",
      {
        "var": "typ"
      },
      "\" is not the expected type (certificates are \"sello+jwt\", status lists \"sello-status+jwt\")"
    ],
    "trust-chain": [
      {
        "var": "issuer"
      },
      ", accredited by ",
      {
        "var": "federation"
      },
      " since ",
      {
        "var": "since"
      },
      " (according to the trust bundle of ",
      {
        "var": "as_of"
      },
      ")"
    ],
    "trust-chain-stale": "The trust bundle is past its freshness date: get a newer one.",
    "trust-chain-standard": [
      {
        "var": "issuer"
      },
      ", accredited by ",
      {
        "var": "federation"
      },
      " for ",
      {
        "var": "standard"
      },
      " since ",
      {
        "var": "since"
      },
      " (according to the trust bundle of ",
      {
        "var": "as_of"
      },
      ")"
    ],
    "trust-conflict": [
      "issuer \"",
      {
        "var": "issuer"
      },
      "\" appears twice with different key sets"
    ],
    "trust-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "trust-key-set": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "trust-no-key-set": [
      {
        "var": "path"
      },
      ": no key set (*.json) found"
    ],
    "trust-too-many-entries": [
      {
        "var": "path"
      },
      ": too many entries in the folder"
    ],
    "trust-too-many-files": [
      {
        "var": "path"
      },
      ": more than ",
      {
        "var": "max"
      },
      " key-set files"
    ],
    "url-scheme": "verify_url must start with https:// (http:// only for localhost)",
    "url-shape": "verify_url must be at most 200 printable ASCII characters, without '#'",
    "verdict-indeterminate": "CERTIFICATE COULD NOT BE CONFIRMED",
    "verdict-invalid": "INVALID CERTIFICATE",
    "verdict-valid": "VALID CERTIFICATE",
    "verification-valid": "Authentic signature from a trusted issuer; the certificate is in force.",
    "zone-shape": [
      "time_zone must be an IANA name of the form Area/Location (for example America/Mexico_City) or UTC, of at most ",
      {
        "var": "max"
      },
      " ASCII characters; not \"",
      {
        "var": "name"
      },
      "\""
    ],
    "zone-unknown": [
      "time_zone \"",
      {
        "var": "name"
      },
      "\" is not a time zone of the IANA database Sello knows (for example: America/Mexico_City, America/Tijuana, America/Cancun)"
    ]
  },
  "es": {
    "api-bad-image": "El archivo no es una imagen PNG o JPEG legible.",
    "api-bad-json": "El cuerpo no es JSON de la forma {\"token\": \"…\"}.",
    "api-bad-multipart": "El formulario multipart está dañado.",
    "api-batch-size": "Envíe de 1 a 1000 certificados: {\"tokens\": [\"…\", …]} (hasta 1 MiB).",
    "api-empty-input": "No se recibió ningún certificado.",
    "api-no-image": "El formulario no trae un campo image con una foto.",
    "api-no-qr-code": "No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.",
    "api-not-a-certificate": "Esto no es un certificado Sello: el texto no contiene un certificado firmado. Envíe el texto o el enlace completo del código QR.",
    "api-not-found": "No existe esta página.",
    "api-several-issuers": "Este servicio confía en varios emisores: el conjunto de llaves de cada uno está en /.well-known/jwks/<emisor>.json.",
    "api-timeout": "La verificación tardó demasiado; intente de nuevo.",
    "api-too-large": "El envío es demasiado grande (texto: 64 KiB; imagen: 20 MiB).",
    "api-unreadable": "No se pudo leer el envío.",
    "api-unrecognised-input": "El texto no está en UTF-8.",
    "api-unsupported-media-type": "Envíe application/json {\"token\": …}, text/plain, una imagen PNG/JPEG o multipart/form-data con un campo image.",
    "banner": [
      "Servicio de verificación en ",
      {
        "var": "url"
      },
      " (Ctrl-C para detener)"
    ],
    "bundle-chain": "la cadena raíz del paquete de confianza no son versiones consecutivas de su federación que terminen en su raíz",
    "bundle-duplicate-issuer": [
      "el paquete de confianza lista dos veces al emisor «",
      {
        "var": "issuer"
      },
      "»"
    ],
    "bundle-federation": [
      "el id de federación del paquete de confianza ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer": [
      "emisor ",
      {
        "var": "index"
      },
      " del paquete de confianza: ",
      {
        "var": "problem"
      }
    ],
    "bundle-issuer-count": [
      "un paquete de confianza tiene a lo más ",
      {
        "var": "max"
      },
      " emisores; este tiene ",
      {
        "var": "count"
      }
    ],
    "bundle-root": [
      "documento raíz ",
      {
        "var": "index"
      },
      " del paquete de confianza: ",
      {
        "var": "error"
      }
    ],
    "bundle-seq": "el seq del paquete de confianza debe ser de 1 a 2^53 − 1",
    "bundle-times": "el iat y el fresh_until del paquete de confianza deben estar entre 1970 y el año 9999, fresh_until después de iat",
    "bundle-token": [
      "paquete de confianza: ",
      {
        "var": "error"
      }
    ],
    "bundle-url": [
      "la URL de verificación del paquete de confianza: ",
      {
        "var": "problem"
      }
    ],
    "claim-error": [
      {
        "var": "field"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "date-form": "no es una fecha AAAA-MM-DD",
    "date-no-such-day": "no existe ese día",
    "detail-bad-signature": [
      "la firma Ed25519 no se verifica con la llave ",
      {
        "var": "kid"
      }
    ],
    "detail-expired": "el vencimiento (exp) ya pasó",
    "detail-iat-future": "la emisión (iat) está en el futuro",
    "detail-issuer-newer-than-bundle": "el emisor no está en el paquete de confianza, que es anterior al token",
    "detail-key-newer-than-bundle": "la llave no está en el paquete de confianza, que es anterior al token",
    "detail-key-revoked": "la llave se revocó en el momento de la emisión (iat) o antes",
    "detail-key-window": "la emisión (iat) está fuera del periodo de firma de la llave",
    "detail-nbf-future": "el inicio de vigencia (nbf) está en el futuro",
    "detail-no-status-list": "el certificado tiene una entrada de estado y no hay cargada ninguna lista de estado de su emisor",
    "detail-not-accredited": "la emisión (iat) está fuera del periodo de acreditación del emisor",
    "detail-not-in-bundle": "el emisor no tiene entrada en el paquete de confianza",
    "detail-out-of-scope": [
      "el emisor no estaba acreditado para ",
      {
        "var": "code"
      },
      " en la fecha de emisión (iat)"
    ],
    "detail-status-beyond": [
      "el índice de estado ",
      {
        "var": "idx"
      },
      " está fuera de las ",
      {
        "var": "len"
      },
      " entradas de la lista de estado"
    ],
    "detail-status-expired": [
      "la lista de estado del emisor venció (exp ",
      {
        "var": "exp"
      },
      ")"
    ],
    "detail-status-lists-later": "el certificado tiene una entrada de estado y todas las listas de estado de su emisor tienen fecha posterior a la de la verificación",
    "detail-status-set": [
      "la entrada ",
      {
        "var": "idx"
      },
      " de la lista de estado del emisor está marcada"
    ],
    "detail-suspended": [
      "la federación suspendió al emisor desde ",
      {
        "var": "from"
      },
      " (",
      {
        "var": "why"
      },
      ")"
    ],
    "detail-unknown-issuer": [
      "no hay un conjunto de llaves de confianza para el emisor \"",
      {
        "var": "issuer"
      },
      "\""
    ],
    "detail-unknown-key": [
      "el emisor ",
      {
        "var": "issuer"
      },
      " no publica ninguna llave \"",
      {
        "var": "kid"
      },
      "\""
    ],
    "entry-accredited": "la ventana de acreditación debe estar entre 1970 y el año 9999, exp después de nbf",
    "entry-scope-code": [
      "entrada ",
      {
        "var": "index"
      },
      " del alcance: ",
      {
        "var": "problem"
      }
    ],
    "entry-scope-count": [
      "el alcance tiene de 1 a ",
      {
        "var": "max"
      },
      " estándares; este tiene ",
      {
        "var": "count"
      }
    ],
    "entry-scope-window": [
      "entrada ",
      {
        "var": "index"
      },
      " del alcance: la ventana debe estar entre 1970 y el año 9999, exp después de nbf"
    ],
    "entry-status": [
      "su lista de estado: ",
      {
        "var": "error"
      }
    ],
    "entry-status-issuer": "su lista de estado es de otro emisor",
    "entry-suspended": "la suspensión necesita una fecha entre 1970 y el año 9999 y un motivo de 1 a 200 caracteres visibles",
    "export-bad-target": [
      {
        "var": "path"
      },
      ": es un enlace simbólico o no es un nombre de carpeta: no se escribe ahí"
    ],
    "export-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "export-not-an-export": [
      {
        "var": "path"
      },
      ": no está vacía y no es una exportación anterior de sello site export (no tiene el archivo ",
      {
        "var": "marker"
      },
      "): no se reemplaza"
    ],
    "fed-bad-signature": "la firma del paquete de confianza no corresponde: fue alterado o falsificado",
    "fed-bundle": [
      {
        "var": "error"
      }
    ],
    "fed-equivocation": [
      "rechazado: ya se aceptó otro paquete de confianza con el mismo seq ",
      {
        "var": "seq"
      },
      "; la federación firmó dos paquetes distintos con un mismo número (repórtelo)"
    ],
    "fed-federation-mismatch": [
      "el paquete de confianza es de la federación «",
      {
        "var": "bundle"
      },
      "», no de la de la raíz fijada «",
      {
        "var": "pinned"
      },
      "»"
    ],
    "fed-from-future": [
      "el paquete de confianza tiene fecha futura (iat ",
      {
        "var": "iat"
      },
      "); revise el reloj"
    ],
    "fed-pinned-not-signed": [
      "el documento raíz fijado (versión ",
      {
        "var": "version"
      },
      ") no está firmado por un umbral de sus propias llaves raíz"
    ],
    "fed-rollback": [
      "rechazado: este paquete de confianza (seq ",
      {
        "var": "seq"
      },
      ") es más antiguo que uno ya aceptado (seq ",
      {
        "var": "stored"
      },
      "); consiga el actual"
    ],
    "fed-root": [
      "el documento raíz: ",
      {
        "var": "error"
      }
    ],
    "fed-root-conflict": [
      "el paquete de confianza trae un documento raíz de versión ",
      {
        "var": "version"
      },
      " distinto del de confianza"
    ],
    "fed-root-gap": [
      "la cadena raíz del paquete de confianza salta de la versión ",
      {
        "var": "have"
      },
      " a la ",
      {
        "var": "next"
      }
    ],
    "fed-root-not-authorised": [
      "la versión ",
      {
        "var": "version"
      },
      " de la raíz no está firmada por un umbral de las llaves de la raíz anterior"
    ],
    "fed-root-not-self-signed": [
      "la versión ",
      {
        "var": "version"
      },
      " de la raíz no está firmada por un umbral de sus propias llaves raíz"
    ],
    "fed-root-rollback": [
      "rechazado: este paquete de confianza está firmado bajo la versión ",
      {
        "var": "root"
      },
      " de la raíz, más antigua que la versión ",
      {
        "var": "stored"
      },
      " ya aceptada"
    ],
    "fed-root-version": [
      "el paquete de confianza está firmado bajo la versión ",
      {
        "var": "bundle"
      },
      " de la raíz, pero la cadena llega a la versión ",
      {
        "var": "reached"
      }
    ],
    "fed-signed-by-root-key": "el paquete de confianza está firmado con una llave raíz; solo las llaves del registro firman paquetes de confianza",
    "fed-state-corrupt": [
      "el archivo de estado de la federación ",
      {
        "var": "path"
      },
      " no es uno que Sello escriba"
    ],
    "fed-state-io": [
      "el estado de la federación ",
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "fed-status": [
      "la lista de estado de «",
      {
        "var": "issuer"
      },
      "» en el paquete de confianza: ",
      {
        "var": "error"
      }
    ],
    "fed-too-old": [
      "el paquete de confianza (iat ",
      {
        "var": "iat"
      },
      ") es más antiguo que la edad máxima de ",
      {
        "var": "max"
      },
      " ",
      {
        "default": "other",
        "select": "max",
        "variants": {
          "one": "segundo",
          "other": "segundos"
        }
      }
    ],
    "fed-unknown-signer": [
      "el paquete de confianza está firmado con «",
      {
        "var": "kid"
      },
      "», que no es una llave del registro de la raíz"
    ],
    "image-decode": "no se pudo decodificar la imagen (está dañada o incompleta)",
    "image-dimensions": [
      "la imagen mide ",
      {
        "var": "width"
      },
      "×",
      {
        "var": "height"
      },
      " píxeles; el límite es ",
      {
        "var": "side"
      },
      " por lado y ",
      {
        "var": "pixels"
      },
      " en total"
    ],
    "image-not-image": "no es una imagen PNG ni JPEG",
    "image-stopped": "la lectura de la imagen se detuvo antes de terminar",
    "image-too-large": [
      "la imagen tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "input-image": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "input-io": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "input-no-qr": [
      {
        "var": "what"
      },
      ": no se encontró ningún código QR en la imagen"
    ],
    "input-not-certificate": [
      {
        "var": "what"
      },
      ": no es un certificado Sello (un certificado es un token de tres partes separadas por «.», o un enlace que termina en #token)"
    ],
    "input-not-found": [
      {
        "var": "what"
      },
      ": no existe ese archivo, y no es un certificado ni un enlace"
    ],
    "input-not-svg": [
      {
        "var": "what"
      },
      ": se llama .svg pero no es un documento SVG"
    ],
    "input-pdf": [
      {
        "var": "what"
      },
      ": los PDF no se leen; envíe en su lugar el PNG del código QR que `sello issue --batch` escribe junto a cada PDF (<folio>.png), o una foto o un escaneo del certificado impreso"
    ],
    "input-svg": [
      {
        "var": "what"
      },
      ": ",
      {
        "var": "error"
      },
      "; envíe en su lugar el PNG del código QR (`sello issue --qr ARCHIVO.png`), o una foto o un escaneo del certificado impreso"
    ],
    "input-too-large": [
      {
        "var": "what"
      },
      ": pasa del límite de ",
      {
        "var": "max"
      },
      " bytes"
    ],
    "input-too-many-files": [
      {
        "var": "what"
      },
      ": más de ",
      {
        "var": "max"
      },
      " archivos que verificar"
    ],
    "input-unrecognised": [
      {
        "var": "what"
      },
      ": no es una imagen PNG, JPEG ni SVG, ni texto"
    ],
    "io-invalid-data": "los datos no son válidos",
    "io-is-a-directory": "es una carpeta",
    "io-not-a-directory": "no es una carpeta",
    "io-not-found": "no existe",
    "io-other": [
      "error de lectura (",
      {
        "var": "kind"
      },
      ")"
    ],
    "io-permission-denied": "permiso denegado",
    "io-too-large": "es demasiado grande",
    "json-array": "hay un arreglo donde el formato no lo admite",
    "json-duplicate": [
      "el miembro «",
      {
        "var": "name"
      },
      "» está repetido"
    ],
    "json-eof": "el JSON termina antes de tiempo",
    "json-missing-member": [
      "falta el miembro «",
      {
        "var": "name"
      },
      "»"
    ],
    "json-not-object": "se esperaba un objeto JSON",
    "json-syntax": [
      "no es JSON válido (línea ",
      {
        "var": "line"
      },
      ", columna ",
      {
        "var": "column"
      },
      ")"
    ],
    "json-too-deep": [
      "anida más de ",
      {
        "var": "max"
      },
      " niveles"
    ],
    "json-too-large": [
      "el documento tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "json-trailing": "hay datos después del documento JSON",
    "json-unknown-member": [
      "el miembro «",
      {
        "var": "name"
      },
      "» no existe en este formato"
    ],
    "json-wrong-type": [
      "un valor no es del tipo que el formato pide (línea ",
      {
        "var": "line"
      },
      ", columna ",
      {
        "var": "column"
      },
      ")"
    ],
    "key-alg": "alg debe ser EdDSA o Ed25519",
    "key-kid-mismatch": [
      "el kid «",
      {
        "var": "given"
      },
      "» no es el id de huella de la llave, «",
      {
        "var": "kid"
      },
      "»"
    ],
    "key-not-jwk": [
      "no es una JWK válida: ",
      {
        "var": "error"
      }
    ],
    "key-ops": "key_ops no permite verify",
    "key-private": [
      "contiene una llave privada (miembro «",
      {
        "var": "member"
      },
      "»); publique solo llaves públicas"
    ],
    "key-set-duplicate-kid": [
      "dos llaves tienen el mismo kid «",
      {
        "var": "kid"
      },
      "»"
    ],
    "key-set-issuer": [
      "el emisor del conjunto de llaves no es válido: ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-id": [
      "el id del emisor ",
      {
        "var": "problem"
      }
    ],
    "key-set-issuer-name": [
      "el nombre del emisor ",
      {
        "var": "problem"
      }
    ],
    "key-set-json": [
      "el conjunto de llaves no es JSON de la forma esperada: ",
      {
        "var": "error"
      }
    ],
    "key-set-key": [
      "llave ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "key-set-key-count": [
      "un conjunto de llaves tiene de 1 a ",
      {
        "var": "max"
      },
      " llaves; este tiene ",
      {
        "var": "count"
      }
    ],
    "key-set-labels": [
      "attribute_labels no es válido: ",
      {
        "var": "problem"
      }
    ],
    "key-time-range": [
      {
        "var": "name"
      },
      " debe estar entre 0 y ",
      {
        "var": "max"
      }
    ],
    "key-type": [
      "debe ser kty OKP con crv Ed25519, no ",
      {
        "var": "kty"
      },
      "/",
      {
        "var": "crv"
      }
    ],
    "key-use": "use debe ser sig",
    "key-window": "exp debe ser posterior a nbf",
    "key-x-canonical": "x no es la codificación canónica de su punto",
    "key-x-length": "x debe ser de 32 bytes en base64url sin relleno",
    "key-x-point": "x no es un punto Ed25519 válido",
    "key-x-small-order": "x es un punto de orden pequeño, que aceptaría firmas falsas",
    "label-count": [
      "a lo más ",
      {
        "var": "max"
      },
      " atributos con nombre; este conjunto tiene ",
      {
        "var": "count"
      }
    ],
    "label-key": [
      "«",
      {
        "var": "key"
      },
      "» no es un nombre de campo (de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»)"
    ],
    "label-language": [
      {
        "var": "key"
      },
      ": «",
      {
        "var": "lang"
      },
      "» no es un código de idioma (2 o 3 letras minúsculas, como es o en)"
    ],
    "label-languages": [
      {
        "var": "key"
      },
      ": el nombre se da en 1 a ",
      {
        "var": "max"
      },
      " idiomas"
    ],
    "label-text": [
      {
        "var": "key"
      },
      ".",
      {
        "var": "lang"
      },
      ": el nombre ",
      {
        "var": "problem"
      },
      " (a lo más 60 caracteres)"
    ],
    "load-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "load-keys-and-bundle": "se dieron conjuntos de claves de confianza y un paquete de confianza a la vez: con un paquete, se confía en los centros que acredita",
    "load-no-keys": "no se indicó ningún conjunto de llaves de confianza",
    "load-not-a-document": [
      {
        "var": "path"
      },
      ": demasiado grande, o no es texto UTF-8"
    ],
    "log-accept-failed": "falló la aceptación de una conexión",
    "log-bundle-stale": "paquete de confianza pasado de su fecha de frescura: los veredictos son a su fecha; publique uno más reciente",
    "log-cap": "tope de conexiones",
    "log-cap-lowered": "tope de conexiones bajado para caber en el límite de archivos abiertos",
    "log-cap-reached": "tope de conexiones alcanzado: se cierra la conexión inactiva más antigua; las nuevas esperan",
    "log-confusable-issuers": "dos emisores de confianza que una persona podría confundir; compruebe que ambos son legítimos",
    "log-connection-ended": "conexión terminada",
    "log-decode-started": [
      "decodificando una imagen de ",
      {
        "var": "width"
      },
      " × ",
      {
        "var": "height"
      },
      " píxeles"
    ],
    "log-decode-stopped": "decodificación de imagen detenida: su solicitud terminó",
    "log-idle-closed-at-cap": "conexión inactiva cerrada al alcanzar el tope de conexiones",
    "log-listening": "escuchando",
    "log-no-file-limit": "no se pudo leer ni subir el límite de archivos abiertos",
    "log-no-page-path": [
      "la página no se sirve en la ruta de verify_url de este emisor: ",
      {
        "var": "problem"
      }
    ],
    "log-quiet-closed": "conexión sin tráfico cerrada",
    "log-reload-failed": "la recarga falló; sigue en uso el estado anterior",
    "log-reloaded": "recargado",
    "log-reloader-stopped": "el recargador se detuvo",
    "log-same-documents": "archivos cambiados, documentos iguales",
    "log-shutting-down": "cerrando",
    "log-sighup": "SIGHUP: recargando",
    "log-status-expired": "lista de estado vencida: los certificados de este emisor con entrada de estado quedan indeterminados hasta que se publique una lista más nueva",
    "log-status-in-use": "lista de estado en uso",
    "log-status-older": "la lista de estado leída es más antigua que la que está en uso; se conserva la más nueva",
    "log-stopped": "detenido",
    "numeric-bad-pair": [
      "el par ",
      {
        "var": "pair"
      },
      " (el ",
      {
        "var": "at"
      },
      ".º) de la forma numérica no es ningún carácter de un token"
    ],
    "numeric-odd-length": [
      "la forma numérica tiene ",
      {
        "var": "len"
      },
      " dígitos, un número impar: cada carácter son dos"
    ],
    "numeric-too-long": [
      "la forma numérica tiene ",
      {
        "var": "len"
      },
      " dígitos; el límite es ",
      {
        "var": "max"
      }
    ],
    "page-accredited": "Acreditación",
    "page-achievement": "Estándar",
    "page-ago": [
      {
        "default": "other",
        "select": "days",
        "variants": {
          "0": "hace menos de un día",
          "1": "hace 1 día",
          "other": [
            "hace ",
            {
              "var": "days"
            },
            " días"
          ]
        }
      }
    ],
    "page-bundleEquivocation": "Esta página sirve un paquete de confianza distinto de otro con el mismo número que este dispositivo ya aceptó: la federación firmó dos paquetes distintos, o alguien falsificó uno. No se verificó ningún certificado; repórtelo al organismo.",
    "page-bundleRefused": "No se pudo aceptar el paquete de confianza de la federación que publica esta página: no se verificó ningún certificado.",
    "page-bundleRollback": "Esta página sirve un paquete de confianza más antiguo que uno que este dispositivo ya aceptó (podría ocultar una suspensión o una revocación): no se verificó ningún certificado. Use el verificador oficial o intente más tarde.",
    "page-cameraDenied": "No se pudo abrir la cámara (¿se negó el permiso?). Suba una foto del código.",
    "page-cameraView": "Vista de la cámara",
    "page-detail": "Detalle",
    "page-empty": "Pegue el texto o el enlace del código QR.",
    "page-error-bad_image": "El archivo no es una imagen PNG o JPEG legible.",
    "page-error-no_qr_code": "No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.",
    "page-error-not_a_certificate": "Esto no es un certificado Sello: el texto o el código QR no contiene un certificado firmado. Escanee el código QR impreso en el certificado, o pegue el enlace completo.",
    "page-error-timeout": "La verificación tardó demasiado; intente de nuevo.",
    "page-error-too_large": "La imagen es demasiado grande (máximo 20 MiB).",
    "page-expires": "Vigente hasta",
    "page-fetchedHours": [
      {
        "default": "other",
        "select": "hours",
        "variants": {
          "1": "hace 1 hora",
          "other": [
            "hace ",
            {
              "var": "hours"
            },
            " horas"
          ]
        }
      }
    ],
    "page-fetchedMinutes": [
      {
        "default": "other",
        "select": "minutes",
        "variants": {
          "0": "hace un momento",
          "1": "hace 1 minuto",
          "other": [
            "hace ",
            {
              "var": "minutes"
            },
            " minutos"
          ]
        }
      }
    ],
    "page-file": "Archivo",
    "page-guidance": "Para leer el código: llene un tercio del encuadre, sostenga el teléfono quieto y evite reflejos.",
    "page-here": "Verificado en este dispositivo: el certificado no se envió a ningún servidor.",
    "page-hintCloser": "Acérquese: el código se ve demasiado pequeño.",
    "page-hintGuide": "Que el código ocupe un tercio del recuadro, sostenga el teléfono quieto y evite reflejos.",
    "page-hintSteady": "Código a la vista: sostenga el teléfono quieto…",
    "page-holder": "Titular",
    "page-holderId": "Identificación (CURP)",
    "page-inputsTitle": "Lea el código QR del certificado",
    "page-intro": "Escanee el código con la cámara, suba una foto o pegue su contenido.",
    "page-issued": "Emitido",
    "page-issuer": "Emisor",
    "page-key": "Llave",
    "page-keysFailed": "No se pudieron cargar las llaves de los emisores.",
    "page-level": "nivel",
    "page-listFresh": [
      "Lista de estado del emisor: publicada el ",
      {
        "var": "published"
      },
      " (",
      {
        "var": "ago"
      },
      "), vigente hasta el ",
      {
        "var": "until"
      },
      "."
    ],
    "page-listStale": [
      "Lista de estado del emisor VENCIDA el ",
      {
        "var": "until"
      },
      " (publicada el ",
      {
        "var": "published"
      },
      ", ",
      {
        "var": "ago"
      },
      "): no se puede saber si el certificado fue revocado."
    ],
    "page-localFile": "un archivo local, sin dirección",
    "page-looking": "Apunte la cámara al código QR…",
    "page-network": "No se pudo consultar el servicio de verificación. Revise su conexión e intente de nuevo.",
    "page-noCamera": "Este navegador no puede usar la cámara. Suba una foto del código.",
    "page-noDecoder": "Este navegador no puede leer códigos QR sin el servicio de verificación. Pegue el enlace del código o use un navegador actualizado.",
    "page-noList": "Esta página no tiene ninguna lista de estado de este emisor.",
    "page-noQr": "No se encontró ningún código QR en la imagen. Intente con una foto más nítida y cercana.",
    "page-noServer": "Este navegador no puede verificar por sí mismo y no hay servicio de verificación. Use un navegador actualizado.",
    "page-notCertificateTitle": "NO ES UN CERTIFICADO SELLO",
    "page-originNote": "Confíe en este resultado solo si esa es la dirección oficial del verificador del organismo certificador: cualquiera puede poner esta misma página en otra dirección, con sus propias llaves.",
    "page-otherData": "Otros datos del certificado",
    "page-otherDataNote": "Campos que el emisor agregó, tal como los firmó. Sello no comprueba lo que dicen.",
    "page-pageTitle": "Sello — Verificar un certificado",
    "page-pasteLabel": "O pegue aquí el texto o el enlace del código QR",
    "page-photo": "Subir una foto del código",
    "page-privacy": "Sello comprueba la firma digital (Ed25519) del emisor. Cuando su navegador lo permite, la verificación se hace en este dispositivo y el certificado no se envía a ningún servidor.",
    "page-qrNumber": "Código QR",
    "page-readerFailed": "No se pudo cargar el lector de códigos QR de esta página. Pegue el enlace del código.",
    "page-reasonCode": "Código",
    "page-receiptBand": "COMPROBANTE · NO ES UN CERTIFICADO",
    "page-receiptButton": "Descargar comprobante",
    "page-receiptCheckedAt": "Verificado el",
    "page-receiptCheckedWith": "Verificado con",
    "page-receiptFailed": "No se pudo preparar el comprobante.",
    "page-receiptFileName": "comprobante",
    "page-receiptFooter": "La huella identifica el token verificado sin repetirlo: el mismo certificado da siempre la misma huella. Un comprobante puede alterarse como cualquier archivo; el certificado no.",
    "page-receiptHash": "Huella del token (SHA-256)",
    "page-receiptNoHash": "no calculada: el navegador solo calcula huellas en páginas abiertas por HTTPS (o en este mismo equipo)",
    "page-receiptNotCertificate": "Este documento NO es un certificado ni lo sustituye: deja constancia de que Sello verificó el certificado descrito abajo, cuándo y con qué resultado. Para comprobar el certificado, verifique el original (su código QR).",
    "page-receiptQr": [
      "código QR ",
      {
        "var": "n"
      },
      " de ",
      {
        "var": "count"
      }
    ],
    "page-receiptReason": "Motivo",
    "page-receiptSource": "Qué se verificó",
    "page-receiptSourceCamera": "el código QR, leído con la cámara",
    "page-receiptSourceLink": "el enlace del código QR, abierto en la página",
    "page-receiptSourcePaste": "el texto pegado en la página",
    "page-receiptSourcePhoto": "una foto del código QR",
    "page-receiptTitle": "Comprobante de verificación — no es un certificado",
    "page-receiptTool": [
      "la página de verificación de Sello en ",
      {
        "var": "address"
      }
    ],
    "page-receiptToolLocal": "la página de verificación de Sello (un archivo local, sin dirección)",
    "page-receiptTrust": "Confianza",
    "page-receiptTrustBundle": [
      "paquete de confianza n.º ",
      {
        "var": "seq"
      },
      " de ",
      {
        "var": "federation"
      },
      ", del ",
      {
        "var": "date"
      }
    ],
    "page-receiptTrustKeys": [
      "las llaves publicadas en keys.json por ",
      {
        "var": "address"
      }
    ],
    "page-receiptTrustKeysLocal": "las llaves de keys.json de esta copia local",
    "page-receiptVerdict": "Veredicto",
    "page-rootChanged": "El documento raíz de la federación que sirve esta página no continúa el que este dispositivo ya conoce: no se verificó ningún certificado.",
    "page-scan": "Escanear con la cámara",
    "page-serial": "Folio",
    "page-server": "Verificado por el servicio de verificación.",
    "page-statusRefused": "Atención: no se aceptó una lista de estado publicada; los certificados de ese emisor saldrán como «no se pudo confirmar».",
    "page-stillScanning": "La cámara sigue leyendo: apunte a otro código o deténgala.",
    "page-stop": "Detener la cámara",
    "page-switchLang": "en",
    "page-switchTo": "English",
    "page-technical": "Detalle técnico",
    "page-title": "Verificar un certificado",
    "page-torch": "Linterna",
    "page-trustAgeBundle": [
      "Datos de confianza: paquete n.º ",
      {
        "var": "seq"
      },
      " del ",
      {
        "var": "date"
      },
      ", obtenidos ",
      {
        "var": "ago"
      },
      "."
    ],
    "page-trustAgeKeys": [
      "Datos de confianza: llaves de este sitio, obtenidas ",
      {
        "var": "ago"
      },
      "."
    ],
    "page-trustData": "Datos de confianza",
    "page-trustOffline": "Sin conexión: se usa la copia guardada en este dispositivo.",
    "page-unit": "Unidad",
    "page-validFrom": "Válido desde",
    "page-verifiedBy": "Verificado por:",
    "page-verify": "Verificar",
    "page-verifying": "Verificando…",
    "part-header": "la cabecera",
    "part-payload": "el contenido",
    "part-signature": "la firma",
    "problem-after-9999": "no debe ser posterior al año 9999",
    "problem-attribute-key": "los nombres de campo tienen de 1 a 40 caracteres entre a–z, 0–9, «_», «.» y «-»",
    "problem-empty": "no debe estar vacío",
    "problem-exp-after-iat": "debe ser posterior a la emisión (iat)",
    "problem-exp-after-nbf": "debe ser posterior al inicio de vigencia (nbf)",
    "problem-forbidden-characters": "no debe contener caracteres de control ni caracteres de formato invisibles",
    "problem-issuer-id": "debe tener de 1 a 128 caracteres ASCII imprimibles, sin espacios",
    "problem-negative": "no debe ser negativo",
    "problem-serial-characters": "solo puede tener letras, dígitos, «-», «_» y «.»",
    "problem-serial-length": "debe tener de 1 a 64 caracteres",
    "problem-status-times": "iat y exp deben estar entre 1970 y 9999, y exp después de iat",
    "problem-too-long": "es demasiado largo",
    "problem-too-many-attributes": "tiene demasiados campos",
    "reason-bad_signature": "La firma no corresponde: el certificado fue alterado o falsificado.",
    "reason-expired": "El certificado ya venció.",
    "reason-invalid_claims": "Los datos del certificado no cumplen el formato.",
    "reason-issuer_not_accredited": "El emisor no estaba acreditado por la federación en la fecha de emisión.",
    "reason-issuer_suspended": "La federación había suspendido al emisor cuando se emitió este certificado.",
    "reason-key_not_valid_at_issuance": "La llave del emisor no estaba autorizada para firmar en la fecha de emisión.",
    "reason-key_revoked": "La llave del emisor fue revocada por compromiso antes de firmar este certificado.",
    "reason-malformed_token": "El código no es un certificado Sello legible: está dañado, incompleto o no es un certificado.",
    "reason-not_yet_valid": "El certificado todavía no entra en vigor.",
    "reason-revoked": "El emisor revocó este certificado.",
    "reason-standard_out_of_scope": "El emisor no estaba acreditado para este estándar en la fecha de emisión.",
    "reason-status_unavailable": "La firma es auténtica, pero no hay una lista de estado vigente para saber si fue revocado.",
    "reason-trust_bundle_older_than_token": "El certificado es más reciente que el paquete de confianza, que no conoce a su emisor o su llave: consiga un paquete de confianza actual.",
    "reason-unknown_issuer": "El emisor no está entre los emisores de confianza.",
    "reason-unknown_key": "El emisor es de confianza, pero la llave con que se firmó no está publicada.",
    "reason-unsupported_header": "El certificado usa un algoritmo o una cabecera que Sello no acepta.",
    "role-registry": "llave del registro",
    "role-root": "llave raíz",
    "root-base64": "el documento raíz tiene una carga, cabecera o firma que no es base64url",
    "root-duplicate-key": [
      "la llave «",
      {
        "var": "kid"
      },
      "» aparece dos veces en el documento raíz"
    ],
    "root-federation": [
      "el id de la federación ",
      {
        "var": "problem"
      }
    ],
    "root-json": [
      "el documento raíz no es JSON de la forma esperada: ",
      {
        "var": "error"
      }
    ],
    "root-key": [
      {
        "var": "role"
      },
      " ",
      {
        "var": "index"
      },
      ": ",
      {
        "var": "problem"
      }
    ],
    "root-key-count": [
      "un documento raíz tiene de 1 a ",
      {
        "var": "max"
      },
      " llaves de cada clase (",
      {
        "var": "role"
      },
      "); este tiene ",
      {
        "var": "count"
      }
    ],
    "root-key-window": "las llaves raíz y del registro no llevan nbf, exp ni revoked_at; una nueva versión de la raíz las cambia",
    "root-name": [
      "el nombre de la federación ",
      {
        "var": "problem"
      }
    ],
    "root-signature-count": [
      "un documento raíz tiene a lo más ",
      {
        "var": "max"
      },
      " firmas; este tiene ",
      {
        "var": "count"
      }
    ],
    "root-signature-header": [
      "firma ",
      {
        "var": "index"
      },
      " del documento raíz: ",
      {
        "var": "error"
      }
    ],
    "root-signature-length": [
      "la firma ",
      {
        "var": "index"
      },
      " del documento raíz no mide 64 bytes"
    ],
    "root-threshold": [
      "el umbral raíz ",
      {
        "var": "threshold"
      },
      " no está entre 1 y las ",
      {
        "var": "keys"
      },
      " llaves raíz"
    ],
    "root-time": "el iat del documento raíz debe estar entre 1970 y el año 9999",
    "root-version": [
      "la versión de la raíz debe ser de 1 a ",
      {
        "var": "max"
      }
    ],
    "status-claims": [
      "dato no válido de la lista de estado: ",
      {
        "var": "problem"
      }
    ],
    "status-encoding": [
      "la lista no es gzip en base64url del tamaño declarado: ",
      {
        "var": "problem"
      }
    ],
    "status-gzip": "los datos gzip están dañados",
    "status-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "status-length": [
      {
        "var": "got"
      },
      " bytes de bits para ",
      {
        "var": "size"
      },
      " entradas"
    ],
    "status-not-base64": "no es base64url",
    "status-signature": [
      "lista de estado del emisor «",
      {
        "var": "issuer"
      },
      "»: la firma no corresponde a ninguna llave válida en su fecha (iat)"
    ],
    "status-size": [
      "una lista de estado tiene un múltiplo de 8 entradas, de ",
      {
        "var": "min"
      },
      " a ",
      {
        "var": "max"
      },
      "; esta declara ",
      {
        "var": "size"
      }
    ],
    "status-token": [
      "token de lista de estado: ",
      {
        "var": "error"
      }
    ],
    "status-trailing": "hay datos después del flujo gzip",
    "status-unknown-issuer": [
      "lista de estado del emisor «",
      {
        "var": "issuer"
      },
      "», que no es de confianza"
    ],
    "svg-doctype": "el SVG tiene una declaración de tipo de documento, que no se lee",
    "svg-not-svg": "no es un documento SVG (su elemento raíz no es <svg> del espacio de nombres SVG)",
    "svg-render": "el SVG no se pudo dibujar",
    "svg-too-complex": "el SVG es demasiado complejo para dibujarlo",
    "svg-too-large": [
      "el SVG tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "svg-unsupported": "el SVG usa filtros, máscaras o patrones, que no se dibujan",
    "svg-xml": "el SVG no es XML bien formado",
    "time-out-of-range": "la hora está fuera de rango: entre 1970 y 9999",
    "token-algorithm": [
      "el algoritmo «",
      {
        "var": "alg"
      },
      "» no se acepta: los certificados Sello se firman solo con Ed25519 (alg EdDSA o Ed25519)"
    ],
    "token-base64": [
      {
        "var": "part"
      },
      " no está en base64url estricto sin relleno"
    ],
    "token-claims": [
      "dato no válido: ",
      {
        "var": "error"
      }
    ],
    "token-forbidden-member": [
      "el miembro «",
      {
        "var": "name"
      },
      "» no se admite en la cabecera (las llaves nunca vienen del token)"
    ],
    "token-json": [
      {
        "var": "part"
      },
      " no se puede leer: ",
      {
        "var": "detail"
      }
    ],
    "token-kid-length": "el kid debe tener de 1 a 64 bytes",
    "token-member-missing": [
      "falta ",
      {
        "var": "name"
      }
    ],
    "token-member-not-string": [
      {
        "var": "name"
      },
      " debe ser texto"
    ],
    "token-parts": [
      "un token tiene 3 partes separadas por «.»; este tiene ",
      {
        "var": "count"
      }
    ],
    "token-signature-length": [
      "una firma Ed25519 tiene 64 bytes; esta tiene ",
      {
        "var": "len"
      }
    ],
    "token-too-long": [
      "el token tiene ",
      {
        "var": "len"
      },
      " bytes; el límite es ",
      {
        "var": "max"
      }
    ],
    "token-type": [
      "el tipo «",
      {
        "var": "typ"
      },
      "» no es el esperado (certificados: «sello+jwt»; listas de estado: «sello-status+jwt»)"
    ],
    "trust-chain": [
      {
        "var": "issuer"
      },
      ", acreditado por ",
      {
        "var": "federation"
      },
      " desde ",
      {
        "var": "since"
      },
      " (según el paquete de confianza del ",
      {
        "var": "as_of"
      },
      ")"
    ],
    "trust-chain-stale": "El paquete de confianza ya pasó su fecha de frescura: consiga uno más reciente.",
    "trust-chain-standard": [
      {
        "var": "issuer"
      },
      ", acreditado por ",
      {
        "var": "federation"
      },
      " para ",
      {
        "var": "standard"
      },
      " desde ",
      {
        "var": "since"
      },
      " (según el paquete de confianza del ",
      {
        "var": "as_of"
      },
      ")"
    ],
    "trust-conflict": [
      "el emisor «",
      {
        "var": "issuer"
      },
      "» aparece dos veces con conjuntos de llaves distintos"
    ],
    "trust-io": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "trust-key-set": [
      {
        "var": "path"
      },
      ": ",
      {
        "var": "error"
      }
    ],
    "trust-no-key-set": [
      {
        "var": "path"
      },
      ": no se encontró ningún conjunto de llaves (*.json)"
    ],
    "trust-too-many-entries": [
      {
        "var": "path"
      },
      ": demasiadas entradas en la carpeta"
    ],
    "trust-too-many-files": [
      {
        "var": "path"
      },
      ": más de ",
      {
        "var": "max"
      },
      " archivos de conjuntos de llaves"
    ],
    "url-scheme": "verify_url debe empezar con https:// (http:// solo para localhost)",
    "url-shape": "verify_url debe tener a lo más 200 caracteres ASCII imprimibles, sin «#»",
    "verdict-indeterminate": "NO SE PUDO CONFIRMAR EL CERTIFICADO",
    "verdict-invalid": "CERTIFICADO NO VÁLIDO",
    "verdict-valid": "CERTIFICADO VÁLIDO",
    "verification-valid": "Firma auténtica de un emisor de confianza; certificado vigente.",
    "zone-shape": [
      "time_zone debe ser un nombre IANA de la forma Área/Lugar (por ejemplo America/Mexico_City) o UTC, de a lo más ",
      {
        "var": "max"
      },
      " caracteres ASCII; no «",
      {
        "var": "name"
      },
      "»"
    ],
    "zone-unknown": [
      "time_zone «",
      {
        "var": "name"
      },
      "» no es una zona horaria de la base de datos IANA que conoce Sello (por ejemplo: America/Mexico_City, America/Tijuana, America/Cancun)"
    ]
  }
});
