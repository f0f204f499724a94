from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from samverkan.demo import DEMO_PASSWORD, demo_load
from samverkan.organisations.models import Municipality, User
from samverkan.worker import worker_thread


class Command(BaseCommand):
    help = (
        "Prepare the database with demo data for Arjeplog and Arvidsjaur, print the logins and serve "
        "(with the worker in a thread)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="Prepare the database and stop.")

    def handle(self, *args, port: int, no_serve: bool, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("database: migrated")
        if not Municipality.objects.exists():
            call_command("load_municipalities", stdout=self.stdout, stderr=self.stderr)
        if User.objects.exists():
            self.stdout.write("demo data: the database already has users; left as it is")
        else:
            logins = demo_load()
            self.stdout.write(f"demo data: loaded. Demo logins (password {DEMO_PASSWORD}):")
            for login in logins:
                self.stdout.write(
                    f"  {login.username:<24} {login.role:<20} {login.organisation} – {login.municipality}"
                )
        if not no_serve:
            if isinstance(task_backends["default"], DatabaseBackend):
                worker_thread()  # the imports and reports' PDFs the demo's pages start run here, in a thread
                self.stdout.write("worker: running in this process")
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
