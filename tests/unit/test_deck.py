"""The attract deck: which slides a database gives, and the order rules (no repeats, every city per cycle)."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import random

import pytest

from kiosk.data.attract import deck as D
from kiosk.data.store.repository import Repository
from kiosk.data.attract.slides import CuratorSlide

JULY_26 = dt.date(2026, 7, 26)
EVENTS = [
    D.DatedEvent("e1", "Событие летом", "Текст", "1941-07-26", day=dt.date(1941, 7, 26), year=1941),
    D.DatedEvent("e2", "Событие зимой", "", "1943-01-29", day=dt.date(1943, 1, 29), year=1943),
    D.DatedEvent("e3", "Весь год", "", "1942", year=1942),
]


class FakeRepo:
    def __init__(self, repo: Repository, slides=()):
        self._repo, self._slides = repo, tuple(slides)

    def __getattr__(self, name):
        return getattr(self._repo, name)

    def slides(self):
        return self._slides


def curator(i, **kw):
    base = dict(id=i, title=f"Слайд {i}", text="Текст.", duration=None, position=i, enabled=True)
    base.update(kw)
    return CuratorSlide(**base)


@pytest.fixture()
def repo(fixture_db):
    return Repository.open(fixture_db)


def test_title_and_one_slide_per_city(repo):
    deck = D.build_deck(repo, JULY_26)
    kinds = [s.kind for s in deck.slides]
    assert kinds == ["title", "city", "city", "city"]
    assert deck.slides[0].count == 3 and deck.lead == ()
    nn = deck.slides[1]
    city = repo.cities()[0]
    assert (nn.title, nn.subtitle, nn.year, nn.text) == (city.name, city.region, city.year, city.headline)
    assert nn.city_id == city.id
    assert nn.icons == ("mdi6.ferry", "mdi6.airplane", "mdi6.tank") and len(nn.labels) == 3


def test_on_this_day_leads_every_cycle(repo):
    deck = D.build_deck(repo, JULY_26, events=EVENTS)
    assert [deck.slides[i].key for i in deck.lead] == ["event:e1"]
    assert deck.slides[deck.lead[0]].today and deck.slides[deck.lead[0]].date == "1941-07-26"
    order = D.SlideOrder(deck, random.Random(1))
    n = len(deck)
    shown = [order.next().key for _ in range(n * 5)]
    assert all(shown[k * n] == "event:e1" for k in range(5))
    # Another day: no lead, the events are ordinary slides.
    assert D.build_deck(repo, dt.date(2026, 7, 27), events=EVENTS).lead == ()
    # The same day of another month is another day: 26 August, 26 January lead with nothing.
    assert D.build_deck(repo, dt.date(2026, 8, 26), events=EVENTS).lead == ()
    assert D.build_deck(repo, dt.date(2027, 1, 26), events=EVENTS).lead == ()
    assert [s.key for s in D.build_deck(repo, dt.date(2027, 1, 29), events=EVENTS).slides if s.today] == ["event:e2"]


def test_restart_puts_the_lead_first_again(repo):
    order = D.SlideOrder(D.build_deck(repo, JULY_26, events=EVENTS), random.Random(2))
    order.restart()
    assert order.next().key == "event:e1"
    order.next(), order.next()
    order.restart()
    assert order.next().key == "event:e1"


@pytest.mark.parametrize("seed", range(20))
def test_every_slide_once_per_cycle_and_never_twice_in_a_row(repo, seed):
    stored = [curator(i) for i in range(1, 4)]
    deck = D.build_deck(FakeRepo(repo, stored), JULY_26)
    order = D.SlideOrder(deck, random.Random(seed))
    n = len(deck)
    shown = [order.next().key for _ in range(n * 30)]
    for k in range(30):
        assert sorted(shown[k * n : (k + 1) * n]) == sorted(s.key for s in deck.slides)
    assert all(a != b for a, b in itertools.pairwise(shown))
    assert order.cycles == 30


def test_shuffled_not_in_database_order(repo):
    stored = [curator(i) for i in range(1, 30)]
    order = D.SlideOrder(D.build_deck(FakeRepo(repo, stored), JULY_26), random.Random(3))
    keys = [order.next().key for _ in range(10)]
    assert keys != [s.key for s in order.deck.slides[:10]]


def test_curator_slides_shown_disabled_and_broken_ones_not(repo, caplog):
    stored = [
        curator(1),
        curator(2, enabled=False),
        curator(3, text=""),
        curator(4, text="x" * 1_000_000),
        curator(5, text="<b>жирно</b>"),
        curator(6, duration=0),
        curator(7, duration=-5),
        curator(8, duration=500),
        curator(9, duration=4.5),
    ]
    with caplog.at_level(logging.WARNING, "kiosk.deck"):
        deck = D.build_deck(FakeRepo(repo, stored), JULY_26)
    got = {s.key: s.duration for s in deck.slides if s.kind == "curator"}
    assert got == {"curator:1": 0.0, "curator:6": 0.0, "curator:7": 0.0, "curator:8": 120.0, "curator:9": 4.5}
    log = caplog.text
    assert "curator slide 3 skipped: text: must not be empty" in log
    assert "curator slide 4 skipped: text: 1000000 characters" in log
    assert "curator slide 5 skipped: text: contains markup" in log
    assert "curator slide 7: duration -5 clamped to the default" in log
    assert "curator slide 8: duration 500 clamped to 120 s" in log
    assert "curator slide 2" not in log  # disabled is a choice, not a problem


def test_the_novokuznetsk_section_gives_events_and_figures(repo):
    from types import SimpleNamespace as NS

    section = NS(
        events=(
            NS(
                id="first-heat",
                date="1941-07-26",
                end="",
                precision="day",
                when="",
                title="Первая плавка",
                text="26 июля 1941 г. …",
            ),
            NS(id="war", date="1941", end="1945", precision="span", when="", title="Эшелоны", text="…"),
            NS(
                id="month",
                date="1941-06-22",
                end="1941-07-22",
                precision="span",
                when="первый месяц войны",
                title="Добровольцы",
                text="…",
            ),
        ),
        figures=(NS(id="to-the-front", value_text="64", unit="тысячи человек", label="проводил город на фронт"),),
    )
    with_section = FakeRepo(repo)
    with_section.section = lambda: section
    deck = D.build_deck(with_section, JULY_26)
    by_key = {s.key: s for s in deck.slides}
    assert [deck.slides[i].key for i in deck.lead] == ["event:first-heat"]
    heat, war, month = by_key["event:first-heat"], by_key["event:war"], by_key["event:month"]
    assert heat.date == "1941-07-26" and heat.today  # worded for the visitor by kiosk.ui.models.dates
    assert (war.date, war.date_end) == ("1941", "1945") and not war.today
    assert (month.date, month.date_end, month.when) == ("1941-06-22", "1941-07-22", "первый месяц войны")
    fig = by_key["figure:to-the-front"]
    assert (fig.title, fig.subtitle, fig.text) == ("64", "тысячи человек", "проводил город на фронт")


def test_a_curator_slide_shows_its_first_image(repo):
    from types import SimpleNamespace as NS

    pictures = FakeRepo(repo, [curator(1), curator(2)])
    pictures.images_of = lambda owner_type, owner_id: (
        (NS(id=7), NS(id=8)) if (owner_type, owner_id) == ("slide", 2) else ()
    )
    got = {s.key: s.image for s in D.build_deck(pictures, JULY_26).slides if s.kind == "curator"}
    assert got == {"curator:1": 0, "curator:2": 7}


def test_figures_and_an_empty_database_order():
    assert [s.kind for s in D.figure_slides([D.Figure("f", "64", "тысячи", "ушли на фронт")])] == ["figure"]
    order = D.SlideOrder(D.Deck(()))
    assert order.next() is None
    single = D.SlideOrder(D.Deck((D.Slide("only", "title", ""),)))
    assert [single.next().key for _ in range(3)] == ["only"] * 3
