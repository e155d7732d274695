//! Log files: one file or a directory of them (walked recursively, in name order), plain or gzip, one JSON record
//! per line as Bedrock delivers them to S3, or `<timestamp> <record>` lines as CloudWatch Logs exports them.

use super::ReportError;
use super::aggregate::{Filter, Groups, Record};
use super::fields::Extractor;
use flate2::read::MultiGzDecoder;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How many malformed lines are kept with their place and reason (all are counted).
pub const MALFORMED_KEPT: usize = 20;

/// The longest line read, in bytes (16 MiB): a longer one is skipped (counted as malformed, with a warning) without
/// being held in memory, so a newline-free file costs this much at most.
pub const LINE_MAX_BYTES: usize = 16 << 20;

/// A line that is not a log record, with where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// The file.
    pub file: PathBuf,
    /// The 1-based line number.
    pub line: u64,
    /// Why it was skipped.
    pub reason: String,
}

impl fmt::Display for Malformed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: skipped: {}",
            self.file.display(),
            self.line,
            self.reason
        )
    }
}

/// The log files under a path, with their total size (for a progress bar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The files, in the order they are read.
    pub files: Vec<PathBuf>,
    /// Their total size on disk in bytes.
    pub total_bytes: u64,
}

impl Input {
    /// The file itself, or every file under the directory (hidden files skipped). Symbolic links to files under
    /// the directory are read; links to directories are not followed.
    pub fn discover(path: &Path) -> Result<Self, ReportError> {
        let read_error = |p: &Path, e: io::Error| ReportError::Read {
            path: p.to_owned(),
            source: e,
        };
        let meta = std::fs::metadata(path).map_err(|e| read_error(path, e))?;
        let mut files = Vec::new();
        if meta.is_dir() {
            let mut dirs = vec![path.to_owned()];
            while let Some(dir) = dirs.pop() {
                let mut entries: Vec<_> = std::fs::read_dir(&dir)
                    .map_err(|e| read_error(&dir, e))?
                    .filter_map(Result::ok)
                    .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
                    .filter(|(p, _)| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| !n.starts_with('.'))
                    })
                    .collect();
                entries.sort_by(|(a, _), (b, _)| a.cmp(b));
                for (p, kind) in entries.into_iter().rev() {
                    if kind.is_dir() {
                        dirs.push(p);
                    } else if kind.is_symlink() {
                        // A link to a file is read; a link to a directory is not followed (a loop would never
                        // end, a link to a sibling would count its records twice), nor a dangling one.
                        if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                            files.push(p);
                        }
                    } else {
                        files.push(p);
                    }
                }
            }
            files.sort();
            if files.is_empty() {
                return Err(ReportError::NoLogs {
                    path: path.to_owned(),
                });
            }
        } else {
            files.push(path.to_owned());
        }
        let total_bytes = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        Ok(Self { files, total_bytes })
    }
}

/// What reading produced besides the groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Files read.
    pub files: u64,
    /// Records read (before the filter).
    pub records: u64,
    /// Lines that were not records.
    pub malformed: u64,
    /// The first [`MALFORMED_KEPT`] of them.
    pub malformed_examples: Vec<Malformed>,
}

impl ReadStats {
    fn skip(&mut self, file: &Path, line: u64, reason: String) {
        self.malformed += 1;
        if self.malformed_examples.len() < MALFORMED_KEPT {
            self.malformed_examples.push(Malformed {
                file: file.to_owned(),
                line,
                reason,
            });
        }
    }
}

/// Counts the bytes read from a file for the progress callback.
struct Counting<'a, R> {
    inner: R,
    pending: u64,
    progress: &'a mut dyn FnMut(u64),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pending += n as u64;
        if self.pending >= 1 << 20 || n == 0 {
            (self.progress)(self.pending);
            self.pending = 0;
        }
        Ok(n)
    }
}

/// Reads every file of `input` into `groups`; `progress` is told how many bytes of the files were read since its
/// last call. A file that cannot be opened, and a `.gz` file that is not gzip (empty included), is an error; bad
/// lines, lines over [`LINE_MAX_BYTES`] and an unreadable rest of a file are counted in the returned stats.
pub fn read_into(
    input: &Input,
    filter: &Filter,
    groups: &mut Groups,
    progress: &mut dyn FnMut(u64),
) -> Result<ReadStats, ReportError> {
    let extractor = Extractor::new();
    let mut stats = ReadStats::default();
    for path in &input.files {
        let file = File::open(path).map_err(|e| ReportError::Read {
            path: path.clone(),
            source: e,
        })?;
        stats.files += 1;
        let counting = Counting {
            inner: file,
            pending: 0,
            progress: &mut *progress,
        };
        let gz = path.extension().is_some_and(|e| e == "gz");
        let reader: Box<dyn BufRead> = if gz {
            let mut raw = BufReader::with_capacity(1 << 16, counting);
            // Like a file that cannot be opened: an error naming the file, not a line skipped with exit 0.
            let magic = raw
                .fill_buf()
                .map(|b| b.get(..2) == Some(&[0x1f, 0x8b][..]));
            match magic {
                Ok(true) => {}
                Ok(false) => {
                    return Err(ReportError::Read {
                        path: path.clone(),
                        source: io::Error::new(
                            io::ErrorKind::InvalidData,
                            "not a gzip file (it ends in .gz but is empty or does not start with gzip's magic bytes)",
                        ),
                    });
                }
                Err(e) => {
                    return Err(ReportError::Read {
                        path: path.clone(),
                        source: e,
                    });
                }
            }
            Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(raw)))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, counting))
        };
        read_lines(reader, path, &extractor, filter, groups, &mut stats);
    }
    Ok(stats)
}

fn read_lines(
    mut reader: Box<dyn BufRead + '_>,
    path: &Path,
    extractor: &Extractor,
    filter: &Filter,
    groups: &mut Groups,
    stats: &mut ReadStats,
) {
    let mut buf = Vec::with_capacity(1 << 12);
    let mut line_no = 0;
    loop {
        let read = next_line(&mut reader, &mut buf);
        match read {
            Ok(Line::End) => return,
            Ok(Line::TooLong) => {
                line_no += 1;
                stats.skip(
                    path,
                    line_no,
                    format!("longer than {LINE_MAX_BYTES} bytes (LINE_MAX_BYTES)"),
                );
                continue;
            }
            Ok(Line::Read) => {}
            Err(e) => {
                stats.skip(
                    path,
                    line_no + 1,
                    format!("cannot read the rest of the file: {e}"),
                );
                return;
            }
        }
        line_no += 1;
        let Ok(line) = std::str::from_utf8(&buf) else {
            stats.skip(path, line_no, "not UTF-8".into());
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_line(extractor, line) {
            Ok(record) => {
                stats.records += 1;
                groups.add(record, filter);
            }
            Err(reason) => stats.skip(path, line_no, reason),
        }
    }
}

/// What [`next_line`] found.
enum Line {
    /// A line of at most [`LINE_MAX_BYTES`] bytes, in the buffer.
    Read,
    /// A longer line, read past without keeping it.
    TooLong,
    /// The end of the input.
    End,
}

/// The next line into `buf` (cleared first), holding at most [`LINE_MAX_BYTES`] + 1 bytes of it.
fn next_line(reader: &mut Box<dyn BufRead + '_>, buf: &mut Vec<u8>) -> io::Result<Line> {
    buf.clear();
    let n = (&mut *reader)
        .take(LINE_MAX_BYTES as u64 + 1)
        .read_until(b'\n', buf)?;
    if buf.len() > LINE_MAX_BYTES && buf.last() != Some(&b'\n') {
        skip_line(reader)?;
        return Ok(Line::TooLong);
    }
    Ok(if n == 0 { Line::End } else { Line::Read })
}

/// Reads past the rest of a line (to its newline or the end) without keeping it.
fn skip_line(reader: &mut dyn BufRead) -> io::Result<()> {
    loop {
        let (done, used) = {
            let chunk = match reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (chunk.is_empty(), chunk.len()),
            }
        };
        reader.consume(used);
        if done {
            return Ok(());
        }
    }
}

/// One line: a JSON record, or a CloudWatch Logs export line `<timestamp> <record>` whose timestamp stands in for a
/// record without one.
pub fn parse_line(extractor: &Extractor, line: &str) -> Result<Record, String> {
    let (prefix, json) = if line.starts_with('{') {
        (None, line)
    } else {
        match line.split_once(' ') {
            Some((time, rest)) if rest.trim_start().starts_with('{') => {
                (Some(time), rest.trim_start())
            }
            _ => return Err("not a JSON object".into()),
        }
    };
    let values = extractor
        .extract(json)
        .map_err(|e| format!("not a log record: {e}"))?;
    let mut record = Record::from_values(values);
    if record.timestamp_ms.is_none() {
        record.timestamp_ms = prefix.and_then(super::aggregate::parse_timestamp);
    }
    Ok(record)
}
