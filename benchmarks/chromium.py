"""What the benchmarks that drive headless Chromium share: its flags and a free port for the
app (timing.py has the median and 95th percentile)."""

from __future__ import annotations

import socket

# Chromium's background services try to reach outside hosts; none are needed or allowed here.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1600,1200",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
