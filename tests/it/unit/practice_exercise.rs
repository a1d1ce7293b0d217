//! Tests of `deepstep::practice::exercise` (`src/practice/exercise.rs`).

use deepstep::practice::exercise::*;

#[test]
fn a_file_is_matched_by_the_function_it_defines() {
    assert_eq!(
        Exercise::defined_in("import numpy as np\n\ndef backward_gradient(X, S, g, w):\n"),
        Some(Exercise::Bptt)
    );
    assert_eq!(
        Exercise::defined_in("def conv2d_backward(x, w, dy):\n    pass\ndef conv2d (x, w):"),
        Some(Exercise::Conv2d)
    );
    assert_eq!(Exercise::defined_in("# def posterior(p, l)\n"), None);
    assert_eq!(Exercise::from_id("mle_normal"), Some(Exercise::Mle));
    assert_eq!(Exercise::from_id("gd-step"), Some(Exercise::GdStep));
    let ids: std::collections::HashSet<_> = Exercise::ALL.iter().flat_map(|e| e.mistakes()).map(Mistake::id).collect();
    assert_eq!(ids.len(), Exercise::ALL.iter().map(|e| e.mistakes().len()).sum::<usize>());
}
