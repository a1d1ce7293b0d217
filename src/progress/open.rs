//! Opening the progress database without harming what is at the path.
//!
//! Every decision is made by looking through a read-only connection first:
//! such a connection can neither write a `-wal` beside the file into it (a
//! checkpoint) nor switch its journal, so a file that turns out not to be
//! ours, or to be damaged, is left exactly as it was. Only a database that
//! is ours and readable is opened for writing. A damaged one is moved aside
//! under an exclusive lock on it, after looking again under that lock, so
//! several runs starting together move it once and never move the healthy
//! database one of them has just made.

use super::{APPLICATION_ID, BUSY_MS, Notice, Refused, SCHEMA_VERSION, Store, Trouble, free_name, init};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What a look at a database found wrong.
#[derive(Debug)]
pub(super) enum Broken {
    NotOurs,
    /// Ours, but its `-wal` makes it another program's database.
    ForeignWal,
    /// A schema this version does not know (a newer deepstep made it).
    Newer(i32),
    /// Ours, and damaged.
    Corrupt,
    Trouble(Trouble),
}

impl Broken {
    fn refused(self, path: &Path) -> Refused {
        let path = path.to_path_buf();
        match self {
            Broken::NotOurs => Refused::NotOurs { path },
            Broken::ForeignWal => Refused::ForeignWal { path },
            Broken::Newer(version) => Refused::Newer { path, version },
            Broken::Corrupt => Refused::Trouble { path, trouble: Trouble::Damaged },
            Broken::Trouble(trouble) => Refused::Trouble { path, trouble },
        }
    }
}

/// An error reading a database: damaged only when SQLite says so (a busy,
/// locked or unreadable one must never be moved aside as damaged).
fn broken(e: rusqlite::Error) -> Broken {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => Broken::Corrupt,
        _ => Broken::Trouble(Trouble::of_sqlite(&e)),
    }
}

/// What is at a path.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    /// Nothing (or a file that another run renamed a moment ago).
    Missing,
    /// An empty file: SQLite makes a new database in it.
    Empty,
    /// A file that begins as SQLite's files do.
    Sqlite,
}

/// The path with `-wal` or `-shm` after its name.
fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// What a path holds, without reading more than a file's first bytes.
fn check_path(path: &Path) -> Result<Found, Refused> {
    let trouble = |e: &std::io::Error| Refused::Trouble { path: path.into(), trouble: Trouble::of_io(e) };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(trouble(&e)),
    };
    if !meta.is_file() {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        let kind = if t.is_dir() {
            "directory"
        } else if t.is_fifo() {
            "pipe"
        } else if t.is_char_device() || t.is_block_device() {
            "device"
        } else {
            "special file"
        };
        return Err(Refused::NotRegular { path: path.into(), kind });
    }
    let mut head = [0u8; 16];
    let n = match std::fs::File::open(path) {
        Ok(mut f) => std::io::Read::read(&mut f, &mut head).map_err(|e| trouble(&e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(trouble(&e)),
    };
    match n {
        0 => Ok(Found::Empty),
        _ if head[..n] == b"SQLite format 3\0"[..n] && n == 16 => Ok(Found::Sqlite),
        _ => Err(Refused::NotOurs { path: path.into() }),
    }
}

/// The application id written in the file's own header (offset 68), as
/// SQLite would read it without the `-wal`.
fn file_application_id(path: &Path) -> Option<i32> {
    use std::io::{Read, Seek};
    let mut f = std::fs::File::open(path).ok()?;
    f.seek(std::io::SeekFrom::Start(68)).ok()?;
    let mut id = [0u8; 4];
    f.read_exact(&mut id).ok()?;
    Some(i32::from_be_bytes(id))
}

/// A read-only connection: it reads a `-wal` beside the file but can never
/// write it into the file (a checkpoint) nor change the file's journal mode.
pub(super) fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS))?;
    Ok(conn)
}

/// A read-only look that leaves no file behind. With neither `-wal` nor
/// `-shm` beside it, no run has the database open and all of it is in the
/// file: read as immutable, SQLite makes no `-wal` and `-shm` of its own
/// (a plain read-only connection would, and leave them). A run that starts
/// meanwhile writes its own `-wal`, not the file, so the file stays whole
/// for the moment this look takes.
fn look_only(path: &Path) -> rusqlite::Result<Connection> {
    if side(path, "-wal").exists() || side(path, "-shm").exists() {
        return read_only(path);
    }
    use std::os::unix::ffi::OsStrExt;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    let conn = Connection::open_with_flags(uri, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI)?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS))?;
    Ok(conn)
}

/// A database as it reads, `-wal` included.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Look {
    /// No tables and no ids: a new database (made by this run or another).
    Fresh,
    /// Ours and readable.
    Ours,
}

/// Decide what the database is from a read-only connection: another
/// program's, a newer deepstep's, damaged, new, or ours.
pub(super) fn look(conn: &Connection, path: &Path) -> Result<Look, Broken> {
    // One statement, so one snapshot: read apart, another run could create
    // the tables between two reads and make a new database look like
    // another program's.
    let (app, tables, version, ours): (i32, i64, i32, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('card', 'review'))",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .map_err(broken)?;
    if app != APPLICATION_ID {
        if app == 0 && tables == 0 && version == 0 {
            return Ok(Look::Fresh);
        }
        // Our own header under another program's pages: the `-wal` is not ours.
        if file_application_id(path) == Some(APPLICATION_ID) && side(path, "-wal").exists() {
            return Err(Broken::ForeignWal);
        }
        return Err(Broken::NotOurs);
    }
    if version > SCHEMA_VERSION {
        return Err(Broken::Newer(version));
    }
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(broken)?;
    // A schema deepstep wrote always has both tables.
    if check != "ok" || (version >= 1 && ours < 2) {
        return Err(Broken::Corrupt);
    }
    Ok(Look::Ours)
}

/// Open for writing what `look` accepted, making the tables if new.
fn connect(path: &Path) -> Result<Connection, Broken> {
    let conn = Connection::open(path).map_err(broken)?;
    // Before the first read: another run may be creating or writing the
    // database this moment, and these checks must wait for it, not fail.
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS)).map_err(broken)?;
    // The file may have been replaced since the look (another run moved a
    // damaged one aside): it must still be ours or new.
    let (app, tables): (i32, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_master)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(broken)?;
    if app != APPLICATION_ID && !(app == 0 && tables == 0) {
        return Err(Broken::NotOurs);
    }
    init(&conn).map_err(broken)?;
    Ok(conn)
}

/// Look, then open: the path's database for writing, or why not.
fn try_open(path: &Path) -> Result<Connection, Broken> {
    match check_path(path) {
        Ok(Found::Sqlite) => {
            let conn = look_only(path).map_err(broken)?;
            look(&conn, path)?;
        }
        Ok(Found::Missing | Found::Empty) => {}
        Err(Refused::NotOurs { .. }) => return Err(Broken::NotOurs),
        Err(Refused::Trouble { trouble, .. }) => return Err(Broken::Trouble(trouble)),
        // check_path refuses nothing else; a special file is caught by the caller.
        Err(_) => return Err(Broken::Trouble(Trouble::CannotOpen)),
    }
    connect(path)
}

/// Move the damaged database at `path` aside, unless another run already
/// did: under an exclusive lock on the file, it must still be the file at
/// the path and still be damaged. Returns the name it was kept as.
fn move_aside(path: &Path) -> Result<Option<PathBuf>, Refused> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    let trouble = |e: &std::io::Error| Refused::Trouble { path: path.into(), trouble: Trouble::of_io(e) };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(trouble(&e)),
    };
    // flock, not fcntl: SQLite's own locks are fcntl locks, which closing
    // this descriptor would release in this process; flock's are separate.
    // SAFETY: flock on a descriptor this function owns.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
        return Err(trouble(&std::io::Error::last_os_error()));
    }
    let locked = file.metadata().map_err(|e| trouble(&e))?;
    let same = std::fs::symlink_metadata(path)
        .and_then(|m| if m.file_type().is_symlink() { std::fs::metadata(path) } else { Ok(m) })
        .is_ok_and(|m| (m.dev(), m.ino()) == (locked.dev(), locked.ino()));
    if !same {
        return Ok(None);
    }
    let still_damaged = match read_only(path) {
        Ok(conn) => matches!(look(&conn, path), Err(Broken::Corrupt)),
        Err(e) => matches!(broken(e), Broken::Corrupt),
    };
    if !still_damaged {
        return Ok(None);
    }
    let backup = free_name(path, "unreadable");
    std::fs::rename(path, &backup).map_err(|e| trouble(&e))?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::rename(side(path, suffix), side(&backup, suffix));
    }
    drop(file);
    Ok(Some(backup))
}

impl Store {
    /// Open (or create) the store at `path`, refusing what must not be
    /// touched; a damaged deepstep database is moved aside and a fresh one
    /// started (said in `notices`).
    pub fn open(path: PathBuf) -> Result<Store, Refused> {
        if check_path(&path)? == Found::Missing
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| Refused::Trouble { path: path.clone(), trouble: Trouble::of_io(&e) })?;
        }
        let mut notices = vec![];
        // A few turns: another run may move the file aside or make a new
        // one between two looks; each turn looks at what is there now.
        let mut turns = 0;
        let conn = loop {
            turns += 1;
            match try_open(&path) {
                Ok(conn) => break conn,
                Err(Broken::Corrupt) if turns < 4 => {
                    if let Some(backup) = move_aside(&path)? {
                        notices.push(Notice::MovedAside { path: path.clone(), backup });
                    }
                }
                // Renamed away between the look at the path and SQLite's
                // open: look again at what is there now.
                Err(Broken::Trouble(Trouble::CannotOpen)) if turns < 4 => {}
                Err(b) => return Err(b.refused(&path)),
            }
        };
        let mut store = Store { path, conn: Some(conn), refused: None, notices };
        store.import_json();
        Ok(store)
    }

    /// The store at `path` opened read-only (`None`: nothing there yet).
    /// Nothing is created, moved or written, whatever is at the path.
    pub fn reader(path: &Path) -> Result<Option<Store>, Refused> {
        if check_path(path)? != Found::Sqlite {
            return Ok(None);
        }
        let conn = look_only(path).map_err(|e| broken(e).refused(path))?;
        match look(&conn, path).map_err(|b| b.refused(path))? {
            Look::Fresh => Ok(None),
            Look::Ours => Ok(Some(Store { path: path.into(), conn: Some(conn), refused: None, notices: vec![] })),
        }
    }

    /// A store that saves nothing (the path could not be used), with why.
    pub fn not_saving(refused: Refused) -> Store {
        Store {
            path: refused.path().to_path_buf(),
            conn: None,
            notices: vec![Notice::NotSaving(refused.clone())],
            refused: Some(refused),
        }
    }
}
