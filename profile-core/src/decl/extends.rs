//! Inheritance among declarations: the order that resolves every base before what derives from it (for the
//! profiles of one file, `extends`, and of one `inference_profile!` invocation, `..BASE`), in linear time.

use super::{IssueKind, Issues, ProfileDecl, Syntax};
use crate::profile::InferenceProfile;
use crate::rules::Surface;
use std::collections::HashMap;

/// The order in which to resolve declarations bases first ([`bases_first`]), and the chains that loop back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chains {
    /// Every declaration once, each after its base, except in a cycle: there the member that closes the loop comes
    /// first.
    pub order: Vec<usize>,
    /// The cycles, each in the order of its chain.
    pub cycles: Vec<Vec<usize>>,
}

/// The order in which to resolve `n` declarations, where `base(i)` is the declaration `i` derives from among them:
/// each chain is walked up to a declaration already ordered (or one without a base) and ordered back down, without
/// recursion, so that a chain of any length takes linear time and constant stack.
pub fn bases_first(n: usize, base: impl Fn(usize) -> Option<usize>) -> Chains {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnChain,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut chains = Chains {
        order: Vec::with_capacity(n),
        cycles: Vec::new(),
    };
    for start in 0..n {
        let mut chain = Vec::new();
        let mut at = start;
        while state[at] == State::New {
            state[at] = State::OnChain;
            chain.push(at);
            match base(at) {
                Some(b) => at = b,
                None => break,
            }
        }
        // Back at a member of this chain: a cycle from there on.
        if chain.last().is_some_and(|&last| base(last) == Some(at)) && state[at] == State::OnChain {
            let from = chain.iter().position(|&i| i == at).unwrap_or(0);
            chains.cycles.push(chain[from..].to_vec());
        }
        for &i in chain.iter().rev() {
            state[i] = State::Done;
            chains.order.push(i);
        }
    }
    chains
}

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
    let base_of = |i: usize| {
        let base = decls[i].base.as_ref()?;
        index.get(base.text.as_str()).copied()
    };
    let chains = bases_first(decls.len(), base_of);
    let mut in_cycle = vec![false; decls.len()];
    for cycle in &chains.cycles {
        report_cycle(decls, cycle, issues, &prefix);
        for &member in cycle {
            in_cycle[member] = true;
        }
    }
    let mut names: Vec<&str> = index.keys().copied().collect();
    names.sort_unstable();
    let mut done: Vec<Option<InferenceProfile>> = vec![None; decls.len()];
    // Whether each done profile was checked and has an error, or derives from one that has.
    let mut broken = vec![false; decls.len()];
    for i in chains.order {
        let d = &decls[i];
        if in_cycle[i] {
            continue;
        }
        let before = issues.len();
        let mut below_broken = false;
        // A profile with an error resolves to `None`, so that what uses it (a derived profile, a prompt, an agent)
        // adds no error about it.
        let resolved = match (&d.base, base_of(i)) {
            (None, _) => Some(issues.nested(&prefix(d), |i| d.check(None, surface, syntax, i))),
            (Some(base), None) => {
                let mut message = format!(
                    "`extends` names no profile: `{}` is not declared",
                    base.text
                );
                if let Some(s) = issues.suggest(&base.text, || names.clone()) {
                    message.push_str(&format!("; did you mean `{s}`?"));
                }
                let kind = IssueKind::ExtendsMissing {
                    profile: base.text.clone(),
                };
                issues.nested(&prefix(d), |i| i.push(kind, "extends", &base.loc, message));
                done[i] = None;
                continue;
            }
            (Some(_), Some(b)) => match &done[b] {
                Some(base) => {
                    Some(issues.nested(&prefix(d), |i| d.check(Some(base), surface, syntax, i)))
                }
                // A base with an error, reported on it: this profile's own values are checked alone (what it
                // inherits is the base's to report), and it is broken too.
                None if broken[b] => {
                    below_broken = true;
                    issues.nested(&prefix(d), |i| d.check(None, surface, syntax, i));
                    None
                }
                None => None,
            },
        };
        let resolved = resolved.filter(|_| issues.len() == before);
        broken[i] = resolved.is_none() && (issues.len() != before || below_broken);
        done[i] = resolved;
    }
    done
}

/// Names a cycle's message lists before "(N more)": the message stays short however long the cycle.
const CYCLE_NAMES_SHOWN: usize = 10;

/// "`extends` makes a cycle: a -> b -> a", once per cycle, on the `extends` of its member declared first (the
/// other members are broken with it and get no message of their own, so that a cycle of k profiles prints one
/// message, not k messages of k names each). Past [`CYCLE_NAMES_SHOWN`] members the list is cut:
/// "a -> b -> ... -> j -> (4990 more) -> a".
fn report_cycle<L: Clone>(
    decls: &[ProfileDecl<L>],
    cycle: &[usize],
    issues: &mut Issues<L>,
    prefix: &impl Fn(&ProfileDecl<L>) -> String,
) {
    let Some(first) = (0..cycle.len()).min_by_key(|&pos| cycle[pos]) else {
        return;
    };
    let name = |k: usize| decls[cycle[(first + k) % cycle.len()]].ident.text.as_str();
    let shown = cycle.len().min(CYCLE_NAMES_SHOWN);
    let mut names: Vec<String> = (0..shown).map(|k| name(k).to_owned()).collect();
    if cycle.len() > shown {
        names.push(format!("({} more)", cycle.len() - shown));
    }
    names.push(name(0).to_owned());
    let d = &decls[cycle[first]];
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
}

#[cfg(test)]
mod tests {
    use super::{Chains, bases_first};

    #[test]
    fn bases_come_first_and_cycles_are_found() {
        // 0 <- 1 <- 2; 3 <-> 4; 5 derives from the cycle.
        let bases = [None, Some(0), Some(1), Some(4), Some(3), Some(3)];
        let Chains { order, cycles } = bases_first(bases.len(), |i| bases[i]);
        assert_eq!(order, [0, 1, 2, 4, 3, 5]);
        assert_eq!(cycles, [vec![3, 4]]);
        // A profile deriving from itself.
        let own = bases_first(1, |_| Some(0));
        assert_eq!((own.order, own.cycles), (vec![0], vec![vec![0]]));
    }
}
