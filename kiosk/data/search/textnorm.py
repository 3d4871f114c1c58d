"""Text normalisation shared by the build (index terms) and the search (query terms).

Both sides must agree exactly, so every rule lives here: casefold, ё→е, punctuation as token boundaries,
«Т-34» kept as one token «т34», Snowball stems (Russian for Cyrillic, English for Latin), and Latin
transliterations of city names so «Kazan» finds Казань.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import iuliia

from kiosk.stand_in import standing_in
from kiosk.data.text.folding import folded


def _stemmers() -> tuple[Any, Any]:
    """snowballstemmer's Russian and English stemmers, without the package's __init__: it imports all 34
    languages (2.6 MiB of tables and code, resident in the kiosk for weeks; tracemalloc) for the two used here.
    The package stands in unrun while they load: a later `import snowballstemmer` runs it. Still pays: `import
    snowballstemmer` traces 2.58 MiB, this whole module with both stemmers (and iuliia) 1.02 MiB."""
    spec = importlib.util.find_spec("snowballstemmer")
    assert spec is not None, "snowballstemmer is a dependency (pyproject.toml)"
    with standing_in("snowballstemmer", importlib.util.module_from_spec(spec)):
        from snowballstemmer.english_stemmer import EnglishStemmer
        from snowballstemmer.russian_stemmer import RussianStemmer
    return RussianStemmer(), EnglishStemmer()


_RU, _EN = _stemmers()

# Invisible format characters (soft hyphen, zero-width joiners, BOM) would otherwise split words.
_FORMAT_CHARS = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
# «Т-34», «ИЛ-2», «По-2»: a short run of letters, a hyphen, digits → one token («т34»).
_LETTER_DIGIT_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,3})[-\u2010\u2011\u2012\u2013](\d+)")
_WORD = re.compile(r"[^\W_]+")
_PARTS = re.compile(r"\d+|[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-я]")
_LATIN = re.compile(r"^[a-z]+$")

# Skipped in queries (except as the word being typed): they match almost every text and rank nothing.
STOPWORDS = frozenset(
    "в во и на с со по к ко о об от из за для до у а но же не как что это при под над the of and in".split()
)


def normalize(text: str) -> str:
    """Casefolded, ё→е, NFKC text with invisible format characters removed; punctuation kept."""
    text = unicodedata.normalize("NFKC", text)
    text = folded(_FORMAT_CHARS.sub("", text))
    return _LETTER_DIGIT_HYPHEN.sub(r"\1\2", text)


def tokens(text: str) -> list[str]:
    """Word tokens of `text`; anything that is not a letter or digit is a boundary."""
    return _WORD.findall(normalize(text))


# Room for the whole corpus (3 033 distinct tokens when the build runs) and the visitors' recent words; at 65 536
# entries weeks of typing could hold ~12 MiB of one-off prefixes (20 000 entries: 3.7 MiB, tracemalloc).
@lru_cache(maxsize=4096)
def stem(token: str) -> str:
    """Snowball stem of an already normalised token; tokens mixing digits or scripts stay as they are."""
    if len(token) < 3:
        return token
    if _CYRILLIC.search(token) and token.isalpha():
        return str(_RU.stemWord(token))
    if _LATIN.match(token):
        return str(_EN.stemWord(token))
    return token


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def text_terms(text: str) -> list[str]:
    """Index terms for free text: each token, its stem, and the parts of mixed tokens («т34» → «т», «34»)."""
    out: list[str] = []
    for tok in tokens(text):
        out.append(tok)
        out.append(stem(tok))
        parts = _PARTS.findall(tok)
        if len(parts) > 1:
            out.extend(parts)
    return _unique(out)


# Romanisation schemes from iuliia (a maintained library of Russian transliteration standards): road signs and
# Wikipedia, passports since 2013, BGN/PCGN, Yandex Maps, the Moscow metro, informal chat spellings and GOST
# 52535. Only schemes that write plain ASCII: visitors type on a Latin keyboard without diacritics. Typo
# tolerance covers what no scheme writes («Nizhnij», «Kuzneckij»).
_SCHEMES = (
    iuliia.WIKIPEDIA,
    iuliia.ICAO_DOC_9303,
    iuliia.BGN_PCGN,
    iuliia.YANDEX_MAPS,
    iuliia.MOSMETRO,
    iuliia.TELEGRAM,
    iuliia.GOST_52535,
)
_NOT_LATIN = re.compile(r"[^a-z]")


def transliterations(word: str) -> list[str]:
    """Latin spellings of one casefolded Cyrillic word (empty for non-Cyrillic words)."""
    if not _CYRILLIC.search(word):
        return []
    # BGN/PCGN writes apostrophes for ь and ъ («Kazan’»): visitors leave them out, and so does the index.
    return _unique(_NOT_LATIN.sub("", scheme.translate(word).casefold()) for scheme in _SCHEMES)


def name_terms(name: str, name_latin: str = "") -> list[str]:
    """Index terms for a city name: text terms plus Latin spellings, the stored one and rule-based ones."""
    out = text_terms(name)
    # Romanised before ё is folded to е: «Орёл» is «Oryol» as well as «Orel».
    with_yo = _WORD.findall(unicodedata.normalize("NFKC", _FORMAT_CHARS.sub("", name)).casefold())
    for tok in _unique([*tokens(name), *with_yo]):
        out.extend(transliterations(tok))
    out.extend(text_terms(name_latin))
    return _unique(out)


def query_tokens(query: str, max_chars: int = 200, max_tokens: int = 12) -> tuple[list[str], bool]:
    """Tokens of a visitor's query, capped, and whether the last one is still being typed (a prefix)."""
    query = query[:max_chars]
    toks = tokens(query)
    # Only a word that ends the query is still being typed; a trailing space or a cut-off list finishes it.
    last_is_prefix = len(toks) <= max_tokens and bool(_WORD.fullmatch(normalize(query[-1:])))
    return toks[:max_tokens], bool(toks) and last_is_prefix
