"""Typed helpers that read settings from the environment. Pure: no Django imports."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

DATABASE_URL_UNSUPPORTED = "DATABASE_URL must start with sqlite:// or postgres://, got {url!r}"


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {value!r}") from None


def url_origin(url: str) -> str | None:
    """The origin of a URL or tile-URL template, for a CSP source list ("{s}." subdomains become "*.")."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def sqlite_database(path: Path | str) -> dict:
    # WAL lets readers work while a write is under way; the timeout makes a
    # second writer wait instead of failing with "database is locked".
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def database_from_url(url: str | None, default_sqlite_path: Path) -> dict:
    """The Django DATABASES["default"] entry for a DATABASE_URL (None: local SQLite)."""
    if not url:
        return sqlite_database(default_sqlite_path)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:////abs/path.db -> /abs/path.db; sqlite:///rel.db -> rel.db
        return sqlite_database(
            unquote(parts.path[1:]) if parts.path.startswith("//") else unquote(parts.path.lstrip("/"))
        )
    if parts.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ValueError(DATABASE_URL_UNSUPPORTED.format(url=url))
