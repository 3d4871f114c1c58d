"""Dates as visitors read them, in both languages, for every screen that shows one (the Novokuznetsk section,
the attract slides): one function on QLocale, so a month name or a form is never written twice.

Russian takes the form the seed texts use, with «г.» («26 июля 1941 г.», «октябрь 1942 г.», «1941–1945 гг.»);
English the plain form («26 July 1941», «October 1942», «1941–1945»).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale

NBSP = "\u00a0"


def visitor_locale(code: str) -> QLocale:
    """The visitor's locale for dates and numbers: English for «en», Russian otherwise."""
    if code == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)


def visitor_code() -> str:
    """The language Language made the default («en» or «ru»), for callers that are not given one."""
    return "en" if QLocale().language() == QLocale.Language.English else "ru"


def date_label(date: str, end: str = "", when: str = "", code: str = "ru") -> str:
    """ISO dates ("1941-07-26", "1942-10", "1941") as a visitor reads them: «26 июля 1941 г.», «октябрь 1942 г.»,
    «1942 г.», «1941–1945 гг.», «22 июня 1941 — 8 мая 1945 г.»; with code «en» «26 July 1941», «October 1942».
    `when` is the source's own wording («первый месяц войны»): shown with its year in Russian, replaced by the
    dates in English. A date that is not ISO is shown as it is."""
    if not date:
        return ""
    ru = code != "en"
    loc = visitor_locale(code)
    sp = NBSP if ru else " "  # a Russian date never breaks from its year («18 февраля / 1942 г.»)

    def one(d: str) -> str:
        parts = [int(p) for p in d.split("-")]
        if len(parts) == 3:
            return loc.toString(QDate(*parts), f"d{sp}MMMM{sp}yyyy")
        if len(parts) == 2:
            return f"{loc.standaloneMonthName(parts[1])}{sp}{parts[0]}"
        return str(parts[0])

    def year(text: str, plural: bool = False) -> str:
        return f"{text}{NBSP}{'гг.' if plural else 'г.'}" if ru else text

    try:
        if when and ru:  # English: the dates the editors gave the wording, not Russian words
            if not end or end[:4] == date[:4]:
                return f"{when}, {year(date[:4])}"
            return f"{when}, {year(f'{date[:4]}–{end[:4]}', plural=True)}"
        if not end:
            return year(one(date))
        if len(date) == 4 and len(end) == 4:
            return year(f"{date}–{end}", plural=True)
        return f"{one(date)}{NBSP}— {year(one(end))}"
    except ValueError:
        return date if not end else f"{date}–{end}"
