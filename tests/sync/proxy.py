"""A small TCP proxy in front of PostgreSQL that cuts the link at a chosen moment."""

from __future__ import annotations

import contextlib
import socket
import threading


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to the server. ``arm(mode)`` cuts the next reply:

    - ``"after_commit"``: holds back the server's reply and drops the link when the reply is
      complete (ReadyForQuery seen), so the statement has committed but the client never hears;
    - ``"mid_reply"``: forwards ``after_bytes`` of the reply, then drops the link;
    - ``"refuse"``: new connections are closed at once (server unreachable).
    """

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.mode: str | None = None
        self.after_bytes = 0
        self.armed_on_send = False
        self.cuts = 0
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, mode: str | None, after_bytes: int = 0) -> None:
        with self._lock:
            self.mode, self.after_bytes = mode, after_bytes

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                client.close()
                continue
            server = socket.create_connection(self.target)
            state = {"armed": False, "sent": 0, "held": b""}
            threading.Thread(
                target=self._pipe, args=(client, server, state, True), daemon=True
            ).start()
            threading.Thread(
                target=self._pipe, args=(server, client, state, False), daemon=True
            ).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, state: dict, upstream: bool) -> None:  # type: ignore[type-arg]
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if upstream:
                    with self._lock:
                        # a query from the client arms the cut for its reply
                        if self.mode in ("after_commit", "mid_reply") and data[:1] in (b"Q", b"P"):
                            state["armed"] = True
                            state["mode"] = self.mode
                            state["after"] = self.after_bytes
                            self.mode = None
                    dst.sendall(data)
                    continue
                if state.get("armed"):
                    if state["mode"] == "after_commit":
                        state["held"] += data
                        if b"Z\x00\x00\x00\x05" in state["held"][-6:]:
                            self._cut(src, dst)
                            return
                        continue
                    room = state["after"] - state["sent"]
                    if len(data) >= room:
                        dst.sendall(data[: max(room, 0)])
                        self._cut(src, dst)
                        return
                    state["sent"] += len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.close()

    def _cut(self, a: socket.socket, b: socket.socket) -> None:
        self.cuts += 1
        for s in (a, b):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()
