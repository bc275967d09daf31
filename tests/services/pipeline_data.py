"""Deals for the pipeline tests, made through the services with a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crm_desktop.db.models import Stage
from crm_desktop.services.workspace import Workspace

START = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def stages_by_kind(workspace: Workspace) -> tuple[list[Stage], Stage, Stage]:
    stages = workspace.stages.list()
    open_stages = [s for s in stages if s.kind == "open"]
    won = next(s for s in stages if s.kind == "won")
    lost = next(s for s in stages if s.kind == "lost")
    return open_stages, won, lost
