"""Round-8 family PLACES: cities as frkg:Place entities located in their country (frkg.places).

Every sentence is a dev sentence written for its family (other cities, firms and countries than
the held-out documents); the tests assert what the real pipeline extracts.
"""
from __future__ import annotations

from frkg.model import Entity
from tests.extraction import entities, run


def places(text: str) -> dict[str, tuple[str, str]]:
    """place key -> (label, country it lies in) of every Place extracted."""
    found: list[Entity] = [e for e in run(text).entities if e.entity_type == "Place"]
    return {e.key: (e.label, dict(e.attributes)["locatedIn"]) for e in found}


def test_city_after_a_place_word_and_in_a_list() -> None:
    """Family: a city after in/across/near, and the cities listed after it, in either spelling."""
    text = "The contract covers 900 cameras in Kraków and Wrocław, the Polish interior ministry said."
    assert places(text) == {"place/krakow": ("Kraków", "country/PL"), "place/wroclaw": ("Wrocław", "country/PL")}
    assert places("Cameras were installed across Accra and Kumasi.") == {
        "place/accra": ("Accra", "country/GH"), "place/kumasi": ("Kumasi", "country/GH")}
    assert places("Police near Krakow tested the system.") == {"place/krakow": ("Kraków", "country/PL")}


def test_x_based_names_the_city_and_keeps_the_firm() -> None:
    """Family: "<City>-based <Firm>": the city is a place, the firm still a firm."""
    text = "Shenzhen-based Luma Vision Technology sold cameras to the police in Chile."
    assert places(text) == {"place/shenzhen": ("Shenzhen", "country/CN")}
    assert ("org/luma-vision-technology", "Firm") in entities(text)
    text = "The Paris-based Alpha Vision and Lyon-based Beta Ltd sell cameras."
    assert places(text) == {"place/paris": ("Paris", "country/FR"), "place/lyon": ("Lyon", "country/FR")}


def test_big_cities_stand_alone_and_datelines() -> None:
    """Family: a capital or a city of a million stands alone; a dateline in capitals names its city."""
    assert places("The firm opened offices in Singapore and Mexico City.") == {
        "place/mexico-city": ("Mexico City", "country/MX")}
    assert ("country/SG", "Country") in entities("The firm opened offices in Singapore and Mexico City.")
    assert places("Hanoi is the capital. Cameras went up in Da Nang.") == {
        "place/hanoi": ("Hanoi", "country/VN"), "place/da-nang": ("Da Nang", "country/VN")}
    text = "CASABLANCA, Morocco - The city council signed a contract with Dahua."
    assert places(text) == {"place/casablanca": ("Casablanca", "country/MA")}
    assert places("GDANSK, 4 May - The port bought cameras.") == {"place/gdansk": ("Gdańsk", "country/PL")}
    assert places("Gdansk officials bought cameras.") == {}  # a smaller city needs its context
    assert places("Cameras made by the Shanghai firm were sold.") == {"place/shanghai": ("Shanghai", "country/CN")}


def test_a_shared_name_needs_its_country() -> None:
    """Family: a name cities of similar size share ("Hyderabad") is a place only with its country
    after it, and each city gets its own key; a name one city dominates means that city, which
    keeps the plain key."""
    assert places("Officials in Hyderabad tested the system.") == {}
    text = "Officials in Hyderabad, Pakistan tested the system. Officials in Hyderabad, India did too."
    assert places(text) == {"place/hyderabad-pk": ("Hyderabad", "country/PK"),
                            "place/hyderabad-in": ("Hyderabad", "country/IN")}
    assert places("Officials in Córdoba tested it.") == {"place/cordoba": ("Córdoba", "country/AR")}
    assert places("Officials in Córdoba, Spain tested it.") == {"place/cordoba-es": ("Córdoba", "country/ES")}
    assert places("Victoria said the cameras work well in Victoria.") == {}


def test_no_place_from_words_names_or_actors() -> None:
    """Family (false positives): common words, parts of longer names, persons, calendar words and a
    capital acting as its government are no places."""
    for text in ("Reading the report, analysts found 40 deals. Nice weather did not stop the rollout.",
                 "Mobile operators in Kenya now scan faces. The Split decision surprised investors.",
                 "Jack London wrote about the city long before Osaka Gas signed the camera deal.",
                 "Researchers at the University of Manchester built the dataset.",
                 "Florence Nightingale was a nurse. In May the police bought cameras.",
                 "Bangkok has ordered 2,000 more cameras. Bangkok would not comment.",
                 "Male officers were trained.\nNICE, the health body, disagreed.\nNICE - the regulator - agreed."):
        assert places(text) == {}, text
    assert places("Officials in Bangkok praised the cameras. Bangkok has ordered more.") == {
        "place/bangkok": ("Bangkok", "country/TH")}
    assert places("The cameras were sold to the police in Male.") == {"place/male": ("Male", "country/MV")}


def test_a_document_graph_with_cities_passes_the_shapes() -> None:
    """Family: each city is a frkg:Place with a label, located in a typed country; the document's
    graph conforms to the SHACL shapes."""
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS

    from frkg.namespaces import FRKG, iri_for
    from frkg.ontology import load_ontology, load_shapes
    from frkg.rdf import extraction_to_graph
    from frkg.validation import validate_data

    text = ("Shenzhen-based Luma Vision Technology will install 1,200 face recognition cameras across "
            "Kraków, the Polish interior ministry said in Warsaw.")
    graph = extraction_to_graph(run(text))
    krakow, poland = iri_for("place/krakow"), iri_for("country/PL")
    assert (krakow, RDF.type, FRKG.Place) in graph
    assert (krakow, RDFS.label, Literal("Kraków")) in graph
    assert (krakow, FRKG.locatedIn, poland) in graph
    assert (poland, RDF.type, FRKG.Country) in graph
    assert (iri_for("place/shenzhen"), FRKG.locatedIn, iri_for("country/CN")) in graph
    assert (iri_for("country/CN"), RDF.type, FRKG.Country) in graph
    result = validate_data(graph, load_ontology(), load_shapes())
    assert result.conforms, result.text
