# sello-issuer: what went wrong issuing, in English.
# Each module has its own section; roster.rs's words are under "Rosters".

## Issuer folders and keys at rest (keystore.rs)

keystore-io = { $path }: { $error }
keystore-exists = { $path } already holds an issuer; refusing to overwrite it
keystore-too-large = { $path } is larger than { $max } bytes
keystore-invalid = { $path }: { $detail }
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
