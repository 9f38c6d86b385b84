"""Start the assistant on localhost: the action server and the Rasa server.

``make run`` runs this after training the model when needed.  It starts each service
in order, waits until each answers its readiness check, prints where to talk to the
assistant and stops everything cleanly on Ctrl-C (or when one service dies).

A service is a :class:`Service` (name, command, readiness URL); :func:`services` lists
them, so adding one (a web page, a channel) is one more entry there.

Usage::

    python scripts/serve.py                 # action server :5055 + Rasa REST :5005
    python scripts/serve.py --shell         # action server + `rasa shell` in this terminal
    python scripts/serve.py --rasa-port 5105 --actions-port 5155
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
DEFAULT_RASA_PORT = 5005
DEFAULT_ACTIONS_PORT = 5055
MODEL = ROOT / "models" / "assistant.tar.gz"
# The Rasa server's token for the action server (endpoints.yml): ASSISTANT_ACTION_TOKEN,
# or one made for this run and given to both.
_RUN_ACTION_TOKEN = secrets.token_hex(32)


def action_token() -> str:
    return os.environ.get("ASSISTANT_ACTION_TOKEN") or _RUN_ACTION_TOKEN


def base_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every service: the project on the path, quiet libraries."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    env["ASSISTANT_ACTION_TOKEN"] = action_token()
    env.update(extra or {})
    return env


@dataclass
class Service:
    """A process to run, and the URL that answers HTTP 200 once it is ready."""

    name: str
    argv: list[str]
    ready_url: str
    env: dict[str, str] = field(default_factory=dict)
    ready_timeout: float = 180.0
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    started_at: float = 0.0
    ready_after: float | None = None

    def start(self, log_dir: Path) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{self.name}.log"
        log = open(self.log_path, "wb")  # noqa: SIM115 - the child keeps it
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            self.argv, cwd=ROOT, env=base_env(self.env), stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,  # Ctrl-C goes to us, not them
        )
        log.close()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def is_ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.ready_url, timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait_ready(self, deadline: float) -> bool:
        while time.monotonic() < deadline:
            if not self.alive():
                return False
            if self.is_ready():
                self.ready_after = time.monotonic() - self.started_at
                return True
            time.sleep(0.25)
        return False

    def stop(self, grace: float = 15.0) -> None:
        """SIGTERM to the service's process group, then SIGKILL after ``grace`` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=5)

    def log_tail(self, lines: int = 30) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def endpoints_file(actions_port: int, out_dir: Path, source: Path | None = None) -> Path:
    """An endpoints file (endpoints.yml unless ``source`` is given) pointed at the action
    server's port (a copy when the port is not 5055)."""
    source = source or ROOT / "endpoints.yml"
    if actions_port == DEFAULT_ACTIONS_PORT:
        return source
    text = source.read_text(encoding="utf-8")
    for host in ("127.0.0.1", "localhost"):
        text = text.replace(f"{host}:{DEFAULT_ACTIONS_PORT}/webhook",
                            f"{host}:{actions_port}/webhook")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "endpoints.yml"
    target.write_text(text, encoding="utf-8")
    return target


def action_server(port: int, env: dict[str, str] | None = None) -> Service:
    # rasa_sdk's action server (without loading Rasa itself into the process), on
    # loopback, refusing calls without the token (actions/server.py).
    return Service(
        "actions",
        [str(VENV_BIN / "python"), "-m", "actions.server", "--port", str(port)],
        f"http://{HOST}:{port}/health",
        # Rasa keeps its connections to the action server open for 15 s: the action server
        # must not close them sooner, or a turn may meet a connection just reset.
        env={"SANIC_HOST": HOST, "SANIC_KEEP_ALIVE_TIMEOUT": "75", **(env or {})},
    )


def rasa_server(port: int, endpoints: Path, model: Path = MODEL,
                env: dict[str, str] | None = None) -> Service:
    # No --enable-api: only the channels in credentials.yml (REST) are served.
    return Service(
        "rasa",
        [str(VENV_BIN / "rasa"), "run", "--model", str(model), "--endpoints", str(endpoints),
         "--credentials", str(ROOT / "credentials.yml"), "--interface", HOST, "--port", str(port)],
        f"http://{HOST}:{port}/webhooks/rest/",
        env=env or {},
    )


def services(rasa_port: int = DEFAULT_RASA_PORT, actions_port: int = DEFAULT_ACTIONS_PORT,
             model: Path = MODEL, run_dir: Path | None = None,
             env: dict[str, str] | None = None, endpoints: Path | None = None) -> list[Service]:
    """The services of ``make run``, in start order.

    ``run_dir`` receives generated files (an endpoints file for a non-default action
    port); ``env`` is added to every service's environment; ``endpoints`` replaces
    endpoints.yml.
    """
    run_dir = run_dir or Path(tempfile.mkdtemp(prefix="assistant-run-"))
    endpoints = endpoints_file(actions_port, run_dir, endpoints)
    return [action_server(actions_port, env), rasa_server(rasa_port, endpoints, model, env)]


class Supervisor:
    """Starts services in order, waits for each, and stops them all together."""

    def __init__(self, services: Sequence[Service], log_dir: Path) -> None:
        self.services = list(services)
        self.log_dir = log_dir
        self._stopping = False

    def start(self) -> bool:
        """Start every service; False (with everything stopped) if one fails."""
        for service in self.services:
            print(f"Starting {service.name}: {' '.join(service.argv)}", flush=True)
            service.start(self.log_dir)
            if not service.wait_ready(time.monotonic() + service.ready_timeout):
                print(f"\n{service.name} did not become ready. Last lines of "
                      f"{service.log_path}:\n{service.log_tail()}", file=sys.stderr, flush=True)
                self.stop()
                return False
            print(f"  {service.name} ready after {service.ready_after:.1f} s", flush=True)
        return True

    def stop(self) -> None:
        if self._stopping:
            return
        self._stopping = True
        for service in reversed(self.services):
            service.stop()

    def wait(self) -> int:
        """Block until a signal arrives or a service dies; then stop all."""
        received: list[int] = []

        def on_signal(signum: int, _frame: object) -> None:
            received.append(signum)

        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, on_signal)
        code = 0
        while not received:
            dead = [s for s in self.services if not s.alive()]
            if dead:
                for s in dead:
                    print(f"\n{s.name} stopped unexpectedly. Last lines of {s.log_path}:\n"
                          f"{s.log_tail()}", file=sys.stderr, flush=True)
                code = 1
                break
            time.sleep(0.5)
        print("\nStopping…", flush=True)
        self.stop()
        print("Stopped.", flush=True)
        return code


def banner(rasa_port: int) -> str:
    page = f"http://localhost:{rasa_port}/portal/"
    url = f"http://localhost:{rasa_port}/webhooks/rest/webhook"
    zh = '{"sender": "demo-zh", "message": "谁审批？"}'
    en = ('{"sender": "demo-en", "message": "If we submit on 2026-03-02, when is the decision '
          'due?"}')
    pretty = f"| {VENV_BIN / 'python'} -m json.tool --no-ensure-ascii"
    return "\n".join([
        "",
        "The assistant is running (Ctrl-C stops it).",
        f"  Chat page (upload files, download reports): {page}",
        f"  Mini-program / API: {page}api/v1 (openapi.yaml)",
        f"  REST channel: {url}",
        "  Ask in Chinese:",
        f"    curl -s {url} -H 'Content-Type: application/json' -d '{zh}' {pretty}",
        "  Ask in English:",
        f"    curl -s {url} -H 'Content-Type: application/json' -d '{en}' {pretty}",
        "  In a terminal instead: .venv/bin/python scripts/serve.py --shell",
        "",
    ])


def run_shell(actions_port: int, log_dir: Path) -> int:
    """The action server in the background and `rasa shell` in this terminal."""
    actions = action_server(actions_port)
    supervisor = Supervisor([actions], log_dir)
    if not supervisor.start():
        return 1
    endpoints = endpoints_file(actions_port, log_dir)
    try:
        return subprocess.call(
            [str(VENV_BIN / "rasa"), "shell", "--model", str(MODEL), "--endpoints", str(endpoints),
             "--interface", HOST],
            cwd=ROOT, env=base_env())
    except KeyboardInterrupt:
        return 0
    finally:
        supervisor.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa-port", type=int, default=DEFAULT_RASA_PORT)
    parser.add_argument("--actions-port", type=int, default=DEFAULT_ACTIONS_PORT)
    parser.add_argument("--log-dir", type=Path, default=ROOT / "var" / "log")
    parser.add_argument("--shell", action="store_true",
                        help="talk to the assistant in this terminal (rasa shell)")
    args = parser.parse_args(argv)
    if not MODEL.exists():
        print(f"No model at {MODEL}; run `make train` first.", file=sys.stderr)
        return 1
    if args.shell:
        return run_shell(args.actions_port, args.log_dir)
    supervisor = Supervisor(services(args.rasa_port, args.actions_port, run_dir=args.log_dir),
                            args.log_dir)
    try:
        if not supervisor.start():
            return 1
    except KeyboardInterrupt:
        supervisor.stop()
        return 130
    print(banner(args.rasa_port), flush=True)
    return supervisor.wait()


if __name__ == "__main__":
    sys.exit(main())
