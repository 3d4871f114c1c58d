"""Per-keystroke search timings: the 70 real cities and 10 000 synthetic ones, against a naive scan.

Prints figures, asserts nothing. Goals: ≤ 5 ms per keystroke for 70 cities, ≤ 30 ms for 10 000.
Run: .venv/bin/python benchmarks/search_bench.py [DATABASE]
"""

from __future__ import annotations

import gc
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kiosk.data.store.records import City
from kiosk.data.search.engine import SearchEngine
from kiosk.data.text.folding import folded

ROOT = Path(__file__).resolve().parents[1]

QUERIES = [
    "Нижний Новгород",
    "Екатиренбург",
    "Kazan",
    "nizhny tagil",
    "танки Т-34",
    "золото",
    "Комсомольск-на-Амуре",
    "авиация",
    "снаряды для фронта",
    "Челябинск",
]
GOALS_MS = {"real": 5.0, "synthetic": 30.0}
SYNTHETIC_COUNT = 10_000


def real_cities(db: Path | None = None) -> tuple[list[City], object, str]:
    """(cities, repository or None, where they came from)."""
    from kiosk.data.errors import DataError
    from kiosk.data.store.repository import Repository

    db = db or ROOT / "db" / "kiosk.sqlite"
    try:
        if db.exists():
            repo = Repository.open(db)
            return list(repo.cities()), repo, str(db)
        from kiosk.data.curation.build import build_database

        tmp = Path(tempfile.mkdtemp()) / "kiosk.sqlite"
        repo = Repository.open(build_database(ROOT / "db" / "sources", tmp))
        return list(repo.cities()), repo, f"fresh build of db/sources ({tmp})"
    except DataError as e:
        # Sources still being written: fall back to the raw seed so the figures still mean something.
        from kiosk.data.cities.seed import find_seed_file, parse_seed

        rows = parse_seed(find_seed_file([ROOT / "db" / "seeds"]))
        cities = [City(r.number, r.name, r.region, "", 2020, r.text, r.text[:140], None, None) for r in rows]
        first = str(e).splitlines()[0]
        return cities, None, f"seed file (the build failed: {first})"


def synthetic_cities(real: list[City], n: int, seed: int = 1941) -> list[City]:
    """Names recombined from halves of real names, texts from shuffled real sentences."""
    rnd = random.Random(seed)
    words = sorted({w for c in real for w in re.findall(r"\w+", c.name) if len(w) > 3})
    sentences = [s for c in real for s in re.split(r"(?<=[.!?])\s+", c.text) if len(s) > 20]
    regions = sorted({c.region for c in real})
    tags = sorted({t for c in real for t in c.tags}) or ["tanks", "aviation", "ammunition"]
    out = []
    for i in range(n):
        a, b = rnd.choice(words), rnd.choice(words)
        name = (a[: len(a) // 2 + 1] + b[len(b) // 2 :]).capitalize()
        if rnd.random() < 0.3:
            name += " " + rnd.choice(words)
        text = " ".join(rnd.sample(sentences, k=min(len(sentences), rnd.randint(3, 8))))
        out.append(
            City(
                i + 1,
                name,
                rnd.choice(regions),
                "",
                2020,
                text,
                text[:140],
                None,
                None,
                tags=tuple(rnd.sample(tags, k=min(len(tags), rnd.randint(1, 3)))),
            )
        )
    return out


class NaiveScan:
    """The baseline: a substring test over casefolded name + region + text, per keystroke."""

    def __init__(self, cities: list[City]) -> None:
        self.rows = [(c.id, folded(f"{c.name} {c.region} {c.text}")) for c in cities]

    def search(self, query: str) -> list[int]:
        q = folded(query).strip()
        return [cid for cid, hay in self.rows if q in hay]


def keystroke_times(engine, rounds: int = 3) -> list[float]:
    samples = []
    for _ in range(rounds):
        for query in QUERIES:
            for i in range(1, len(query) + 1):
                t0 = time.perf_counter()
                engine.search(query[:i])
                samples.append((time.perf_counter() - t0) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def report(label: str, goal: float, engine, baseline) -> None:
    gc.collect()  # the first full collection after building a big index would land on a keystroke (~45 ms)
    ours, naive = keystroke_times(engine), keystroke_times(baseline)
    med, hi = statistics.median(ours), p95(ours)
    nmed, nhi = statistics.median(naive), p95(naive)
    print(
        f"  search engine : median {med:7.3f} ms   p95 {hi:7.3f} ms   max {max(ours):7.3f} ms"
        f"   ({len(ours)} keystrokes)"
    )
    print(f"  naive scan    : median {nmed:7.3f} ms   p95 {nhi:7.3f} ms")
    print(f"  ratio to naive: median {med / nmed:6.2f}×   p95 {hi / nhi:6.2f}×")
    verdict = "meets" if hi <= goal else "MISSES"
    print(f"  goal {goal:g} ms  : p95 {verdict} it ({hi / goal:.0%} of the budget)")


def main(argv: list[str]) -> int:
    # Optional argument: a database file to use instead of db/kiosk.sqlite.
    cities, repo, source = real_cities(Path(argv[0]) if argv else None)
    print(f"== {len(cities)} real cities from {source}")
    t0 = time.perf_counter()
    engine = SearchEngine.from_repository(repo) if repo is not None else SearchEngine(cities)
    print(f"  index built in {(time.perf_counter() - t0) * 1000:.1f} ms")
    report("real", GOALS_MS["real"], engine, NaiveScan(cities))

    synth = synthetic_cities(cities, SYNTHETIC_COUNT)
    print(f"== {len(synth)} synthetic cities (real names and sentences recombined)")
    t0 = time.perf_counter()
    engine = SearchEngine(synth)
    print(f"  index built in {(time.perf_counter() - t0) * 1000:.0f} ms (terms computed, as no database stores them)")
    report("synthetic", GOALS_MS["synthetic"], engine, NaiveScan(synth))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
