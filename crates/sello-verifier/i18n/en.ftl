# sello-verifier: what could not be read or loaded, in English.

## Inputs of `sello verify`, `sello scan` and the API (codes in InputError::code)

input-not-found = { $what }: no such file, and not a certificate or a link
input-io = { $what }: { $error }
input-too-large = { $what }: over the { $max }-byte limit
input-unrecognised = { $what }: neither a PNG, JPEG or SVG image nor text
input-image = { $what }: { $error }
input-not-svg = { $what }: named .svg, but not an SVG document
input-svg = { $what }: { $error }; send instead the QR code's PNG (`sello issue --qr FILE.png`), or a photo or scan of the printed certificate
input-pdf = { $what }: a PDF is not read; send instead the QR code's PNG that `sello issue --batch` writes next to each PDF (<serial>.png), or a photo or scan of the printed certificate
input-no-qr = { $what }: no QR code found in the image
input-not-certificate = { $what }: not a Sello certificate (a certificate is a token of three parts separated by '.', or a link that ends in #token)
input-too-many-files = { $what }: more than { $max } files to verify

## Images

image-too-large = the image is { $len } bytes; the limit is { $max }
image-not-image = not a PNG or JPEG image
image-dimensions = the image is { $width }×{ $height } pixels; the limit is { $side } per side and { $pixels } in all
image-decode = the image could not be decoded (it is damaged or truncated)
image-stopped = reading the image was stopped before it finished

## SVG

svg-too-large = the SVG is { $len } bytes; the limit is { $max }
svg-not-svg = not an SVG document (its root element is not <svg> in the SVG namespace)
svg-xml = the SVG is not well-formed XML
svg-doctype = the SVG has a document type declaration, which is not read
svg-too-complex = the SVG is too complex to draw
svg-unsupported = the SVG uses filters, masks or patterns, which are not drawn
svg-render = the SVG could not be drawn

## Trusted issuers and status lists

trust-io = { $path }: { $error }
trust-key-set = { $path }: { $error }
trust-conflict = issuer "{ $issuer }" appears twice with different key sets
trust-too-many-files = { $path }: more than { $max } key-set files
trust-no-key-set = { $path }: no key set (*.json) found
trust-too-many-entries = { $path }: too many entries in the folder
status-unknown-issuer = status list of issuer "{ $issuer }", which is not trusted
status-signature = status list of issuer "{ $issuer }": the signature does not verify with a key valid at its iat
status-io = { $path }: { $error }

## Federations (FORMAT.md §5.9)

fed-root = the root document: { $error }
fed-pinned-not-signed = the pinned root document (version { $version }) is not signed by a threshold of its own root keys
fed-bundle = { $error }
fed-federation-mismatch = the trust bundle is of federation «{ $bundle }», not of the pinned root's «{ $pinned }»
fed-root-conflict = the trust bundle carries a root document of version { $version } different from the trusted one
fed-root-gap = the trust bundle's root chain jumps from version { $have } to { $next }
fed-root-not-authorised = root version { $version } is not signed by a threshold of the previous root's keys
fed-root-not-self-signed = root version { $version } is not signed by a threshold of its own root keys
fed-root-version = the trust bundle is signed under root version { $bundle }, but the chain reaches version { $reached }
fed-signed-by-root-key = the trust bundle is signed by a root key; only registry keys sign trust bundles
fed-unknown-signer = the trust bundle is signed by «{ $kid }», which is not a registry key of the root
fed-bad-signature = the trust bundle's signature does not verify: it was altered or forged
fed-from-future = the trust bundle is dated in the future (iat { $iat }); check the clock
fed-too-old = the trust bundle (iat { $iat }) is older than the maximum age of { $max } { $max ->
    [one] second
   *[other] seconds
}
fed-status = the status list of «{ $issuer }» in the trust bundle: { $error }
fed-rollback = refused: this trust bundle (seq { $seq }) is older than one already accepted (seq { $stored }); get the current one
fed-root-rollback = refused: this trust bundle is signed under root version { $root }, older than version { $stored } already accepted
fed-equivocation = refused: another trust bundle with the same seq { $seq } was already accepted; the federation signed two different bundles with one number (report it)
fed-state-io = the federation state { $path }: { $error }
fed-state-corrupt = the federation state file { $path } is not one Sello writes
trust-chain-standard = { $issuer }, accredited by { $federation } for { $standard } since { $since } (according to the trust bundle of { $as_of })
trust-chain = { $issuer }, accredited by { $federation } since { $since } (according to the trust bundle of { $as_of })
trust-chain-stale = The trust bundle is past its freshness date: get a newer one.

## Details of a verdict (verify.rs): for experts and logs, after the reason

detail-no-status-list = the certificate has a status entry and no status list of its issuer is loaded
detail-status-lists-later = the certificate has a status entry and every status list of its issuer is dated after the verification time
detail-status-expired = the issuer's status list expired (exp { $exp })
detail-status-set = entry { $idx } of the issuer's status list is set
detail-status-beyond = status index { $idx } is beyond the status list's { $len } entries
detail-issuer-newer-than-bundle = the issuer is not in the trust bundle, which is older than the token
detail-unknown-issuer = no trusted key set for issuer "{ $issuer }"
detail-key-newer-than-bundle = the key is not in the trust bundle, which is older than the token
detail-unknown-key = issuer { $issuer } publishes no key "{ $kid }"
detail-bad-signature = the Ed25519 signature does not verify with key { $kid }
detail-key-revoked = the key was revoked at or before iat
detail-key-window = iat is outside the key's signing window
detail-iat-future = iat is in the future
detail-nbf-future = nbf is in the future
detail-expired = exp has passed
detail-not-in-bundle = the issuer has no entry in the trust bundle
detail-suspended = the federation suspended the issuer from { $from } ({ $why })
detail-not-accredited = iat is outside the issuer's accreditation window
detail-out-of-scope = the issuer was not accredited for { $code } at iat
