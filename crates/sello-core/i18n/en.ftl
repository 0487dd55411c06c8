# sello-core: verdicts, reasons and format errors, in English.
# Every message has its pair in es.ftl (the tests check it).

## Verdicts

verdict-valid = VALID CERTIFICATE
verdict-invalid = INVALID CERTIFICATE
verdict-indeterminate = CERTIFICATE COULD NOT BE CONFIRMED
verification-valid = Authentic signature from a trusted issuer; the certificate is in force.

## Reasons (FORMAT.md §7)

reason-malformed_token = The code is not a readable Sello certificate: it is damaged, incomplete or not a certificate.
reason-unsupported_header = The certificate uses an algorithm or header that Sello does not accept.
reason-invalid_claims = The certificate's data break the format's rules.
reason-unknown_issuer = The issuer is not among the trusted issuers.
reason-unknown_key = The issuer is trusted, but the key that signed this is not published.
reason-bad_signature = The signature does not match: the certificate was altered or forged.
reason-expired = The certificate has expired.
reason-not_yet_valid = The certificate is not valid yet.
reason-key_not_valid_at_issuance = The issuer's key was not authorised to sign on the issue date.
reason-key_revoked = The issuer's key was revoked as compromised before this certificate was signed.
reason-revoked = The issuer revoked this certificate.
reason-status_unavailable = The signature is authentic, but no current status list is available to tell whether it was revoked.
reason-issuer_suspended = The federation had suspended the issuer when this certificate was issued.
reason-issuer_not_accredited = The issuer was not accredited by the federation on the issue date.
reason-standard_out_of_scope = The issuer was not accredited for this standard on the issue date.
reason-trust_bundle_older_than_token = The certificate is newer than the trust bundle, which does not know its issuer or key: get a current trust bundle.

## Data rules (FORMAT.md §2.4, §3.5)

claim-error = { $field }: { $problem }
problem-empty = must not be empty
problem-too-long = is too long
problem-forbidden-characters = must not contain control or invisible format characters
problem-serial-length = must be 1 to 64 characters
problem-serial-characters = may contain only letters, digits, '-', '_' and '.'
problem-issuer-id = must be 1 to 128 printable ASCII characters without spaces
problem-too-many-attributes = has too many entries
problem-attribute-key = field names are 1 to 40 characters of a–z, 0–9, '_', '.', '-'
problem-negative = must not be negative
problem-after-9999 = must not be after the year 9999
problem-exp-after-iat = must be after the issue time (iat)
problem-exp-after-nbf = must be after the start of validity (nbf)
problem-status-times = iat and exp must be between 1970 and 9999, exp after iat

## Strict JSON (FORMAT.md §2.2)

json-too-large = the document is { $len } bytes; the limit is { $max }
json-not-object = expected a JSON object
json-duplicate = the member "{ $name }" appears twice
json-too-deep = it nests more than { $max } levels
json-array = an array where the format has none
json-unknown-member = the member "{ $name }" is not part of this format
json-missing-member = the member "{ $name }" is missing
json-wrong-type = a value is not of the type the format asks for (line { $line }, column { $column })
json-syntax = not valid JSON (line { $line }, column { $column })
json-eof = the JSON ends too early
json-trailing = there is data after the JSON document

## The token (FORMAT.md §3)

part-header = the header
part-payload = the payload
part-signature = the signature
token-too-long = the token is { $len } bytes; the limit is { $max }
token-parts = a token has 3 parts separated by '.'; this has { $count }
token-base64 = { $part } is not strict unpadded base64url
token-json = { $part } is not valid: { $detail }
token-member-not-string = { $name } must be a string
token-member-missing = { $name } is missing
token-kid-length = kid must be 1 to 64 bytes
token-signature-length = an Ed25519 signature is 64 bytes; this one is { $len }
token-algorithm = alg "{ $alg }" is not accepted; Sello tokens are signed with Ed25519 (alg EdDSA or Ed25519) only
token-type = typ "{ $typ }" is not the expected type (certificates are "sello+jwt", status lists "sello-status+jwt")
token-forbidden-member = header member "{ $name }" is not allowed (keys never come from the token)
token-claims = invalid claim { $error }

## Key sets (FORMAT.md §5)

key-set-json = the key set is not valid JSON of the expected shape: { $error }
key-set-issuer = the key set's issuer is invalid: { $problem }
key-set-issuer-id = issuer { $problem }
key-set-issuer-name = issuer_name { $problem }
key-set-key-count = a key set holds 1 to { $max } keys; this one holds { $count }
key-set-key = key { $index }: { $problem }
key-set-duplicate-kid = two keys share the kid "{ $kid }"
url-scheme = verify_url must start with https:// (http:// only for localhost)
url-shape = verify_url must be at most 200 printable ASCII characters, without '#'
zone-shape = time_zone must be an IANA name of the form Area/Location (for example America/Mexico_City) or UTC, of at most { $max } ASCII characters; not "{ $name }"
zone-unknown = time_zone "{ $name }" is not a time zone of the IANA database Sello knows (for example: America/Mexico_City, America/Tijuana, America/Cancun)
key-private = contains a private key (member "{ $member }"); publish only public keys
key-not-jwk = not a valid JWK: { $error }
key-type = must be kty OKP with crv Ed25519, not { $kty }/{ $crv }
key-alg = alg must be EdDSA or Ed25519
key-ops = key_ops does not allow verify
key-use = use must be sig
key-x-length = x must be 32 bytes of unpadded base64url
key-x-point = x is not a valid Ed25519 point
key-x-canonical = x is not the canonical encoding of its point
key-x-small-order = x is a small-order point, which would accept forged signatures
key-kid-mismatch = kid "{ $given }" is not the key's thumbprint id "{ $kid }"
key-time-range = { $name } must be between 0 and { $max }
key-window = exp must be after nbf
key-set-labels = attribute_labels is invalid: { $problem }
label-count = at most { $max } attributes with labels; this set has { $count }
label-key = "{ $key }" is not a field name (1 to 40 characters of a–z, 0–9, '_', '.', '-')
label-languages = { $key }: the label is given in 1 to { $max } languages
label-language = { $key }: "{ $lang }" is not a language code (2 or 3 lowercase letters, such as es or en)
label-text = { $key }.{ $lang }: the label { $problem } (at most 60 characters)

## Status lists (FORMAT.md §5.8)

status-token = status list token: { $error }
status-size = a status list has a multiple of 8 entries from { $min } to { $max }; this one declares { $size }
status-encoding = the list is not gzip in base64url of the declared size: { $problem }
status-not-base64 = not base64url
status-gzip = the gzip data is damaged
status-length = { $got } bytes of bits for { $size } entries
status-trailing = data after the gzip stream
status-claims = invalid status list claim: { $problem }

## File system errors

io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-a-directory = is a folder
io-not-a-directory = is not a folder
io-invalid-data = the data are not valid
io-too-large = is too large
io-other = read error ({ $kind })

## Federations: root documents and trust bundles (FORMAT.md §5.9)

role-root = root key
role-registry = registry key
root-json = the root document is not JSON of the expected shape: { $error }
root-base64 = the root document has a payload, header or signature that is not base64url
root-signature-count = a root document has at most { $max } signatures; this one has { $count }
root-signature-header = signature { $index } of the root document: { $error }
root-signature-length = signature { $index } of the root document is not 64 bytes
root-federation = the federation id { $problem }
root-name = the federation's name { $problem }
root-version = the root version must be 1 to { $max }
root-time = the root document's iat must be from 1970 to the year 9999
root-key-count = a root document has 1 to { $max } of each kind of key ({ $role }); this one has { $count }
root-key = { $role } { $index }: { $problem }
root-key-window = root and registry keys have no nbf, exp or revoked_at; a new root version changes them
root-duplicate-key = the key «{ $kid }» appears twice in the root document
root-threshold = the root threshold { $threshold } is not between 1 and the { $keys } root keys
bundle-token = trust bundle: { $error }
bundle-federation = the trust bundle's federation id { $problem }
bundle-seq = the trust bundle's seq must be 1 to 2^53 − 1
bundle-times = the trust bundle's iat and fresh_until must be from 1970 to the year 9999, fresh_until after iat
bundle-chain = the trust bundle's root chain is not consecutive versions of its federation ending at its root
bundle-root = root document { $index } of the trust bundle: { $error }
bundle-url = the trust bundle's verification URL: { $problem }
bundle-issuer-count = a trust bundle has at most { $max } issuers; this one has { $count }
bundle-issuer = issuer { $index } of the trust bundle: { $problem }
bundle-duplicate-issuer = the trust bundle lists the issuer «{ $issuer }» twice
entry-accredited = the accreditation window must be from 1970 to the year 9999, exp after nbf
entry-scope-count = the scope has 1 to { $max } standards; this one has { $count }
entry-scope-code = scope entry { $index }: { $problem }
entry-scope-window = scope entry { $index }: the window must be from 1970 to the year 9999, exp after nbf
entry-suspended = the suspension needs a time from 1970 to the year 9999 and a reason of 1 to 200 visible characters
entry-status = its status list: { $error }
entry-status-issuer = its status list belongs to another issuer

## Dates and times (zone.rs)

time-out-of-range = the time is out of range: between 1970 and 9999
date-form = not a date YYYY-MM-DD
date-no-such-day = no such day

## The numeric form of the QR text (FORMAT.md §4.1)

numeric-too-long = the numeric form has { $len } digits; the limit is { $max }
numeric-odd-length = the numeric form has { $len } digits, an odd number: every character is two
numeric-bad-pair = the pair { $pair } (number { $at }) of the numeric form is no character of a token
