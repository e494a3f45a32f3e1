//! The README's screenshots of the transparency page: each page of the community the page tests
//! seed, served on 127.0.0.1 and photographed by headless Chromium into `docs/screenshots/`.
//! Chromium is not part of the test set-up (`apt-get install chromium` on Debian), so this test
//! is ignored by `cargo test`; run it after changing a page:
//!
//! ```sh
//! cargo test --test web_screenshots -- --ignored
//! ```

mod app_support;
mod web_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use web_support::*;

/// Each page, and the file its screenshot goes to.
const PAGES: &[(&str, &str)] = &[
    ("leadership", "/wasm-sandbox/leadership"),
    ("decisions", "/wasm-sandbox/decisions"),
    ("working-groups", "/wasm-sandbox/working-groups"),
    ("rfcs", "/wasm-sandbox/rfcs"),
    ("releases", "/wasm-sandbox/releases"),
    ("dependencies", "/wasm-sandbox/dependencies"),
];

/// Chromium's binary: `CHROMIUM` if set, else the first of the usual names on the PATH.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return path.into();
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect(
            "Chromium is needed for the screenshots (apt-get install chromium, or set CHROMIUM)",
        )
        .into()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Chromium; run with --ignored to refresh docs/screenshots"]
async fn screenshots_of_every_page() {
    let w = seeded().await;
    let (base, _stop) = serve(&w).await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    let chromium = chromium();
    for (name, path) in PAGES {
        let file = out.join(format!("{name}.png"));
        let _ = std::fs::remove_file(&file);
        let url = format!("{base}{path}");
        // The browser blocks, and the server answers on this runtime's other threads.
        let status = tokio::task::spawn_blocking({
            let (chromium, file) = (chromium.clone(), file.clone());
            move || {
                Command::new(chromium)
                    .args([
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--hide-scrollbars",
                        "--window-size=900,720",
                    ])
                    .arg(format!("--screenshot={}", file.display()))
                    .arg(url)
                    .output()
                    .unwrap()
            }
        })
        .await
        .unwrap();
        assert!(
            status.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let png = std::fs::read(&file).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
        assert!(png.len() > 10_000, "{name}: an empty page?");
    }
}
