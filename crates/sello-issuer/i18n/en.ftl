# sello-issuer: what the issuer is told, in English.
# Each message has its pair in es.ftl (the tests check).

## Rosters (roster.rs)

roster-too-large = the roster is too large (limits: { $bytes } bytes, { $rows } rows)
roster-utf16 = the file is UTF-16 (Excel's "Unicode Text"); in Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and try again
roster-not-utf8 = line { $line }: the file is not UTF-8; that line, read as Windows-1252 (Excel's plain "CSV"), says "{ $text }". In Excel use File → Save As → "CSV UTF-8 (Comma delimited)" and try again (Sello does not convert it: a wrongly converted name would be signed)
roster-header = line 1: the header cannot be read: { $error }
roster-no-holder = line 1: no column is called "holder" (nor "nombre" or "titular"); the header says: { $columns }
roster-no-holder-semicolon = line 1: no column is called "holder" (nor "nombre" or "titular"); the header says: { $columns }. If the separator is ";" put "holder" in a column of its own
roster-unknown-columns = line 1: { $count ->
    [one] column { $names } is not one of Sello's
   *[other] columns { $names } are not Sello's
}. The columns are holder, holder_id, code, title, level, unit, serial and expires, and attr.KEY for an extra field (e.g. attr.department{ $labels }); rename or delete it
roster-declared-labels = , or a name the issuer declared: { $names }
roster-duplicate-column = line 1: columns "{ $first }" and "{ $second }" say the same thing; keep only one
roster-no-code = no row has a standard code and no --code was given; add a code column or use --code (e.g. --code EC0217)
roster-no-title = no row has a standard title and no --title was given; add a title column or use --title
row-fields = the row has { $found ->
    [one] one field
   *[other] { $found } fields
} and the header { $expected ->
    [one] one
   *[other] { $expected }
}{ $separator ->
    [semicolon] (the separator is ";")
   *[other] {""}
}; check this row's quotes and separators
row-unnamed = there is a value in column { $column }, which has no name in the header
row-unreadable = unreadable CSV: { $error }
row-no-holder = holder (nombre) is empty
row-no-code = the standard code is empty and no --code was given
row-no-title = the standard title is empty and no --title was given
row-date = "{ $text }" is not a date: use YYYY-MM-DD, e.g. 2031-11-24 (or an RFC 3339 time such as 2031-11-24T10:00:00Z)
row-date-dmy = "{ $text }" is not a date: use YYYY-MM-DD; if it is { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $day }, { $year }, write { $iso }
row-invalid = { $error }
row-duplicate-serial = serial "{ $serial }" is already on line { $first }
row-not-object = not a JSON object: { $error }
row-not-string = { $name } must be text
row-unknown-member = { $name } is not one of Sello's fields (they are holder, holder_id, code, title, level, unit, serial, expires and attrs, or their Spanish names)

## Issuer folders inside git (git.rs)

git-work-tree = { $dir } would be inside the git repository { $root }, where a "git add -A" would commit the private key and the ledger of CURPs. Add the line { $entry } to that repository's .gitignore, or create the folder outside it; --force creates it anyway

# sello-issuer: what went wrong issuing, in English.
# Each module has its own section; roster.rs's words are under "Rosters".

## Issuer folders and keys at rest (keystore.rs)

keystore-io = { $path }: { $error }
keystore-not-an-issuer = { $path } is not an issuer folder (it has no issuer.json); create one with sello keygen --dir { $path }, or give the folder sello keygen created
keystore-exists = { $path } already holds an issuer; refusing to overwrite it
keystore-too-large = { $path } is larger than { $max } bytes
keystore-invalid = { $path }: { $detail }
keystore-set-mismatch = the key set does not match issuer.json (issuer id or active key)
keystore-rotate-same-second = the current key came into force at { $nbf } (Unix time), not before this second; rotating now would leave it an empty window: wait a second and run the rotation again
keystore-no-key = no key { $kid } in the key set
keystore-weak-passphrase = the passphrase is too weak for a new key: { $why }
keystore-unlock = { $path }: wrong passphrase or damaged key file
keystore-crypto = could not protect the private key: { $error }

## Passphrases for new keys (passphrase.rs); the warnings and suggestions are zxcvbn's

passphrase-blank = it is empty or only white space.
passphrase-too-short = it has fewer than { $min } characters.
passphrase-guessable = it is easy to guess (strength { $score } of 4; at least { $min } is needed).
passphrase-advice = A good one: four or five random words that do not make a known phrase.
passphrase-warning-straight-rows-of-keys-are-easy-to-guess = Straight rows of keys are easy to guess.
passphrase-warning-short-keyboard-patterns-are-easy-to-guess = Short keyboard patterns are easy to guess.
passphrase-warning-repeats-like-aaa-are-easy-to-guess = Repeats like "aaa" are easy to guess.
passphrase-warning-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
passphrase-warning-this-is-top-10-password = This is a top-10 common password.
passphrase-warning-this-is-top-100-password = This is a top-100 common password.
passphrase-warning-this-is-a-common-password = This is a very common password.
passphrase-warning-this-is-similar-to-a-commonly-used-password = This is similar to a commonly used password.
passphrase-warning-sequences-like-abc-are-easy-to-guess = Sequences like abc or 6543 are easy to guess.
passphrase-warning-recent-years-are-easy-to-guess = Recent years are easy to guess.
passphrase-warning-a-word-by-itself-is-easy-to-guess = A word by itself is easy to guess.
passphrase-warning-dates-are-often-easy-to-guess = Dates are often easy to guess.
passphrase-warning-names-and-surnames-by-themselves-are-easy-to-guess = Names and surnames by themselves are easy to guess.
passphrase-warning-common-names-and-surnames-are-easy-to-guess = Common names and surnames are easy to guess.
passphrase-suggestion-use-a-few-words-avoid-common-phrases = Use a few words, avoid common phrases.
passphrase-suggestion-no-need-for-symbols-digits-or-uppercase-letters = No need for symbols, digits, or uppercase letters.
passphrase-suggestion-add-another-word-or-two = Add another word or two. Uncommon words are better.
passphrase-suggestion-capitalization-doesnt-help-very-much = Capitalization doesn't help very much.
passphrase-suggestion-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = All-uppercase is almost as easy to guess as all-lowercase.
passphrase-suggestion-reversed-words-arent-much-harder-to-guess = Reversed words aren't much harder to guess.
passphrase-suggestion-predictable-substitutions-dont-help-very-much = Predictable substitutions like '@' instead of 'a' don't help very much.
passphrase-suggestion-use-a-longer-keyboard-pattern-with-more-turns = Use a longer keyboard pattern with more turns.
passphrase-suggestion-avoid-repeated-words-and-characters = Avoid repeated words and characters.
passphrase-suggestion-avoid-sequences = Avoid sequences.
passphrase-suggestion-avoid-recent-years = Avoid recent years.
passphrase-suggestion-avoid-years-that-are-associated-with-you = Avoid years that are associated with you.
passphrase-suggestion-avoid-dates-and-years-that-are-associated-with-you = Avoid dates and years that are associated with you.

## A federation's registry (federation.rs)

registry-io = { $path }: { $error }
registry-not-a-registry = { $path } is not a federation registry folder (it has no registry.json); make one with sello federation init --dir { $path }, or give the folder it made
registry-exists = { $path } already holds a federation registry; refusing to overwrite it
registry-invalid = { $path }: { $detail }
registry-too-large = it is larger than { $max } bytes
registry-root-passphrases = there are { $keys } root keys and { $given } passphrases; each root key needs its own
registry-root = the root document would not be valid: { $error }
registry-refused = the change would make a record that verifiers would refuse: { $error }
registry-key-set = { $path }: not a centre's key set: { $error }
registry-no-standards = no standard given: use --standards EC0105,EC0217.01
registry-standard = the standard { $code } cannot be used: { $problem }
registry-window = the end of a window must be after its start, and times between 1970 and 9999
registry-too-many = a trust bundle holds at most { $max } of them
registry-unknown-issuer = no accredited centre has the id { $issuer }
registry-reason = the reason for the suspension cannot be used: { $problem }
registry-status = { $path }: this status list cannot go in the bundle: { $error }
registry-valid-days = a bundle's valid days go from 1 to { $max }
registry-seq-exhausted = the bundle's sequence numbers are used up; rotate the root to start again
registry-self-check = the signed bundle would not pass verification (it was not published): { $error }
registry-rotation = the new root version would not be accepted: { $error }
registry-different-documents = the signed copies are not of one prepared document; combine only copies of one "prepare"
registry-nothing-to-combine = no signed copy given to combine
registry-no-new-registry-key = the new version drops the registry key in use and none of its registry keys is in this folder's registry-key/: prepare the rotation here with --new-registry-key
registry-no-root-key = the current root has no key { $kid }
registry-not-a-root-key = the key { $kid } is not a root key of this document nor of the version before
registry-not-ed25519 = not an Ed25519 public key (a JWK with kty OKP and crv Ed25519)
registry-kid-mismatch = its kid is not the key's
registry-key-file-name = the key file must be named KID.p8 (as sello writes it)
registry-root-mismatch = root.json is of another federation

## Dates given to the issuer (dates.rs)

date-unreadable = "{ $text }" is not a time: use a date YYYY-MM-DD (e.g. 2031-11-24), an RFC 3339 time with its offset (e.g. 2031-11-24T18:00:00-06:00), or Unix seconds
date-no-such-day = "{ $text }" is not a day of the calendar (from 1970 on; e.g. 2031-11-24)
date-out-of-range = "{ $text }" is out of range: times go from 1970-01-01 to 9999-12-29 (e.g. 2031-11-24)

## Signing (issue.rs, signer.rs)

issue-invalid = the certificate cannot be issued: { $error }
no-randomness = the operating system gave no randomness: { $error }
issue-key-not-valid = key { $kid } may not sign at this time (outside its window or revoked); rotate the keys with sello keys rotate
issue-too-long = the QR content ({ $chars } characters) does not fit in a version-40 QR code at correction level M; shorten the fields
issue-status-times = status list times: the issue and expiry times must be between 1970 and 9999, the expiry after the issue
issue-ledger-token = the token recorded in the ledger for "{ $serial }" cannot be read: { $error }
signer-failed = the signer failed: { $error }

## The ledger (ledger.rs, ledger_pg.rs, migrate.rs, batch.rs)

ledger-sql = ledger (SQLite): { $error }
ledger-serial-taken = serial "{ $serial }" was already issued
ledger-not-found = no certificate with serial "{ $serial }" in the ledger
ledger-already-revoked = certificate "{ $serial }" is already revoked
ledger-status-full = the status list is full ({ $max } entries)
ledger-version = this ledger's schema version "{ $version }" is newer than this sello knows; update sello
ledger-io = { $path }: { $error }
ledger-damaged = the ledger is damaged: { $detail }
ledger-mismatch = the certificate signed for "{ $serial }" does not match what was reserved for it
ledger-postgres = ledger (PostgreSQL): { $error }
ledger-no-postgres = this sello was built without PostgreSQL support (cargo feature "postgres")
ledger-password-in-url = the ledger URL contains a password: remove it and set PGPASSWORD or a password file (PGPASSFILE, ~/.pgpass)
ledger-address = the ledger address is not valid: { $error }
ledger-tls-no-ca = TLS (sslmode=require, verify-ca or verify-full) needs the CA certificate that signed the server's: sslrootcert=FILE in the URL, or PGSSLROOTCERT
ledger-tls-ca = { $path }: not a usable CA certificate file for TLS ({ $detail })
ledger-no-service = no service "{ $name }" in the service files (PGSERVICEFILE, ~/.pg_service.conf, /etc/postgresql-common/pg_service.conf)
ledger-contention = the chunk conflicted with other stations { $times } times in a row; nothing was recorded
ledger-import-conflict = certificate "{ $serial }" is already in the target ledger with a different token
migrate-incomplete = after copying, { $missing ->
    [one] one certificate of the source is
   *[other] { $missing } certificates of the source are
} not in the target
batch-io = { $path }: { $error }
batch-render-failed = the files could not be drawn: { $error }

## summary.csv (batch.rs): its header and outcomes, in this order

summary-line = line
summary-outcome = outcome
summary-serial = serial
summary-holder = holder
summary-files = files
summary-error = error
summary-token = token
summary-qr-version = qr_version
summary-issued = issued
summary-already-issued = already_issued
summary-failed = failed
