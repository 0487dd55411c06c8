//! Rosters: the list of people to certify, as CSV or JSON Lines.
//!
//! Columns (CSV header names or JSON member names; case-insensitive; Spanish aliases in
//! brackets):
//!
//! | column | | meaning |
//! |---|---|---|
//! | `holder` | [`nombre`, `titular`] | holder's full name — required |
//! | `holder_id` | [`curp`, `id`] | national id |
//! | `code` | [`codigo`, `código`, `estandar`, `estándar`] | standard code, e.g. EC0105 — required unless given for the batch |
//! | `title` | [`titulo`, `título`] | standard title — required unless given for the batch |
//! | `level` | [`nivel`] | level |
//! | `unit` | [`unidad`] | issuing unit |
//! | `serial` | [`folio`] | serial; generated when empty |
//! | `expires` | [`vence`, `vigencia`] | valid through this date (`YYYY-MM-DD`, in the issuer's time zone: [`RowDefaults::zone`]), or until an RFC 3339 time |
//! | `attr.KEY` | [`x.KEY`] | an extra field `KEY` (a–z, 0–9, `_ . -`) |
//!
//! A CSV roster is UTF-8 (a byte order mark is skipped); a file that is not (Excel's plain
//! "CSV", Windows-1252) is refused as a whole, naming the first line that is not UTF-8. The
//! separator is `,`, or `;` when the header line has more semicolons than commas (Excel where
//! the list separator is `;`). A column that is none of the above is refused as a whole, unless
//! it is one of the issuer's declared attribute labels ([`parse_with_labels`]); so are two
//! columns for one field, and a roster where no row has a code (or title) and the batch gives
//! none. Empty cells count as absent. Each row is validated on its own: a bad row (one with
//! more or fewer fields than the header, too) is reported with its line number, as an editor
//! counts lines, and the others go on. Every row gets a *row key*, a hash of its content and
//! of how many identical rows came before it, which identifies it when a batch is run again.

use crate::IssueRequest;
use crate::i18n::{escaped, tr};
use sello_core::i18n::Arg;
use sello_core::{Achievement, Certificate, Holder};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// Largest roster accepted, in bytes.
pub const MAX_ROSTER_BYTES: usize = 256 << 20;
/// Most rows in one roster.
pub const MAX_ROWS: usize = 5_000_000;

/// A roster's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterFormat {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// One JSON object per line.
    JsonLines,
}

impl RosterFormat {
    /// Guesses the format from a file name: `.jsonl`/`.ndjson` are JSON Lines, anything else CSV.
    pub fn from_path(path: &std::path::Path) -> RosterFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "jsonl" || e == "ndjson" => RosterFormat::JsonLines,
            _ => RosterFormat::Csv,
        }
    }
}

/// Values that apply to every row that leaves them empty.
#[derive(Debug, Clone, Default)]
pub struct RowDefaults {
    /// Standard code.
    pub code: Option<String>,
    /// Standard title.
    pub title: Option<String>,
    /// Level.
    pub level: Option<String>,
    /// Issuing unit.
    pub unit: Option<String>,
    /// Expiry (seconds since the epoch).
    pub expires: Option<i64>,
    /// The issuer's time zone, in which an `expires` date is meant (FORMAT §3.9). UTC by
    /// default; `sello issue --batch` gives the issuer folder's.
    pub zone: sello_core::zone::Zone,
}

/// A valid roster row, ready to issue.
#[derive(Debug, Clone)]
pub struct RosterRow {
    /// Line number in the file (1-based; the CSV header is line 1).
    pub line: u64,
    /// What to issue.
    pub request: IssueRequest,
    /// Stable identity of the row across runs.
    pub row_key: String,
}

/// A row that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line number in the file.
    pub line: u64,
    /// What is wrong.
    pub problem: RowProblem,
    /// What is wrong, in the language in use when the roster was read.
    pub message: String,
}

impl RowError {
    fn new(line: u64, problem: RowProblem) -> RowError {
        RowError {
            line,
            message: problem.to_string(),
            problem,
        }
    }
}

/// What is wrong with one row. `Display` is in the language in use, with the row's own text
/// escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// More or fewer fields than the header has columns (a stray separator or quote).
    #[error("{}", tr("row-fields", &[("found", Arg::from(*found)), ("expected", Arg::from(*expected)), ("separator", Arg::from(if *semicolon { "semicolon" } else { "comma" }))]))]
    Fields {
        /// Fields on the row.
        found: usize,
        /// Columns in the header.
        expected: usize,
        /// Whether the roster was read with `;` as the separator.
        semicolon: bool,
    },
    /// A value under a column whose header is empty (1-based column number).
    #[error("{}", tr("row-unnamed", &[("column", Arg::from(*.0))]))]
    Unnamed(usize),
    /// The CSV reader's own complaint.
    #[error("{}", tr("row-unreadable", &[("error", Arg::from(escaped(.0)))]))]
    Unreadable(String),
    /// No holder name.
    #[error("{}", tr("row-no-holder", &[]))]
    NoHolder,
    /// No standard code, and none for the batch.
    #[error("{}", tr("row-no-code", &[]))]
    NoCode,
    /// No standard title, and none for the batch.
    #[error("{}", tr("row-no-title", &[]))]
    NoTitle,
    /// An expiry that is not a date.
    #[error("{}", date_message(.0))]
    Date(String),
    /// The certificate or the serial breaks a rule of the format (the reason, already worded).
    #[error("{}", tr("row-invalid", &[("error", Arg::from(.0))]))]
    Invalid(String),
    /// A serial already used on an earlier line.
    #[error("{}", tr("row-duplicate-serial", &[("serial", Arg::from(escaped(serial))), ("first", Arg::from(*first))]))]
    DuplicateSerial {
        /// The serial.
        serial: String,
        /// The line that has it first.
        first: u64,
    },
    /// A JSON Lines line that is not an object (the parser's reason, already worded).
    #[error("{}", tr("row-not-object", &[("error", Arg::from(.0))]))]
    NotObject(String),
    /// A JSON member that must be a string.
    #[error("{}", tr("row-not-string", &[("name", Arg::from(escaped(.0)))]))]
    NotString(String),
    /// A JSON member Sello does not know.
    #[error("{}", tr("row-unknown-member", &[("name", Arg::from(escaped(.0)))]))]
    UnknownMember(String),
}

fn date_message(text: &str) -> String {
    // 24/11/2031 or 24-11-2031, as dates are written in Mexico: say which date it would be.
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    if let [d, m, y] = parts[..]
        && let (Ok(day), Ok(month), Ok(year)) = (d.parse::<u8>(), m.parse::<u8>(), y.parse::<u16>())
        && y.len() == 4
        && (1..=31).contains(&day)
        && (1..=12).contains(&month)
    {
        return tr(
            "row-date-dmy",
            &[
                ("text", Arg::from(escaped(text))),
                ("day", Arg::from(day)),
                ("month", Arg::from(month)),
                ("year", Arg::from(year.to_string())),
                ("iso", Arg::from(format!("{year:04}-{month:02}-{day:02}"))),
            ],
        );
    }
    tr("row-date", &[("text", Arg::from(escaped(text)))])
}

/// Why a whole roster could not be read. `Display` is in the language in use, with the file's
/// own text escaped.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// Over [`MAX_ROSTER_BYTES`] or [`MAX_ROWS`].
    #[error("{}", tr("roster-too-large", &[("bytes", Arg::from(MAX_ROSTER_BYTES)), ("rows", Arg::from(MAX_ROWS))]))]
    TooLarge,
    /// The file is UTF-16 (a byte order mark says so).
    #[error("{}", tr("roster-utf16", &[]))]
    Utf16,
    /// The file is not UTF-8: the first line that is not, read as Windows-1252 to show it.
    #[error("{}", tr("roster-not-utf8", &[("line", Arg::from(*line)), ("text", Arg::from(escaped(text)))]))]
    NotUtf8 {
        /// The line (1-based).
        line: u64,
        /// The line as Windows-1252 would read it (at most 100 characters).
        text: String,
    },
    /// The CSV header is unreadable.
    #[error("{}", tr("roster-header", &[("error", Arg::from(escaped(.0)))]))]
    Header(String),
    /// The CSV header names no `holder` column (the header's names, as read).
    #[error("{}", no_holder_message(.0))]
    NoHolderColumn(Vec<String>),
    /// Columns that are neither Sello's nor `attr.KEY` nor a declared attribute's label.
    #[error("{}", unknown_columns_message(names, labels))]
    UnknownColumns {
        /// The unknown column names.
        names: Vec<String>,
        /// The declared attributes' labels that would have been accepted.
        labels: Vec<String>,
    },
    /// Two columns for the same field (`nombre` and `titular`, or `attr.dep` twice).
    #[error("{}", tr("roster-duplicate-column", &[("first", Arg::from(escaped(.0))), ("second", Arg::from(escaped(.1)))]))]
    DuplicateColumn(String, String),
    /// No row has a standard code and the batch gives none.
    #[error("{}", tr("roster-no-code", &[]))]
    NoCode,
    /// No row has a standard title and the batch gives none.
    #[error("{}", tr("roster-no-title", &[]))]
    NoTitle,
}

fn quoted_list(names: &[String]) -> String {
    let (open, close) = match sello_core::i18n::language() {
        sello_core::Lang::Es => ("«", "»"),
        sello_core::Lang::En => ("\"", "\""),
    };
    names
        .iter()
        .map(|n| format!("{open}{}{close}", escaped(n)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn no_holder_message(columns: &[String]) -> String {
    let id = if columns.len() == 1 && columns[0].contains(';') {
        "roster-no-holder-semicolon"
    } else {
        "roster-no-holder"
    };
    tr(id, &[("columns", Arg::from(quoted_list(columns)))])
}

fn unknown_columns_message(names: &[String], labels: &[String]) -> String {
    let labels = if labels.is_empty() {
        String::new()
    } else {
        tr(
            "roster-declared-labels",
            &[("names", Arg::from(quoted_list(labels)))],
        )
    };
    tr(
        "roster-unknown-columns",
        &[
            ("count", Arg::from(names.len())),
            ("names", Arg::from(quoted_list(names))),
            ("labels", Arg::from(labels)),
        ],
    )
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Field {
    Holder,
    HolderId,
    Code,
    Title,
    Level,
    Unit,
    Serial,
    Expires,
}

fn field(name: &str) -> Option<Field> {
    Some(match name.trim().to_lowercase().as_str() {
        "holder" | "nombre" | "titular" => Field::Holder,
        "holder_id" | "curp" | "id" => Field::HolderId,
        "code" | "codigo" | "código" | "estandar" | "estándar" => Field::Code,
        "title" | "titulo" | "título" => Field::Title,
        "level" | "nivel" => Field::Level,
        "unit" | "unidad" => Field::Unit,
        "serial" | "folio" => Field::Serial,
        "expires" | "vence" | "vigencia" => Field::Expires,
        _ => return None,
    })
}

fn attr_key(name: &str) -> Option<String> {
    let lower = name.trim().to_lowercase();
    lower
        .strip_prefix("attr.")
        .or_else(|| lower.strip_prefix("x."))
        .map(str::to_owned)
}

/// One row's raw cells: known fields and attributes.
#[derive(Default)]
struct Cells {
    fields: HashMap<Field, String>,
    attrs: BTreeMap<String, String>,
}

impl Cells {
    fn has(&self, f: Field) -> bool {
        self.fields.get(&f).is_some_and(|v| !v.trim().is_empty())
    }
}

fn build(cells: Cells, defaults: &RowDefaults) -> Result<IssueRequest, RowProblem> {
    let get = |f: Field| {
        cells
            .fields
            .get(&f)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let holder = get(Field::Holder).ok_or(RowProblem::NoHolder)?;
    let code = get(Field::Code)
        .or_else(|| defaults.code.clone())
        .ok_or(RowProblem::NoCode)?;
    let title = get(Field::Title)
        .or_else(|| defaults.title.clone())
        .ok_or(RowProblem::NoTitle)?;
    let expires = match get(Field::Expires) {
        Some(text) => Some(
            crate::dates::parse_expiry(&text, &defaults.zone).map_err(|e| {
                // A date in the right form that is not a day (2031-02-30): the reason as the
                // date parser words it; anything else: the form to use, with an example.
                let b = text.as_bytes();
                let iso_shaped = b.len() == 10
                    && b.iter().enumerate().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            *c == b'-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                if iso_shaped {
                    RowProblem::Invalid(e.to_string())
                } else {
                    RowProblem::Date(text.clone())
                }
            })?,
        ),
        None => defaults.expires,
    };
    let certificate = Certificate {
        holder: Holder {
            name: holder,
            id: get(Field::HolderId),
        },
        achievement: Achievement {
            code,
            title,
            level: get(Field::Level).or_else(|| defaults.level.clone()),
        },
        unit: get(Field::Unit).or_else(|| defaults.unit.clone()),
        attrs: cells
            .attrs
            .into_iter()
            .map(|(k, v)| (k, v.trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect(),
    };
    certificate
        .validate()
        .map_err(|e| RowProblem::Invalid(e.to_string()))?;
    let serial = get(Field::Serial);
    if let Some(s) = &serial {
        sello_core::check_serial(s).map_err(|e| RowProblem::Invalid(e.to_string()))?;
    }
    let mut request = IssueRequest::new(certificate);
    request.serial = serial;
    request.expires = expires;
    Ok(request)
}

fn content_key(request: &IssueRequest) -> String {
    let canonical = serde_json::json!({
        "cert": request.certificate,
        "serial": request.serial,
        "expires": request.expires,
    });
    let digest = Sha256::digest(canonical.to_string().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses a roster. Returns the usable rows and the rejected ones; fails as a whole when the
/// file is too large or not UTF-8, its header is unusable (no holder column, a column Sello
/// does not know, two columns for one field), or no row has a standard code (or title) and the
/// batch gives none.
pub fn parse(
    bytes: &[u8],
    format: RosterFormat,
    defaults: &RowDefaults,
) -> Result<(Vec<RosterRow>, Vec<RowError>), RosterError> {
    parse_with_labels(bytes, format, defaults, &[])
}

/// The `(label, key)` pairs of [`parse_with_labels`] for an issuer's declared labels (its key
/// set's `attribute_labels`): every language's label names its key.
pub fn label_columns(labels: &sello_core::jwk::AttributeLabels) -> Vec<(String, String)> {
    labels
        .iter()
        .flat_map(|(key, by_lang)| by_lang.values().map(|label| (label.clone(), key.clone())))
        .collect()
}

/// [`parse`], where a CSV column may also be named by one of the issuer's declared attribute
/// labels: `labels` holds `(label, key)` pairs, e.g. `("Departamento", "dep")`, and a column
/// whose name is a label (compared case-insensitively, spaces trimmed) fills `attrs[key]`.
pub fn parse_with_labels(
    bytes: &[u8],
    format: RosterFormat,
    defaults: &RowDefaults,
    labels: &[(String, String)],
) -> Result<(Vec<RosterRow>, Vec<RowError>), RosterError> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(RosterError::TooLarge);
    }
    check_utf8(bytes)?;
    let raw = match format {
        RosterFormat::Csv => csv_cells(bytes, labels)?,
        RosterFormat::JsonLines => jsonl_cells(bytes)?,
    };
    let usable = || raw.iter().filter_map(|(_, c)| c.as_ref().ok());
    if raw.iter().any(|(_, c)| c.is_ok()) {
        if defaults.code.is_none() && !usable().any(|c| c.has(Field::Code)) {
            return Err(RosterError::NoCode);
        }
        if defaults.title.is_none() && !usable().any(|c| c.has(Field::Title)) {
            return Err(RosterError::NoTitle);
        }
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut serials: HashMap<String, u64> = HashMap::new();
    for (line, cells) in raw {
        let request = match cells.and_then(|c| build(c, defaults)) {
            Ok(r) => r,
            Err(problem) => {
                errors.push(RowError::new(line, problem));
                continue;
            }
        };
        if let Some(s) = &request.serial {
            if let Some(first) = serials.get(s) {
                errors.push(RowError::new(
                    line,
                    RowProblem::DuplicateSerial {
                        serial: s.clone(),
                        first: *first,
                    },
                ));
                continue;
            }
            serials.insert(s.clone(), line);
        }
        let key = content_key(&request);
        let n = seen.entry(key.clone()).or_insert(0);
        let row_key = format!("{key}#{n}");
        *n += 1;
        rows.push(RosterRow {
            line,
            request,
            row_key,
        });
    }
    Ok((rows, errors))
}

/// Refuses a roster that is not UTF-8, naming the first line that is not, shown as
/// Windows-1252 (what Excel's plain "CSV" writes on Spanish Windows) would read it. It is not
/// converted: a guess at the encoding that is wrong would put a wrong name into a signature.
fn check_utf8(bytes: &[u8]) -> Result<(), RosterError> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(RosterError::Utf16);
    }
    let Err(e) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    let at = e.valid_up_to();
    let start = bytes[..at]
        .iter()
        .rposition(|b| matches!(b, b'\n' | b'\r'))
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|b| matches!(b, b'\n' | b'\r'))
        .map_or(bytes.len(), |i| at + i);
    let mut lines = LineCounter::new(bytes);
    let line = lines.line_at(start as u64);
    let text: String = bytes[start..end]
        .iter()
        .map(|b| windows_1252(*b))
        .take(100)
        .collect();
    Err(RosterError::NotUtf8 { line, text })
}

/// One Windows-1252 byte as a character (the five unassigned bytes as U+FFFD).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The separator of a CSV roster: `;` when the header line has more semicolons than commas
/// (Excel's "CSV" where the list separator is `;`), otherwise `,`.
fn separator(bytes: &[u8]) -> u8 {
    let header = bytes
        .split(|b| matches!(b, b'\n' | b'\r'))
        .next()
        .unwrap_or_default();
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

type RawRows = Vec<(u64, Result<Cells, RowProblem>)>;

fn csv_cells(bytes: &[u8], labels: &[(String, String)]) -> Result<RawRows, RosterError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let delimiter = separator(bytes);
    let semicolon = delimiter == b';';
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| RosterError::Header(e.to_string()))?
        .clone();
    #[derive(PartialEq)]
    enum Col {
        Field(Field),
        Attr(String),
        Unnamed,
    }
    let by_label = |name: &str| {
        let name = name.trim().to_lowercase();
        labels
            .iter()
            .find(|(label, _)| label.trim().to_lowercase() == name)
            .map(|(_, key)| key.clone())
    };
    let mut columns: Vec<Col> = Vec::new();
    let mut unknown = Vec::new();
    for name in headers.iter() {
        let col = match (field(name), attr_key(name)) {
            (Some(f), _) => Col::Field(f),
            (None, Some(k)) => Col::Attr(k),
            _ if name.trim().is_empty() => Col::Unnamed,
            _ => match by_label(name) {
                Some(k) => Col::Attr(k),
                None => {
                    unknown.push(name.to_owned());
                    continue;
                }
            },
        };
        if col != Col::Unnamed
            && let Some(i) = columns.iter().position(|c| *c == col)
        {
            return Err(RosterError::DuplicateColumn(
                headers[i].to_owned(),
                name.to_owned(),
            ));
        }
        columns.push(col);
    }
    if !columns
        .iter()
        .any(|c| matches!(c, Col::Field(Field::Holder)))
    {
        return Err(RosterError::NoHolderColumn(
            headers.iter().map(str::to_owned).collect(),
        ));
    }
    if !unknown.is_empty() {
        let mut labels: Vec<String> = labels.iter().map(|(l, _)| l.clone()).collect();
        labels.sort();
        labels.dedup();
        return Err(RosterError::UnknownColumns {
            names: unknown,
            labels,
        });
    }
    let mut out = Vec::new();
    let mut lines = LineCounter::new(bytes);
    for record in reader.records() {
        if out.len() >= MAX_ROWS {
            return Err(RosterError::TooLarge);
        }
        let (line, cells) = match record {
            Err(e) => (
                e.position().map_or(0, |p| lines.line_at(p.byte())),
                Err(RowProblem::Unreadable(e.to_string())),
            ),
            Ok(rec) => {
                let line = rec.position().map_or(0, |p| lines.line_at(p.byte()));
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if rec.len() != columns.len() {
                    out.push((
                        line,
                        Err(RowProblem::Fields {
                            found: rec.len(),
                            expected: columns.len(),
                            semicolon,
                        }),
                    ));
                    continue;
                }
                let mut cells = Cells::default();
                let mut problem = None;
                for (i, (col, value)) in columns.iter().zip(rec.iter()).enumerate() {
                    match col {
                        Col::Field(f) => {
                            cells.fields.insert(*f, value.to_owned());
                        }
                        Col::Attr(k) => {
                            cells.attrs.insert(k.clone(), value.to_owned());
                        }
                        Col::Unnamed if !value.trim().is_empty() => {
                            problem.get_or_insert(RowProblem::Unnamed(i + 1));
                        }
                        Col::Unnamed => {}
                    }
                }
                (line, problem.map_or(Ok(cells), Err))
            }
        };
        out.push((line, cells));
    }
    Ok(out)
}
/// Line numbers from byte offsets, as a person counts lines in an editor: `\n`, `\r\n` and
/// a lone `\r` each end one line. (The `csv` crate's own count is one short for a record that
/// follows a `\r\n`, Excel's line ending: it has not yet read that record's `\n`.) Offsets
/// must come in increasing order; each call counts only from the previous one.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line on which the record found at byte `offset` starts.
    fn line_at(&mut self, offset: u64) -> u64 {
        // A record's reported start may be the line break before it: skip to its first byte.
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.offset {
            return self.line;
        }
        let mut i = self.offset;
        while i < start {
            match self.bytes[i] {
                b'\n' => self.line += 1,
                b'\r' if self.bytes.get(i + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            i += 1;
        }
        self.offset = start;
        self.line
    }
}

fn jsonl_cells(bytes: &[u8]) -> Result<RawRows, RosterError> {
    let mut out = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if out.len() >= MAX_ROWS {
            return Err(RosterError::TooLarge);
        }
        let parsed: Result<serde_json::Map<String, serde_json::Value>, RowProblem> =
            sello_core::json::parse_strict(line, 64 * 1024)
                .map_err(|e| RowProblem::NotObject(e.to_string()));
        let cells = parsed.and_then(|members| {
            let mut cells = Cells::default();
            for (name, value) in members {
                let text = match value {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Null => continue,
                    serde_json::Value::Object(map) if name == "attrs" => {
                        for (k, v) in map {
                            let v = v
                                .as_str()
                                .ok_or_else(|| RowProblem::NotString(format!("attrs.{k}")))?;
                            cells.attrs.insert(k.to_lowercase(), v.to_owned());
                        }
                        continue;
                    }
                    _ => return Err(RowProblem::NotString(name)),
                };
                match (field(&name), attr_key(&name)) {
                    (Some(f), _) => {
                        cells.fields.insert(f, text);
                    }
                    (None, Some(k)) => {
                        cells.attrs.insert(k, text);
                    }
                    _ => return Err(RowProblem::UnknownMember(name)),
                }
            }
            Ok(cells)
        });
        out.push((line_no, cells));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> RowDefaults {
        RowDefaults {
            code: Some("EC0105".into()),
            title: Some("Atención al ciudadano en el sector público".into()),
            ..Default::default()
        }
    }

    #[test]
    fn csv_with_spanish_headers_defaults_and_errors() {
        let csv = "\u{feff}Nombre,CURP,folio,vence,attr.dep\n\
                   María López,LOMA850312MDFRPD09,,2030-12-31,Registro Civil\n\
                   ,SIN NOMBRE,,,\n\
                   \"Pérez, Juan\",,A-1,,Tesorería\n\
                   Ana,,A-1,,\n\
                   Ana,,,mañana,\n\
                   \n\
                   María López,LOMA850312MDFRPD09,,2030-12-31,Registro Civil\n";
        let (rows, errors) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        assert_eq!(rows.len(), 3, "{errors:?}");
        assert_eq!(rows[0].line, 2);
        let r = &rows[0].request;
        assert_eq!(r.certificate.holder.name, "María López");
        assert_eq!(r.certificate.achievement.code, "EC0105");
        assert_eq!(r.certificate.attrs["dep"], "Registro Civil");
        assert!(r.expires.is_some());
        assert_eq!(rows[1].request.certificate.holder.name, "Pérez, Juan");
        assert_eq!(rows[1].request.serial.as_deref(), Some("A-1"));
        // Identical rows get distinct keys, stable across runs.
        assert_ne!(rows[0].row_key, rows[2].row_key);
        assert!(rows[2].row_key.ends_with("#1"));
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 5, 6], "{errors:?}");
        assert_eq!(
            errors[1].problem,
            RowProblem::DuplicateSerial {
                serial: "A-1".into(),
                first: 4
            }
        );
        assert_eq!(errors[1].message, "el folio «A-1» ya está en la línea 4");
        let (again, _) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        assert_eq!(again[0].row_key, rows[0].row_key);
    }

    #[test]
    fn line_numbers_are_right_with_crlf_lone_cr_and_multi_line_cells() {
        let lf = "nombre,curp,attr.notas\n\
                  Ana,X,\n\
                  ,SIN NOMBRE,\n\
                  \"Pérez,\nJuan\",MULTILINEA,\n\
                  Luis,Y,\"una nota\nde dos líneas\"\n\
                  ,Z,\n\
                  \n\
                  Eva,W,\n";
        // Rows: Ana (line 2), Eva (10). Errors: no name (3), a name with a line break (4,
        // spanning 4-5), a note with a line break (6, spanning 6-7: signed text has none), no
        // name (8); line 9 is empty.
        for text in [
            lf.to_owned(),
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\r"),
        ] {
            let (rows, errors) = parse(text.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
            let ending = format!("{:?}", &text[22..24]);
            assert_eq!(
                rows.iter().map(|r| r.line).collect::<Vec<_>>(),
                vec![2, 10],
                "{ending}"
            );
            assert_eq!(
                errors.iter().map(|e| e.line).collect::<Vec<_>>(),
                vec![3, 4, 6, 8],
                "{ending}: {errors:?}"
            );
        }
    }

    #[test]
    fn an_expires_date_is_valid_through_that_day_in_the_issuers_zone() {
        let csv = "nombre,vence\nAna,2031-11-24\nLuis,2031-11-24T12:00:00Z\nEva,2031-02-30\n";
        let cdmx = sello_core::zone::Zone::named("America/Mexico_City").unwrap();
        let mut in_cdmx = defaults();
        in_cdmx.zone = cdmx.clone();
        let (rows, errors) = parse(csv.as_bytes(), RosterFormat::Csv, &in_cdmx).unwrap();
        // 2031-11-25T00:00:00-06:00; an RFC 3339 time is that instant, whatever the zone.
        assert_eq!(rows[0].request.expires, Some(1_953_352_800));
        assert_eq!(cdmx.valid_through(1_953_352_800).to_string(), "2031-11-24");
        assert_eq!(rows[1].request.expires, Some(1_953_331_200 - 12 * 3600));
        assert_eq!(errors.len(), 1);
        // No such day, in the language in use: from when days count, and an example.
        assert!(
            errors[0].message.contains("1970") && errors[0].message.contains("2031-11-24"),
            "{errors:?}"
        );
        // The same roster for an issuer in UTC (the default): midnight UTC.
        let (rows, _) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        assert_eq!(rows[0].request.expires, Some(1_953_331_200));
    }

    #[test]
    fn csv_without_holder_column_is_refused() {
        assert!(matches!(
            parse(b"name,curp\nA,B\n", RosterFormat::Csv, &defaults()),
            Err(RosterError::NoHolderColumn(_))
        ));
    }

    #[test]
    fn json_lines() {
        let jsonl = r#"{"holder":"Ana","attrs":{"dep":"DIF"},"level":"2"}
not json
{"holder":"Luis","colour":"red"}

{"nombre":"Eva","código":"EC0217","título":"Impartición de cursos"}
"#;
        let (rows, errors) = parse(jsonl.as_bytes(), RosterFormat::JsonLines, &defaults()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].request.certificate.attrs["dep"], "DIF");
        assert_eq!(rows[1].request.certificate.achievement.code, "EC0217");
        assert_eq!(rows[1].line, 5);
        assert_eq!(
            errors.iter().map(|e| e.line).collect::<Vec<_>>(),
            vec![2, 3]
        );
    }

    fn no_defaults() -> RowDefaults {
        RowDefaults::default()
    }

    #[test]
    fn windows_1252_roster_is_refused_naming_the_line_and_how_to_save_it() {
        // Excel's plain "CSV" on Spanish Windows: é is 0xE9, ñ 0xF1, lines end in CRLF.
        let bytes = b"nombre,curp\r\nAna,X\r\nJos\xe9 Pe\xf1a,Y\r\n";
        let err = parse(bytes, RosterFormat::Csv, &defaults()).unwrap_err();
        let RosterError::NotUtf8 { line, text } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, text.as_str()), (3, "José Peña,Y"));
        let message = err.to_string();
        assert!(message.starts_with("línea 3:"), "{message}");
        assert!(message.contains("«José Peña,Y»"), "{message}");
        assert!(message.contains("CSV UTF-8"), "{message}");
        // The first bad byte on the header line is line 1; a lone CR counts as a line break.
        let err = parse(b"nombre,t\xedtulo\rAna,B\r", RosterFormat::Csv, &defaults());
        assert!(
            matches!(err, Err(RosterError::NotUtf8 { line: 1, .. })),
            "{err:?}"
        );
        let err = parse(b"a\rb\rJos\xe9\r", RosterFormat::JsonLines, &defaults());
        assert!(
            matches!(err, Err(RosterError::NotUtf8 { line: 3, .. })),
            "{err:?}"
        );
        // Control characters in the file are escaped in the message.
        let err = parse(b"nombre\n\x1b[31mJos\xe9\n", RosterFormat::Csv, &defaults()).unwrap_err();
        assert!(!err.to_string().contains('\x1b'), "{err}");
        // UTF-16 (Excel's "Unicode Text") is named as such.
        let utf16: Vec<u8> = "\u{feff}nombre\r\nAna\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(
            parse(&utf16, RosterFormat::Csv, &defaults()),
            Err(RosterError::Utf16)
        ));
    }

    #[test]
    fn semicolon_separated_roster_is_read_when_the_header_uses_semicolons() {
        let csv = "\u{feff}Nombre;CURP;código;attr.dep\r\n\
                   \"Pérez; Juan\";PEJU800101HDFRRN01;EC0217;Tesorería, Norte\r\n\
                   Ana;;EC0217\r\n";
        let title = RowDefaults {
            title: Some("T".into()),
            ..Default::default()
        };
        let (rows, errors) = parse(csv.as_bytes(), RosterFormat::Csv, &title).unwrap();
        assert_eq!(rows.len(), 1, "{errors:?}");
        let c = &rows[0].request.certificate;
        assert_eq!(c.holder.name, "Pérez; Juan");
        assert_eq!(c.achievement.code, "EC0217");
        assert_eq!(c.attrs["dep"], "Tesorería, Norte");
        assert_eq!(errors[0].line, 3);
        assert_eq!(
            errors[0].problem,
            RowProblem::Fields {
                found: 3,
                expected: 4,
                semicolon: true
            }
        );
        assert!(
            errors[0].message.contains("el separador es «;»"),
            "{}",
            errors[0].message
        );
        // A comma header stays comma-separated even when names have semicolons.
        let (rows, _) = parse(b"nombre,curp\nA;B,C\n", RosterFormat::Csv, &defaults()).unwrap();
        assert_eq!(rows[0].request.certificate.holder.name, "A;B");
    }

    #[test]
    fn unknown_columns_are_refused_naming_them_or_read_as_declared_attributes() {
        let csv = "nombre,curp,Departamento,Turno\nAna,X,DIF,mañana\n";
        let err = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap_err();
        let RosterError::UnknownColumns { names, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(names, &["Departamento", "Turno"]);
        let message = err.to_string();
        assert!(
            message.contains("las columnas «Departamento», «Turno» no son de Sello"),
            "{message}"
        );
        assert!(message.contains("nombre, curp, código"), "{message}");
        assert!(message.contains("attr.departamento"), "{message}");
        let labels = vec![
            ("Departamento".to_owned(), "dep".to_owned()),
            ("Department".to_owned(), "dep".to_owned()),
        ];
        let err =
            parse_with_labels(csv.as_bytes(), RosterFormat::Csv, &defaults(), &labels).unwrap_err();
        assert!(
            matches!(&err, RosterError::UnknownColumns { names, .. } if names == &["Turno"]),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("«Departamento», «Department»"),
            "{err}"
        );
        let csv = "nombre,curp, departamento \nAna,X,DIF\n";
        let (rows, _) =
            parse_with_labels(csv.as_bytes(), RosterFormat::Csv, &defaults(), &labels).unwrap();
        assert_eq!(rows[0].request.certificate.attrs["dep"], "DIF");
        // Two columns for one field, and a label naming a key already given.
        assert!(matches!(
            parse(b"nombre,titular\nA,B\n", RosterFormat::Csv, &defaults()),
            Err(RosterError::DuplicateColumn(a, b)) if a == "nombre" && b == "titular"
        ));
        assert!(matches!(
            parse_with_labels(
                b"nombre,attr.dep,Departamento\nA,B,C\n",
                RosterFormat::Csv,
                &defaults(),
                &labels
            ),
            Err(RosterError::DuplicateColumn(..))
        ));
        // Columns without a name are fine while empty (Excel leaves them), reported when not.
        let (rows, errors) = parse(
            b"nombre,,\r\nAna,,\r\nLuis,,x\r\n",
            RosterFormat::Csv,
            &defaults(),
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (errors[0].line, &errors[0].problem),
            (3, &RowProblem::Unnamed(3))
        );
    }

    #[test]
    fn rows_with_too_many_or_too_few_fields_are_reported_on_their_line() {
        let lf = "nombre,curp\nAna,X,sobra\nLuis\n\"Eva\nMaría\",Z\nPérez, Juan,Y\nRosa,W\n";
        for text in [lf.to_owned(), lf.replace('\n', "\r\n")] {
            let (rows, errors) = parse(text.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
            let found: Vec<_> = errors
                .iter()
                .map(|e| match e.problem {
                    RowProblem::Fields {
                        found,
                        expected: 2,
                        semicolon: false,
                    } => (e.line, found),
                    _ => (e.line, 0),
                })
                .collect();
            // "Eva\nMaría" is one cell over lines 4-5 and a name with a line break is invalid,
            // so it is reported too, but not as a field count.
            assert_eq!(found, vec![(2, 3), (3, 1), (4, 0), (6, 3)], "{text:?}");
            assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![7]);
        }
    }

    #[test]
    fn date_errors_give_an_example_in_the_persons_language() {
        let csv = "nombre,vence\nAna,mañana\nLuis,24/11/2031\nEva,31-11-2031x\n";
        let (_, errors) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "«mañana» no es una fecha: use AAAA-MM-DD, p. ej. 2031-11-24 (o una hora RFC 3339 como 2031-11-24T10:00:00Z)",
                "«24/11/2031» no es una fecha: use AAAA-MM-DD; si es el 24 de noviembre de 2031, escriba 2031-11-24",
                "«31-11-2031x» no es una fecha: use AAAA-MM-DD, p. ej. 2031-11-24 (o una hora RFC 3339 como 2031-11-24T10:00:00Z)",
            ]
        );
        let en = crate::i18n::CATALOG.format(
            sello_core::Lang::En,
            "row-date-dmy",
            &[
                ("text", Arg::from("24/11/2031")),
                ("day", Arg::from(24)),
                ("month", Arg::from(11)),
                ("year", Arg::from("2031")),
                ("iso", Arg::from("2031-11-24")),
            ],
        );
        assert_eq!(
            en,
            "\"24/11/2031\" is not a date: use YYYY-MM-DD; if it is November 24, 2031, write 2031-11-24"
        );
    }

    #[test]
    fn a_roster_without_codes_and_no_code_for_the_batch_is_one_error() {
        let title = RowDefaults {
            title: Some("T".into()),
            ..Default::default()
        };
        for (text, format) in [
            ("nombre\nAna\nLuis\n", RosterFormat::Csv),
            ("nombre,código\nAna,\nLuis,\n", RosterFormat::Csv),
            (
                "{\"holder\":\"Ana\"}\n{\"holder\":\"Luis\"}\n",
                RosterFormat::JsonLines,
            ),
        ] {
            let err = parse(text.as_bytes(), format, &title).unwrap_err();
            assert!(matches!(err, RosterError::NoCode), "{err:?}");
            assert!(err.to_string().contains("--code"), "{err}");
        }
        assert!(matches!(
            parse(
                b"nombre,codigo\nAna,EC1\n",
                RosterFormat::Csv,
                &no_defaults()
            ),
            Err(RosterError::NoTitle)
        ));
        // One row with a code: the others are row errors.
        let (rows, errors) = parse(
            b"nombre,codigo\nAna,EC1\nLuis,\n",
            RosterFormat::Csv,
            &title,
        )
        .unwrap();
        assert_eq!((rows.len(), errors[0].line), (1, 3));
        assert_eq!(errors[0].problem, RowProblem::NoCode);
        // An empty roster is not an error of codes.
        assert!(
            parse(b"nombre\n", RosterFormat::Csv, &no_defaults())
                .unwrap()
                .0
                .is_empty()
        );
    }
}
