"""The one search engine: the kiosk's search field and `kiosk-db search` both call SearchEngine.search.

Shape: per field (name, region, tags, text) an in-memory inverted index term → set of city positions, plus a
sorted vocabulary for prefix lookups (the word being typed). City names also get typo tolerance. No SQL and no
corpus stemming per keystroke: the build stores the terms, queries only stem their own few tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from kiosk.data.search import textnorm
from kiosk.data.store.records import City, SearchTerms, Tag

if TYPE_CHECKING:  # pragma: no cover
    from kiosk.data.store.repository import Repository

# Rank order: a hit in the name beats one in the region, then tag labels, then the text.
FIELDS = ("name", "region", "tags", "text")
EXACT, PREFIX, TYPO = 0, 1, 2
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 12
MAX_PREFIX_TERMS = 400  # expansions of the word being typed, per field: bounds the work of «п», «по»…
MIN_TEXT_PREFIX = 3  # shorter prefixes only look at names, regions and tags, not at the long texts


def terms_for_city(city: City, tags: Mapping[str, Tag]) -> SearchTerms:
    """The index terms of one city; the build stores them, SearchEngine(cities) computes them."""
    tag_text = " ".join(" ".join((t, tags[t].label_ru, tags[t].label_en) if t in tags else (t,)) for t in city.tags)
    return SearchTerms(
        city_id=city.id,
        name=tuple(textnorm.name_terms(city.name, city.name_latin)),
        region=tuple(textnorm.text_terms(city.region)),
        # the exhibition's English summary too: an English-mode visitor finds «tanks», «gold» in the story
        text=tuple(textnorm.text_terms(f"{city.text}\n{city.summary_en}" if city.summary_en else city.text)),
        tags=tuple(textnorm.text_terms(tag_text.replace("_", " ").replace("-", " "))),
    )


def max_typos(word: str) -> int:
    """Edits tolerated in a name word: none for very short words, one for short, two for long."""
    n = len(word)
    return 0 if n < 4 else 1 if n < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count once), or limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def prefix_distance(a: str, b: str, limit: int) -> int:
    """Edits to turn `a` into some prefix of `b` (for the word still being typed), capped at limit + 1."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return min(min(prev), limit + 1)


def _char_mask(word: str) -> int:
    mask = 0
    for ch in word:
        mask |= 1 << (ord(ch) % 61)
    return mask


class _FieldIndex:
    def __init__(self, postings: dict[str, set[int]]) -> None:
        self.postings = {t: frozenset(p) for t, p in postings.items()}
        self.vocab = sorted(self.postings)

    def prefixed(self, prefix: str) -> list[str]:
        i = bisect_left(self.vocab, prefix)
        out = []
        for term in self.vocab[i : i + MAX_PREFIX_TERMS]:
            if not term.startswith(prefix):
                break
            out.append(term)
        return out


class _TypoIndex:
    """Name words bucketed by length with a character-set mask: a cheap filter before the edit distance."""

    def __init__(self, words: Iterable[str]) -> None:
        self.by_len: dict[int, list[tuple[int, str]]] = {}
        # For the word being typed: by first letter (a slip on the very first letter is rare), with the
        # character masks of each prefix.
        self.by_first: dict[str, list[tuple[list[int], str]]] = {}
        for w in sorted(set(words)):
            if len(w) >= 3:
                self.by_len.setdefault(len(w), []).append((_char_mask(w), w))
                masks, m = [0], 0
                for ch in w:
                    m |= 1 << (ord(ch) % 61)
                    masks.append(m)
                self.by_first.setdefault(w[0], []).append((masks, w))

    def near(self, word: str) -> list[str]:
        k = max_typos(word)
        if not k:
            return []
        mask, out = _char_mask(word), []
        # Each edit changes the character set by at most two characters.
        for n in range(len(word) - k, len(word) + k + 1):
            for m, w in self.by_len.get(n, ()):
                if (m ^ mask).bit_count() <= 2 * k and edit_distance(word, w, k) <= k:
                    out.append(w)
        return out

    def near_prefix(self, word: str) -> list[str]:
        """Words that start with `word` give or take the usual typo allowance (5+ letters typed)."""
        k = max_typos(word) if len(word) >= 5 else 0
        if not k:
            return []
        mask, n, out = _char_mask(word), len(word), []
        for masks, w in self.by_first.get(word[0], ()):
            # the bit-mask bound first: it rules out most words without the distance
            if (
                len(w) >= n - k
                and (mask & ~masks[min(n + k, len(w))]).bit_count() <= k
                and prefix_distance(word, w[: n + k], k) <= k
            ):
                out.append(w)
        return out


class SearchEngine:
    """Ranked, forgiving search over a fixed list of cities. Thread-safe after construction (read-only)."""

    def __init__(self, cities: Iterable[City], tags: Iterable[Tag] = ()) -> None:
        tag_map = {t.id: t for t in tags}
        self._init_from_terms([terms_for_city(c, tag_map) for c in cities])

    @classmethod
    def from_repository(cls, repo: Repository) -> SearchEngine:
        """Use the terms stored at build time, in the repository's display order."""
        by_id = {t.city_id: t for t in repo.search_terms()}
        return cls.from_terms(by_id.get(c.id) or SearchTerms(c.id, (), (), (), ()) for c in repo.cities())

    @classmethod
    def from_terms(cls, terms: Iterable[SearchTerms]) -> SearchEngine:
        """Terms already computed (by the build or terms_for_city), in display order."""
        engine = cls.__new__(cls)
        engine._init_from_terms(list(terms))
        return engine

    def _init_from_terms(self, terms: list[SearchTerms]) -> None:
        self._ids = [t.city_id for t in terms]
        self._fields: list[_FieldIndex] = []
        for field in FIELDS:
            postings: dict[str, set[int]] = {}
            for pos, t in enumerate(terms):
                for term in getattr(t, field):
                    postings.setdefault(term, set()).add(pos)
            self._fields.append(_FieldIndex(postings))
        self._typos = _TypoIndex(self._fields[0].vocab)

    def __len__(self) -> int:
        return len(self._ids)

    def search(self, query: str) -> list[int]:
        """City ids, best first; a blank query lists all cities in display order. Never raises on input."""
        if not isinstance(query, str):
            return []
        toks, last_is_prefix = textnorm.query_tokens(query, MAX_QUERY_CHARS, MAX_QUERY_TOKENS)
        if not toks:
            return list(self._ids) if not query.strip() else []
        # Stopwords only narrow nothing; keep them if they are all there is or still being typed.
        keep = [
            (tok, last_is_prefix and i == len(toks) - 1)
            for i, tok in enumerate(toks)
            if tok not in textnorm.STOPWORDS or (last_is_prefix and i == len(toks) - 1)
        ] or [(tok, False) for tok in toks]
        per_token = []
        for tok, is_prefix in keep:
            hits = self._hits(tok, is_prefix)
            if not hits:
                return []
            per_token.append(hits)
        per_token.sort(key=len)
        first, rest = per_token[0], per_token[1:]
        ranked = []
        for pos, score in first.items():
            fields, quality = score >> 2, score & 3
            for hits in rest:
                s = hits.get(pos)
                if s is None:
                    break
                fields += s >> 2
                quality += s & 3
            else:
                ranked.append((fields, quality, pos))
        ranked.sort()
        return [self._ids[pos] for _, _, pos in ranked]

    def _hits(self, tok: str, is_prefix: bool) -> dict[int, int]:
        """position → best score for one query token; score = field rank * 4 + match quality."""
        stem = textnorm.stem(tok)
        found: list[tuple[int, frozenset[int]]] = []
        for rank, index in enumerate(self._fields):
            for term in {tok, stem}:
                if term in index.postings:
                    found.append((rank * 4 + EXACT, index.postings[term]))
            if is_prefix and (rank != FIELDS.index("text") or len(tok) >= MIN_TEXT_PREFIX):
                for term in index.prefixed(tok):
                    found.append((rank * 4 + PREFIX, index.postings[term]))
        if not any(score < 4 for score, _ in found):  # typos only when no name matches as typed
            names = self._fields[0].postings
            near = self._typos.near_prefix(tok) if is_prefix else []
            for term in near or self._typos.near(tok):
                found.append((TYPO, names[term]))
        by_score: dict[int, list[frozenset[int]]] = {}
        for score, positions in found:
            by_score.setdefault(score, []).append(positions)
        hits: dict[int, int] = {}
        # Worst score first, so the best score per city is written last; unions and updates run in C.
        for score in sorted(by_score, reverse=True):
            hits.update(dict.fromkeys(frozenset().union(*by_score[score]), score))
        return hits
