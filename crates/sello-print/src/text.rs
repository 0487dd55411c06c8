//! Every Spanish string this crate produces (the default template has its own, in the SVG).

/// Month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A calendar date: `24 de noviembre de 2026`.
pub(crate) fn date(day: u32, month: u32, year: i64) -> String {
    format!("{day} de {} de {year}", MONTHS[(month - 1) as usize])
}

/// The `{{verify}}` line when the issuer publishes a verification page.
pub(crate) fn verify_online(url: &str) -> String {
    format!("o en {url}")
}
