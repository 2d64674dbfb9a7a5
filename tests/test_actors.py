"""Countries and their other names (capitals, adjectives, people of known country) in a text: the lexicon the
statements' countries and the contradictions' country features read. Speakers are resolved in ``helpers.resolve``
(``test_resolve.py``)."""

import pytest

from helpers.actors import country_finder, country_named, government_name, owner_country


def test_country_finder_names_countries_and_people():
    find = country_finder({"Dragić": "Serbia", "Lund": ""})
    assert find("Serbia and Kosovo had accepted a roadmap") == {"Serbia", "Kosovo"}
    assert find("Moscow's conditions have not been met") == {"Russia"}
    assert find("Dragić had signed nothing, Lund said") == {"Serbia"}  # a person without a known country adds none
    assert find("South Sudan and Nigeria, not Niger") == {"South Sudan", "Nigeria", "Niger"}
    assert country_finder()("The weather was fine") == set()
    # a capital stands for its government where it acts, not where it only places something
    assert find("Georgetown has accepted a bilateral table") == {"Guyana"}
    assert find("Talks would be held in Brasilia") == set()
    assert find("Budapest had not given its consent, a diplomat in Vienna said") == {"Hungary"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Malawi's energy minister", "Malawi"),
        ("Haitian police", "Haiti"),
        ("Lilongwe has agreed", "Malawi"),
        ("Britain said", "United Kingdom"),
        ("the UAE said", "United Arab Emirates"),
        ("Guinea-Bissau said", "Guinea-Bissau"),  # not Guinea
        ("Türkiye's foreign ministry", "Turkey"),
    ],
)
def test_every_country_and_its_other_names_are_found(text, country):
    assert country_finder()(text) == {country}


@pytest.mark.parametrize("name, government", [
    ("China", "Chinese government"),
    ("Tokyo", "Japanese government"),
    ("Britain", "British government"),
    ("the government of Ethiopia", "Ethiopian government"),
    ("UAE government", "Emirati government"),
    ("Brussels", "European Union"),
    ("UN", "United Nations"),
])
def test_a_country_its_other_names_and_its_capital_name_its_government(name, government):
    assert government_name(name) == government


@pytest.mark.parametrize("name", ["Chinese", "Denzel Washington", "Japanese foreign ministry", "paris"])
def test_other_names_are_not_a_government(name):
    assert country_named(name) is None
    assert government_name(name) == name


@pytest.mark.parametrize("owner, country", [("India", "India"), ("Indian", "India"), ("New Delhi", "India"),
                                            ("Moscow", "Russia"), ("Tokyo", "Japan"), ("Kremlin", None), ("Trump", None),
                                            ("South Korea’s", "South Korea"), ("the Philippines'", "Philippines")])
def test_an_owner_names_its_country_by_name_adjective_or_capital(owner, country):
    assert owner_country(owner) == country
