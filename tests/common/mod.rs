//! Third-party data for the tests that read it: `../shared/data/` beside the
//! repository, read where it lives and never copied into it.

use std::path::{Path, PathBuf};

/// Set to `1` (as `.ci/run` does) to make a missing `../shared/data/` fail the tests that read it.
const REQUIRE: &str = "ALAM_REQUIRE_SHARED_DATA";

/// The path of `relative` in `../shared/data/`, or `None` when that folder is
/// not beside the repository and `ALAM_REQUIRE_SHARED_DATA` is not `1`: the
/// test then returns early. With the variable set, a missing folder fails the test.
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    // The workspace root, so that the path is the same from every member's tests.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("Cargo.lock").exists())
        .expect("the tests run inside the workspace");
    let data = root.parent().expect("the workspace is in a folder").join("shared/data");
    if data.is_dir() {
        return Some(data.join(relative));
    }
    if std::env::var(REQUIRE).is_ok_and(|value| value == "1") {
        panic!("{REQUIRE}=1 but {} is missing: put the shared data beside the repository", data.display());
    }
    eprintln!("skipped: {} is missing (set {REQUIRE}=1 to make that a failure)", data.display());
    None
}

/// The text of a file of `../shared/data/`, or `None` as for [`shared_data`].
pub fn read_shared(relative: &str) -> Option<String> {
    let path = shared_data(relative)?;
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}
