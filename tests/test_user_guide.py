"""The shipped user guide: the same pages and anchors in every language, links that resolve,
and the real menu and button names of the window in each language."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from zorgkoppel.i18n import _, set_language
from zorgkoppel.user_guide import (
    HOME,
    TOPICS,
    broken_links,
    guide_folder,
    guide_languages,
    outline,
    topic_path,
    topic_titles,
)

LANGUAGES = ("nl", "fr", "en")

# Per page, the window texts (msgids) the page must name as the user sees them.
NAMED = {
    "index": ["&Overview", "&Agreements", "&Roster", "&Workers", "&Notes", "Or&ganisations",
              "&Edit", "&New", "&Settings", "&Language", "&About zorgkoppel"],
    "roster": ["&Roster", "From te&mplate", "&Copy previous day", "Who is there",
               "Check in another worker…", "To place", "Posts of the day", "&Assign", "Pi&n",
               "Add &post…", "Use as &weekly template", "Su&ggest", "Print day p&lan…",
               "Print wee&k…", "Yesterday", "Review of today"],
    "agreements": ["&Agreements", "Workflow and contract", "Contract &preview…", "&Print…",
                   "&Save as PDF…", "Issued printouts (SHA-256)", "Si&gn…", "Acti&vate",
                   "E&nd", "Te&rminate…", "A&mend", "Amendment p&rintout…"],
    "notes": ["&Notes", "Enterprise only (confidential)", "Shared with the care facility",
              "Work attitude (1–4)", "Agreed actions", "Add action",
              "Signed off by the worker…", "Add addendum"],
    "backups": ["&Backups…", "Back up now", "Choose…", "Second backup folder", "Do not copy",
                "&Restore a backup…", "Restore", "Other file…", "&About zorgkoppel"],
    "accounts": ["&Users…", "&Add…", "&Disable", "&Reset password…", "Change &role…",
                 "Change pass&word…", "&Lock now", "Unlock", "&Privacy and security…",
                 "&Encrypt the data…", "&Workers"],
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(unescape(" ".join(parser.parts)).replace("\xa0", " ").split())


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    set_language("en")


def test_every_language_has_the_same_pages_and_anchors() -> None:
    assert set(LANGUAGES) <= set(guide_languages())
    english = {topic: outline(topic_path("en", topic)) for topic in TOPICS}
    for language in LANGUAGES:
        folder = guide_folder(language)
        assert folder.name == language
        assert sorted(p.stem for p in folder.glob("*.html")) == sorted(TOPICS)
        for topic in TOPICS:
            page = outline(folder / f"{topic}.html")
            assert page.title, (language, topic)
            assert page.anchors == english[topic].anchors, (language, topic)
            assert len(page.links) == len(english[topic].links), (language, topic)


def test_every_link_of_every_language_resolves() -> None:
    for language in LANGUAGES:
        assert broken_links(guide_folder(language)) == [], language


def test_a_broken_or_external_link_is_found(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<title>x</title><a name="here"></a><a href="#here">ok</a><a href="#gone">no</a>'
        '<a href="missing.html">no</a><a href="https://example.org">no</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html: #gone", "index.html: missing.html",
                                      "index.html: https://example.org"]


def test_titles_are_translated_and_the_contents_follow_the_topic_order() -> None:
    titles = {language: topic_titles(language) for language in LANGUAGES}
    for language in LANGUAGES:
        assert list(titles[language]) == list(TOPICS)
    assert titles["nl"]["roster"] == "De ochtendplanning"
    assert titles["fr"]["roster"] == "Le planning du matin"
    assert titles["en"]["roster"] == "The morning roster"


def test_a_language_without_a_guide_falls_back_to_english() -> None:
    assert guide_folder("de").name == "en"
    assert guide_folder(None).name == "en"
    assert topic_path("nl", "no-such-topic") == guide_folder("nl") / f"{HOME}.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_names_the_real_menus_and_buttons(language: str) -> None:
    set_language(language)
    missing = []
    for topic, msgids in NAMED.items():
        text = page_text(topic_path(language, topic))
        for msgid in msgids:
            shown = _(msgid).replace("&", "")
            if shown not in text:
                missing.append(f"{topic}: {shown!r}")
    assert missing == []
