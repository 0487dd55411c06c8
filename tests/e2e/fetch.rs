//! Trust bundles over HTTPS: `sello verify --trust root.json --bundle https://…` and
//! `sello trust add URL --root-fingerprint FP` then `sello verify` with no other flag, against
//! a loopback HTTPS server (127.0.0.1 only) with a throwaway certificate authority made here
//! (rcgen). The server counts the requests and what they carried, so that the conditional
//! request (`If-None-Match`, answered 304) is seen, not assumed.

use crate::federation::{World, token};
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose,
};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A throwaway certificate authority, a server certificate it signed for 127.0.0.1, and a
/// second authority that signed nothing the server shows.
struct Pki {
    ca_pem: String,
    other_ca_pem: String,
    server: Arc<rustls::ServerConfig>,
}

fn authority(name: &str) -> CertifiedIssuer<'static, KeyPair> {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    CertifiedIssuer::self_signed(params, KeyPair::generate().unwrap()).unwrap()
}

fn pki() -> Pki {
    let ca = authority("Sello test CA");
    let other = authority("Sello other test CA");
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .unwrap();
    Pki {
        ca_pem: ca.pem(),
        other_ca_pem: other.pem(),
        server: Arc::new(server),
    }
}

/// What the server serves at `/trust.jwt` (none: 404), with its ETag.
#[derive(Default)]
struct Served {
    body: Option<String>,
    etag: String,
    /// Every request seen: its path and its `If-None-Match`.
    seen: Vec<(String, Option<String>)>,
    /// How many were answered 304.
    not_modified: usize,
    /// An answer sent instead, whatever the request.
    raw: Option<String>,
}

/// A loopback HTTPS server (plain HTTP without `tls`), one request per connection.
struct Server {
    port: u16,
    served: Arc<Mutex<Served>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(tls: Option<Arc<rustls::ServerConfig>>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let served = Arc::new(Mutex::new(Served::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, halt) = (served.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if halt.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                stream
                    .set_read_timeout(Some(Duration::from_secs(20)))
                    .unwrap();
                match &tls {
                    Some(config) => {
                        let conn = rustls::ServerConnection::new(config.clone()).unwrap();
                        // A handshake the client gives up (a certificate it does not trust)
                        // is an error here: the connection is dropped.
                        let _ = answer(&s, rustls::StreamOwned::new(conn, stream));
                    }
                    None => {
                        let _ = answer(&s, stream);
                    }
                }
            }
        });
        Server {
            port,
            served,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self) -> String {
        format!("https://127.0.0.1:{}/trust.jwt", self.port)
    }

    /// Serves `body` from now on, with an ETag of its own.
    fn serve(&self, body: &str) {
        let mut s = self.served.lock().unwrap();
        s.etag = format!("\"{}-{}\"", body.len(), s.seen.len());
        s.body = Some(body.to_owned());
    }

    /// Answers `raw` to every request from now on.
    fn answer_raw(&self, raw: String) {
        self.served.lock().unwrap().raw = Some(raw);
    }

    fn seen(&self) -> Vec<(String, Option<String>)> {
        self.served.lock().unwrap().seen.clone()
    }

    fn not_modified(&self) -> usize {
        self.served.lock().unwrap().not_modified
    }

    /// Stops listening: connections are refused from then on.
    fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.halt();
    }
}

/// Reads one request and answers it.
fn answer(served: &Mutex<Served>, stream: impl Read + Write) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let path = line.split(' ').nth(1).unwrap_or_default().to_owned();
    let mut if_none_match = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("if-none-match")
        {
            if_none_match = Some(value.trim().to_owned());
        }
    }
    let text = {
        let mut s = served.lock().unwrap();
        s.seen.push((path.clone(), if_none_match.clone()));
        if let Some(raw) = &s.raw {
            return reply(reader, raw);
        }
        let body = s.body.clone().filter(|_| path == "/trust.jwt");
        match body {
            Some(_) if if_none_match.as_deref() == Some(s.etag.as_str()) => {
                s.not_modified += 1;
                format!(
                    "HTTP/1.1 304 Not Modified\r\nETag: {}\r\nConnection: close\r\n\r\n",
                    s.etag
                )
            }
            Some(body) => format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/jwt\r\nETag: {}\r\nLast-Modified: Tue, 01 Dec 2026 10:00:00 GMT\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                s.etag,
                body.len()
            ),
            None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_owned(),
        }
    };
    reply(reader, &text)
}

fn reply(reader: BufReader<impl Read + Write>, text: &str) -> std::io::Result<()> {
    let mut stream = reader.into_inner();
    stream.write_all(text.as_bytes())?;
    stream.flush()
}

/// A federation with one centre accredited for EC0105, one certificate issued and bundle
/// no. 1 published as `trust.jwt`; returns the certificate's token.
fn federation(w: &World) -> String {
    w.init();
    w.centre("cecati149", "mx.cecati149", "CECATI 149");
    w.accredit("cecati149", "EC0105");
    let issued = w.issue("cecati149", "EC0105");
    w.publish("conocer", "trust.jwt", &[]);
    token(&issued)
}

fn fingerprint(w: &World) -> String {
    let root = sello_issuer::federation::read_root(&w.path("conocer/root.json")).unwrap();
    sello_issuer::federation::payload_hash(&root)
}

fn read(w: &World, name: &str) -> String {
    std::fs::read_to_string(w.path(name)).unwrap()
}

/// Runs `sello` in the world with the test CA trusted: status, stdout, stderr.
fn run(w: &World, ca: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = w.sello();
    if let Some(ca) = ca {
        cmd.env("SELLO_CA_FILE", w.path(ca));
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn world_with_pki() -> (World, Pki) {
    let w = World::new();
    let pki = pki();
    std::fs::write(w.path("ca.pem"), &pki.ca_pem).unwrap();
    std::fs::write(w.path("other-ca.pem"), &pki.other_ca_pem).unwrap();
    (w, pki)
}

#[test]
fn a_bundle_url_is_fetched_then_asked_again_conditionally_and_kept_for_when_the_server_is_down() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    // Bundle no. 2, fresh for one day only.
    w.publish("conocer", "trust.jwt", &["--valid-days", "1"]);
    let server = Server::start(Some(pki.server.clone()));
    server.serve(&read(&w, "trust.jwt"));
    let url = server.url();
    let verify = [
        "verify",
        "--trust",
        "conocer/root.json",
        "--bundle",
        &url,
        &good,
    ];

    // First: fetched, verified, kept.
    let (status, out, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("✔ CERTIFICADO VÁLIDO"), "{out}");
    assert!(!err.contains("aviso"), "{err}");
    assert_eq!(server.seen(), [("/trust.jwt".to_owned(), None)]);
    let cached = std::fs::read_dir(w.path("cache/sello/bundles"))
        .unwrap()
        .count();
    assert_eq!(cached, 1);

    // Second: a conditional request with the ETag; the server answers 304 and the copy is used.
    let (status, out, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 0, "{out}{err}");
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(
        seen[1].1.as_deref().is_some_and(|t| t.starts_with('"')),
        "{seen:?}"
    );
    assert_eq!(server.not_modified(), 1);
    assert!(out.contains("✔ CERTIFICADO VÁLIDO"), "{out}");

    // Server down: the copy is used, with a warning naming the failure, in both languages.
    server.stop();
    let (status, out, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("✔ CERTIFICADO VÁLIDO"), "{out}");
    assert!(
        err.contains("sello: aviso: no se pudo llegar a https://127.0.0.1:")
            && err.contains(
                "Se usa la copia guardada en esta computadora: paquete de confianza n.º 2 del"
            ),
        "{err}"
    );
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &[&verify[..], &["--lang", "en"]].concat(),
    );
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("sello: warning: https://127.0.0.1:")
            && err.contains("could not be reached")
            && err.contains("Using the copy kept on this computer: trust bundle no. 2 of"),
        "{err}"
    );

    // A stale copy still decides the certificates issued before it, said to be stale.
    let later = (crate::federation::bundle_iat(&w, "trust.jwt") + 3 * 86_400).to_string();
    let (status, out, err) = run(
        &w,
        Some("ca.pem"),
        &[&verify[..], &["--at", &later]].concat(),
    );
    assert_eq!(status, 0, "{out}{err}");
    assert!(
        err.contains("Se usa la copia guardada")
            && err.contains("aviso: el paquete de confianza es del"),
        "{err}"
    );
    // The freshness rules still apply to the copy: a strict maximum age refuses it.
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &[
            &verify[..],
            &["--max-bundle-age", "1s", "--at", "2099-01-01"],
        ]
        .concat(),
    );
    assert_eq!(status, 2, "{err}");
    // Both reasons are told: the fetch's and the copy's.
    assert!(
        err.contains("sello: error: no se pudo llegar a https://127.0.0.1:")
            && err.contains("es más antiguo que la edad máxima de 1 segundo"),
        "{err}"
    );

    // Without a copy, the failure is an error (exit status 74), not a verdict.
    std::fs::remove_dir_all(w.path("cache")).unwrap();
    let (status, out, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 74, "{out}{err}");
    assert!(err.contains("sello: error: no se pudo llegar a"), "{err}");
    assert!(out.is_empty(), "{out}");
}

#[test]
fn a_server_certificate_of_another_authority_is_refused_naming_tls() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    let server = Server::start(Some(pki.server.clone()));
    server.serve(&read(&w, "trust.jwt"));
    let url = server.url();
    let verify = [
        "verify",
        "--trust",
        "conocer/root.json",
        "--bundle",
        &url,
        &good,
    ];
    for ca in [Some("other-ca.pem"), None] {
        let (status, out, err) = run(&w, ca, &verify);
        assert_eq!(status, 74, "{ca:?}: {out}{err}");
        assert!(
            err.contains("falló la conexión segura (TLS) con https://127.0.0.1:")
                && err.contains("el certificado del servidor no lo firma una autoridad de certificación de confianza"),
            "{ca:?}: {err}"
        );
    }
    let (status, _, err) = run(
        &w,
        Some("other-ca.pem"),
        &[&verify[..], &["--lang", "en"]].concat(),
    );
    assert_eq!(status, 74);
    assert!(
        err.contains("the secure connection (TLS) to https://127.0.0.1:")
            && err.contains("not signed by a trusted certificate authority"),
        "{err}"
    );
    // A certificate for another name (the server's is for 127.0.0.1 only).
    let by_name = url.replacen("127.0.0.1", "localhost", 1);
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &[
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            &by_name,
            &good,
        ],
    );
    assert_eq!(status, 74, "{err}");
    assert!(
        err.contains("falló la conexión segura (TLS) con https://localhost:")
            && err.contains("el certificado del servidor es de otro nombre"),
        "{err}"
    );
    // Nothing was kept; the right authority works.
    assert!(!w.path("cache/sello/bundles").exists());
    let (status, out, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 0, "{out}{err}");
    // --ca-file on the command line too.
    let ca = w.path("ca.pem");
    let (status, _, err) = run(
        &w,
        None,
        &[&verify[..], &["--ca-file", ca.to_str().unwrap()]].concat(),
    );
    assert_eq!(status, 0, "{err}");
}

#[test]
fn plain_http_is_refused_except_from_this_computer() {
    let w = World::new();
    let good = federation(&w);
    let (status, _, err) = run(
        &w,
        None,
        &[
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            "http://example.invalid/trust.jwt",
            &good,
        ],
    );
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains(
            "no es una dirección https://: un paquete de confianza solo se descarga por HTTPS"
        ),
        "{err}"
    );
    // On loopback, plain HTTP is served (a local mirror, a test).
    let server = Server::start(None);
    server.serve(&read(&w, "trust.jwt"));
    let url = format!("http://127.0.0.1:{}/trust.jwt", server.port);
    let (status, out, err) = run(
        &w,
        None,
        &[
            "verify",
            "--trust",
            "conocer/root.json",
            "--bundle",
            &url,
            &good,
        ],
    );
    assert_eq!(status, 0, "{out}{err}");
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn trust_add_pins_the_root_by_fingerprint_then_verify_needs_no_flag() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    let server = Server::start(Some(pki.server.clone()));
    server.serve(&read(&w, "trust.jwt"));
    let url = server.url();
    let fp = fingerprint(&w);

    // Nothing trusted yet: the usual error, with the hint.
    let (status, _, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 2, "{err}");
    assert!(
        err.contains("sello trust add URL --root-fingerprint"),
        "{err}"
    );

    // A wrong fingerprint is refused, naming the one given and the ones the bundle carries.
    let wrong = "0".repeat(64);
    let (status, out, err) = run(
        &w,
        Some("ca.pem"),
        &["trust", "add", &url, "--root-fingerprint", &wrong],
    );
    assert_eq!(status, 2, "{out}{err}");
    assert!(
        err.contains(&format!(
            "no trae ningún documento raíz con la huella indicada ({wrong}); trae versión 1: {fp}"
        )),
        "{err}"
    );
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &[
            "trust",
            "add",
            &url,
            "--root-fingerprint",
            "abc",
            "--lang",
            "en",
        ],
    );
    assert_eq!(status, 2);
    assert!(err.contains("\"abc\" is not a fingerprint"), "{err}");
    assert!(!w.path("config/sello/federations.json").exists());

    // The right one (as printed, in capitals with colons is the same).
    let spaced = fp
        .as_bytes()
        .chunks(2)
        .map(|c| std::str::from_utf8(c).unwrap().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":");
    let (status, out, err) = run(
        &w,
        Some("ca.pem"),
        &["trust", "add", &url, "--root-fingerprint", &spaced],
    );
    assert_eq!(status, 0, "{out}{err}");
    assert!(
        out.contains(&format!("Federación CONOCER (mx.conocer) de confianza: versión 1 del documento raíz fijada (huella {fp}); paquete de confianza n.º 1 del")),
        "{out}"
    );
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &["trust", "add", &url, "--root-fingerprint", &fp],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("ya se confía en la federación mx.conocer"),
        "{err}"
    );
    let (_, out, _) = run(&w, None, &["trust", "list"]);
    let as_of = sello_verifier::federation::date(crate::federation::bundle_iat(&w, "trust.jwt"));
    assert!(
        out.starts_with(&format!(
            "mx.conocer (CONOCER): {url}, raíz {fp}\n  copia guardada: paquete de confianza n.º 1 del {as_of}, vigente hasta el "
        )),
        "{out}"
    );
    assert_eq!(out.lines().count(), 2, "{out}");

    // `sello verify` with no other flag: through the bundle at the URL.
    let (status, out, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("✔ CERTIFICADO VÁLIDO"), "{out}");
    assert!(out.contains("acreditado por CONOCER para EC0105"), "{out}");
    assert_eq!(server.not_modified(), 1, "{:?}", server.seen());

    // A kept copy broken behind Sello's back is ignored, with a warning; the bundle is fetched
    // again in full and kept anew.
    let kept: Vec<_> = std::fs::read_dir(w.path("cache/sello/bundles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    std::fs::write(&kept[0], "{\"url\":1}").unwrap();
    let (status, out, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(
        err.contains("no es lo que escribe Sello: se ignora"),
        "{err}"
    );
    assert_eq!(server.seen().last().unwrap().1, None);
    let (status, _, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(server.not_modified(), 2);

    // --keys keeps its meaning for scripts: nothing is fetched.
    let before = server.seen().len();
    let (status, out, err) = run(
        &w,
        None,
        &[
            "verify",
            "--keys",
            "cecati149/jwks.json",
            "--status",
            "cecati149/status.jwt",
            &good,
        ],
    );
    assert_eq!(status, 0, "{out}{err}");
    assert!(!out.contains("acreditado por"), "{out}");
    assert_eq!(server.seen().len(), before);

    // Removed: verify is back to needing key sets.
    let (status, out, _) = run(&w, None, &["trust", "remove", "mx.conocer"]);
    assert_eq!(status, 0);
    assert!(
        out.contains("Ya no se confía en la federación mx.conocer"),
        "{out}"
    );
    let (_, out, _) = run(&w, None, &["trust", "list"]);
    assert!(out.contains("No se confía en ninguna federación"), "{out}");
    let (status, _, _) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 2);
    let (status, _, err) = run(&w, None, &["trust", "remove", "mx.conocer"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("ninguna federación de confianza tiene el identificador mx.conocer"),
        "{err}"
    );
}

#[test]
fn a_rolled_back_bundle_at_the_url_is_refused_by_the_ratchet() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    w.publish("conocer", "trust-2.jwt", &[]);
    let server = Server::start(Some(pki.server.clone()));
    server.serve(&read(&w, "trust-2.jwt"));
    let url = server.url();
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &["trust", "add", &url, "--root-fingerprint", &fingerprint(&w)],
    );
    assert_eq!(status, 0, "{err}");
    // The server (or whoever took it over) goes back to bundle no. 1.
    server.serve(&read(&w, "trust.jwt"));
    let (status, out, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 2, "{out}{err}");
    assert!(
        err.contains(&format!("{url}: rechazado: este paquete de confianza (seq 1) es más antiguo que uno ya aceptado (seq 2)")),
        "{err}"
    );
    assert!(out.is_empty(), "{out}");
    // The copy kept is still no. 2: with the server down, it decides.
    server.stop();
    let (status, out, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(err.contains("paquete de confianza n.º 2"), "{err}");
}

#[test]
fn redirects_stay_on_https_and_are_few_and_the_body_is_capped() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    let server = Server::start(Some(pki.server.clone()));
    let url = server.url();
    let verify = [
        "verify",
        "--trust",
        "conocer/root.json",
        "--bundle",
        &url,
        &good,
    ];
    // Away from HTTPS: refused at the first redirect.
    let plain = url.replacen("https://", "http://", 1);
    server.answer_raw(format!(
        "HTTP/1.1 302 Found\r\nLocation: {plain}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    ));
    let (status, _, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 74, "{err}");
    assert!(
        err.contains("redirige más de 5 veces, o fuera de HTTPS"),
        "{err}"
    );
    assert_eq!(server.seen().len(), 1);
    // To itself, for ever: five are followed, then refused.
    server.answer_raw(format!(
        "HTTP/1.1 302 Found\r\nLocation: {url}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    ));
    let (status, _, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 74, "{err}");
    assert!(err.contains("redirige más de 5 veces"), "{err}");
    assert_eq!(server.seen().len(), 1 + 1 + 5);
    // One byte over the bundle cap: refused without reading more, nothing kept.
    let cap = sello_core::federation::MAX_BUNDLE_BYTES;
    server.answer_raw(format!(
        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        cap + 1,
        "a".repeat(cap + 1)
    ));
    let (status, _, err) = run(&w, Some("ca.pem"), &verify);
    assert_eq!(status, 74, "{err}");
    assert!(err.contains(&format!("envió más de {cap} bytes")), "{err}");
    // A status other than 200.
    server.answer_raw(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .to_owned(),
    );
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &[&verify[..], &["--lang", "en"]].concat(),
    );
    assert_eq!(status, 74, "{err}");
    assert!(err.contains("answered with HTTP status 503"), "{err}");
    assert!(!w.path("cache/sello/bundles").exists());
}

#[test]
fn with_several_federations_trusted_verify_asks_which() {
    let (w, pki) = world_with_pki();
    let good = federation(&w);
    // A second federation, with its own registry and bundle.
    w.run_ok(&[
        "federation",
        "init",
        "--dir",
        "otra",
        "--id",
        "mx.otra",
        "--name",
        "OTRA",
        "--root-keys",
        "1",
        "--threshold",
        "1",
    ]);
    w.publish("otra", "otra.jwt", &[]);
    let conocer = Server::start(Some(pki.server.clone()));
    conocer.serve(&read(&w, "trust.jwt"));
    let otra = Server::start(Some(pki.server.clone()));
    otra.serve(&read(&w, "otra.jwt"));
    let root = sello_issuer::federation::read_root(&w.path("otra/root.json")).unwrap();
    // Both added at once: they take turns on the configuration, neither is lost.
    std::thread::scope(|scope| {
        for (server, fp) in [(&conocer, fingerprint(&w)), (&otra, root.fingerprint())] {
            let w = &w;
            scope.spawn(move || {
                let (status, _, err) = run(
                    w,
                    Some("ca.pem"),
                    &["trust", "add", &server.url(), "--root-fingerprint", &fp],
                );
                assert_eq!(status, 0, "{err}");
            });
        }
    });
    let (_, out, _) = run(&w, None, &["trust", "list"]);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert_eq!(
        out.matches("  copia guardada: paquete de confianza n.º 1 del")
            .count(),
        2,
        "{out}"
    );
    std::fs::remove_dir_all(w.path("cache")).unwrap();
    let (_, out, _) = run(&w, None, &["trust", "list", "--lang", "en"]);
    assert_eq!(
        out.lines().filter(|l| *l == "  no copy kept yet").count(),
        2,
        "{out}"
    );
    let (status, _, err) = run(&w, Some("ca.pem"), &["verify", &good]);
    assert_eq!(status, 2);
    assert!(
        (err.contains("se confía en varias federaciones (mx.conocer, mx.otra)")
            || err.contains("se confía en varias federaciones (mx.otra, mx.conocer)"))
            && err.contains("elija una con --federation ID"),
        "{err}"
    );
    let (status, out, err) = run(
        &w,
        Some("ca.pem"),
        &["verify", "--federation", "mx.conocer", &good],
    );
    assert_eq!(status, 0, "{out}{err}");
    // Through the other federation, the centre is unknown.
    let (status, out, _) = run(
        &w,
        Some("ca.pem"),
        &["verify", "--federation", "mx.otra", &good],
    );
    assert_ne!(status, 0, "{out}");
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &["verify", "--federation", "mx.nada", &good],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("ninguna federación de confianza tiene el identificador mx.nada"),
        "{err}"
    );
    let (status, _, err) = run(
        &w,
        None,
        &[
            "verify",
            "--federation",
            "mx.conocer",
            "--keys",
            "cecati149/jwks.json",
            &good,
        ],
    );
    assert_eq!(status, 2);
    assert!(err.contains("no los use con --keys"), "{err}");
    // A pinned root file replaced behind Sello's back is refused, not followed.
    assert_eq!(
        std::fs::read_dir(w.path("config/sello/roots"))
            .unwrap()
            .count(),
        2
    );
    let conocer_root = w.path(&format!(
        "config/sello/roots/{}.json",
        sello_core::b64::encode(b"mx.conocer")
    ));
    assert!(conocer_root.is_file());
    std::fs::copy(w.path("otra/root.json"), &conocer_root).unwrap();
    let (status, _, err) = run(
        &w,
        Some("ca.pem"),
        &["verify", "--federation", "mx.conocer", &good],
    );
    assert_eq!(status, 2);
    assert!(
        err.contains("no es el documento raíz fijado para mx.conocer"),
        "{err}"
    );
}
