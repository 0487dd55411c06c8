# sello-web: what the service says, in English.

## API errors (ApiError; the id is api- and the error's code)

api-too-large = The upload is too large (text: 64 KiB; image: 20 MiB).
api-unsupported-media-type = Send application/json {"{"}"token": …{"}"}, text/plain, a PNG/JPEG image or multipart/form-data with an image field.
api-bad-json = The body is not JSON of the form {"{"}"token": "…"{"}"}.
api-empty-input = No certificate was received.
api-unrecognised-input = The text is not UTF-8.
api-bad-multipart = The multipart form is malformed.
api-no-image = The form has no image field with a photo.
api-bad-image = The file is not a readable PNG or JPEG image.
api-no-qr-code = No QR code was found in the image. Try a sharper, closer photo.
api-timeout = Verification took too long; please try again.
api-unreadable = The upload could not be read.
api-not-found = No such page.
api-several-issuers = This service trusts several issuers: each one's key set is at /.well-known/jwks/<issuer>.json.
api-batch-size = Send 1 to 1000 certificates: {"{"}"tokens": ["…", …]{"}"} (up to 1 MiB).
api-not-a-certificate = This is not a Sello certificate: the text holds no signed certificate. Send the QR code's whole text or link.

## The service's log (messages; the fields' names stay as they are, for machines)

log-confusable-issuers = two trusted issuers a person could take for one another; check that both are legitimate
log-status-expired = status list expired: this issuer's certificates with a status entry are indeterminate until a newer list is published
log-reload-failed = reload failed; the previous state stays in use
log-status-older = the status list read is older than the one in use; keeping the newer
log-reloaded = reloaded
log-sighup = SIGHUP: reloading
log-reloader-stopped = the reloader stopped
log-status-in-use = status list in use
log-no-file-limit = could not read or raise the open-file limit
log-cap-lowered = connection cap lowered to fit the open-file limit
log-cap = connection cap
log-accept-failed = accepting a connection failed
log-cap-reached = connection cap reached: closing the longest-idle connection; new connections wait
log-listening = listening
log-stopped = stopped
log-shutting-down = shutting down
log-decode-started = decoding an image of { $width } × { $height } pixels
log-decode-stopped = image decoding stopped: its request was over
log-same-documents = files changed, documents the same
log-connection-ended = connection ended
log-idle-closed-at-cap = idle connection closed at the connection cap
log-quiet-closed = connection without traffic closed
log-no-page-path = the page is not served at this issuer's verify_url path: { $problem }

## What `sello serve` says when it starts

banner = Verification service at { $url } (Ctrl-C to stop)

## The page (static/app.js reads it from messages.js: page- and the page's key)

page-pageTitle = Sello — Verify a certificate
page-title = Verify a certificate
page-inputsTitle = Read the certificate’s QR code
page-intro = Scan the code with the camera, upload a photo or paste its content.
page-scan = Scan with the camera
page-photo = Upload a photo of the code
page-stop = Stop the camera
page-pasteLabel = Or paste the QR code’s text or link here
page-verify = Verify
page-privacy = Sello checks the issuer’s digital signature (Ed25519). When your browser can, verification happens on this device and the certificate is not sent to any server.
page-switchTo = Español
page-switchLang = es
page-holder = Holder
page-holderId = Id (CURP)
page-achievement = Standard
page-level = level
page-unit = Unit
page-issuer = Issuer
page-serial = Serial (folio)
page-issued = Issued
page-validFrom = Valid from
page-expires = Valid through
page-technical = Technical detail
page-reasonCode = Code
page-key = Key
page-detail = Detail
page-file = File
page-otherData = Other certificate data
page-otherDataNote = Fields the issuer added, exactly as signed. Sello does not check what they say.
page-verifiedBy = Verified by:
page-localFile = a local file, with no address
page-originNote = Trust this result only if that is the official address of the certification body’s verifier: anyone can put this same page at another address, with their own keys.
page-trustData = Trust data
page-noList = This page has no status list of this issuer.
page-here = Verified on this device: the certificate was not sent to any server.
page-server = Verified by the verification service.
page-qrNumber = QR code
page-verifying = Verifying…
page-looking = Point the camera at the QR code…
page-empty = Paste the QR code’s text or link.
page-noCamera = This browser cannot use the camera. Upload a photo of the code instead.
page-cameraDenied = The camera could not be opened (was permission denied?). Upload a photo of the code instead.
page-noQr = No QR code was found in the image. Try a sharper, closer photo.
page-noServer = This browser cannot verify by itself and there is no verification service. Use an up-to-date browser.
page-noDecoder = This browser cannot read QR codes without the verification service. Paste the code’s link or use an up-to-date browser.
page-network = The verification service could not be reached. Check your connection and try again.
page-statusRefused = Warning: a published status list was not accepted; certificates of that issuer will come out as "could not be confirmed".
page-keysFailed = The issuers’ keys could not be loaded.
page-accredited = Accreditation
page-bundleRefused = The trust bundle of the federation this page publishes could not be accepted: no certificate was verified.
page-bundleRollback = This page serves a trust bundle older than one this device has already accepted (it could hide a suspension or a revocation): no certificate was verified. Use the official verifier or try again later.
page-bundleEquivocation = This page serves a trust bundle different from another with the same number that this device has already accepted: the federation signed two different bundles, or someone forged one. No certificate was verified; report it to the federation.
page-rootChanged = The federation's root document this page serves does not follow on from the one this device already knows: no certificate was verified.
page-notCertificateTitle = NOT A SELLO CERTIFICATE
page-error-not_a_certificate = This is not a Sello certificate: the text or QR code holds no signed certificate. Scan the QR code printed on the certificate, or paste the whole link.
page-error-too_large = The image is too large (20 MiB at most).
page-error-bad_image = The file is not a readable PNG or JPEG image.
page-error-no_qr_code = No QR code was found in the image. Try a sharper, closer photo.
page-error-timeout = Verification took too long; please try again.
page-ago = { $days ->
    [0] less than a day ago
    [1] 1 day ago
   *[other] { $days } days ago
}
page-listFresh = Issuer’s status list: published { $published } ({ $ago }), valid until { $until }.
page-listStale = Issuer’s status list EXPIRED on { $until } (published { $published }, { $ago }): whether the certificate was revoked cannot be known.

## The page: camera, on-device reader, attributes
page-cameraView = Camera preview
page-torch = Torch
page-hintGuide = Let the code fill a third of the frame, hold the phone still and avoid glare.
page-hintCloser = Move closer: the code looks too small.
page-hintSteady = Code in view: hold the phone still…
page-stillScanning = The camera keeps reading: point it at another code or stop it.
page-readerFailed = This page’s QR code reader could not be loaded. Paste the code’s link instead.

## Exporting the site (site.rs) and loading what is served (reload.rs)

export-io = { $path }: { $error }
export-not-an-export = { $path }: not empty and not an earlier sello site export (no { $marker } file): refusing to replace it
export-bad-target = { $path }: a symbolic link or not a folder name: refusing to write there
load-no-keys = no trusted key set was given
load-io = { $path }: { $error }
load-not-a-document = { $path }: too large, or not UTF-8 text
load-keys-and-bundle = trusted key sets and a trust bundle were both given: through a bundle, the centres it accredits are the ones trusted
log-bundle-stale = trust bundle past its freshness date: verdicts are as of its date; publish a newer one

## The page: guidance, offline trust data, receipts (the CLI's receipt says the same: sello-cli receipt-*)

page-guidance = To read the code: fill a third of the frame, hold the phone still and avoid glare.
page-trustAgeBundle = Trust data: bundle no. { $seq } of { $date }, fetched { $ago }.
page-trustAgeKeys = Trust data: this site's key sets, fetched { $ago }.
page-trustOffline = Offline: the copy kept on this device is used.
page-fetchedMinutes = { $minutes ->
    [0] just now
    [1] 1 minute ago
   *[other] { $minutes } minutes ago
}
page-fetchedHours = { $hours ->
    [1] 1 hour ago
   *[other] { $hours } hours ago
}
page-receiptButton = Download receipt
page-receiptTitle = Verification receipt — not a certificate
page-receiptNotCertificate = This document is NOT a certificate and does not replace one: it records that Sello checked the certificate described below, when, and with what result. To check the certificate, verify the original (its QR code).
page-receiptBand = RECEIPT · NOT A CERTIFICATE
page-receiptCheckedAt = Checked at
page-receiptCheckedWith = Checked with
page-receiptTool = Sello's verification page at { $address }
page-receiptToolLocal = Sello's verification page (a local file, with no address)
page-receiptSource = What was checked
page-receiptSourceLink = the QR code's link, opened in the page
page-receiptSourcePaste = the text pasted into the page
page-receiptSourcePhoto = a photo of the QR code
page-receiptSourceCamera = the QR code, read with the camera
page-receiptQr = QR code { $n } of { $count }
page-receiptVerdict = Verdict
page-receiptReason = Reason
page-receiptTrust = Trust
page-receiptTrustBundle = trust bundle no. { $seq } of { $federation }, of { $date }
page-receiptTrustKeys = the key sets published in keys.json by { $address }
page-receiptTrustKeysLocal = the key sets in this local copy's keys.json
page-receiptHash = Token fingerprint (SHA-256)
page-receiptNoHash = not computed: the browser computes fingerprints only on pages opened over HTTPS (or on this same computer)
page-receiptFooter = The fingerprint names the token checked without repeating it: the same certificate always gives the same fingerprint. A receipt can be altered like any file; the certificate cannot.
page-receiptFileName = receipt
page-receiptFailed = The receipt could not be prepared.
