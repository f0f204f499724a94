"""Imports with a token: the importers of sources.registry, all or nothing, with the upload page's messages.

A file is checked, planned and written as the upload page's confirm step does (sources.importing.run_import,
reach_for the user): any problem, and nothing is written; the answer lists every problem as FILE:LINE: field.
"""

from __future__ import annotations

import datetime
from typing import Annotated, cast

from django.utils.translation import gettext_lazy as _
from ninja import File, Path, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import WithJsonSchema

from samverkan.api.errors import IMPORT_FAILED, PRIVATE_ERRORS, ApiError, ErrorOut, forbidden
from samverkan.api.params import PageParams, page_of
from samverkan.sources.importing import ConfigurableImporter, Importer, check_size, reach_for, run_import
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Source
from samverkan.sources.registry import IMPORTERS

router = Router(tags=["imports"])

IMPORTER_KEY = r"^[a-z_]{1,40}$"
BAD_OPTIONS = _("The importer's options are not valid.")


class ImporterOut(Schema):
    key: str
    label: str
    accept: str
    help: str
    options: list[str]  # the form fields the importer asks besides the file (sent as multipart fields)


class ImportRunOut(Schema):
    id: int
    source: str
    name: str
    at: datetime.datetime
    created: int
    updated: int
    skipped: int


class ImportRunPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[ImportRunOut]


class OutcomeOut(Schema):
    source: str
    name: str
    created: int
    updated: int
    skipped: int


def _failed(failed: ImportFailed, status: int = 422) -> ApiError:
    problems = [
        {"file": p.file, "line": p.line, "field": str(p.field), "message": str(p.message)} for p in failed.problems
    ]
    first = failed.problems[0] if failed.problems else None
    return ApiError(
        status,
        "too_large" if status == 413 else "import_failed",
        f"{IMPORT_FAILED} {first}" if first else IMPORT_FAILED,
        problems=problems,
    )


def _importer_out(importer: Importer) -> ImporterOut:
    form_class = getattr(importer, "options_form", None)
    return ImporterOut(
        key=importer.key,
        label=str(importer.label),
        accept=importer.accept,
        help=str(importer.help),
        options=list(form_class.base_fields) if form_class else [],
    )


@router.get("/importers", response={200: list[ImporterOut], **PRIVATE_ERRORS}, summary="Importers")
def importers(request):
    """The importers the user may run (none for one who only reads)."""
    if not reach_for(request.user):
        return []
    return [_importer_out(importer) for importer in sorted(IMPORTERS.values(), key=lambda i: i.key)]


@router.get("", response={200: ImportRunPage, **PRIVATE_ERRORS}, summary="The user's imports")
def import_runs(request, params: Query[PageParams], source: str | None = Query(None, pattern=IMPORTER_KEY)):
    """The imports the user ran that changed something, newest first (as on the sources page)."""
    runs = ImportRun.objects.filter(by=request.user)
    if source:
        runs = runs.filter(source=source)
    return page_of(
        ImportRunPage,
        runs,
        params,
        lambda r: ImportRunOut(
            id=r.pk, source=r.source, name=r.name, at=r.at, created=r.created, updated=r.updated, skipped=r.skipped
        ),
    )


@router.post(
    "/{key}",
    response={200: OutcomeOut, 201: OutcomeOut, 413: ErrorOut, **PRIVATE_ERRORS},
    summary="Import a file",
)
def import_start(
    request,
    file: File[UploadedFile],
    key: Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(IMPORTERS)})] = Path(
        ..., pattern=IMPORTER_KEY
    ),
):
    """Import the file with the source's importer: every row or none. 201 when something changed, 200 when the file
    held nothing new; 422 with every problem (FILE:LINE: field: message) and nothing written."""
    importer = IMPORTERS.get(key)
    if importer is None:
        raise ApiError(404, "not_found", _("No importer %(key)s.") % {"key": key}, field="key")
    if not reach_for(request.user):
        raise forbidden()
    name, size = file.name or "upload", file.size or 0
    try:
        check_size(name, size)
    except ImportFailed as failed:
        raise _failed(failed, 413) from failed
    form_class = getattr(importer, "options_form", None)
    if form_class is not None:
        options = form_class(request.POST)
        if not options.is_valid():
            field, errors = next(iter(options.errors.items()))
            raise ApiError(422, "invalid", f"{BAD_OPTIONS} {' '.join(errors)}", field=field)
        importer = cast(ConfigurableImporter, importer).configured(**options.cleaned_data)
    source = Source(name, file.read())
    try:
        outcome = run_import(importer, source, by=request.user)
    except ImportFailed as failed:
        raise _failed(failed) from failed
    result = OutcomeOut(
        source=key, name=name, created=outcome.created, updated=outcome.updated, skipped=outcome.skipped
    )
    return Status(201 if outcome.changed else 200, result)
