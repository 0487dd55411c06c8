//! `sello serve` and `sello site export` as an operator runs them: the real binary on
//! 127.0.0.1 (port 0), spoken to over HTTP/1.1. A server that stays fresh (files reloaded while
//! it serves, at once on SIGHUP, bad files kept out), that stays standing (idle and
//! half-sent connections beyond its cap, at its open-file limit), and an export that is
//! replaced whole or not at all.

use crate::cli::{PASS, issue, keygen, publish_status, sello};
use serde_json::Value;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `sello serve`, killed when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) addr: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `sello serve --addr 127.0.0.1:0 ARGS`, with a shell `limits` prefix such as
    /// `ulimit -n 256;` (empty for none), and waits until it says where it listens.
    pub(crate) fn start(limits: &str, args: &[&str]) -> Server {
        Server::start_logging(limits, args, "info")
    }

    /// [`Server::start`] with `SELLO_LOG` set to `filter`.
    fn start_logging(limits: &str, args: &[&str], filter: &str) -> Server {
        let bin = assert_cmd::cargo::cargo_bin("sello");
        let script = format!("{limits} exec \"$0\" serve --addr 127.0.0.1:0 \"$@\"");
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .arg(&bin)
            .args(args)
            // The log is in the process language, Spanish here.
            .env("LANG", "es_MX.UTF-8")
            .env("SELLO_LOG", filter)
            .env_remove("SELLO_KEYS")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (addr_send, addr_receive) = std::sync::mpsc::channel();
        let writer = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("http://").nth(1)
                    && let Some(addr) = rest.split('/').next()
                    && let Ok(addr) = addr.parse::<SocketAddr>()
                {
                    let _ = addr_send.send(addr);
                }
                let mut log = writer.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let addr = addr_receive
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("sello serve did not start: {}", log.lock().unwrap()));
        Server { child, addr, log }
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn hangup(&self) {
        let status = Command::new("kill")
            .args(["-HUP", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request on a new connection: (status, body).
pub(crate) fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<(&str, &[u8])>,
) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if let Some((content_type, bytes)) = body {
        request.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
            bytes.len()
        ));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    if let Some((_, bytes)) = body {
        stream.write_all(bytes).unwrap();
    }
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head: {:?}", String::from_utf8_lossy(&response)));
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap();
    (status, response[split + 4..].to_vec())
}

pub(crate) fn verify(addr: SocketAddr, token: &str) -> Value {
    let (status, body) = http(
        addr,
        "POST",
        "/api/verify",
        Some(("text/plain", token.as_bytes())),
    );
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

/// Waits, up to a minute, for `done`.
pub(crate) fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < deadline, "{what}: never happened");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn revoke(dir: &Path, serial: &str) {
    sello()
        .env("SELLO_PASSPHRASE", PASS)
        .args(["revoke", "--dir"])
        .arg(dir)
        .args([serial, "--reason", "emitido por error"])
        .assert()
        .success();
}

#[test]
fn a_published_revocation_reaches_a_running_server() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let first = issue(&dir, &["--serial", "SRV-0001"])["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = issue(&dir, &["--serial", "SRV-0002"])["token"]
        .as_str()
        .unwrap()
        .to_owned();
    publish_status(&dir);
    let status_file = dir.join("status.jwt");
    let keys = dir.display().to_string();
    let status = status_file.display().to_string();
    let server = Server::start(
        "",
        &["--keys", &keys, "--status", &status, "--reload-every", "1"],
    );
    assert_eq!(verify(server.addr, &second)["verdict"], "valid");
    assert!(
        server.log().contains("lista de estado en uso"),
        "{}",
        server.log()
    );

    // The issuer revokes and publishes while the server runs.
    revoke(&dir, "SRV-0002");
    publish_status(&dir);
    let published = std::fs::read(&status_file).unwrap();
    wait_for("the API answering revoked", || {
        verify(server.addr, &second)["reason"] == "revoked"
    });
    let (code, body) = http(server.addr, "GET", "/status/mx.cecati149.jwt", None);
    assert_eq!((code, body), (200, published.clone()));
    let (_, keys_doc) = http(server.addr, "GET", "/keys.json", None);
    let keys_doc: Value = serde_json::from_slice(&keys_doc).unwrap();
    assert_eq!(
        keys_doc["status_lists"][0].as_str().unwrap().as_bytes(),
        published.trim_ascii_end()
    );
    assert_eq!(keys_doc["status_list_info"][0]["issuer"], "mx.cecati149");
    assert!(server.log().contains("recargado"), "{}", server.log());

    // A broken list written in place: the previous state keeps answering, and it is logged.
    std::fs::write(&status_file, &published[..published.len() / 2]).unwrap();
    wait_for("the failed reload being logged", || {
        server.log().contains("la recarga falló")
    });
    assert_eq!(verify(server.addr, &second)["reason"], "revoked");
    assert_eq!(verify(server.addr, &first)["verdict"], "valid");
    let (_, body) = http(server.addr, "GET", "/status/mx.cecati149.jwt", None);
    assert_eq!(body, published);
    let log = server.log();
    assert_eq!(log.matches("la recarga falló").count(), 1, "{log}");
    assert!(!log.contains("Rosa Elena"), "no name in the log: {log}");
}

#[test]
fn sighup_reloads_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let token = issue(&dir, &["--serial", "HUP-0001"])["token"]
        .as_str()
        .unwrap()
        .to_owned();
    publish_status(&dir);
    let keys = dir.join("jwks.json").display().to_string();
    let status = dir.join("status.jwt").display().to_string();
    // Files looked at once an hour: only the signal can reload them within the test.
    let server = Server::start(
        "",
        &[
            "--keys",
            &keys,
            "--status",
            &status,
            "--reload-every",
            "3600",
        ],
    );
    assert_eq!(verify(server.addr, &token)["verdict"], "valid");
    revoke(&dir, "HUP-0001");
    publish_status(&dir);
    server.hangup();
    wait_for("the API answering revoked", || {
        verify(server.addr, &token)["reason"] == "revoked"
    });
    assert!(server.log().contains("SIGHUP"), "{}", server.log());
}

/// Reads from `stream` until it is closed by the server (true) or a minute passes (false).
fn closed_by_server(stream: &mut TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

#[test]
fn idle_and_half_sent_connections_do_not_silence_the_server() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let token = issue(&dir, &[])["token"].as_str().unwrap().to_owned();
    publish_status(&dir);
    let keys = dir.display().to_string();
    let status = dir.join("status.jwt").display().to_string();
    // 256 open files at most, soft and hard: 400 connections would use them all up.
    let server = Server::start(
        "ulimit -n 256;",
        &[
            "--keys",
            &keys,
            "--status",
            &status,
            "--max-connections",
            "100",
            "--header-timeout",
            "3",
            "--idle-timeout",
            "2",
        ],
    );
    let mut held = Vec::new();
    for i in 0..400 {
        let mut stream = TcpStream::connect(server.addr).unwrap();
        if i % 2 == 1 {
            // Headers started, never finished.
            stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1")
                .unwrap();
        }
        held.push(stream);
    }
    let (code, body) = http(server.addr, "GET", "/healthz", None);
    assert_eq!((code, body.as_slice()), (200, &b"ok\n"[..]));
    assert_eq!(verify(server.addr, &token)["verdict"], "valid");
    assert!(
        server.log().contains("tope de conexiones alcanzado"),
        "{}",
        server.log()
    );
    drop(held);

    // Below the cap, idle and half-sent connections are closed after their timeouts, and so
    // is a kept-alive one after its response.
    let mut idle = TcpStream::connect(server.addr).unwrap();
    let mut half = TcpStream::connect(server.addr).unwrap();
    half.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .unwrap();
    let mut kept = TcpStream::connect(server.addr).unwrap();
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let mut answer = [0u8; 1024];
    let n = kept.read(&mut answer).unwrap();
    assert!(answer[..n].starts_with(b"HTTP/1.1 200"));
    assert!(closed_by_server(&mut idle), "idle connection still open");
    assert!(
        closed_by_server(&mut half),
        "half-sent connection still open"
    );
    assert!(
        closed_by_server(&mut kept),
        "kept-alive connection still open"
    );
    assert_eq!(http(server.addr, "GET", "/healthz", None).0, 200);
}

#[test]
fn an_interrupted_export_leaves_the_previous_one_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    publish_status(&dir);
    let out = tmp.path().join("sitio");
    let export = |limits: &str| {
        Command::new("bash")
            .arg("-c")
            .arg(format!(
                "{limits} exec \"$0\" site export --keys \"$1\" --status \"$2\" --out \"$3\""
            ))
            .arg(assert_cmd::cargo::cargo_bin("sello"))
            .arg(&dir)
            .arg(dir.join("status.jwt"))
            .arg(&out)
            .env("LANG", "es_MX.UTF-8")
            .env_remove("SELLO_KEYS")
            .output()
            .unwrap()
    };
    assert!(export("").status.success());
    let before = snapshot(&out);
    assert!(before.iter().any(|(name, _)| name == "v/index.html"));
    // A newer status list, then an export killed after a few kilobytes (files over 8 KiB
    // are refused, SIGXFSZ): the published folder must be the previous export, untouched.
    std::thread::sleep(Duration::from_millis(1100));
    publish_status(&dir);
    let interrupted = export("ulimit -f 8;");
    assert!(!interrupted.status.success());
    assert_eq!(snapshot(&out), before);
    // Done again without the limit: replaced.
    assert!(export("").status.success());
    assert_ne!(snapshot(&out), before);
}

/// Every file under `dir` with its contents, sorted.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A PNG of one 64 × 64 noise tile repeated over 7000 × 7000 pixels: seconds to decode.
fn noise_png() -> Vec<u8> {
    use image::ImageEncoder as _;
    let mut seed: u64 = 0xfeed_f00d;
    let tile: Vec<u8> = (0..64 * 64)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if seed & 1 == 0 { 0 } else { 255 }
        })
        .collect();
    let side = 7000usize;
    let mut raw = vec![0u8; side * side];
    for (y, row) in raw.chunks_exact_mut(side).enumerate() {
        for (x, p) in row.iter_mut().enumerate() {
            *p = tile[(y % 64) * 64 + x % 64];
        }
    }
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Best,
        image::codecs::png::FilterType::NoFilter,
    )
    .write_image(&raw, 7000, 7000, image::ExtendedColorType::L8)
    .unwrap();
    out
}

#[test]
fn a_client_that_hangs_up_stops_its_image_decode() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let keys = dir.display().to_string();
    let server = Server::start_logging("", &["--keys", &keys], "info,sello_web=debug");
    let png = noise_png();
    let mut stream = TcpStream::connect(server.addr).unwrap();
    let head = format!(
        "POST /api/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\r\n",
        png.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&png).unwrap();
    // The upload is complete and its decode under way (the server has read the whole body: a
    // fixed pause was not always enough on a loaded machine, and a body cut short is another
    // case); the client leaves before the answer.
    wait_for("the decode starting", || {
        server
            .log()
            .contains("decodificando una imagen de 7000 × 7000 píxeles")
    });
    drop(stream);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !server.log().contains("decodificación de imagen detenida") {
        assert!(
            Instant::now() < deadline,
            "the decode never stopped; the log:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // Stopped by the hang-up, not by the 10 s time limit (which answers 503 and logs it).
    let log = server.log();
    assert!(!log.contains("error=timeout"), "{log}");
    assert_eq!(http(server.addr, "GET", "/healthz", None).0, 200);
}

#[test]
fn a_client_that_stops_reading_its_responses_is_closed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("issuer");
    keygen(&dir);
    let keys = dir.display().to_string();
    let server = Server::start("", &["--keys", &keys, "--idle-timeout", "2"]);
    // 2000 pipelined requests for the 59 KB verifier script (about 118 MB of answers), none
    // read: the server's writes stall once the socket buffers are full.
    let mut stream = TcpStream::connect(server.addr).unwrap();
    let request = b"GET /sello-verify.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    let count = 2000;
    let writer = {
        let mut stream = stream.try_clone().unwrap();
        std::thread::spawn(move || {
            for _ in 0..count {
                if stream.write_all(request).is_err() {
                    break;
                }
            }
        })
    };
    std::thread::sleep(Duration::from_secs(8));
    let mut received = 0usize;
    let mut buf = vec![0u8; 1 << 16];
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => received += n,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("{e} after {received} bytes"),
        }
    }
    let _ = writer.join();
    let script = 59_000;
    assert!(
        received < count * script,
        "{received} bytes: every answer was written, the stalled connection was kept"
    );
    assert_eq!(http(server.addr, "GET", "/healthz", None).0, 200);
}
