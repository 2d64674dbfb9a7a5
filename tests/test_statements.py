"""Attributed statements with the rule-based attribution (``attribution="rules"``, kept as an option): speakers,
cues, polarity, content, time, narrator. The parse-based attribution, the default, is tested in
``test_attribution.py`` and ``test_resolve.py``; ``test_parse_mode_*`` below cover what both share."""

import json
import subprocess
import sys

import pytest

from helpers.article import Article, load_article
from helpers.statements import extract_statements, same_office, speaks_for


@pytest.fixture(autouse=True)
def rules_attribution(monkeypatch):
    """These sentences pin the rule-based attribution."""
    monkeypatch.setenv("HELPERS_ATTRIBUTION", "rules")


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
        ("Foreign Minister Anna Berg backed away from her comments.", "backed away from", "retract"),
        ("Foreign Minister Anna Berg told reporters the talks had collapsed.", "told reporters", "assert"),
        ("Foreign Minister Anna Berg flatly rejected claims that the talks had collapsed.", "flatly rejected", "deny"),
        ("Foreign Minister Anna Berg called the remarks irresponsible.", "called the remarks", "deny"),
        ("Foreign Minister Anna Berg poured cold water on the announcement.", "poured cold water on", "deny"),
        ("Foreign Minister Anna Berg pushed back on reports of a deal.", "pushed back on", "deny"),
        ("Foreign Minister Anna Berg published a readout saying the talks had collapsed.", "published a readout saying", "assert"),
    ],
)
def test_cue_polarity(sentence, cue, polarity):
    (st,) = attributed(sentence)
    assert (st.speaker, st.cue, st.polarity) == ("Anna Berg", cue, polarity)


def test_two_statements_in_one_sentence():
    out = attributed(
        "Putin’s spokesman declined to comment on any assurances about military deployments and said that "
        "Russian troops were already due to leave Belarus on Feb. 20."
    )
    assert [(s.speaker, s.polarity) for s in out] == [("Kremlin spokesman", "hedge"), ("Kremlin spokesman", "assert")]
    assert out[0].content == "Any assurances about military deployments"
    assert out[1].content == "Russian troops were already due to leave Belarus on Feb. 20"


def test_office_readout_and_the_two_presidents():
    """An office speaks through a readout; "the two presidents" are the presidents, not the latest two names."""
    text = (
        "Turkish President Kemal Aydin spoke to Russian President Viktor Orlov on Monday. Ukrainian Foreign Minister "
        "Oksana Hryniv said Kyiv had not been consulted. Aydin's office had earlier published a readout saying the "
        "two presidents agreed to meet in Istanbul."
    )
    out = attributed(text)
    assert [(s.speaker, s.cue) for s in out][-1] == ("Kemal Aydin's office", "published a readout saying")
    assert out[-1].content == "Aydin and Orlov agreed to meet in Istanbul"


def test_a_hedging_clause_ends_the_previous_content():
    (harlan,) = attributed(
        "Harlan said Wei agreed to restore military channels, but China's foreign ministry described the outcome "
        "more cautiously on Thursday."
    )
    assert harlan.content == "Wei agreed to restore military channels"


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


def test_according_to():
    (st,) = attributed("Russian troops will stay until March, according to a senior French official.")
    assert st.speaker == "French official" and st.cue == "according to"
    assert st.content == "Russian troops will stay until March"


def test_content_is_standalone():
    out = attributed(
        "French President Emmanuel Macron said he’s won agreement from Putin. "
        "Later, Macron denied even making a reference to the “Finlandization” of Ukraine. "
        "Putin’s spokesman denied the two leaders had reached any deal."
    )
    assert out[0].content == "French President Emmanuel Macron has won agreement from Putin"
    assert out[1].content == "Macron made a reference to the “Finlandization” of Ukraine" and out[1].about_speech
    assert out[2].content == "Macron and Putin had reached a deal"


def test_at_first_then_later_is_a_retraction_linked_to_the_first():
    out = attributed(
        "The official in Macron’s office, who asked not to be named, at first said that Putin had agreed to pull back. "
        "The French official later said the commitment was not firm."
    )
    assert [s.speaker for s in out] == ["French official", "French official"]
    assert out[0].time == "at first" and out[1].polarity == "retract" and out[1].refers_to == out[0].id


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


def test_comments_may_be_a_quote_an_account_is_a_reported_claim():
    text = (
        'Chancellor Anna Vogt said the two sides had resolved the last open questions. "We have a text," she told reporters. '
        "On Friday, Vogt backed away from her comments."
    )
    out = attributed(text)
    assert out[-1].polarity == "retract" and out[-1].refers_to == out[1].id  # the quote is among her comments
    out = attributed(text.replace("her comments", "her earlier account"))
    assert out[-1].refers_to == out[0].id


def test_later_words_revise_earlier_ones():
    """"said earlier ... Later he said", a later "no" on a frame, a plain "later said" of the same speaker or of the
    office they speak for, and a speaker on their own words ("had been misunderstood") are walk-backs."""
    out = attributed(
        "Dmytro Lysenko said earlier that 300 people would be exchanged. Later on Tuesday he said the number could be smaller."
    )
    assert out[0].content == "300 people would be exchanged" and out[1].time.startswith("Later")
    assert (out[1].polarity, out[1].refers_to) == ("retract", out[0].id)
    out = attributed("A Slovak official said the sides had signed a memorandum. The official later said neither side had signed it.")
    assert (out[1].polarity, out[1].refers_to) == ("retract", out[0].id)
    out = attributed("An Indian army officer said tents were gone. Later on Monday the army said nothing had changed.")
    assert [s.speaker for s in out] == ["Indian army officer", "Indian army"] and out[1].refers_to == out[0].id
    out = attributed('Arvind Menon said China had agreed to withdraw by May. "It will be done within weeks," Menon said. '
                     "On Tuesday, Menon said he had been misunderstood and that the deal covered only a framework, not a date.")
    assert (out[2].polarity, out[2].refers_to) == ("retract", out[0].id)  # his reported claim, not the quote
    out = attributed('Henrik Dahl said Turkey had lifted its objections. "All allies are on board," Dahl said. '
                     'Dahl said Wednesday that he had "never said the process was finished."')
    assert (out[2].polarity, out[2].refers_to) == ("retract", out[1].id)  # words said: the quote counts
    out = attributed("A senior NATO official said the plan would be adopted on Thursday. On Wednesday, the official said the vote had been postponed.")
    assert (out[1].polarity, out[1].refers_to) == ("retract", out[0].id)  # a later day, and a "no" on the date
    out = attributed("Arvind Menon said China had agreed to withdraw. Menon said Beijing had been misunderstood by the press.")
    assert out[1].polarity == "assert"  # someone else misunderstood


def test_a_claim_someone_rejected():
    out = attributed("Luis Mendoza said Guyana had agreed to open direct talks on the disputed Essequibo region, a claim Guyana's government quickly rejected.")
    assert [s.speaker for s in out] == ["Luis Mendoza", "Guyanese government"]  # "disputed" here is no cue
    assert out[0].content == "Guyana had agreed to open direct talks on the disputed Essequibo region"
    assert (out[1].polarity, out[1].refers_to) == ("deny", out[0].id)


def test_wire_styles_of_time_and_titles():
    out = attributed("NATO Secretary-General Henrik Dahl said Tuesday that Turkey had lifted its objections. "
                     "Turkey's defense ministry said hours later that its position had not changed. "
                     "A spokesperson for the Greek government said Athens expected approval.")
    assert [s.speaker for s in out] == ["Henrik Dahl", "Turkish defense ministry", "Greek government spokesperson"]
    assert [s.content for s in out[:2]] == ["Turkey had lifted its objections", "Its position had not changed"]


def test_house_styles_of_sources_and_offices():
    out = attributed(
        "Saudi Arabia has agreed to extend the cuts, according to people familiar with the matter, who asked not to be identified. "
        "One of the people later said the extension could be shorter. Goldman Sachs analysts said in a note that it was priced in. "
        "Saudi Energy Minister Prince Khalid bin Fahd said last month that the kingdom would act. Iraq's oil minister said Baghdad agreed. "
        "Saudi state television, citing an unnamed official, said the reports were inaccurate. Gromov on Tuesday played down the deal."
    )
    assert [s.speaker for s in out] == [
        "people familiar with the matter", "people familiar with the matter", "Goldman Sachs analysts", "Khalid bin Fahd",
        "Iraqi oil minister", "Saudi state television", "Gromov",
    ]
    assert out[0].content == "Saudi Arabia has agreed to extend the cuts" and out[1].polarity == "retract"
    assert out[2].content == "It was priced in" and out[3].content == "The kingdom would act" and out[6].polarity == "hedge"
    out = attributed("Minister Gabriel Deng said the first tanker would load next week. On Friday, his office said the timetable was indicative.")
    assert [s.speaker for s in out] == ["Gabriel Deng", "Gabriel Deng's office"]


def test_a_quote_cut_at_the_end_is_closed():
    out = attributed('Gabor Kertesz said Budapest had not consented and that "there is no consensus as of today."')
    assert out[0].content == 'Budapest had not consented and that "there is no consensus as of today"'
    out = attributed('The ministry said in a statement that "no decision has been taken" and that any move would come later.')
    assert out[0].content == '"no decision has been taken" and that any move would come later'


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
    assert len(sts) == 28
    assert sum(s.speaker == "narrator" for s in sts) == 7  # 21 attributed, as in the gold file
    for s in sts:
        assert article.text[s.start : s.end] == s.text
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
    assert len(rows) == 28
    assert {"id", "sentence", "start", "end", "text", "speaker", "cue", "polarity", "content", "time"} <= rows[0].keys()


@pytest.mark.parametrize(("content", "name", "message"), [(b"", "e.txt", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "p.txt", "binary")])
def test_cli_bad_input_keeps_existing_output(tmp_path, write_article, content, name, message):
    out = tmp_path / "keep.json"
    out.write_text("precious")
    proc = run_cli("statements", str(write_article(content, name)), "--json", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr and name in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_text() == "precious"


def test_walk_backs_without_at_first():
    """"backed away from his earlier account" answers his reported claim (not the exclamation quoted after it);
    "But the official later said" walks back that official's earlier statement."""
    out = attributed(
        "EU envoy Henrik Lund told reporters that both leaders had accepted the plan in full. "
        "“This is a historic step,” Lund said. Serbian President Milan Dragić denied that any agreement had been signed. "
        "On Tuesday, Lund backed away from his earlier account. "
        "A senior official told reporters that the Chinese side had signed off on the wording. "
        "But the official later said that Beijing had not formally approved it."
    )
    lund, quote, dragic, backed, official, later = out
    assert lund.content == "Both leaders had accepted the plan in full"  # the envoy is not one of "both leaders"
    assert dragic.content == "An agreement had been signed"
    assert (backed.polarity, backed.refers_to) == ("retract", lund.id)
    assert (later.polarity, later.refers_to) == ("retract", official.id)
    assert quote.refers_to is None


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Kosovo Prime Minister Arben Krasniqi accused Belgrade of backing away from commitments it had made.",
         "Belgrade backed away from commitments it had made"),
        ("The Russian foreign ministry accused Western governments of deliberately spreading lies about the talks.",
         "Western governments spread lies about the talks"),
        ("Foreign Minister Anna Berg accused him of lying.", "He lied"),
    ],
)
def test_an_accusation_becomes_the_claim_it_makes(sentence, content):
    (st,) = attributed(sentence)
    assert (st.cue, st.polarity, st.content) == ("accused", "assert", content)


def test_no_comment_is_a_statement_and_short_contents_stay_clauses():
    spokesman, berg = attributed("The Kremlin spokesman declined to comment. Berg said the talks collapsed.")
    assert (spokesman.speaker, spokesman.polarity, spokesman.content) == ("Kremlin spokesman", "hedge", "")
    assert berg.content == "The talks collapsed"  # not "There was the talks collapsed"
    (official,) = attributed("A French official talked up an agreement.")
    assert official.content == "There was an agreement"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a lower-case noun between the owner and the body or role belongs to the name
        ("India's commerce ministry said no date had been set. It said talks would continue.", ["Indian commerce ministry"] * 2),
        # a relative clause between the speaker and the cue
        (
            "A Polish government official who briefed reporters on the visit initially said the troops would stay. "
            "The official later said no decision had been taken.",
            ["Polish government official"] * 2,
        ),
        # "an agency spokesman" speaks for the agency named just before
        (
            "The World Food Programme said deliveries had resumed. An agency spokesman said the convoy reached Gaza.",
            ["World Food Programme", "World Food Programme spokesman"],
        ),
        ("South Korea's foreign ministry said it was watching the talks.", ["South Korean foreign ministry"]),
        # the service stays in the role's name; a title before the name is not part of it
        ("A Greek coast guard spokesman said the boat sank.", ["Greek coast guard spokesman"]),
        ("A Polish military official said so. The official later said otherwise.", ["Polish military official"] * 2),
        ("Indian National Security Adviser Ravi Menon said the talks went well.", ["Ravi Menon"]),
        ('"Publish the deal," Senator Ana Lim told a radio station.', ["Ana Lim"]),
        ("Greek officials did not immediately respond to a request for comment.", ["Greek officials"]),
        # a hyphenated name in an appositive; a military rank is a title, not a name; groups speak
        ("Oman's minister of state, Said Al-Harthy, said the talks would resume.", ["Said Al-Harthy"]),
        ("A spokesman for the army, Colonel Omar Idris, said no deal existed.", ["Omar Idris"]),
        ("Aid groups said fighting continued.", ["Aid groups"]),
        # the subject of a sentence whose first verb is no cue: "welcomed ... but said"
        ("The UN envoy for Libya, Ana Lind, welcomed the step but said no monitors had been requested.", ["Ana Lind"]),
        # a name with a particle; organisations named with "of"/"for"; "the army" after "an army officer"
        ("Emirati Minister of State Khalifa Al Nuaimi said so. On Wednesday, Al Nuaimi said otherwise.", ["Khalifa Al Nuaimi"] * 2),
        ("The International Committee of the Red Cross said it had not been asked.", ["International Committee of the Red Cross"]),
        ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said it was ready.",
         ["Ukrainian Coordination Headquarters for the Treatment of Prisoners of War"]),
        ("An Indian army officer in Leh, who declined to be identified, said tents were gone. Later the army said nothing had changed.",
         ["Indian army officer", "Indian army"]),
        # "called on"/"called for"/"urged"; a lower-case title after an inverted cue
        ("Opposition leader Peter Sulik called on the government to publish the document.", ["Peter Sulik"]),
        ("Pullbacks take months to verify, said retired general Vikram Rao.", ["Vikram Rao"]),
        # where a role speaks from is not part of it; an organisation named by its country
        ("A diplomat in Vienna familiar with the talks said so. Later the diplomat said otherwise.", ["Diplomat"] * 2),
        ("Iran's atomic energy organization said no cameras would be installed.", ["Iranian atomic energy organization"]),
        # hyphenated given names; "clarified"; "according to" with a relative clause; a participle after "groups"
        ('"It is done," presidential spokeswoman Kim Ji-yeon told reporters. Kim later clarified that it was not.', ["Kim Ji-yeon"] * 2),
        ("According to two diplomats who attended the meeting, the decision still requires a written procedure.", ["Two diplomats"]),
        ("Groups representing the victims said they would not accept it.", ["Groups"]),
    ],
)
def test_lower_case_compounds_relative_clauses_and_agency_spokesmen(text, speakers):
    assert [s.speaker for s in attributed(text)] == speakers


def test_calls_become_what_should_happen():
    out = attributed("Peter Sulik called on the government to publish the document. Rahul Varma called for a debate in parliament.")
    assert [s.content for s in out] == ["The government should publish the document", "There should be a debate in parliament"]


def test_participle_cue_and_experts():
    out = attributed('"We stand by it," the minister said, adding that Cairo would go to the United Nations. Water experts say drought years decide it.')
    assert [(s.cue, s.content) for s in out] == [
        ("said", "We stand by it"), ("adding", "Cairo would go to the United Nations"), ("say", "Drought years decide it"),
    ]
    assert out[0].speaker == out[1].speaker and out[2].speaker == "Water experts"


def test_round_06_styles_adjunct_after_cue_surname_particle_and_named_bodies():
    """Sentences in the style of the sixth blind round (written to the same patterns, other words)."""
    st = attributed("Iran had agreed to release the tanker, European Union envoy Karel van Dam said on Friday after two days of talks in Muscat.")
    assert [(s.speaker, s.content) for s in st] == [("Karel van Dam", "Iran had agreed to release the tanker")]  # an adjunct, not the content
    st = attributed('Karel van Dam arrived. "We have a firm commitment," van Dam told reporters. "It is done."')
    assert st[0].speaker == "Karel van Dam" and st[0].content == "We have a firm commitment"  # a surname with its particle
    st = attributed('Van Dam said on Monday that "we have an understanding, not a treaty," adding that he expected more talks.')
    assert [s.speaker for s in st] == ["Van Dam", "Van Dam"]  # ', adding' after a closing quote
    assert attributed("Fishermen near the port said the patrols had stopped.")[0].speaker == "Fishermen"
    assert attributed("A U.N. spokesperson in Geneva said the talks were off.")[0].speaker == "UN spokesperson"
    assert attributed("Egypt's Ministry of Foreign Affairs said the talks were off.")[0].speaker == "Egyptian foreign ministry"
    assert attributed("The African Fishing Producers' Association said catches fell.")[0].speaker == "African Fishing Producers' Association"
    (vogel,) = attributed('Finance Minister Lena Vogel welcomed what she called "a fair compromise."')
    assert vogel.speaker == "Lena Vogel" and vogel.content == "A fair compromise"


def test_a_speakers_second_statement_in_a_sentence_shares_its_day():
    text = ("The envoy, Ana Ruiz, said on Monday that the talks would resume in Lima next week. "
            "On Tuesday, Ruiz said the sides had agreed on a way forward but acknowledged that no date had been fixed.")
    by_id = {s.id: s for s in statements_of(text)}
    later = next(s for s in by_id.values() if s.cue == "acknowledged")
    assert later.time == "On Tuesday" and later.polarity == "retract"  # a later day's "no" on her own date
    assert by_id[later.refers_to].content.startswith("The talks would resume") and later.extra["revision"]


def test_standing_by_a_statement_says_it_again():
    text = ("Chile's navy said on Monday that the fishing boats had left the zone. "
            "Peru's coast guard said the boats were still there. The navy said on Tuesday it stood by its statement.")
    by_id = {s.id: s for s in statements_of(text)}
    stood = max(by_id.values(), key=lambda s: s.id)
    assert stood.extra.get("reaffirms") and by_id[stood.refers_to].content == "The fishing boats had left the zone"
    assert stood.polarity == "assert"


def test_round_07_styles_participle_clause_nested_speech_and_trailing_cue():
    st = attributed("Peru will let fishing resume next month, Fisheries Minister Rosa Quispe said on Monday, easing a ban that has angered crews.")
    assert [(x.speaker, x.content) for x in st] == [("Rosa Quispe", "Peru will let fishing resume next month")]  # a participle clause
    (ramos,) = attributed("Chile's interior minister, Ana Ruiz, said in a televised address that the pass would stay closed.")
    assert ramos.speaker == "Ana Ruiz" and ramos.content == "The pass would stay closed"
    (drivers,) = attributed("Truck drivers waiting on the Peruvian side said border guards had told them nothing had changed.")
    assert drivers.speaker == "Truck drivers" and drivers.content == "Border guards had told them nothing had changed"  # nested speech
    assert attributed("Peru's tax and customs agency said its scanners were ready.")[0].speaker == "Peruvian tax and customs agency"
    assert attributed("Two Chilean copper buyers said they had received notices.")[0].speaker == "Chilean copper buyers"
    assert attributed("Copper prices were flat, traders said.")[0].speaker == "Traders"


def test_a_role_named_later_is_that_person():
    text = ("Chile's foreign minister said Tuesday that the pass would reopen. "
            "Foreign Minister Ana Ruiz told reporters in Santiago that her Argentine counterpart had agreed. "
            "A Chilean coast guard spokesman said the boats had left. Navy spokesman Pablo Soto said nothing.")
    speakers = [x.speaker for x in attributed(text)]
    assert speakers[:2] == ["Ana Ruiz", "Ana Ruiz"]
    assert speakers[2] == "Chilean coast guard spokesman"  # a bare "spokesman" title names no one in particular


def test_misquoted_answers_the_claim_the_headline_reports():
    text = ("Peru to Let Fishing Resume, Minister Says\n\n"
            "Peru will let anchovy fishing resume next month, Fisheries Minister Rosa Quispe said on Monday. "
            "Boats that had been inspected would go first, she said. "
            "Quispe said on Tuesday that she had been misquoted and had referred only to a study, not a decision.")
    by_id = {x.id: x for x in extract_statements(Article(text=text, source="t.txt", title="Peru to Let Fishing Resume, Minister Says"))}
    back = next(x for x in by_id.values() if x.polarity == "retract")
    assert by_id[back.refers_to].content.startswith("Peru will let anchovy fishing resume") and back.extra["revision"]


def test_round_08_styles_adjunct_after_cue_the_airline_and_time_not_content():
    (lead,) = attributed("Norway has agreed to sell Poland gas from 2027, Polish Energy Minister Ewa Nowak said on Wednesday after meeting officials in Oslo.")
    assert lead.speaker == "Ewa Nowak" and lead.content == "Norway has agreed to sell Poland gas from 2027"  # an adjunct after the cue
    st = attributed("LOT Polish Airlines said in a statement Friday morning that it would resume the route. "
                    "Later Friday, the airline said the resumption had been postponed.")
    assert [x.speaker for x in st] == ["LOT Polish Airlines", "LOT Polish Airlines"]  # "the airline": the company quoted last
    assert st[0].content == "It would resume the route"  # "Friday morning" is when, not what
    (later,) = attributed("An official said later on Thursday that the date could shift.")
    assert later.content == "The date could shift"


def test_the_two_sides_are_two_countries():
    text = ("German Economy Minister Felix Hartmann met Chancellor Greta Vogel. "
            "Hartmann said on Thursday that the two sides had agreed on a framework.")
    assert attributed(text)[-1].content == "The two sides had agreed on a framework"  # two Germans are not the two sides
    text = "Serbian President Milan Dragic met Kosovo Prime Minister Arben Krasniqi. An EU official said the two sides had agreed."
    assert attributed(text)[-1].content == "Dragic and Krasniqi had agreed"


def test_round_09_styles_two_word_capital_declining_and_chairperson():
    (dip,) = attributed("A Western diplomat in Addis Ababa said the document could still change.")
    assert dip.speaker == "Western diplomat"  # a two-word capital is a place, not a person
    (spox,) = attributed("A Gazprom spokesman declined to answer further questions.")
    assert spox.polarity == "hedge"
    (chair,) = attributed("The African Union's Commission chairperson urged both countries to exercise restraint.")
    assert chair.speaker.endswith("chairperson")


def test_round_10_styles_anonymous_official_office_statement_and_described_as():
    (anon,) = attributed("A Greek official, speaking on condition of anonymity because he was not authorized to talk to reporters, "
                         "said Athens had no plan to reopen the consulate.")
    assert anon.speaker == "Greek official" and anon.content == "Athens had no plan to reopen the consulate"  # not "Athens said"
    st = attributed("Portugal's fisheries minister, Rui Mendes, said Monday that Morocco had agreed to a fisheries deal. "
                    "Mendes's office issued a statement later Tuesday saying the minister had referred to positive signals.")
    assert st[1].speaker == "Rui Mendes's office" and st[1].content.startswith("The minister had referred")
    (described,) = attributed("In March, Moroccan minister Karim Alami had described the draft as \"final.\"")
    assert described.speaker == "Karim Alami" and described.content == 'The draft was "final"'


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


def test_round_12_styles_crowd_saying_appositive_title_and_countries():
    (crowd,) = attributed("Families of the fishermen gathered outside the ministry in Accra on Monday, saying no one had come home.")
    assert crowd.speaker == "Families of the fishermen" and crowd.content == "No one had come home"
    st = attributed('"Our monitors are in Juba," the head of the mission, former Kenyan foreign minister Ruth Wanjiru, told Reuters by phone.')
    assert st[0].speaker == "Ruth Wanjiru" and st[0].content == "Our monitors are in Juba"  # the quote, not "by phone"
    article = Article(text="Nepal's ombudsman, Sita Rai, said her office had no information. "
                           "A spokesman for the Western Command of India's army said the patrols went on.", source="t.txt",
                      removed=[{"line": "KATHMANDU, Nepal (AP) —", "reason": "dateline"}])
    countries = {x.speaker: x.extra["country"] for x in extract_statements(article, narrator=False)}
    assert countries["Sita Rai"] == "Nepal"  # an ombudsman's title carries the country
    assert [c for sp, c in countries.items() if sp != "Sita Rai"] == ["India"]  # the country its mention names, not the dateline's


def test_a_saying_clause_after_a_statement_stays_in_it():
    (st,) = attributed('Gromov on Tuesday played down the prospect of a deal, saying decisions would be taken "collectively."')
    assert st.cue == "played down" and "collectively" in st.text


def test_a_spokesperson_for_a_palace():
    (st,) = attributed('A spokesperson for Brazil\'s presidential palace said there was "no trip to Venezuela on the agenda."')
    assert st.speaker.startswith("Brazilian") and st.content.startswith("There was")  # found (the name drops "palace")


def test_referring_to_walks_back_and_a_state_leads_its_ministers():
    st = attributed("Zambia said on Monday that bondholders had approved the terms. "
                    "Finance Minister Ruth Banda said the bonds would be exchanged this year. "
                    "Banda said on Thursday that she had been referring to an agreement in principle.")
    assert st[2].polarity == "retract" and st[2].refers_to in (st[0].id, st[1].id)
    assert st[1].extra["country"] == "Zambia"  # no dateline: the state the lead names


def test_round_16_styles_bodies_towns_and_council_titles():
    assert attributed("Mali's army-aligned government said on Sunday that the road had reopened.")[0].speaker == "Malian army-aligned government"
    (border,) = attributed("Egyptian border officials at Salloum said they had received no instructions.")
    assert border.speaker == "Egyptian border officials"  # a town is where they are, not who they are
    assert attributed("A foreign ministry spokesman in Beijing said the talks went on.")[0].speaker == "Chinese foreign ministry spokesman"
    assert attributed("Aid workers on the Chadian side said families were still waiting.")[0].speaker == "Aid workers"
    (council,) = attributed("Libya's presidential council said Monday that the convoy had arrived.")
    assert council.speaker.endswith("council") and council.content == "The convoy had arrived"
    st = attributed("Haiti's transitional council said Monday that officers had arrived. "
                    "Council spokesman Jean Pierre Louis said they landed over the weekend.")
    assert st[0].speaker != "Jean Pierre Louis"  # "council" is not the spokesman's title


def test_round_18_styles_regions_growers_and_foreign_funds():
    (commander,) = attributed("A Tanzanian army commander in Mtwara region, who asked not to be named because he was not authorised "
                              "to speak, said his unit had not received any orders.")
    assert commander.speaker.startswith("Tanzanian army") and "orders" in commander.content  # a town and its region say where, not who
    (growers,) = attributed("Kenyan tea growers said the auction had been suspended.")
    assert growers.speaker == "Kenyan tea growers"
    st = attributed("Zambia's mines ministry said the loan had been disbursed. The Chinese fund said it had made no payment.")
    assert st[1].speaker == "Chinese fund"  # a fund with its own country is not the body quoted before


def test_round_19_styles_titles_named_later_and_anonymous_bankers():
    st = attributed("Chile's copper regulator has approved the merger, its chief executive said. "
                    "\"The paperwork is done,\" Ana Rojas, chief executive of the Chilean Copper Commission, said on Monday.")
    assert [s.speaker for s in st] == ["Ana Rojas", "Ana Rojas"]  # "its chief executive" is the one named with that title
    st = attributed("Peru's caretaker mining minister said Monday that Bolivia had agreed to the plan. "
                    "Minister Jorge Salas said the first trucks would cross within a week.")
    assert [s.speaker for s in st] == ["Jorge Salas", "Jorge Salas"]
    (obeidi,) = attributed("An Iraqi oil ministry spokesman, Hamid al-Jubouri, said the pipeline was idle.")
    assert obeidi.speaker == "Hamid al-Jubouri"
    (bankers,) = attributed("Two bankers involved in the deal, who asked not to be identified because the talks are private, "
                            "said several lenders had yet to commit.")
    assert "Bankers" in bankers.speaker and bankers.content == "Several lenders had yet to commit"


def test_round_20_styles_emailed_response_and_a_town():
    (agency,) = attributed("The European Union Aviation Safety Agency said in an emailed response to questions that its review was ongoing.")
    assert agency.content == "Its review was ongoing"  # how it answered is not what it said
    (agents,) = attributed("Travel agents in Lahore said they had not been able to book any of the flights.")
    assert agents.speaker == "Travel agents"  # a town says where they are, not who


def test_round_21_styles_headquarters_telegram_filing_and_withdrawn_diplomats():
    (hq,) = attributed("Ukraine's coordination headquarters for prisoners of war said on Sunday that 150 men had returned.")
    assert hq.speaker.startswith("Ukrain") and hq.speaker.endswith("headquarters for prisoners of war")
    (post,) = attributed('"All of our men are home," the committee\'s secretary, Petro Bondar, wrote on Telegram.')
    assert post.speaker == "Petro Bondar" and post.content == "All of our men are home"
    (mabrouk,) = attributed("Ministry spokesman Ali al-Mabrouk said the ambassador would arrive on Monday.")
    assert mabrouk.speaker == "Ali al-Mabrouk"
    (firm,) = attributed("Shenzhen-based Fenglan Battery Technology said in a filing to the Shenzhen stock exchange that talks were continuing.")
    assert firm.speaker == "Fenglan Battery Technology" and firm.content == "Talks were continuing"
    st = attributed("Sweden would reopen its embassy, more than a decade after it withdrew its diplomats, the ministry said.")
    assert [s.polarity for s in st if s.speaker != "narrator"] == ["assert"]  # withdrawing diplomats is no walk-back


def test_a_speaker_no_rule_knows_is_still_a_speaker():
    (delegate,) = attributed("A delegate from another OPEC+ member said the deal had been agreed in principle.")
    assert delegate.speaker != "narrator" and delegate.content == "The deal had been agreed in principle"
    (grid,) = attributed("The Southern African Power Pool's trading desk said on Monday that no imports were scheduled.")
    assert grid.speaker != "narrator" and grid.content == "No imports were scheduled"
    st = attributed("Macron's aides have been trying to portray him as a mediator, and the visit said much about that.")
    assert all(s.speaker == "narrator" for s in st)  # a clause before "said" is no speaker


def test_round_22_styles_aid_group_anonymous_diplomat_and_state_television():
    (group,) = attributed("An international aid group whose staff were among the hostages said only four had been released.")
    assert group.speaker.lower().endswith("aid group") and group.content == "Only four had been released"
    (diplomat,) = attributed("A diplomat from one of the hostages' home countries, who spoke on condition of anonymity, "
                             "said the embassy had not been informed.")
    assert diplomat.speaker.startswith("Diplomat from") and diplomat.content == "The embassy had not been informed"
    (tv,) = attributed("Government spokesman Amadou Keita said on state television that all were safe.")
    assert tv.content == "All were safe"


def test_a_post_on_x_is_how_not_what():
    (post,) = attributed("The regional administration said in a post on X that no document had been signed.")
    assert post.content == "No document had been signed"


def test_quick_to_deny_and_a_plural_countrys_possessive():
    (eu,) = attributed("But an EU spokesperson was quick to deny the claim, saying no request had been received.")
    assert eu.polarity == "deny" and eu.speaker != "narrator"
    (dept,) = attributed("The Philippines' agriculture department said on Friday that the rice had arrived.")
    assert dept.speaker == "Philippine agriculture department"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("An official at the Maritime Safety Authority of Kenya said no permit had been issued.", "Maritime Safety Authority of Kenya official"),
        ("An official with the European Commission said no decision had been made.", "European Commission official"),
        ("A spokesman for Rosneft said no contract had been signed.", "Rosneft spokesman"),
        ("An official at the interior ministry said the border stayed closed.", "interior ministry official"),
        ("An official from Kenya said the border stayed closed.", "Kenyan official"),  # a country is no organisation
        ("A spokesperson for Colombia's Foreign Ministry said no.", "Colombian foreign ministry spokesperson"),
        ("Italy's Economy Ministry said the deal was done.", "Italian economy ministry"),
        ("Spain's Armed Forces Ministry said the frigate had sailed.", "Spanish armed forces ministry"),
        ("A spokesman for Putin said the talks were useful.", "Kremlin spokesman"),  # the spokesman, not Putin
    ],
)
def test_a_role_at_an_organisation_and_a_ministry_named_in_capitals(sentence, speaker):
    (st,) = attributed(sentence)
    assert st.speaker == speaker


def test_a_service_spokesman_after_a_quote_and_an_agency_named_with_its_countrys_possessive():
    (st,) = attributed("\"Nobody was hurt,\" Uzbek border service spokesman Jasur Aliev said by phone.")
    assert st.speaker == "Jasur Aliev" and st.content == "Nobody was hurt"
    (st,) = attributed("Kazakhstan's State Committee for National Security said the shooting had started at dawn.")
    assert st.speaker == "Kazakh State Committee for National Security"
    (st,) = attributed("A spokesman for Nepal's Ministry of Foreign Affairs said the request was under study.")
    assert st.speaker == "Nepali foreign ministry spokesman"


def test_an_accusation_dismissed_answers_the_accuser():
    out = attributed("Lithuania's government said Minsk was behind the drone flights. "
                     "Belarusian foreign ministry spokesman Oleg Ivanov dismissed the accusation as absurd.")
    assert out[1].polarity == "deny" and out[1].refers_to == out[0].id


def test_a_prime_minister_speaks_for_the_government_not_for_its_officials():
    assert speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian government")
    assert not speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian government official")
    assert not speaks_for("Prime Minister Kadri Saar", "Kadri Saar", "Estonian foreign ministry")


def test_a_state_agency_its_commentaries_and_analysts_at_a_think_tank():
    out = attributed(
        "The official Korean Central News Agency said the site no longer existed. "
        "Analysts at the Seoul-based Institute for Northeast Studies said the pad was intact. "
        "A second KCNA commentary on Tuesday said the work would continue."
    )
    assert [s.speaker for s in out] == ["Korean Central News Agency", "Institute for Northeast Studies analysts", "Korean Central News Agency"]
    assert out[0].extra["country"] == "North Korea"


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


def test_round_29_styles_appositive_group_judiciary_pronouns_and_a_decision_that_stands():
    (room,) = attributed("A local emergency response room, a volunteer group that runs soup kitchens in the town, said the convoy had been turned back.")
    assert room.speaker == "Local emergency response room" and room.content == "The convoy had been turned back"
    (court,) = attributed("Georgia's judiciary said Monday that the journalist had been released.")
    assert court.speaker == "Georgian judiciary" and court.content == "The journalist had been released"
    # in a quotation "she" is someone else: the speaker would say "I"
    (quote,) = attributed("\"She is free to go,\" judiciary spokesman Reza Amini told reporters.")
    assert quote.content == "She is free to go"
    (indirect,) = attributed("Minister Anna Berg said she would resign.")
    assert indirect.content == "Minister Anna Berg would resign"  # the pronoun of indirect speech is the speaker
    first, stands = attributed("Government spokesman Ali Sow said the envoy must leave within 72 hours. "
                               "Sow later said the expulsion stands regardless of the envoy's travel plans.")
    assert stands.extra.get("reaffirms") and stands.polarity == "assert"  # a decision said to hold is no walk-back


def test_an_acronym_names_the_body_and_a_say_inside_a_relative_clause_is_no_statement():
    (op,) = attributed("The pipeline's operator, ICGB, said the link was still being tested.")
    assert op.speaker == "ICGB"
    (agency,) = attributed("The U.N. refugee agency UNHCR said returns must be voluntary.")
    assert agency.speaker == "UNHCR"
    out = attributed("Lebanon said Syria had agreed to take back refugees, a plan Lebanese officials say is needed to ease pressure.")
    assert [s.speaker for s in out] == ["Lebanon"]


def test_declaring_independence_is_no_statement_and_a_department_spokesperson_keeps_the_department():
    assert attributed("Tensions have flared since Montenegro declared independence in 2006.") == []
    (st,) = attributed("A U.S. Commerce Department spokesperson said the review had not been completed.")
    assert st.speaker == "U.S. Commerce Department spokesperson"


def test_an_organisations_proper_name_is_no_nationality_and_a_bulletin_is_how():
    (st,) = attributed("The Pan American Health Organization said in its weekly bulletin that cases were rising.")
    assert st.speaker == "Pan American Health Organization" and st.content == "Cases were rising" and st.extra["country"] == ""
    (ru,) = attributed("The Russian Foreign Ministry said no talks were planned.")
    assert ru.speaker == "Russian foreign ministry"  # a nationality and a body stay the body of that country


def test_round_33_styles_according_to_posts_on_x_by_phone_and_a_denied_claim():
    (st,) = attributed("\"The bridge will open on Monday,\" Trade Minister Abel Tekle said, according to EBC.")
    assert st.speaker == "Abel Tekle"  # the broadcaster only reports what the minister said
    (x,) = attributed("Eritrea's information minister, Tesfay Mehari, wrote on X that there was no such agreement.")
    assert x.content == "There was no such agreement"
    (phone,) = attributed("Traders in the border town of Humera told Reuters by phone that the gate was still closed.")
    assert phone.speaker == "Traders in the border town of Humera" and phone.content == "The gate was still closed"
    (maker,) = attributed("Aerion Dynamics said in a statement that talks were progressing and that it did not comment on the timing of any order.")
    assert maker.content == "Talks were progressing and that it did not comment on the timing of any order"
    (denial,) = attributed("Georgia's defense ministry denied Russia's claim that Georgian troops had fired on a post, calling the accusation a lie.")
    assert denial.polarity == "deny" and denial.content == "Georgian troops had fired on a post"
