"""quoter.render.localize: digits, separators, money, percentages, words and dates in Persian and English."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from persiantools import digits as pt_digits

from quoter.errors import DomainError, QuoterError
from quoter.render.localize import (
    MAX_WORDS_AMOUNT,
    amount_in_words,
    format_date,
    format_money,
    format_number,
    format_percent,
    jalali_date,
    jalali_date_numeric,
    money_amount,
    number_in_words,
    to_latin_digits,
    to_persian_digits,
)

# --- helpers: read words back, so a property test can check any amount ----------------------------------

_SMALL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
_EN_SMALL = {w: i for i, w in enumerate(_SMALL_WORDS.split(" "))}
_TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_EN_TENS = {w: 10 * i for i, w in enumerate(_TENS_WORDS.split(" ")) if w != "_"}
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_SCALES["quadrillion"] = 10**15


def parse_english(words: str) -> int:
    total = group = 0
    for word in words.split():
        if word in _EN_SMALL:
            group += _EN_SMALL[word]
        elif "-" in word:
            tens, ones = word.split("-")
            group += _EN_TENS[tens] + _EN_SMALL[ones]
        elif word in _EN_TENS:
            group += _EN_TENS[word]
        elif word == "hundred":
            group *= 100
        else:
            total += group * _EN_SCALES[word]
            group = 0
    return total + group


def persian_digit_free(text: str) -> bool:
    return not any(c.isdigit() for c in text)


# --- digits and numbers -------------------------------------------------------------------------------


def test_persian_digits_round_trip():
    assert to_persian_digits("Tel 021-1234 5678, ٣") == "Tel ۰۲۱-۱۲۳۴ ۵۶۷۸, ۳"
    assert to_latin_digits("۱۴۰۵/۰۹/۰۱") == "1405/09/01"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (Decimal("12345000"), "fa", None, "۱۲٬۳۴۵٬۰۰۰"),
        (Decimal("12345000"), "en", None, "12,345,000"),
        (Decimal("1234.5"), "fa", None, "۱٬۲۳۴٫۵"),
        (Decimal("1234.5"), "fa", 2, "۱٬۲۳۴٫۵۰"),
        (Decimal("2.5"), "en", 0, "3"),  # half up, not banker's rounding
        (Decimal("0"), "fa", None, "۰"),
        (7, "en", None, "7"),
        (Decimal("999.995"), "en", 2, "1,000.00"),
    ],
)
def test_format_number(value, lang, decimals, expected):
    assert format_number(value, lang, decimals=decimals) == expected


@given(st.integers(min_value=0, max_value=10**18))
def test_format_number_persian_reads_back(n):
    text = format_number(n, "fa")
    assert not any("0" <= c <= "9" for c in text)
    assert int(to_latin_digits(text).replace("٬", "")) == n


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (Decimal("0.8"), "fa", "۸۰٪"),
        (Decimal("0.8"), "en", "80%"),
        (Decimal("0.125"), "fa", "۱۲٫۵٪"),
        (Decimal("0.05"), "en", "5%"),
        (Decimal("0.0449"), "en", "4.5%"),
        (Decimal("0.03"), "fa", "۳٪"),
        (Decimal("1"), "en", "100%"),
    ],
)
def test_format_percent(value, lang, expected):
    assert format_percent(value, lang) == expected


# --- money --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "toman", "expected"),
    [
        (Decimal("12345000"), "IRR", "fa", False, "۱۲٬۳۴۵٬۰۰۰ ریال"),
        (Decimal("12345000"), "IRR", "en", False, "12,345,000 IRR"),
        (Decimal("12345000"), "IRR", "fa", True, "۱٬۲۳۴٬۵۰۰ تومان"),
        (Decimal("12345000"), "IRR", "en", True, "1,234,500 Toman"),
        (Decimal("12345"), "IRR", "fa", True, "۱٬۲۳۵ تومان"),  # 1,234.5 Toman rounds half up
        (Decimal("1234.4"), "IRR", "en", False, "1,234 IRR"),
        (Decimal("1234.5"), "USD", "en", False, "$1,234.50"),
        (Decimal("1234.5"), "EUR", "en", False, "€1,234.50"),
        (Decimal("1234.5"), "USD", "fa", False, "۱٬۲۳۴٫۵۰ دلار"),
        (Decimal("0"), "IRR", "fa", False, "۰ ریال"),
        ("1000", "irr", "en", False, "1,000 IRR"),
    ],
)
def test_format_money(amount, currency, lang, toman, expected):
    assert format_money(Decimal(amount), currency, lang, toman=toman) == expected


def test_money_unknown_currency_and_toman_on_usd_are_errors():
    with pytest.raises(DomainError, match="unsupported currency 'GBP'"):
        format_money(Decimal(1), "GBP", "en")
    with pytest.raises(DomainError, match="Toman applies to IRR only"):
        format_money(Decimal(1), "USD", "fa", toman=True)
    with pytest.raises(DomainError, match="unsupported language 'de'"):
        format_money(Decimal(1), "IRR", "de")


# --- amounts in words ---------------------------------------------------------------------------------

PERSIAN_TABLE = [
    (0, "صفر"),
    (1, "یک"),
    (11, "یازده"),
    (18, "هجده"),
    (20, "بیست"),
    (101, "یکصد و یک"),
    (500, "پانصد"),
    (1000, "یک هزار"),
    (1001, "یک هزار و یک"),
    (10_000, "ده هزار"),
    (100_000, "یکصد هزار"),
    (1_000_000, "یک میلیون"),
    (1_000_001, "یک میلیون و یک"),
    (12_345_000, "دوازده میلیون و سیصد و چهل و پنج هزار"),
    (103_900_000, "یکصد و سه میلیون و نهصد هزار"),
    (1_000_000_000, "یک میلیارد"),
    (2_500_000_000_000, "دو تریلیون و پانصد میلیارد"),
    (
        10**15 - 1,
        "نهصد و نود و نه تریلیون و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و "
        "نهصد و نود و نه هزار و نهصد و نود و نه",
    ),
    (10**15, "یک هزار تریلیون"),
]

ENGLISH_TABLE = [
    (0, "zero"),
    (1, "one"),
    (15, "fifteen"),
    (21, "twenty-one"),
    (100, "one hundred"),
    (101, "one hundred one"),
    (1000, "one thousand"),
    (1_000_001, "one million one"),
    (12_345_000, "twelve million three hundred forty-five thousand"),
    (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine"),
    (10**15, "one quadrillion"),
]


@pytest.mark.parametrize(("n", "words"), PERSIAN_TABLE)
def test_persian_words_table(n, words):
    assert number_in_words(n, "fa") == words


@pytest.mark.parametrize(("n", "words"), ENGLISH_TABLE)
def test_english_words_table(n, words):
    assert number_in_words(n, "en") == words


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_persian_words_agree_with_persiantools(n):
    assert number_in_words(n, "fa") == pt_digits.to_word(n)


@given(st.integers(min_value=0, max_value=MAX_WORDS_AMOUNT))
def test_english_words_read_back(n):
    words = number_in_words(n, "en")
    assert parse_english(words) == n
    assert "  " not in words and words == words.strip()


@given(st.integers(min_value=0, max_value=MAX_WORDS_AMOUNT))
def test_persian_words_are_well_formed(n):
    words = number_in_words(n, "fa")
    assert persian_digit_free(words)
    assert not words.startswith("و ") and not words.endswith(" و") and " و و " not in words
    assert ("صفر" in words) == (n == 0)


def test_every_small_number_agrees_with_persiantools():
    for n in range(0, 2001):
        assert number_in_words(n, "fa") == pt_digits.to_word(n)


@pytest.mark.parametrize("n", [-1, MAX_WORDS_AMOUNT + 1, 10**18])
def test_words_out_of_range(n):
    with pytest.raises(DomainError, match="out of range"):
        number_in_words(n, "fa")


def test_words_refuse_fractions_and_negative_money():
    with pytest.raises(DomainError, match="whole numbers"):
        number_in_words(Decimal("1.5"), "en")  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="negative"):
        amount_in_words(Decimal("-1"), "fa", "IRR")
    with pytest.raises(QuoterError, match="out of range"):
        amount_in_words(Decimal(10**15 + 1), "en", "IRR")


@pytest.mark.parametrize(
    ("amount", "lang", "currency", "toman", "expected"),
    [
        (Decimal("12345000"), "fa", "IRR", False, "دوازده میلیون و سیصد و چهل و پنج هزار ریال"),
        (Decimal("12345000"), "en", "IRR", False, "twelve million three hundred forty-five thousand rials"),
        (Decimal("12345000"), "fa", "IRR", True, "یک میلیون و دویست و سی و چهار هزار و پانصد تومان"),
        (
            Decimal("12345000"),
            "en",
            "IRR",
            True,
            "one million two hundred thirty-four thousand five hundred tomans",
        ),
        (Decimal("1"), "en", "IRR", False, "one rial"),
        (Decimal("0"), "fa", "IRR", False, "صفر ریال"),
        (
            Decimal("1234.50"),
            "en",
            "USD",
            False,
            "one thousand two hundred thirty-four dollars and fifty cents",
        ),
        (Decimal("1.01"), "en", "EUR", False, "one euro and one cent"),
        (Decimal("1000.05"), "fa", "USD", False, "یک هزار دلار و پنج سنت"),
        (Decimal("0.999"), "en", "USD", False, "one dollar"),
        (Decimal(10**15), "fa", "IRR", False, "یک هزار تریلیون ریال"),
        (Decimal(10**16), "fa", "IRR", True, "یک هزار تریلیون تومان"),
    ],
)
def test_amount_in_words(amount, lang, currency, toman, expected):
    assert amount_in_words(amount, lang, currency, toman=toman) == expected


@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False))
def test_figures_and_words_tell_the_same_amount(amount):
    figures = format_money(amount, "IRR", "en")
    words = amount_in_words(amount, "en", "IRR")
    assert int(figures.removesuffix(" IRR").replace(",", "")) == parse_english(words.rsplit(" ", 1)[0])
    assert money_amount(amount, "IRR") == int(figures.removesuffix(" IRR").replace(",", ""))


# --- dates --------------------------------------------------------------------------------------------


def test_reference_date():
    d = date(2026, 11, 22)
    assert jalali_date(d) == "۱ آذر ۱۴۰۵"
    assert jalali_date(d, "en") == "1 Azar 1405"
    assert jalali_date_numeric(d) == "۱۴۰۵/۰۹/۰۱"
    assert jalali_date_numeric(d, "en") == "1405/09/01"
    assert format_date(d, "en") == "22 November 2026"
    assert format_date(d, "fa") == "۱ آذر ۱۴۰۵"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 21), "۱ فروردین ۱۴۰۵"),  # Nowruz
        (date(2026, 3, 20), "۲۹ اسفند ۱۴۰۴"),
        (date(2025, 3, 20), "۳۰ اسفند ۱۴۰۳"),  # 1403 is a leap year
        (date(2027, 1, 1), "۱۱ دی ۱۴۰۵"),
    ],
)
def test_jalali_dates(d, expected):
    assert jalali_date(d) == expected


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_jalali_numeric_is_monotonic(d):
    today, tomorrow = jalali_date_numeric(d, "en"), jalali_date_numeric(d + timedelta(days=1), "en")
    assert today < tomorrow
    assert to_persian_digits(today) == jalali_date_numeric(d, "fa")
