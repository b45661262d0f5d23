"""Running the app on loopback for a bounded time: for tests, the screenshot script and `fracas bench --serve`."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fracas.errors import FracasError

START_TIMEOUT_SECONDS = 20.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(app: Any, *, port: int | None = None) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 in a thread; yield its base URL; stop it on exit."""
    import uvicorn

    port = port or free_port()
    # The pure-Python loop and parser: this server lives in a thread of its host process (a test run, the
    # screenshot script), which may fork afterwards; `fracas serve` itself uses uvloop and httptools.
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           loop="asyncio", http="h11"))
    thread = threading.Thread(target=server.run, name="fracas-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise FracasError(f"the test server on 127.0.0.1:{port} did not start within {START_TIMEOUT_SECONDS} s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_SECONDS)


@contextmanager
def serve_process(store_url: str, *, port: int | None = None, options: tuple[str, ...] = ()) -> Iterator[str]:
    """Run `fracas serve --db STORE_URL` on 127.0.0.1 in a child process (as a user runs it); yield its
    base URL once it answers; stop that process on exit. The load bench measures this server, so that
    the load's own client does not share the server's interpreter."""
    import subprocess
    import sys

    import httpx

    port = port or free_port()
    command = [sys.executable, "-c", "from fracas.interfaces.cli import main; main()",
               "serve", "--db", store_url, "--port", str(port), *options]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS * 3
        while not _answers(httpx, base + "/api/stats?since=2999-01-01"):
            if child.poll() is not None or time.monotonic() > deadline:
                message = child.stderr.read() if child.poll() is not None and child.stderr else ""
                raise FracasError(f"`fracas serve` on 127.0.0.1:{port} did not start: {message.strip()[-500:]}")
            time.sleep(0.2)
        yield base
    finally:
        child.terminate()
        try:
            child.wait(timeout=START_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _answers(httpx: Any, url: str) -> bool:
    try:
        return bool(httpx.get(url, timeout=2.0, trust_env=False).status_code == 200)
    except httpx.HTTPError:
        return False
