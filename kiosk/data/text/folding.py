"""How two spellings of a Russian word are compared everywhere: search, image owners, GeoNames, the quiz's answers,
the report's repeated passages, the cities list's letter index."""

from __future__ import annotations


def folded(text: str) -> str:
    """`text` casefolded with «ё» read as «е» (curators and visitors write «Королёв» and «Королев» alike)."""
    return text.casefold().replace("ё", "е")
