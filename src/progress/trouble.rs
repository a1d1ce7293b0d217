//! What can go wrong with the progress file, typed, so every refusal and
//! failed save is told as a sentence (`quiz::words::refused_text`), never as
//! SQLite's or the system's own words.

use std::path::PathBuf;

/// What is wrong with a progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The file, its folder or its file system cannot be written.
    ReadOnly,
    /// No space is left on its disk.
    Full,
    /// No permission to open it.
    Permission,
    /// A part of its folder path is a file.
    NotADirectory,
    /// It could not be opened or made (a folder that cannot be written, a
    /// name the file system refuses).
    CannotOpen,
    /// Another run held it for longer than the busy timeout.
    Busy,
    /// It is ours, but damaged: its pages or tables cannot be read.
    Damaged,
    /// The disk could not be read or written.
    Io,
    /// Anything else, in the system's words.
    Other(String),
}

impl Trouble {
    /// What SQLite's error means for the learner.
    pub fn of_sqlite(e: &rusqlite::Error) -> Trouble {
        use rusqlite::ErrorCode as C;
        match e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                C::ReadOnly => Trouble::ReadOnly,
                C::DiskFull => Trouble::Full,
                C::PermissionDenied | C::AuthorizationForStatementDenied => Trouble::Permission,
                C::DatabaseBusy | C::DatabaseLocked => Trouble::Busy,
                C::DatabaseCorrupt | C::NotADatabase | C::TypeMismatch | C::ConstraintViolation => Trouble::Damaged,
                C::CannotOpen => Trouble::CannotOpen,
                C::SystemIoFailure => Trouble::Io,
                // SQLITE_ERROR: a table or column our schema has is missing.
                C::Unknown => Trouble::Damaged,
                _ => Trouble::Other(e.to_string()),
            },
            // A value of the wrong type where ours are written.
            rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::InvalidColumnName(..) => Trouble::Damaged,
            _ => Trouble::Other(e.to_string()),
        }
    }

    /// What the system's error means for the learner.
    pub fn of_io(e: &std::io::Error) -> Trouble {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::PermissionDenied => Trouble::Permission,
            K::ReadOnlyFilesystem => Trouble::ReadOnly,
            K::StorageFull | K::QuotaExceeded => Trouble::Full,
            K::NotADirectory => Trouble::NotADirectory,
            _ => Trouble::Other(e.to_string()),
        }
    }

    /// A condition of the machine at this moment (a full disk, a busy
    /// database), not of what the learner asked: the exit status is 1, not 2.
    pub fn is_runtime(&self) -> bool {
        matches!(self, Trouble::Full | Trouble::Busy | Trouble::Io | Trouble::Other(_))
    }
}

/// Why the store refuses a path, or a read or a save at it failed (nothing
/// at the path is changed by a refusal).
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// A directory, device, FIFO or socket.
    NotRegular { path: PathBuf, kind: &'static str },
    /// A regular file that is not a deepstep database.
    NotOurs { path: PathBuf },
    /// Ours, with a `-wal` beside it that holds another database.
    ForeignWal { path: PathBuf },
    /// A newer deepstep's schema: writing to it could break it.
    Newer { path: PathBuf, version: i32 },
    /// It could not be used, for this reason.
    Trouble { path: PathBuf, trouble: Trouble },
}

impl Refused {
    pub fn path(&self) -> &std::path::Path {
        match self {
            Refused::NotRegular { path, .. }
            | Refused::NotOurs { path }
            | Refused::ForeignWal { path }
            | Refused::Newer { path, .. }
            | Refused::Trouble { path, .. } => path,
        }
    }

    /// Ours but damaged: the interactive quiz keeps it aside and starts anew.
    pub fn is_damaged(&self) -> bool {
        matches!(self, Refused::Trouble { trouble: Trouble::Damaged, .. })
    }

    /// A failure of the machine at this moment rather than of the path asked for.
    pub fn is_runtime(&self) -> bool {
        matches!(self, Refused::Trouble { trouble, .. } if trouble.is_runtime())
    }
}
