"""scripts/serve.py: the supervisor behind `make run`, and what it prints."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

from scripts import serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_service(name: str, port: int, delay: float = 0.0) -> serve.Service:
    code = (f"import time, http.server; time.sleep({delay}); "
            f"http.server.HTTPServer(('127.0.0.1', {port}), "
            f"http.server.SimpleHTTPRequestHandler).serve_forever()")
    return serve.Service(name, [sys.executable, "-c", code], f"http://127.0.0.1:{port}/",
                         ready_timeout=20)


def test_services_start_in_order_and_stop_together(tmp_path: Path) -> None:
    first, second = http_service("one", free_port()), http_service("two", free_port(), 0.5)
    supervisor = serve.Supervisor([first, second], tmp_path)
    assert supervisor.start()
    assert first.alive() and second.alive()
    assert second.ready_after is not None and second.ready_after >= 0.5
    supervisor.stop()
    assert not first.alive() and not second.alive()


def test_a_service_that_dies_stops_the_others(tmp_path: Path) -> None:
    ok = http_service("ok", free_port())
    broken = serve.Service("broken", [sys.executable, "-c", "print('boom'); raise SystemExit(3)"],
                           f"http://127.0.0.1:{free_port()}/", ready_timeout=10)
    supervisor = serve.Supervisor([ok, broken], tmp_path)
    started = time.monotonic()
    assert not supervisor.start()
    assert time.monotonic() - started < 10
    assert not ok.alive()
    assert "boom" in broken.log_tail()


def test_the_stack_is_bound_to_localhost_without_the_http_api(tmp_path: Path) -> None:
    actions, rasa = serve.services(5105, 5155, run_dir=tmp_path)
    assert actions.env["SANIC_HOST"] == "127.0.0.1"
    assert "--enable-api" not in rasa.argv
    assert rasa.argv[rasa.argv.index("--interface") + 1] == "127.0.0.1"
    endpoints = Path(rasa.argv[rasa.argv.index("--endpoints") + 1])
    assert "127.0.0.1:5155/webhook" in endpoints.read_text()
    assert rasa.ready_url.endswith(":5105/webhooks/rest/")


def test_the_banner_has_a_chinese_and_an_english_curl_example() -> None:
    text = serve.banner(5005)
    assert "http://localhost:5005/webhooks/rest/webhook" in text
    curls = [line for line in text.splitlines() if line.strip().startswith("curl")]
    assert len(curls) == 2
    assert any("谁审批" in c for c in curls) and any("decision" in c for c in curls)
