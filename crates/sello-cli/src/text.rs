//! Every user-facing string of the CLI, in Spanish and English.

use sello_core::Lang;
use sello_issuer::passphrase::{MIN_CHARS, MIN_SCORE, Suggestion, Warning, Weakness};

/// Field labels of the human verification report.
pub struct Labels {
    pub holder: &'static str,
    pub holder_id: &'static str,
    pub achievement: &'static str,
    pub title: &'static str,
    pub level: &'static str,
    pub unit: &'static str,
    pub issuer: &'static str,
    pub issuer_id: &'static str,
    pub attributes: &'static str,
    pub serial: &'static str,
    pub issued: &'static str,
    /// Before the last day of validity (FORMAT.md §3.9).
    pub expires: &'static str,
    pub valid_from: &'static str,
    pub key: &'static str,
    pub reason: &'static str,
    pub result: &'static str,
    pub detail: &'static str,
    pub input: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Es => Labels {
            holder: "Titular",
            holder_id: "Identificación",
            achievement: "Estándar",
            title: "Título",
            level: "Nivel",
            unit: "Unidad",
            issuer: "Emisor",
            issuer_id: "Id del emisor",
            attributes: "Otros datos del certificado (firmados por el emisor):",
            serial: "Folio",
            issued: "Emitido",
            expires: "Vigente hasta",
            valid_from: "Vigente desde",
            key: "Llave",
            reason: "Motivo",
            result: "Resultado",
            detail: "Detalle",
            input: "Entrada",
        },
        Lang::En => Labels {
            holder: "Holder",
            holder_id: "Holder id",
            achievement: "Standard",
            title: "Title",
            level: "Level",
            unit: "Unit",
            issuer: "Issuer",
            issuer_id: "Issuer id",
            attributes: "Other certificate data (signed by the issuer):",
            serial: "Serial",
            issued: "Issued",
            expires: "Valid through",
            valid_from: "Valid from",
            key: "Key",
            reason: "Reason",
            result: "Result",
            detail: "Detail",
            input: "Input",
        },
    }
}

pub fn error_prefix(lang: Lang) -> &'static str {
    lang.pick("error", "error")
}

pub fn passphrase_prompt(lang: Lang) -> &'static str {
    lang.pick(
        "Frase de contraseña de la llave privada: ",
        "Private key passphrase: ",
    )
}

pub fn passphrase_again(lang: Lang) -> &'static str {
    lang.pick("Repita la frase de contraseña: ", "Repeat the passphrase: ")
}

pub fn passphrase_mismatch(lang: Lang) -> &'static str {
    lang.pick(
        "las frases de contraseña no coinciden",
        "the passphrases do not match",
    )
}

pub fn passphrase_missing(lang: Lang) -> &'static str {
    lang.pick(
        "no hay frase de contraseña: defina SELLO_PASSPHRASE o ejecute en una terminal",
        "no passphrase: set SELLO_PASSPHRASE or run in a terminal",
    )
}

pub fn no_keys(lang: Lang) -> &'static str {
    lang.pick(
        "no se indicó ningún emisor de confianza: use --keys ARCHIVO_JWKS_O_CARPETA (o SELLO_KEYS)",
        "no trusted issuer given: use --keys JWKS_FILE_OR_FOLDER (or SELLO_KEYS)",
    )
}

pub fn keygen_done(lang: Lang) -> &'static str {
    lang.pick("Emisor creado", "Issuer created")
}

pub fn keygen_publish(lang: Lang) -> &'static str {
    lang.pick(
        "Publique este conjunto de llaves para quienes verifiquen",
        "Publish this key set to verifiers",
    )
}

pub fn private_key_note(lang: Lang) -> &'static str {
    lang.pick(
        "Llave privada cifrada (modo 0600)",
        "Encrypted private key (mode 0600)",
    )
}

pub fn qr_written(lang: Lang) -> &'static str {
    lang.pick("Código QR escrito en", "QR code written to")
}

pub fn qr_content(lang: Lang) -> &'static str {
    lang.pick("Contenido del QR", "QR content")
}

pub fn no_qr_found(lang: Lang) -> &'static str {
    lang.pick("no se encontró ningún código QR", "no QR code found")
}

pub fn bad_attr(lang: Lang) -> &'static str {
    lang.pick("--attr espera CLAVE=VALOR", "--attr expects KEY=VALUE")
}

pub fn qr_extension(lang: Lang) -> &'static str {
    lang.pick(
        "--qr debe terminar en .png o .svg",
        "--qr must end in .png or .svg",
    )
}

pub fn time_zone_label(lang: Lang) -> &'static str {
    lang.pick("Zona horaria", "Time zone")
}

/// A time that could not be read (`--expires`, `--at`), with an example of one that can.
pub fn bad_date(lang: Lang, error: &sello_issuer::dates::DateError) -> String {
    use sello_issuer::dates::DateError;
    let given = error.text();
    match (lang, error) {
        (Lang::Es, DateError::NoSuchDay(_)) => {
            format!("«{given}» no es un día del calendario (desde 1970; por ejemplo 2031-11-24)")
        }
        (Lang::Es, DateError::OutOfRange(_)) => format!(
            "«{given}» está fuera de rango: las fechas van de 1970-01-01 a 9999-12-29 (por ejemplo 2031-11-24)"
        ),
        (Lang::Es, _) => format!(
            "«{given}» no es una fecha: use AAAA-MM-DD (por ejemplo 2031-11-24), una hora RFC 3339 con su desfase (por ejemplo 2031-11-24T18:00:00-06:00) o segundos Unix"
        ),
        (Lang::En, _) => error.to_string(),
    }
}

/// After `sello keys set-time-zone`.
pub fn time_zone_set(lang: Lang) -> &'static str {
    lang.pick(
        "Publique el nuevo jwks.json. Las fechas de los certificados ya emitidos se muestran ahora en esta zona.",
        "Publish the new jwks.json. The dates of certificates already issued are now shown in this zone.",
    )
}

/// A warning at load: two trusted issuers a person could take for one another.
pub fn confusable_issuers(lang: Lang, pair: &sello_verifier::Confusable) -> String {
    use sello_core::untrusted::Escaped;
    let (first, second) = (Escaped(&pair.first), Escaped(&pair.second));
    match (lang, pair.what) {
        (Lang::Es, sello_verifier::Likeness::Id) => format!(
            "aviso: los emisores de confianza {first} y {second} tienen ids que se pueden confundir; compruebe que ambos sean legítimos"
        ),
        (Lang::Es, sello_verifier::Likeness::Name) => format!(
            "aviso: los emisores de confianza {first} y {second} tienen nombres que se pueden confundir; compruebe que ambos sean legítimos"
        ),
        (Lang::En, sello_verifier::Likeness::Id) => format!(
            "warning: the trusted issuers {first} and {second} have ids a person could confuse; check that both are legitimate"
        ),
        (Lang::En, sello_verifier::Likeness::Name) => format!(
            "warning: the trusted issuers {first} and {second} have names a person could confuse; check that both are legitimate"
        ),
    }
}

pub fn passphrase_prompt_new(lang: Lang) -> &'static str {
    lang.pick(
        "Nueva frase de contraseña para la llave privada: ",
        "New passphrase for the private key: ",
    )
}

pub fn rotate_new_passphrase_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Para cifrar la nueva llave con otra frase, use --new-passphrase (o SELLO_NEW_PASSPHRASE).",
        "To encrypt the new key under another passphrase, use --new-passphrase (or SELLO_NEW_PASSPHRASE).",
    )
}

/// Why a passphrase was refused for a new key, with zxcvbn's findings, for the person.
pub fn weak_passphrase(lang: Lang, weakness: &Weakness) -> String {
    let mut out = lang
        .pick(
            "la frase de contraseña es demasiado débil para una llave nueva: ",
            "the passphrase is too weak for a new key: ",
        )
        .to_owned();
    match weakness {
        Weakness::Blank => out.push_str(lang.pick(
            "está vacía o solo tiene espacios.",
            "it is empty or only white space.",
        )),
        Weakness::TooShort => out.push_str(&match lang {
            Lang::Es => format!("tiene menos de {MIN_CHARS} caracteres."),
            Lang::En => format!("it has fewer than {MIN_CHARS} characters."),
        }),
        Weakness::Guessable {
            score,
            warning,
            suggestions,
        } => {
            out.push_str(&match lang {
                Lang::Es => format!(
                    "es fácil de adivinar (fuerza {score} de 4; se necesita al menos {MIN_SCORE})."
                ),
                Lang::En => format!(
                    "it is easy to guess (strength {score} of 4; at least {MIN_SCORE} is needed)."
                ),
            });
            if let Some(w) = warning {
                out.push(' ');
                out.push_str(passphrase_warning(lang, *w));
            }
            for s in suggestions {
                out.push(' ');
                out.push_str(passphrase_suggestion(lang, *s));
            }
        }
    }
    out.push(' ');
    out.push_str(lang.pick(
        "Una buena frase: cuatro o cinco palabras al azar que no formen una frase conocida.",
        "A good one: four or five random words that do not make a known phrase.",
    ));
    out
}

fn passphrase_warning(lang: Lang, warning: Warning) -> &'static str {
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => lang.pick(
            "Las filas seguidas del teclado son fáciles de adivinar.",
            "Straight rows of keys are easy to guess.",
        ),
        Warning::ShortKeyboardPatternsAreEasyToGuess => lang.pick(
            "Los patrones cortos del teclado son fáciles de adivinar.",
            "Short keyboard patterns are easy to guess.",
        ),
        Warning::RepeatsLikeAaaAreEasyToGuess => lang.pick(
            "Las repeticiones como «aaa» son fáciles de adivinar.",
            "Repeats like \"aaa\" are easy to guess.",
        ),
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => lang.pick(
            "Las repeticiones como «abcabcabc» son apenas más difíciles de adivinar que «abc».",
            "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
        ),
        Warning::ThisIsATop10Password => lang.pick(
            "Es una de las 10 contraseñas más comunes.",
            "This is a top-10 common password.",
        ),
        Warning::ThisIsATop100Password => lang.pick(
            "Es una de las 100 contraseñas más comunes.",
            "This is a top-100 common password.",
        ),
        Warning::ThisIsACommonPassword => lang.pick(
            "Es una contraseña muy común.",
            "This is a very common password.",
        ),
        Warning::ThisIsSimilarToACommonlyUsedPassword => lang.pick(
            "Se parece a una contraseña muy usada.",
            "This is similar to a commonly used password.",
        ),
        Warning::SequencesLikeAbcAreEasyToGuess => lang.pick(
            "Las secuencias como «abc» o «6543» son fáciles de adivinar.",
            "Sequences like abc or 6543 are easy to guess.",
        ),
        Warning::RecentYearsAreEasyToGuess => lang.pick(
            "Los años recientes son fáciles de adivinar.",
            "Recent years are easy to guess.",
        ),
        Warning::AWordByItselfIsEasyToGuess => lang.pick(
            "Una palabra sola es fácil de adivinar.",
            "A word by itself is easy to guess.",
        ),
        Warning::DatesAreOftenEasyToGuess => lang.pick(
            "Las fechas suelen ser fáciles de adivinar.",
            "Dates are often easy to guess.",
        ),
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => lang.pick(
            "Los nombres y apellidos solos son fáciles de adivinar.",
            "Names and surnames by themselves are easy to guess.",
        ),
        Warning::CommonNamesAndSurnamesAreEasyToGuess => lang.pick(
            "Los nombres y apellidos comunes son fáciles de adivinar.",
            "Common names and surnames are easy to guess.",
        ),
    }
}

fn passphrase_suggestion(lang: Lang, suggestion: Suggestion) -> &'static str {
    match suggestion {
        Suggestion::UseAFewWordsAvoidCommonPhrases => lang.pick(
            "Use varias palabras y evite frases conocidas.",
            "Use a few words, avoid common phrases.",
        ),
        Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => lang.pick(
            "No hacen falta símbolos, números ni mayúsculas.",
            "No need for symbols, digits, or uppercase letters.",
        ),
        Suggestion::AddAnotherWordOrTwo => lang.pick(
            "Agregue una o dos palabras más; mejor si son poco comunes.",
            "Add another word or two. Uncommon words are better.",
        ),
        Suggestion::CapitalizationDoesntHelpVeryMuch => lang.pick(
            "Las mayúsculas no ayudan mucho.",
            "Capitalization doesn't help very much.",
        ),
        Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => lang.pick(
            "Todo en mayúsculas es casi tan fácil de adivinar como todo en minúsculas.",
            "All-uppercase is almost as easy to guess as all-lowercase.",
        ),
        Suggestion::ReversedWordsArentMuchHarderToGuess => lang.pick(
            "Las palabras al revés no son mucho más difíciles de adivinar.",
            "Reversed words aren't much harder to guess.",
        ),
        Suggestion::PredictableSubstitutionsDontHelpVeryMuch => lang.pick(
            "Las sustituciones previsibles, como «@» por «a», no ayudan mucho.",
            "Predictable substitutions like '@' instead of 'a' don't help very much.",
        ),
        Suggestion::UseALongerKeyboardPatternWithMoreTurns => lang.pick(
            "Use un patrón de teclado más largo y con más giros.",
            "Use a longer keyboard pattern with more turns.",
        ),
        Suggestion::AvoidRepeatedWordsAndCharacters => lang.pick(
            "Evite palabras y caracteres repetidos.",
            "Avoid repeated words and characters.",
        ),
        Suggestion::AvoidSequences => lang.pick("Evite las secuencias.", "Avoid sequences."),
        Suggestion::AvoidRecentYears => {
            lang.pick("Evite los años recientes.", "Avoid recent years.")
        }
        Suggestion::AvoidYearsThatAreAssociatedWithYou => lang.pick(
            "Evite años relacionados con usted.",
            "Avoid years that are associated with you.",
        ),
        Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => lang.pick(
            "Evite fechas y años relacionados con usted.",
            "Avoid dates and years that are associated with you.",
        ),
    }
}
