"""The preview's port: the one asked for, or the next free one when another program has it."""

from __future__ import annotations

import socket

TRIES = 20  # ports tried after the one asked for


class NoFreePort(Exception):
    """No free port in range, or an address that is no host of this computer (in Dutch)."""


def free_port(host: str, port: int) -> int:
    """The first port from `port` on that a server on `host` can listen on."""
    for candidate in range(port, min(port + TRIES, 65536)):
        if _free(host, candidate):
            return candidate
    raise NoFreePort(f"de poorten {port} tot en met {min(port + TRIES, 65536) - 1} zijn bezet; kies een andere, zoals: make serve PORT=8100")


def _free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as the server will bind (HTTPServer.allow_reuse_address): a port that only lingers
        # after an earlier preview counts as free, one another program listens on does not
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror:
            raise NoFreePort(f"'{host}' is geen adres van deze computer; gebruik bijvoorbeeld 127.0.0.1") from None
        except OSError:
            return False
    return True
