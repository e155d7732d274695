//! Inheritance among the profiles of one file (`extends`), resolved in linear time.

use super::{IssueKind, Issues, ProfileDecl, Syntax};
use crate::profile::InferenceProfile;
use crate::rules::Surface;
use std::collections::HashMap;

/// Resolves every profile's base among `decls` (files, where every base is declared beside its profile), in time
/// linear in the number of profiles: `extends` naming no profile and cycles are issues (on `extends`), and a
/// profile whose chain is broken is `None`. Each resolved profile has been checked for `surface` with
/// [`ProfileDecl::check`].
pub fn resolve_extends<L: Clone>(
    decls: &[ProfileDecl<L>],
    surface: Surface,
    syntax: Syntax,
    issues: &mut Issues<L>,
    prefix: impl Fn(&ProfileDecl<L>) -> String,
) -> Vec<Option<InferenceProfile>> {
    let index: HashMap<&str, usize> = decls
        .iter()
        .enumerate()
        .map(|(i, d)| (d.ident.text.as_str(), i))
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Busy,
        Done,
    }
    let mut state = vec![State::New; decls.len()];
    let mut done: Vec<Option<InferenceProfile>> = vec![None; decls.len()];
    // Whether each done profile was checked and has an error, or derives from one that has.
    let mut broken = vec![false; decls.len()];
    let mut names: Vec<&str> = index.keys().copied().collect();
    names.sort_unstable();
    for start in 0..decls.len() {
        // Walk up the chain until a resolved (or base-less) profile, then resolve back down: no recursion, so a
        // chain of any length resolves in linear time and constant stack.
        let mut chain = Vec::new();
        let mut at = start;
        let mut bottom: Option<Option<InferenceProfile>> = None;
        loop {
            match state[at] {
                State::Done => {
                    bottom = Some(done[at].clone());
                    break;
                }
                State::Busy => {
                    // A cycle: every member from `at` on is reported and broken.
                    let from = chain.iter().position(|&i| i == at).unwrap_or(0);
                    let cycle: Vec<usize> = chain[from..].to_vec();
                    for &member in &cycle {
                        let d = &decls[member];
                        let mut names: Vec<&str> = Vec::new();
                        let pos = cycle.iter().position(|&m| m == member).unwrap_or(0);
                        for k in 0..=cycle.len() {
                            names.push(&decls[cycle[(pos + k) % cycle.len()]].ident.text);
                        }
                        if let Some(base) = &d.base {
                            issues.nested(&prefix(d), |issues| {
                                issues.push(
                                    IssueKind::ExtendsCycle,
                                    "extends",
                                    &base.loc,
                                    format!("`extends` makes a cycle: {}", names.join(" -> ")),
                                )
                            });
                        }
                        state[member] = State::Done;
                    }
                    chain.truncate(from);
                    bottom = Some(None);
                    break;
                }
                State::New => {}
            }
            state[at] = State::Busy;
            chain.push(at);
            let d = &decls[at];
            let Some(base) = &d.base else {
                break;
            };
            match index.get(base.text.as_str()) {
                Some(&b) => at = b,
                None => {
                    let mut message = format!(
                        "`extends` names no profile: `{}` is not declared",
                        base.text
                    );
                    if let Some(s) = crate::suggest::closest_str(&base.text, &names) {
                        message.push_str(&format!("; did you mean `{s}`?"));
                    }
                    issues.nested(&prefix(d), |issues| {
                        issues.push(
                            IssueKind::ExtendsMissing {
                                profile: base.text.clone(),
                            },
                            "extends",
                            &base.loc,
                            message,
                        )
                    });
                    chain.pop();
                    state[at] = State::Done;
                    bottom = Some(None);
                    break;
                }
            }
        }
        // Resolve down the chain: the last member has no base (or sits on `bottom`). A profile with an error
        // resolves to `None`, so that what uses it (a derived profile, a prompt, an agent) adds no error about it.
        let mut below: Option<Option<InferenceProfile>> = bottom;
        let mut below_broken = broken[at];
        while let Some(i) = chain.pop() {
            let d = &decls[i];
            let before = issues.len();
            let resolved = match (&d.base, &below) {
                (None, _) => Some(issues.nested(&prefix(d), |i| d.check(None, surface, syntax, i))),
                (Some(_), Some(Some(base))) => {
                    Some(issues.nested(&prefix(d), |i| d.check(Some(base), surface, syntax, i)))
                }
                // A base with an error, reported on it: this profile's own values are checked alone (what it
                // inherits is the base's to report), and it is broken too.
                (Some(_), _) if below_broken => {
                    issues.nested(&prefix(d), |i| d.check(None, surface, syntax, i));
                    None
                }
                (Some(_), _) => None,
            };
            let resolved = resolved.filter(|_| issues.len() == before);
            broken[i] = resolved.is_none() && (issues.len() != before || below_broken);
            below_broken = broken[i];
            state[i] = State::Done;
            done[i] = resolved.clone();
            below = Some(resolved);
        }
    }
    done
}
