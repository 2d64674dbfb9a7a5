"""Escaping of article text, self-contained HTML, the index page."""

import json

from helpers.report import describe_contradiction, describe_images, make_self_contained, write_index

ROW = {"a_speaker": "Macron", "b_speaker": "Kremlin <b>spokesman</b>", "kind": "denial", "score": 0.91,
       "a_text": "Macron said he won a deal", "b_text": "<script>alert(1)</script> denied it"}


def test_describe_contradiction_is_plain_text():
    s = describe_contradiction(ROW)
    assert s.startswith("Kremlin <b>spokesman</b> denies what Macron says (denial, score 0.91)")


def test_denial_reported_first_still_reads_right():
    row = {**ROW, "a_speaker": "Dragić", "a_polarity": "deny", "b_speaker": "Lund", "b_polarity": "assert"}
    assert describe_contradiction(row).startswith("Dragić denies what Lund says")


def test_self_contained_strips_network_loads():
    page = ('<html><head><script src="https://cdn.example/require.js"></script>'
            '<link rel="stylesheet" href="http://cdn.example/x.css"><script type="module">import m from "https://cdn/x.mjs";</script>'
            '<!-- Load mathjax -->\n<script>MathJax</script>\n<!-- End of mathjax configuration --></head>'
            '<body><img src="data:image/png;base64,AAAA"><p>https://visible.text/</p></body></html>')
    out = make_self_contained(page)
    assert "cdn.example" not in out and "MathJax" not in out and "x.mjs" not in out
    assert 'src="data:image/png;base64,AAAA"' in out and "https://visible.text/" in out


def test_charts_get_alt_text_and_text_stays_escaped():
    page = ('<html><body><h2>Stances &lt;on&gt; claims<a href="#s">¶</a></h2><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'
            '<img src="data:image/png;base64,AAAA" alt="No description has been provided for this image">'
            '<img src="data:image/png;base64,BBBB" alt="Kept"></body></html>')
    out = describe_images(page)
    assert 'alt="Stances &lt;on&gt; claims (chart 1)"' in out and 'alt="Kept"' in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out


def test_index_escapes_and_links(tmp_path):
    run = tmp_path / "evil"
    run.mkdir()
    (run / "run.json").write_text(json.dumps({"article": "x", "status": "ok", "finished": "now"}))
    (run / "report.html").write_text("x")
    analysis = {"article": {"title": "<script>window.x=1</script>Title", "outlet": "O&O", "date": "2024"}, "contradictions": [ROW]}
    (run / "analysis.json").write_text(json.dumps(analysis))
    failed = tmp_path / "broken"
    failed.mkdir()
    (failed / "run.json").write_text(json.dumps({"article": "b.txt", "status": "failed", "error": "ValueError: <bad>"}))
    page = write_index(tmp_path).read_text()
    assert "<script>window" not in page and "&lt;script&gt;window.x=1&lt;/script&gt;Title" in page
    assert "O&amp;O" in page and 'href="evil/report.html"' in page and "failed: ValueError: &lt;bad&gt;" in page


def test_index_skips_hidden_folders(tmp_path):
    """Scratch folders of runs in progress (``.tmp-*``) and ``.lock`` are not listed, even with a run.json."""
    for name in ("seed", ".tmp-seed-1234", ".lock"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "run.json").write_text(json.dumps({"article": f"{name}.txt", "status": "ok", "finished": "now"}))
        (tmp_path / name / "report.html").write_text("x")
    page = write_index(tmp_path).read_text()
    assert 'href="seed/report.html"' in page and "seed.txt" in page
    assert ".tmp-seed" not in page and ".lock" not in page
