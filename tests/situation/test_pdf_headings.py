"""No heading is left alone at the foot of a page of the lägesbild's PDF: read from the PDF's own structure tree
(the tagged PDF says, for every piece of text drawn, which page it is on and which element it belongs to), the
last thing on each page is never a heading or a table's caption."""

from __future__ import annotations

import io
from collections import Counter
from typing import cast

from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NumberObject

from samverkan.core import clock
from tests.tagged_pdf import assert_tagged

HEADINGS = {"/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
# The demo picture's PDF has at least "In brief" and the nine sections that every picture has as headings (h2).
H2_COUNT = 10


def structure_by_page(pdf: bytes) -> tuple[int, dict[int, list[tuple[str, ...]]], Counter[str]]:
    """The page count; for each page the structure elements (the chain of types from the root) of every marked
    piece of content drawn on it, in the document's reading order; and how many elements of each type there are."""
    reader = PdfReader(io.BytesIO(pdf))
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages) if page.indirect_reference}
    found: dict[int, list[tuple[str, ...]]] = {}
    elements: Counter[str] = Counter()

    def walk(node, page: int | None, chain: tuple[str, ...]) -> None:
        if isinstance(node, IndirectObject):
            node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid, page, chain)
        elif isinstance(node, int | NumberObject):  # a marked-content id on the page
            found.setdefault(page if page is not None else -1, []).append(chain)
        elif isinstance(node, DictionaryObject):
            if "/Pg" in node:
                page = page_of.get(node.raw_get("/Pg").idnum)
            if node.get("/Type") == "/MCR":
                found.setdefault(page if page is not None else -1, []).append(chain)
            elif node.get("/Type") != "/OBJR" and "/K" in node:
                kind = node.get("/S")
                elements[str(kind)] += 1
                walk(node["/K"], page, (*chain, str(kind)) if kind else chain)

    tree = cast(DictionaryObject, reader.root_object["/StructTreeRoot"])
    walk(tree["/K"], None, ())
    return len(reader.pages), found, elements


def is_heading(chain: tuple[str, ...]) -> bool:
    """A heading, or a table's caption (a figure's caption comes after its figure, so it may end a page)."""
    return bool(HEADINGS & set(chain)) or any(chain[i : i + 2] == ("/Table", "/Caption") for i in range(len(chain)))


def orphan_pages(pdf: bytes) -> list[int]:
    """The pages (from 1) whose last content is a heading."""
    _count, by_page, _elements = structure_by_page(pdf)
    return [page + 1 for page, chains in sorted(by_page.items()) if is_heading(chains[-1])]


def test_the_check_finds_a_heading_left_at_the_foot_of_a_page():
    from weasyprint import HTML

    html = (
        '<html lang="sv"><head><title>t</title></head><body><div style="height: 240mm">Text.</div>'
        '<h2 style="break-after: auto">Ensam rubrik</h2><p style="break-inside: avoid">'
        + "Rad. " * 400
        + "</p></body></html>"
    )
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    assert orphan_pages(pdf) == [1]


def lagesbild_pdf(client, audience: str) -> bytes:
    client.force_login(get_user_model().objects.get(username="arjeplog.samordnare"))
    year = clock.today().year - 1  # the page's own default: the last full year, the demo's richest
    url = reverse("situation_export", args=["2506"])
    response = client.get(f"{url}?start={year}-01-01&end={year}-12-31&format=pdf&audience={audience}")
    assert response.status_code == 200
    return response.content


def test_it_leaves_no_heading_alone_at_the_foot_of_a_page(demo, client):
    for audience in ("internal", "public"):
        pdf = lagesbild_pdf(client, audience)
        pages, by_page, elements = structure_by_page(pdf)
        assert set(by_page) == set(range(pages)), "every page holds tagged content"
        assert elements["/H2"] >= H2_COUNT, "the section headings are tagged as headings"
        assert orphan_pages(pdf) == [], audience
        assert_tagged(pdf, title="Lägesbild: Arjeplog")
