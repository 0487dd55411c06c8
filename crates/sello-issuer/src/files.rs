//! Writing files: atomically, durably, with the mode the content calls for, and CSV cells that a
//! spreadsheet will not run.
//!
//! Every file Sello writes goes through [`write_atomic`]: a reader sees the old file or the new
//! one, never a part, and a crash leaves at worst a hidden temporary file beside it. Files that
//! hold personal data (tokens carry the holder's name and national id) are written
//! [`PRIVATE`] (0600); published files (key sets, status lists) [`PUBLIC`] (0644).

use std::fs;
use std::io::Write as _;
use std::path::Path;

/// Owner read/write only: files with personal data (batch outputs, QR codes, summaries).
pub const PRIVATE: u32 = 0o600;
/// Readable by everyone: files meant to be published (`jwks.json`, `status.jwt`, `issuer.json`).
pub const PUBLIC: u32 = 0o644;

/// Writes `bytes` to `path` atomically and durably, with Unix permissions `mode` (ignored
/// elsewhere): a new temporary file with a unique name in the same folder (created with
/// `mode`, so the content is never readable more widely than asked), flushed to disk, renamed
/// over `path`, then the folder flushed. Concurrent writers of one path never share a temporary
/// file: the last rename wins, and each reader sees one complete version. On an error the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    write_atomic_with(path, bytes, mode, &mut |_| Ok(()))
}

/// [`write_atomic`] without the last step, flushing the folder: the content is on disk and
/// renamed into place, but the rename survives a power cut only once the caller has flushed
/// the folder with [`sync_dir`], which it must do before it reports the file written. For
/// many files written into one folder (a batch's chunk): one folder flush for all of them
/// instead of one per file. A crash before that flush leaves each file complete or absent,
/// as with [`write_atomic`].
pub fn write_atomic_in_unsynced_dir(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    write_atomic_steps(path, bytes, mode, false, &mut |_| Ok(()))
}

/// Where [`write_atomic_with`] is, for tests that stop a write part-way, as a crash would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WriteStep {
    /// The temporary file is complete and flushed, not yet renamed.
    TempWritten,
    /// The rename is done.
    Renamed,
}

/// [`write_atomic`], calling `hook` after each [`WriteStep`]; an error from the hook stops the
/// write there (leaving what a crash at that point would leave) and is returned.
pub(crate) fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    hook: &mut dyn FnMut(WriteStep) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomic_steps(path, bytes, mode, true, hook)
}

fn write_atomic_steps(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    flush_folder: bool,
    hook: &mut dyn FnMut(WriteStep) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let mut nonce = [0u8; 8];
    getrandom::fill(&mut nonce).map_err(|e| std::io::Error::other(e.to_string()))?;
    let tmp = path.with_file_name(format!(".{name}.{:016x}.tmp", u64::from_le_bytes(nonce)));
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(&tmp)?;
    let written = (|| {
        file.write_all(bytes)?;
        // The umask may have narrowed the mode; never widen it, but make it exactly `mode`.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(mode))?;
        }
        file.sync_all()?;
        drop(file);
        hook(WriteStep::TempWritten)?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if flush_folder {
        sync_parent(path)?;
    }
    hook(WriteStep::Renamed)
}

/// Flushes the folder `dir`, so that the renames and new files in it survive a power cut (on
/// Unix; elsewhere a no-op).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Flushes the folder holding `path`, so that a rename or a new file in it survives a power
/// cut (on Unix; elsewhere a no-op).
pub fn sync_parent(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::File::open(parent)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes a CSV cell safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula (for example
/// `=HYPERLINK(…)`), so it gets a leading `'`, which spreadsheets show as text and hide. Every
/// other cell is returned as it is. Only what Sello writes for people changes: the signed
/// token and the ledger keep the real value.
pub fn csv_cell(value: &str) -> std::borrow::Cow<'_, str> {
    match value.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// Builds a CSV document (RFC 4180 quoting, `\n` line ends) whose every cell has gone through
/// [`csv_cell`]. Every CSV file Sello writes is made here.
#[derive(Debug)]
pub struct CsvDocument {
    writer: csv::Writer<Vec<u8>>,
}

impl Default for CsvDocument {
    fn default() -> CsvDocument {
        CsvDocument::new()
    }
}

impl CsvDocument {
    /// An empty document.
    pub fn new() -> CsvDocument {
        CsvDocument {
            writer: csv::Writer::from_writer(Vec::new()),
        }
    }

    /// Adds one row.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
        self.writer
            .write_record(cells.into_iter().map(|c| csv_cell(c).into_owned()))
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    /// The document's bytes.
    pub fn into_bytes(self) -> std::io::Result<Vec<u8>> {
        self.writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for cell in [
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "+52 55 1234",
            "-2+3",
            "@SUM(A1:A9)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(csv_cell(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "",
            "María",
            "7KQ2-M9XW-3HPA",
            "eyJhbGciOi",
            "a=b",
            " =x",
            "'",
        ] {
            assert_eq!(csv_cell(cell), cell, "{cell:?}");
        }
        let mut doc = CsvDocument::new();
        doc.row(["line", "holder"]).unwrap();
        doc.row(["2", "=1+1"]).unwrap();
        doc.row(["3", "Pérez, \"Juan\""]).unwrap();
        assert_eq!(
            String::from_utf8(doc.into_bytes().unwrap()).unwrap(),
            "line,holder\n2,'=1+1\n3,\"Pérez, \"\"Juan\"\"\"\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn writes_atomically_with_the_mode_and_leaves_no_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&path, b"new", PRIVATE).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        write_atomic(&path, b"public", PUBLIC).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Stopped before the rename: the old content is intact; the temporary file is removed
        // (a crash would leave it, hidden, beside the old file).
        let err = write_atomic_with(&path, b"newer", PRIVATE, &mut |step| match step {
            WriteStep::TempWritten => Err(std::io::Error::other("crash")),
            WriteStep::Renamed => Ok(()),
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"public");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn many_files_then_one_folder_flush_leave_whole_private_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        for i in 0..20u8 {
            let path = dir.path().join(format!("{i}.png"));
            write_atomic_in_unsynced_dir(&path, &[i; 100], PRIVATE).unwrap();
        }
        sync_dir(dir.path()).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 20, "no temporary file is left");
        for i in 0..20u8 {
            let path = dir.path().join(format!("{i}.png"));
            assert_eq!(std::fs::read(&path).unwrap(), vec![i; 100]);
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(sync_dir(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn concurrent_writers_of_one_path_each_leave_a_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        std::thread::scope(|s| {
            for i in 0..8u8 {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..50 {
                        write_atomic(path, &vec![i; 4096], PRIVATE).unwrap();
                    }
                });
            }
        });
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len(), 4096);
        assert!(bytes.iter().all(|b| *b == bytes[0]));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
