"""The suite's patch of pytest-rerunfailures' status sockets (`suite_speed.rerun_status_without_delay`).

Without it every test of an xdist worker waited about 40 ms (Nagle's algorithm against the
controller's delayed ACK): a fresh-clone CI run spent some 90 s of each worker's time there.
"""

from __future__ import annotations

import socket

import pytest_rerunfailures
from suite_speed import rerun_status_without_delay


def test_the_status_sockets_send_at_once_and_still_answer() -> None:
    rerun_status_without_delay()  # conftest did it already; a second call changes nothing
    server = pytest_rerunfailures.ServerStatusDB()
    # the library listens in its server thread; the controller's server is up long before a
    # worker connects, but here the client would race it (refused once in a fresh-clone run)
    server.sock.listen()
    client = pytest_rerunfailures.ClientStatusDB(server.sock_port, server.token)
    try:
        for db in (server, client):
            assert db.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        client.set_test_reruns("tests/x.py::t", 1)
        client.add_test_failure("tests/x.py::t")
        assert client.get_test_reruns("tests/x.py::t") == 1
        assert client.get_test_failures("tests/x.py::t") == 1
    finally:
        client.sock.close()
