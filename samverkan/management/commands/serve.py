"""`samverkan serve`: the production web server (gunicorn) on samverkan.wsgi, with the static files collected."""

from __future__ import annotations

import contextlib
import importlib
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from gunicorn.app.base import BaseApplication

# The production settings: a worker that takes longer than TIMEOUT is restarted (long work runs in the worker
# process, not in a request); on SIGTERM the workers finish their requests for up to GRACEFUL_TIMEOUT; each worker
# is replaced after about MAX_REQUESTS requests, so a slow leak never grows.
TIMEOUT = 60
GRACEFUL_TIMEOUT = 30
KEEPALIVE = 5
MAX_REQUESTS = 2000
MAX_REQUESTS_JITTER = 200


def default_workers() -> int:
    """Gunicorn's rule of thumb, 2 × cores + 1, at most 9."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


# Imported once in the server's own process before it forks its workers (gunicorn's preload_app), so that no
# worker spends its first requests on them: the ranking's intervals (scipy) and the PDFs (WeasyPrint), which the
# code imports on first use to keep the other commands quick.
HEAVY_MODULES = ("scipy.special", "weasyprint")


def warm() -> int:
    """Import every view (the URL configuration), the heavy libraries and compile every template of Samverkan's
    own, in this process: the forked workers then start warm and share the memory. The number of templates."""
    import django.forms
    from django.forms.renderers import get_default_renderer
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver()._populate()  # imports every app's views and what they import
    for name in HEAVY_MODULES:
        # A library the system lacks fails where it is used, as it would without the warm-up.
        with contextlib.suppress(ImportError, OSError):
            importlib.import_module(name)
    for code, _name in settings.LANGUAGES:  # each language's catalogues, read once
        with translation.override(code):
            translation.gettext("Samverkan")
    root = Path(__file__).resolve().parents[2]
    templates = [path for folder in root.rglob("templates") for path in folder.rglob("*.html")]
    for path in templates:
        get_template(str(path.relative_to(next(p for p in path.parents if p.name == "templates"))))
    # The forms' widgets, which Django renders with templates of its own (the form renderer's engine).
    renderer = get_default_renderer()
    widgets = Path(django.forms.__file__).parent / "templates"
    for path in widgets.rglob("*.html"):
        renderer.get_template(str(path.relative_to(widgets)))
    return len(templates)


class Server(BaseApplication):
    """Gunicorn run from the command: Django's WSGI application loaded once, warm, in the server's own process and
    shared by the workers it forks (preload_app)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from samverkan.wsgi import application

        warm()
        connections.close_all()  # the workers are forked: none may share this process's connection
        return application


class Command(BaseCommand):
    help = (
        "Serve Samverkan with gunicorn, the production server: N worker processes on --bind, the static files "
        "(collected first) served by WhiteNoise, access log to stdout, errors to stderr; SIGTERM stops it "
        "gracefully. Run `samverkan migrate` first, and `samverkan worker` beside it. See README: Production."
    )
    requires_system_checks = []  # checked below, once, with the deployment checks' message when DEBUG is on

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind", default="127.0.0.1:8000", help="address:port, or unix:/path (default: %(default)s)"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="worker processes (default: 2 × cores + 1, at most 9)",
        )
        parser.add_argument("--threads", type=int, default=1, help="threads per worker process (default: 1)")
        parser.add_argument("--no-collectstatic", action="store_true", help="the static files are already collected")

    def handle(self, *args, bind: str, workers: int, threads: int, no_collectstatic: bool, **options) -> None:
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1")
        self.check(display_num_errors=False)
        if settings.DEBUG:
            self.stderr.write(
                "warning: DEBUG is on. In production set DEBUG=false and the variables of README: Production "
                "(`samverkan check --deploy` says what is missing)."
            )
        if not no_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
            self.stderr.write(f"static files: collected in {settings.STATIC_ROOT}")
        connections.close_all()  # the workers are forked: none may share this process's connection
        self.stderr.write(f"serving on {bind}: {workers} worker(s) × {threads} thread(s)")
        Server(
            {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread" if threads > 1 else "sync",
                "timeout": TIMEOUT,
                "graceful_timeout": GRACEFUL_TIMEOUT,
                "keepalive": KEEPALIVE,
                "max_requests": MAX_REQUESTS,
                "max_requests_jitter": MAX_REQUESTS_JITTER,
                "accesslog": "-",
                "errorlog": "-",
                "proc_name": "samverkan",
                "preload_app": True,  # loaded and warmed once (Server.load), before the workers are forked
                "control_socket_disable": True,  # gunicorn's control socket is not used (one per user and machine)
            }
        ).run()
