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
//! Empty cells count as absent. Each row is validated on its own: a bad row is reported with
//! its line number and the others go on. Every row gets a *row key*, a hash of its content and
//! of how many identical rows came before it, which identifies it when a batch is run again.

use crate::IssueRequest;
use sello_core::{Achievement, Certificate, Holder};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

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
    /// What is wrong, in English.
    pub message: String,
}

/// Why a whole roster could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// Over [`MAX_ROSTER_BYTES`] or [`MAX_ROWS`].
    #[error("the roster is too large (limits: {MAX_ROSTER_BYTES} bytes, {MAX_ROWS} rows)")]
    TooLarge,
    /// The CSV header is unreadable, or names no `holder` column.
    #[error("the roster header is unusable: {0}")]
    Header(String),
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

fn build(cells: Cells, defaults: &RowDefaults) -> Result<IssueRequest, String> {
    let get = |f: Field| {
        cells
            .fields
            .get(&f)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let holder = get(Field::Holder).ok_or("holder (nombre) is empty")?;
    let code = get(Field::Code)
        .or_else(|| defaults.code.clone())
        .ok_or("code (código) is empty and no --code was given")?;
    let title = get(Field::Title)
        .or_else(|| defaults.title.clone())
        .ok_or("title (título) is empty and no --title was given")?;
    let expires = match get(Field::Expires) {
        Some(text) => {
            Some(crate::dates::parse_expiry(&text, &defaults.zone).map_err(|e| e.to_string())?)
        }
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
    certificate.validate().map_err(|e| e.to_string())?;
    let serial = get(Field::Serial);
    if let Some(s) = &serial {
        sello_core::certificate::check_serial(s).map_err(|e| e.to_string())?;
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

/// Parses a roster. Returns the usable rows and the rejected ones; fails as a whole only when
/// the file is too large or its header is unusable.
pub fn parse(
    bytes: &[u8],
    format: RosterFormat,
    defaults: &RowDefaults,
) -> Result<(Vec<RosterRow>, Vec<RowError>), RosterError> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(RosterError::TooLarge);
    }
    let raw = match format {
        RosterFormat::Csv => csv_cells(bytes)?,
        RosterFormat::JsonLines => jsonl_cells(bytes)?,
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut serials: HashSet<String> = HashSet::new();
    for (line, cells) in raw {
        let request = match cells.and_then(|c| build(c, defaults)) {
            Ok(r) => r,
            Err(message) => {
                errors.push(RowError { line, message });
                continue;
            }
        };
        if let Some(s) = &request.serial
            && !serials.insert(s.clone())
        {
            errors.push(RowError {
                line,
                message: format!("serial {s:?} appears on an earlier line"),
            });
            continue;
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

type RawRows = Vec<(u64, Result<Cells, String>)>;

fn csv_cells(bytes: &[u8]) -> Result<RawRows, RosterError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| RosterError::Header(e.to_string()))?
        .clone();
    enum Col {
        Field(Field),
        Attr(String),
        Ignored,
    }
    let mut columns = Vec::new();
    for name in headers.iter() {
        columns.push(match (field(name), attr_key(name)) {
            (Some(f), _) => Col::Field(f),
            (None, Some(k)) => Col::Attr(k),
            _ => Col::Ignored,
        });
    }
    if !columns
        .iter()
        .any(|c| matches!(c, Col::Field(Field::Holder)))
    {
        return Err(RosterError::Header("no holder (nombre) column".to_owned()));
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
                Err(format!("unreadable CSV: {e}")),
            ),
            Ok(rec) => {
                let line = rec.position().map_or(0, |p| lines.line_at(p.byte()));
                if rec.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let mut cells = Cells::default();
                for (col, value) in columns.iter().zip(rec.iter()) {
                    match col {
                        Col::Field(f) => {
                            cells.fields.insert(*f, value.to_owned());
                        }
                        Col::Attr(k) => {
                            cells.attrs.insert(k.clone(), value.to_owned());
                        }
                        Col::Ignored => {}
                    }
                }
                (line, Ok(cells))
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
        let parsed: Result<serde_json::Map<String, serde_json::Value>, String> =
            sello_core::json::parse_strict(line, 64 * 1024)
                .map_err(|e| format!("not a JSON object: {e}"));
        let cells = parsed.and_then(|members| {
            let mut cells = Cells::default();
            for (name, value) in members {
                let text = match value {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Null => continue,
                    serde_json::Value::Object(map) if name == "attrs" => {
                        for (k, v) in map {
                            let v = v.as_str().ok_or(format!("attrs.{k} must be a string"))?;
                            cells.attrs.insert(k.to_lowercase(), v.to_owned());
                        }
                        continue;
                    }
                    _ => return Err(format!("{name} must be a string")),
                };
                match (field(&name), attr_key(&name)) {
                    (Some(f), _) => {
                        cells.fields.insert(f, text);
                    }
                    (None, Some(k)) => {
                        cells.attrs.insert(k, text);
                    }
                    _ => return Err(format!("unknown member {name:?}")),
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
        let csv = "\u{feff}Nombre,CURP,folio,vence,attr.dep,otra\n\
                   María López,LOMA850312MDFRPD09,,2030-12-31,Registro Civil,x\n\
                   ,SIN NOMBRE,,,,\n\
                   \"Pérez, Juan\",,A-1,,Tesorería,\n\
                   Ana,,A-1,,,\n\
                   Ana,,,mañana,,\n\
                   \n\
                   María López,LOMA850312MDFRPD09,,2030-12-31,Registro Civil,x\n";
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
        assert!(errors[1].message.contains("earlier line"));
        let (again, _) = parse(csv.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
        assert_eq!(again[0].row_key, rows[0].row_key);
    }

    #[test]
    fn line_numbers_are_right_with_crlf_lone_cr_and_multi_line_cells() {
        let lf = "nombre,curp,notas\n\
                  Ana,X,\n\
                  ,SIN NOMBRE,\n\
                  \"Pérez,\nJuan\",MULTILINEA,\n\
                  Luis,Y,\"una nota\nde dos líneas\"\n\
                  ,Z,\n\
                  \n\
                  Eva,W,\n";
        // Rows: Ana (line 2), Luis (6; his note spans 6-7), Eva (10). Errors: no name (3), a
        // name with a line break (4, spanning 4-5), no name (8); line 9 is empty.
        for text in [
            lf.to_owned(),
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\r"),
        ] {
            let (rows, errors) = parse(text.as_bytes(), RosterFormat::Csv, &defaults()).unwrap();
            let ending = format!("{:?}", &text[17..19]);
            assert_eq!(
                rows.iter().map(|r| r.line).collect::<Vec<_>>(),
                vec![2, 6, 10],
                "{ending}"
            );
            assert_eq!(
                errors.iter().map(|e| e.line).collect::<Vec<_>>(),
                vec![3, 4, 8],
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
        assert!(
            errors[0].message.contains("not a day of the calendar"),
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
            Err(RosterError::Header(_))
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
}
