"""Ids are valid version-7 UUIDs, unique, and ordered by creation time."""

from __future__ import annotations

import time
import uuid

from crm_desktop.domain.ids import new_id


def test_ids_are_uuid7_unique_and_time_ordered() -> None:
    first = [new_id() for _ in range(1000)]
    time.sleep(0.002)
    later = new_id()
    assert len(set(first)) == 1000
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in first)
    assert max(first) < later
