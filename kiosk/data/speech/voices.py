"""Which of an engine's voices reads a language: plain data in, an index out (the Qt side lists the voices).

Preferred: RHVoice's Russian voices under LGPL-2.1+ (aleksandr, anna, elena, irina; RHVoice's others are
CC BY-NC-ND, not for an exhibition); then an engine's plain voice (espeak-ng's «Russian», not one of its
«Russian+Variant» mixes); then the first voice of the language.
"""

from __future__ import annotations

from collections.abc import Sequence

RHVOICE_LGPL = ("aleksandr", "anna", "elena", "irina")


def choose_voice(voices: Sequence[tuple[str, str]], language: str, locale: str = "") -> int | None:
    """The index of the voice to read `language` ("ru", "en") with, among (name, locale name such as "ru_RU")
    pairs, one of `locale` ("en_GB") first; None when no voice speaks it."""

    def rank(item: tuple[int, tuple[str, str]]) -> tuple[int, int, int, int]:
        index, (name, voice_locale) = item
        lowered = name.lower()
        rhvoice = any(lowered.startswith(n) for n in RHVOICE_LGPL) and language == "ru"
        exact = voice_locale.replace("-", "_") == locale
        return (0 if rhvoice else 1, 0 if exact else 1, 1 if "+" in name else 0, index)

    matching = [(i, v) for i, v in enumerate(voices) if v[1].split("_")[0].split("-")[0].lower() == language]
    if not matching:
        return None
    return min(matching, key=rank)[0]
