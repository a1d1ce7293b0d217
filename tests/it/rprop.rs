//! The counting-ones RNN trained by Rprop on the tutorial's data ends where the
//! tutorial says: w_x = 1.0014, w_rec = 0.9997 (published to 4 decimals).

use deepstep::assets::counting_tutorial;
use deepstep::math::counting_rnn::{Rprop, forward, train_rprop};

#[test]
fn rprop_reproduces_the_published_weights() {
    let t = counting_tutorial().unwrap();
    let r = Rprop { delta0: t.delta0, eta_plus: t.eta_plus, eta_minus: t.eta_minus };
    let path = train_rprop(t.x.view(), t.start, r, t.iterations);
    assert_eq!(path.len(), 501);
    assert_eq!(path[0], (-1.5, 2.0));
    let (w_x, w_rec) = *path.last().unwrap();
    assert!((w_x - t.published.0).abs() < 5e-5, "w_x = {w_x}");
    assert!((w_rec - t.published.1).abs() < 5e-5, "w_rec = {w_rec}");
    // And it learned to count: the loss fell from the start's by orders of magnitude.
    let start_loss = forward(t.x.view(), -1.5, 2.0).loss;
    let end_loss = forward(t.x.view(), w_x, w_rec).loss;
    assert!(end_loss < start_loss * 1e-4, "{start_loss} -> {end_loss}");
}

#[test]
fn rprop_first_step_halves_delta() {
    let t = counting_tutorial().unwrap();
    let r = Rprop { delta0: 0.001, eta_plus: 1.2, eta_minus: 0.5 };
    let path = train_rprop(t.x.view(), (-1.5, 2.0), r, 1);
    let (dx, dr) = (path[1].0 - path[0].0, path[1].1 - path[0].1);
    assert!((dx.abs() - 0.0005).abs() < 1e-15 && (dr.abs() - 0.0005).abs() < 1e-15, "{dx} {dr}");
}
