"""Attributed statements: speakers, cues, polarity, content, time, narrator, and the links between statements.
How sources, cues and contents are read from the parse is tested in ``test_attribution.py``, how speakers are
resolved in ``test_resolve.py``."""

import json
import subprocess
import sys

import pytest

from helpers.article import Article, load_article
from helpers.statements import extract_statements, same_office, speaks_for


def statements_of(text: str, aliases=None):
    return [s for s in extract_statements(Article(text=text, source="test.txt"), aliases=aliases)]


def attributed(text: str, aliases=None):
    return [s for s in statements_of(text, aliases) if s.speaker != "narrator"]


@pytest.mark.parametrize(
    ("sentence", "cue", "polarity"),
    [
        ("Foreign Minister Anna Berg said the talks had collapsed.", "said", "assert"),
        ("Foreign Minister Anna Berg denied that the talks had collapsed.", "denied", "deny"),
        ("Foreign Minister Anna Berg declined to comment on the talks.", "declined to comment", "hedge"),
        ("Foreign Minister Anna Berg backed away from her comments.", "backed away", "retract"),
        ("Foreign Minister Anna Berg walked back her comments.", "walked back", "retract"),
        ("Foreign Minister Anna Berg told reporters the talks had collapsed.", "told", "assert"),
        ("Foreign Minister Anna Berg flatly rejected claims that the talks had collapsed.", "rejected", "deny"),
        ("Foreign Minister Anna Berg called the remarks irresponsible.", "called", "deny"),
        ("Foreign Minister Anna Berg dismissed the report as fabricated.", "dismissed", "deny"),
        ("Foreign Minister Anna Berg pushed back on reports of a deal.", "pushed back", "deny"),
    ],
)
def test_cue_polarity(sentence, cue, polarity):
    (st,) = attributed(sentence)
    assert (st.speaker, st.cue, st.polarity) == ("Anna Berg", cue, polarity)


def test_pronoun_chain_and_inverted_attribution():
    text = (
        "Foreign Minister Anna Berg said the talks had collapsed. She also insisted that Norway had acted in good faith. "
        "“We will try again,” she added. Prices fell, said Lars Holm, an analyst at Nordic Bank. "
        "Investors were nervous, he said."
    )
    out = attributed(text)
    assert [s.speaker for s in out] == ["Anna Berg", "Anna Berg", "Anna Berg", "Lars Holm", "Lars Holm"]
    assert out[2].quote == "direct" and out[2].content == "We will try again"
    assert out[3].content == "Prices fell"


def test_nested_quotes_and_continued_quote():
    out = attributed("“He told me ‘there is no deal’ and left,” Berg said. “We were stunned.”")
    assert [s.speaker for s in out] == ["Berg", "Berg"]
    assert "‘there is no deal’" in out[0].content and out[1].cue == "(quote continues)"


def test_cues_inside_quotes_are_not_attributions():
    out = attributed("“My friend Viktor told me the ships will keep sailing,” Aydin said.")
    assert len(out) == 1 and out[0].speaker == "Aydin"


def test_anaphoric_denial_refers_to_the_claim():
    out = attributed("French President Emmanuel Macron said he won a deal. The Kremlin spokesman said that’s not so clear.")
    assert out[1].polarity == "deny" and out[1].refers_to == out[0].id


def test_the_claim_is_the_one_the_headline_reports():
    """"Rejected the claim" answers the claimant's reported claim that shares the headline's words, not their last
    sentence; with no headline tie, the latest reported claim."""
    body = (
        "Egyptian Foreign Minister Samir Haddad said Ethiopia had committed to halting the filling of its dam. "
        '"We received assurances," Haddad told a news conference. He said the ministers would meet again within two weeks.'
        "\n\nEthiopia's government spokesman, Dawit Bekele, rejected the claim."
    )
    headed = [s for s in extract_statements(Article(text=body, source="t.txt", title="Egypt Says Ethiopia Will Pause Dam Filling"))
              if s.speaker != "narrator"]
    assert headed[-1].polarity == "deny" and headed[-1].refers_to == headed[0].id
    plain = attributed(body)
    assert plain[-1].refers_to == plain[2].id  # no headline: the latest reported claim


def test_the_appositive_of_an_inverted_speaker_is_no_narration():
    out = statements_of("Ethiopia has never agreed to minimum releases, said Helen Tadesse, a researcher at the Horn Institute for Strategic Studies.")
    assert [s.speaker for s in out] == ["Helen Tadesse"] and out[0].text.endswith("Strategic Studies")


def test_according_to_skips_the_relative_clause():
    out = attributed("According to two diplomats who attended the meeting, the decision still requires a written procedure.")
    assert out[0].content == "The decision still requires a written procedure"


@pytest.mark.parametrize(
    ("mention", "speaker", "office", "voice"),
    [
        ("Government spokeswoman Ana Silva", "Ana Silva", "Portuguese government", True),
        ("Finance Minister Omar Aziz", "Omar Aziz", "Jordanian finance ministry", True),
        ("ministry spokesman Ali Rahimi", "Ali Rahimi", "Iranian foreign ministry", True),
        ("Defense Minister Omar Aziz", "Omar Aziz", "Jordanian finance ministry", False),  # another ministry
        ("A Jordanian diplomat", "Jordanian diplomat", "Jordanian government", False),  # a title of no office
        ("Aziz", "Omar Aziz", "Jordanian finance ministry", False),  # a surname says nothing
    ],
)
def test_speaks_for(mention, speaker, office, voice):
    assert speaks_for(mention, speaker, office) is voice


def test_same_office():
    assert same_office("Indian army officer", "Indian army") and same_office("Indian army", "Indian army")
    assert not same_office("Indian army", "Indian army chief of staff Vikram Rao") and not same_office("Kremlin", "Kremlin critic")
    assert same_office("Gabriel Deng", "Gabriel Deng's office") and not same_office("Gabriel Deng", "Gabriel Deng's critics")


def test_told_reporters_in_a_city_that():
    out = attributed("Adviser Ramon Cruz told reporters in Manila that the understanding was reached last week.")
    assert out[0].content == "The understanding was reached last week"


def test_aliases_for_an_unnamed_spokesman():
    out = attributed("The spokesman said no deal was reached.", aliases={"the spokesman": "Dmitry Peskov"})
    assert out[0].speaker == "Dmitry Peskov"


def test_narrator_statements_and_offsets(seed_article):
    article = load_article(seed_article)
    sts = extract_statements(article)
    assert sum(s.speaker != "narrator" for s in sts) == 21  # as in the gold file
    for s in sts:
        assert article.text[s.start : s.end] == s.text
        if s.speaker != "narrator":
            assert s.start <= s.content_start < s.content_end <= s.end
    seen = {(s.speaker, s.polarity) for s in sts}
    assert {("Emmanuel Macron", "assert"), ("Emmanuel Macron", "deny"), ("Kremlin spokesman", "deny"),
            ("Kremlin spokesman", "hedge"), ("French official", "retract"), ("Russian government", "deny")} <= seen
    days = {s.time for s in sts if s.speaker == "Emmanuel Macron" and s.time}
    assert "Tuesday" in days and any("Monday" in d for d in days)


def test_furniture_never_becomes_a_statement(write_article):
    path = write_article(
        "ADVERTISEMENT\n\nTalks Fail\n\nMinister Anna Berg said the talks failed.\n\n"
        "Anna Berg speaks in Oslo. (Photographer: Jon Doe/Wire)\n\nRead more: Why talks fail\n\n©2024 Wire Services\n"
    )
    sts = extract_statements(load_article(path))
    joined = " ".join(s.text for s in sts)
    for junk in ("ADVERTISEMENT", "Photographer", "Read more", "©2024", "Talks Fail"):
        assert junk not in joined
    assert [s.speaker for s in sts] == ["Anna Berg"]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=300)


def test_cli_statements_json(tmp_path, seed_article):
    out = tmp_path / "st.json"
    proc = run_cli("statements", str(seed_article), "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(out.read_text())
    assert len(rows) == len(extract_statements(load_article(seed_article)))
    assert {"id", "sentence", "start", "end", "text", "speaker", "cue", "polarity", "content", "time",
            "content_start", "content_end", "mention_start", "mention_end", "cue_start", "cue_end"} <= rows[0].keys()


@pytest.mark.parametrize(("content", "name", "message"), [(b"", "e.txt", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "p.txt", "binary")])
def test_cli_bad_input_keeps_existing_output(tmp_path, write_article, content, name, message):
    out = tmp_path / "keep.json"
    out.write_text("precious")
    proc = run_cli("statements", str(write_article(content, name)), "--json", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr and name in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_text() == "precious"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a relative clause between the speaker and the cue
        (
            "A Polish government official who briefed reporters on the visit initially said the troops would stay. "
            "The official later said no decision had been taken.",
            ["Polish government official"] * 2,
        ),
        ("South Korea's foreign ministry said it was watching the talks.", ["South Korean foreign ministry"]),
        # the service stays in the role's name; a title before the name is not part of it
        ("A Greek coast guard spokesman said the boat sank.", ["Greek coast guard spokesman"]),
        ("Indian National Security Adviser Ravi Menon said the talks went well.", ["Ravi Menon"]),
        ('"Publish the deal," Senator Ana Lim told a radio station.', ["Ana Lim"]),
        # a hyphenated name in an appositive; a military rank is a title, not a name; groups speak
        ("Oman's minister of state, Said Al-Harthy, said the talks would resume.", ["Said Al-Harthy"]),
        ("A spokesman for the army, Colonel Omar Idris, said no deal existed.", ["Omar Idris"]),
        ("Aid groups said fighting continued.", ["Aid groups"]),
        # the subject of a sentence whose first verb is no cue: "welcomed ... but said"
        ("The UN envoy for Libya, Ana Lind, welcomed the step but said no monitors had been requested.", ["Ana Lind"]),
        ("The International Committee of the Red Cross said it had not been asked.", ["International Committee of the Red Cross"]),
        ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said it was ready.",
         ["Ukrainian Coordination Headquarters for the Treatment of Prisoners of War"]),
        # "called on"/"called for"/"urged"; a lower-case title after an inverted cue
        ("Opposition leader Peter Sulik called on the government to publish the document.", ["Peter Sulik"]),
        ("Pullbacks take months to verify, said retired general Vikram Rao.", ["Vikram Rao"]),
        ("Iran's atomic energy organization said no cameras would be installed.", ["Iranian atomic energy organization"]),
        # hyphenated given names; "clarified"; "according to" with a relative clause; a participle after "groups"
        ('"It is done," presidential spokeswoman Kim Ji-yeon told reporters. Kim later clarified that it was not.', ["Kim Ji-yeon"] * 2),
        ("Groups representing the victims said they would not accept it.", ["Groups"]),
        # a name the tagger missed at the head of a longer mention; a multi-word surname; a time after the source
        ("Mr Shashi Tharoor, a senior politician in the Congress party, said the talks had failed.", ["Shashi Tharoor"]),
        ("Department of Defence Head of Communication Siphiwe Dlamini said the soldiers had not been deployed.", ["Siphiwe Dlamini"]),
        ("Carlos Fernández de Cossío said the talks were over. Later, Fernández de Cossío said they had never begun.",
         ["Carlos Fernández de Cossío"] * 2),
        ("Ukrainian officials on Sunday said the strike killed five.", ["Ukrainian officials"]),
    ],
)
def test_lower_case_compounds_relative_clauses_and_agency_spokesmen(text, speakers):
    assert [s.speaker for s in attributed(text)] == speakers


def test_participle_cue_and_experts():
    out = attributed('"We stand by it," the minister said, adding that Cairo would go to the United Nations. Water experts say drought years decide it.')
    assert [(s.cue, s.content) for s in out] == [
        ("said", "We stand by it"), ("adding", "Cairo would go to the United Nations"), ("say", "Drought years decide it"),
    ]
    assert out[0].speaker == out[1].speaker and out[2].speaker == "Water experts"


def test_a_speakers_second_statement_in_a_sentence_shares_its_day():
    text = ("The envoy, Ana Ruiz, said on Monday that the talks would resume in Lima next week. "
            "On Tuesday, Ruiz said the sides had agreed on a way forward but acknowledged that no date had been fixed.")
    by_id = {s.id: s for s in statements_of(text)}
    later = next(s for s in by_id.values() if s.cue == "acknowledged")
    assert later.time == "On Tuesday" and later.polarity == "retract"  # a later day's "no" on her own date
    assert by_id[later.refers_to].content.startswith("The talks would resume") and later.extra["revision"]


def test_misquoted_answers_the_claim_the_headline_reports():
    text = ("Peru to Let Fishing Resume, Minister Says\n\n"
            "Peru will let anchovy fishing resume next month, Fisheries Minister Rosa Quispe said on Monday. "
            "Boats that had been inspected would go first, she said. "
            "Quispe said on Tuesday that she had been misquoted and had referred only to a study, not a decision.")
    by_id = {x.id: x for x in extract_statements(Article(text=text, source="t.txt", title="Peru to Let Fishing Resume, Minister Says"))}
    back = next(x for x in by_id.values() if x.polarity == "retract")
    assert by_id[back.refers_to].content.startswith("Peru will let anchovy fishing resume") and back.extra["revision"]


def test_spoken_too_soon_walks_back_the_speakers_claim():
    st = attributed("Portugal's fisheries minister, Rui Mendes, said Monday that Morocco had agreed to a fisheries deal. "
                    "Mendes said on Wednesday that he had \"perhaps spoken too soon\" and that the sides had agreed only on the need to talk.")
    assert st[1].polarity == "retract" and st[1].refers_to == st[0].id and st[1].extra["revision"]


def test_not_mentioned_walks_back_the_speakers_own_words():
    st = attributed("Chile's president, Rosa Diaz, said Monday that Argentina would pay 20 million pesos. "
                    "On Tuesday, Diaz told a radio station that she had not mentioned any amount.")
    assert st[1].polarity == "retract" and st[1].refers_to == st[0].id


def test_an_office_named_without_its_country_is_the_datelines():
    from helpers.statements import dateline_country

    article = Article(
        text="Pakistan said on Wednesday that the border would reopen. Foreign Office spokesman Nadeem Hashmi said trade would resume. "
             "Hashmi later said talks continued. A Taliban spokesman, Zabihullah Karimi, said no deal had been reached.",
        source="t.txt", removed=[{"line": "ISLAMABAD, Dec 3 (Reuters) -", "reason": "dateline"}],
    )
    assert dateline_country(article) == "Pakistan"
    countries = {x.speaker: x.extra["country"] for x in extract_statements(article, narrator=False)}
    assert countries["Nadeem Hashmi"] == "Pakistan"  # his office, and so his later words too
    assert countries["Zabihullah Karimi"] == ""  # no office of the country the story is filed from
    assert dateline_country(Article(text="x", source="t.txt", removed=[{"line": "(Bloomberg) --", "reason": "dateline"}])) == ""


def test_round_18_styles_regions_growers_and_foreign_funds():
    (commander,) = attributed("A Tanzanian army commander in Mtwara region, who asked not to be named because he was not authorised "
                              "to speak, said his unit had not received any orders.")
    assert commander.speaker.startswith("Tanzanian army") and "orders" in commander.content  # a town and its region say where, not who
    (growers,) = attributed("Kenyan tea growers said the auction had been suspended.")
    assert growers.speaker == "Kenyan tea growers"
    st = attributed("Zambia's mines ministry said the loan had been disbursed. The Chinese fund said it had made no payment.")
    assert st[1].speaker == "Chinese fund"  # a fund with its own country is not the body quoted before


def test_a_speaker_no_rule_knows_is_still_a_speaker():
    (delegate,) = attributed("A delegate from another OPEC+ member said the deal had been agreed in principle.")
    assert delegate.speaker != "narrator" and delegate.content == "The deal had been agreed in principle"
    (grid,) = attributed("The Southern African Power Pool's trading desk said on Monday that no imports were scheduled.")
    assert grid.speaker != "narrator" and grid.content == "No imports were scheduled"
    st = attributed("Macron's aides have been trying to portray him as a mediator, and the visit said much about that.")
    assert all(s.speaker == "narrator" for s in st)  # a clause before "said" is no speaker


def test_a_post_on_x_is_how_not_what():
    (post,) = attributed("The regional administration said in a post on X that no document had been signed.")
    assert post.content == "No document had been signed"


def test_an_accusation_dismissed_answers_the_accuser():
    out = attributed("Lithuania's government said Minsk was behind the drone flights. "
                     "Belarusian foreign ministry spokesman Oleg Ivanov dismissed the accusation as absurd.")
    assert out[1].polarity == "deny" and out[1].refers_to == out[0].id


def test_a_prime_minister_speaks_for_the_government_not_for_its_officials():
    assert speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian government")
    assert not speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian government official")
    assert not speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian foreign ministry")


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        ("\"It was reckless,\" navy spokesman Rear Admiral Tomas Reyes told reporters, showing a video.", "Tomas Reyes", "It was reckless"),
        ("\"Turnout was high,\" commission chairman Daniyar Omarov told a briefing in Astana.", "Daniyar Omarov", "Turnout was high"),
        ("\"All assets are blocked,\" State Secretary for Economic Affairs Anna Keller told reporters.", "Anna Keller", "All assets are blocked"),
    ],
)
def test_every_word_between_a_quote_and_its_cue_names_the_speaker(sentence, speaker, content):
    (st,) = attributed(sentence)
    assert (st.speaker, st.content) == (speaker, content)


def test_a_chairman_and_a_secretary_for_a_portfolio_speak_for_their_office():
    assert speaks_for("commission chairman Daniyar Omarov", "Daniyar Omarov", "Kazakh Central Election Commission")
    assert speaks_for("State Secretary for Economic Affairs Anna Keller", "Anna Keller", "Swiss economy ministry")
    assert not speaks_for("State Secretary for Economic Affairs Anna Keller", "Anna Keller", "Swiss foreign ministry")


def test_declaring_independence_is_no_statement_and_a_department_spokesperson_keeps_the_department():
    assert attributed("Tensions have flared since Montenegro declared independence in 2006.") == []
    (st,) = attributed("A U.S. Commerce Department spokesperson said the review had not been completed.")
    assert st.speaker == "U.S. Commerce Department spokesperson"




def test_a_cue_set_in_the_middle_of_its_content_is_not_part_of_it(tmp_path):
    path = tmp_path / "aside.txt"
    path.write_text("Talks in Geneva\n\nThe talks, Peskov said on Monday, would go on in Geneva.\n", encoding="utf-8")
    (st,) = [s for s in extract_statements(load_article(path)) if s.speaker != "narrator"]
    assert st.speaker == "Peskov" and st.content == "The talks would go on in Geneva"


def test_a_statement_spans_its_sentence_where_nothing_else_speaks():
    """The sentence's edges that no statement holds go to its attributed statement; a narrator's clause does not."""
    (st,) = attributed("Speaking to reporters in Paris, the minister said the deal was dead.")
    assert st.text == "Speaking to reporters in Paris, the minister said the deal was dead" and st.content == "The deal was dead"
    (st,) = attributed("As talks stalled, Lavrov said the deal was dead.")  # too short a clause for a narrator's statement
    assert st.text == "As talks stalled, Lavrov said the deal was dead" and st.content == "The deal was dead"
    told = statements_of("The State Department said such board positions are part-time, and it is typical for "
                         "government advisory board members to have outside employment.")
    assert [s.speaker for s in told] == ["State Department", "narrator"]
    assert told[0].text == "The State Department said such board positions are part-time"


def test_a_person_speaks_for_the_country_their_description_names():
    article = Article(
        text="Laura Pinto, Chile's foreign ministry spokesperson, met reporters on Monday. Pinto said the report was false. "
             "Peru's army said its patrols had seen Chilean soldiers.",
        source="t.txt",
    )
    countries = {x.speaker: x.extra["country"] for x in extract_statements(article, narrator=False)}
    assert countries == {"Laura Pinto": "Chile", "Peruvian army": "Peru"}  # "Pinto" names no country, her description does


def test_a_statement_covers_the_circumstances_of_speaking_after_its_cue():
    text = ('"The reports are totally false," the minister said in a surprise appearance at a meeting of exiles '
            "living in Spain, held in Madrid.")
    st, = [s for s in statements_of(text) if s.speaker != "narrator"]
    assert st.text.endswith("held in Madrid") and st.content == "The reports are totally false"
    assert not [s for s in statements_of(text) if s.speaker == "narrator"]
