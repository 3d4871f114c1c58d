"""`kiosk-db stats`: the visit statistics of one or several kiosks as text, JSON, a workbook with native Excel
charts, or one offline HTML page with inline SVG charts (no scripts, nothing fetched).

The numbers come from kiosk.data.stats.summary; this module only lays them out. (pygal, the charting library
we looked at for the HTML, always writes a <script> element into its SVG, so the page's few bar charts are drawn
here.)
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.data.stats.summary import FLAGS, CityLine, Summary

if TYPE_CHECKING:  # openpyxl is read only when a workbook is written
    from openpyxl.worksheet.worksheet import Worksheet

FLAG_LABELS = {
    "opened_city": "открыли страницу города",
    "opened_section": "открыли раздел о Новокузнецке",
    "map": "открыли карту",
    "english": "переключили на английский",
    "large_text": "включили крупный текст «Aa»",
    "from_slideshow": "начали с заставки",
    "searched": "искали",
}
SCREEN_LABELS = {
    "cities": "Список городов",
    "city": "Страница города",
    "map": "Карта",
    "nk_home": "Новокузнецк: начало раздела",
    "nk_chapter": "Новокузнецк: глава",
    "nk_timeline": "Новокузнецк: хроника",
    "nk_people": "Новокузнецк: люди",
    "nk_figures": "Новокузнецк: цифры",
    "nk_awards": "Новокузнецк: награды",
    "nk_sources": "Новокузнецк: источники",
}

# Other features' record(kind): the kinds known today; a new kind shows as it is named until added here.
EVENT_LABELS = {"speech": "чтение вслух", "quiz": "викторина"}


def duration(seconds: int) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m} мин {s:02d} с" if m else f"{s} с"


def percent(x: float) -> str:
    return f"{x * 100:.0f} %"


def _period(s: Summary) -> str:
    return f"{s.date_from} — {s.date_to}" if s.date_from else "нет посещений"


# ---- text and JSON -----------------------------------------------------------------------------------------


def to_json(s: Summary) -> str:
    return json.dumps(s.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _city_rows(cities: list[CityLine]) -> list[str]:
    return [f"  {c.name:<28} {c.opens:>6} откр. {duration(c.seconds):>14}" for c in cities] or ["  —"]


def to_text(s: Summary) -> str:
    out = [
        f"Статистика посещений: {_period(s)}; киосков: {s.kiosks}",
        f"Посещений: {s.visits}; длительность: медиана {duration(s.median_s)}, 90-й процентиль {duration(s.p90_s)},"
        f" в среднем {duration(s.mean_s)}",
        "",
        "Доля посещений, в которых…",
    ]
    out += [f"  {FLAG_LABELS[f]:<34} {s.flags[f]:>6}  {percent(s.share(f)):>6}" for f in FLAGS]
    out += ["", f"Поиски: {s.searches}, из них ничего не нашли: {s.searches_empty}", ""]
    out += ["Посещения по дням:"] + ([f"  {day}  {n:>6}" for day, n in s.per_day] or ["  —"])
    out += ["", "Посещения по часам (местное время киоска):"]
    out += [f"  {h:02d}:00  {n:>6}" for h, n in enumerate(s.per_hour) if n]
    out += ["", "Чаще всего открывали:", *_city_rows(s.top_by_opens)]
    out += ["", "Дольше всего читали:", *_city_rows(s.top_by_reading)]
    out += ["", "Реже всего открывали:", *_city_rows(s.least_opened)]
    out += ["", "Экраны:"] + [f"  {SCREEN_LABELS.get(k, k):<34} {n:>6}" for k, n in s.screens.items()]
    out += ["", "Главы раздела о Новокузнецке:"] + ([f"  {c:<34} {n:>6}" for c, n in s.chapters] or ["  —"])
    out += ["", "Карточки раздела:"] + ([f"  {c:<34} {n:>6}" for c, n in s.cards] or ["  —"])
    if s.events:
        out += ["", "Другое:"] + [f"  {EVENT_LABELS.get(k, k):<34} {n:>6}" for k, n in s.events.items()]
    out += [f"({line})" for line in s.skipped]
    return "\n".join(out) + "\n"


# ---- HTML with inline SVG ----------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em}
body{color:#1d1f21;background:#fbfaf7}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #9b1c1c}
table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left}td.n{text-align:right}
.figures{display:flex;gap:2em;flex-wrap:wrap}.figure b{display:block;font-size:2em;color:#9b1c1c}
svg text{font:12px system-ui,sans-serif;fill:#333}
"""


def svg_columns(
    labels: Sequence[str], values: Sequence[float], *, width: int = 1000, height: int = 240, every: int = 1
) -> str:
    """A column chart: one bar per label, the value above it; every `every`-th label is written below."""
    n = max(1, len(values))
    top = max(values, default=0) or 1
    left, bottom, plot_h = 10, 40, height - 60
    step = (width - left * 2) / n
    bar = max(1.0, step * 0.7)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for i, (label, v) in enumerate(zip(labels, values)):
        h = plot_h * v / top
        x = left + i * step + (step - bar) / 2
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="#9b1c1c"/>')
        if v and n <= 40:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{v:g}</text>')
        if i % every == 0:
            ly = height - bottom + 16
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{ly}" text-anchor="middle">{html.escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" stroke="#999"/>')
    parts.append("</svg>")
    return "".join(parts)


def svg_bars(rows: Sequence[tuple[str, float, str]], *, width: int = 1000, label_w: int = 300) -> str:
    """A bar chart across: (label, value, the value as written) per row, longest bar = the largest value."""
    top = max((v for _l, v, _t in rows), default=0) or 1
    row_h = 26
    height = row_h * max(1, len(rows)) + 10
    plot_w = width - label_w - 110
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for i, (label, v, shown) in enumerate(rows):
        y = 5 + i * row_h
        w = plot_w * v / top
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="#b8860b"/>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 17}">{html.escape(shown)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(head: list[str], rows: list[list[object]]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{v}</td>' if isinstance(v, (int, float)) else f"<td>{html.escape(str(v))}</td>" for v in r
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><tr>{th}</tr>{body}</table>"


def to_html(s: Summary) -> str:
    days = [d for d, _n in s.per_day]
    every = max(1, len(days) // 15)
    figures = [
        ("посещений", str(s.visits)),
        ("медиана длительности", duration(s.median_s)),
        ("90-й процентиль", duration(s.p90_s)),
        ("поисков без результата", f"{s.searches_empty} из {s.searches}"),
        ("начали с заставки", percent(s.share("from_slideshow"))),
    ]
    city_rows = [[c.name, c.opens, duration(c.seconds)] for c in s.top_by_opens]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ru"><head><meta charset="utf-8">',
        "<title>Статистика посещений киоска</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Статистика посещений киоска «Города трудовой доблести»</h1>",
        f"<p>{html.escape(_period(s))}; киосков: {s.kiosks}. Время — местное время киоска.</p>",
        '<div class="figures">'
        + "".join(f'<div class="figure"><b>{html.escape(v)}</b>{html.escape(k)}</div>' for k, v in figures)
        + "</div>",
        "<h2>Посещения по дням</h2>",
        svg_columns([d[5:] for d in days], [n for _d, n in s.per_day], every=every),
        "<h2>Посещения по часам</h2>",
        svg_columns([f"{h:02d}" for h in range(24)], s.per_hour),
        "<h2>Доля посещений, в которых…</h2>",
        svg_bars([(FLAG_LABELS[f], s.share(f) * 100, percent(s.share(f))) for f in FLAGS]),
        "<h2>Чаще всего открывали</h2>",
        svg_bars([(c.name, c.opens, str(c.opens)) for c in s.top_by_opens]),
        _table(["Город", "Открытий", "Читали"], city_rows),
        "<h2>Дольше всего читали</h2>",
        svg_bars([(c.name, c.seconds, duration(c.seconds)) for c in s.top_by_reading]),
        "<h2>Реже всего открывали</h2>",
        _table(["Город", "Открытий", "Читали"], [[c.name, c.opens, duration(c.seconds)] for c in s.least_opened]),
        "<h2>Экраны</h2>",
        svg_bars([(SCREEN_LABELS.get(k, k), n, str(n)) for k, n in s.screens.items()]),
        "<h2>Раздел о Новокузнецке: главы</h2>",
        svg_bars([(c, n, str(n)) for c, n in s.chapters]) if s.chapters else "<p>—</p>",
        "<h2>Раздел о Новокузнецке: карточки</h2>",
        _table(["Карточка", "Открытий"], [[c, n] for c, n in s.cards]) if s.cards else "<p>—</p>",
    ]
    if s.events:
        events = [[EVENT_LABELS.get(k, k), n] for k, n in s.events.items()]
        parts += ["<h2>Другое</h2>", _table(["Событие", "Раз"], events)]
    if s.skipped:
        parts += ["<p>" + "<br>".join(html.escape(x) for x in s.skipped) + "</p>"]
    parts.append("</body></html>\n")
    return "\n".join(parts)


# ---- workbook with native charts ---------------------------------------------------------------------------


def write_xlsx(s: Summary, out: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Сводка"
    rows: list[list[object]] = [
        ["Период", _period(s)],
        ["Киосков", s.kiosks],
        ["Посещений", s.visits],
        ["Медиана длительности, с", s.median_s],
        ["90-й процентиль, с", s.p90_s],
        ["Средняя длительность, с", s.mean_s],
        ["Поисков", s.searches],
        ["Поисков без результата", s.searches_empty],
        [],
        ["Доля посещений, в которых…", "Посещений", "Доля"],
    ]
    rows += [[FLAG_LABELS[f], s.flags[f], round(s.share(f), 4)] for f in FLAGS]
    for r in rows:
        ws.append(r)
    first = 11
    for row in ws.iter_rows(min_row=first, max_row=first + len(FLAGS) - 1, min_col=3, max_col=3):
        row[0].number_format = "0%"
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 24
    _bar(ws, "Доля посещений", first, len(FLAGS), 1, 3, "E2", horizontal=True, percent=True)

    def sheet(
        title: str,
        head: Sequence[str],
        data: Sequence[Sequence[object]],
        chart_title: str,
        value_col: int = 2,
        horizontal: bool = True,
    ) -> Worksheet:
        w = wb.create_sheet(title)
        w.append(head)
        for r in data:
            w.append(r)
        w.column_dimensions["A"].width = 30
        if data:
            _bar(w, chart_title, 2, len(data), 1, value_col, "E2", horizontal=horizontal)
        return w

    sheet("По дням", ["День", "Посещений"], [[d, n] for d, n in s.per_day], "Посещения по дням", horizontal=False)
    hours = [[f"{h:02d}", n] for h, n in enumerate(s.per_hour)]
    sheet("По часам", ["Час", "Посещений"], hours, "Посещения по часам", horizontal=False)
    sheet(
        "Города",
        ["Город", "Открытий", "Читали, с"],
        [[c.name, c.opens, c.seconds] for c in s.top_by_opens],
        "Чаще всего открывали",
    )
    sheet(
        "Чтение",
        ["Город", "Открытий", "Читали, с"],
        [[c.name, c.opens, c.seconds] for c in s.top_by_reading],
        "Дольше всего читали, с",
        value_col=3,
    )
    sheet(
        "Реже всего",
        ["Город", "Открытий", "Читали, с"],
        [[c.name, c.opens, c.seconds] for c in s.least_opened],
        "Реже всего открывали",
    )
    sheet("Экраны", ["Экран", "Открытий"], [[SCREEN_LABELS.get(k, k), n] for k, n in s.screens.items()], "Экраны")
    sheet("Главы", ["Глава", "Открытий"], [[c, n] for c, n in s.chapters], "Главы раздела о Новокузнецке")
    sheet("Карточки", ["Карточка", "Открытий"], [[c, n] for c, n in s.cards], "Карточки раздела о Новокузнецке")
    if s.events:
        sheet("Другое", ["Событие", "Раз"], [[EVENT_LABELS.get(k, k), n] for k, n in s.events.items()], "Другое")
    for w in wb.worksheets:  # each sheet prints (and converts to PDF) as one landscape page, chart beside table
        w.page_setup.orientation = "landscape"
        w.sheet_properties.pageSetUpPr.fitToPage = True
        w.page_setup.fitToWidth = 1
        w.page_setup.fitToHeight = 1
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _bar(
    ws: Worksheet,
    title: str,
    first_row: int,
    n: int,
    label_col: int,
    value_col: int,
    anchor: str,
    *,
    horizontal: bool = False,
    percent: bool = False,
) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.legend = None
    chart.height = max(7.5, 0.6 * n) if horizontal else 9
    chart.width = 18 if horizontal else max(18, 0.7 * n)
    chart.add_data(
        Reference(ws, min_col=value_col, min_row=first_row, max_row=first_row + n - 1), titles_from_data=False
    )
    chart.set_categories(Reference(ws, min_col=label_col, min_row=first_row, max_row=first_row + n - 1))
    if horizontal:
        chart.y_axis.scaling.min = 0
        chart.x_axis.scaling.orientation = "maxMin"  # the first row on top, as in the table
    if percent:
        chart.y_axis.number_format = "0%"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    ws.add_chart(chart, anchor)
