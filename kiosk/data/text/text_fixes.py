"""Technical corrections of a seed text (a paragraph pasted twice, a sentence cut off, a misspelling).

The seed keeps its text verbatim; a city file lists `[[text_fixes]]` (original, corrected, note) and visitors
read the text with them applied. Each original must occur exactly once, so a fix can never land elsewhere
than where its note says, and every fix becomes a correction the data-quality report lists.
"""

from __future__ import annotations

from collections.abc import Callable

FIELD = "text"  # the corrections' field name for a text fix


def apply_fixes(text: str, fixes: object, bad: Callable[[str, str], None]) -> tuple[str, list[tuple[str, str, str]]]:
    """(text with the fixes applied, [(original, corrected, note)]); problems go to bad(field, message)."""
    if fixes is None:
        return text, []
    if not isinstance(fixes, list):
        bad("text_fixes", "must be [[text_fixes]] entries (original, corrected, note)")
        return text, []
    applied = []
    for i, fix in enumerate(fixes):
        where = f"text_fixes[{i}]"
        if not isinstance(fix, dict):
            bad(where, "must be a table with original, corrected, note")
            continue
        original, corrected, note = fix.get("original"), fix.get("corrected", ""), fix.get("note")
        if not isinstance(original, str) or not original.strip():
            bad(where + ".original", "must be the seed's words to replace (text, not empty)")
            continue
        if not isinstance(corrected, str):
            bad(where + ".corrected", f"must be text, got {corrected!r}")
            continue
        if not isinstance(note, str) or not note.strip():
            bad(where + ".note", "must say why the seed's words are corrected")
            continue
        found = text.count(original)
        if found != 1:
            bad(where + ".original", f"must occur exactly once in the text, found {found} times: {original[:60]!r}")
            continue
        text = text.replace(original, corrected, 1)
        applied.append((original, corrected, note))
    return text, applied
