"""The query parameters the lists share: limit and offset (at most MAX_LIMIT a page), municipality, period."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Annotated, Any

from django.db.models import QuerySet
from ninja import Field, Path, Schema
from pydantic import AfterValidator

from samverkan.core.bounds import EARLIEST_DAY, MAX_INTEGER, latest_day, supported_day

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
MAX_ID = MAX_INTEGER  # the largest id an integer column holds: a larger one is found nowhere
MUNICIPALITY_CODE = r"^[0-9]{4}$"


def _no_nul(text: str) -> str:
    # A database refuses NUL in text: a text with one is refused here, as a field, not as a server error.
    if "\x00" in text:
        raise ValueError("contains a NUL character")
    return text


def supported(day: datetime.date) -> None:
    """The days the product stores and filters (core.bounds), as the forms' date fields allow them."""
    if not supported_day(day):
        raise ValueError(f"choose a day from {EARLIEST_DAY.isoformat()} to {latest_day().isoformat()}")


def _in_range(day: datetime.date) -> datetime.date:
    supported(day)
    return day


Text = Annotated[str, AfterValidator(_no_nul)]
Day = Annotated[datetime.date, AfterValidator(_in_range)]


def id_path():  # noqa: ANN201 (ninja's parameter marker)
    return Path(..., ge=1, le=MAX_ID)


def code_path():  # noqa: ANN201
    return Path(..., pattern=MUNICIPALITY_CODE, description="The kommunkod, e.g. 2506.")


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def page_of[P: Schema](page: type[P], items: QuerySet[Any], params: PageParams, out: Callable[[Any], object]) -> P:
    """One page of a list, as the `page` schema: the items of the page turned by `out`, the list's count, the
    limit and offset asked for."""
    chosen = items[params.offset : params.offset + params.limit]
    return page.model_validate(
        {"count": items.count(), "limit": params.limit, "offset": params.offset, "items": [out(i) for i in chosen]}
    )


class MunicipalityPeriodParams(PageParams):
    municipality: str | None = Field(None, pattern=MUNICIPALITY_CODE, description="A kommunkod, e.g. 2506.")
    start: Day | None = Field(None, description="The period's first day (inclusive).")
    end: Day | None = Field(None, description="The period's last day (inclusive).")
