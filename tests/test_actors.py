"""Merging mentions into canonical actors."""

import pytest

from helpers.actors import ActorResolver, country_finder, find_people
from helpers.article import load_article


@pytest.fixture(scope="module")
def seed_resolver(seed_article):
    return ActorResolver(load_article(seed_article).text)


@pytest.mark.parametrize(
    ("mention", "actor"),
    [
        ("French President Emmanuel Macron", "Emmanuel Macron"),
        ("Macron", "Emmanuel Macron"),
        ("the French leader", "Emmanuel Macron"),
        ("the president", "Emmanuel Macron"),
        ("Putin’s spokesman", "Kremlin spokesman"),
        ("The Kremlin spokesman", "Kremlin spokesman"),
        ("The official in Macron’s office", "French official"),
        ("a French official", "French official"),
        ("The French official", "French official"),
        ("The Russian government", "Russian government"),
        ("Belarusian officials", "Belarusian officials"),
        ("Andrey Kortunov", "Andrey Kortunov"),
    ],
)
def test_seed_mentions(seed_resolver, mention, actor):
    assert seed_resolver.resolve(mention, 600) == actor


def test_two_leaders_is_the_pair_last_mentioned(seed_resolver):
    assert seed_resolver.resolve("the two leaders", 400) == "Macron and Putin"


def test_aliases_override():
    r = ActorResolver("The spokesman said no. Dmitry Peskov is the spokesman.", aliases={"the spokesman": "Dmitry Peskov"})
    assert r.resolve("The spokesman") == "Dmitry Peskov"


def test_people_with_titles_and_unicode_names():
    people = find_people("Serbian President Milan Dragić met EU envoy Henrik Lund in San Francisco.")
    assert people["dragić"].name == "Milan Dragić" and people["dragić"].country == "Serbia"
    assert people["lund"].titles == ["EU envoy"]
    assert "francisco" not in people


def test_family_name_first():
    r = ActorResolver("Chinese leader Wei Zhaoming met Harlan. Wei told a dinner that China was calm.")
    assert r.resolve("Wei") == "Wei Zhaoming"


def test_country_finder_names_countries_and_people():
    from helpers.actors import country_finder

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


def test_a_capital_that_speaks_is_its_government_but_an_embassy_in_it_is_not():
    r = ActorResolver("Budapest said it would veto the plan. The Chinese Embassy in Manila said there was no such deal.")
    assert r.resolve("Budapest") == "Budapest" and r.countries["Budapest"] == "Hungary"
    assert r.countries[r.resolve("The Chinese Embassy in Manila")] == "China"


def test_the_kingdom_is_the_monarchy_named_before():
    text = "Jordan has agreed with Egypt to share the water, a diplomat said. The kingdom's water ministry denied it."
    r = ActorResolver(text)
    actor = r.resolve("The kingdom's water ministry", text.index("The kingdom"))
    assert actor == "Jordanian water ministry" and r.countries[actor] == "Jordan"  # Egypt, named last, is no kingdom
    assert ActorResolver("Chile said so. The country's foreign ministry agreed.").resolve("The country's foreign ministry", 20) == "Chilean foreign ministry"


def test_a_country_before_a_lower_case_title_and_a_comma():
    assert find_people("Japan's chief cabinet secretary, Hiroki Natsume, said no.")["natsume"].country == "Japan"


def test_portfolio_and_title_words_are_not_part_of_a_name():
    from helpers.actors import find_people

    people = find_people("EU Transport Commissioner Lena Weiss said the deal was done. Trade Commissioner Jan Berg agreed.")
    assert people["weiss"].name == "Lena Weiss" and people["berg"].name == "Jan Berg"


def test_a_company_is_no_person():
    from helpers.actors import find_people

    people = find_people("Oslo approved Nordic Shipping Plc's sale, Trade Minister Ola Berg said. Baltic Energy SA declined to comment.")
    assert set(people) == {"berg"}  # "Nordic Shipping Plc" and "Baltic Energy SA" are companies


def test_an_administration_is_no_person():
    from helpers.actors import find_people

    assert "administration" not in find_people("China's General Administration of Customs has not published a quota.")


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
