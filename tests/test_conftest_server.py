"""The tests' web server stays quiet when the browser cancels a download (a page that moves on):
no traceback in the output of a run."""

from __future__ import annotations

import socket
import struct
import time
from urllib.parse import urlparse

from conftest import serve_folder


def _cancelled_download(url: str) -> None:
    address = urlparse(url)
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(b"GET /groot.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.recv(1024)
        # Close at once with a reset (SO_LINGER 0), as a browser does with a cancelled download.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def test_a_cancelled_download_prints_nothing(tmp_path, capsys):
    (tmp_path / "groot.bin").write_bytes(b"x" * (32 << 20))
    url, stop = serve_folder(tmp_path)
    try:
        _cancelled_download(url)
        time.sleep(0.5)  # the server's thread notices the reset while it writes
    finally:
        stop()
    assert capsys.readouterr().err == ""
