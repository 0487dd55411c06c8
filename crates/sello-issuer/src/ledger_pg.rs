//! The PostgreSQL ledger: several issuing stations share one database (cargo feature
//! `postgres`).
//!
//! Same schema and invariants as the SQLite ledger ([`crate::ledger::Ledger`]); one database
//! (or schema, through `options=-csearch_path=…`) per issuer. What SQLite gets from its single
//! writer, PostgreSQL gets from locks taken inside each transaction:
//!
//! - **Issuing** ([`IssueLedger::issue_chunk`]) starts by locking the issuer's row
//!   (`SELECT … FROM meta WHERE key = 'status_size' FOR UPDATE`): chunks from every station
//!   take turns, so the list's size and the half-full rule are read and written under the same
//!   lock as the chunk's serials and entries. Serials, row keys and status entries are still
//!   `UNIQUE` in the table; a unique violation, a serialization failure or a deadlock rolls the
//!   whole chunk back and runs it again (signing again), up to [`MAX_ATTEMPTS`] times. Serials
//!   and entries are drawn at random, never from a sequence (the `seq` column only orders
//!   exports; its gaps mean nothing).
//! - **Publishing** ([`LedgerStore::publish`]) takes a transaction-scoped advisory lock, so one
//!   publisher at a time picks an `iat` strictly after the last one.
//! - **Migrations** run under another advisory lock, each recorded in `schema_migrations`; a
//!   station whose database is up to date needs no `CREATE` privilege.
//!
//! The password never comes from the URL ([`LedgerError::PasswordInUrl`]): it is taken from
//! `PGPASSWORD` or a libpq password file (`PGPASSFILE`, else `~/.pgpass`, ignored unless
//! owner-only, as libpq does).

use crate::issue::new_serial;
use crate::ledger::{
    Backend, Draft, Entry, IssueLedger, LedgerError, LedgerStore, PublishFn, Recorded, Reserved,
    SignFn, grown_status_size, next_iat,
};
use postgres::error::SqlState;
use postgres::{Client, Config, GenericClient, NoTls, Row};
use sello_core::status::{MAX_ENTRIES, MIN_ENTRIES, StatusList};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// How many times a chunk is run when it conflicts with other stations.
pub const MAX_ATTEMPTS: u32 = 8;

/// Advisory-lock keys (per database): migrations and status-list publishing.
const MIGRATE_LOCK: i64 = 0x5e11_0000_0001;
const PUBLISH_LOCK: i64 = 0x5e11_0000_0002;

/// The PostgreSQL schema, one migration per version (see `schema_migrations`). Version 1 is
/// the SQLite schema of version 1, in PostgreSQL's types, plus `seq` for issue order.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE certificates (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    serial        TEXT    PRIMARY KEY,
    row_key       TEXT    UNIQUE,
    holder        TEXT    NOT NULL,
    holder_id     TEXT,
    code          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    status_idx    BIGINT  NOT NULL UNIQUE CHECK (status_idx >= 0 AND status_idx < 4294967296),
    token         TEXT    NOT NULL,
    token_sha256  TEXT    NOT NULL,
    kid           TEXT    NOT NULL,
    issued_at     BIGINT  NOT NULL,
    expires_at    BIGINT,
    revoked_at    BIGINT,
    revoke_reason TEXT
);
CREATE INDEX certificates_issued_at ON certificates (issued_at, seq);
"#];

const COLUMNS: &str = "serial, row_key, holder, holder_id, code, title, status_idx, token, \
                       token_sha256, kid, issued_at, expires_at, revoked_at, revoke_reason";

/// A ledger in a PostgreSQL database.
pub struct PgLedger {
    client: Client,
}

impl std::fmt::Debug for PgLedger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgLedger").finish_non_exhaustive()
    }
}

/// Where the connection settings libpq would read come from (the process environment, or a
/// test's own).
pub trait Environment {
    /// A variable's value.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
#[derive(Debug, Clone, Copy)]
pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

/// The connection settings for `url`: a `postgres://` URL (or libpq key=value string) with no
/// password, completed like libpq from a service file (`service=NAME` or `PGSERVICE`: see
/// [`service`]), then the environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`; the local
/// socket in `/var/run/postgresql` when no host is given), and the password from the service
/// file, `PGPASSWORD` or the password file.
pub fn config(url: &str, env: &dyn Environment) -> Result<Config, LedgerError> {
    Ok(connection(url, env)?.0)
}

/// [`config`] and the connection's [`Tls`] settings.
pub fn connection(url: &str, env: &dyn Environment) -> Result<(Config, Tls), LedgerError> {
    // What libpq reads that the parser does not (`sslmode=verify-…`, `sslrootcert`,
    // `service`) is taken out first: see [`tls`] and [`service`].
    let (url, mut tls_settings) = split_tls(url);
    // The parser's message never repeats the URL (which may hold a password).
    let mut config: Config = url
        .parse()
        .map_err(|e: postgres::Error| LedgerError::Address(e.to_string()))?;
    if config.get_password().is_some() {
        return Err(LedgerError::PasswordInUrl);
    }
    let named = tls_settings
        .iter()
        .rev()
        .find(|(k, _)| k == "service")
        .map(|(_, v)| v.clone())
        .or_else(|| env.var("PGSERVICE"));
    let mut service_password = None;
    if let Some(name) = named {
        let (values, private) = service(&name, env)?;
        for (k, v) in values {
            match k.as_str() {
                "host" if config.get_hosts().is_empty() => {
                    if v.starts_with('/') {
                        config.host_path(&v);
                    } else {
                        config.host(&v);
                    }
                }
                "port" if config.get_ports().is_empty() => {
                    config.port(v.parse().map_err(|_| {
                        LedgerError::Address(format!("service {name:?}: port {v:?} is not a port"))
                    })?);
                }
                "user" if config.get_user().is_none() => {
                    config.user(&v);
                }
                "dbname" if config.get_dbname().is_none() => {
                    config.dbname(&v);
                }
                // Read only from an owner-only file, like the password file.
                "password" if private => service_password = Some(v),
                // The URL's own settings win (they come after these).
                "sslmode" | "sslrootcert" => tls_settings.insert(0, (k, v)),
                _ => {}
            }
        }
    }
    if config.get_hosts().is_empty() {
        match env.var("PGHOST") {
            Some(h) if h.starts_with('/') => config.host_path(h),
            Some(h) => config.host(&h),
            None => config.host_path("/var/run/postgresql"),
        };
    }
    if config.get_ports().is_empty() {
        let port = match env.var("PGPORT") {
            Some(p) => p
                .parse()
                .map_err(|_| LedgerError::Address(format!("PGPORT {p:?} is not a port")))?,
            None => 5432,
        };
        config.port(port);
    }
    if config.get_user().is_none() {
        let user = env
            .var("PGUSER")
            .or_else(|| env.var("USER"))
            .or_else(|| env.var("LOGNAME"))
            .ok_or_else(|| {
                LedgerError::Address("no user: set PGUSER or put it in the URL".into())
            })?;
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = env
            .var("PGDATABASE")
            .unwrap_or_else(|| config.get_user().unwrap_or_default().to_owned());
        config.dbname(&db);
    }
    if let Some(password) = service_password.or_else(|| env.var("PGPASSWORD")) {
        config.password(password);
    } else if let Some(password) = password_from_file(&config, env) {
        config.password(password);
    }
    let tls = tls(tls_settings, env)?;
    if matches!(tls, Tls::Verify { .. }) {
        // TLS or nothing (the certificate is checked by the connector).
        config.ssl_mode(postgres::config::SslMode::Require);
    }
    if config.get_application_name().is_none() {
        config.application_name("sello");
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    Ok((config, tls))
}

/// The settings of service `name` in the libpq service file (`PGSERVICEFILE`, else
/// `~/.pg_service.conf`, else `PGSYSCONFDIR/pg_service.conf`, else Debian's
/// `/etc/postgresql-common/pg_service.conf`): `[name]` sections of `key=value` lines, `#`
/// comments. Returns them and whether the file is owner-only (a password in it is used only
/// then).
pub fn service(
    name: &str,
    env: &dyn Environment,
) -> Result<(Vec<(String, String)>, bool), LedgerError> {
    use std::path::PathBuf;
    let candidates: Vec<PathBuf> = match env.var("PGSERVICEFILE") {
        Some(file) => vec![file.into()],
        None => env
            .var("HOME")
            .map(|h| PathBuf::from(h).join(".pg_service.conf"))
            .into_iter()
            .chain(Some(
                PathBuf::from(
                    env.var("PGSYSCONFDIR")
                        .unwrap_or_else(|| "/etc/postgresql-common".into()),
                )
                .join("pg_service.conf"),
            ))
            .collect(),
    };
    for path in &candidates {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let mut values = Vec::new();
        let mut inside = false;
        let mut found = false;
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                inside = section.trim() == name;
                found |= inside;
            } else if inside && let Some((k, v)) = line.split_once('=') {
                values.push((k.trim().to_owned(), v.trim().to_owned()));
            }
        }
        if found {
            #[cfg(unix)]
            let private = {
                use std::os::unix::fs::PermissionsExt as _;
                std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
            };
            #[cfg(not(unix))]
            let private = true;
            return Ok((values, private));
        }
    }
    Err(LedgerError::NoService(name.to_owned()))
}

/// How a ledger connection is made: in the clear, or over TLS checking the server's
/// certificate against a CA file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tls {
    /// No TLS (`sslmode` absent, `disable` or `prefer`: the server is reached in the clear, as
    /// before TLS support; use a private network or a tunnel).
    Plain,
    /// TLS, refusing a server whose certificate does not chain to a CA of `roots`
    /// (`sslmode=require` or `verify-ca`), and, with `check_name`, whose certificate does not
    /// name the host connected to (`sslmode=verify-full`).
    Verify {
        /// PEM file of the CA certificates to trust (`sslrootcert`, `PGSSLROOTCERT`, else
        /// `~/.postgresql/root.crt`, as libpq).
        roots: std::path::PathBuf,
        /// Whether the certificate must name the host.
        check_name: bool,
    },
}

/// The TLS settings libpq reads (`sslmode`, `sslrootcert`) found in a URL or key=value
/// string, as `(name, value)` pairs, and the string without `sslrootcert` and with
/// `verify-ca`/`verify-full` as `require` (what the PostgreSQL client parses).
pub(crate) fn split_tls(url: &str) -> (String, Vec<(String, String)>) {
    let mut found = Vec::new();
    // One `key=value` of the query or of the key=value string: kept (maybe changed) or not.
    let mut keep = |pair: &str| -> Option<String> {
        let Some((k, v)) = pair.split_once('=') else {
            return Some(pair.to_owned());
        };
        let value = percent_decode(v);
        match k {
            "sslrootcert" => {
                found.push((k.to_owned(), value));
                None
            }
            "service" => {
                found.push((k.to_owned(), value));
                None
            }
            "sslmode" => {
                let kept = match value.as_str() {
                    "verify-ca" | "verify-full" => format!("{k}=require"),
                    _ => pair.to_owned(),
                };
                found.push((k.to_owned(), value));
                Some(kept)
            }
            _ => Some(pair.to_owned()),
        }
    };
    if crate::ledger::is_postgres_url(url) {
        let Some((base, query)) = url.split_once('?') else {
            return (url.to_owned(), found);
        };
        let kept: Vec<String> = query.split('&').filter_map(&mut keep).collect();
        let rebuilt = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        (rebuilt, found)
    } else {
        let kept: Vec<String> = url.split_whitespace().filter_map(&mut keep).collect();
        (kept.join(" "), found)
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(h, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The TLS settings of a connection: `sslmode` and `sslrootcert` from the URL, else
/// `PGSSLMODE` and `PGSSLROOTCERT`, else `~/.postgresql/root.crt` for the CA file, like
/// libpq. `require` with a CA file is `verify-ca`, as in libpq; unlike libpq, `require`
/// without one is refused rather than connecting to a server nobody checked.
pub fn tls(settings: Vec<(String, String)>, env: &dyn Environment) -> Result<Tls, LedgerError> {
    let get = |name: &str| {
        settings
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mode = get("sslmode").or_else(|| env.var("PGSSLMODE"));
    let check_name = match mode.as_deref() {
        None | Some("disable" | "allow" | "prefer") => return Ok(Tls::Plain),
        Some("require" | "verify-ca") => false,
        Some("verify-full") => true,
        Some(other) => {
            return Err(LedgerError::Address(format!(
                "sslmode {other:?} is not one of disable, prefer, require, verify-ca, verify-full"
            )));
        }
    };
    let roots = get("sslrootcert")
        .or_else(|| env.var("PGSSLROOTCERT"))
        .map(std::path::PathBuf::from)
        .or_else(|| {
            let home = std::path::PathBuf::from(env.var("HOME")?);
            Some(home.join(".postgresql").join("root.crt")).filter(|p| p.is_file())
        })
        .ok_or(LedgerError::TlsNoCa)?;
    Ok(Tls::Verify { roots, check_name })
}

/// The rustls client settings for `tls` (ring; TLS 1.2 and 1.3).
fn tls_client_config(tls: &Tls) -> Result<rustls::ClientConfig, LedgerError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject as _;
    let Tls::Verify { roots, check_name } = tls else {
        return Err(LedgerError::Address("no TLS settings".into()));
    };
    let bad = |detail: String| LedgerError::TlsCa {
        path: roots.clone(),
        detail,
    };
    let pem = std::fs::read(roots).map_err(|source| LedgerError::Io {
        path: roots.clone(),
        source,
    })?;
    let mut store = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| bad(format!("not a PEM certificate file ({e})")))?;
        store
            .add(cert)
            .map_err(|e| bad(format!("not a usable CA certificate ({e})")))?;
    }
    if store.is_empty() {
        return Err(bad("no certificate in the file".into()));
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let verifier =
        rustls::client::WebPkiServerVerifier::builder_with_provider(store.into(), provider.clone())
            .build()
            .map_err(|e| bad(e.to_string()))?;
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| bad(e.to_string()))?;
    let config = if *check_name {
        builder.with_webpki_verifier(verifier).with_no_client_auth()
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(std::sync::Arc::new(AnyName(verifier)))
            .with_no_client_auth()
    };
    Ok(config)
}

/// `verify-ca`: the chain is checked against the CA file like `verify-full`, but not the
/// name in the certificate.
#[derive(Debug)]
struct AnyName(std::sync::Arc<rustls::client::WebPkiServerVerifier>);

impl rustls::client::danger::ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp_response: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        use rustls::CertificateError::{NotValidForName, NotValidForNameContext};
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                NotValidForName | NotValidForNameContext { .. },
            )) => Ok(rustls::client::danger::ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The password for `config` in the libpq password file, if there is one that is owner-only.
fn password_from_file(config: &Config, env: &dyn Environment) -> Option<String> {
    let path = match env.var("PGPASSFILE") {
        Some(p) => std::path::PathBuf::from(p),
        None => std::path::Path::new(&env.var("HOME")?).join(".pgpass"),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        if std::fs::metadata(&path).ok()?.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let host = match config.get_hosts().first()? {
        postgres::config::Host::Tcp(h) => h.clone(),
        // libpq matches a socket connection as "localhost".
        #[cfg(unix)]
        postgres::config::Host::Unix(_) => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let want = [
        host.as_str(),
        port.as_str(),
        config.get_dbname()?,
        config.get_user()?,
    ];
    pgpass_lookup(&text, &want)
}

/// The password of the first line of a libpq password file (`host:port:db:user:password`,
/// `*` matching anything, `\:` and `\\` escaped) that matches `want` (host, port, db, user).
pub fn pgpass_lookup(text: &str, want: &[&str; 4]) -> Option<String> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields: Vec<String> = vec![String::new()];
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(next) = chars.next() {
                        fields.last_mut()?.push(next);
                    }
                }
                ':' if fields.len() < 5 => fields.push(String::new()),
                c => fields.last_mut()?.push(c),
            }
        }
        if fields.len() != 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(field, want)| field == "*" || field == want)
        {
            return fields.pop();
        }
    }
    None
}

fn db_u32(v: i64, what: &str) -> Result<u32, LedgerError> {
    u32::try_from(v).map_err(|_| LedgerError::Damaged(format!("{what} {v} is out of range")))
}

fn entry(row: &Row) -> Result<Entry, LedgerError> {
    Ok(Entry {
        serial: row.try_get(0)?,
        row_key: row.try_get(1)?,
        holder: row.try_get(2)?,
        holder_id: row.try_get(3)?,
        code: row.try_get(4)?,
        title: row.try_get(5)?,
        status_idx: db_u32(row.try_get(6)?, "status entry")?,
        token: row.try_get(7)?,
        token_sha256: row.try_get(8)?,
        kid: row.try_get(9)?,
        issued_at: row.try_get(10)?,
        expires_at: row.try_get(11)?,
        revoked_at: row.try_get(12)?,
        revoke_reason: row.try_get(13)?,
    })
}

fn parse_size(text: &str) -> Result<u32, LedgerError> {
    match text.parse::<u32>() {
        Ok(size) if (MIN_ENTRIES..=MAX_ENTRIES).contains(&size) && size.is_power_of_two() => {
            Ok(size)
        }
        _ => Err(LedgerError::Damaged(format!(
            "status-list size {text:?} is not a power of two from {MIN_ENTRIES} to {MAX_ENTRIES}"
        ))),
    }
}

/// Whether an error means "another station got there first": run the chunk again.
fn conflict(e: &LedgerError) -> bool {
    match e {
        LedgerError::Postgres(e) => matches!(
            e.code(),
            Some(c) if *c == SqlState::UNIQUE_VIOLATION
                || *c == SqlState::T_R_SERIALIZATION_FAILURE
                || *c == SqlState::T_R_DEADLOCK_DETECTED
        ),
        _ => false,
    }
}

/// The status list in one statement (one snapshot: size and bits from the same moment).
fn status_list_in(c: &mut impl GenericClient) -> Result<StatusList, LedgerError> {
    let row = c.query_one(
        "SELECT (SELECT value FROM meta WHERE key = 'status_size'), \
         ARRAY(SELECT status_idx FROM certificates WHERE revoked_at IS NOT NULL)",
        &[],
    )?;
    let size: Option<String> = row.try_get(0)?;
    let size = parse_size(size.as_deref().unwrap_or(""))?;
    let mut list = StatusList::new(size).map_err(|_| LedgerError::StatusListFull)?;
    for idx in row.try_get::<_, Vec<i64>>(1)? {
        let idx = db_u32(idx, "status entry")?;
        if idx >= size {
            return Err(LedgerError::Damaged(format!(
                "status entry {idx} is beyond the list's size {size}"
            )));
        }
        list.set_revoked(idx, true);
    }
    Ok(list)
}

/// Locks the issuer's row and returns the list's size (the issuing lock).
fn lock_size(c: &mut impl GenericClient) -> Result<u32, LedgerError> {
    let row = c.query_one(
        "SELECT value FROM meta WHERE key = 'status_size' FOR UPDATE",
        &[],
    )?;
    parse_size(row.try_get(0)?)
}

fn count_in(c: &mut impl GenericClient) -> Result<u64, LedgerError> {
    let n: i64 = c
        .query_one("SELECT COUNT(*) FROM certificates", &[])?
        .try_get(0)?;
    Ok(n as u64)
}

fn set_size(c: &mut impl GenericClient, size: u32) -> Result<(), LedgerError> {
    c.execute(
        "UPDATE meta SET value = $1 WHERE key = 'status_size'",
        &[&size.to_string()],
    )?;
    Ok(())
}

/// Records entries in one statement (columns as arrays, unnested in order).
fn insert_all(c: &mut impl GenericClient, rows: &[Entry]) -> Result<(), LedgerError> {
    if rows.is_empty() {
        return Ok(());
    }
    let text = |f: fn(&Entry) -> &String| rows.iter().map(f).cloned().collect::<Vec<String>>();
    let opt = |f: fn(&Entry) -> &Option<String>| {
        rows.iter().map(f).cloned().collect::<Vec<Option<String>>>()
    };
    let serial = text(|e| &e.serial);
    let row_key = opt(|e| &e.row_key);
    let holder = text(|e| &e.holder);
    let holder_id = opt(|e| &e.holder_id);
    let code = text(|e| &e.code);
    let title = text(|e| &e.title);
    let idx: Vec<i64> = rows.iter().map(|e| i64::from(e.status_idx)).collect();
    let token = text(|e| &e.token);
    let sha = text(|e| &e.token_sha256);
    let kid = text(|e| &e.kid);
    let issued: Vec<i64> = rows.iter().map(|e| e.issued_at).collect();
    let expires: Vec<Option<i64>> = rows.iter().map(|e| e.expires_at).collect();
    let revoked: Vec<Option<i64>> = rows.iter().map(|e| e.revoked_at).collect();
    let reason = opt(|e| &e.revoke_reason);
    c.execute(
        &format!(
            "INSERT INTO certificates ({COLUMNS}) SELECT * FROM unnest($1::text[], \
             $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int8[], \
             $8::text[], $9::text[], $10::text[], $11::int8[], $12::int8[], $13::int8[], \
             $14::text[])"
        ),
        &[
            &serial, &row_key, &holder, &holder_id, &code, &title, &idx, &token, &sha, &kid,
            &issued, &expires, &revoked, &reason,
        ],
    )?;
    Ok(())
}

impl PgLedger {
    /// Connects to the ledger at `url` (see [`config`]: no password in the URL) and brings
    /// its schema up to date.
    pub fn connect(url: &str) -> Result<PgLedger, LedgerError> {
        let (config, tls) = connection(url, &ProcessEnv)?;
        PgLedger::with_config_tls(&config, &tls)
    }

    /// Connects with ready settings (without TLS) and brings the schema up to date.
    pub fn with_config(config: &Config) -> Result<PgLedger, LedgerError> {
        PgLedger::with_config_tls(config, &Tls::Plain)
    }

    /// Connects with ready settings, over TLS when `tls` says so, and brings the schema up to
    /// date.
    pub fn with_config_tls(config: &Config, tls: &Tls) -> Result<PgLedger, LedgerError> {
        let client = match tls {
            Tls::Plain => config.connect(NoTls)?,
            Tls::Verify { .. } => {
                let mut config = config.clone();
                config.ssl_mode(postgres::config::SslMode::Require);
                config.connect(tokio_postgres_rustls::MakeRustlsConnect::new(
                    tls_client_config(tls)?,
                ))?
            }
        };
        let mut ledger = PgLedger { client };
        ledger.migrate()?;
        Ok(ledger)
    }

    /// The schema version recorded, 0 for an empty database.
    fn version(c: &mut impl GenericClient) -> Result<u32, LedgerError> {
        let exists: bool = c
            .query_one("SELECT to_regclass('schema_migrations') IS NOT NULL", &[])?
            .try_get(0)?;
        if !exists {
            return Ok(0);
        }
        let v: Option<i32> = c
            .query_one("SELECT max(version) FROM schema_migrations", &[])?
            .try_get(0)?;
        Ok(v.unwrap_or(0).max(0) as u32)
    }

    fn migrate(&mut self) -> Result<(), LedgerError> {
        let latest = MIGRATIONS.len() as u32;
        let check = |v: u32| {
            if v > latest {
                Err(LedgerError::Version(v.to_string()))
            } else {
                Ok(v)
            }
        };
        if check(PgLedger::version(&mut self.client)?)? == latest {
            return Ok(());
        }
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
        )?;
        let current = check(PgLedger::version(&mut tx)?)?;
        for (i, migration) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            tx.batch_execute(migration)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                &[&(i as i32 + 1), &crate::now()],
            )?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('status_size', $1) ON CONFLICT DO NOTHING",
            &[&MIN_ENTRIES.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One attempt at a chunk, in one transaction (see [`IssueLedger`]).
    fn try_chunk(
        &mut self,
        drafts: &[Draft<'_>],
        sign: &mut SignFn<'_>,
    ) -> Result<Vec<Recorded>, LedgerError> {
        let mut tx = self.client.transaction()?;
        // The issuing lock, before anything is read.
        let stored = lock_size(&mut tx)?;
        let keys: Vec<&str> = drafts.iter().filter_map(|d| d.row_key).collect();
        let mut recorded: HashMap<String, Entry> = HashMap::new();
        if !keys.is_empty() {
            for row in tx.query(
                &format!("SELECT {COLUMNS} FROM certificates WHERE row_key = ANY($1)"),
                &[&keys],
            )? {
                let e = entry(&row)?;
                if let Some(k) = e.row_key.clone() {
                    recorded.insert(k, e);
                }
            }
        }
        let mut out: Vec<Option<Recorded>> = drafts
            .iter()
            .map(|d| {
                d.row_key
                    .and_then(|k| recorded.get(k))
                    .map(|e| Recorded::AlreadyIssued(e.clone()))
            })
            .collect();
        let fresh = out.iter().filter(|o| o.is_none()).count();
        let size = grown_status_size(stored, count_in(&mut tx)? + fresh as u64)?;
        if size != stored {
            set_size(&mut tx, size)?;
        }

        // Candidates drawn up front and checked in two queries: the serials asked for and a
        // random one per draft without; four random entries per draft (the list is at most
        // half full, so all four are used with probability at most 1/16; then one at a time).
        let random = |e: getrandom::Error| LedgerError::Random(e.to_string());
        let mut serials: Vec<String> = Vec::with_capacity(fresh);
        for (d, o) in drafts.iter().zip(&out) {
            if o.is_none() {
                serials.push(match d.serial {
                    Some(s) => s.to_owned(),
                    None => new_serial().map_err(|e| LedgerError::Random(e.to_string()))?,
                });
            }
        }
        let mut candidates: Vec<i64> = Vec::with_capacity(fresh * 4);
        let mut buf = [0u8; 4];
        for _ in 0..fresh * 4 {
            getrandom::fill(&mut buf).map_err(random)?;
            candidates.push(i64::from(u32::from_le_bytes(buf) % size));
        }
        let taken_serials: HashSet<String> = tx
            .query(
                "SELECT serial FROM certificates WHERE serial = ANY($1)",
                &[&serials],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let taken_idx: HashSet<i64> = tx
            .query(
                "SELECT status_idx FROM certificates WHERE status_idx = ANY($1)",
                &[&candidates],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;

        let mut used_serials: HashSet<String> = HashSet::new();
        let mut used_idx: HashSet<i64> = HashSet::new();
        let mut in_chunk: HashMap<&str, Entry> = HashMap::new();
        let mut rows: Vec<Entry> = Vec::new();
        let mut serials = serials.into_iter();
        let mut candidates = candidates.into_iter();
        for (i, draft) in drafts.iter().enumerate() {
            if out[i].is_some() {
                continue;
            }
            let drawn = serials.next().unwrap_or_default();
            // A row key repeated inside the chunk: the earlier draft's certificate.
            if let Some(key) = draft.row_key
                && let Some(e) = in_chunk.get(key)
            {
                out[i] = Some(Recorded::AlreadyIssued(e.clone()));
                continue;
            }
            let serial = match draft.serial {
                Some(s) if taken_serials.contains(s) || used_serials.contains(s) => {
                    out[i] = Some(Recorded::SerialTaken(s.to_owned()));
                    continue;
                }
                Some(s) => s.to_owned(),
                None => {
                    // The drawn serial was checked with the others; one drawn again (a
                    // collision: practically never) is checked on its own.
                    let mut s = drawn;
                    let mut checked = true;
                    while used_serials.contains(&s)
                        || if checked {
                            taken_serials.contains(&s)
                        } else {
                            serial_taken(&mut tx, &s)?
                        }
                    {
                        s = new_serial().map_err(|e| LedgerError::Random(e.to_string()))?;
                        checked = false;
                    }
                    s
                }
            };
            let status_idx = loop {
                let (idx, checked) = match candidates.next() {
                    Some(c) => (c, true),
                    None => {
                        getrandom::fill(&mut buf).map_err(random)?;
                        (i64::from(u32::from_le_bytes(buf) % size), false)
                    }
                };
                if used_idx.contains(&idx) {
                    continue;
                }
                let taken = if checked {
                    taken_idx.contains(&idx)
                } else {
                    index_taken(&mut tx, idx)?
                };
                if !taken {
                    break idx as u32;
                }
            };
            let reserved = Reserved { serial, status_idx };
            out[i] = Some(match sign(i, &reserved) {
                Ok(e) => {
                    if e.serial != reserved.serial
                        || e.status_idx != reserved.status_idx
                        || e.row_key.as_deref() != draft.row_key
                    {
                        return Err(LedgerError::Mismatch(reserved.serial));
                    }
                    used_serials.insert(e.serial.clone());
                    used_idx.insert(i64::from(e.status_idx));
                    if let Some(key) = draft.row_key {
                        in_chunk.insert(key, e.clone());
                    }
                    rows.push(e.clone());
                    Recorded::Issued(e)
                }
                Err(e) => Recorded::Refused(e),
            });
        }
        insert_all(&mut tx, &rows)?;
        tx.commit()?;
        Ok(out.into_iter().flatten().collect())
    }

    /// Records entries without any check but the table's constraints (tests).
    #[cfg(test)]
    pub(crate) fn insert_unchecked(&mut self, e: &Entry) -> Result<(), LedgerError> {
        insert_all(&mut self.client, std::slice::from_ref(e)).map_err(|err| match err {
            LedgerError::Postgres(pe)
                if pe.code() == Some(&SqlState::UNIQUE_VIOLATION)
                    && pe
                        .as_db_error()
                        .and_then(|d| d.constraint())
                        .is_some_and(|c| c == "certificates_pkey") =>
            {
                LedgerError::SerialTaken(e.serial.clone())
            }
            other => other,
        })
    }

    /// Overwrites the stored status-list size (tests of damaged ledgers).
    #[cfg(test)]
    pub(crate) fn set_status_size_text(&mut self, text: &str) -> Result<(), LedgerError> {
        self.client.execute(
            "UPDATE meta SET value = $1 WHERE key = 'status_size'",
            &[&text],
        )?;
        Ok(())
    }

    /// Records `n` placeholder certificates like [`crate::ledger::Ledger::prefill`] (tests).
    #[cfg(test)]
    pub(crate) fn prefill(&mut self, n: u64) -> Result<(), LedgerError> {
        self.client.execute(
            "INSERT INTO certificates (serial, holder, code, title, status_idx, token, \
             token_sha256, kid, issued_at) \
             SELECT 'EARLIER-' || i, 'Anterior', 'EC0105', 'T', i * 2, 'a.b.c', '00', 'k', 1 \
             FROM generate_series(0, $1::int8 - 1) AS i",
            &[&(n as i64)],
        )?;
        Ok(())
    }
}

fn serial_taken(c: &mut impl GenericClient, serial: &str) -> Result<bool, LedgerError> {
    Ok(
        c.query_opt("SELECT 1 FROM certificates WHERE serial = $1", &[&serial])?
            .is_some(),
    )
}

fn index_taken(c: &mut impl GenericClient, idx: i64) -> Result<bool, LedgerError> {
    Ok(
        c.query_opt("SELECT 1 FROM certificates WHERE status_idx = $1", &[&idx])?
            .is_some(),
    )
}

impl IssueLedger for PgLedger {
    fn issue_chunk(
        &mut self,
        drafts: &[Draft<'_>],
        sign: &mut SignFn<'_>,
    ) -> Result<Vec<Recorded>, LedgerError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_chunk(drafts, sign) {
                Err(e) if conflict(&e) && attempt < MAX_ATTEMPTS => {
                    std::thread::sleep(Duration::from_millis(5 << attempt.min(6)));
                }
                Err(e) if conflict(&e) => return Err(LedgerError::Contention(attempt)),
                other => return other,
            }
        }
    }
}

impl LedgerStore for PgLedger {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    fn status_size(&mut self) -> Result<u32, LedgerError> {
        let row = self
            .client
            .query_one("SELECT value FROM meta WHERE key = 'status_size'", &[])?;
        parse_size(row.try_get(0)?)
    }

    fn count(&mut self) -> Result<u64, LedgerError> {
        count_in(&mut self.client)
    }

    fn get(&mut self, serial: &str) -> Result<Option<Entry>, LedgerError> {
        self.client
            .query_opt(
                &format!("SELECT {COLUMNS} FROM certificates WHERE serial = $1"),
                &[&serial],
            )?
            .as_ref()
            .map(entry)
            .transpose()
    }

    fn by_row_key(&mut self, row_key: &str) -> Result<Option<Entry>, LedgerError> {
        self.client
            .query_opt(
                &format!("SELECT {COLUMNS} FROM certificates WHERE row_key = $1"),
                &[&row_key],
            )?
            .as_ref()
            .map(entry)
            .transpose()
    }

    fn list(&mut self, offset: u64, limit: u64) -> Result<Vec<Entry>, LedgerError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        self.client
            .query(
                &format!(
                    "SELECT {COLUMNS} FROM certificates ORDER BY issued_at, seq \
                     LIMIT $1 OFFSET $2"
                ),
                &[&limit, &offset],
            )?
            .iter()
            .map(entry)
            .collect()
    }

    fn for_each(&mut self, f: &mut dyn FnMut(&Entry)) -> Result<(), LedgerError> {
        // One snapshot, read through a cursor 1,000 rows at a time.
        let mut tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let portal = tx.bind(
            &format!("SELECT {COLUMNS} FROM certificates ORDER BY issued_at, seq"),
            &[],
        )?;
        loop {
            let rows = tx.query_portal(&portal, 1000)?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                f(&entry(row)?);
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn revoke(&mut self, serial: &str, reason: &str, at: i64) -> Result<Entry, LedgerError> {
        let mut tx = self.client.transaction()?;
        let current = tx
            .query_opt(
                &format!("SELECT {COLUMNS} FROM certificates WHERE serial = $1 FOR UPDATE"),
                &[&serial],
            )?
            .as_ref()
            .map(entry)
            .transpose()?
            .ok_or_else(|| LedgerError::NotFound(serial.to_owned()))?;
        if current.revoked_at.is_some() {
            return Err(LedgerError::AlreadyRevoked(serial.to_owned()));
        }
        tx.execute(
            "UPDATE certificates SET revoked_at = $1, revoke_reason = $2 WHERE serial = $3",
            &[&at, &reason, &serial],
        )?;
        tx.commit()?;
        Ok(Entry {
            revoked_at: Some(at),
            revoke_reason: Some(reason.to_owned()),
            ..current
        })
    }

    fn status_list(&mut self) -> Result<StatusList, LedgerError> {
        status_list_in(&mut self.client)
    }

    fn publish(&mut self, now: i64, write: &mut PublishFn<'_>) -> Result<i64, LedgerError> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUBLISH_LOCK])?;
        let last: Option<String> = tx
            .query_opt("SELECT value FROM meta WHERE key = 'status_iat'", &[])?
            .map(|r| r.try_get(0))
            .transpose()?;
        let iat = next_iat(now, last.as_deref())?;
        let list = status_list_in(&mut tx)?;
        write(&list, iat).map_err(LedgerError::Publish)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('status_iat', $1) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&iat.to_string()],
        )?;
        tx.commit()?;
        Ok(iat)
    }

    fn import(&mut self, entries: &[Entry], size: u32) -> Result<u64, LedgerError> {
        let mut tx = self.client.transaction()?;
        let stored = lock_size(&mut tx)?;
        let serials: Vec<&str> = entries.iter().map(|e| e.serial.as_str()).collect();
        let existing: HashMap<String, (String, Option<i64>)> = tx
            .query(
                "SELECT serial, token_sha256, revoked_at FROM certificates \
                 WHERE serial = ANY($1)",
                &[&serials],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?))))
            .collect::<Result<_, postgres::Error>>()?;
        let mut new: Vec<Entry> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for e in entries {
            match existing.get(&e.serial) {
                None if seen.insert(&e.serial) => new.push(e.clone()),
                None => {}
                Some((sha, _)) if *sha != e.token_sha256 => {
                    return Err(LedgerError::ImportConflict(e.serial.clone()));
                }
                Some((_, None)) if e.revoked_at.is_some() => {
                    tx.execute(
                        "UPDATE certificates SET revoked_at = $1, revoke_reason = $2 \
                         WHERE serial = $3 AND revoked_at IS NULL",
                        &[&e.revoked_at, &e.revoke_reason, &e.serial],
                    )?;
                }
                Some(_) => {}
            }
        }
        insert_all(&mut tx, &new)?;
        let grown = grown_status_size(stored.max(size), count_in(&mut tx)?)?;
        if grown != stored {
            set_size(&mut tx, grown)?;
        }
        tx.commit()?;
        Ok(new.len() as u64)
    }
}

/// The PostgreSQL server the tests use: `SELLO_TEST_POSTGRES` (a URL without password, the
/// password in `PGPASSWORD` or the password file). Unset: `None` (tests skip), unless
/// `CI=true`, where a missing server fails the test.
#[cfg(test)]
pub(crate) fn test_server() -> Option<Config> {
    match std::env::var("SELLO_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(config(&url, &ProcessEnv).expect("SELLO_TEST_POSTGRES")),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true and no PostgreSQL server: set SELLO_TEST_POSTGRES (scripts/test does)")
        }
        _ => {
            eprintln!("skipped: no PostgreSQL server (SELLO_TEST_POSTGRES unset)");
            None
        }
    }
}

/// A new, empty database on the test server: one per test.
#[cfg(test)]
pub(crate) fn test_database() -> Option<Config> {
    let server = test_server()?;
    let mut admin = server
        .connect(NoTls)
        .expect("connect to SELLO_TEST_POSTGRES");
    let mut buf = [0u8; 8];
    getrandom::fill(&mut buf).unwrap();
    let name = format!("sello_test_{}", u64::from_le_bytes(buf));
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let mut db = server;
    db.dbname(&name);
    Some(db)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger_suite::{Harness, TestDb};

    pub(crate) struct PgDb(Config);

    impl TestDb for PgDb {
        type L = PgLedger;
        fn open(&self) -> PgLedger {
            PgLedger::with_config(&self.0).unwrap()
        }
    }

    impl Harness for PgLedger {
        fn insert_unchecked(&mut self, e: &Entry) -> Result<(), LedgerError> {
            PgLedger::insert_unchecked(self, e)
        }
        fn set_status_size_text(&mut self, text: &str) {
            PgLedger::set_status_size_text(self, text).unwrap();
        }
        fn prefill(&mut self, n: u64) {
            PgLedger::prefill(self, n).unwrap();
        }
    }

    fn pg() -> Option<PgDb> {
        test_database().map(PgDb)
    }

    mod suite {
        use super::pg;
        use crate::ledger_suite::ledger_suite;
        ledger_suite!(pg());
    }

    #[test]
    fn a_database_from_a_newer_sello_is_refused_and_migrations_run_once() {
        let Some(db) = pg() else { return };
        // Stations opening a new database at once: each migration applied once.
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| drop(db.open()));
            }
        });
        let mut l = db.open();
        let n: i64 = l
            .client
            .query_one("SELECT COUNT(*) FROM schema_migrations", &[])
            .unwrap()
            .get(0);
        assert_eq!(n, MIGRATIONS.len() as i64);
        l.client
            .execute("INSERT INTO schema_migrations VALUES (99, 0)", &[])
            .unwrap();
        assert!(matches!(
            PgLedger::with_config(&db.0),
            Err(LedgerError::Version(v)) if v == "99"
        ));
    }

    struct Vars(&'static [(&'static str, &'static str)]);
    impl Environment for Vars {
        fn var(&self, name: &str) -> Option<String> {
            self.0
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_url_with_a_password_is_refused_and_the_message_does_not_repeat_it() {
        for url in [
            "postgres://sello:s3cr3t@db.example/ledger",
            "postgresql://sello:s3cr3t@db.example:5433/ledger?sslmode=prefer",
            "postgres://db.example/ledger?user=sello&password=s3cr3t",
            "host=db.example user=sello password=s3cr3t dbname=ledger",
        ] {
            let err = config(url, &Vars(&[])).unwrap_err();
            assert!(matches!(err, LedgerError::PasswordInUrl), "{url}: {err:?}");
            assert!(!err.to_string().contains("s3cr3t"));
        }
        // A broken URL: the parser's message, not the URL.
        let err = config("postgres://sello:s3cr3t@[::1", &Vars(&[])).unwrap_err();
        assert!(!err.to_string().contains("s3cr3t"), "{err}");
    }

    #[test]
    fn settings_come_from_the_environment_like_libpq() {
        let env = Vars(&[
            ("PGHOST", "/run/pg"),
            ("PGPORT", "5433"),
            ("PGUSER", "estacion1"),
            ("PGPASSWORD", "desde-el-entorno"),
        ]);
        let c = config("postgres://", &env).unwrap();
        assert_eq!(
            c.get_hosts(),
            &[postgres::config::Host::Unix("/run/pg".into())]
        );
        assert_eq!(c.get_ports(), &[5433]);
        assert_eq!(c.get_user(), Some("estacion1"));
        assert_eq!(c.get_dbname(), Some("estacion1"));
        assert_eq!(c.get_password(), Some(&b"desde-el-entorno"[..]));
        // What the URL says wins over the environment.
        let c = config("postgres://otro@db.example:6000/registro", &env).unwrap();
        assert_eq!(
            c.get_hosts(),
            &[postgres::config::Host::Tcp("db.example".into())]
        );
        assert_eq!((c.get_ports(), c.get_user()), (&[6000][..], Some("otro")));
        assert_eq!(c.get_dbname(), Some("registro"));
        assert!(config("postgres://", &Vars(&[("PGPORT", "x")])).is_err());
    }

    #[test]
    fn the_password_file_is_read_like_libpq_and_only_if_owner_only() {
        let text = "# comment\n\
                    other.example:*:*:*:wrong\n\
                    db.example:5432:registro:sello:first\\:part\\\\x\n\
                    *:*:*:sello:fallback\n";
        let want = |h, d| pgpass_lookup(text, &[h, "5432", d, "sello"]);
        assert_eq!(
            want("db.example", "registro").as_deref(),
            Some("first:part\\x")
        );
        assert_eq!(want("db.example", "otra").as_deref(), Some("fallback"));
        assert_eq!(pgpass_lookup(text, &["x", "1", "d", "nadie"]), None);

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, text).unwrap();
        let path: &'static str = Box::leak(file.to_str().unwrap().to_owned().into_boxed_str());
        let env = Vars(Box::leak(Box::new([("PGPASSFILE", path)])));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let c = config("postgres://sello@db.example/registro", &env).unwrap();
            assert_eq!(
                c.get_password(),
                None,
                "a readable password file is ignored"
            );
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let c = config("postgres://sello@db.example/registro", &env).unwrap();
        assert_eq!(c.get_password(), Some(&b"first:part\\x"[..]));
    }

    #[test]
    fn tls_settings_are_read_like_libpq_and_taken_out_of_the_url() {
        let (url, found) = split_tls(
            "postgres://sello@db.example/l?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=x",
        );
        assert_eq!(
            url,
            "postgres://sello@db.example/l?sslmode=require&application_name=x"
        );
        assert_eq!(
            tls(found, &Vars(&[])).unwrap(),
            Tls::Verify {
                roots: "/etc/ca.pem".into(),
                check_name: true
            }
        );
        let (kv, found) = split_tls("host=db user=sello sslmode=verify-ca sslrootcert=/ca.pem");
        assert_eq!(kv, "host=db user=sello sslmode=require");
        assert_eq!(
            tls(found, &Vars(&[])).unwrap(),
            Tls::Verify {
                roots: "/ca.pem".into(),
                check_name: false
            }
        );
        // The environment, as libpq: PGSSLMODE, PGSSLROOTCERT.
        let env = Vars(&[
            ("PGSSLMODE", "verify-full"),
            ("PGSSLROOTCERT", "/env/ca.pem"),
        ]);
        assert_eq!(
            tls(Vec::new(), &env).unwrap(),
            Tls::Verify {
                roots: "/env/ca.pem".into(),
                check_name: true
            }
        );
        for plain in ["disable", "prefer"] {
            let (_, found) = split_tls(&format!("postgres://db/l?sslmode={plain}"));
            assert_eq!(tls(found, &Vars(&[])).unwrap(), Tls::Plain);
        }
        assert_eq!(tls(Vec::new(), &Vars(&[])).unwrap(), Tls::Plain);
        // TLS without a CA file to check the server against is refused, as is a mode libpq
        // does not have.
        let (_, found) = split_tls("postgres://db/l?sslmode=require");
        let err = tls(found, &Vars(&[("HOME", "/nonexistent")])).unwrap_err();
        assert!(err.to_string().contains("PGSSLROOTCERT"), "{err}");
        let (_, found) = split_tls("postgres://db/l?sslmode=maybe");
        assert!(tls(found, &Vars(&[])).is_err());
        // A verify-full URL passes the address check and sets TLS-or-nothing.
        crate::ledger::check_address("postgres://u@db/l?sslmode=verify-full&sslrootcert=/x")
            .unwrap();
        let c = config(
            "postgres://u@db/l?sslmode=verify-full&sslrootcert=/x",
            &Vars(&[]),
        )
        .unwrap();
        assert_eq!(c.get_ssl_mode(), postgres::config::SslMode::Require);
    }

    /// The test server over TLS: `SELLO_TEST_POSTGRES_TLS` (its URL on 127.0.0.1, no
    /// sslmode) and `SELLO_TEST_POSTGRES_CA_DIR` (`ca.crt`, which signed the server's
    /// certificate naming 127.0.0.1 only, and `other-ca.crt`, which did not), as
    /// `scripts/test-ca` writes them and `scripts/test` serves them. Skipped without them,
    /// failed under `CI=true`.
    #[test]
    fn tls_connects_only_to_a_server_whose_certificate_the_ca_file_vouches_for() {
        let (Ok(url), Ok(cas)) = (
            std::env::var("SELLO_TEST_POSTGRES_TLS"),
            std::env::var("SELLO_TEST_POSTGRES_CA_DIR"),
        ) else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "CI=true and no TLS test server: set SELLO_TEST_POSTGRES_TLS and SELLO_TEST_POSTGRES_CA_DIR"
                );
            }
            eprintln!("skipped: no TLS test server");
            return;
        };
        let ca = format!("{cas}/ca.crt");
        let other = format!("{cas}/other-ca.crt");
        let sep = if url.contains('?') { '&' } else { '?' };
        let with = |mode: &str, ca: &str| format!("{url}{sep}sslmode={mode}&sslrootcert={ca}");
        let on_tls = |url: &str| -> Result<bool, LedgerError> {
            let mut l = PgLedger::connect(url)?;
            Ok(l.client
                .query_one(
                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                    &[],
                )?
                .get(0))
        };
        assert!(
            on_tls(&with("verify-full", &ca)).unwrap(),
            "verify-full over TLS"
        );
        assert!(on_tls(&with("require", &ca)).unwrap());
        assert!(
            !on_tls(&url).unwrap(),
            "no sslmode: in the clear, as before"
        );
        // Another CA: refused, whatever the mode.
        for mode in ["require", "verify-ca", "verify-full"] {
            let err = on_tls(&with(mode, &other)).unwrap_err();
            assert!(matches!(err, LedgerError::Postgres(_)), "{mode}: {err:?}");
        }
        // The certificate names 127.0.0.1, not localhost: verify-full refuses localhost,
        // verify-ca accepts it.
        let by_name = url.replacen("127.0.0.1", "localhost", 1);
        assert_ne!(by_name, url, "SELLO_TEST_POSTGRES_TLS must name 127.0.0.1");
        let with_name = |mode: &str| format!("{by_name}{sep}sslmode={mode}&sslrootcert={ca}");
        assert!(on_tls(&with_name("verify-full")).is_err());
        assert!(on_tls(&with_name("verify-ca")).unwrap());
    }

    #[test]
    fn a_service_file_names_the_server_like_libpq() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pg_service.conf");
        std::fs::write(
            &file,
            "# estaciones\n[otro]\nhost=mal.example\n\n[registro]\nhost=db.example\nport=5433\n\
             user=estacion1\ndbname=sello\nsslmode=verify-full\nsslrootcert=/etc/ca.pem\n\
             password=del-servicio\n",
        )
        .unwrap();
        let path: &'static str = Box::leak(file.to_str().unwrap().to_owned().into_boxed_str());
        let env = Vars(Box::leak(Box::new([("PGSERVICEFILE", path)])));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            let (c, _) = connection("postgres:///?service=registro", &env).unwrap();
            assert_eq!(
                c.get_password(),
                None,
                "a readable service file gives no password"
            );
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let (c, tls) = connection("postgres:///?service=registro", &env).unwrap();
        assert_eq!(
            c.get_hosts(),
            &[postgres::config::Host::Tcp("db.example".into())]
        );
        assert_eq!(
            (c.get_ports(), c.get_user()),
            (&[5433][..], Some("estacion1"))
        );
        assert_eq!(c.get_dbname(), Some("sello"));
        assert_eq!(c.get_password(), Some(&b"del-servicio"[..]));
        assert_eq!(
            tls,
            Tls::Verify {
                roots: "/etc/ca.pem".into(),
                check_name: true
            }
        );
        // The URL's settings win over the service's; PGSERVICE names it too.
        let env2 = Vars(Box::leak(Box::new([
            ("PGSERVICEFILE", path),
            ("PGSERVICE", "registro"),
        ])));
        let (c, tls) = connection(
            "postgres://otra@aqui.example/otra_base?sslmode=disable",
            &env2,
        )
        .unwrap();
        assert_eq!(
            (c.get_user(), c.get_dbname()),
            (Some("otra"), Some("otra_base"))
        );
        assert_eq!(tls, Tls::Plain);
        let err = connection("postgres:///?service=nadie", &env).unwrap_err();
        assert!(err.to_string().contains("nadie"), "{err}");
    }
}
