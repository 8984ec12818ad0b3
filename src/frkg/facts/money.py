"""Money amounts written in prose -> (amount, ISO 4217 currency).

"$240 million", "€20 million", "£7.5m", "20 million euros", "US$1.2 billion",
"USD 3 million", "35 million euros".  Amounts are whole units (an int when
whole, so they become xsd:integer; otherwise a float -> xsd:decimal).
"""
from __future__ import annotations

import re

import pycountry

SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
           "gbp": "GBP", "¥": "CNY", "cny": "CNY", "rmb": "CNY", "a$": "AUD", "c$": "CAD",
           "r$": "BRL", "₹": "INR", "₽": "RUB"}
WORDS = {"dollars": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
         "pounds sterling": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
         "rupees": "INR", "francs": "CHF", "swiss francs": "CHF", "swedish kronor": "SEK",
         "kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK", "roubles": "RUB",
         "rubles": "RUB", "rand": "ZAR", "naira": "NGN", "kenyan shillings": "KES",
         "ugandan shillings": "UGX", "tanzanian shillings": "TZS", "reais": "BRL", "dirhams": "AED",
         "riyals": "SAR", "zlotys": "PLN", "zloty": "PLN", "lira": "TRY",
         "australian dollars": "AUD", "canadian dollars": "CAD", "singapore dollars": "SGD",
         "hong kong dollars": "HKD"}
# "1.2 billion Philippine pesos", "40 million Indonesian rupiah": ISO 4217 names of an adjective and
# a unit (single words such as "Lek" or "Afghani" are too ambiguous), singular or plural.
ISO_NAMES = {" ".join(c.name.lower().split()): c.alpha_3 for c in pycountry.currencies
             if len(c.name.split()) == 2 and not c.name.startswith(("WIR", "Unidad"))}
WORDS = {**{name + "s": code for name, code in ISO_NAMES.items() if not name.endswith(("s", "h", "t"))},
         **ISO_NAMES, **WORDS}
SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
          "billion": 10**9, "bn": 10**9, "b": 10**9}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|mn|bn|m|k|b)\b)?"
MONEY = re.compile(
    rf"(?P<sym>US\$|A\$|C\$|R\$|\$|€|£|¥|₹|₽|\b(?:USD|EUR|GBP|CNY|RMB)\s?){_NUMBER}{_SCALE}"
    rf"|\b{_NUMBER.replace('num', 'num2')}\s*(?P<scale2>thousand|million|billion)?\s+"
    r"(?P<word>%s)\b" % "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True)),
    re.I)


def find_amount(text: str, start: int = 0, end: int | None = None) -> tuple[int | float, str, re.Match] | None:
    """The first money amount in ``text[start:end]`` as (amount, currency, match)."""
    m = MONEY.search(text, start, len(text) if end is None else end)
    if m is None:
        return None
    if m.group("sym"):
        number, scale = m.group("num"), m.group("scale")
        currency = SYMBOLS[m.group("sym").strip().lower()]
    else:
        number, scale = m.group("num2"), m.group("scale2")
        currency = WORDS[m.group("word").lower()]
    value = float(number.replace(",", "")) * SCALES.get((scale or "").lower(), 1)
    amount: int | float = int(round(value)) if abs(value - round(value)) < 1e-6 else value
    return amount, currency, m


def amount_values(text: str, start: int, end: int) -> dict[str, int | float | str]:
    """``{"amount": ..., "currency": ...}`` for the first amount in the span, else empty."""
    found = find_amount(text, start, end)
    return {"amount": found[0], "currency": found[1]} if found else {}
