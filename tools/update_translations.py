"""Bring the translation sources up to date with the code, check them, and compile them.

    python tools/update_translations.py           lupdate + check + compile (exit 1 on problems)
    python tools/update_translations.py --check   only check what the .ts files hold now
    python tools/update_translations.py --compile only compile the .ts files into .qm

``pyside6-lupdate`` reads every ``tr()`` of a QObject subclass and every
``QT_TRANSLATE_NOOP("Context", "text")`` / ``QCoreApplication.translate("Context", "text")`` in
src/crm_desktop and merges new strings into translations/crm_desktop_<lang>.ts, keeping the
existing translations and dropping strings that no longer exist. The check then lists every
string without a finished translation and every translation whose placeholders (``{name}``,
``%1``, ``%n``) or accelerator differ from the English source. ``pyside6-lrelease`` compiles the
.ts files into src/crm_desktop/translations/*.qm, which is not committed: ``run.py`` and the
packaging build run this script. Uses only the standard library, so run.py can call it with
the environment's Python before anything else is imported.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "crm_desktop"
TS_DIR = ROOT / "translations"
QM_DIR = SOURCES / "translations"  # where the app (and the packaged build) loads .qm from
LANGUAGES = ("zh_CN", "zh_TW")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}|%(?:\d+|n|L\d+)")
ACCELERATOR = re.compile(r"&(?!&)\S")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def ts_path(language: str) -> Path:
    return TS_DIR / f"crm_desktop_{language}.ts"


def _tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python (``.venv``), else from PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "migrations" not in p.parts)


def run_lupdate(targets: list[Path]) -> None:
    """Merge the strings of the current sources into ``targets`` (created when missing)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as f:
        f.write("\n".join(str(p) for p in source_files()))
        listing = f.name
    try:
        for target in targets:
            language = target.stem.split("_", 2)[-1]
            options = ["-locations", "none", "-no-obsolete", "-source-language", "en"]
            target_options = ["-target-language", language, "-ts", str(target)]
            subprocess.run(  # noqa: S603 - our own tool and paths
                [_tool("pyside6-lupdate"), f"@{listing}", *options, *target_options],
                check=True,
                capture_output=True,
                text=True,
            )
    finally:
        os.unlink(listing)


def read_messages(path: Path) -> Iterator[Message]:
    root = ET.parse(path).getroot()  # noqa: S314 - our own file
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            numerus = message.get("numerus") == "yes" and translation is not None
            text = (
                "|".join(form.text or "" for form in translation.iter("numerusform"))
                if numerus and translation is not None
                else (translation.text or "" if translation is not None else "")
            )
            yield Message(name, message.findtext("source", ""), text, kind != "unfinished")


def problems(path: Path) -> list[str]:
    """Every missing translation and every placeholder or accelerator that does not match."""
    found: list[str] = []
    for message in read_messages(path):
        where = f"{path.name}: [{message.context}] {message.source!r}"
        if not message.finished or not message.translation.strip():
            found.append(f"{where}: no translation")
            continue
        for form in message.translation.split("|"):
            wanted = sorted(PLACEHOLDER.findall(message.source))
            got = sorted(PLACEHOLDER.findall(form))
            if wanted != got:
                found.append(f"{where}: placeholders {got} in the translation, {wanted} in English")
            if bool(ACCELERATOR.search(message.source)) != bool(ACCELERATOR.search(form)):
                found.append(f"{where}: the accelerator (&) is missing or extra")
    return found


def compile_qm(out_dir: Path = QM_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        qm = out_dir / f"crm_desktop_{language}.qm"
        subprocess.run(  # noqa: S603 - our own tool and paths
            [_tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(qm)],
            check=True,
        )
        made.append(qm)
    return made


def main(argv: list[str]) -> int:
    if "--compile" in argv:  # what run.py does before launching: build the .qm, no checks
        compile_qm()
        return 0
    if "--check" not in argv:
        run_lupdate([ts_path(language) for language in LANGUAGES])
    found = [line for language in LANGUAGES for line in problems(ts_path(language))]
    for line in found:
        print(line)
    if "--check" not in argv:
        compile_qm()
    total = sum(1 for _ in read_messages(ts_path(LANGUAGES[0])))
    print(f"{total} strings; {len(found)} problems", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
