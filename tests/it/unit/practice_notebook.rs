//! Tests of `deepstep::practice::notebook` (`src/practice/notebook.rs`).

use deepstep::practice::notebook::*;

#[test]
fn code_cells_join_without_magics_and_lines_map_back() {
    let nb = r##"{"cells": [
        {"cell_type": "markdown", "source": ["# title\n"]},
        {"cell_type": "code", "source": ["%matplotlib inline\n", "import numpy as np\n"]},
        {"cell_type": "code", "source": "%%time\nx = 1\n"},
        {"cell_type": "code", "source": ["!pip install numpy\n", "def f(x):\n", "    return x\n"]}
    ]}"##;
    let c = code(nb).unwrap();
    assert_eq!(c.source, "\nimport numpy as np\n\ndef f(x):\n    return x\n");
    assert_eq!(c.place(4), Some((3, 2)));
    assert_eq!(c.place(2), Some((1, 2)));
    assert_eq!(c.place(0), None);
    assert!(code("not json").is_err());
    assert!(code("{}").is_err());
}
