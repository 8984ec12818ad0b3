"""Country names as documents write them, generated from pycountry's ISO names."""
from __future__ import annotations

from frkg.countries import country_names
from tests.extraction import entities


def test_iso_names_with_a_qualifier_are_also_written_in_running_order() -> None:
    names = country_names()
    assert names["Republic of Korea"] == "KR" and names["Islamic Republic of Iran"] == "IR"
    assert names["Democratic Republic of the Congo"] == "CD" and names["Republic of the Congo"] == "CG"
    assert "Korea" not in names  # two countries: neither is meant


def test_the_longer_name_wins_in_a_document() -> None:
    text = ("The Republic of Korea sold cameras to the Democratic Republic of the Congo, "
            "and the Republic of the Congo bought them too.")
    found = {key for key, kind in entities(text) if kind == "Country"}
    assert found == {"country/KR", "country/CD", "country/CG"}
