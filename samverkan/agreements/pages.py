"""Sections that the layers above add to an agreement's page, such as part 2's linked goals, action plan,
follow-up plan and promises. Planning and follow-up sit above agreements, so they register a section here
(in their AppConfig.ready) instead of being imported."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.safestring import SafeString

from samverkan.agreements.models import Agreement
from samverkan.organisations.models import User

type PageSection = Callable[[Agreement, User], SafeString | None]

_sections: list[PageSection] = []


def register_page_section(section: PageSection) -> None:
    if section not in _sections:
        _sections.append(section)


def page_sections(agreement: Agreement, user: User) -> list[SafeString]:
    """The registered sections' HTML for the agreement as the user sees it, those with nothing left out."""
    return [html for section in _sections if (html := section(agreement, user))]
