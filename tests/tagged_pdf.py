"""What every PDF the service makes must be: tagged for assistive technology (PDF/UA-1), in a language, titled."""

from __future__ import annotations

import io
from typing import cast

from pypdf import PdfReader
from pypdf.generic import BooleanObject, DictionaryObject

TRUE = BooleanObject(True)  # a PDF boolean: bool() of a false one is True


def assert_tagged(pdf: bytes, *, title: str, language: str = "sv") -> None:
    """Marked as tagged, with a structure tree, its language, and a title that readers show for the file name."""
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.root_object
    assert cast(DictionaryObject, catalog["/MarkInfo"])["/Marked"] == TRUE
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == language
    assert reader.metadata is not None and reader.metadata.title == title
    assert cast(DictionaryObject, catalog["/ViewerPreferences"])["/DisplayDocTitle"] == TRUE
