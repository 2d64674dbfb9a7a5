"""Resolving source mentions to canonical actors, on short texts written here (parsed with the pinned spaCy model)."""

from __future__ import annotations

import pytest

from helpers.attribution import Attribution, find_attributions, parse
from helpers.resolve import BodyNames, Resolver, actor_kinds, body_key, resolve_all


def resolved(text: str, aliases: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(mention, canonical actor) of each attribution of ``text``, in text order."""
    doc = parse(text)
    found = find_attributions(doc)
    actors = resolve_all(doc, found, aliases)
    assert len(actors) == len(found)
    return [(text[a.mention_start : a.mention_end], actor) for a, actor in zip(found, actors)]


def actors(text: str, aliases: dict[str, str] | None = None) -> list[str]:
    return [actor for _, actor in resolved(text, aliases)]


# -- names and surnames -----------------------------------------------------------------------------------------
def test_a_later_surname_is_the_full_name_given_before():
    found = resolved("Foreign Minister Sergei Lavrov said the talks had failed. Lavrov added that Moscow would respond.")
    assert found == [("Foreign Minister Sergei Lavrov", "Sergei Lavrov"), ("Lavrov", "Sergei Lavrov")]


def test_a_surname_without_its_arabic_article_is_the_full_name_before_or_after():
    after = actors("President Bashar al-Assad said the ceasefire would hold. Assad added that talks would resume.")
    assert after == ["Bashar al-Assad", "Bashar al-Assad"]
    before = actors("Assad said the ceasefire would hold. President Bashar al-Assad added that talks would resume.")
    assert before == ["Bashar al-Assad", "Bashar al-Assad"]
    assert actors("Mohamed ElBaradei said inspectors had left. ElBaradei added that they would return.") == ["Mohamed ElBaradei"] * 2


def test_a_full_name_first_written_in_the_possessive_names_the_later_surname():
    text = "Iran confirmed Donald Trump’s announcement of talks.\n\nTrump said on Monday that the talks were direct."
    assert actors(text)[-1] == "Donald Trump"


def test_a_full_name_the_tagger_read_as_a_body_names_the_later_surname():
    text = ("Indian External Affairs Ministry spokesperson Raveesh Kumar tweeted that no request had been made.\n\n"
            "Kumar said later that the matter was bilateral.")
    assert actors(text) == ["Raveesh Kumar", "Raveesh Kumar"]


@pytest.mark.parametrize("slug, name", [
    ("kold-2014-06-27-mexico-denies-helicopter-crossed-border-fired-shots", "Art del Cueto"),  # "del", read as a foreign word
    ("itv-2023-01-08-ukraine-denies-russia-600-troops-claim", "Serhii Cherevatyi"),  # a surname tagged a product
    ("defensepost-2022-06-09-drc-says-rwanda-500-troops", "Sylvain Ekenge"),  # "spokesman ..., General Sylvain Ekenge," tagged a body
])
def test_a_name_before_its_description_is_the_speaker_on_real_articles(slug, name):
    """"Art del Cueto, president of the local border patrol union, said": the name, not the whole mention, and the
    later "del Cueto" is the same actor."""
    from helpers.article import load_article
    from helpers.paths import PROJECT_ROOT
    from helpers.statements import extract_statements

    speakers = {s.speaker for s in extract_statements(load_article(PROJECT_ROOT / f"data/real/articles/{slug}.txt"))}
    surname = name.split()[-1]
    assert name in speakers
    assert [s for s in speakers if surname in s] == [name]


def test_the_democratic_republic_of_congo_is_congo():
    text = ("DR Congo says Rwanda sent troops over the border.\n\n"
            "The Democratic Republic of Congo’s army accused Rwanda of deploying 500 soldiers.")
    assert actors(text) == ["Congolese government", "Congolese army"]


def test_a_royal_title_is_not_part_of_a_full_name():
    text = ("Prince Faisal bin Farhan Al Saud said no such meeting occurred.\n\n"
            "Faisal added that only American and Saudi officials were present.")
    assert actors(text) == ["Faisal bin Farhan Al Saud", "Faisal bin Farhan Al Saud"]
    assert actors("Queen Elizabeth said she was pleased.") == ["Queen Elizabeth"]  # not a bare first name


def test_a_middle_name_alone_is_the_one_person_with_it():
    text = ("Abukar Dahir Osman, the Somali ambassador, said Nairobi was destabilising his country.\n\n"
            "Later, Dahir said the troops had to leave.")
    assert actors(text) == ["Abukar Dahir Osman", "Abukar Dahir Osman"]


def test_a_later_full_name_after_a_bare_surname_is_the_same_person():
    assert actors("Peskov said the talks had failed. Dmitry Peskov later said that Moscow would respond.") == [
        "Dmitry Peskov", "Dmitry Peskov"]
    assert actors("Mr. Peskov said the talks had failed. Dmitry Peskov added that Moscow would respond.") == [
        "Dmitry Peskov", "Dmitry Peskov"]


# -- pronouns ---------------------------------------------------------------------------------------------------
def test_she_goes_to_the_woman_even_when_a_man_was_named_last():
    assert resolved("Mrs. Ortiz met Mr. Tanaka in Lima on Monday. She said the deal was close.") == [("She", "Ortiz")]
    assert actors("Mrs. Ortiz met Mr. Tanaka in Lima on Monday. He said the deal was close.") == ["Tanaka"]
    assert actors("Mrs. Ortiz spoke to reporters in Lima. Mr. Tanaka arrived later. She said the deal was close.") == ["Ortiz"]


def test_a_pronoun_goes_to_a_compatible_speaker_before_it():
    assert actors("Mrs. Ortiz said the deal was close. Mr. Tanaka said the talks would go on. "
                  "She added that a vote was due in May.") == ["Ortiz", "Tanaka", "Ortiz"]
    assert actors("Mr. Tanaka said the talks would go on. Mrs. Ortiz said the deal was close. "
                  "He added that a vote was due in May.") == ["Tanaka", "Ortiz", "Tanaka"]
    assert actors("Sergei Lavrov said the talks had failed. He added that Moscow would respond.") == [
        "Sergei Lavrov", "Sergei Lavrov"]


def test_a_pronoun_already_resolved_tells_the_gender():
    assert actors("Kiri Ortiz said the talks had stalled. Ande Kim said a deal was near. He added that a vote was due. "
                  "She said the vote would fail.") == ["Kiri Ortiz", "Ande Kim", "Ande Kim", "Kiri Ortiz"]


def test_a_pronoun_with_no_antecedent_keeps_its_words():
    assert resolved("He said the talks would go on.") == [("He", "He")]
    assert resolved("I said the plan would work.") == [("I", "I")]


def test_they_goes_to_a_body_that_spoke_before_not_to_a_person():
    found = resolved("The Foreign Ministry said the embassy would close. Sergei Lavrov said the staff were safe. "
                     "They added that flights would resume on Friday.")
    assert found == [("The Foreign Ministry", "Foreign Ministry"), ("Sergei Lavrov", "Sergei Lavrov"), ("They", "Foreign Ministry")]
    assert actors("Sergei Lavrov met the delegation on Monday. They said the talks were useful.") == ["They"]
    assert actors("The ministry said the border would close. It added that trade would stop.") == ["ministry", "ministry"]


# -- titles -----------------------------------------------------------------------------------------------------
def test_a_title_is_the_person_named_with_it():
    assert resolved("Kremlin spokesman Dmitry Peskov met reporters on Monday. The spokesman said the summit would go ahead.") == [
        ("The spokesman", "Dmitry Peskov")]
    assert actors("Dmitry Peskov, the Kremlin spokesman, met reporters on Monday. "
                  "The spokesman said the summit would go ahead.") == ["Dmitry Peskov"]
    assert actors("Foreign Minister Sergei Lavrov arrived in Geneva on Monday. The minister said the talks would resume.") == [
        "Sergei Lavrov"]


def test_a_title_goes_to_the_person_with_that_title_not_the_last_named():
    assert actors("Senator Ruth Kahn and Governor Ed Vale met on Monday. The governor said the vote would pass.") == ["Ed Vale"]


def test_a_title_nobody_holds_keeps_its_words():
    assert resolved("The senator said the vote would pass.") == [("The senator", "senator")]


def test_a_capitalised_title_opening_a_sentence_is_not_part_of_the_name():
    assert actors("Spokeswoman Maria Zakharova said the talks were over. The spokeswoman added that the embassy would "
                  "stay open.") == ["Maria Zakharova", "Maria Zakharova"]


def test_a_person_in_apposition_to_a_role_is_the_source_not_the_role_s_owner():
    assert resolved("Trump’s Indiana chairman, Rex Early, a former state party chairman, said he would run.") == [
        ("Trump’s Indiana chairman, Rex Early, a former state party chairman", "Rex Early")]


def test_a_full_name_after_a_title_is_a_person_even_when_the_tagger_missed_it():
    text = "Phoenix Mayor Greg Stanton wrote a letter asking for an inquiry. Stanton said voters waited for hours."
    doc = parse(text)
    doc.ents = []  # as in a real article where the tagger read the name as a work of art
    found = find_attributions(doc)
    assert [(text[a.mention_start : a.mention_end], actor) for a, actor in zip(found, resolve_all(doc, found))] == [
        ("Phoenix Mayor Greg Stanton", "Greg Stanton"), ("Stanton", "Greg Stanton")]


def test_a_first_name_before_a_surname_the_tagger_missed_is_the_full_name():
    # the tagger reads no person in "... Human Rights Michelle Bachelet"; "Bachelet" is a subject on its own later
    text = ("The minister insisted the report from High Commissioner for Human Rights Michelle Bachelet was biased.\n\n"
            "Bachelet said her office had interviewed hundreds of victims. She said the findings were accurate.")
    doc = parse(text)
    doc.ents = [e for e in doc.ents if "Bachelet" not in e.text and "Michelle" not in e.text]
    found = find_attributions(doc)
    named = [(text[a.mention_start : a.mention_end], actor) for a, actor in zip(found, resolve_all(doc, found))]
    assert ("Bachelet", "Michelle Bachelet") in named and ("She", "Michelle Bachelet") in named
    # a capitalised word before a surname is no first name unless the lexicon says so: "Rights Bachelet" is not a name
    assert all(actor != "Rights Bachelet" for _, actor in named)


def test_he_goes_to_the_only_man_after_she_went_to_the_woman():
    assert actors("Mrs. Petrova said the talks were over. Sergei Lavrov arrived on Monday. She said the embassy would "
                  "stay open. He said the talks would go on.") == ["Petrova", "Petrova", "Sergei Lavrov"]


# -- bodies -----------------------------------------------------------------------------------------------------
def test_a_body_keeps_its_words_without_the_article():
    assert resolved("The Kremlin said the summit would go ahead.") == [("The Kremlin", "Kremlin")]


def test_a_short_form_of_a_body_is_the_full_name_used_before():
    assert actors("The Washington Post said the report was accurate. The Post reported that two officials had resigned.") == [
        "Washington Post", "Washington Post"]
    assert actors("The European Commission said the rules would change. The Commission added that fines would follow.") == [
        "European Commission", "European Commission"]


# -- documents and groups ---------------------------------------------------------------------------------------
def test_a_document_speaks_for_its_owner_or_the_names_before_it():
    assert actors("The Thai army’s statement said Cambodian soldiers entered a disputed area.\n\nThe White House readout "
                  "of the call said that Trump had raised the violence.") == ["Thai army", "White House"]
    assert actors("The Chinese statement said the meeting was held at India's request.") == ["Chinese government"]


def test_a_document_speaks_for_its_author_and_a_later_mention_for_the_same():
    text = ("According to a report by independent experts for the United Nations, Rwandan troops crossed the border. "
            "The report said the troops fought beside the rebels.")
    assert actors(text) == ["independent experts for the United Nations"] * 2
    assert actors("Friday's letter from Eritrea said the talks had failed.") == ["Eritrean government"]  # a date owns nothing


def test_a_document_speaks_for_whoever_issued_it():
    # the statement's participle cue is the statement's, and the subject that issued the statement speaks through it
    found = resolved("The Norwegian embassy released a statement calling the report false.")
    assert ("a statement", "Norwegian embassy") in found
    # "the statement" speaks for whoever put their words in the statement named before
    text = ("The US on Thursday made the claims in a statement and accused the authorities of detaining officials. "
            "The statement further alleged that the government withheld their passports.")
    assert actors(text) == ["U.S. government"] * 2
    assert actors("Kyiv said in a letter that the talks had failed. The letter also said that prisoners would be exchanged.") == ["Ukrainian government"] * 2


def test_a_capitalised_title_before_a_name_in_apposition_is_theirs():
    text = ("Minister of Defence, Peter Okonkwo, said the claims were false. He added that President John Mensah had kept "
            "the talks open. The Minister stated that the border would stay open.")
    assert actors(text) == ["Peter Okonkwo"] * 3  # "the Minister" is not the president named last


def test_a_document_nobody_is_named_for_keeps_its_words():
    assert actors("The report said the troops fought beside the rebels.") == ["report"]


def test_words_that_count_a_group_or_set_one_apart_are_not_its_name():
    text = ("Two senior Philippine officials on Sunday denied that Manila had agreed to a new model. A different Japanese "
            "official said on Thursday that no summit was planned.")
    assert actors(text) == ["senior Philippine officials", "Japanese official"]
    text = "Indian government sources said the leaders met only briefly. The two leaders talked in the lounge, one of the sources said."
    assert actors(text) == ["Indian government sources"] * 2


# -- relative pronouns ------------------------------------------------------------------------------------------
def test_a_relative_pronoun_resolves_through_its_noun():
    assert resolved("The minister, who said the border would stay closed, left early.") == [("who", "minister")]
    assert actors("The ministry, which said the border would stay closed, gave no date.") == ["ministry"]
    assert actors("Foreign Minister Sergei Lavrov, who said the border would stay closed, left early.") == ["Sergei Lavrov"]
    assert actors("Foreign Minister Sergei Lavrov arrived in Geneva. The minister, who said the border would stay closed, "
                  "left early.") == ["Sergei Lavrov"]


# -- aliases ----------------------------------------------------------------------------------------------------
def test_user_aliases_win():
    text = "Kremlin spokesman Dmitry Peskov met reporters on Monday. The spokesman said the summit would go ahead."
    assert actors(text, {"the spokesman": "Kremlin"}) == ["Kremlin"]
    assert actors(text, {"The Spokesman": "Kremlin"}) == ["Kremlin"]  # keys compare case-insensitively
    assert actors(text, {"spokesman": "Kremlin"}) == ["Kremlin"]  # and without the article
    assert actors("Kremlin spokesman Dmitry Peskov said the summit would go ahead.",
                  {"Kremlin spokesman Dmitry Peskov": "Kremlin"}) == ["Kremlin"]
    assert actors(text, {"the minister": "Kremlin"}) == ["Dmitry Peskov"]  # an alias of another mention changes nothing


# -- resolve_all ------------------------------------------------------------------------------------------------
def test_resolve_all_answers_in_the_order_given_and_sees_speakers_in_text_order():
    text = "Mr. Tanaka said the talks would go on. Mrs. Ortiz said the deal was close. He added that a vote was due in May."
    doc = parse(text)
    found = find_attributions(doc)
    assert resolve_all(doc, list(reversed(found))) == list(reversed(resolve_all(doc, found))) == ["Tanaka", "Ortiz", "Tanaka"][::-1]


def test_a_mention_without_a_span_resolves_to_nothing():
    doc = parse("The talks went on.")
    lost = Attribution(cue="said", cue_start=0, cue_end=3, content_start=4, content_end=9)
    assert Resolver(doc).resolve(lost) == ""
    assert resolve_all(doc, [lost]) == [""]


def test_a_role_named_again_is_the_earlier_speaker_of_that_role():
    """"a French official ... the official": the same speaker; "the Kremlin spokesman ... Putin's spokesman": the
    same role; "the Chinese official" is another one; "the two leaders" are the two people named last."""
    assert actors("A French official said the deal was done. The official later said it was not firm.") == ["French official"] * 2
    assert actors("The Kremlin spokesman said that was not clear. Putin's spokesman denied there was a deal.") == ["Kremlin spokesman"] * 2
    assert actors("A French official said the deal was done. The Chinese official said it was not.") == ["French official", "Chinese official"]
    assert actors("Emmanuel Macron met Vladimir Putin. The two leaders said they had agreed to talk.") == ["Macron and Putin"]


# -- gender, owners, descriptions, nearby names ---------------------------------------------------------------------
def test_a_first_name_tells_the_gender():
    """Census first names: "she" skips the man named last; "Crooked Hillary Clinton" is still a woman's name."""
    assert actors("Elizabeth Warren questioned John Stumpf on Tuesday. Stumpf apologised. "
                  "“This just isn’t right,” she said.") == ["Elizabeth Warren"]
    assert actors("John Stumpf met Elizabeth Warren on Tuesday. He said the bank had fired 5,300 employees.") == ["John Stumpf"]


def test_an_honorific_picks_between_two_people_of_one_surname():
    assert actors("Bill Clinton met Hillary Clinton in Chappaqua. Mrs. Clinton said the plan would pass.") == ["Hillary Clinton"]
    assert actors("Hillary Clinton met Bill Clinton in Chappaqua. Mr. Clinton said the plan would pass.") == ["Bill Clinton"]


def test_a_bare_surname_of_a_man_does_not_become_a_woman_named_later():
    assert actors("Mr. Obama spoke in Honolulu. Michelle Obama said the trip was long. "
                  "Mr. Obama said the trend lines were terrifying.") == ["Michelle Obama", "Obama"]


def test_a_body_owned_by_a_person_is_named_for_them():
    assert actors("The Clinton campaign said the ad would air nationally.") == ["Clinton campaign"]
    assert actors("Donald Trump’s campaign said the charges were fabricated.") == ["Trump campaign"]
    assert actors("Donald Trump spoke in Ohio. The Trump campaign said the ad would air. The campaign added that "
                  "it would run for a week.") == ["Trump campaign", "Trump campaign"]
    assert actors("A Trump aide said the ad would air.") == ["Trump aide"]


def test_a_description_with_a_party_goes_to_the_person_of_that_party():
    text = ("Republican nominee Donald Trump and Democrat Hillary Clinton spoke on Monday. "
            "The Democratic nominee said the plan would pass.")
    assert actors(text) == ["Hillary Clinton"]
    assert actors("Republican nominee Donald Trump spoke in Ohio on Monday. The Republican said the polls were rigged.") == [
        "Donald Trump"]
    assert actors("Indiana Gov. Mike Pence spoke in Fort Wayne. The governor said the media were to blame.") == ["Mike Pence"]


def test_a_pronoun_goes_to_the_person_of_its_own_sentence_before_a_speaker_named_earlier():
    text = ("Josh Earnest said the veterans deserved better. "
            "Donald Trump is drawing criticism after he said that some veterans were weak.")
    assert actors(text) == ["Josh Earnest", "Donald Trump"]


def test_a_name_inside_a_quotation_is_not_the_speaker_of_the_next_he_said():
    text = ("Barack Obama spoke in Honolulu. “My science adviser, John Holdren, will issue some chart in the "
            "morning,” he said.")
    assert actors(text) == ["Barack Obama"]


def test_a_hyphenated_surname_stays_whole():
    assert resolved("“I have admiration for the mechanics,” Mr. Holtz-Eakin said.") == [("Mr. Holtz-Eakin", "Holtz-Eakin")]


def test_named_people_joined_by_and_are_one_group():
    assert actors("Charles Grassley met Patrick Leahy on Monday. But Mr. Grassley and Mr. Leahy say other changes are "
                  "needed.") == ["Charles Grassley and Patrick Leahy"]
    assert actors("Sens. Jeff Merkley, Sherrod Brown and Robert Menendez all suggested that the claims were grounds "
                  "for a lawsuit.") == ["Jeff Merkley, Sherrod Brown and Robert Menendez"]


def test_a_body_noun_is_the_body_of_that_kind_named_last():
    assert actors("Wells Fargo fired 5,300 employees. The bank said that it had fired them over five years.") == ["Wells Fargo"]
    assert actors("The bank said that it had fired them.") == ["bank"]  # none named: the words stay
    assert actors("Wells Fargo fired 5,300 employees. The Chinese bank said it would not.") == ["Chinese bank"]


def test_a_full_name_the_parse_did_not_tag_still_names_the_surname():
    """The small parser reads "Foreign Adviser Towhid Rahman" as a work of art, and tags only the later "Rahman"."""
    text = ("“Only the date of signing remains,” Foreign Adviser Towhid Rahman told reporters in Dhaka on Monday. "
            "Rahman said on Wednesday that he had perhaps spoken too soon.")
    assert actors(text)[-1] == "Towhid Rahman"


def test_a_family_name_written_first_is_the_person_named_in_full_before():
    assert actors("Chinese foreign ministry spokesman Wei Zhaoming said Beijing disagreed. Wei added that talks "
                  "would go on.") == ["Wei Zhaoming", "Wei Zhaoming"]


def test_a_countrys_body_is_named_by_the_countrys_adjective():
    assert actors("Azerbaijan’s Ministry of Foreign Affairs said the claims were groundless.") == [
        "Azerbaijani Ministry of Foreign Affairs"]
    assert actors("Thailand's army said the border would stay closed.") == ["Thai army"]
    assert actors("Putin's spokesman said the summit would go ahead.") == ["Putin's spokesman"]  # a person, not a country
    assert actors("China said the claims were groundless.") == ["Chinese government"]  # a country speaks: its government


def test_a_body_owned_by_a_capital_is_named_by_its_countrys_adjective():
    # the capital is the owner, in place of the country; before, the lead's country was put in front of the name
    text = ("India rejected China's claim that its troops crossed the border.\n\nNew Delhi's foreign ministry said "
            "the claim was baseless. Beijing's foreign ministry said Indian troops had crossed the line. Tokyo's "
            "defence ministry said it was watching.")
    assert actors(text)[-3:] == ["Indian foreign ministry", "Chinese foreign ministry", "Japanese defence ministry"]


def test_a_body_owned_by_a_country_whose_name_the_parse_joins_to_its_possessive_is_that_countrys():
    # the entity is "South Korea’s", possessive included; before, the lead's country was put in front of the name
    text = ("Cameroonian officials accuse Nigeria of sheltering insurgents.\n\nSouth Korea’s Defense Ministry vowed "
            "to make North Korea pay a severe price.")
    assert actors(text)[-1] == "South Korean Defense Ministry"


def test_a_state_body_that_names_its_state_keeps_its_name_in_an_article_led_by_another_state():
    text = ("Indian troops did not cross the border, India's defence ministry said on Tuesday.\n\nA spokesperson for "
            "the People’s Liberation Army Western Theatre Command said Indian troops had crossed the line.")
    assert actors(text)[-1] == "spokesperson for the People’s Liberation Army Western Theatre Command"


def test_a_capital_or_another_name_of_a_country_speaks_for_its_government():
    text = ("Tokyo said on Monday that the talks had failed. Beijing said they had not. Britain said it would wait. "
            "The UAE said it had not been asked. Brussels said the sanctions stood.")
    assert actors(text) == ["Japanese government", "Chinese government", "British government", "Emirati government",
                            "European Union"]
    # a capital only placing the speaker is no speaker, and a person keeps the name
    assert actors("Japan's envoy in Tokyo, Ken Sato, said the talks had failed.") == ["Ken Sato"]
    assert actors("Denzel Washington said the film was finished.") == ["Denzel Washington"]


def test_a_name_in_apposition_to_a_role_is_the_person():
    # the parser tags no person here: the apposition alone says "Ana Ruiz" is the minister, and "Ruiz" her
    assert actors("Chile's interior minister, Ana Ruiz, said the border was closed. Ruiz later said it was open.") == [
        "Ana Ruiz", "Ana Ruiz"]
    # the apposition hangs on "Libya" in the parse, but it is still inside the source's mention
    assert actors("The UN envoy for Libya, Ana Lind, welcomed the step but said no monitors had been requested.") == ["Ana Lind"]
    assert actors("The Kremlin spokesman, Dmitry Peskov, said the talks were useful.") == ["Dmitry Peskov"]
    # a place in apposition is no person
    assert actors("The mayor of the capital, Lima, said the roads were open.") != ["Lima"]


def test_each_actor_has_a_kind():
    text = ("Kremlin spokesman Dmitry Peskov said the talks had failed. A French official said they had not. "
            "The Russian government denied it. Macron and Putin said they would meet again. Peskov added nothing.")
    doc = parse(text)
    names = resolve_all(doc, find_attributions(doc))
    kinds = actor_kinds(doc, names)
    assert kinds == {"Dmitry Peskov": "person", "French official": "role", "Russian government": "body", "Macron and Putin": "group"}
    assert actor_kinds(doc, ["", "Something"]) == {"Something": "other"}


def test_a_bodys_initials_are_the_body_named_in_full_before():
    text = ("The International Atomic Energy Agency said on Monday that inspectors had been turned away. "
            "The IAEA added that it would report to its board.")
    assert actors(text) == ["International Atomic Energy Agency"] * 2
    text = "The federal Securities and Exchange Commission said the filing was late. The S.E.C. said it would appeal."
    assert actors(text) == ["Securities and Exchange Commission"] * 2


def test_a_body_named_with_of_is_itself_not_the_place_named_before():
    text = "Protesters gathered in Texas on Friday. The city of Austin said the rally had no permit. It said the square would stay closed."
    assert actors(text) == ["city of Austin", "city of Austin"]


def test_a_role_described_before_its_holder_is_named_is_the_person_named_next():
    text = ("Ohio’s tax commissioner says an internal review found no leak of the filings.\n\n"
            "Maria Delgado says she asked staff on Monday to check the logs.")
    assert actors(text)[0] == "Maria Delgado"
    text = ("The Kenyan finance minister is confirming that the loan was signed.\n\n"
            "But Finance Minister Joseph Mwangi isn’t saying when the money arrives.")
    assert actors(text)[0] == "Joseph Mwangi"


def test_a_pronoun_after_a_report_is_the_reporter_not_the_person_reported_on():
    text = ("Ruth Abara met the envoy on Monday. Kremlin spokesman Dmitry Peskov said Monday that President Vladimir "
            "Putin has long called for talks. He said Putin hopes the next round will happen soon.")
    assert actors(text) == ["Dmitry Peskov", "Dmitry Peskov"]


def test_a_person_named_by_a_first_name_alone_has_that_names_gender():
    doc = parse("“Here he is, he is here,” Melanie said. Melanie waved.")
    assert Resolver(doc).people["Melanie"].gender == "f"


def test_a_surname_the_tagger_read_as_a_body_is_still_a_mention_of_the_person():
    text = ("Representative Jim Clyburn said the remark was a slur. Donald Trump spoke in Ohio on Monday. "
            "“These are howls,” Clyburn said. Trump has record low support from black voters, with just 1 percent. "
            "He recently told voters that they had nothing to lose.")
    assert any(e.text == "Trump" and e.label_ == "ORG" for e in parse(text).ents)  # what the case is about
    assert actors(text)[-1] == "Donald Trump"


def test_which_is_the_body_just_before_it_when_the_parse_hangs_the_clause_on_a_verb():
    text = "To solve this quandary, the reporters turned to the Chicago Police Department which reported “2,521 shooting incidents” in the city."
    assert actors(text) == ["Chicago Police Department"]


def test_a_surname_the_tagger_put_in_a_bodys_name_is_still_the_person():
    text = ("Donald Trump has praised Russian President Vladimir Putin, a Trump favorite, many times. In a March 2016 "
            "meeting with the editorial board of the Washington Post Trump said that U.S. involvement in NATO may need "
            "to be diminished.")
    assert actors(text) == ["Donald Trump"]


def test_a_work_speaks_for_its_author_and_officials_for_their_body():
    text = "Hillary Clinton unveiled a tax plan on Monday. Mrs. Clinton's plan says the wealthiest will pay more."
    assert actors(text)[-1] == "Hillary Clinton"
    text = "Hillary Clinton spoke in July. The agency was warned, according to a speech Mrs. Clinton delivered at New York University."
    assert actors(text) == ["Hillary Clinton"]
    text = "Officials at the International Atomic Energy Agency said they were concerned about the site."
    assert actors(text) == ["International Atomic Energy Agency"]
    assert actors("Donald Trump's team said the rally would go ahead.") == ["Trump team"]  # a body of people, not him


def test_a_description_is_not_the_surname_the_tagger_read_as_a_body_before_it():
    text = ("Donald Trump spoke in Ohio on Monday.\n\nMike Pence says too much is made of Donald Trump’s tweets.\n\n"
            "The Republican vice presidential nominee was speaking Friday in Fort Wayne, Indiana, hours after Trump "
            "unleashed a flurry of tweets shaming a former beauty queen.\n\n"
            "The Indiana governor said Democrats and the media are to blame.")
    assert any(e.text == "Trump" and e.label_ == "ORG" for e in parse(text).ents)  # what the case is about
    assert actors(text) == ["Mike Pence", "Mike Pence"]


# -- interview transcripts --------------------------------------------------------------------------------------
INTERVIEW = (
    "Q&A with Foreign Minister Maria Santos.\n\n"
    "Foreign Minister Maria Santos spoke with a reporter, Tom Hale, on Tuesday. Santos defended the treaty.\n\n"
    "Q: You said last week that the talks were over. Why?\n\n"
    "A: I said that the talks were paused, not over. We never walked away.\n\n"
    "Q: Do you think the other side will return?\n\n"
    "A: I believe they will."
)


def test_in_a_transcript_i_in_an_answer_and_you_in_a_question_are_the_interviewee():
    found = resolved(INTERVIEW)
    firsts = [actor for mention, actor in found if mention.lower() in ("i", "you")]
    assert len(firsts) >= 3
    assert set(firsts) == {"Maria Santos"}


def test_without_both_labels_first_person_is_not_read_as_an_interviewee():
    text = INTERVIEW.replace("Q: ", "").replace("\n\nQ", "\n\n")
    assert "Maria Santos" not in [actor for mention, actor in resolved(text) if mention.lower() in ("i", "you")]


# -- name forms -------------------------------------------------------------------------------------------------
def test_a_suffix_is_part_of_the_full_name_not_the_surname():
    text = ("President Ferdinand Marcos Jr. said on Monday that the ships had left. "
            "Marcos added that the talks were over. The Marcos administration said it would protest.")
    assert actors(text) == ["Ferdinand Marcos Jr", "Ferdinand Marcos Jr", "Marcos administration"]


def test_a_given_name_the_tagger_left_out_and_a_country_it_took_in():
    text = "Defense Secretary Gilberto Teodoro Jr. said the ships had left. Teodoro added that Manila would protest."
    assert actors(text) == ["Gilberto Teodoro Jr", "Gilberto Teodoro Jr"]
    text = "Kosovo Petar Petkovic said on Monday that the ban was illegal. Petkovic added that Belgrade would respond."
    assert actors(text) == ["Petar Petkovic", "Petar Petkovic"]


def test_a_body_of_several_states_speaks_for_itself_under_its_full_name():
    text = "The UN said on Monday that famine was imminent. China said it disagreed. The EU said it would send aid."
    assert actors(text) == ["United Nations", "Chinese government", "European Union"]


def test_a_title_tells_the_gender_over_a_first_names_guess():
    # the census table gives "Dina" as a woman's name; "spokesman" says otherwise
    text = ("Foreign Ministry spokesman Dina Mufti told reporters on Thursday that aid sent by Kwame Mensah was arriving. "
            "Dina said the famine comparison was wrong, he said.")
    assert dict(resolved(text))["he"] == "Dina Mufti"


def test_a_hyphenated_given_name_stays_whole():
    # the tokenizer splits "Jean-Claude", and the tagger may read the name as a body: the later surname is still him
    text = ("Jean-Claude Juncker has denied the claims in the report. Juncker, on a visit to Strasbourg, said the "
            "claims were untrue.")
    assert actors(text) == ["Jean-Claude Juncker", "Jean-Claude Juncker"]


def test_a_state_body_named_without_its_state_is_the_leads_country():
    # "the foreign ministry" of an article whose lead is about Oman is Oman's; a body that names its state keeps it
    text = ("Oman denied on Tuesday that it had established ties with Israel. Reports of ties are baseless, the foreign "
            "ministry said. Israel's foreign ministry said the ties were real.")
    assert actors(text) == ["Omani government", "Omani foreign ministry", "Israeli foreign ministry"]
    # the country can be the subject of the clause the lead reports
    assert actors("South Korea has expressed regret over the reports, a presidential official said.") == ["South Korean presidential official"]
    # no country in the lead: the name stays as written
    assert actors("Donald Trump said the deal was done. The ministry said it was not.") == ["Donald Trump", "ministry"]


def test_a_profession_or_epithet_is_the_person_it_was_given_to():
    """Role nouns come from ``lexicons/people.tsv``: "the tycoon" after "Donald Trump, a real estate tycoon"; a
    title of that table is not kept in the name ("Assemblywoman Claudia Tenney" is Claudia Tenney)."""
    assert actors("Donald Trump, a real estate tycoon, spoke in Ohio on Monday. The tycoon said the polls were rigged.") == [
        "Donald Trump"]
    assert actors("John Zogby, a veteran pollster, met reporters on Monday. The pollster said turnout would be low.") == ["John Zogby"]
    assert actors("Assemblywoman Claudia Tenney spoke on Monday. Tenney said the race was close.") == ["Claudia Tenney"]


def test_one_body_keeps_the_first_name_the_article_gives_it():
    """"the Ministry of Foreign Affairs of Georgia", then "Georgian MFA", then "the Georgian Foreign Ministry": one
    actor, not three (``lexicons/body_names.tsv``); a seat after the name does not make another body."""
    text = ("The Ministry of Foreign Affairs of Georgia on Saturday slammed the report. The talks went well, Georgian MFA said. "
            "The Georgian Foreign Ministry also said the platform was the only one.")
    assert actors(text) == ["Georgian Ministry of Foreign Affairs"] * 3
    assert body_key("Chinese Embassy in Manila") == ("chinese embassy", "manila")
    assert body_key("Chinese embassy")[0] == "chinese embassy" != body_key("Chinese Foreign Ministry")[0]
    assert body_key("Eritrean Ministry of Information") == body_key("Eritrean Information Ministry")
    bodies = BodyNames()
    names = ["US officials in Washington", "US officials", "Chinese embassy", "Chinese Embassy in Manila", "Chinese Embassy in Washington"]
    assert [bodies.name(n) for n in names] == [
        "US officials in Washington", "US officials in Washington", "Chinese embassy", "Chinese embassy", "Chinese Embassy in Washington"]


def test_a_short_form_defined_in_brackets_is_the_body_named_before_it():
    text = ("Ecuador's National Secretariat of Communications (Secom) said the comments were misread. "
            "Secom said on Sunday that the agency was not named.")
    assert actors(text) == ["National Secretariat of Communications"] * 2


# -- a role described before, or apart from, the person who holds it ------------------------------------------
# (a sentence stands between the role and the name, so that the next sentence's subject does not settle it)
def test_a_role_described_first_is_the_person_the_article_gives_that_title():
    text = ("Brazil's foreign minister on Monday dismissed the remarks as unfounded. The dispute began last week.\n\n"
            "Brazilian Foreign Minister Mauro Vieira told reporters that the country had taken no side.")
    assert actors(text) == ["Mauro Vieira", "Mauro Vieira"]


def test_a_headline_role_is_the_person_the_body_names_with_it():
    text = ("US negotiator says no deal was reached\n\nThe talks in Berlin lasted two days.\n\n"
            "US nuclear negotiator Christopher Hill said on Friday that no agreement had been reached.")
    assert actors(text)[0] == "Christopher Hill"


def test_role_words_of_one_role_name_the_same_person():
    text = ("The Kremlin spokesperson called the report a fiction. The report appeared on Sunday.\n\n"
            "Kremlin spokesman Dmitry Peskov said on Monday that no call had taken place.")
    assert actors(text)[0] == "Dmitry Peskov"


def test_a_role_with_another_rank_or_another_country_is_not_that_person():
    vice = ("The Democratic presidential nominee said the tax plan was a fraud. The plan was published in May.\n\n"
            "Democratic vice presidential nominee Tim Kaine said on Monday that the plan would fail.")
    assert actors(vice)[0] != "Tim Kaine"
    other_country = ("Iran's foreign minister insisted there were no plans for a visit. The visit was announced in May.\n\n"
                     "British Foreign Minister John Smith said on Monday that a visit was planned.")
    assert actors(other_country)[0] != "John Smith"


def test_a_role_two_people_hold_names_neither():
    text = ("The foreign minister said the talks had failed. The talks began in May.\n\n"
            "Foreign Minister Ana Lind said on Monday that the talks would resume. "
            "Foreign Minister Mark Tull said on Tuesday that they would not.")
    assert actors(text)[0] not in ("Ana Lind", "Mark Tull")
    assert actors(text.replace("Mark Tull", "Ana Lind"))[0] == "Ana Lind"


def test_a_country_is_not_a_short_form_of_a_body_named_of_it():
    text = ("The Revolutionary Armed Forces of Colombia said the talks were over.\n\n"
            "Colombia has rejected the accusations.")
    assert actors(text) == ["Revolutionary Armed Forces of Colombia", "Colombian government"]
    assert actors("The Washington Post reported the talks had failed. The Post said the report was confirmed.")[-1] == "Washington Post"


def test_a_headline_role_after_its_cue_is_the_person_the_body_names_with_it():
    text = ("Troops will stay in the north, says minister\n\n"
            "The Minister of Defence, Ana Lind, on Thursday said the troops would stay. "
            "The minister on Wednesday was quoted as saying that the troops would leave.")
    assert actors(text) == ["Ana Lind"] * 3


def test_a_pronoun_after_a_report_is_its_speaker_not_a_person_named_inside_it():
    text = ("Presidential spokesman Ali Khan said the statement was ridiculous. He went on to say that officials of "
            "the ministry have also admitted that Omar Lodi made the call. Now it is the ministry's duty to "
            "investigate, he added.")
    assert actors(text) == ["Ali Khan", "Ali Khan", "officials of the ministry", "Ali Khan"]
