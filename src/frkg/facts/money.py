"""Money amounts written in prose -> (amount, ISO 4217 currency).

"$240 million", "€20 million", "£7.5m", "20 million euros", "US$1.2 billion",
"USD 3 million", "35 million euros", "EUR 3.2m", "COP 41,000 million",
"27.4 million lari", "2.3 trillion rials", "Rs 145 crore", "Rs 3.5-lakh" (Indian scales: a crore
is ten million, a lakh a hundred thousand), "EUR 4.250.000,00" (European notation).  Amounts are whole units (an int when
whole, so they become xsd:integer; otherwise a float -> xsd:decimal).  A unit
several currencies share ("pesos", "rials") is the one of the country the text
named last before it (ISO 4217 codes start with the country's alpha-2 code).
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Iterable

import pycountry

SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
           "gbp": "GBP", "¥": "CNY", "cny": "CNY", "rmb": "CNY", "a$": "AUD", "c$": "CAD",
           "r$": "BRL", "₹": "INR", "₽": "RUB", "rs": "INR", "rs.": "INR", "s$": "SGD", "hk$": "HKD",
           "nz$": "NZD"}
WORDS = {"dollars": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
         "pounds sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
         "rupees": "INR", "francs": "CHF", "swiss francs": "CHF", "swedish kronor": "SEK",
         "kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK", "roubles": "RUB",
         "rubles": "RUB", "rand": "ZAR", "naira": "NGN", "kenyan shillings": "KES",
         "ugandan shillings": "UGX", "tanzanian shillings": "TZS", "reais": "BRL", "dirhams": "AED",
         "riyals": "SAR", "zlotys": "PLN", "zloty": "PLN", "lira": "TRY",
         "australian dollars": "AUD", "canadian dollars": "CAD", "singapore dollars": "SGD",
         "hong kong dollars": "HKD", "shekels": "ILS", "shekel": "ILS"}
_CURRENCIES = [c for c in pycountry.currencies if not c.alpha_3.startswith("X")
               and not c.name.startswith(("WIR", "Unidad"))]
# "1.2 billion Philippine pesos", "40 million Indonesian rupiah": ISO 4217 names of an adjective and
# a unit (single words such as "Lek" or "Afghani" are too ambiguous), singular or plural.
ISO_NAMES = {" ".join(c.name.lower().split()): c.alpha_3 for c in _CURRENCIES if len(c.name.split()) == 2}
WORDS = {**{name + "s": code for name, code in ISO_NAMES.items() if not name.endswith(("s", "h", "t"))},
         **ISO_NAMES, **WORDS}
# "27.4 million lari", "9.8 billion pesos": the unit alone (the last word of ISO names) -> the
# currencies using it, the one named by the unit alone ("Won": KRW, not "North Korean Won") first;
# English words ("real", "sum", "colon") are left out.
UNITS: dict[str, list[str]] = defaultdict(list)
_NOT_UNITS = ("real", "sum", "colon", "dollar", "pound", "franc", "rupee", "mark", "gold", "oro", "mvdol")
_LAST_WORDS = {c.name.split()[-1].lower() for c in _CURRENCIES}
for _c in sorted(_CURRENCIES, key=lambda c: len(c.name.split())):
    _words = _c.name.lower().split()
    _unit = _words[0] if _words[0] in _LAST_WORDS and len(_words) == 2 else _words[-1]  # "Rial Omani"
    if _unit not in _NOT_UNITS and _unit.isalpha():
        for _form in {_unit, _unit + "s", _unit + "es"}:  # "soles", "colones"
            if _form not in WORDS:
                UNITS[_form].append(_c.alpha_3)
_SINGLE_NAMED = {c.alpha_3 for c in _CURRENCIES if len(c.name.split()) == 1}
# "EUR 3.2m", "COP 41,000 million", "41,000 million COP": ISO codes in capitals (not those that
# are English words or company names when capitalised).
CODES = sorted(c.alpha_3 for c in _CURRENCIES if c.alpha_3 not in ("ALL", "TOP", "AMD", "SOS", "CUP", "MOP",
                                                                  "BOB", "PEN"))
SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
          "crore": 10**7, "crores": 10**7, "lakh": 10**5, "lakhs": 10**5}
# European notation writes dots for thousands and a comma for decimals ("RON 4.250.000,00", "CHF 9,5
# million"): a comma after the last dot, two dot groups, or one or two digits after a lone comma say so.
_NUMBER = (r"(?P<num>\d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?![\d.,]\d)"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{1,2}(?![\d,])|\d+(?:\.\d+)?)")
EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,}|\d{1,3},\d{1,2}")
# "Rs 118-crore order": a scale may be joined to the figure by a hyphen.
_SCALE = r"(?:[\s-]*(?P<scale>thousand|million|billion|trillion|crores?|lakhs?|mn|bn|tn|m|k|b)\b)?"
_CODE = r"(?-i:%s)" % "|".join(CODES)
_UNIT_WORDS = "|".join(sorted((re.escape(w) for w in [*WORDS, *UNITS]), key=len, reverse=True))
MONEY = re.compile(
    rf"(?P<sym>US\$|A\$|C\$|R\$|S\$|HK\$|NZ\$|(?<![A-Za-z])\$|€|£|¥|₹|₽|(?-i:\bRs\.?\s?)|\b(?:USD|EUR|GBP|CNY|RMB)\s?|\b{_CODE}\s)(?=\d){_NUMBER}{_SCALE}"
    rf"|\b{_NUMBER.replace('num', 'num2')}\s*(?P<scale2>thousand|million|billion|trillion|crores?|lakhs?)?\s+"
    rf"(?:(?P<word>{_UNIT_WORDS})\b|(?P<code>{_CODE})\b)",
    re.I)
YEAR = re.compile(r"(?:19|20)\d\d")
REVENUE = re.compile(r"\b(?:revenues?|turnover|profits?|earnings|sales|income)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:of|was|were|at|to|reached|totalled|totaled)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$")


def find_amount(text: str, start: int = 0, end: int | None = None, countries: Iterable[str] = (),
                dollar: str = "USD", not_revenue: bool = False) -> tuple[int | float, str, re.Match] | None:
    """The first money amount in ``text[start:end]`` as (amount, currency, match); ``countries``
    (alpha-2 codes, the last named last) pick the currency of a unit several countries use; a bare
    "$" is ``dollar`` (see :func:`story_dollar`); ``not_revenue`` skips a firm's takings ("reported
    revenue of S$40 million"), which price no deal."""
    hints = list(countries)
    for m in MONEY.finditer(text, start, len(text) if end is None else end):
        if not_revenue and REVENUE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if m.group("sym"):
            number, scale = m.group("num"), m.group("scale")
            symbol = m.group("sym").strip()
            currency = dollar if symbol == "$" else SYMBOLS.get(symbol.lower()) or symbol.upper()
        else:
            number, scale = m.group("num2"), m.group("scale2")
            currency = _currency(m.group("word"), m.group("code"), number, scale, hints)
        if currency is None:
            continue
        value = number_value(number) * SCALES.get((scale or "").lower(), 1)  # exact: "4.1 trillion"
        amount: int | float = int(value) if value == value.to_integral_value() else float(value)
        return amount, currency, m
    return None


def number_value(number: str) -> Decimal:
    """The value of a figure in English ("1,250,000.50") or European ("1.250.000,50") notation."""
    if EUROPEAN.fullmatch(number):
        return Decimal(number.replace(".", "").replace(",", "."))
    return Decimal(number.replace(",", ""))


def _currency(word: str | None, code: str | None, number: str, scale: str | None,
              hints: list[str]) -> str | None:
    """Currency of "<number> <word or code>"; a local unit alone needs a large or scaled figure."""
    if code:
        return code
    word = word.lower()
    if word in WORDS:
        return WORDS[word]
    if not scale and (YEAR.fullmatch(number) or number_value(number) < 1000):
        return None  # "in 2019 won a tender", "three of them, 3 won": no amount
    candidates = UNITS[word]
    for country in reversed(hints):
        for candidate in candidates:
            if candidate.startswith(country.upper()):
                return candidate
    single = [c for c in candidates if c in _SINGLE_NAMED]
    return candidates[0] if len(candidates) == 1 or len(single) == 1 else None


def amount_values(text: str, start: int, end: int, countries: Iterable[str] = (),
                  dollar: str = "USD", not_revenue: bool = False) -> dict[str, int | float | str]:
    """``{"amount": ..., "currency": ...}`` for the first amount in the span, else empty."""
    found = find_amount(text, start, end, countries, dollar, not_revenue)
    return {"amount": found[0], "currency": found[1]} if found else {}


def countries_before(mentions: Iterable, position: int) -> list[str]:
    """Alpha-2 codes of the countries mentioned before ``position``, in order (currency hints)."""
    return [m.key.split("/", 1)[1] for m in mentions if m.entity_type == "Country" and m.start < position]


# Countries whose own currency a local news story writes as a bare "$" (Singapore and Hong Kong
# stories write "S$"/"HK$" and mean US dollars by "$").
LOCAL_DOLLARS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD"}


def story_dollar(mentions: Iterable, attributes: dict) -> str:
    """The currency of a bare "$": a story set in Canada ("CALGARY — The city's police ...", its
    first place or country) writes Canadian dollars so; any other story US dollars."""
    for m in mentions:
        if m.entity_type == "Country" and m.rule != "demonym":
            return LOCAL_DOLLARS.get(m.key.split("/", 1)[1], "USD")
        if m.entity_type == "Place":
            country = str(attributes.get(m.key, {}).get("locatedIn", ""))
            return LOCAL_DOLLARS.get(country.split("/", 1)[-1], "USD")
    return "USD"
