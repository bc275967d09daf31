"""Benchmark results, the environment they ran in, and the printed and markdown tables."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

HEADERS = ("figure", "value", "floor", "ratio", "target")


@dataclass
class Result:
    figure: str
    value: float | None  # None: not available
    unit: str
    floor: float | None = None
    floor_label: str = "—"
    target: str = "—"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    def cells(self) -> tuple[str, str, str, str, str]:
        value = "not available" if self.value is None else _fmt(self.value, self.unit)
        if self.note:
            value += f" ({self.note})"
        floor = "—" if self.floor is None else f"{_fmt(self.floor, self.unit)} {self.floor_label}"
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}"
        return self.figure, value, floor, ratio, self.target


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "/s":
        return f"{value:,.0f} /s"
    return f"{value:,.3g} {unit}".strip()


def environment(files: list[Path]) -> list[str]:
    lines = [
        f"python {sys.version.split()[0]} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}",
        f"CPUs: {os.cpu_count()}, load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]
    try:
        import sqlcipher3

        lines.append(f"SQLite {sqlcipher3.sqlite_version}")
    except ImportError:  # pragma: no cover - a dependency of the app
        pass
    for path in files:
        if path.exists():
            lines.append(f"{path.name}: {path.stat().st_size / 2**20:,.1f} MiB")
    return lines


def table(results: list[Result]) -> str:
    rows = [HEADERS, *(r.cells() for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(title: str, env: list[str], results: list[Result]) -> str:
    out = [f"# {title}", "", *(f"- {line}" for line in env), ""]
    out.append("| " + " | ".join(HEADERS) + " |")
    out.append("|" + "---|" * len(HEADERS))
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in r.cells()) + " |" for r in results]
    return "\n".join(out) + "\n"
