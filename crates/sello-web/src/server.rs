//! Serving connections: HTTP/1.1 through hyper, with a header-read timeout, an idle timeout
//! and a cap on open connections, so that clients that open connections and send nothing, or
//! send their headers a byte at a time, cannot use up the process's file descriptors.
//!
//! - A connection must deliver a complete request head within the header timeout, counted
//!   from when the server starts waiting for it: on a new connection, and on a kept-alive one
//!   after each response (hyper's `header_read_timeout`).
//!   A kept-alive connection waiting for its next request is therefore closed after the header
//!   timeout.
//! - A connection on which no byte was read or written for the idle timeout, while no request
//!   is being handled, is closed: an idle one, and one whose client stopped reading its
//!   responses (a handler runs within the request time limit).
//! - At most `max_connections` are open. When a new one arrives at the cap, the connection
//!   idle the longest (no request in progress) is closed to make room; when none is idle, the
//!   new connection waits in the listen queue until one closes. One log line says the cap was
//!   reached (at most one a minute, with the number of times since the last line).

use crate::i18n::tr;
use axum::Router;
use axum::body::{Body, HttpBody};
use axum::http::Request;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tokio::time::Instant;
use tower::ServiceExt as _;

/// Default time to deliver a request head.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time a connection may go without traffic while no request is being handled.
pub const DEFAULT_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Default cap on open connections (lowered to fit the file-descriptor limit, see
/// [`fit_to_descriptors`]).
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
/// File descriptors kept free of connections: the listener, files read at reloads, standard
/// streams, the runtime's own.
const RESERVED_DESCRIPTORS: u64 = 64;
/// The longest pause between two log lines about the connection cap.
const CAP_LOG_EVERY: Duration = Duration::from_secs(60);

/// How connections are served.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Time a connection has to deliver a complete request head (see the module docs).
    pub header_timeout: Duration,
    /// Time a connection may go without a byte read or written while no request is being
    /// handled (see the module docs).
    pub idle_timeout: Duration,
    /// Most connections open at once (at least 1).
    pub max_connections: usize,
}

impl Default for ServerConfig {
    fn default() -> ServerConfig {
        ServerConfig {
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }
}

/// Raises the soft limit on open files towards the hard limit (Unix), and returns the cap on
/// connections that fits under it: `wanted`, or the soft limit less a reserve when that is
/// lower (at least 1). Logs both.
pub fn fit_to_descriptors(wanted: usize) -> usize {
    #[cfg(unix)]
    {
        let soft = match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(soft) => soft,
            Err(e) => {
                tracing::warn!(error = %e, "{}", tr("log-no-file-limit", &[]));
                return wanted.max(1);
            }
        };
        let room =
            usize::try_from(soft.saturating_sub(RESERVED_DESCRIPTORS).max(1)).unwrap_or(usize::MAX);
        let cap = wanted.clamp(1, room);
        if cap < wanted {
            tracing::warn!(
                open_file_limit = soft,
                max_connections = cap,
                "{}",
                tr("log-cap-lowered", &[])
            );
        } else {
            tracing::info!(
                open_file_limit = soft,
                max_connections = cap,
                "{}",
                tr("log-cap", &[])
            );
        }
        cap
    }
    #[cfg(not(unix))]
    wanted.max(1)
}

/// One connection as the accept loop sees it.
struct Conn {
    /// Requests received whose response has not been completely written.
    in_flight: AtomicUsize,
    /// Requests whose handler is running (their response not yet made).
    handling: AtomicUsize,
    /// Milliseconds after the server's start of the last byte read or written, or of the end
    /// of the last response.
    last_active: AtomicU64,
    /// Closes the connection if it is idle.
    evict: Notify,
    epoch: Instant,
}

impl Conn {
    fn touch(&self) {
        let ms = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_active.store(ms, Ordering::Relaxed);
    }

    fn idle(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0
    }

    fn handling(&self) -> bool {
        self.handling.load(Ordering::Acquire) > 0
    }

    fn idle_since(&self) -> Instant {
        self.epoch + Duration::from_millis(self.last_active.load(Ordering::Relaxed))
    }
}

/// The open connections, for closing the longest idle one at the cap.
#[derive(Default)]
struct Registry {
    conns: Mutex<HashMap<u64, Arc<Conn>>>,
}

impl Registry {
    fn insert(&self, id: u64, conn: Arc<Conn>) {
        self.conns
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, conn);
    }

    fn remove(&self, id: u64) {
        self.conns
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&id);
    }

    fn len(&self) -> usize {
        self.conns
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Tells the connection idle the longest to close; false when none is idle.
    fn evict_one(&self) -> bool {
        let conns = self.conns.lock().unwrap_or_else(PoisonError::into_inner);
        match conns
            .values()
            .filter(|c| c.idle())
            .min_by_key(|c| c.idle_since())
        {
            Some(conn) => {
                conn.evict.notify_one();
                true
            }
            None => false,
        }
    }
}

/// The stream, noting every byte read or written as activity.
struct Tracked {
    stream: TcpStream,
    conn: Arc<Conn>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.conn.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.conn.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.conn.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// A request in progress on a connection, until its response body is dropped (completely
/// written, or abandoned).
struct InFlight(Arc<Conn>);

impl InFlight {
    fn start(conn: &Arc<Conn>) -> InFlight {
        conn.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(Arc::clone(conn))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A handler running, until its response is made (or it is dropped).
struct Handling(Arc<Conn>);

impl Handling {
    fn start(conn: &Arc<Conn>) -> Handling {
        conn.handling.fetch_add(1, Ordering::AcqRel);
        Handling(Arc::clone(conn))
    }
}

impl Drop for Handling {
    fn drop(&mut self) {
        self.0.touch();
        self.0.handling.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body that keeps its request counted as in progress.
struct CountedBody {
    body: Body,
    _in_flight: InFlight,
}

impl HttpBody for CountedBody {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Whether an accept error concerns one connection only (try the next at once).
fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Rate-limits a log line: at most one per [`CAP_LOG_EVERY`].
struct Throttle {
    last: Option<Instant>,
    suppressed: u64,
}

impl Throttle {
    /// Whether to log now, and how many were suppressed since the last line.
    fn ready(&mut self) -> Option<u64> {
        let now = Instant::now();
        if self.last.is_some_and(|t| now - t < CAP_LOG_EVERY) {
            self.suppressed += 1;
            return None;
        }
        self.last = Some(now);
        Some(std::mem::take(&mut self.suppressed))
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets requests in flight
/// finish. See the module documentation for the limits.
pub async fn serve_router(
    listener: TcpListener,
    router: Router,
    config: ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let max = config.max_connections.max(1);
    let permits = Arc::new(Semaphore::new(max));
    let registry = Arc::new(Registry::default());
    let epoch = Instant::now();
    let (stop_tx, stop_rx) = watch::channel(false);
    let (closed_tx, closed_rx) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    let mut cap_log = Throttle {
        last: None,
        suppressed: 0,
    };
    let mut accept_log = Throttle {
        last: None,
        suppressed: 0,
    };
    let mut next_id: u64 = 0;
    loop {
        let (stream, _peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    // Out of file descriptors, most likely: wait for some to close.
                    if let Some(suppressed) = accept_log.ready() {
                        tracing::error!(error = %e, suppressed, "{}", tr("log-accept-failed", &[]));
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let permit = match Arc::clone(&permits).try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if let Some(suppressed) = cap_log.ready() {
                    tracing::warn!(
                        max_connections = max,
                        open = registry.len(),
                        suppressed,
                        "{}",
                        tr("log-cap-reached", &[])
                    );
                }
                loop {
                    registry.evict_one();
                    tokio::select! {
                        permit = Arc::clone(&permits).acquire_owned() => match permit {
                            Ok(permit) => break permit,
                            Err(_) => return Ok(()),
                        },
                        () = tokio::time::sleep(Duration::from_millis(100)) => {}
                        () = &mut shutdown => {
                            drop(stream);
                            return finish(stop_tx, closed_tx, closed_rx).await;
                        }
                    }
                }
            }
        };
        let _ = stream.set_nodelay(true);
        let conn = Arc::new(Conn {
            in_flight: AtomicUsize::new(0),
            handling: AtomicUsize::new(0),
            last_active: AtomicU64::new(0),
            evict: Notify::new(),
            epoch,
        });
        conn.touch();
        let id = next_id;
        next_id += 1;
        registry.insert(id, Arc::clone(&conn));
        let registry = Arc::clone(&registry);
        let router = router.clone();
        let config = config.clone();
        let stop = stop_rx.clone();
        let closed = closed_rx.clone();
        tokio::spawn(async move {
            serve_connection(stream, router, &config, &conn, stop).await;
            registry.remove(id);
            drop(permit);
            drop(closed);
        });
    }
    finish(stop_tx, closed_tx, closed_rx).await
}

/// Tells every connection to finish and waits until they have.
async fn finish(
    stop_tx: watch::Sender<bool>,
    closed_tx: watch::Sender<()>,
    closed_rx: watch::Receiver<()>,
) -> io::Result<()> {
    let _ = stop_tx.send(true);
    drop(closed_rx);
    closed_tx.closed().await;
    Ok(())
}

async fn serve_connection(
    stream: TcpStream,
    router: Router,
    config: &ServerConfig,
    conn: &Arc<Conn>,
    mut stop: watch::Receiver<bool>,
) {
    let io = TokioIo::new(Tracked {
        stream,
        conn: Arc::clone(conn),
    });
    let counter = Arc::clone(conn);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let in_flight = InFlight::start(&counter);
        let handling = Handling::start(&counter);
        let router = router.clone();
        async move {
            let response = router
                .oneshot(request.map(Body::new))
                .await
                .unwrap_or_else(|never| match never {});
            drop(handling);
            Ok::<_, std::convert::Infallible>(response.map(|body| CountedBody {
                body,
                _in_flight: in_flight,
            }))
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout)
        .keep_alive(true);
    let connection = builder.serve_connection(io, service);
    let mut connection = pin!(connection);
    let mut stopping = *stop.borrow();
    if stopping {
        connection.as_mut().graceful_shutdown();
    }
    loop {
        let idle_deadline = if conn.handling() {
            Instant::now() + config.idle_timeout
        } else {
            conn.idle_since() + config.idle_timeout
        };
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "{}", tr("log-connection-ended", &[]));
                }
                return;
            }
            changed = stop.changed(), if !stopping => {
                if changed.is_err() || *stop.borrow() {
                    stopping = true;
                    connection.as_mut().graceful_shutdown();
                }
            }
            () = conn.evict.notified() => {
                if conn.idle() {
                    tracing::debug!("{}", tr("log-idle-closed-at-cap", &[]));
                    return;
                }
            }
            () = tokio::time::sleep_until(idle_deadline) => {
                if !conn.handling() && conn.idle_since() + config.idle_timeout <= Instant::now() {
                    tracing::debug!("{}", tr("log-quiet-closed", &[]));
                    return;
                }
            }
        }
    }
}
