"""Loading, decoding, cleaning and bad input."""

import json

import pytest

from helpers.article import MAX_ARTICLE_BYTES, ArticleError, decode_bytes, load_article, looks_english, slugify

BODY = (
    "Foreign Minister Anna Berg said on Monday that the talks had collapsed. "
    "Her spokesman denied that any deal had been signed. The official later said an agreement was still possible."
)


def test_seed_metadata_and_furniture(seed_article):
    a = load_article(seed_article)
    assert a.title == "Russia Undercuts Macron’s Report of Putin Deal on Ukraine"
    assert a.outlet == "Bloomberg" and a.date == "2022-02-08"
    reasons = {r["reason"] for r in a.removed}
    assert {"advertisement", "photo caption", "copyright", "headline", "repeated headline", "standfirst repeated in body"} <= reasons
    for junk in ("ADVERTISEMENT", "Photographer", "©2022", "L.P."):
        assert junk not in a.text
    assert a.text.startswith("Russia Undercuts Macron’s Report of Putin Deal on Ukraine\n\nFrench President Emmanuel Macron said")
    assert load_article(seed_article, headline=False).text.startswith("French President Emmanuel Macron said")


def test_the_headline_is_read_once_as_the_first_paragraph(write_article, tmp_path):
    """The headline line, a title given by the caller or one from the sidecar opens the text, never twice."""
    a = load_article(write_article(f"Talks Collapse in Geneva\n\n{BODY}\n"))
    assert a.text == f"Talks Collapse in Geneva\n\n{BODY}"
    given = load_article(write_article(f"{BODY}\n", name="given.txt"), title="Berg  says talks\ncollapsed")
    assert given.text == f"Berg says talks collapsed\n\n{BODY}" and given.title == "Berg  says talks\ncollapsed"
    path = write_article(f"{BODY}\n", name="side.txt")
    path.with_name("side.meta.json").write_text(json.dumps({"title": "Berg: the talks have collapsed"}), encoding="utf-8")
    assert load_article(path).text.startswith("Berg: the talks have collapsed\n\nForeign Minister Anna Berg")
    assert load_article(path, headline=False).text == BODY


def test_title_and_outlet_from_text_and_override(write_article):
    path = write_article(f"Talks Collapse in Geneva\n\n{BODY}\n\n©2024 Example News Ltd.\n")
    a = load_article(path)
    assert a.title == "Talks Collapse in Geneva" and a.outlet == "Example News"
    b = load_article(path, title="Mine", outlet="Wire", date="2024-01-02")
    assert (b.title, b.outlet, b.date) == ("Mine", "Wire", "2024-01-02")


def test_byline_and_dateline_are_furniture_and_give_the_date(write_article):
    text = (
        "Egypt Says Ethiopia Will Pause Dam Filling\n\nBy Wire Services\nSeptember 3, 2025\n\n"
        "Egyptian Foreign Minister Samir Haddad said on Tuesday that Ethiopia had committed to halting the filling.\n\n"
        "By Tuesday evening, the talks had ended.\n"
    )
    article = load_article(write_article(text))
    assert article.date == "2025-09-03"
    assert [r["reason"] for r in article.removed][:2] == ["byline", "dateline"]
    assert "Wire Services" not in article.text and "By Tuesday evening, the talks had ended." in article.text  # a sentence stays
    assert load_article(write_article(text), date="2025-09-04").date == "2025-09-04"  # an explicit date wins


def test_wire_datelines_and_credits(write_article):
    reuters = load_article(write_article(
        "Venezuela says Guyana agreed to talks\n\nBy Ana Ruiz\n\n"
        "CARACAS, July 2 (Reuters) - Foreign Minister Luis Mendoza said on Wednesday that Guyana had agreed to talks.\n\n"
        "(Reporting by Ana Ruiz; Editing by Tom Hale)\n\n©2026 Reuters\n"
    ), headline=False)
    assert reuters.text.startswith("Foreign Minister Luis Mendoza said") and "Editing by" not in reuters.text
    assert (reuters.outlet, reuters.date) == ("Reuters", "2026-07-02")  # the day from the dateline, the year from the copyright
    ap = load_article(write_article(
        "NATO chief says Turkey lifted objections\n\nBRUSSELS (AP) — NATO's chief said Tuesday that Turkey had lifted its objections.\n\n"
        "Copyright 2026 The Associated Press. All rights reserved.\n", name="ap.txt"
    ), headline=False)
    assert ap.text.startswith("NATO's chief said") and ap.outlet == "Associated Press" and ap.date == ""
    bloomberg = load_article(write_article("(Bloomberg) -- Saudi Arabia has agreed to extend the cuts, people said.\n", name="b.txt"))
    assert bloomberg.text.startswith("Saudi Arabia has agreed") and bloomberg.outlet == "Bloomberg"


def test_json_html_markdown(write_article):
    j = load_article(write_article(json.dumps({"text": BODY, "title": "T", "outlet": "O", "date": "2024-02-03", "url": "https://x.test/a"}), "a.json"))
    assert (j.title, j.outlet, j.date, j.url) == ("T", "O", "2024-02-03", "https://x.test/a") and "Anna Berg" in j.text
    page = f"<html><head><title>Geneva talks</title></head><body><nav>Home | World</nav><article><h1>Geneva talks</h1><p>{BODY}</p><p>{BODY}</p></article><footer>Cookies</footer></body></html>"
    h = load_article(write_article(page, "a.html"))
    assert "Anna Berg said" in h.text and "Cookies" not in h.text
    m = load_article(write_article(f"# Geneva Talks\n\n**Foreign Minister** Anna Berg said on Monday that the [talks](http://x.test) had collapsed. {BODY}", "a.md"))
    assert m.title == "Geneva Talks" and "the talks had collapsed" in m.text and "http" not in m.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings_never_mojibake(write_article, encoding):
    text = f"Président Macron’s envoy said “no deal” — in Zürich. {BODY}"
    a = load_article(write_article(text.encode(encoding)))
    assert "Président Macron’s envoy said “no deal” — in Zürich." in a.text


def test_double_encoded_utf8_is_repaired():
    broken = "Macron’s deal — Zürich".encode("utf-8").decode("cp1252").encode("utf-8")
    assert decode_bytes(broken, "x") == "Macron’s deal — Zürich"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\t\n  ", "blank.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.txt", "binary"),
        (b"some text", "article.docx", "unsupported file type"),
        (b"<html><body><div><p>Menu</p></div></body></html>", "page.html", "no article text"),
        (b"<<<>>><html <body", "broken.html", "no article text"),
        (b'{"title": "no text here"}', "a.json", "needs a string field 'text'"),
        (b'{"text": ', "bad.json", "not valid JSON"),
        (b"ADVERTISEMENT\n\n(Photographer: A B/Wire)\n", "furniture.txt", "page furniture"),
    ],
)
def test_bad_input_one_line_error(write_article, content, name, message):
    path = write_article(content, name)
    with pytest.raises(ArticleError, match=message) as info:
        load_article(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_and_folder(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


def test_non_english_detected_and_allowed(write_article):
    german = "Der französische Präsident sagte am Montag, dass die Gespräche mit dem russischen Präsidenten gescheitert seien und keine Einigung erzielt wurde. " * 3
    path = write_article(german)
    with pytest.raises(ArticleError, match="does not look like English"):
        load_article(path)
    a = load_article(path, allow_non_english=True)
    assert not a.language_ok and "Präsident" in a.text
    assert looks_english(BODY)


def test_size_limit(write_article):
    path = write_article(("The minister said the talks failed. " * 160_000)[: MAX_ARTICLE_BYTES * 5])
    with pytest.raises(ArticleError, match="article limit"):
        load_article(path)


def test_url_without_network_is_one_line():
    with pytest.raises(ArticleError, match=r"cannot fetch the page .*save it from a browser") as info:
        load_article("http://127.0.0.1:9/article")
    assert "\n" not in str(info.value)


def test_slugify():
    assert slugify("Russia Undercuts Macron’s Report!") == "russia-undercuts-macrons-report"
    assert slugify("***") == "article"


def test_a_wire_dateline_with_an_abbreviated_month(write_article):
    path = write_article("Talks end\n\nADDIS ABABA, Nov 30 (Reuters) - Ethiopia said the talks had ended.\n\n(c) 2026 Reuters\n")
    article = load_article(path, headline=False)
    assert article.text.lstrip().startswith("Ethiopia said") and article.outlet == "Reuters"


def test_an_ap_dateline_with_a_country(write_article):
    path = write_article("Talks end\n\nLA PAZ, Bolivia (AP) — Bolivia's foreign minister said the talks had ended.\n")
    article = load_article(path, headline=False)
    assert article.text.lstrip().startswith("Bolivia's foreign minister") and article.outlet == "Associated Press"


def test_the_place_of_a_wire_dateline():
    from helpers.article import dateline_place

    assert dateline_place([{"line": "BUCHAREST, Romania (AP) —", "reason": "dateline"}]) == "BUCHAREST, Romania"
    assert dateline_place([{"line": "ISLAMABAD, Dec 3 (Reuters) -", "reason": "dateline"}]) == "ISLAMABAD"
    assert dateline_place([{"line": "(Bloomberg) --", "reason": "dateline"}, {"line": "By A. Writer", "reason": "byline"}]) == ""
