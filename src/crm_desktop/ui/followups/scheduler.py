"""The reminder scheduler's Qt part: ONE single-shot timer set to the next thing to happen.

``services.reminders`` says when to wake (the next reminder, the next follow-up falling due,
midnight, or a quarter of an hour at most); each wake-up reads the due reminders and the
overdue count, announces reminders not announced before, and sets the timer again. Any change
to follow-ups calls ``recompute()``. Nothing polls: between wake-ups the app does no work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crm_desktop.db.engine import Database
from crm_desktop.services import followup_views, reminders
from crm_desktop.services.reminders import Reminder
from crm_desktop.ui.tasks import Progress, run_task

MAX_TIMER_MS = 2**31 - 1


class ReminderScheduler(QObject):
    """``announce(new reminders, missed)``: reminders to notify about now (missed: they came
    due while the app was closed); ``pending_changed(all due reminders)`` for the list;
    ``overdue_count_changed(int)`` for the status bar and the tab title."""

    announce = Signal(list, bool)
    pending_changed = Signal(list)
    overdue_count_changed = Signal(int)

    def __init__(
        self,
        db: Database,
        owner_id: str | None,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._owner_id = owner_id
        self._clock = clock
        self._announced: set[tuple[str, datetime]] = set()
        self._overdue: int | None = None
        self._counted_at: datetime | None = None
        self._count_generation = 0
        self._full_count_generation = 0
        self._started = False
        self.wakeups = 0
        self.overdue_step = reminders.OVERDUE_STEP
        self.next_wakeup: datetime | None = None
        self.pending: list[Reminder] = []
        self.missed: list[Reminder] = []  # announced at start: due while the app was closed
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self._wake)

    def now(self) -> datetime:
        return self._clock().astimezone()

    def start(self) -> None:
        """At start: announce what was missed while closed, then schedule the next wake-up."""
        self._started = True
        now = self.now()
        with self._db.session() as session:
            missed = reminders.missed_reminders(session, now, self._owner_id)
        self.missed = missed
        self._announced.update((r.id, r.remind_at) for r in missed)
        if missed:
            self.announce.emit(missed, True)
        self.recompute()

    def stop(self) -> None:
        self._started = False
        self.timer.stop()

    def recompute(self, *, changed: bool = True) -> None:
        """Read what is due now and set the one timer again. After a change the overdue
        count is counted afresh; a plain wake-up only adds what fell due since the last."""
        if not self._started:
            return
        now = self.now()
        with self._db.session() as session:
            due = reminders.due_reminders(session, now, self._owner_id)
            wake = reminders.next_wakeup(
                session, now, self._owner_id, overdue_step=self.overdue_step
            )
        fresh = [r for r in due if (r.id, r.remind_at) not in self._announced]
        self._announced = {(r.id, r.remind_at) for r in due}
        self.pending = due
        self.pending_changed.emit(due)
        if fresh:
            self.announce.emit(fresh, False)
        self.next_wakeup = wake
        delay = int((wake - now).total_seconds() * 1000)
        self.timer.start(min(max(delay, 0), MAX_TIMER_MS))
        self._count_overdue(now, fresh=changed or self._counted_at is None)

    def _wake(self) -> None:
        self.wakeups += 1
        self.recompute(changed=False)

    def _count_overdue(self, now: datetime, *, fresh: bool) -> None:
        db, since = self._db, self._counted_at
        self._counted_at = now
        self._count_generation += 1
        generation = self._count_generation

        def work(_progress: Progress) -> tuple[int, int, bool]:
            with db.session() as session:
                if fresh or since is None:
                    return generation, followup_views.overdue_count(session, now), True
                return generation, followup_views.newly_overdue(session, since, now), False

        run_task(work, self._counted)

    def _counted(self, result: tuple[int, int, bool]) -> None:
        generation, number, absolute = result
        if generation < self._full_count_generation:
            return  # already part of a newer full count
        if absolute:
            self._full_count_generation = generation
        count = number if absolute else (self._overdue or 0) + number
        if count != self._overdue:
            self._overdue = count
            self.overdue_count_changed.emit(count)

    @property
    def overdue(self) -> int | None:
        return self._overdue
