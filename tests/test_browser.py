"""A real browser (headless Chromium) opens the index and the reports."""

import os

import pytest

from conftest import chromium_path

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = chromium_path()
if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("Chromium is missing in CI: `make browser` should have installed it", pytrace=False)
if CHROMIUM is None:
    pytest.skip("Chromium is not installed (`make browser` installs it; CI does)", allow_module_level=True)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path, screenshot):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.screenshot(path=str(screenshot), full_page=True)
    return page, errors


def test_index_and_report_render(seed_run, browser, tmp_path):
    out, _ = seed_run
    page, errors = open_page(browser, out / "index.html", tmp_path / "index.png")
    assert errors == []
    assert page.locator("table tbody tr").count() == 2
    page.close()
    page, errors = open_page(browser, out / "bloomberg-2022-02-08-macron-putin" / "report-reader.html", tmp_path / "report.png")
    assert errors == []
    sizes = page.eval_on_selector_all("img", "els => els.map(e => [e.naturalWidth, e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    assert len(sizes) >= 4 and all(w > 0 and bw > 0 and bh > 0 for w, bw, bh in sizes)
    assert "Top contradictions" in page.inner_text("body")
    assert (tmp_path / "report.png").stat().st_size > 10_000
    page.close()


def test_injection_runs_nothing(seed_run, browser, tmp_path):
    out, _ = seed_run
    folder = next(p for p in out.iterdir() if p.name.startswith("injection-article"))
    for name in ("report.html", "report-reader.html"):
        page, errors = open_page(browser, folder / name, tmp_path / f"injection-{name}.png")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert "<script>window.__pwned = 1</script>" in page.inner_text("body")
        page.close()
    page, _ = open_page(browser, out / "index.html", tmp_path / "index2.png")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.close()
