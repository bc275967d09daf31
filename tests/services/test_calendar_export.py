"""The .ics export of planned follow-ups, parsed back with icalendar and checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from crm_desktop.services.calendar_export import UID_DOMAIN, export_ics
from crm_desktop.services.followup_views import FollowUpFilter, View
from tests.services.test_followup_views import NOW, FollowData, data  # noqa: F401


def events(path: Path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0"
    assert "PRODID" in calendar
    return list(calendar.walk("VEVENT"))


def test_export_of_a_customer(data: FollowData, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "alice.ics"
    with data.ws.db.session() as session:
        made = export_ics(session, path, NOW, customer_id=data.customers["alice"])
    found = events(path)
    assert made == len(found) == 2  # the cancelled one is not exported
    demo, offer = found
    assert str(demo["SUMMARY"]) == "Demo — Alice Smith"
    assert str(demo["UID"]) == f"{data.ids['today_later']}@{UID_DOMAIN}"
    assert demo.decoded("DTSTART") == NOW.replace(hour=16)
    assert demo.decoded("DTEND") - demo.decoded("DTSTART") == dt.timedelta(minutes=30)
    assert [str(c) for c in demo["CATEGORIES"].cats] == ["Meeting"]
    alarm = next(iter(demo.walk("VALARM")))
    assert alarm.decoded("TRIGGER") == dt.timedelta(minutes=-15)
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert not list(offer.walk("VALARM"))


def test_export_of_an_owner_and_of_a_view(data: FollowData, tmp_path: Path) -> None:  # noqa: F811
    with data.ws.db.session() as session:
        assert export_ics(session, tmp_path / "seller.ics", NOW, owner_id=data.seller) == 1
        made = export_ics(session, tmp_path / "today.ics", NOW, flt=FollowUpFilter(View.TODAY))
        assert made == 2
        assert export_ics(session, tmp_path / "done.ics", NOW, flt=FollowUpFilter(View.DONE)) == 0
    assert [str(e["SUMMARY"]) for e in events(tmp_path / "seller.ics")] == [
        "Send offer — Alice Smith"
    ]
    summaries = [str(e["SUMMARY"]) for e in events(tmp_path / "today.ics")]
    assert summaries == ["Morning call — 张三", "Demo — Alice Smith"]
    assert events(tmp_path / "done.ics") == []
    assert not list(tmp_path.glob(".ics-*"))  # no temporary file left behind
