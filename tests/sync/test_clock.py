"""The hybrid logical clock: never backwards, past what it observes, ordered as text."""

from __future__ import annotations

from crm_desktop.sync.clock import HybridClock, Stamp


def test_stamps_increase_even_when_the_wall_clock_stalls_or_goes_back() -> None:
    wall = iter([1000, 1000, 999, 1001])
    clock = HybridClock("device-a", wall=lambda: next(wall))
    stamps = [clock.now() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert [Stamp.parse(s).counter for s in stamps] == [0, 1, 2, 0]


def test_observing_a_fast_device_moves_past_it() -> None:
    slow = HybridClock("device-a", wall=lambda: 1000)
    fast = HybridClock("device-b", wall=lambda: 5000)
    remote = fast.now()
    slow.observe(remote)
    assert slow.now() > remote  # a slow clock orders after what it has seen


def test_resumes_after_the_last_stamp_it_wrote() -> None:
    clock = HybridClock("device-a", last="000000000002000.000007.device-a", wall=lambda: 1000)
    assert Stamp.parse(clock.now()) == Stamp(2000, 8, "device-a")
