"""Russian text spelt out for a speech engine: numbers, years, dates, ranges, «№», «%», «т.», «тыс.», «млн»,
Roman numerals.

espeak-ng reads «15 652» as two numbers (the «тысяч» is lost), «в 1941 г.» as a cardinal followed by «гэ»,
and «XX век» letter by letter. The words come from num2words (its Russian knows cases and genders); what is
decided here is only the case and gender, from the preposition before a number and the word after it. These
are heuristics for the kiosk's museum texts, not a grammar: where the case cannot be told, the nominative is
read, which a listener understands.
"""

from __future__ import annotations

import re
from functools import partial

from num2words import num2words
from kiosk.data.text.russian_months import MONTHS_GENITIVE

_words = partial(num2words, lang="ru")

# num2words' case names: n(ominative), g(enitive), d(ative), a(ccusative), i(nstrumental), p(repositional).
_PREPOSITION_CASE = {
    **dict.fromkeys(("в", "во", "о", "об", "при"), "p"),
    **dict.fromkeys(
        (
            "с",
            "со",
            "до",
            "от",
            "после",
            "около",
            "из",
            "для",
            "без",
            "более",
            "менее",
            "свыше",
            "против",
            "порядка",
            "накануне",
            "начала",
            "конца",
            "середины",
            "у",
        ),
        "g",
    ),
    # «осенью 1941 г.», «в начале 1942 г.», «в июле 1941 г.»: the year is in the genitive
    **dict.fromkeys(("осенью", "летом", "весной", "зимой", "начале", "конце", "середине", "течение"), "g"),
    **dict.fromkeys(("к", "ко"), "d"),
    **dict.fromkeys(("за", "на", "через", "про"), "a"),
    **dict.fromkeys(("между", "над", "перед", "под"), "i"),
}

# «год» in each case, singular and plural (for «гг.»).
_YEAR_WORD = {"n": "год", "g": "года", "d": "году", "a": "год", "i": "годом", "p": "году"}
_YEARS_WORD = {"n": "годы", "g": "годов", "d": "годам", "a": "годы", "i": "годами", "p": "годах"}
_YEAR_FORMS = {"год": "n", "года": "g", "году": "d", "годом": "i", "годе": "p"}
_YEARS_FORMS = {"годы": "n", "годов": "g", "годам": "d", "годами": "i", "годах": "p"}

MONTHS = MONTHS_GENITIVE

# Units read after a number: (gender, forms for 1 / 2–4 / 5 and more, genitive singular after a fraction).
_UNITS = {
    "тыс.": ("f", ("тысяча", "тысячи", "тысяч"), "тысячи"),
    "тыс": ("f", ("тысяча", "тысячи", "тысяч"), "тысячи"),
    "млн": ("m", ("миллион", "миллиона", "миллионов"), "миллиона"),
    "млн.": ("m", ("миллион", "миллиона", "миллионов"), "миллиона"),
    "млрд": ("m", ("миллиард", "миллиарда", "миллиардов"), "миллиарда"),
    "млрд.": ("m", ("миллиард", "миллиарда", "миллиардов"), "миллиарда"),
    "т.": ("f", ("тонна", "тонны", "тонн"), "тонны"),
    "т": ("f", ("тонна", "тонны", "тонн"), "тонны"),
    "%": ("m", ("процент", "процента", "процентов"), "процента"),
    "кг": ("m", ("килограмм", "килограмма", "килограммов"), "килограмма"),
    "км": ("m", ("километр", "километра", "километров"), "километра"),
    "чел.": ("m", ("человек", "человека", "человек"), "человека"),
    "руб.": ("m", ("рубль", "рубля", "рублей"), "рубля"),
    "шт.": ("f", ("штука", "штуки", "штук"), "штуки"),
}
_MULTIPLIERS = ("тыс.", "тыс", "млн", "млн.", "млрд", "млрд.")

# Abbreviations that are not about numbers.
_ABBREVIATIONS = (
    (re.compile(r"\bт\.\s?е\."), "то есть"),
    (re.compile(r"\bт\.\s?д\."), "так далее"),
    (re.compile(r"\bт\.\s?п\."), "тому подобное"),
    (re.compile(r"\bт\.\s?к\."), "так как"),
    (re.compile(r"\bт\.\s?н\."), "так называемый"),
    (re.compile(r"\bи\s+др\."), "и другие"),
    (re.compile(r"\bим\.(?=\s)"), "имени"),
    (re.compile(r"\bг\.(?=\s*[А-ЯЁ])"), "город"),  # «г. Новокузнецк»; «1941 г.» is read with its year
    (re.compile(r"\bобл\."), "области"),
    (re.compile(r"\bул\.(?=\s)"), "улица"),
    (re.compile(r"№№\s*"), "номера "),
    (re.compile(r"№\s*"), "номер "),
)

# Roman numerals: the ordinal's gender and case from the noun after it (a small list of the nouns museum texts
# put after them); masculine nominative otherwise («Пётр I» → «Пётр первый»).
_ROMAN_NOUNS = {
    "век": ("m", "n"),
    "века": ("m", "g"),
    "веку": ("m", "d"),
    "веке": ("m", "p"),
    "веком": ("m", "i"),
    "веков": ("m", "g"),
    "векам": ("m", "d"),
    "веках": ("m", "p"),
    "степень": ("f", "n"),
    "степени": ("f", "g"),
    "степенью": ("f", "i"),
    "съезд": ("m", "n"),
    "съезда": ("m", "g"),
    "съезде": ("m", "p"),
    "созыва": ("m", "g"),
    "квартал": ("m", "n"),
    "квартала": ("m", "g"),
    "квартале": ("m", "p"),
    "пятилетка": ("f", "n"),
    "пятилетки": ("f", "g"),
    "пятилетку": ("f", "a"),
    "пятилетке": ("f", "p"),
    "тысячелетие": ("n", "n"),
    "тысячелетия": ("n", "g"),
    "тысячелетии": ("n", "p"),
    "группа": ("f", "n"),
    "группы": ("f", "g"),
    "класс": ("m", "n"),
    "класса": ("m", "g"),
    "том": ("m", "n"),
    "тома": ("m", "g"),
    "часть": ("f", "n"),
    "части": ("f", "g"),
}
# A lone letter counts only as I, V or X (a lone Latin «C» or «M» in Russian text is rarely a number).
_ROMAN = re.compile(
    r"(?<![A-Za-z\d])(?=[IVXLCDM]{2}|[IVX](?![A-Za-z\d]))"
    r"(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![A-Za-z\d])"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Ordinals written with a suffix: «1-й», «5-го», «3-я» → (gender, case).
_ORDINAL_SUFFIX = {
    "й": ("m", "n"),
    "ый": ("m", "n"),
    "ий": ("m", "n"),
    "ой": ("m", "n"),
    "я": ("f", "n"),
    "ая": ("f", "n"),
    "ья": ("f", "n"),
    "е": ("n", "n"),
    "ое": ("n", "n"),
    "го": ("m", "g"),
    "ого": ("m", "g"),
    "его": ("m", "g"),
    "му": ("m", "d"),
    "ому": ("m", "d"),
    "ему": ("m", "d"),
    "м": ("m", "p"),
    "ом": ("m", "p"),
    "ем": ("m", "p"),
    "ю": ("f", "a"),
    "ую": ("f", "a"),
}

_SPACE = "[ \u00a0\u202f\u2009]"  # group separators: space, no-break space, narrow no-break space, thin space
_NUMBER = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d+"
_DASH = r"\s*[–—-]\s*"
_PREP = r"(?:(?<![\w-])(?P<prep>[А-Яа-яЁё]+)\s+)?"


def _int(text: str) -> int:
    return int(re.sub(_SPACE, "", text))


_MONTH_STEM = re.compile(r"(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*$")


def _case_of(prep: str | None, default: str = "n") -> str:
    word = (prep or "").lower()
    if _MONTH_STEM.fullmatch(word):
        return "g"  # «июля 1941 г.», «в июле 1941 г.»
    return _PREPOSITION_CASE.get(word, default)


def _with_prep(match: re.Match[str], spoken: str) -> str:
    prep = match.group("prep")
    return f"{prep} {spoken}" if prep else spoken


def _ordinal(number: int, case: str = "n", gender: str = "m", plural: bool = False) -> str:
    return str(_words(number, to="ordinal", case=case, gender=gender, plural=plural))


def _plural_form(number: int, forms: tuple[str, str, str]) -> str:
    if number % 100 in range(11, 20):
        return forms[2]
    return forms[0] if number % 10 == 1 else forms[1] if number % 10 in (2, 3, 4) else forms[2]


# ---- the passes, in the order they run -----------------------------------------------------------------------

_YEAR_RANGE = re.compile(
    _PREP + r"(?P<a>\d{4})" + _DASH + r"(?P<b>\d{4})(?:\s*(?P<word>гг\.|г\.|годы|годов|годам|годами|годах))?(?!\w)"
)


def _year_range(match: re.Match[str]) -> str:
    word = match.group("word")
    case = _YEARS_FORMS[word] if word in _YEARS_FORMS else _case_of(match.group("prep"))
    a, b = int(match.group("a")), int(match.group("b"))
    # «в 1941–1945 гг.» → «в … первом — … пятом годах»; singular ordinals before a plural noun read naturally.
    spoken = f"{_ordinal(a, case)} — {_ordinal(b, case)}"
    if word:
        spoken += " " + _YEARS_WORD[case]
    return _with_prep(match, spoken)


_YEAR_SPAN = re.compile(
    r"(?<![\w-])(?P<prep>с|со)\s+(?P<a>\d{4})(?:\s*(?:г\.|года))?\s+по\s+(?P<b>\d{4})"
    r"(?:\s*(?P<word>гг\.|г\.|годы|год))?(?!\w)"
)


def _year_span(match: re.Match[str]) -> str:
    spoken = f"{match.group('prep')} {_ordinal(int(match.group('a')), 'g')} по {_ordinal(int(match.group('b')))}"
    word = match.group("word")
    return spoken + ("" if not word else " годы" if word in ("гг.", "годы") else " год")


_DATE = re.compile(
    _PREP
    + r"(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(MONTHS)
    + r")(?:\s+(?P<year>\d{4})(?:\s*(?:г\.|года|году)(?!\w))?)?"
)


def _date(match: re.Match[str]) -> str:
    case = _case_of(match.group("prep"))
    if case in ("p", "i"):  # «в 26 июля» is not said; «между 1 и 5 мая» rare: read the day as the nominative
        case = "n"
    spoken = f"{_ordinal(int(match.group('day')), case, 'n')} {match.group('month')}"
    if match.group("year"):
        spoken += f" {_ordinal(int(match.group('year')), 'g')} года"
    return _with_prep(match, spoken)


_YEAR = re.compile(_PREP + r"(?P<year>\d{4})\s*(?P<word>г\.|гг\.|года|году|годом|годе|год)(?!\w)")


def _year(match: re.Match[str]) -> str:
    word, prep = match.group("word"), match.group("prep")
    if word in _YEAR_FORMS:
        case = _YEAR_FORMS[word]
        if case == "d" and _case_of(prep) == "p":  # «в 1941 году»: prepositional, not dative
            case = "p"
    else:
        case = _case_of(prep)
    return _with_prep(match, f"{_ordinal(int(match.group('year')), case)} {_YEAR_WORD[case]}")


# A bare year after a preposition, at the end of a clause: «в 1941, когда…», «к 1945.»
_BARE_YEAR = re.compile(
    r"(?<![\w-])(?P<prep>в|во|с|со|до|к|ко|после|около|накануне)\s+(?P<year>1[7-9]\d\d|20\d\d)(?=\s*(?:[.,;:!?)»—–]|$))"
)


_MONTH_YEAR = re.compile(
    r"(?<![\w-])(?P<prep>(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)"
    r"\s+(?P<year>1[7-9]\d\d|20\d\d)(?!\d)(?!\s*(?:г\.|год))"
)


def _month_year(match: re.Match[str]) -> str:
    return f"{match.group('prep')} {_ordinal(int(match.group('year')), 'g')} года"


def _bare_year(match: re.Match[str]) -> str:
    case = _case_of(match.group("prep"))
    return f"{match.group('prep')} {_ordinal(int(match.group('year')), case)} {_YEAR_WORD[case]}"


_SUFFIXES = "|".join(sorted(_ORDINAL_SUFFIX, key=len, reverse=True))
_SUFFIXED = re.compile(r"(?P<n>\d+)-(?P<suffix>" + _SUFFIXES + r")(?!\w)")


def _suffixed(match: re.Match[str]) -> str:
    gender, case = _ORDINAL_SUFFIX[match.group("suffix")]
    return _ordinal(int(match.group("n")), case, gender)


def _roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total


_ROMAN_WITH_NOUN = re.compile(
    _ROMAN.pattern + r"(?:" + _DASH + r"(?P<second>[IVXLCDM]+))?(?P<rest>\s+(?P<noun>[А-Яа-яЁё]+))?"
)


def _roman(match: re.Match[str]) -> str:
    numeral = match.group(1)
    if not numeral:
        return match.group(0)
    noun = (match.group("noun") or "").lower()
    gender, case = _ROMAN_NOUNS.get(noun, ("m", "n"))
    spoken = _ordinal(_roman_value(numeral), case, gender)
    second = match.group("second")
    if second and _ROMAN.fullmatch(second):
        spoken += " — " + _ordinal(_roman_value(second), case, gender)
    elif second:
        spoken += match.group(0)[match.end(1) - match.start(0) : match.start("second") - match.start(0)] + second
    return spoken + (match.group("rest") or "")


_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_QUANTITY = re.compile(
    _PREP
    + r"(?P<n>"
    + _NUMBER
    + r")(?:,(?P<frac>\d+))?"
    + r"(?:"
    + _DASH
    + r"(?P<n2>"
    + _NUMBER
    + r")(?:,(?P<frac2>\d+))?)?"
    + r"\s*(?P<unit>"
    + _UNIT_NAMES
    + r")(?!\w)(?:\s*(?P<unit2>"
    + _UNIT_NAMES
    + r")(?!\w))?"
    + r"(?P<next>\s+[А-Яа-яЁё]+)?"
)


def _cardinal(number: int, frac: str | None, case: str, gender: str) -> str:
    if frac:
        # «1,5» → «одна целая пять десятых» (num2words reads the fraction; the case stays nominative)
        return str(_words(float(f"{number}.{frac}")))
    return _cardinal_words(number, case, gender)


def _cardinal_words(number: int, case: str, gender: str) -> str:
    # num2words says «одна тысяча …» for a feminine or neuter 1001–1999; a voice says «тысяча …»
    spoken = str(_words(number, case=case, gender=gender))
    return spoken.removeprefix("одна ") if 1000 <= number < 2000 and spoken.startswith("одна тысяч") else spoken


def _quantity(match: re.Match[str]) -> str:
    unit, unit2 = match.group("unit"), match.group("unit2")
    prep_case = _case_of(match.group("prep"))
    case = prep_case if prep_case in ("g", "d", "i", "p") else "n"
    gender, forms, fraction_form = _UNITS[unit]
    parts = []
    first = _cardinal(_int(match.group("n")), match.group("frac"), case, gender)
    parts.append(first)
    last_n, last_frac = _int(match.group("n")), match.group("frac")
    if match.group("n2") is not None:
        last_n, last_frac = _int(match.group("n2")), match.group("frac2")
        parts.append("— " + _cardinal(last_n, last_frac, case, gender))
    if last_frac:
        parts.append(fraction_form)
    elif case == "n":
        parts.append(_plural_form(last_n, forms))
    else:
        parts.append(_declined_unit(unit, case, last_n))
    if unit2 is not None:
        # «15 тыс. т» → «пятнадцать тысяч тонн»: after a multiplier the unit is genitive plural
        parts.append(_UNITS[unit2][1][2] if unit in _MULTIPLIERS else unit2)
    return _with_prep(match, " ".join(parts)) + (match.group("next") or "")


# Units in oblique cases (after «более», «в», «к» …): plural forms (singular after 1 is rare in these texts).
_UNIT_CASES = {
    "тысяча": {"g": "тысяч", "d": "тысячам", "i": "тысячами", "p": "тысячах"},
    "миллион": {"g": "миллионов", "d": "миллионам", "i": "миллионами", "p": "миллионах"},
    "миллиард": {"g": "миллиардов", "d": "миллиардам", "i": "миллиардами", "p": "миллиардах"},
    "тонна": {"g": "тонн", "d": "тоннам", "i": "тоннами", "p": "тоннах"},
    "процент": {"g": "процентов", "d": "процентам", "i": "процентами", "p": "процентах"},
    "килограмм": {"g": "килограммов", "d": "килограммам", "i": "килограммами", "p": "килограммах"},
    "километр": {"g": "километров", "d": "километрам", "i": "километрами", "p": "километрах"},
    "человек": {"g": "человек", "d": "людям", "i": "людьми", "p": "людях"},
    "рубль": {"g": "рублей", "d": "рублям", "i": "рублями", "p": "рублях"},
    "штука": {"g": "штук", "d": "штукам", "i": "штуками", "p": "штуках"},
}


def _declined_unit(unit: str, case: str, number: int) -> str:
    nominative = _UNITS[unit][1][0]
    if number % 10 == 1 and number % 100 != 11 and case == "g":
        return _UNITS[unit][2]  # «более 1 тонны»
    return _UNIT_CASES[nominative][case]


_PLAIN = re.compile(_PREP + r"(?P<n>" + _NUMBER + r")(?:,(?P<frac>\d+))?(?P<next>\s+[А-Яа-яЁё]+)?")
_NUMBER_RANGE = re.compile(r"(?<=\d)\s*[–—]\s*(?=\d)")


def _gender_before(word: str, number: int) -> str:
    """The gender a number takes from the noun after it (only 1 and 2 differ): «одна тонна», «две машины»."""
    word = word.lower()
    if number % 100 in (11, 12):
        return "m"
    if number % 10 == 1:
        if word.endswith(("а", "я")):
            return "f"
        if word.endswith(("о", "е")):
            return "n"
    if number % 10 == 2 and word.endswith(("ы", "и")):
        return "f"
    return "m"


def _case_before(word: str, prep: str | None) -> str:
    """The case of a counted noun in the plural tells the number's: «в трёх цехах», «двум заводам»."""
    word = word.lower()
    if word.endswith(("ах", "ях")):
        return "p"
    if word.endswith(("ами", "ями")):
        return "i"
    if word.endswith(("ам", "ям")) and len(word) > 3:
        return "d"
    case = _case_of(prep)
    return case if case == "g" else "n"


_FUNCTION_WORDS = frozenset(("и", "или", "а", "но", "да", "по", "из", "на", "в", "во", "с", "со", "до", "от", "к"))


def _plain(match: re.Match[str]) -> str:
    number = _int(match.group("n"))
    following = (match.group("next") or "").strip()
    if following.lower() in _FUNCTION_WORDS:
        following = ""
    if match.group("frac"):
        spoken = _words(float(f"{number}.{match.group('frac')}"))
    else:
        case = _case_before(following, match.group("prep")) if following else _case_of(match.group("prep"))
        if case == "a":
            case = "n"
        spoken = _cardinal_words(number, case, _gender_before(following, number))
    return _with_prep(match, spoken) + (match.group("next") or "")


def normalise(text: str) -> str:
    """`text` as a Russian voice should read it (every digit, abbreviation and Roman numeral spelt out)."""
    for pattern, spoken in _ABBREVIATIONS:
        text = pattern.sub(spoken, text)
    text = _YEAR_RANGE.sub(_year_range, text)
    text = _YEAR_SPAN.sub(_year_span, text)
    text = _DATE.sub(_date, text)
    text = _YEAR.sub(_year, text)
    text = _BARE_YEAR.sub(_bare_year, text)
    text = _MONTH_YEAR.sub(_month_year, text)
    text = _SUFFIXED.sub(_suffixed, text)
    text = _ROMAN_WITH_NOUN.sub(_roman, text)
    text = _QUANTITY.sub(_quantity, text)
    text = _NUMBER_RANGE.sub(" — ", text)
    text = _PLAIN.sub(_plain, text)
    return re.sub(r"[ \u00a0\u202f\u2009]{2,}", " ", text)
