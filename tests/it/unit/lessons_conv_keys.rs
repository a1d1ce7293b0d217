//! Tests of `deepstep::lessons::conv::keys` (`src/lessons/conv/keys.rs`).

use deepstep::lessons::conv::keys::*;
use deepstep::text::EN;

#[test]
fn every_action_has_one_binding_and_keys_are_unique() {
    let t = table(&EN);
    let mut seen = vec![];
    for b in &t {
        for k in &b.keys {
            assert!(!seen.contains(k), "{k:?} bound twice");
            seen.push(*k);
        }
    }
}
