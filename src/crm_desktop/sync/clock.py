"""Hybrid logical clock: stamps that order changes across devices whose clocks disagree.

A stamp is wall-clock milliseconds, a counter and the device id, written as sortable text
``MMMMMMMMMMMMMMM.CCCCCC.device``. The clock never goes backwards, and ``observe`` moves it past
any stamp received, so a device with a fast clock cannot win every conflict forever.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:015d}.{self.counter:06d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, device = text.split(".", 2)
        return cls(int(millis), int(counter), device)


class HybridClock:
    def __init__(
        self,
        device: str,
        last: str | None = None,
        wall: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.device = device
        self._wall = wall
        self._lock = threading.Lock()
        stamp = Stamp.parse(last) if last else None
        self._millis = stamp.millis if stamp else 0
        self._counter = stamp.counter if stamp else 0

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            if wall > self._millis:
                self._millis, self._counter = wall, 0
            else:
                self._counter += 1
            return f"{self._millis:015d}.{self._counter:06d}.{self.device}"

    def observe(self, text: str) -> None:
        """Move past a stamp received from another device."""
        other = Stamp.parse(text)
        with self._lock:
            mine = (self._millis, self._counter)
            self._millis, self._counter = max(mine, (other.millis, other.counter))
