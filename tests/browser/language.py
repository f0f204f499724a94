"""English text in a Swedish page: the words of it that Swedish never uses.

A page in Swedish may quote English only inside an element marked `lang="en"` (a promise's English translation,
an English source name). Everything else a reader sees or hears is checked: the text of the page, <title>, and the
attributes a browser shows or reads aloud (title, aria-label, placeholder, alt, a button's value). Scripts and
styles are not text.

The word list is deliberate: each word is common in English and no Swedish word, so a hit is English (or a
typo), never a false alarm on Swedish. Left out on purpose, because Swedish writes them too: "data", "not" (a
note), "show", "is" (ice), "in", "by" (a village), "be" (to pray), "must" (juice), "all", "most", "back" (a crate),
"last" (a load), "page", "log", "login", "it" (IT), "on" and "to" (Wednesday and Thursday), "an", "a", "at", "for"
(went), "do", "so" (a sow), "who" (WHO), "option", "plan", "total", "action", "event", "events", "import",
"export", "incident", "valid", "invalid", "enter" (the key), "no" and "yes" (codes). Kept although Swedish has
them as rare nouns nobody writes here: "and" (a wild duck) and "the" (an old spelling of tea). Words that are
also names ("May", "Will") are kept: the demo's people have none.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from playwright.sync_api import Page

WORDS = """
    the and of with from this that these those there their they them which what when while where why how
    your you please select choose choice required field ensure value
    are was were been being have has had will would should could can cannot may might shall
    or but than then also only into onto about after before between each every other others more
    any some such because however here now today yesterday tomorrow
    key figures incidents reported crime crimes survey surveys safety dialogues indicators
    municipality municipalities agreement agreements goal goals promise promises meeting meetings
    report reports activity activities
    add edit delete save cancel remove search submit upload download
    new next previous first week weeks month months year years date dates day days name description number
"""
ENGLISH_WORDS = frozenset(WORDS.split())
# What a browser shows or reads aloud of an element besides its text.
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
BUTTON_TYPES = frozenset({"submit", "button", "reset"})
NOT_TEXT = frozenset({"script", "style"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Addresses, file names and identifiers (a key, an H3 cell) are not language: a whitespace-separated token with
# one of these is skipped.
NOT_WORDS = re.compile(r"[/@_\\\d]|\w\.\w")
WORD = re.compile(r"[^\W\d_]+")


class _Shown(HTMLParser):
    """The pieces of text of a page that are neither English-marked nor script, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, is the element's content exempt)

    def _exempt(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def _enter(self, tag: str, attributes: list[tuple[str, str | None]]) -> bool:
        values = {name: value or "" for name, value in attributes}
        exempt = self._exempt() or tag in NOT_TEXT
        if "lang" in values:
            exempt = tag in NOT_TEXT or values["lang"].lower().split("-")[0] == "en"
        if not exempt:
            self.texts.extend(values[name] for name in SHOWN_ATTRIBUTES if values.get(name))
            if tag == "input" and values.get("type", "").lower() in BUTTON_TYPES and values.get("value"):
                self.texts.append(values["value"])
        return exempt

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        exempt = self._enter(tag, attrs)
        if tag not in VOID:
            self.open.append((tag, exempt))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._enter(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        # An element left open (a <p>, an <li>) closes with its parent, as the browser closes it.
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._exempt():
            self.texts.append(data)


def english_words(text: str) -> list[str]:
    """The words of `text` on the list, in order (addresses, file names and identifiers skipped)."""
    tokens = (token for token in text.split() if not NOT_WORDS.search(token))
    return [word for token in tokens for word in WORD.findall(token.lower()) if word in ENGLISH_WORDS]


def english_in_html(html: str) -> list[str]:
    """Each English piece of text shown outside lang="en", with the words that give it away."""
    parser = _Shown()
    parser.feed(html)
    parser.close()
    found = []
    for text in parser.texts:
        words = english_words(text)
        if words:
            found.append(f"{' '.join(text.split())[:120]!r} ({', '.join(dict.fromkeys(words))})")
    return list(dict.fromkeys(found))


def assert_swedish_html(html: str, where: str) -> None:
    found = english_in_html(html)
    assert not found, f'English outside lang="en" on {where}:\n' + "\n".join(found)


def assert_swedish(page: Page) -> None:
    """Fail on English text in the page as Chromium shows it now (after its scripts ran)."""
    assert_swedish_html(page.content(), page.url)
