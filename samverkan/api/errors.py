"""The API's one error object: {"error": {"code", "message", "field", "problems"}} on every refusal.

`code` is stable (a client branches on it), `message` is for people, in the request's language, `field` names the
parameter or body field at fault when there is one, `problems` lists an import's problems line by line.
"""

from __future__ import annotations

from typing import Literal

from django.utils.translation import gettext_lazy as _
from ninja import Schema

ErrorCode = Literal["unauthorized", "forbidden", "not_found", "invalid", "import_failed", "too_large", "rate_limited"]

UNAUTHORIZED = _("Send a valid API token: Authorization: Bearer <token>.")
FORBIDDEN = _("Your roles only read this: ask a coordinator or a police contact.")
NOT_FOUND = _("Not found, or not yours to see.")
RATE_LIMITED = _("Too many requests: wait a minute and try again.")
IMPORT_FAILED = _("Nothing was imported: the file has problems.")


class ImportProblemOut(Schema):
    file: str
    line: int | None
    field: str
    message: str


class ErrorDetail(Schema):
    code: ErrorCode
    message: str
    field: str | None = None
    problems: list[ImportProblemOut] = []


class ErrorOut(Schema):
    error: ErrorDetail


def error_body(code: ErrorCode, message: object, field: str | None = None, problems=()) -> dict:
    return {"error": {"code": code, "message": str(message), "field": field, "problems": list(problems)}}


class ApiError(Exception):
    """A refusal an endpoint raises: answered with the error object and `status`."""

    def __init__(self, status: int, code: ErrorCode, message: object, field: str | None = None, problems=()) -> None:
        super().__init__(str(message))
        self.status = status
        self.body = error_body(code, message, field, problems)


def forbidden() -> ApiError:
    return ApiError(403, "forbidden", FORBIDDEN)


# Every operation documents the refusals it may answer with; the public ones have no 401 or 403.
PRIVATE_ERRORS: dict[int, type[Schema]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
PUBLIC_ERRORS: dict[int, type[Schema]] = {404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
