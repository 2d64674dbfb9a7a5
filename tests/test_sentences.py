"""Sentence segmentation: abbreviations, quotations, em dashes, offsets."""

from helpers.article import load_article
from helpers.sentences import split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


def test_abbreviations_do_not_split():
    assert texts("Troops will leave on Feb. 20 after drills. Mr. Smith met Gen. Milley in the U.S. capital.") == [
        "Troops will leave on Feb. 20 after drills.",
        "Mr. Smith met Gen. Milley in the U.S. capital.",
    ]
    assert texts("The talks with the U.S. so far yielded nothing. Vladimir V. Putin left.") == [
        "The talks with the U.S. so far yielded nothing.",
        "Vladimir V. Putin left.",
    ]


def test_initialism_at_sentence_end_splits_before_a_starter():
    assert texts("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_quotation_spanning_sentence_ends_stays_whole():
    out = texts("“We will not escalate. We have no plans,” Peskov said. Then he left.")
    assert out == ["“We will not escalate. We have no plans,” Peskov said.", "Then he left."]


def test_quote_ending_a_sentence_and_em_dashes():
    out = texts("“This target is accomplished.” But the envoy — who was in Kyiv — disagreed. He said so!")
    assert out == ["“This target is accomplished.”", "But the envoy — who was in Kyiv — disagreed.", "He said so!"]


def test_offsets_point_into_the_text(seed_article):
    text = load_article(seed_article, headline=False).text
    sentences = split_sentences(text)
    assert len(sentences) == 23
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert sentences[7].text == "“This target is accomplished.”"
    assert [s.paragraph for s in sentences][:3] == [0, 0, 1]
    headed = split_sentences(load_article(seed_article).text)  # the headline is a sentence and a paragraph of its own
    assert len(headed) == 24 and headed[0].text.startswith("Russia Undercuts") and [s.paragraph for s in headed][:4] == [0, 1, 1, 2]
