"""Take the README's screenshots from the demo: `uv run python docs/screenshots.py`.

Loads the demo into a fresh database in a temporary folder, serves it, and photographs in Chromium (Swedish, map
tiles off, so no network is needed): the lägesbild, the coordinator's overview, the citizens' e-service on a phone,
and the agreement. The pictures land in docs/ next to this script.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

DOCS = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("SAMVERKAN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "samverkan-demo"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(data_dir: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "SAMVERKAN_DATA_DIR": data_dir, "MAP_TILE_URL": ""}
    env.pop("DATABASE_URL", None)  # the embedded default, SQLite, in the temporary folder
    server = subprocess.Popen(
        [sys.executable, "-m", "samverkan", "demo", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for second in range(300):
        print(f"\rwaiting for the demo server … {second} s", end="", flush=True)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            print()
            return server
        except OSError:
            time.sleep(1)
    server.kill()
    raise SystemExit("the demo server did not start within 5 minutes")


def log_in(page: Page, username: str) -> None:
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state("load")


def shoot(page: Page, url: str, name: str, full_page: bool = False) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=DOCS / name, full_page=full_page)
    print(f"docs/{name}: {url}")


def main() -> None:
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        server = serve(data_dir, port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                desk = browser.new_context(
                    base_url=f"http://127.0.0.1:{port}", locale="sv-SE", viewport={"width": 1280, "height": 900}
                )
                page = desk.new_page()
                log_in(page, "arjeplog.samordnare")
                shoot(page, "/", "overview.png", full_page=True)
                shoot(page, "/lagesbild/kommun/2506/", "lagesbild.png")
                shoot(page, "/overenskommelser/", "screenshot.png")
                phone = browser.new_context(
                    base_url=f"http://127.0.0.1:{port}",
                    locale="sv-SE",
                    viewport={"width": 390, "height": 844},
                    device_scale_factor=2,
                )
                shoot(phone.new_page(), "/tipsa/kommun/2506/", "e-service.png", full_page=True)
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
