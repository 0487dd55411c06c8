# sello-cli: every word the sello command shows, in English.

## General

error-prefix = error
warning-prefix = warning
io-stdout = standard output: { $error }

## Command line (clap): headings, usage, errors

cli-usage = Usage
cli-options = Options
cli-arguments = Arguments
cli-commands = Commands
cli-options-tag = [OPTIONS]
cli-command-name = COMMAND
cli-default = default: { $value }
cli-possible = possible values: { $values }
cli-env = env: { $var }
cli-more = For more information, try '{ $help }'.
cli-did-you-mean = tip: did you mean '{ $suggestion }'?
cli-did-you-mean-any = tip: did you mean one of { $suggestions }?
cli-trailing = tip: to pass '{ $arg }' as a value, use '-- { $arg }'
cli-unknown-argument = unexpected argument '{ $arg }'
cli-unknown-command = unknown command '{ $command }'
cli-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-invalid-value-why = invalid value '{ $value }' for '{ $arg }': { $why }
cli-possible-values = possible values: { $values }
cli-missing = the following required arguments were not given: { $args }
cli-missing-command = '{ $command }' needs a command, one of: { $commands }
cli-conflict = '{ $arg }' cannot be used with '{ $other }'
cli-conflict-self = '{ $arg }' cannot be used more than once
cli-no-equals = '{ $arg }' needs an equals sign and a value ('{ $arg }=VALUE')
cli-too-many-values = unexpected value '{ $value }' for '{ $arg }'
cli-too-few-values = '{ $arg }' needs more values
cli-wrong-number = '{ $arg }' needs { $expected } values, not { $actual }
cli-not-utf8 = an argument is not valid UTF-8
cli-other = the command line could not be read ({ $kind })
cli-range = must be from { $min } to { $max }
cli-not-number = not a whole number
cli-not-address = not an address with a port, such as 127.0.0.1:8080

## Help: what each command does

about-sello = Sello: signed certificates in QR codes
about-keygen = Create an issuer folder: identity, encrypted signing key, public key set (jwks.json)
about-issue = Issue one certificate (print its token, write its QR code), or a roster with --batch
about-verify = Verify tokens, URLs, QR images (PNG, JPEG, SVG) or standard input (-)
about-scan = Print the text of every QR code found in images
about-demo = Run the end-to-end demonstration on an embedded roster of 39 staff
about-ledger = Inspect the issuer's ledger of issued certificates
about-ledger-list = List issued certificates
about-ledger-show = Show one certificate by serial
about-ledger-export = Export the whole ledger as JSON Lines (one certificate per line) on standard output
about-revoke = Revoke a certificate issued in error (then publish the status list)
about-status = Publish the issuer's signed status list (revocations)
about-status-publish = Sign the status list from the ledger and write ISSUER_DIR/status.jwt
about-keys = Rotate, revoke and publish the issuer's keys
about-keys-rotate = Start signing with a new key; the old key's window closes now, both stay published
about-keys-revoke = Mark a key compromised from a time: tokens it signed at or after it are rejected
about-keys-publish = Print (or write) the public key set to hand to verifiers
about-serve = Serve the verification page, the verification API, key sets and status lists
about-site = Export the verification page with key sets and status lists as a static site
about-site-export = Write a static copy of the verification page, key sets and status lists to a folder

## Help: each argument and option

help-help = Print help
help-version = Print version
help-lang = Language of messages: es or en (default: from LC_ALL/LC_MESSAGES/LANG; Spanish otherwise)
help-dir = Issuer folder
help-keys = Trusted key set: a JWKS file or a folder of them (repeatable; also SELLO_KEYS)
help-status = Status list (a .jwt file from `sello status publish`) or a folder of them (repeatable). Certificates with a status entry and no fresh list of their issuer are indeterminate.
help-leeway = Clock leeway in seconds
help-json = Print the result as JSON
help-keygen-dir = Issuer folder to create
help-keygen-id = Issuer id, matched against the `iss` claim (e.g. mx.cecati149)
help-keygen-name = Display name (e.g. "CECATI 149")
help-keygen-url = Verification page; QR codes will carry URL#TOKEN
help-issue-dir = Issuer folder (from `sello keygen`)
help-issue-holder = Holder's full name (one certificate; or use --batch)
help-issue-holder_id = Holder's national id (e.g. CURP)
help-issue-code = Standard code (e.g. EC0105); with --batch, the default for rows without one
help-issue-title = Standard title; with --batch, the default for rows without one
help-issue-level = Level
help-issue-unit = Issuing unit (e.g. "CECATI 149")
help-issue-serial = Serial ("folio"); generated when not given
help-issue-expires = Valid through this date (YYYY-MM-DD: to the end of that day in the issuer's time zone), or until an RFC 3339 time
help-issue-attrs = Extra field KEY=VALUE (repeatable)
help-issue-qr = Write the QR code to FILE.png or FILE.svg
help-issue-certificate = Write the printable certificate to FILE.pdf or FILE.svg (see --paper)
help-issue-batch = Issue a whole roster (CSV, or JSON Lines for .jsonl): see `docs/ISSUING.md`
help-issue-out = With --batch: folder for the QR codes, printable certificates and summary.csv
help-issue-formats = With --batch: what to write for each certificate (png, svg: the QR code; pdf, cert-svg: the printable certificate)
help-issue-paper = Paper size of the printable certificate
help-issue-template = With --batch: your own SVG template for the printable certificate
help-verify-json = One JSON object per line instead of the human report
help-verify-at = Verify as of this time (RFC 3339, YYYY-MM-DD at 00:00 UTC, or Unix seconds) instead of now
help-verify-jobs = Images read at once (default: one per core)
help-verify-one_by_one = Accepted for scripts written for earlier versions
help-verify-inputs = Tokens, URLs, image files (PNG, JPEG, SVG), folders (their .png, .jpg, .jpeg, .svg, .jwt and .txt files, sub-folders included), or - for standard input. A PDF is not read: give the QR code's PNG that `sello issue --batch` writes next to it
help-scan-json = One JSON object per code ({"{"}"input", "text"{"}"}) with the exact text; the default output shows control and invisible format characters escaped as \u{"{"}…{"}"}
help-scan-images = Image files (PNG, JPEG, SVG), or - for standard input
help-demo-out = Output folder (re-created if it holds an earlier demo)
help-ledger-list-offset = Skip this many
help-ledger-list-limit = Show at most this many
help-ledger-show-serial = The serial ("folio")
help-revoke-serial = The serial ("folio") to revoke
help-revoke-reason = Why (kept in the ledger, never published)
help-status-publish-out = Also write it here
help-status-publish-valid_days = Days until verifiers stop trusting this list (publish again before then)
help-keys-rotate-new_passphrase = Encrypt the new key under a new passphrase (from SELLO_NEW_PASSPHRASE, or asked twice) instead of the current one
help-keys-revoke-kid = The key id
help-keys-revoke-at = Compromise time (RFC 3339, YYYY-MM-DD for the start of that day in the issuer's time zone, or Unix seconds); 0 rejects everything it signed
help-keys-publish-out = Write it here instead of standard output
help-serve-addr = Address to listen on (port 0: any free port, printed at start)
help-serve-reload_every = Seconds between two looks at the key-set and status-list files; changed files are loaded while serving (SIGHUP: at once)
help-serve-max_connections = Most connections open at once (lowered to fit the open-file limit)
help-serve-header_timeout = Seconds a connection has to send a complete request head (new or kept alive)
help-serve-idle_timeout = Seconds a connection may go without a byte read or written while no request is being handled (idle, or its client not reading)
help-site-export-out = Folder to write (replaced as a whole; only an empty folder or an earlier export)
help-serve-trust_root = The federation's root document (root.json, pinned): with --bundle, trust the centres it accredits instead of --keys
help-serve-bundle = The federation's trust bundle (trust.jwt from `sello federation publish`, published as trust.jwt beside keys.json)
help-serve-max_bundle_age = Refuse a bundle older than this (e.g. 36h, 7d; s, m, h, d or seconds)
help-site-export-trust_root = The federation's root document (root.json, pinned): with --bundle, trust the centres it accredits instead of --keys
help-site-export-bundle = The federation's trust bundle (trust.jwt from `sello federation publish`, published as trust.jwt beside keys.json)
help-site-export-max_bundle_age = Refuse a bundle older than this (e.g. 36h, 7d; s, m, h, d or seconds)

## Help: the names of values

value-lang = LANG
value-dir = DIR
value-keys = JWKS_FILE_OR_DIR
value-status = JWT_FILE_OR_DIR
value-leeway = SECS
value-out = DIR
value-keygen-id = ID
value-keygen-name = NAME
value-keygen-url = URL
value-issue-holder = NAME
value-issue-holder_id = ID
value-issue-code = CODE
value-issue-title = TITLE
value-issue-level = LEVEL
value-issue-unit = UNIT
value-issue-serial = SERIAL
value-issue-expires = DATE
value-issue-attrs = KEY=VALUE
value-issue-qr = FILE
value-issue-certificate = FILE
value-issue-batch = ROSTER
value-issue-out = OUT_DIR
value-issue-formats = FORMATS
value-issue-paper = PAPER
value-issue-template = TEMPLATE.svg
value-verify-at = TIME
value-verify-jobs = N
value-verify-inputs = INPUT
value-scan-images = IMAGE
value-ledger-list-offset = N
value-ledger-list-limit = N
value-ledger-show-serial = SERIAL
value-revoke-serial = SERIAL
value-revoke-reason = REASON
value-status-publish-out = FILE
value-status-publish-valid_days = DAYS
value-keys-revoke-kid = KID
value-keys-revoke-at = TIME
value-keys-publish-out = FILE
value-serve-addr = ADDRESS
value-serve-reload_every = SECS
value-serve-max_connections = N
value-serve-header_timeout = SECS
value-serve-idle_timeout = SECS
value-serve-trust_root = ROOT_JSON
value-serve-bundle = TRUST_JWT
value-serve-max_bundle_age = DURATION
value-site-export-trust_root = ROOT_JSON
value-site-export-bundle = TRUST_JWT
value-site-export-max_bundle_age = DURATION

## Passphrases

passphrase-prompt = Private key passphrase:{" "}
passphrase-prompt-new = New passphrase for the private key:{" "}
passphrase-again = Repeat the passphrase:{" "}
passphrase-mismatch = the passphrases do not match
passphrase-missing = no passphrase: set SELLO_PASSPHRASE or run in a terminal
rotate-new-passphrase-hint = To encrypt the new key under another passphrase, use --new-passphrase (or SELLO_NEW_PASSPHRASE).

## keygen and issue

keygen-done = Issuer created: { $name } ({ $id })
keygen-kid = Key id (kid): { $kid }
keygen-private-key = Encrypted private key (mode 0600): { $path }
keygen-publish = Publish this key set to verifiers: { $path }
issue-serial = Serial: { $serial }
issue-qr-content = QR content: { $text } and { $digits } digits (the token in numeric form), version { $version }-M
issue-qr-written = QR code written to { $path }
bad-attr = --attr expects KEY=VALUE: { $attr }
qr-extension = --qr must end in .png or .svg
certificate-extension = --certificate must end in .pdf or .svg
no-keys = no trusted issuer given: use --keys JWKS_FILE_OR_FOLDER (or SELLO_KEYS), or trust a federation once with sello trust add URL --root-fingerprint SHA256
confusable-ids = warning: the trusted issuers { $first } and { $second } have ids a person could confuse; check that both are legitimate
confusable-names = warning: the trusted issuers { $first } and { $second } have names a person could confuse; check that both are legitimate

## issue --batch

batch-unit = { $n ->
    [one] certificate
   *[other] certificates
}
batch-progress-rate = { $rate }/s
batch-progress-left = { $eta } left
batch-row-failed = { $roster }: line { $line }: { $why }
batch-qr-versions = QR codes: version { $range } at error correction M
batch-qr-long = warning: { $n ->
    [one] 1 certificate needs
   *[other] { $n } certificates need
} a QR code past version { $target }, the target (docs/ISSUING.md); denser codes scan less reliably. What makes them long: { $rows }
batch-qr-long-row = line { $line } (version { $version }: { $fields })
batch-qr-field = { $field } { $len } bytes
batch-summary = { $issued ->
    [one] 1 issued
   *[other] { $issued } issued
}, { $already ->
    [one] 1 already issued before
   *[other] { $already } already issued before
}, { $failed ->
    [one] 1 failed
   *[other] { $failed } failed
} ({ $secs } s). Summary: { $path }

## verify and scan

report-qr = { $input } [QR { $n }]
report-qr-error = { $error } [QR { $n }]
verify-summary = { $valid ->
    [one] 1 valid
   *[other] { $valid } valid
}, { $invalid ->
    [one] 1 invalid
   *[other] { $invalid } invalid
}, { $indeterminate ->
    [one] 1 unconfirmed
   *[other] { $indeterminate } unconfirmed
}{ $unread ->
    [0] {""}
    [one] , 1 not read
   *[other] , { $unread } not read
}
verify-progress-unit = inputs
scan-no-qr = { $input }: no QR code found
label-holder = Holder
label-holder-id = Holder id
label-achievement = Standard
label-title = Title
label-level = Level
label-unit = Unit
label-issuer = Issuer
label-issuer-id = Issuer id
label-attributes = Other certificate data (signed by the issuer):
label-serial = Serial
label-issued = Issued
label-expires = Valid through
label-valid-from = Valid from
label-key = Key
label-reason = Reason
label-result = Result
label-detail = Detail
label-input = Input

## ledger, revoke, status, keys

ledger-serial = Serial
ledger-issued = Issued
ledger-code = Standard
ledger-holder = Holder
ledger-state = State
ledger-revoked = REVOKED { $date }
ledger-in-force = in force
ledger-total = Total: { $n }
ledger-not-found = not in the ledger: { $serial }
revoke-done = Revoked in the ledger. Publish the status list: sello status publish --dir …
status-published = Status list: { $path } ({ $entries ->
    [one] 1 entry
   *[other] { $entries } entries
}, { $revoked ->
    [one] 1 revoked
   *[other] { $revoked } revoked
}; fresh until { $until })
keys-rotated = Key rotated: { $old } → { $new }. Publish the new jwks.json (sello keys publish).
keys-revoked = Key revoked { $kid } (from { $at }). Publish the new jwks.json; if it was the active key, rotate keys.

## serve and site

site-written = Site written: { $path } (upload it as it is to any static host)

## demo

demo-not-a-demo = { $path }: the folder exists and is not from an earlier demo; choose another with --out
demo-federation = 1. Demo federation: { $name } ({ $id }), a root of { $keys } keys ({ $threshold } must sign a new version), fingerprint { $fingerprint }
demo-accredited = 2. Accredited { $name } ({ $id }) for { $code } since { $since }
demo-issued = 3. CECATI 149 issued { $n } EC0105 certificates with PNG QR codes (token size: { $min }–{ $max } bytes, mean { $mean })
demo-published = 4. Trust bundle no. { $seq } published with { $centres } centres and their status lists: { $path }
demo-verifying = 5. Verifying every certificate from its PNG with nothing but the pinned root and the trust bundle (no key file per centre):
demo-department = Department
demo-verdict = Verdict
demo-valid = ✔ valid
demo-claims-differ = claims differ
demo-no-qr = { $path }: no QR code
demo-refused = 6. What is refused, each for its own reason:
demo-case-tampered = tampered certificate (another name, the same signature)
demo-case-out-of-scope = CECATI 149 certifies EC0217.01, which it is not accredited for
demo-case-suspended = a certificate the second centre issued after its suspension
demo-case-before-suspension = its certificate from before the suspension stays valid
demo-case-rollback = bundle no. { $seq }, presented after no. { $newer }
demo-accepted = accepted
demo-summary = Summary: { $verified } of { $total } certificates verified from their PNG; { $rejected ->
    [yes] the tampered, out-of-scope, suspended and rolled-back cases were refused
   *[no] a case was NOT refused as it should have been!
}. Total time { $secs } s. Output in { $path }
demo-try = Try it yourself: sello verify --trust { $root } --bundle { $bundle } { $file }

## Time zones and dates

about-keys-set-time-zone = Set the issuer's time zone (IANA name, e.g. America/Mexico_City): the dates of its certificates are days there. Then publish jwks.json
help-keygen-force = Create the folder even inside a git work tree that does not ignore it (the private key and the ledger could be committed)
help-keygen-time_zone = The issuer's time zone (IANA name): the dates of its certificates (--expires, what verifiers show) are days there. Published in jwks.json; `sello keys set-time-zone` changes it
help-keys-set-time-zone-zone = The time zone, AREA/LOCATION (or UTC)
value-keygen-time_zone = AREA/LOCATION
value-keys-set-time-zone-zone = AREA/LOCATION
keygen-time-zone = Time zone: { $zone }
keys-time-zone-set = Time zone: { $zone }. Publish the new jwks.json. The dates of certificates already issued are now shown in this zone.
date-no-such-day = "{ $given }" is not a calendar day (from 1970; for example 2031-11-24)
date-out-of-range = "{ $given }" is out of range: dates go from 1970-01-01 to 9999-12-29 (for example 2031-11-24)
date-bad = "{ $given }" is not a date: use YYYY-MM-DD (for example 2031-11-24), an RFC 3339 time with its offset (for example 2031-11-24T18:00:00-06:00) or Unix seconds

## Several stations, one ledger: --ledger, ledger migrate, reissue, keys set-ledger, keys add-station

about-reissue = Re-issue every certificate a compromised key signed, with the current key
about-ledger-migrate = Copy a ledger into another (SQLite to PostgreSQL), then check the copy; run again to pick up what is new
about-keys-set-ledger = Record in issuer.json which ledger the folder's commands use (a PostgreSQL URL without password, or a SQLite file)
about-keys-add-station = Add a station: a new key of this issuer that signs beside the others, in a new issuer folder for the station's machine; then publish jwks.json
help-ledger = The ledger: postgres://USER@HOST:PORT/DATABASE (no password in it: PGPASSWORD or ~/.pgpass) or a SQLite file; default: issuer.json's ledger, else the folder's ledger.sqlite
value-ledger = URL_OR_FILE
help-keygen-ledger = The ledger to record in issuer.json (a PostgreSQL URL without password); default: the folder's ledger.sqlite
value-keygen-ledger = URL_OR_FILE
help-reissue-dir = Issuer folder (its active key signs the new certificates)
help-reissue-key_compromised = The compromised key's id: every certificate it signed that is not revoked is issued again, and then revoked
value-reissue-key_compromised = KID
help-reissue-out = Folder for the new certificates' files and summary.csv
value-reissue-out = OUT_DIR
help-reissue-formats = What to write for each certificate (png, svg: the QR code; pdf, cert-svg: the printable certificate)
value-reissue-formats = FORMATS
help-reissue-paper = Paper size of the printable certificate
value-reissue-paper = PAPER
help-ledger-migrate-from = The ledger to copy (a SQLite file or a PostgreSQL URL)
value-ledger-migrate-from = URL_OR_FILE
help-ledger-migrate-to = The ledger to copy into (a PostgreSQL URL without password, or a SQLite file)
value-ledger-migrate-to = URL_OR_FILE
help-keys-set-ledger-address = postgres://USER@HOST:PORT/DATABASE, or a SQLite file (relative to the folder)
value-keys-set-ledger-address = URL_OR_FILE
help-keys-add-station-out = The station's new issuer folder
value-keys-add-station-out = DIR
help-keys-add-station-new_passphrase = Encrypt the station's key under a new passphrase (from SELLO_NEW_PASSPHRASE, or asked twice) instead of the current one
ledger-migrate-same = --from and --to are the same ledger
ledger-migrate-incomplete = after copying, { $missing ->
    [one] 1 certificate of the source is
   *[other] { $missing } certificates of the source are
} not in the target; nothing was lost from the source: run it again
ledger-migrated = Ledger copied from { $from } to { $to }: { $source ->
    [one] 1 certificate
   *[other] { $source } certificates
} in the source, { $copied } copied now, { $already } already there; { $target } in the target. Checked: every certificate of the source is in the target with the same token.
about-keys-join = Use the federation's verification page as the QR URL: checks that the trust bundle accredits this folder's active key, then sets verify_url to the federation's page
help-keys-join-trust_root = The federation's root document (root.json, pinned)
value-keys-join-trust_root = ROOT_JSON
help-keys-join-bundle = The federation's trust bundle: trust.jwt, or its https:// address
value-keys-join-bundle = TRUST_JWT_OR_URL
help-keys-join-ca_file = Extra certificate authorities (PEM) for an https:// bundle (also SELLO_CA_FILE)
value-keys-join-ca_file = PEM_FILE
keys-join-not-accredited = the trust bundle of { $federation } does not accredit the issuer "{ $id }": ask the registry to accredit it (sello federation accredit) and use the new bundle
keys-join-key-not-accredited = the trust bundle of { $federation } does not accredit this folder's active key { $kid }: send its jwks.json to the registry to have it accredited
keys-join-no-url = the federation { $federation } publishes no verification page in its trust bundle; use sello keygen --url or ask the registry for its address
keys-joined = This folder's QR codes now open { $url }, the verification page of { $federation }. Certificates already printed still verify with their own URL.
keys-ledger-set = Ledger: { $address }
keys-station-added = Station added: key { $kid } in { $path }. Publish this folder's jwks.json (sello keys publish) before the station issues.
reissue-same-key = { $kid } is this folder's active key: rotate keys (sello keys rotate) or use a station's folder, then re-issue
reissue-row-failed = certificate { $serial }: { $why }
reissue-summary = Key { $kid }: { $issued ->
    [one] 1 certificate re-issued
   *[other] { $issued } certificates re-issued
}, { $already } re-issued by an earlier run, { $revoked ->
    [one] 1 old certificate revoked
   *[other] { $revoked } old certificates revoked
}, { $failed ->
    [one] 1 failed
   *[other] { $failed } failed
}{ $expired ->
    [0] {""}
   *[other] , { $expired } already expired (left as they are)
}. Summary: { $path }. Publish the status list: sello status publish --dir …
## federation: a federation's registry and verifying through a trust bundle

about-federation = Run a federation's registry: root keys, accreditation of centres, trust bundles
about-federation-init = Create a registry folder: root keys, registry key and the root document version 1
about-federation-accredit = Accredit a centre (its jwks.json) for standards from a date, or add standards to it
about-federation-suspend = Suspend a centre: its certificates issued from then on are refused
about-federation-publish = Sign the next trust bundle
about-federation-rotate-root = The root ceremony: a new root version signed by a threshold of old and new root keys
about-federation-rotate-root-keygen = Create a new root key for its future holder, on their own machine
about-federation-rotate-root-prepare = Step 1: write the next root version, not signed yet
about-federation-rotate-root-sign = Step 2: sign the prepared document with one root key (in the same file)
about-federation-rotate-root-combine = Step 3: combine the signed copies, check both thresholds and write root.json
help-federation-init-dir = Registry folder to create
help-federation-init-id = Federation id (e.g. mx.conocer)
help-federation-init-name = Display name (e.g. CONOCER)
help-federation-init-url = The federation's official verification page; every bundle carries it
help-federation-init-root_keys = How many root keys (each with its holder and passphrase: SELLO_ROOT_PASSPHRASE_1, _2, …, or asked)
help-federation-init-threshold = How many root keys must sign a new root version
help-federation-accredit-dir = Registry folder
help-federation-accredit-keys = The key set the centre published (jwks.json)
help-federation-accredit-standards = Standard codes, comma-separated
help-federation-accredit-from = Start (YYYY-MM-DD at 00:00 UTC, RFC 3339 or Unix seconds)
help-federation-accredit-until = End, excluded
help-federation-suspend-dir = Registry folder
help-federation-suspend-issuer = The centre's id
help-federation-suspend-from = From when (YYYY-MM-DD at 00:00 UTC, RFC 3339 or Unix seconds)
help-federation-suspend-reason = Why (published in the bundle)
help-federation-publish-dir = Registry folder
help-federation-publish-status = Folder of the centres' status lists (.jwt); the newest of each goes in
help-federation-publish-valid_days = Days the bundle is fresh (publish a new one every day)
help-federation-publish-out = Where to write the bundle
help-federation-rotate-root-keygen-out = Folder to write it to (the passphrase: SELLO_ROOT_PASSPHRASE, or asked)
help-federation-rotate-root-prepare-new_registry_key = Replace the registry key: a new one (encrypted under SELLO_NEW_PASSPHRASE, or asked twice) signs bundles once this version is combined
fed-new-registry-key = New registry key { $kid } in registry-key/; it signs bundles (under its passphrase) once this version is combined. Until then the current one signs.
help-federation-rotate-root-prepare-dir = Registry folder
help-federation-rotate-root-prepare-add_root_key = Add this root key (a .pub.json file; repeatable)
help-federation-rotate-root-prepare-remove_root_key = Take out this root key (repeatable)
help-federation-rotate-root-prepare-threshold = New threshold (else the current one)
help-federation-rotate-root-prepare-out = Where to write it (default: DIR/next-root.json)
help-federation-rotate-root-sign-root = The prepared document
help-federation-rotate-root-sign-key = The signer's root key file (KID.p8; the passphrase: SELLO_ROOT_PASSPHRASE, or asked)
help-federation-rotate-root-sign-previous = The current root.json, when the key is only in it
help-federation-rotate-root-combine-dir = Registry folder
help-federation-rotate-root-combine-copies = The signed copies
help-verify-trust_root = The federation's root document (root.json, pinned): with --bundle, trust the centres it accredits instead of --keys
help-verify-bundle = The federation's trust bundle: trust.jwt from `sello federation publish`, or its https:// URL (fetched, kept in a cache, used from there when the network fails)
help-verify-max_bundle_age = Refuse a bundle older than this (e.g. 36h, 7d; s, m, h, d or seconds)
value-federation-init-id = ID
value-federation-init-name = NAME
value-federation-init-url = URL
value-federation-init-root_keys = N
value-federation-init-threshold = N
value-federation-accredit-keys = JWKS
value-federation-accredit-standards = STANDARDS
value-federation-accredit-from = DATE
value-federation-accredit-until = DATE
value-federation-suspend-issuer = ID
value-federation-suspend-from = TIME
value-federation-suspend-reason = REASON
value-federation-publish-status = DIR
value-federation-publish-valid_days = DAYS
value-federation-publish-out = FILE
value-federation-rotate-root-prepare-add_root_key = PUB_JSON
value-federation-rotate-root-prepare-remove_root_key = KID
value-federation-rotate-root-prepare-threshold = N
value-federation-rotate-root-prepare-out = FILE
value-federation-rotate-root-sign-root = FILE
value-federation-rotate-root-sign-key = KID.p8
value-federation-rotate-root-sign-previous = ROOT_JSON
value-federation-rotate-root-combine-copies = FILE
value-verify-trust_root = ROOT_JSON
value-verify-bundle = TRUST_JWT_OR_URL
value-ca_file = PEM_FILE
value-verify-federation = ID
value-trust-add-root_fingerprint = SHA256
value-verify-max_bundle_age = DURATION
label-accredited = Accreditation
fed-root-passphrase-holder = New passphrase for root key { $n } of { $of }:{" "}
fed-root-passphrase-new = New passphrase for the root key:{" "}
fed-root-passphrase = Passphrase of the root key:{" "}
fed-init-done = Federation { $name } ({ $id }): root version 1 with { $keys } root keys ({ $threshold } must sign).
fed-init-registry = Registry key: { $kid } (signs the trust bundles).
fed-init-holder = Root key { $n }: { $path } (take it to its holder's offline machine and delete it here).
fed-init-pin = Hand { $path } to verifiers through a channel of your own (e.g. the official gazette): it is all they pin.
fed-root-hash = Fingerprint of the root document (SHA-256; read it aloud at every step): { $hash }
fed-accredited = { $name } ({ $issuer }) accredited for { $standards } since { $from }.
fed-accredit-updated = { $name } ({ $issuer }): key set updated{ $count ->
    [0] {""}
   *[other] ; added { $standards } since { $from }
}.
fed-accredit-kept = Already accredited for { $standards } (its window is kept).
fed-suspended = { $issuer } suspended from { $from }: { $reason }.
fed-publish-hint = Publish a new bundle: sello federation publish.
fed-published = Trust bundle no. { $seq }: { $path } ({ $issuers ->
    [one] 1 centre
   *[other] { $issuers } centres
}, { $status } with a status list; fresh until { $until }).
fed-status-ignored = status list left out (of a centre not accredited, or older than another of the same centre): { $path }
fed-status-too-many = { $path } has more than { $max } status lists
fed-not-text = { $path }: not UTF-8 text
fed-root-keygen = New root key { $kid }: { $path }. Hand { $public } to whoever prepares the rotation.
fed-prepared = Root version { $version } prepared, not signed yet: { $path } ({ $keys } root keys, threshold { $threshold }). It needs { $old_threshold } signatures of the current version's keys and { $threshold } of the new one's.
fed-signed = Signed with root key { $kid }: { $path } (version { $version }).
fed-combined = Root version { $version } checked with { $signatures } signatures: { $path }. The next bundles carry it; verifiers move to it by themselves.
fed-no-state-dir = there is nowhere to keep the federations' state: set XDG_STATE_HOME or HOME
fed-bad-duration = "{ $given }" is not a duration: use a number with s, m, h or d (e.g. 36h or 7d)
fed-bundle-stale = the trust bundle is of { $as_of } and was fresh until { $until }: get a newer one
fed-trust-and-keys = --trust and --bundle already say which issuers to trust: do not use --keys with them
fed-status-expired = the status list of { $issuer } has expired: its certificates with a status entry will be indeterminate until the centre publishes a new one
fed-status-missing = no status list of { $issuer } in --status: its certificates with a status entry will be indeterminate

## trust: federations trusted by `sello trust add`, and trust bundles over HTTPS

about-trust = Manage the federations `sello verify` trusts when given no key sets: add, list, remove
about-trust-add = Trust a federation: fetch its trust bundle and pin the root document with this fingerprint
about-trust-list = Show the federations trusted
about-trust-remove = Stop trusting a federation (the record of its bundles already accepted stays)
help-trust-add-url = The trust bundle's https:// URL
help-trust-add-root_fingerprint = The root document's fingerprint (SHA-256, as the federation publishes it with root.json)
help-trust-remove-id = The federation's id
help-ca_file = Also trust the certificate authorities of this PEM file for HTTPS (besides the built-in Mozilla roots)
help-verify-federation = Without --keys or --trust: which federation of `sello trust add` to use, when there are several
value-trust-add-url = URL
value-trust-remove-id = ID
trust-no-config-dir = there is nowhere to keep the configuration: set XDG_CONFIG_HOME or HOME
trust-bad-fingerprint = "{ $given }" is not a fingerprint: give the 64 hexadecimal digits of the root document's SHA-256
trust-root-carried = version { $version }: { $fingerprint }
trust-fingerprint-mismatch = the trust bundle at { $url } carries no root document with the fingerprint given ({ $given }); it carries { $carried }. Check the fingerprint with the federation's official publication
trust-no-roots = the trust bundle at { $url } carries no root document, so none can be pinned with the fingerprint { $given }: use sello verify --trust root.json --bundle URL
trust-exists = the federation { $id } is already trusted: remove it first (sello trust remove { $id })
trust-full = at most { $max } federations can be trusted
trust-added = Federation { $name } ({ $id }) trusted: root version { $version } pinned (fingerprint { $fingerprint }); trust bundle no. { $seq } of { $as_of } with { $issuers ->
    [one] 1 centre
   *[other] { $issuers } centres
}.
trust-added-hint = From now on `sello verify` without --keys checks certificates through it, and fetches its bundle each time (the last one is kept for when the network fails).
trust-none = No federation is trusted. Add one with: sello trust add URL --root-fingerprint SHA256
trust-entry = { $id } ({ $name }): { $url }, root { $fingerprint }
trust-entry-kept = copy kept: trust bundle no. { $seq } of { $as_of }, fresh until { $until }
trust-entry-none-kept = no copy kept yet
trust-removed = Federation { $id } no longer trusted (the record of its bundles already accepted stays, so an older bundle is still refused if it is added again).
trust-unknown = no trusted federation has the id { $id } (see sello trust list)
trust-choose = several federations are trusted ({ $ids }): choose one with --federation ID
trust-root-changed = { $path } is not the root document pinned for { $id }: add the federation again
fed-keys-and-federation = --max-bundle-age and --federation are for trust bundles: do not use them with --keys
config-syntax = { $path } is not a Sello configuration: { $error }
config-entry = { $path }: federation { $n }: the member "{ $field }" breaks its rule
config-too-many = { $path } has more than { $max } federations
config-duplicate = { $path } has the federation { $id } twice
cache-io = the kept copy { $path }: { $error }
cache-corrupt = the kept copy { $path } is not what Sello writes: it is ignored
cache-no-dir = there is nowhere to keep a copy of the trust bundle: set XDG_CACHE_HOME or HOME
fetch-using-cache = { $error }. Using the copy kept on this computer: trust bundle no. { $seq } of { $as_of }
fetch-not-https = { $url } is not an https:// address: a trust bundle is only fetched over HTTPS (plain http:// only from this computer: 127.0.0.1, [::1], localhost)
fetch-bad-url = { $url } is not an address that can be fetched
fetch-tls = the secure connection (TLS) to { $url } failed: { $why }
fetch-tls-unknown-issuer = the server's certificate is not signed by a trusted certificate authority (give its authority with --ca-file or SELLO_CA_FILE if it is your organisation's)
fetch-tls-name = the server's certificate is for another name
fetch-tls-expired = the server's certificate has expired
fetch-tls-other = { $detail }
fetch-unreachable = { $url } could not be reached: { $why }
fetch-host-not-found = the name was not found
fetch-refused = the connection was refused (is the server running?)
fetch-cut = the connection was cut
fetch-no-route = the network does not reach it
fetch-network = network error ({ $detail })
fetch-connection-failed = no connection
fetch-timeout = { $url } did not answer within { $seconds } seconds
fetch-status = { $url } answered with HTTP status { $status }
fetch-redirect = { $url } redirects more than { $max } times, or away from HTTPS
fetch-too-large = { $url } sent more than { $max } bytes
fetch-not-text = { $url } did not send UTF-8 text
fetch-failed = { $url } could not be fetched: { $why }
fetch-ca-io = the certificate authorities file { $path }: { $error }
fetch-ca-bad = { $path } holds no PEM certificate, or a broken one

## Receipts: sello verify --receipt

help-verify-receipt = Also write a receipt of the check (PDF, or SVG when the name ends in .svg; for the file, not a certificate): what was checked, when, the verdict and reason, the claims, the trust used and the token's SHA-256. Needs exactly one certificate among the inputs
value-verify-receipt = RECEIPT_PDF
receipt-not-one = --receipt needs exactly one certificate among the inputs; { $n } were verified: no receipt was written
receipt-kind = { $path }: a receipt is written as .pdf or .svg
receipt-written = Receipt written: { $path }
receipt-title = Verification receipt
receipt-not-a-certificate = This document is NOT a certificate and does not replace one: it records that Sello checked the certificate described below, when, and with what result. To check the certificate, verify the original (its QR code).
receipt-band = RECEIPT · NOT A CERTIFICATE
receipt-checked-at = Checked at
receipt-checked-with = Checked with
receipt-tool = sello { $version }
receipt-trust = Trust
receipt-trust-bundle = trust bundle no. { $seq } of { $federation }, of { $date }
receipt-trust-keys = key sets given: { $keys }
receipt-token-hash = Token fingerprint (SHA-256)
receipt-footer = The fingerprint names the token checked without repeating it: the same certificate always gives the same fingerprint. A receipt can be altered like any PDF; the certificate cannot.
