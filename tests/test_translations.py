"""The translations are complete for every source string, keep placeholders and compile.

The check merges the current sources into copies of the committed .ts files, so a string added
anywhere in src/ without a Chinese translation fails here. Fix: run
``python tools/update_translations.py`` and translate what it lists.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tokenize
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


tool = _tool()


def test_every_source_string_has_a_checked_translation(tmp_path: Path) -> None:
    copies = []
    for language in tool.LANGUAGES:
        copy = tmp_path / tool.ts_path(language).name
        shutil.copyfile(tool.ts_path(language), copy)
        copies.append(copy)
    tool.run_lupdate(copies)
    found = [line for copy in copies for line in tool.problems(copy)]
    assert found == [], "run `python tools/update_translations.py`:\n" + "\n".join(found)
    messages = list(tool.read_messages(copies[0]))
    assert len(messages) > 600
    # lupdate names the context after the class around ``self.tr(``; an alias such as
    # ``tr = self.tr`` gives an empty context that no translation lookup ever uses
    assert [m.source for m in messages if not m.context] == []


BROKEN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Demo</name>
    <message><source>Not translated</source><translation type="unfinished"></translation></message>
    <message><source>Hello {name}</source><translation>你好 {nom}</translation></message>
    <message><source>%1 of %2</source><translation>%1</translation></message>
    <message><source>&amp;File</source><translation>文件</translation></message>
    <message><source>{count} rows</source><translation>{count} 行</translation></message>
    <message><source>&amp;Edit</source><translation>编辑(&amp;E)</translation></message>
    <message numerus="yes"><source>%n deals</source>
        <translation><numerusform>%n 个商机</numerusform></translation></message>
</context>
</TS>
"""


def test_the_check_finds_missing_translations_placeholders_and_accelerators(
    tmp_path: Path,
) -> None:
    path = tmp_path / "crm_desktop_zh_CN.ts"
    path.write_text(BROKEN_TS, encoding="utf-8")
    found = tool.problems(path)
    assert len(found) == 4, found
    assert "'Not translated': no translation" in found[0]
    assert "'Hello {name}': placeholders ['{nom}']" in found[1]
    assert "'%1 of %2': placeholders ['%1']" in found[2]
    assert "'&File': the accelerator" in found[3]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh_CN", {"&File": "文件(&F)", "&Customers": "客户(&C)", "&Reports": "报表(&R)"}),
        ("zh_TW", {"&File": "檔案(&F)", "&Customers": "客戶(&C)", "&Reports": "報表(&R)"}),
    ],
)
def test_compiled_translations_load(
    qapp: QCoreApplication, tmp_path: Path, language: str, expected: dict[str, str]
) -> None:
    tool.compile_qm(tmp_path)
    translator = QTranslator()
    assert translator.load(f"crm_desktop_{language}", str(tmp_path))
    for source, text in expected.items():
        assert translator.translate("MainWindow", source) == text
    plural = "“{stage}” holds %n opportunity(s). Move them to:"
    assert "{stage}" in translator.translate("StagesDialog", plural, None, 3)


def test_taiwan_translation_uses_taiwan_terms() -> None:
    """zh_TW is written for Taiwan, not converted character by character from zh_CN."""
    messages = tool.read_messages(tool.ts_path("zh_TW"))
    texts = {(m.context, m.source): m.translation for m in messages}
    assert texts[("MainWindow", "&Settings…")] == "設定(&S)…"
    assert texts[("MainWindow", "&Open database…")] == "開啟資料庫(&O)…"
    assert texts[("PreviewPage", "Row")] == "列"  # a row is 行 in zh_CN, 列 in zh_TW
    assert texts[("PreviewPage", "Column")] == "欄"
    simplified = re.compile("[设数据库导户]|文件")
    assert not [text for text in texts.values() if simplified.search(text)]


def test_no_translated_call_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a tr() there is never translated."""
    found = []
    for path in sorted((ROOT / "src" / "crm_desktop").rglob("*.py")):
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                if (
                    token.type == tokenize.STRING
                    and re.match(r"^[rbuRBU]*[fF]", token.string)
                    and re.search(r"\btr\(|translate\(", token.string)
                ):
                    found.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert found == []
