"""The window's language: which one applies, loading its translators, locale and fonts.

The choice is stored in the settings (``ui/language``): empty for "follow the system", else
one of ``LANGUAGES``. Applying a language installs our compiled translation and Qt's own
``qtbase_`` one (so standard dialogs and buttons match), makes its ``QLocale`` the default
(dates, times, numbers, money and the first day of the week in calendars follow it) and puts a
CJK font of the platform in the application font's family list, so Chinese text renders with
a proper face in any language.

Switching at run time: widgets set their texts with ``tr()`` in their constructors, across
dozens of modules; teaching each one a ``retranslateUi`` would be invasive and easy to get
wrong as tabs keep changing. Instead the session builds the main window again on the same
open database (``Session.rebuild_window``), carrying over the current tab, the search text
and the selected customer (``WindowState``). That costs about what opening the window costs,
the database stays open, and every text is translated by the same code path as at start.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCollator,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
    qWarning,
)
from PySide6.QtGui import QActionGroup, QFont, QGuiApplication
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from crm_desktop.ui.main_window import MainWindow

LANGUAGE_KEY = "ui/language"
SYSTEM = ""  # the stored choice meaning "follow the operating system"
ENGLISH, SIMPLIFIED, TRADITIONAL = "en", "zh_CN", "zh_TW"
# Each language's name in itself: a user who cannot read the current one still finds theirs.
LANGUAGES: dict[str, str] = {ENGLISH: "English", SIMPLIFIED: "简体中文", TRADITIONAL: "繁體中文"}
TRADITIONAL_TERRITORIES = (
    QLocale.Country.Taiwan,
    QLocale.Country.HongKong,
    QLocale.Country.Macao,
)
# Chinese faces shipped with each desktop; Qt falls back through this list per character.
CJK_FONTS: dict[str, dict[str, list[str]]] = {
    "win32": {
        SIMPLIFIED: ["Microsoft YaHei UI", "Microsoft YaHei"],
        TRADITIONAL: ["Microsoft JhengHei UI", "Microsoft JhengHei"],
    },
    "darwin": {SIMPLIFIED: ["PingFang SC"], TRADITIONAL: ["PingFang TC"]},
    "linux": {SIMPLIFIED: ["Noto Sans CJK SC"], TRADITIONAL: ["Noto Sans CJK TC"]},
}

_installed: list[QTranslator] = []
_base_font: QFont | None = None


def qm_dir() -> Path:
    """Where the compiled translations live: built by ``tools/update_translations.py``."""
    return Path(__file__).resolve().parent.parent / "translations"


def stored_choice(settings: QSettings) -> str:
    value = settings.value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def language_of(locale: QLocale) -> str:
    """The language of ours that fits ``locale`` best (English for any we do not have)."""
    if locale.language() != QLocale.Language.Chinese:
        return ENGLISH
    if (
        locale.script() == QLocale.Script.TraditionalHanScript
        or locale.territory() in TRADITIONAL_TERRITORIES
    ):
        return TRADITIONAL
    return SIMPLIFIED


def system_language() -> str:
    """The first of the user's preferred UI languages that we have (macOS and Windows keep
    the UI languages apart from the region's formats), else that of the system locale."""
    for name in QLocale.system().uiLanguages():
        preferred = QLocale(name)
        if preferred.language() in (QLocale.Language.Chinese, QLocale.Language.English):
            return language_of(preferred)
    return language_of(QLocale.system())


def resolve(choice: str) -> str:
    """The language a stored choice means on this computer."""
    return choice if choice in LANGUAGES else system_language()


def locale_for(language: str) -> QLocale:
    """The system's locale when it speaks ``language`` (keeping e.g. en_GB dates), else the
    language's own."""
    system = QLocale.system()
    if language_of(system) == language and system.language() != QLocale.Language.C:
        return system  # the "C" locale of a bare environment is nobody's: use en_US
    return QLocale({ENGLISH: "en_US", SIMPLIFIED: "zh_CN", TRADITIONAL: "zh_TW"}[language])


def current_language() -> str:
    return language_of(QLocale())


def apply_language(language: str) -> None:
    """Install ``language``'s translators, default locale and fonts in the running app."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("apply_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    if language != ENGLISH:
        ours = QTranslator(app)
        if ours.load(f"crm_desktop_{language}", str(qm_dir())):
            _installed.append(ours)
        else:  # a build without its compiled translations: say so (the smoke test looks)
            qWarning(f"CRM Desktop: no {language} translation in {qm_dir()}")
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    if isinstance(app, QGuiApplication):
        _apply_font(app, language)


def _apply_font(app: QGuiApplication, language: str) -> None:
    """The platform's UI face first, then its CJK face (for Chinese UIs the CJK face first)."""
    global _base_font  # noqa: PLW0603 - the app's own font, remembered before the first change
    if _base_font is None:
        _base_font = QFont(app.font())
    platform = "win32" if sys.platform == "win32" else sys.platform
    fonts = CJK_FONTS.get(platform, CJK_FONTS["linux"])
    cjk = fonts[TRADITIONAL if language == TRADITIONAL else SIMPLIFIED]
    base = _base_font.families() or [_base_font.family()]
    font = QFont(_base_font)
    font.setFamilies(cjk + base if language != ENGLISH else base + cjk)
    app.setFont(font)


def reset() -> None:
    """Back to the state before ``apply_language``: no translators, the system's locale and
    the original font (for tests)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    if isinstance(app, QGuiApplication) and _base_font is not None:
        app.setFont(_base_font)


def install(settings: QSettings) -> str:
    """At start: apply the stored (or the system's) language; returns it."""
    language = resolve(stored_choice(settings))
    apply_language(language)
    return language


def choose(settings: QSettings, choice: str) -> bool:
    """Store the user's choice and apply it; True when the language actually changed."""
    settings.setValue(LANGUAGE_KEY, choice)
    language = resolve(choice)
    if language == current_language() and _installed_matches(language):
        return False
    apply_language(language)
    return True


def _installed_matches(language: str) -> bool:
    return (language == ENGLISH) == (not _installed)


def name_collator() -> QCollator:
    """Sorts names the current language's way: by pinyin for Simplified Chinese, by stroke
    count for Traditional, alphabetically for English (ICU's rules through QCollator)."""
    collator = QCollator(QLocale())
    collator.setNumericMode(True)
    return collator


def sort_by_name(names: list[str]) -> list[str]:
    return sorted(names, key=name_collator().sortKey)


@dataclass(frozen=True)
class WindowState:
    """What the user is looking at, carried from the old window into the rebuilt one."""

    tab: int
    search: str
    customer_id: str | None

    @classmethod
    def of(cls, window: MainWindow) -> WindowState:
        return cls(window.tabs.currentIndex(), window.search.text(), window.customers.current_id())

    def restore(self, window: MainWindow) -> None:
        if self.search:
            window.search.setText(self.search)
            window.apply_search()
        if self.customer_id is not None:
            _select_when_shown(window, self.customer_id, 2 if self.search else 1)
        window.tabs.setCurrentIndex(self.tab)


SELECT_SCAN_ROWS = 1000  # the selected customer is looked for among the first loaded rows


def _select_when_shown(window: MainWindow, customer_id: str, pages: int) -> None:
    """Select ``customer_id`` in the customer list once its first rows are on screen."""
    tab = window.customers
    model = tab.model

    attempts = [pages]  # the unfiltered first page, then the page of a carried-over search

    def select() -> None:
        attempts[0] -= 1
        for row in range(min(model.rowCount(), SELECT_SCAN_ROWS)):
            if model.record_id(row) == customer_id:
                index = model.index(row, 0)
                tab.table.setCurrentIndex(index)
                tab.table.scrollTo(index)
                attempts[0] = 0
                break
        if attempts[0] <= 0:
            model.rows_shown.disconnect(select)

    model.rows_shown.connect(select)


def language_menu(window: MainWindow, settings: QSettings) -> QMenu:
    """View → Language: the system's language or one of ours, checked as stored."""
    menu = QMenu(QCoreApplication.translate("MainWindow", "&Language"), window)
    group = QActionGroup(menu)
    stored = stored_choice(settings)
    system = QCoreApplication.translate("MainWindow", "System language ({language})").format(
        language=LANGUAGES[resolve(SYSTEM)]
    )
    for code, label in [(SYSTEM, system), *LANGUAGES.items()]:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(code == stored)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
    return menu
