"""Switching the language at run time: every tab's visible texts, state carried over, formats."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crm_desktop.services.workspace import Workspace
from crm_desktop.ui import i18n
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.session import Session

ROOT = Path(__file__).resolve().parents[2]
TABS = range(4)


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qm")
    _tool().compile_qm(folder)
    return folder


@pytest.fixture(scope="module")
def english_sources() -> set[str]:
    """English texts that have a different Chinese translation (so must not show in Chinese)."""
    tool = _tool()
    return {
        m.source
        for m in tool.read_messages(tool.ts_path("zh_CN"))
        if m.translation != m.source and m.context != "Stages"  # stage names are data
    }


@pytest.fixture(autouse=True)
def translations(qm_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "qm_dir", lambda: qm_dir)
    yield
    i18n.reset()


def visible_texts(root: QWidget) -> list[str]:
    """The texts a user sees in ``root``: labels, buttons, fields, combos and table headers."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(widget.count())
                if model is not None and not widget.isSectionHidden(c)
            )
    return [t for t in texts if t]


def untranslated(window: MainWindow, english: set[str], stages: set[str]) -> list[str]:
    shown = visible_texts(window.tabs.currentWidget())
    shown += [window.tabs.tabText(n) for n in TABS]
    shown += [a.text() for a in window.menuBar().actions()]
    return [t for t in shown if t in english and t not in stages]


def _switch(qtbot: QtBot, session: Session, choice: str) -> MainWindow:
    old = session.window
    assert old is not None
    old.set_language(choice)
    qtbot.waitUntil(lambda: session.window is not old)
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    return window


def _show_every_tab(qtbot: QtBot, window: MainWindow) -> None:
    for number in TABS:
        window.tabs.setCurrentIndex(number)
        qtbot.wait(50)


EXPECTED = {
    "zh_CN": {
        "tabs": ["客户(&C)", "跟进(&F)", "商机(&O)", "报表(&R)"],
        "menus": ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"],
        "per_tab": ["名称", "今天", "看板", None],
        "cancel": "取消",
    },
    "zh_TW": {
        "tabs": ["客戶(&C)", "跟進(&F)", "商機(&O)", "報表(&R)"],
        "menus": ["檔案(&F)", "編輯(&E)", "檢視(&V)", "工具(&T)", "說明(&H)"],
        "per_tab": ["名稱", "今天", "看板", None],
        "cancel": "取消",
    },
    "en": {
        "tabs": ["&Customers", "&Follow-ups", "&Opportunities", "&Reports"],
        "menus": ["&File", "&Edit", "&View", "&Tools", "&Help"],
        "per_tab": ["Name", "Today", "Board", None],
        "cancel": "Cancel",
    },
}


def test_language_switches_at_run_time_in_every_tab(
    qtbot: QtBot,
    sample: Workspace,
    settings: QSettings,
    tmp_path: Path,
    english_sources: set[str],
) -> None:
    stages = {stage.name for stage in sample.stages.list()}
    session = Session(settings, tmp_path)
    window = session.start(sample)
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    _show_every_tab(qtbot, window)
    for language in ("zh_CN", "zh_TW", "en"):
        window = _switch(qtbot, session, language)
        expected = EXPECTED[language]
        # the follow-ups tab adds its overdue count: "跟进 (2)(&F)"
        titles = [window.tabs.tabText(n) for n in TABS]
        assert [titles[n] for n in (0, 2, 3)] == [expected["tabs"][n] for n in (0, 2, 3)]
        assert titles[1].startswith(expected["tabs"][1].split("(&")[0].rstrip("&F"))
        menus = [action.text() for action in window.menuBar().actions()]
        assert set(expected["menus"]) <= set(menus)
        for number in TABS:
            window.tabs.setCurrentIndex(number)
            qtbot.wait(50)
            shown = visible_texts(window.tabs.currentWidget())
            wanted = expected["per_tab"][number]
            if wanted is not None:
                page = window.tabs.widget(number)
                qtbot.waitUntil(lambda w=wanted, p=page: w in " ".join(visible_texts(p)))
            if language != "en":
                assert untranslated(window, english_sources, stages) == [], (number, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None and cancel.text().replace("&", "") == expected["cancel"]
    session.shutdown()


def test_the_rebuilt_window_keeps_file_tab_search_and_selection(
    qtbot: QtBot, sample: Workspace, settings: QSettings, tmp_path: Path
) -> None:
    session = Session(settings, tmp_path)
    window = session.start(sample)
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 3)
    window.search.setText("张")
    window.apply_search()
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    window.customers.table.selectRow(0)
    chosen = window.customers.current_id()
    assert chosen is not None
    window.tabs.setCurrentIndex(2)
    new = _switch_with_search(qtbot, session)
    assert session.workspace is sample  # the same open file, no passphrase asked
    assert new.tabs.currentIndex() == 2
    assert new.search.text() == "张"
    qtbot.waitUntil(lambda: new.customers.current_id() == chosen)
    assert new.tabs.tabText(0) == "客户(&C)"
    session.shutdown()


def _switch_with_search(qtbot: QtBot, session: Session) -> MainWindow:
    old = session.window
    assert old is not None
    old.set_language("zh_CN")
    qtbot.waitUntil(lambda: session.window is not old)
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    return window


def test_choosing_the_same_language_keeps_the_window(
    qtbot: QtBot, sample: Workspace, settings: QSettings, tmp_path: Path
) -> None:
    session = Session(settings, tmp_path)
    window = session.start(sample)
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: session.window is not window)
    again = session.window
    assert again is not None
    again.set_language("zh_CN")
    qtbot.wait(50)
    assert session.window is again
    assert settings.value(i18n.LANGUAGE_KEY) == "zh_CN"
    session.shutdown()


def test_settings_dialog_and_view_menu_choose_the_language(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    dialog = window.show_settings()
    assert dialog.language.combo.count() == 1 + len(i18n.LANGUAGES)
    dialog.language.combo.setCurrentIndex(dialog.language.combo.findData("zh_TW"))
    with qtbot.waitSignal(window.language_changed):
        dialog.accept()
    assert settings.value(i18n.LANGUAGE_KEY) == "zh_TW"
    assert i18n.current_language() == "zh_TW"
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    language_menu = next(
        a.menu() for a in view_menu.actions() if a.menu() is not None and "Language" in a.text()
    )
    simplified = next(a for a in language_menu.actions() if a.data() == "zh_CN")
    with qtbot.waitSignal(window.language_changed):
        simplified.trigger()
    assert settings.value(i18n.LANGUAGE_KEY) == "zh_CN"


def test_about_shows_version_and_library_versions(window: MainWindow) -> None:
    from crm_desktop import __version__

    dialog = window.show_about()
    texts = visible_texts(dialog)
    assert any(__version__ in text for text in texts)
    libraries = {
        dialog.libraries.topLevelItem(i).text(0)
        for i in range(dialog.libraries.topLevelItemCount())
    }
    assert {"Qt", "PySide6", "SQLCipher", "SQLAlchemy"} <= libraries
    sqlcipher = dialog.libraries.findItems("SQLCipher", Qt.MatchFlag.MatchExactly)[0]
    assert sqlcipher.text(1).startswith("4.")
    dialog.close()


def test_locale_formats_follow_the_language(qapp: QApplication) -> None:
    i18n.apply_language("zh_CN")
    locale = QLocale()
    assert locale.name() == "zh_CN"
    assert locale.firstDayOfWeek() == Qt.DayOfWeek.Monday
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert locale.toString(1234567) == "1,234,567"
    assert locale.toCurrencyString(1234.5) == "¥1,234.50"
    assert i18n.sort_by_name(["张三", "李四", "阿明", "王五"]) == ["阿明", "李四", "王五", "张三"]
    i18n.apply_language("en")
    assert i18n.sort_by_name(["bob", "Alice", "carol"]) == ["Alice", "bob", "carol"]


def test_chinese_text_gets_a_cjk_font(qapp: QApplication) -> None:
    i18n.apply_language("zh_CN")
    families = qapp.font().families()
    assert families[0] == "Noto Sans CJK SC"
    assert "Noto Sans CJK SC" in QFontDatabase.families()
    i18n.apply_language("zh_TW")
    assert qapp.font().families()[0] == "Noto Sans CJK TC"
    i18n.apply_language("en")
    assert "Noto Sans CJK SC" in qapp.font().families()[1:]  # Chinese names in an English UI


def test_system_language_is_resolved() -> None:
    assert i18n.language_of(QLocale("zh_CN")) == "zh_CN"
    assert i18n.language_of(QLocale("zh_TW")) == "zh_TW"
    assert i18n.language_of(QLocale("zh_HK")) == "zh_TW"
    assert i18n.language_of(QLocale("zh_Hant_HK")) == "zh_TW"
    assert i18n.language_of(QLocale("zh_SG")) == "zh_CN"
    assert i18n.language_of(QLocale("de_DE")) == "en"
    assert i18n.resolve("zh_TW") == "zh_TW"
    assert i18n.resolve("") == i18n.system_language()
