from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from samverkan.sources.kolada.models import KpiValue
from samverkan.sources.models import ImportRun

from .conftest import DATA, run


@pytest.fixture
def kolada_api() -> Iterator[str]:
    """The saved pages served over HTTP, their next_page pointing back at this server."""

    class Pages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (DATA / self.path.lstrip("/")).read_bytes().replace(b"http://kolada.test", base.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_it_follows_next_page_when_importing_from_the_api(world, kolada_api):
    url = f"{kolada_api}/kolada_page1.json"
    out, _err = run(url)
    assert out.strip() == "imported: 4 created, 0 updated, 0 skipped"
    values = dict(KpiValue.objects.filter(kpi_id="N07540", year=2023).values_list("region_code", "value"))
    assert values == {"2505": 8920.4, "2506": 9811.0, "25": 10392.7, "00": 13870.5}
    assert ImportRun.objects.get().name == url


def test_it_reads_a_saved_file_as_one_page(world):
    out, _err = run(DATA / "kolada_page1.json")
    assert out.strip() == "imported: 2 created, 0 updated, 0 skipped"
    assert set(KpiValue.objects.values_list("region_code", flat=True)) == {"2505", "2506"}
