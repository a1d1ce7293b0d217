//! Tests of `deepstep::practice::notebook` (`src/practice/notebook.rs`).

use deepstep::practice::notebook::*;

#[test]
fn code_cells_join_without_magics_and_lines_map_back() {
    let nb = r##"{"cells": [
        {"cell_type": "markdown", "source": ["# title\n"]},
        {"cell_type": "code", "source": ["%matplotlib inline\n", "import numpy as np\n"]},
        {"cell_type": "code", "source": "%%time\nx = 1\n"},
        {"cell_type": "code", "source": "%%bash\necho not Python\n"},
        {"cell_type": "code", "source": ["!pip install numpy\n", "def f(x):\n", "    return x\n", "np.sum?\n", "ls = !ls\n", "y = x != 2\n"]}
    ]}"##;
    let c = code(nb).unwrap();
    // `%%time` runs its body; `%%bash` is not Python; `!`, `?` and `= !` lines are IPython's.
    assert_eq!(c.source, "\nimport numpy as np\n\nx = 1\n\ndef f(x):\n    return x\n\n\ny = x != 2\n");
    assert_eq!(c.place(4), Some((2, 2)));
    assert_eq!(c.place(6), Some((4, 2)));
    assert_eq!(c.place(2), Some((1, 2)));
    assert_eq!(c.place(0), None);
    assert!(code("not json").is_err());
    assert!(code("{}").is_err());
}
