"""Client-generated identifiers: time-ordered random UUIDs (version 7, RFC 9562).

Made on the client, so records created offline never collide; time-ordered, so new rows land
at the end of every index on an id (fast bulk inserts, and the change journal's ids sort
roughly by creation).
"""

from __future__ import annotations

import os
import time

_VERSION_MASK = ~(0xF << 76) & ~(0x3 << 62)
_VERSION_BITS = (0x7 << 76) | (0x2 << 62)  # version 7, RFC 4122 variant


def new_id() -> str:
    millis = time.time_ns() // 1_000_000
    value = ((millis & 0xFFFF_FFFF_FFFF) << 80 | int.from_bytes(os.urandom(10))) & _VERSION_MASK
    h = f"{value | _VERSION_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
