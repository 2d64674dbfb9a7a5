"""Loading an article (text, Markdown, saved HTML, JSON or URL) and removing page furniture."""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

#: Refuse articles above this size: a wire story is well under 100 kB.
MAX_ARTICLE_BYTES = 1_000_000
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".json")

EN_STOPWORDS = frozenset(
    "the a an and or but of to in on at for with from by that this is was were are be been has have had "
    "it its he she they his her their said says not no as will would could should than then there which who".split()
)

#: (reason, pattern) for lines that are page furniture, never article text.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", re.compile(r"^\s*(advertisement|advert|sponsored( content)?|ad)\s*$", re.I)),
    ("copyright", re.compile(r"^\s*(©|\(c\)\s*\d{4}|copyright\b)|all rights reserved", re.I)),
    ("photo caption", re.compile(r"\((photographer|photo|photograph|image|credit|source)s?:[^)]*\)\s*$", re.I)),
    ("photo credit", re.compile(r"^\s*(photo|photograph|image|credit|picture)s?\s*(:|by\b)", re.I)),
    ("photo credit", re.compile(r"\b(getty images|afp via getty|reuters/[A-Z]|ap photo|bloomberg via getty)\b", re.I)),
    ("byline", re.compile(r"^\s*By\s+[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|de|van|von|al))*\s*$")),
    ("dateline", re.compile(rf"^\s*(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}\s*$|^\s*\d{{4}}-\d{{2}}-\d{{2}}\s*$")),
    ("reporting credit", re.compile(r"^\s*\((?:Reporting|Writing|Additional reporting|Editing) by\b.*\)\s*$", re.I)),
    (
        "page furniture",
        re.compile(
            r"^\s*(read more|related|most read|sign up|subscribe|share this|listen to this|follow us|"
            r"more from|watch:|click here|newsletter|--\s*with assistance|to contact the|\(updates? with)",
            re.I,
        ),
    ),
)

_COPYRIGHT_OUTLET = re.compile(
    r"(?:©|\bCopyright)\s*(?P<year>\d{4})\s+(?:The\s+)?(?P<outlet>[A-Z][\w&'’\- ]*?)(?:\s+(?:L\.P\.|Inc\.?|Ltd\.?|LLC)|[.,]|$)"
)
#: A wire dateline opening the first paragraph: "CARACAS, July 2 (Reuters) - ", "BRUSSELS (AP) — ", "(Bloomberg) -- ".
#: Wire copy abbreviates months in datelines ("ADDIS ABABA, Nov 30 (Reuters) -"); AP names the country or state
#: instead ("BUCHAREST, Romania (AP) —").
_MONTH_ABBR = {m[:3]: m for m in _MONTHS.split("|")} | {"Sept": "September"}
_INLINE_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Z .'’-]+)(?:,\s+(?P<day>(?:{_MONTHS}|{'|'.join(sorted(_MONTH_ABBR, key=len, reverse=True))})\.?\s+\d{{1,2}})"
    r"|,\s+(?P<region>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}))?\s+)?\((?P<outlet>[A-Z][\w .&-]{1,30})\)\s+[-—–]+\s+"
)


class ArticleError(ValueError):
    """Bad input: the message is one line naming the file and the problem."""


@dataclass
class Article:
    """A loaded, cleaned article. ``text`` is what statements' offsets point into."""

    text: str
    source: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    removed: list[dict] = field(default_factory=list)
    language_ok: bool = True

    @property
    def slug(self) -> str:
        """A file-system-safe name for this article's report folder."""
        return slugify(Path(self.source).stem if "://" not in self.source else self.title or self.source)

    def meta(self) -> dict:
        """Title, outlet, date, URL and source path as a dict (for JSON and reports)."""
        return {"title": self.title, "outlet": self.outlet, "date": self.date, "url": self.url, "source": self.source, "slug": self.slug}


def slugify(value: str, max_len: int = 80) -> str:
    """Lowercase ASCII words joined by hyphens."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-zA-Z0-9]+", "-", value).strip("-").lower()
    return value[:max_len].strip("-") or "article"


def decode_bytes(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1; refuse binary data."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    sample = data[:4096]
    if b"\x00" in sample or data.startswith((b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        raise ArticleError(f"{name}: this is a binary file, not article text")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if controls > len(sample) * 0.05:
        raise ArticleError(f"{name}: this is a binary file, not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return fix_mojibake(text)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as cp1252 once (``â€™`` → ``’``), when that is what happened."""
    if not re.search(r"[âÃ][\x80-\xbf€™œ‚„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜š›žŸ]", text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def looks_english(text: str) -> bool:
    """True when common English function words make up a plausible share of the words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 20:
        return True
    return sum(w in EN_STOPWORDS for w in words) / len(words) >= 0.12


def _html_to_text(html: str, name: str) -> tuple[str, dict]:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(body.split()) < 5:
        raise ArticleError(f"{name}: no article text found in this HTML page")
    meta: dict = {}
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is optional, malformed pages are common
        md = None
    if md is not None:
        meta = {"title": md.title or "", "outlet": md.sitename or "", "date": md.date or "", "url": md.url or ""}
    return body, meta


def _markdown_to_text(md: str) -> tuple[str, dict]:
    meta: dict = {}
    lines = []
    for line in md.splitlines():
        m = re.match(r"^\s*#{1,6}\s+(.*)$", line)
        if m:
            if not meta.get("title"):
                meta["title"] = m.group(1).strip()
                continue
            line = m.group(1)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        line = re.sub(r"^\s*>\s?", "", line)
        lines.append(line)
    return "\n".join(lines), meta


def _json_to_text(raw: str, name: str) -> tuple[str, dict]:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ArticleError(f"{name}: a JSON article needs a string field 'text'")
    meta = {k: str(obj[k]) for k in ("title", "outlet", "date", "url") if obj.get(k)}
    return obj["text"], meta


def _fetch(url: str, timeout: float = 15.0) -> tuple[bytes, str]:
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"User-Agent": "helpers-news-notebooks/0.1"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - user-supplied article URL
            return resp.read(MAX_ARTICLE_BYTES * 5 + 1), resp.headers.get_content_charset() or ""
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ArticleError(f"{url}: cannot fetch the page ({reason}); save it from a browser and pass the file") from None


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def clean_lines(lines: list[str], title: str = "") -> tuple[list[str], list[dict], str]:
    """Drop page furniture, the headline and a repeated standfirst; return (kept, removed, title)."""
    removed: list[dict] = []
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        reason = next((r for r, pat in FURNITURE if pat.search(stripped)), None)
        if reason:
            removed.append({"line": stripped, "reason": reason})
            continue
        inline = _INLINE_DATELINE.match(stripped)
        if inline and not any(r["reason"] == "dateline" for r in removed):
            removed.append({"line": inline.group(0).strip(), "reason": "dateline"})
            stripped = stripped[inline.end() :]
        kept.append(stripped)
    # the headline: the first short line without end punctuation, unless a title was given
    nonblank = [i for i, x in enumerate(kept) if x]
    if nonblank:
        first = kept[nonblank[0]]
        is_headline = len(first) < 160 and not re.search(r"[.!?\"”’]$", first) and len(nonblank) > 1
        if is_headline and (not title or _word_set(first) == _word_set(title)):
            title = title or first
            removed.append({"line": first, "reason": "headline"})
            kept[nonblank[0]] = ""
    out: list[str] = []
    paragraphs = [x for x in kept if x]
    for i, line in enumerate(kept):
        if not line:
            out.append("")
            continue
        if title and _word_set(line) == _word_set(title):
            removed.append({"line": line, "reason": "repeated headline"})
            continue
        words = _word_set(line)
        later = paragraphs[paragraphs.index(line) + 1 :] if line in paragraphs else []
        # a standfirst is a short summary line whose words reappear in one later paragraph
        if len(line) < 300 and len(words) >= 6 and any(
            len(words & _word_set(p)) / len(words) >= 0.8 and len(p) > len(line) for p in later
        ):
            removed.append({"line": line, "reason": "standfirst repeated in body"})
            continue
        out.append(line)
    return out, removed, title


def dateline_place(removed: list[dict]) -> str:
    """The place of the wire dateline among the removed lines ("ISLAMABAD" for "ISLAMABAD, Dec 3 (Reuters) -",
    "BUCHAREST, Romania" for "BUCHAREST, Romania (AP) —"), or "" when there is none."""
    for item in removed:
        m = _INLINE_DATELINE.match(item["line"].strip() + " ") if item.get("reason") == "dateline" else None
        if m and m.group("place"):
            return ", ".join(x for x in (m.group("place").strip(), m.group("region")) if x)
    return ""


def _from_datelines(removed: list[dict], year: str = "") -> tuple[str, str]:
    """Outlet and ISO date of the dateline among the removed lines: "September 3, 2025" or "2025-09-03" give a
    date; a wire dateline, "CARACAS, July 2 (Reuters) -", gives the agency and, with the copyright line's year,
    the date."""
    for item in removed:
        if item["reason"] != "dateline":
            continue
        line = re.sub(r"\s+", " ", item["line"].strip())
        outlet = ""
        inline = _INLINE_DATELINE.match(line + " ")
        if inline:
            outlet = {"AP": "Associated Press"}.get(inline.group("outlet"), inline.group("outlet"))
            day = inline.group("day") or ""
            month = re.match(r"[A-Za-z]+", day)
            if month and month.group(0) in _MONTH_ABBR:
                day = _MONTH_ABBR[month.group(0)] + re.sub(r"^[A-Za-z]+\.?", "", day)  # "Nov 30" -> "November 30"
            line = f"{day}, {year}" if day and year else ""
        try:
            day = line if re.fullmatch(r"\d{4}-\d{2}-\d{2}", line) else datetime.strptime(line, "%B %d, %Y").date().isoformat()
        except ValueError:
            day = ""
        return outlet, day
    return "", ""


def _outlet_from_removed(removed: list[dict]) -> tuple[str, str]:
    for item in removed:
        m = _COPYRIGHT_OUTLET.search(item["line"])
        if m:
            return m.group("outlet").strip(), m.group("year")
    return "", ""


def headline_text(title: str) -> str:
    """The title as it opens the text when the headline is read: on one line, single-spaced."""
    return " ".join(title.split())


def load_article(
    source: str | Path,
    *,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    allow_non_english: bool = False,
    max_bytes: int = MAX_ARTICLE_BYTES,
    headline: bool = True,
) -> Article:
    """Load and clean an article from a file path or an ``http(s)://`` URL.

    Metadata comes from JSON fields, HTML metadata, a ``NAME.meta.json`` sidecar or the
    text itself (headline, copyright line); the keyword arguments override all of them.
    With ``headline`` (the default) the title opens the text as its first paragraph, so that a headline's own
    statement ("Kremlin denies deal with Macron") is read like any other; without it the text is the body alone.
    Raises :class:`ArticleError` (a ``ValueError``) with a one-line message on bad input.
    """
    src = str(source)
    meta: dict = {}
    if re.match(r"^https?://", src, re.I):
        data, charset = _fetch(src)
        kind = ".html"
        meta["url"] = src
    else:
        path = Path(src)
        if not path.exists():
            raise ArticleError(f"{src}: no such file")
        if path.is_dir():
            raise ArticleError(f"{src}: is a folder, not an article file")
        kind = path.suffix.lower()
        if kind not in SUPPORTED_SUFFIXES:
            raise ArticleError(f"{src}: unsupported file type '{kind or '(none)'}'; use one of {', '.join(SUPPORTED_SUFFIXES)}")
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                f"{src}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB article limit; split it into articles"
            )
        data = path.read_bytes()
        sidecar = path.with_name(path.stem + ".meta.json")
        if sidecar.is_file():
            try:
                meta.update({k: str(v) for k, v in json.loads(sidecar.read_text(encoding="utf-8")).items() if v})
            except json.JSONDecodeError as exc:
                raise ArticleError(f"{sidecar}: not valid JSON ({exc.msg})") from None
    if len(data) > max_bytes:
        raise ArticleError(f"{src}: over the {max_bytes / 1e6:g} MB article limit")
    raw = decode_bytes(data, src)
    if kind in (".html", ".htm"):
        body, found = _html_to_text(raw, src)
    elif kind == ".json":
        body, found = _json_to_text(raw, src)
    elif kind in (".md", ".markdown"):
        body, found = _markdown_to_text(raw)
    else:
        body, found = raw, {}
    meta = {**{k: v for k, v in found.items() if v}, **meta}
    for key, value in (("title", title), ("outlet", outlet), ("date", date)):
        if value:
            meta[key] = value
    if not body.strip():
        raise ArticleError(f"{src}: the article has no text")
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept, removed, found_title = clean_lines(lines, meta.get("title", ""))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    # paragraphs: one blank line between them
    text = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip())
    if not text:
        raise ArticleError(f"{src}: nothing but page furniture was found")
    english = looks_english(text)
    if not english and not allow_non_english:
        raise ArticleError(f"{src}: the article does not look like English; pass allow_non_english=True to analyse it anyway")
    copy_outlet, year = _outlet_from_removed(removed)
    wire_outlet, line_date = _from_datelines(removed, year)
    title_text = headline_text(meta.get("title") or found_title)
    if headline and title_text and not text.startswith(title_text):
        text = f"{title_text}\n\n{text}"
    article = Article(
        text=text,
        source=src,
        title=meta.get("title") or found_title,
        outlet=meta.get("outlet") or copy_outlet or wire_outlet,
        date=meta.get("date") or line_date,
        url=meta.get("url", ""),
        removed=removed,
        language_ok=english,
    )
    log.info("loaded %s: %d characters, %d lines removed", src, len(text), len(removed))
    return article
