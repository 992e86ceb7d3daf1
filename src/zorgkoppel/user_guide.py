"""The user guide shipped with the program: one HTML page per topic, per language.

The pages live in `resources/help/<language>/<topic>.html` (translated documents, not
gettext strings). Every language has the same pages and the same anchors, so a link or an
F1 topic works whatever the language; a test checks that, and that every link resolves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from zorgkoppel.paths import resources_dir

FALLBACK_LANGUAGE = "en"
# In the order of the table of contents.
TOPICS: tuple[str, ...] = ("index", "roster", "agreements", "notes", "backups", "accounts")
HOME = "index"
# F1 on a screen opens the page about that screen; the others open the contents.
SCREEN_TOPICS: dict[str, str] = {
    "overview": HOME,
    "agreements": "agreements",
    "roster": "roster",
    "workers": HOME,
    "notes": "notes",
    "organisations": HOME,
    "reports": HOME,
}


def guide_root() -> Path:
    return resources_dir() / "help"


def guide_languages() -> tuple[str, ...]:
    root = guide_root()
    return tuple(sorted(p.name for p in root.iterdir() if (p / f"{HOME}.html").is_file()))


def guide_folder(language: str | None) -> Path:
    """The folder of `language`'s guide, the English one when that language has none."""
    folder = guide_root() / (language or FALLBACK_LANGUAGE)
    if not (folder / f"{HOME}.html").is_file():
        folder = guide_root() / FALLBACK_LANGUAGE
    return folder


def topic_path(language: str | None, topic: str = HOME) -> Path:
    folder = guide_folder(language)
    path = folder / f"{topic}.html"
    return path if path.is_file() else folder / f"{HOME}.html"


def topic_for_screen(screen_key: str) -> str:
    return SCREEN_TOPICS.get(screen_key, HOME)


@dataclass
class PageOutline:
    """What a test or the table of contents needs to know of one page."""

    title: str = ""
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _OutlineParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outline = PageOutline()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "a" and values.get("name"):
            self.outline.anchors.add(str(values["name"]))
        if values.get("id"):
            self.outline.anchors.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.outline.links.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.outline.title += data


def outline(path: Path) -> PageOutline:
    parser = _OutlineParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser.outline.title = " ".join(parser.outline.title.split())
    return parser.outline


def topic_titles(language: str | None) -> dict[str, str]:
    """Topic → its page title, in contents order (for the table of contents)."""
    folder = guide_folder(language)
    return {topic: outline(folder / f"{topic}.html").title or topic for topic in TOPICS
            if (folder / f"{topic}.html").is_file()}


def broken_links(folder: Path) -> list[str]:
    """Every link of the guide in `folder` that points nowhere: `page: href`.

    The guide is offline: a link with a scheme (http:, mailto:) counts as broken too."""
    outlines = {path.name: outline(path) for path in sorted(folder.glob("*.html"))}
    broken = []
    for name, page in outlines.items():
        for href in page.links:
            target, _hash, anchor = href.partition("#")
            if ":" in target or "/" in target:
                broken.append(f"{name}: {href}")
                continue
            linked = outlines.get(target or name)
            if linked is None or (anchor and anchor not in linked.anchors):
                broken.append(f"{name}: {href}")
    return broken
