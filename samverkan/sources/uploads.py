"""Uploaded files that wait, after their preview, for the import to be confirmed.

A file waits in DATA_DIR/uploads under a random token. Confirming takes it; one never confirmed is
deleted after KEPT (by `samverkan clean_uploads`, and whenever another file is uploaded).
"""

from __future__ import annotations

import datetime
import os
import secrets
from pathlib import Path

from django.conf import settings

from samverkan.core import clock

KEPT = datetime.timedelta(days=1)


def _folder() -> Path:
    return settings.DATA_DIR / "uploads"


def _path(token: str) -> Path | None:
    """The file of a token; None for anything that is no token of ours (a path, an empty string)."""
    if not token or not token.replace("-", "").replace("_", "").isalnum():
        return None
    return _folder() / token


def upload_keep(*, data: bytes) -> str:
    """Keep the file until it is confirmed, deleting those older than KEPT; returns its token."""
    uploads_clean()
    _folder().mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(16)
    path = _folder() / token
    path.write_bytes(data)
    moment = clock.now().timestamp()
    os.utime(path, (moment, moment))  # its age is measured on the one clock
    return token


def upload_kept(*, token: str) -> bool:
    """Whether a file waits under the token (the worker takes it when it imports)."""
    path = _path(token)
    return path is not None and path.is_file()


def upload_take(*, token: str) -> bytes | None:
    """The file kept under the token, removed from the folder; None if there is none."""
    path = _path(token)
    if path is None or not path.is_file():
        return None
    data = path.read_bytes()
    path.unlink(missing_ok=True)
    return data


def uploads_clean() -> int:
    """Delete the files that waited longer than KEPT; returns how many."""
    if not _folder().is_dir():
        return 0
    oldest = (clock.now() - KEPT).timestamp()
    deleted = 0
    for path in _folder().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < oldest:
                path.unlink()
                deleted += 1
        except FileNotFoundError:  # confirmed or cleaned by another process meanwhile
            continue
    return deleted
