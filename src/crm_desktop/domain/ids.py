"""Client-generated identifiers: time-ordered random UUIDs (version 7, RFC 9562).

Made on the client, so records created offline never collide; time-ordered, so new rows land
at the end of every index on an id (fast bulk inserts, and the change journal's ids sort
roughly by creation).
"""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & 0xFFFF_FFFF_FFFF) << 80 | rand
    value = (value & ~(0xF << 76)) | (0x7 << 76)  # version 7
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))
