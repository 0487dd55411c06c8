# sello-issuer: lo que salió mal al emitir, en español.
# Cada módulo tiene su sección; las palabras de roster.rs van en "Listas".

## Carpetas de emisor y llaves guardadas (keystore.rs)

keystore-io = { $path }: { $error }
keystore-exists = { $path } ya contiene un emisor; no se sobrescribe
keystore-too-large = { $path } pesa más de { $max } bytes
keystore-invalid = { $path }: { $detail }
keystore-weak-passphrase = la frase de contraseña es demasiado débil para una llave nueva: { $why }
keystore-unlock = { $path }: frase de contraseña incorrecta o archivo de llave dañado
keystore-crypto = no se pudo proteger la llave privada: { $error }

## Frases de contraseña para llaves nuevas (passphrase.rs); los avisos y consejos son de zxcvbn

passphrase-blank = está vacía o solo tiene espacios.
passphrase-too-short = tiene menos de { $min } caracteres.
passphrase-guessable = es fácil de adivinar (fuerza { $score } de 4; se necesita al menos { $min }).
passphrase-advice = Una buena frase: cuatro o cinco palabras al azar que no formen una frase conocida.
passphrase-warning-straight-rows-of-keys-are-easy-to-guess = Las filas seguidas del teclado son fáciles de adivinar.
passphrase-warning-short-keyboard-patterns-are-easy-to-guess = Los patrones cortos del teclado son fáciles de adivinar.
passphrase-warning-repeats-like-aaa-are-easy-to-guess = Las repeticiones como «aaa» son fáciles de adivinar.
passphrase-warning-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».
passphrase-warning-this-is-top-10-password = Es una de las 10 contraseñas más comunes.
passphrase-warning-this-is-top-100-password = Es una de las 100 contraseñas más comunes.
passphrase-warning-this-is-a-common-password = Es una contraseña muy común.
passphrase-warning-this-is-similar-to-a-commonly-used-password = Se parece a una contraseña muy usada.
passphrase-warning-sequences-like-abc-are-easy-to-guess = Las secuencias como «abc» o «6543» son fáciles de adivinar.
passphrase-warning-recent-years-are-easy-to-guess = Los años recientes son fáciles de adivinar.
passphrase-warning-a-word-by-itself-is-easy-to-guess = Una palabra sola es fácil de adivinar.
passphrase-warning-dates-are-often-easy-to-guess = Las fechas suelen ser fáciles de adivinar.
passphrase-warning-names-and-surnames-by-themselves-are-easy-to-guess = Los nombres y apellidos solos son fáciles de adivinar.
passphrase-warning-common-names-and-surnames-are-easy-to-guess = Los nombres y apellidos comunes son fáciles de adivinar.
passphrase-suggestion-use-a-few-words-avoid-common-phrases = Use varias palabras y evite frases conocidas.
passphrase-suggestion-no-need-for-symbols-digits-or-uppercase-letters = No hacen falta símbolos, números ni mayúsculas.
passphrase-suggestion-add-another-word-or-two = Agregue una o dos palabras más; mejor si son poco comunes.
passphrase-suggestion-capitalization-doesnt-help-very-much = Las mayúsculas no ayudan mucho.
passphrase-suggestion-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.
passphrase-suggestion-reversed-words-arent-much-harder-to-guess = Las palabras al revés no son mucho más difíciles de adivinar.
passphrase-suggestion-predictable-substitutions-dont-help-very-much = Las sustituciones previsibles, como «@» por «a», no ayudan mucho.
passphrase-suggestion-use-a-longer-keyboard-pattern-with-more-turns = Use un patrón de teclado más largo y con más giros.
passphrase-suggestion-avoid-repeated-words-and-characters = Evite palabras y caracteres repetidos.
passphrase-suggestion-avoid-sequences = Evite las secuencias.
passphrase-suggestion-avoid-recent-years = Evite los años recientes.
passphrase-suggestion-avoid-years-that-are-associated-with-you = Evite años relacionados con usted.
passphrase-suggestion-avoid-dates-and-years-that-are-associated-with-you = Evite fechas y años relacionados con usted.
