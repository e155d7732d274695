//! The one place where `const` evaluation fails. Kept in its own small file: rustc's `E0080` report points here
//! ("inside `fail`"), and compile-fail snapshots record the line.

use crate::message::Message;

/// Panics with `message`; in `const` evaluation rustc reports `evaluation panicked: <message>`.
#[track_caller]
pub const fn fail(message: &Message) -> ! {
    panic!("{}", message.as_str())
}
