"""Client-generated identifiers: random UUIDs, so records made offline never collide."""

from __future__ import annotations

import uuid


def new_id() -> str:
    return str(uuid.uuid4())
