"""Country names, short forms and demonyms, generated from pycountry.

pycountry gives ISO names, common names and official names; short forms are
derived from its "Name, Qualifier" names ("Iran, Islamic Republic of" ->
"Iran") when they are unambiguous.  Demonyms are derived by English suffix
rules, with a small table for the irregular ones the rules get wrong.  Only
forms that people write ("US", "U.S.", "UK") are listed by hand.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import pycountry

# Abbreviations and everyday names that pycountry does not carry.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia",), "KR": ("South Korea",), "KP": ("North Korea",), "VN": ("Vietnam",),
    "TR": ("Turkey",), "CZ": ("Czech Republic",), "LA": ("Laos",), "TW": ("Taiwan",),
    "CN": ("PRC", "People's Republic of China", "People’s Republic of China"),
    "AE": ("UAE", "Emirates"), "CD": ("DRC",), "NL": ("Holland",),
}
# Capitals that news uses for their governments ("Washington blacklisted", "Beijing denied").
# pycountry carries no capitals, so this small table is written by hand; it lists only capitals
# of countries active in the surveillance-technology trade and its regulation, and only names
# that do not also name a person or a company.
CAPITALS: dict[str, str] = {
    "Washington": "US", "Beijing": "CN", "Moscow": "RU", "London": "GB", "Brussels": "BE",
    "Paris": "FR", "Berlin": "DE", "Tokyo": "JP", "Seoul": "KR", "Pyongyang": "KP",
    "New Delhi": "IN", "Tehran": "IR", "Ankara": "TR", "Canberra": "AU", "Ottawa": "CA",
    "Taipei": "TW", "Jerusalem": "IL", "Riyadh": "SA", "Abu Dhabi": "AE", "Islamabad": "PK",
    "Hanoi": "VN", "Minsk": "BY", "Kyiv": "UA", "Kiev": "UA", "Caracas": "VE", "Brasília": "BR",
    "Brasilia": "BR", "Pretoria": "ZA", "Cairo": "EG", "Belgrade": "RS", "Budapest": "HU",
    "Warsaw": "PL", "The Hague": "NL", "Stockholm": "SE",
}


# Demonyms the suffix rules cannot derive (first one is the canonical form).
IRREGULAR_DEMONYMS: dict[str, tuple[str, ...]] = {
    "CN": ("Chinese",), "US": ("American",), "GB": ("British",), "FR": ("French",),
    "DE": ("German",), "NL": ("Dutch",), "JP": ("Japanese",), "CH": ("Swiss",),
    "ES": ("Spanish",), "TR": ("Turkish",), "IL": ("Israeli",), "PK": ("Pakistani",),
    "IR": ("Iranian",), "IQ": ("Iraqi",), "SA": ("Saudi",), "AE": ("Emirati",),
    "VN": ("Vietnamese",), "TW": ("Taiwanese",), "TH": ("Thai",), "PH": ("Filipino",),
    "KR": ("South Korean",), "KP": ("North Korean",), "RU": ("Russian",), "PL": ("Polish",),
    "SE": ("Swedish",), "DK": ("Danish",), "FI": ("Finnish",), "IE": ("Irish",),
    "PT": ("Portuguese",), "GR": ("Greek",), "BD": ("Bangladeshi",), "AF": ("Afghan",),
    "NZ": ("New Zealand",), "BR": ("Brazilian",), "AR": ("Argentine", "Argentinian"),
    "SG": ("Singaporean",), "MY": ("Malaysian",), "ID": ("Indonesian",), "UZ": ("Uzbek",),
    "KZ": ("Kazakh",), "LB": ("Lebanese",), "SD": ("Sudanese",), "SN": ("Senegalese",),
    "EG": ("Egyptian",), "ZW": ("Zimbabwean",), "EC": ("Ecuadorian",), "VE": ("Venezuelan",),
    "CA": ("Canadian",), "CL": ("Chilean",), "ZA": ("South African",), "BE": ("Belgian",),
    "NO": ("Norwegian",), "PE": ("Peruvian",), "KE": ("Kenyan",), "UG": ("Ugandan",),
}
_PAREN = re.compile(r"\s*\(.*?\)")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every written form of a country name -> ISO alpha-2 code."""
    forms: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                for form in _name_forms(name):
                    forms[form].add(country.alpha_2)
    names = {form: next(iter(codes)) for form, codes in forms.items() if len(codes) == 1}
    for code, short in SHORT_FORMS.items():
        names.update({form: code for form in short})
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym ("Chinese", "Kenyan") -> ISO alpha-2 code."""
    out: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name:
            derived = _derive_demonym(name)
            if derived:
                out.setdefault(derived, country.alpha_2)
    for code, forms in IRREGULAR_DEMONYMS.items():
        out.update({form: code for form in forms})
    return out


def canonical_demonym(code: str) -> str:
    """The adjective for a country code ("CN" -> "Chinese"), else its name."""
    if code in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[code][0]
    for form, other in demonyms().items():
        if other == code:
            return form
    return country_label(code)


def country_label(code: str) -> str:
    """Short English label: common name if pycountry has one, else its name."""
    if code in SHORT_FORMS and code in ("US", "GB", "RU", "KR", "KP", "VN", "TR", "LA", "TW"):
        return {"US": "United States", "GB": "United Kingdom"}.get(code, SHORT_FORMS[code][0])
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _name_forms(name: str) -> set[str]:
    """ISO's "Korea, Republic of" is written "Republic of Korea" (and "Korea", if no other country is)."""
    forms = {name, _PAREN.sub("", name).strip()}
    if "," in name:
        head, qualifier = (part.strip() for part in name.split(",", 1))
        forms.add(head)
        if qualifier.endswith((" of", " of the")):
            written = f"{qualifier} {head}"
            forms |= {written, written.removeprefix("The ").removeprefix("the ")}
    return {f for f in forms if f}


def _derive_demonym(name: str) -> str | None:
    """English suffix rules: Kenya -> Kenyan, Mexico -> Mexican, Italy -> Italian."""
    if " " in name:
        return None
    if name.endswith("a"):
        return name + "n"
    if name.endswith("o"):
        return name[:-1] + "an"
    if name.endswith("y"):
        return name[:-1] + "ian"
    if name.endswith("e"):
        return name[:-1] + "ian"
    return None
