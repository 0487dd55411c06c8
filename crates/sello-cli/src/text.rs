//! Every user-facing string of the CLI, in Spanish and English.

use sello_core::Lang;

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
            expires: "Vence",
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
            expires: "Expires",
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
