"""Numbers, money, dates and amounts in words for Persian (``fa``) and English (``en``) output.

Pure functions: ``Decimal``/``int``/``date`` in, ``str`` out. Money is never a float.

Persian text uses Persian digits (۰-۹) and separators (``٬`` thousands, ``٫`` decimal); babel gives the
separators (``numbering_system="default"``) but keeps ASCII digits, so digits are mapped here. Digits are
converted per call and per language, never globally, so they cannot leak into English text.

Rounding done here is display rounding only (half up): Rial and Toman to whole units, USD/EUR to cents.
Figures and words of the same amount always go through the same rounding, so they agree.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from quoter.errors import DomainError

__all__ = [
    "CURRENCIES",
    "LANGS",
    "MAX_WORDS_AMOUNT",
    "amount_in_words",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "jalali_date",
    "jalali_date_numeric",
    "money_amount",
    "number_in_words",
    "to_latin_digits",
    "to_persian_digits",
]

LANGS = ("fa", "en")
CURRENCIES = ("IRR", "USD", "EUR")
MAX_WORDS_AMOUNT = 10**15
"""Largest integer :func:`number_in_words` spells (one quadrillion; 1,000,000,000,000,000 Rial)."""

_LOCALES = {"fa": "fa_IR", "en": "en_US"}
_PERSIAN_DIGITS = str.maketrans("0123456789٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹")
_LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

# Display unit per (currency, toman): decimals shown, Persian name, English name (singular, plural).
_UNITS: dict[tuple[str, bool], tuple[int, str, str, str]] = {
    ("IRR", False): (0, "ریال", "rial", "rials"),
    ("IRR", True): (0, "تومان", "toman", "tomans"),
    ("USD", False): (2, "دلار", "dollar", "dollars"),
    ("EUR", False): (2, "یورو", "euro", "euros"),
}
_EN_CODE = {("IRR", False): "IRR", ("IRR", True): "Toman"}
_CENT = ("سنت", "cent", "cents")


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise DomainError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def _unit(currency: str, toman: bool) -> tuple[int, str, str, str]:
    key = (currency.upper(), toman)
    if key not in _UNITS:
        if toman:
            raise DomainError(f"Toman applies to IRR only, not {currency!r}")
        raise DomainError(f"unsupported currency {currency!r}; use one of {', '.join(CURRENCIES)}")
    return _UNITS[key]


def to_persian_digits(text: str) -> str:
    """Replace ASCII (and Arabic-Indic) digits with Persian digits; everything else is kept."""
    return str(text).translate(_PERSIAN_DIGITS)


def to_latin_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits with ASCII digits (inverse of :func:`to_persian_digits`)."""
    return str(text).translate(_LATIN_DIGITS)


def _quantize(value: Decimal | int, decimals: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int, lang: str, *, decimals: int | None = None) -> str:
    """Format a number with grouping: ``12,345.5`` (en) or ``۱۲٬۳۴۵٫۵`` (fa).

    ``decimals=None`` shows the value's own digits; otherwise it is rounded half up to that many places
    and always shows them.
    """
    from babel.numbers import format_decimal

    locale = _LOCALES[_check_lang(lang)]
    value = Decimal(value)
    if decimals is None:
        text = format_decimal(
            value, format="#,##0.###", locale=locale, numbering_system="default", decimal_quantization=False
        )
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
        text = format_decimal(_quantize(value, decimals), format=pattern, locale=locale, numbering_system="default")
    return to_persian_digits(text) if lang == "fa" else text


def format_percent(value: Decimal | int, lang: str, *, decimals: int = 1) -> str:
    """Format a fraction as a percentage: ``Decimal("0.125")`` -> ``12.5%`` / ``۱۲٫۵٪``; ``0.8`` -> ``80%``.

    Rounded half up to ``decimals`` places; trailing zeros are dropped, so decimals appear only where needed.
    """
    pct = _quantize(Decimal(value) * 100, decimals)
    pct = pct.quantize(Decimal(1)) if pct == pct.to_integral_value() else pct.normalize()
    number = format_number(pct, lang)
    return f"{number}٪" if lang == "fa" else f"{number}%"


def money_amount(amount: Decimal | int, currency: str, *, toman: bool = False) -> Decimal:
    """The amount in its display unit, rounded as shown: whole Rial, whole Toman (Rial / 10) or cents."""
    decimals = _unit(currency, toman)[0]
    value = Decimal(amount) / 10 if toman else Decimal(amount)
    return _quantize(value, decimals)


def format_money(amount: Decimal | int, currency: str, lang: str, *, toman: bool = False) -> str:
    """Format an amount of money.

    ``amount`` is in the currency's own unit (Rial for IRR, also with ``toman=True``: it is divided by 10).
    IRR: ``۱۲٬۳۴۵٬۰۰۰ ریال`` / ``12,345,000 IRR``; Toman: ``۱٬۲۳۴٬۵۰۰ تومان`` / ``1,234,500 Toman``;
    USD/EUR (two decimals): ``۱٬۲۳۴٫۵۰ دلار`` / ``$1,234.50``.
    """
    _check_lang(lang)
    currency = currency.upper()
    decimals, name_fa, _, _ = _unit(currency, toman)
    value = money_amount(amount, currency, toman=toman)
    if lang == "fa":
        return f"{format_number(value, 'fa', decimals=decimals)} {name_fa}"
    if currency in ("USD", "EUR"):
        from babel.numbers import format_currency

        return format_currency(value, currency, locale=_LOCALES["en"])
    return f"{format_number(value, 'en', decimals=decimals)} {_EN_CODE[(currency, toman)]}"


# --- amounts in words -------------------------------------------------------------------------------

_FA_ONES = ["صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_FA_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
_FA_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_FA_HUNDREDS = ["", "یکصد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
_FA_SCALES = ["", "هزار", "میلیون", "میلیارد", "تریلیون", "هزار تریلیون"]

_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion"]


def _fa_below_1000(n: int) -> str:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_FA_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_FA_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_FA_TENS[tens])
        if ones:
            parts.append(_FA_ONES[ones])
    return " و ".join(parts)


def _en_below_1000(n: int) -> str:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(f"{_EN_ONES[hundreds]} hundred")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_EN_ONES[rest])
    return " ".join(parts)


def number_in_words(n: int, lang: str) -> str:
    """Spell a whole number from 0 to 10**15 inclusive.

    Persian follows contract usage (``یک هزار``, ``یکصد``, parts joined with ``و``): 12,345,000 ->
    ``دوازده میلیون و سیصد و چهل و پنج هزار``. English uses the short scale without "and":
    ``twelve million three hundred forty-five thousand``.
    """
    _check_lang(lang)
    if isinstance(n, bool) or not isinstance(n, int):
        raise DomainError(f"only whole numbers can be written in words, not {n!r}")
    if not 0 <= n <= MAX_WORDS_AMOUNT:
        raise DomainError(f"{n} is out of range for amounts in words (0 to {MAX_WORDS_AMOUNT:,})")
    if n == 0:
        return _FA_ONES[0] if lang == "fa" else _EN_ONES[0]
    below, scales = (_fa_below_1000, _FA_SCALES) if lang == "fa" else (_en_below_1000, _EN_SCALES)
    groups = []
    for scale in range(len(scales)):
        n, group = divmod(n, 1000)
        if group:
            groups.append(below(group) + (f" {scales[scale]}" if scales[scale] else ""))
        if not n:
            break
    return (" و " if lang == "fa" else " ").join(reversed(groups))


def amount_in_words(amount: Decimal | int, lang: str, currency: str, *, toman: bool = False) -> str:
    """Write an amount of money in words, with the currency, after the same rounding as :func:`format_money`.

    ``12345000`` IRR -> ``دوازده میلیون و سیصد و چهل و پنج هزار ریال`` /
    ``twelve million three hundred forty-five thousand rials``; USD 1234.50 ->
    ``one thousand two hundred thirty-four dollars and fifty cents``; USD 0.15 -> ``fifteen cents`` (no
    "zero dollars"), USD 0 -> ``zero dollars``. The whole part must be 0 to 10**15;
    negative amounts are refused.
    """
    _check_lang(lang)
    currency = currency.upper()
    _, name_fa, singular, plural = _unit(currency, toman)
    value = money_amount(amount, currency, toman=toman)
    if value < 0:
        raise DomainError(f"a negative amount ({value}) cannot be written in words")
    whole = int(value)
    cents = int((value - whole) * 100)
    if whole > MAX_WORDS_AMOUNT:
        raise DomainError(f"{whole} is out of range for amounts in words (0 to {MAX_WORDS_AMOUNT:,})")
    if lang == "fa":
        units = [f"{number_in_words(whole, 'fa')} {name_fa}"] if whole or not cents else []
        units += [f"{number_in_words(cents, 'fa')} {_CENT[0]}"] if cents else []
        return " و ".join(units)  # $0.15: «پانزده سنت», not «صفر دلار و پانزده سنت»
    units = [f"{number_in_words(whole, 'en')} {singular if whole == 1 else plural}"] if whole or not cents else []
    units += [f"{number_in_words(cents, 'en')} {_CENT[1] if cents == 1 else _CENT[2]}"] if cents else []
    return " and ".join(units)


# --- dates ------------------------------------------------------------------------------------------

JALALI_MONTHS_FA = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
JALALI_MONTHS_EN = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
]
_GREGORIAN_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _jalali(d: date) -> tuple[int, int, int]:
    import jdatetime

    j = jdatetime.date.fromgregorian(year=d.year, month=d.month, day=d.day)
    return j.year, j.month, j.day


def jalali_date(d: date, lang: str = "fa") -> str:
    """Long Jalali (Solar Hijri) date: 2026-11-22 -> ``۱ آذر ۱۴۰۵`` (fa) or ``1 Azar 1405`` (en)."""
    year, month, day = _jalali(d)
    if _check_lang(lang) == "fa":
        return to_persian_digits(f"{day} {JALALI_MONTHS_FA[month - 1]} {year}")
    return f"{day} {JALALI_MONTHS_EN[month - 1]} {year}"


def jalali_date_numeric(d: date, lang: str = "fa") -> str:
    """Numeric Jalali date, year first: 2026-11-22 -> ``۱۴۰۵/۰۹/۰۱`` (fa) or ``1405/09/01`` (en)."""
    year, month, day = _jalali(d)
    text = f"{year:04d}/{month:02d}/{day:02d}"
    return to_persian_digits(text) if _check_lang(lang) == "fa" else text


def format_date(d: date, lang: str) -> str:
    """A document date: Jalali for fa (``۱ آذر ۱۴۰۵``), Gregorian for en (``22 November 2026``)."""
    if _check_lang(lang) == "fa":
        return jalali_date(d, "fa")
    return f"{d.day} {_GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"
