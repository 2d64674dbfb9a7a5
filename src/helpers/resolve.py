"""Resolving a source mention to a canonical actor: names, surnames, titles, pronouns and bodies.

One explicit step over the parsed article (``Resolver``):

- the people the article names (spaCy ``PERSON`` entities) get one canonical name each: the fullest form the
  article uses ("Dmitry Peskov"); a later surname ("Peskov") or "Mr. Peskov" is that person;
- a title ("the spokesman", "the minister") is the person last named with that title, in apposition ("Peskov,
  the Kremlin spokesman") or before the name ("Foreign Minister Sergei Lavrov");
- a pronoun goes to the nearest compatible speaker or person before it: "he"/"she" to a person (of that gender
  when the article tells it: "Mr.", "Mrs.", a pronoun already resolved), "they"/"we"/"it" to a body or group, a
  relative pronoun to the noun it hangs on;
- anything else keeps its own words, without a leading article ("the Kremlin" -> "Kremlin").

Aliases from the user (mention -> actor) win over all of this.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from .actors import ADJECTIVE_TO_COUNTRY, COUNTRIES as _COUNTRIES, INSTITUTIONS, NATIONALITY, _adjectival, government_name, norm_quotes, owner_country
from .attribution import Attribution, quote_spans

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "their", "we", "us", "our"}
_NEUTER = {"it", "its"}
_FIRST = {"i", "me", "my"}
_RELATIVE = {"who", "which", "that", "whom"}


def _lexicon_rows(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated table in ``lexicons/`` (comment lines start with #)."""
    text = resources.files("helpers").joinpath(f"lexicons/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader([line for line in text.splitlines() if line.strip() and not line.startswith("#")], delimiter="\t"))


def _read_people_words() -> tuple[frozenset[str], dict[str, str], frozenset[str], dict[str, str]]:
    """Roles, gendered role words, honorifics and gendered honorifics from ``lexicons/people.tsv``."""
    rows = [r for r in _lexicon_rows("people.tsv") if r["type"] not in ("suffix", "particle")]
    roles = frozenset(r["word"] for r in rows if r["type"] == "role")
    titles = {r["word"]: r["gender"] for r in rows if r["type"] in ("role", "title") and r["gender"] != "-"}
    honorifics = frozenset(r["word"] for r in rows if r["type"] == "honorific" and not r["word"].endswith("."))
    honorific_gender = {r["word"]: r["gender"] for r in rows if r["type"] == "honorific" and r["gender"] != "-"}
    return roles, titles, honorifics, honorific_gender


def _read_first_names() -> dict[str, str]:
    """First name -> gender ("m"/"f") from ``lexicons/first_names.tsv`` (1990 US Census lists; see its script)."""
    return {r["name"]: r["gender"] for r in _lexicon_rows("first_names.tsv")}


#: PERSON_ROLES: nouns for a person's role ("the nominee said" is the person of that role named last, when no title
#: says who); the gender some role words and honorifics tell; honorifics, never part of a name.
PERSON_ROLES, _GENDERED_TITLES, _HONORIFICS, _HONORIFIC_GENDER = _read_people_words()
_FIRST_NAMES = _read_first_names()
#: Words after a surname that are part of a full name ("Jr.", "III"), from ``lexicons/people.tsv``, lowercased.
_SUFFIXES = frozenset(r["word"].lower().strip(".") for r in _lexicon_rows("people.tsv") if r["type"] == "suffix")
#: Lowercase words inside a full name ("del", "von", "bin"), from ``lexicons/people.tsv``.
_NAME_PARTICLES = frozenset(r["word"] for r in _lexicon_rows("people.tsv") if r["type"] == "particle")
#: The tagger's entity labels that make a proper name a body's even where the text describes it as a person.
_BODY_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})
#: Words that make a role another one ("vice", "deputy", "former"), from ``lexicons/people.tsv``, and their stems.
RANK_WORDS = frozenset(r["word"].lower() for r in _lexicon_rows("people.tsv") if r["type"] == "rank")
_RANKS = frozenset(w[:6] for w in RANK_WORDS)
#: Role words that name the same role ("spokesman", "spokesperson"), from ``lexicons/role_groups.tsv``.
_ROLE_GROUP = {r["word"]: r["group"] for r in _lexicon_rows("role_groups.tsv")}
#: Interview transcript labels ("Q", "Answer") -> "question" or "answer", from ``lexicons/interview.tsv``.
_TURN_LABELS = {r["label"]: r["turn"] for r in _lexicon_rows("interview.tsv")}
#: Words before a name that are titles, never a given name ("Miss", "King", "President").
_TITLE_WORDS = PERSON_ROLES | _HONORIFICS | frozenset(_GENDERED_TITLES) | frozenset(_HONORIFIC_GENDER)


def _read_bodies() -> dict[str, str]:
    """Body nouns and the entity label of their kind ("bank" -> "ORG", "city" -> "GPE") from ``lexicons/bodies.tsv``."""
    return {r["word"]: "GPE" if r["kind"] == "place" else "ORG" for r in _lexicon_rows("bodies.tsv")}


_BODIES = _read_bodies()
#: Words that make a body or an official a state's ("foreign ministry", "presidential official"), from ``lexicons/state_words.tsv``.
_STATE_WORDS = frozenset(r["word"].lower() for r in _lexicon_rows("state_words.tsv"))
#: Documents that speak for whoever issued them, and the verbs whose agent issued one (``lexicons/documents.tsv``).
_DOCUMENTS = frozenset(r["word"] for r in _lexicon_rows("documents.tsv") if r["type"] == "document")
_ISSUING = frozenset(r["word"] for r in _lexicon_rows("documents.tsv") if r["type"] == "issue")
#: A country, nationality or seat of government anywhere in a name ("Omani foreign ministry", "Kremlin official").
_STATE_NAMED = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, sorted({*ADJECTIVE_TO_COUNTRY, *INSTITUTIONS}, key=len, reverse=True))) + r")(?![\w])", re.I)
#: Short forms of title and party words, so that "Gov. Mike Pence" is "the governor" and "GOP nominee" "Republican".
_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gop": "republican", "dem": "democrat",
                  "pres": "president", "gen": "general", "amb": "ambassador", "u.s": "american", "us": "american"}
#: Words that count the members of a group or set one apart ("many locals", "a different official"): not its name.
_SETTING_APART = frozenset({"different", "other", "another", "several", "many", "various", "certain", "what", "both", "some"})
_DETERMINERS = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass
class Person:
    """One person the article names."""

    name: str
    gender: str | None = None
    titles: set[str] = field(default_factory=set)
    profile: set[str] = field(default_factory=set)  # stems of the words that describe them ("republ", "govern")
    parties: set[str] = field(default_factory=set)  # stems of their nationality or party words ("democr", "russia")
    countries: set[str] = field(default_factory=set)  # the countries their description names ("Chile's foreign minister")
    guessed: bool = False  # the gender is only the first name's guess (an honorific or title overrules it)

    def tell_gender(self, gender: str | None, guess: bool = False) -> None:
        """Take ``gender`` unless one is known already; a title or honorific overrules a first name's guess."""
        if gender and (self.gender is None or self.guessed and not guess):
            self.gender, self.guessed = gender, guess


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;:“”\"'’")
    text = re.sub(r"[’']s$", "", text)
    return _DETERMINERS.sub("", text)


def _country_of(name: str) -> str | None:
    """The country a place, nationality or institution's name stands for ("Chinese", "the Kremlin", "People’s
    Liberation Army"), the tables' keys being lowercase with straight apostrophes."""
    key = _clean(norm_quotes(name)).lower()
    return ADJECTIVE_TO_COUNTRY.get(key) or INSTITUTIONS.get(key)


def _short_form(name: str) -> tuple[str, str | None]:
    """A body's name without the short form defined after it in brackets, and that short form ("National Secretariat
    of Communications (Secom" -> the name, "Secom"); the name and None when there is none."""
    m = re.fullmatch(r"(.*\S)\s*\(([\w.&-]+)\)?", name)
    return (m.group(1), m.group(2)) if m else (name, None)


def _name_key(name: str) -> list[str]:
    """A name's words without titles, honorifics or a possessive ("Donald Trump’s" -> donald, trump), lowercased."""
    words = [w.strip(".,").lower() for w in _without_titles(re.sub(r"[’']s?$", "", name.strip())).split()]
    words = [w for w in words if w and w not in _HONORIFICS]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]  # "Ferdinand Marcos Jr." -> ferdinand, marcos
    return words


def _hyphen_start(doc, start: int) -> int:
    """Where a name that begins at token ``start`` really begins: before the parts of a hyphenated given name that
    the tokenizer split off ("Jean - Claude Juncker" -> "Jean-Claude Juncker")."""
    while (start > 1 and doc[start - 1].text in ("-", "‐") and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
           and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha):
        start -= 2
    return start


#: The Arabic article on a family name ("al-Sisi", "el-Baradei"), which a later mention may leave out.
_ARTICLE = re.compile(r"^(?:al|el)[-‐]")


def _surname(name: str) -> str:
    """A canonical name's surname: its last word, or the one before a suffix ("Ferdinand Marcos Jr" -> "Marcos")."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _SUFFIXES:
        words = words[:-1]
    return words[-1] if words else name


def _stem(word: str) -> str:
    """A crude stem that joins "Democrat" and "Democratic", "Russia" and "Russian", "Gov." and "governor"."""
    return _title(word)[:6]


def _title(word: str) -> str:
    """A title word in full ("Gov." -> "governor")."""
    word = word.lower().strip(".,’'")
    return _ABBREVIATIONS.get(word, word)


def _first_name_gender(name: str) -> str | None:
    """The gender a name's first given name tells ("Crooked Hillary Clinton" -> "f"), if the table knows it; a
    person the article names by a first name alone ("Melanie said") is that name's gender."""
    words = name.split()[:-1] or name.split()
    return next((_FIRST_NAMES[w.lower().strip(".,")] for w in words if w.lower().strip(".,") in _FIRST_NAMES), None)


def _is_party(tok) -> bool:
    """A nationality or party word ("Chinese", "Democratic", "GOP")."""
    return tok.ent_type_ == "NORP" or _title(tok.text) in ("republican", "democrat", "democratic")


def _national(name: str) -> str:
    """A country's body by its adjective ("Azerbaijan's Ministry of Foreign Affairs" -> "Azerbaijani Ministry of
    Foreign Affairs", "Thailand's army" -> "Thai army"), and a country, its other name or its capital as its
    government ("Britain", "Tokyo" -> "British government", "Japanese government"): the form a reader compares
    across articles."""
    national = government_name(name)
    if national != name:
        return national  # "China", "Britain", "Tokyo" said: its government; "the UN", "Brussels": the body
    owned = re.match(r"^(?P<owner>[A-Z][\w .-]*?)(?:'s|’s|'|’)\s", name)
    country = owner_country(owned.group("owner")) if owned else None
    return _adjectival(name, country) if country else name


def _subject_depth(tok) -> int:
    """A clause subject's depth in its sentence's parse (1: the main clause's); 9 for a token that is no subject."""
    return sum(1 for _ in tok.ancestors) if tok.dep_ in ("nsubj", "nsubjpass") else 9


def _without_titles(name: str) -> str:
    """A name without the role words the parse sometimes takes into it ("Spokeswoman Maria Zakharova"), and without
    a royal title before a full name ("Prince Faisal bin Farhan"; "Queen Elizabeth" keeps it)."""
    words = name.split()
    while len(words) > 1 and words[0].strip(".,").lower() in PERSON_ROLES | _HONORIFICS or len(words) > 2 and words[0].lower() in _GENDERED_TITLES:
        words = words[1:]
    return " ".join(words)


class Resolver:
    """Canonical actors for the mentions of one parsed article."""

    def __init__(self, doc, aliases: dict[str, str] | None = None) -> None:
        self.doc = doc
        self.aliases = {k.lower().strip(): v for k, v in (aliases or {}).items()}
        self.people: dict[str, Person] = {}
        self.surnames: dict[str, str] = {}
        self._mentions: list[tuple[int, str]] = []  # (char offset, canonical person) in text order
        self._subjects: set[int] = set()  # offsets of the mentions that are a clause's subject
        self._depth: dict[int, int] = {}  # a subject mention's depth in its sentence's parse (1: the main clause's)
        self._as_body: set[int] = set()  # offsets of a person's surname the tagger read as a body
        self._quotes = quote_spans(doc.text)
        self._entity_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}  # token index -> entity
        self._sent_starts = [sent.start_char for sent in doc.sents]
        self.orgs: dict[str, str] = {}  # last word of a body's name -> its full name ("post" -> "Washington Post")
        self.acronyms: dict[str, str] = {}  # a body's initials -> its full name ("SEC" -> "Securities and Exchange Commission")
        self.short_names: dict[str, str] = {}  # a short form the text defines in brackets -> the full name ("secom")
        self._turn_starts: list[tuple[int, str]] | None = None  # an interview transcript's turns, read on first use
        self._read_people()
        self.home = self._lead_country()

    def _lead_country(self) -> str | None:
        """The country the article's lead is about: the first country, nationality or seat of government in the
        subject of one of the first two sentences, or of the clause their main verb reports ("South Korea has
        expressed regret ..., a presidential official said")."""
        for sent in list(self.doc.sents)[:2]:
            clauses = [sent.root] + [c for c in sent.root.children if c.dep_ in ("ccomp", "conj")]
            for clause in clauses:
                for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                    for tok in subject.subtree:
                        ent = self._entity_of.get(tok.i)
                        if ent is None or ent.label_ not in ("GPE", "NORP", "ORG"):
                            continue
                        country = _country_of(ent.text)
                        if country in _COUNTRIES:
                            return country
        return None

    def _of_home(self, name: str, head=None) -> str:
        """A state's body or official named without its state ("foreign ministry", "presidential official") as the
        state its mention gives ("Israel's foreign ministry"), else the lead's country's ("Omani foreign ministry");
        any other name as it is."""
        words = re.findall(r"[\w’'-]+", name.lower())
        owner = next((t for t in (head.lefts if head is not None else ()) if t.ent_type_ in ("GPE", "NORP")), None)
        owner = self._entity_of.get(owner.i, owner) if owner is not None else None  # "New Delhi", not "New"
        country = owner_country(owner.text) if owner is not None else None
        country = country if country in _COUNTRIES else self.home
        if country is None or not _STATE_WORDS & set(words) or name in self.people:
            return name
        if _STATE_NAMED.search(norm_quotes(name)):
            return name  # the name says whose it is
        if any(w[:1].isupper() and w.lower() in self.surnames for w in name.split()):
            return name  # "Trump government": a person's
        return f"{NATIONALITY.get(country, country)} {_DETERMINERS.sub('', name)}"

    # -- who the article names ------------------------------------------------------------------------------------
    def _read_people(self) -> None:
        doc = self.doc
        self._untagged_full_names()
        for ent in doc.ents:
            if ent.label_ == "ORG":
                name, short = _short_form(_clean(ent.text))
                after = doc[ent.end : ent.end + 3]
                if short is None and len(after) == 3 and after[0].text == "(" and after[2].text == ")" and after[1].text[:1].isupper():
                    short = after[1].text  # "the Democratic Progressive Party (DPP)"
                if short and len(name.split()) > 1:
                    self.short_names.setdefault(short.lower(), name)
                if len(name.split()) > 1:
                    if ent.root.i == ent.end - 1:
                        self.orgs.setdefault(name.split()[-1].lower(), name)  # "the Post"; not "Colombia" for "Armed Forces of Colombia"
                    proper = name.split()
                    while proper and not proper[0][:1].isupper():
                        proper = proper[1:]  # "federal Securities and Exchange Commission"
                    initials = "".join(w[0] for w in proper if w[:1].isupper())
                    if len(initials) > 1:
                        self.acronyms.setdefault(initials, " ".join(proper))
                    if ent.root.lemma_.lower() != name.split()[-1].lower():
                        self.orgs.setdefault(ent.root.lemma_.lower(), name)  # "Commission on Presidential Debates"
            if ent.label_ != "PERSON":
                continue
            while len(ent) > 1 and ent[0].pos_ != "PROPN":
                ent = ent[1:]  # the tagger's entity took in a word before the name ("former", "the"): the name follows it
            while len(ent) > 2 and ent[0].text in _COUNTRIES:
                ent = ent[1:]  # "Kosovo Petar Petkovic": a country the tagger ran into the name
            start = ent.start
            while start > 0 and self._given_name(doc[start - 1], ent):
                start -= 1  # "Defense Secretary Gilberto Teodoro Jr.": a given name the tagger left out
            start = _hyphen_start(doc, start)
            ent = doc[start : ent.end]
            words = _name_key(ent.text)
            if not words or any(not re.search(r"[a-z]", w) for w in words):
                continue
            told = self._gender_before(ent)
            canon = self._canonical(ent.text, told)
            person = self.people.setdefault(canon, Person(canon))
            person.tell_gender(told)
            inside = {w.strip(".,").lower() for w in ent.text.split()} & PERSON_ROLES
            titles, words, parties, countries = self._titles_of(ent)
            for title in titles | inside:
                person.titles.add(title)
                person.tell_gender(_GENDERED_TITLES.get(title))
            person.tell_gender(_first_name_gender(canon), guess=True)
            person.profile |= words | {_stem(t) for t in titles | inside}
            person.parties |= parties
            person.countries |= countries
            self._mentions.append((ent.start_char, canon))
            # "Josh Earnest said", "spokesman Josh Earnest said"
            self._note_subject(ent.start_char, ent.root.head if ent.root.dep_ in ("appos", "compound") and ent.root.head.pos_ == "NOUN" else ent.root)
        # a person's surname the tagger read as a body ("Trump has record low support"): still a mention of them
        named_at = {o for o, _ in self._mentions}
        for ent in doc.ents:
            key = " ".join(_name_key(ent.text))
            if ent.label_ == "ORG" and len(key.split()) == 1 and len(self.surnames.get(key, "").split()) > 1 and ent.start_char not in named_at:
                self._mentions.append((ent.start_char, self.surnames[key]))
                self._as_body.add(ent.start_char)
                self._note_subject(ent.start_char, ent.root)
        self._mentions.sort()
        self._genders_from_pronouns()
        # a body owned by a named person: "the Clinton campaign", "Donald Trump's foundation" (for "the campaign")
        self._owned: list[tuple[int, str, str]] = []  # (offset, noun, owner's name as written)
        for tok in doc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() not in PERSON_ROLES:
                owner = self._owner(tok)
                if owner is not None:
                    self._owned.append((tok.idx, tok.lemma_.lower(), owner.text))

    @staticmethod
    def _given_name(tok, ent) -> bool:
        """Whether ``tok``, just before a person's name, is a given name the tagger left out of it: a first name of
        ``lexicons/first_names.tsv`` compounded into the name, in no entity, and no title ("Miss", "King")."""
        return (tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head.i in range(ent.start, ent.end) and not tok.ent_type_
                and tok.text[:1].isupper() and tok.text.lower() in _FIRST_NAMES
                and tok.text.lower() not in _TITLE_WORDS)

    def _note_subject(self, offset: int, subject) -> None:
        """Mark the mention at ``offset`` as a clause's subject when ``subject`` is one, with its depth in the parse."""
        if subject.dep_ in ("nsubj", "nsubjpass"):
            self._subjects.add(offset)
            self._depth[offset] = _subject_depth(subject)

    def resolve_all(self, attributions: list[Attribution]) -> list[str]:
        """The canonical actor of each attribution, in order (pronouns see the speakers resolved before them). The
        names of one body are written as its first name in the text (``body_key``); aliases are kept as given."""
        order = sorted(range(len(attributions)), key=lambda i: attributions[i].mention_start if attributions[i].mention_start >= 0 else attributions[i].cue_start)
        out = [""] * len(attributions)
        speakers: list[tuple[int, str]] = []
        bodies = BodyNames()
        given = set(self.aliases.values())
        for i in order:
            a = attributions[i]
            out[i] = self.resolve(a, speakers)
            if out[i] and out[i] not in given:
                out[i] = bodies.name(out[i])
            if out[i]:
                speakers.append((a.mention_start, out[i]))
        return out

    def person_countries(self) -> dict[str, str]:
        """Each named person's country, where their description names exactly one ("Laura Pinto, Chile's foreign
        ministry spokesperson" -> Chile), by canonical name."""
        return {name: next(iter(p.countries)) for name, p in self.people.items() if len(p.countries) == 1}

    def _untagged_full_names(self) -> None:
        """Full names the parse did not tag as a person ("Foreign Adviser Towhid Rahman" read as a work of art),
        when their last word is tagged a person elsewhere: registered first, so that "Rahman" is Towhid Rahman."""
        doc = self.doc
        surnames = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) == 1}
        in_full_name = {t for e in doc.ents if e.label_ == "PERSON" for t in range(e.start + 1, e.end)}
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.i in in_full_name:
                continue
            given, titled = [], False  # the capitalised compound words right before it, up to a title, a place or a body
            for left in reversed(list(tok.lefts)):
                if left.i != tok.i - len(given) - 1 or left.dep_ != "compound" or left.pos_ != "PROPN" or not left.text[:1].isupper():
                    break
                own_entity = tok.ent_iob_ == "I" and left.ent_type_ == tok.ent_type_  # "Raveesh Kumar" tagged a body
                titled = left.lower_.strip(".") in PERSON_ROLES | _HONORIFICS
                if titled or left.ent_type_ in ("GPE", "NORP", "ORG") and not own_entity:
                    break
                given.append(left)
            # a surname tagged a person elsewhere, a name in apposition to a role ("the interior minister, Ana Ruiz,"),
            # or a first name and surname after a title ("Phoenix Mayor Greg Stanton" read as a work of art)
            # (a title before the given name outweighs the tagger's body: "spokesman ..., General Sylvain Ekenge")
            named = (tok.text in surnames or tok.dep_ == "appos" and _title(tok.head.lemma_) in PERSON_ROLES
                     and (tok.ent_type_ not in ("GPE", "ORG", "NORP") or titled and tok.ent_type_ == "ORG" and len(given) == 1)
                     or titled and len(given) == 1 and given[0].lower_ in _FIRST_NAMES)
            if not named and given and given[0].lower_ in _FIRST_NAMES and given[0].lower_ not in _TITLE_WORDS and self._alone_as_subject(tok):
                # "High Commissioner for Human Rights Michelle Bachelet", then "Bachelet said": a first name before
                # a surname that is a clause's subject on its own elsewhere; the words before the first name
                # belong to a title or a body's name
                named, given = True, given[:1]
            if named and given and len(given) <= 3:
                name = doc[_hyphen_start(doc, given[-1].i) : tok.i + 1].text
                canon = self._canonical(name)
                person = self.people.setdefault(canon, Person(canon))
                person.tell_gender(_first_name_gender(canon), guess=True)
                self._mentions.append((given[-1].idx, canon))

    def _alone_as_subject(self, tok) -> bool:
        """Whether the word ``tok`` (a surname the parse left untagged or read as a one-word body) is, elsewhere in
        the article, a clause's subject on its own: no name or title compounded with it, no body the tagger
        made of it with other words."""
        doc = self.doc

        def one_word(t) -> bool:  # untagged, or a person or body of this one word
            return t.ent_type_ in ("", "ORG", "PERSON") and t.ent_iob_ != "I" and not (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")

        return one_word(tok) and any(
            other.i != tok.i and other.text == tok.text and other.dep_ in ("nsubj", "nsubjpass") and one_word(other)
            and not any(left.dep_ == "compound" for left in other.lefts)
            for other in doc
        )

    def _gender_before(self, ent) -> str | None:
        """The gender an honorific before a name tells ("Mrs. Clinton")."""
        words = [w.lower() for w in ent.text.split()[:1]]
        if ent.start > 0:
            words.append(self.doc[ent.start - 1].lower_)
        return next((_HONORIFIC_GENDER[w] for w in words if w in _HONORIFIC_GENDER), None)

    def _group(self, head) -> str:
        """Named people joined by "and" at the mention's head ("Mr. Grassley and Mr. Leahy" -> "Charles Grassley
        and Patrick Leahy"), or "" when the head is not such a group."""
        if head is None or head.ent_type_ != "PERSON" or not head.conjuncts:
            return ""
        names = []
        for tok in sorted([head, *head.conjuncts], key=lambda t: t.i):
            ent = self._entity_of.get(tok.i)
            if ent is None or ent.label_ != "PERSON":
                return ""
            names.append(self._canonical(ent.text, self._gender_before(ent)))
        return " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]

    def _author(self, head) -> str:
        """The person behind a work that speaks ("Mrs. Clinton's plan", "a speech Mrs. Clinton delivered", "a Trump
        tweet"), or the body behind officials ("officials at Homeland Security Investigations"); "" otherwise."""
        if head is None or head.pos_ != "NOUN":
            return ""
        noun = head.lemma_.lower()
        if noun in PERSON_ROLES:
            if head.tag_ != "NNS":
                return ""
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "of", "from")):
                body = next((o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "ORG"), None)
                ent = self._entity_of.get(body.i) if body is not None else None
                if ent is not None:
                    return self._org(ent.text)
            return ""
        if noun in _BODY_WORDS:
            return ""
        owner = self._owner(head)
        if owner is None:  # "a speech Mrs. Clinton delivered"
            clause = next((c for c in head.children if c.dep_ == "relcl"), None)
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
            owner = self._entity_of.get(subject.i) if subject is not None else None
            if owner is not None and owner.label_ != "PERSON":
                owner = None
        return self._canonical(owner.text, self._gender_before(owner)) if owner is not None else ""

    def _issuer(self, head, speakers: list[tuple[int, str]]) -> str:
        """Who speaks through a document (``lexicons/documents.tsv``): its owner ("the Thai army's statement"), the
        names before it ("a White House readout", "the French defence ministry statement"), the subject that issued it
        ("the ministry issued a statement calling ..."), its author after "by" or "from" ("a report by UN experts",
        "the transcript released by Channel 1"); for "the report" with none of
        these, the issuer of the last report the article named before. "" when nothing says who."""
        if head is None or head.pos_ != "NOUN" or head.lemma_.lower() not in _DOCUMENTS:
            return ""
        issuer = self._issuer_named(head, speakers)
        if issuer or not any(t.lower_ in ("the", "this", "that") for t in head.lefts):
            return issuer
        for tok in reversed(self.doc[: head.i]):  # "the report said": the report named before, if its issuer is known
            if tok.pos_ == "NOUN" and tok.lemma_.lower() == head.lemma_.lower():
                issuer = self._issuer_named(tok, speakers)
                if issuer:
                    return issuer
        return ""

    def _issuer_named(self, head, speakers: list[tuple[int, str]]) -> str:
        """The issuer a document's own words name (see ``_issuer``), resolved as a mention; "" when they name none."""
        doc = self.doc
        owner = next((t for t in head.lefts if t.dep_ == "poss" and t.ent_type_ not in ("DATE", "TIME")), None)
        if owner is not None:  # "the Thai army's statement", not "Friday's letter"
            return self._resolve_span(owner.left_edge.idx, owner.idx + len(owner.text), owner, speakers)
        # the names right before it: proper nouns, nouns and nationality words, one of them a name or a body's word
        first = head.i
        while first > 0 and (doc[first - 1].pos_ in ("PROPN", "NOUN") or doc[first - 1].ent_type_ in ("NORP", "GPE", "ORG")) \
                and doc[first - 1].lemma_.lower() not in _DOCUMENTS:
            first -= 1
        before = doc[first : head.i]
        if len(before) == 1 and before[0].lower_ in ADJECTIVE_TO_COUNTRY:
            return government_name(ADJECTIVE_TO_COUNTRY[before[0].lower_])  # "the Chinese statement"
        if len(before) and (any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in before)
                            or any(t.lower_ in _BODY_WORDS | _STATE_WORDS for t in before)):
            return self._resolve_span(before.start_char, before.end_char, before[-1], speakers)  # a compound's last noun heads it
        verb = None  # whose subject issued it
        if head.dep_ == "dobj" and head.head.lemma_.lower() in _ISSUING:  # "the Foreign Office issued a statement calling ..."
            verb = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.pos_ == "VERB" \
                and not any(t.dep_ == "det" and t.lower_ == "the" for t in head.lefts):
            verb = head.head.head  # where a subject put its words: "The US made the claims in a statement", "Kyiv said in a letter"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return self._author_span(subject, speakers)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in _ISSUING:  # "the transcript released by Channel 1"
                child = next((c for c in child.children if c.dep_ == "agent"), None)
            elif not (child.dep_ == "prep" and child.lower_ in ("by", "from")):
                continue
            author = next((c for c in child.children if c.dep_ == "pobj"), None) if child is not None else None
            if author is not None:
                return self._author_span(author, speakers)
        return ""

    def _author_span(self, author, speakers: list[tuple[int, str]]) -> str:
        """A document's author resolved from its name up to a clause or a comma ("experts for the UN", not "... seen
        by the AFP news agency")."""
        stop = min((t.i for t in author.subtree if t.i > author.i and (t.dep_ in ("acl", "relcl", "appos") or t.is_punct)),
                   default=author.right_edge.i + 1)
        span = self.doc[author.left_edge.i : stop]
        return self._resolve_span(span.start_char, span.end_char, author, speakers)

    @staticmethod
    def _owns(head) -> bool:
        """Whether a possessor names the body ("Trump's campaign" is the Trump campaign; "Putin's spokesman" is a
        person, resolved as a description)."""
        return head.pos_ == "NOUN" and head.lemma_.lower() not in PERSON_ROLES

    def _owner(self, tok):
        """The named person a common noun belongs to ("the Clinton campaign", "Trump's campaign"), as an entity."""
        for child in tok.lefts:
            if child.dep_ in ("compound", "poss") and child.ent_type_:
                ent = self._entity_of.get(child.i)
                if ent is not None and (ent.label_ == "PERSON" or " ".join(_name_key(ent.text)) in self.surnames):
                    return ent
        return None

    def _genders_from_pronouns(self) -> None:
        """A person's gender from the pronouns of the sentences that name only them."""
        votes: dict[str, list[int]] = {}
        sents = list(self.doc.sents)
        for sent in sents:
            names = {self.surnames.get(_name_key(e.text)[-1], "") for e in sent.ents if e.label_ == "PERSON" and _name_key(e.text)}
            names.discard("")
            if len(names) != 1:
                continue
            name = names.pop()
            words = [t.lower_ for t in sent]
            m = sum(w in _MALE for w in words)
            f = sum(w in _FEMALE for w in words)
            v = votes.setdefault(name, [0, 0])
            v[0] += m
            v[1] += f
        for name, (m, f) in votes.items():
            person = self.people.get(name)
            if person is not None and person.gender is None and (m or f) and max(m, f) >= 2 * min(m, f) + 1:
                person.gender = "m" if m > f else "f"

    def _canonical(self, text: str, gender: str | None = None) -> str:
        """The fullest name the article gives this person; registers surname and full forms. ``gender`` (from an
        honorific) picks between two people of one surname ("Mrs. Clinton" is not Bill Clinton)."""
        words = _name_key(text)
        original = [w for w in re.sub(r"[’']s$", "", _without_titles(text.strip())).split() if w.strip(".,").lower() not in _HONORIFICS]
        if len(original) > 2:  # "Donald J. Trump" is "Donald Trump"
            original = [w for i, w in enumerate(original) if not (0 < i < len(original) - 1 and re.fullmatch(r"[A-Z]\.?", w))]
            words = _name_key(" ".join(original))
        if len(words) == 1:
            known = self.surnames.get(words[0])
            if known and gender and self.people.get(known) is not None and self.people[known].gender not in (None, gender):
                other = [c for _, c in reversed(self._mentions) if _surname(c).lower() == words[0] and self.people[c].gender == gender]
                return other[0] if other else " ".join(original)
            if known:
                return known
            # "Wei" after "Wei Zhaoming" (a family name written first), or a first name alone: the one person so named
            first = [c for c in self.people if len(c.split()) > 1 and c.split()[0].lower() == words[0]]
            if len(first) == 1:
                return first[0]
            # "Dahir" after "Abukar Dahir Osman": a middle name that names one person only
            middle = [c for c in self.people if len(c.split()) > 2 and words[0] in (w.lower() for w in c.split()[1:-1])]
            if len(middle) == 1 and not first:
                return middle[0]
            self.surnames.setdefault(words[0], " ".join(original))
            return self.surnames[words[0]]
        full = " ".join(original).rstrip(".")  # "Ferdinand Marcos Jr." as "Ferdinand Marcos Jr"
        last = words[-1]
        for w in words[1:-1]:  # "Claudia Sheinbaum Pardo" after "Claudia Sheinbaum"
            known = self.surnames.get(w)
            if known and known.split()[0].lower() == words[0]:
                self.surnames.setdefault(last, known)
                return known
        bare = _ARTICLE.sub("", last)  # "al-Sisi" is "Sisi" too
        known = self.surnames.get(last) or self.surnames.get(bare)
        if known and len(known.split()) >= len(original) and known.split()[0].lower() == words[0]:
            return known
        if known and len(_name_key(known)) > len(words) and _name_key(known)[-len(words):] == words and _first_name_gender(full) is None:
            return known  # "Fernández de Cossío" after "Carlos Fernández de Cossío" (but "Donald Trump" is a whole name)
        if known and len(known.split()) == 1 and self._same_gender(known, full):
            # "Peskov" came first, "Dmitry Peskov" now: keep the fuller form for both
            for p in self.people.values():
                if p.name == known:
                    p.name = full
            self.people[full] = self.people.pop(known, Person(full))
            self._mentions = [(o, full if c == known else c) for o, c in self._mentions]
        self.surnames[last] = full
        self.surnames[bare] = full
        self.surnames.setdefault(" ".join(words), full)
        return full

    def _same_gender(self, bare: str, full: str) -> bool:
        """Whether a bare surname's person can be this full name ("Mr. Obama" is not "Michelle Obama")."""
        known = self.people.get(bare)
        told = _first_name_gender(full)
        return known is None or known.gender is None or told is None or known.gender == told

    def _titles_of(self, ent) -> tuple[set[str], set[str], set[str], set[str]]:
        """Title nouns around a name ("Foreign Minister Sergei Lavrov", "Lavrov, Russia's foreign minister"), the
        stems of every word that describes it there, the stems of its nationality or party words, and the countries
        the description names ("Russia")."""
        out, words, parties = set(), set(), set()
        head = ent.root
        described = []
        for tok in list(head.lefts):
            if ent.start <= tok.i < ent.end and tok.lower_.strip(".") not in _ABBREVIATIONS:
                continue
            if tok.dep_ in ("compound", "amod") and tok.pos_ in ("NOUN", "PROPN") and (tok.ent_type_ != "PERSON" or tok.lower_.strip(".") in _ABBREVIATIONS):
                out.add(_title(tok.lemma_))
            described.extend(tok.subtree)
        for tok in head.children:
            if tok.dep_ == "appos" and tok.pos_ == "NOUN":
                out.add(tok.lemma_.lower())
            if tok.dep_ == "appos":
                described.extend(t for t in tok.subtree if t.dep_ != "relcl")
        if head.dep_ == "appos" and (head.head.pos_ == "NOUN" or head.head.pos_ == "PROPN" and head.head.lower_ in PERSON_ROLES):
            out.add(head.head.lemma_.lower())  # "the Kremlin spokesman, Dmitry Peskov", "Minister of Information, X"
            described.extend(t for t in head.head.subtree if t.i < ent.start)
        for tok in described:
            if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not (ent.start <= tok.i < ent.end and tok.lower_.strip(".") not in _ABBREVIATIONS):
                words.add(_stem(tok.text))
                if _is_party(tok):
                    parties.add(_stem(tok.text))
        places = {self._entity_of[t.i] for t in described if t.ent_type_ in ("GPE", "NORP") and t.i in self._entity_of}
        countries = {_country_of(e.text) for e in places}
        return out, words, parties, {c for c in countries if c in _COUNTRIES}

    # -- one mention ------------------------------------------------------------------------------------------------
    def resolve(self, a: Attribution, speakers: list[tuple[int, str]] | None = None) -> str:
        """The canonical actor of an attribution's source. ``speakers`` are the (offset, actor) of the attributions
        resolved so far, in text order: the salient antecedents for a pronoun."""
        if a.mention_start < 0:
            return ""
        text = self.doc.text
        mention = text[a.mention_start : a.mention_end]
        alias = self.aliases.get(mention.lower().strip()) or self.aliases.get(_clean(mention).lower())
        if alias:
            return alias
        head = self.doc[a.source_token] if a.source_token >= 0 else None
        speakers = speakers or []
        if head is not None and head.lower_ in _RELATIVE and head.dep_ in ("nsubj", "nsubjpass"):
            noun = head.head.head if head.head.dep_ == "relcl" and head.head.head.pos_ in ("NOUN", "PROPN", "PRON") else None
            if noun is None and head.i > 0 and head.nbor(-1).pos_ in ("NOUN", "PROPN"):
                noun = head.nbor(-1)  # "the Chicago Police Department which reported": the parse hung the clause elsewhere
            if noun is not None:
                return self._of_home(_national(self._resolve_span(noun.left_edge.idx, noun.idx + len(noun.text), noun, speakers)), noun)
        return self._of_home(_national(self._resolve_span(a.mention_start, a.mention_end, head, speakers)), head)

    def _resolve_span(self, start: int, end: int, head, speakers: list[tuple[int, str]]) -> str:
        text = self.doc.text
        mention = text[start:end]
        # a named person or body at the mention's head ("Stein spokeswoman Melezia Figueroa", not "a spokeswoman
        # for Hillary Clinton")
        group = self._group(head)
        if group:
            return group
        span = self.doc.char_span(start, end, alignment_mode="expand") if head is not None else None
        appositive = [t for t in span or [] if t.dep_ == "appos" and t.pos_ == "PROPN"]
        named = self._appositive_person(span, appositive, start, end)
        if named:  # "Rubio's deputy campaign manager, Rich Beeson," is Rich Beeson, not Rubio
            return named
        speaker = self._author(head) or self._issuer(head, speakers)
        if speaker:
            return speaker
        heads = {head.i} | {t.i for t in head.children if t.dep_ in ("appos", "compound") or t.dep_ == "poss" and self._owns(head)} if head is not None else set()
        # a person named in apposition anywhere in the mention ("The UN envoy for Libya, Ana Lind") is the source
        for tok in appositive:
            ent = self._entity_of.get(tok.i)
            if ent is not None and ent.label_ == "PERSON":
                heads.add(tok.i)
            elif ent is None and tok.text.lower() in self.surnames and tok.head.i == head.i:
                return self.surnames[tok.text.lower()]  # a full name the parse did not tag ("Ana Ruiz")
        for ent in self.doc.ents:
            if not (start <= ent.start_char and ent.end_char <= end):
                continue
            if head is not None and not heads & set(range(ent.start, ent.end)):
                continue
            key = " ".join(_name_key(ent.text))
            owned = head is not None and ent.root.head.i == head.i and (ent.root.dep_ == "compound" and head.pos_ == "NOUN" or ent.root.dep_ == "poss" and self._owns(head))
            if (ent.label_ == "PERSON" and key or key in self.surnames) and owned:  # "the Clinton campaign", "a Trump aide"
                return f"{_surname(self._canonical(ent.text))} {head.lemma_.lower()}"
            if ent.label_ == "PERSON" and key or key in self.surnames:  # a known surname tagged as a body is the person
                return self._canonical(ent.text, self._gender_before(ent))
            if ent.label_ in ("ORG", "NORP", "GPE", "FAC") and head is not None and ent.start <= head.i < ent.end:
                if ent.label_ == "NORP" and head.tag_ == "NNP" and any(t.lower_ == "the" for t in head.lefts):
                    named = self._titled(start, _title(head.lemma_), head)  # "The Republican said"
                    if named:
                        return named
                return self._org(ent.text)
        word = head.lower_ if head is not None else mention.lower().strip()
        if word in _MALE | _FEMALE:
            return self._pronoun(start, "m" if word in _MALE else "f", speakers) or mention
        if word in _PLURAL | _NEUTER:
            return self._body(start, speakers) or mention
        if word in _FIRST or word == "you":
            return self._interviewee(start, word) or (mention if word in _FIRST else _clean(mention))
        if head is not None and head.tag_ == "NNS" and any(t.lower_ in ("two", "both") for t in head.lefts) \
                and any(t.lower_ in ("the", "both") for t in head.lefts):
            pair = self._last_two(start)  # "the two leaders", "both men": the two people named last
            if pair:
                return pair
        if head is not None and head.pos_ == "PROPN" and len(self.surnames.get(head.lower_, "").split()) > 1:
            return self.surnames[head.lower_]  # a surname the tagger put in a body's name ("the Washington Post Trump")
        definite = head is not None and any(t.lower_ in ("the", "this", "that", "these", "those") or t.dep_ == "poss" for t in head.lefts)
        if head is not None and _title(head.lemma_) not in PERSON_ROLES and any(t.dep_ == "poss" and t.ent_type_ in ("GPE", "NORP") for t in head.lefts):
            definite = False  # "Israel's foreign ministry" says whose it is: not the ministry named before
        if definite and head.lemma_.lower() in _BODIES and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
            for c in head.children
        ):
            return self._org(mention)  # "the city of Phoenix" names itself
        if definite and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            noun = _title(head.lemma_)
            named = (self._described(start, noun, head, speakers) or self._titled(start, noun, head)
                     or self._owned_before(start, noun) or self.orgs.get(noun, "") or self._body_named_before(start, noun, head))
            qualified = any(t.ent_type_ in ("ORG", "FAC", "PERSON") and not _is_party(t) for t in head.lefts)
            if not named and noun in PERSON_ROLES and head.tag_ != "NNS":
                named = self._holder(noun, head) or self._named_next(start, _GENDERED_TITLES.get(noun, ""))
            if not named and noun in PERSON_ROLES and head.tag_ != "NNS" and not qualified:
                # "the Republican nominee said", "the Indiana governor said": the person in view, unless the words
                # give another party or nationality
                named = self._pronoun(start, _GENDERED_TITLES.get(noun, ""), speakers, parties=self._parties_of(head), described=True)
            if named:
                return named
        if head is not None and head.tag_ in ("NN", "NNP") and _title(head.lemma_) in PERSON_ROLES and not any(t.dep_ in ("det", "poss") for t in head.lefts):
            named = self._holder(_title(head.lemma_), head)  # a headline's "British envoy denies ...": the envoy the body names
            if named:
                return named
        known = self.surnames.get(head.text.lower().strip(".,’'")) if head is not None and head.text[:1].isupper() else None
        if known and head.pos_ == "NOUN":
            return known  # a surname the parse read as a common noun ("Ruiz later said")
        if head is not None and head.pos_ == "PROPN":
            return known or self._proper_name(head, mention)  # a surname the parse did not tag as a person is still that person
        return self._unquantified(start, end, head, speakers)

    def _unquantified(self, start: int, end: int, head, speakers: list[tuple[int, str]]) -> str:
        """A mention without the words before it that count its members or set one apart ("Two senior Philippine
        officials", "a different Japanese official" -> "senior Philippine officials", "Japanese official"); "one of
        the sources" is the sources."""
        mention = self.doc.text[start:end]
        if head is None:
            return _clean(mention)
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None) if head.lower_ == "one" else None
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is not None:
            return self._resolve_span(group.left_edge.idx, group.idx + len(group.text), group, speakers)
        drop = {t.i for t in head.lefts if t.dep_ in ("nummod", "det", "predet", "quantmod") or t.lower_ in _SETTING_APART}
        words = list(self.doc.char_span(start, end, alignment_mode="expand") or [])
        first = next((k for k, t in enumerate(words) if t.i not in drop), len(words))
        return _clean(mention if first in (0, len(words)) else self.doc.text[words[first].idx : end])

    def _proper_name(self, head, mention: str) -> str:
        """A proper name the tagger missed, at the head of a longer mention ("Mr Shashi Tharoor, a senior politician
        ...", "Department of Defence Head of Communication Siphiwe Dlamini"): the head and the proper nouns compounded
        onto it just before it; a person's name unless the tagger or a word of it says it is a body."""
        chain = [head]
        for tok in sorted(head.lefts, key=lambda t: -t.i):  # nearest first
            particle = tok.text in _NAME_PARTICLES  # "Art del Cueto": the tagger reads "del" as a foreign word
            if tok.i != chain[0].i - 1 or tok.dep_ != "compound" or tok.pos_ != "PROPN" and not particle:
                break
            chain.insert(0, tok)
        while len(chain) > 1 and chain[0].text in _NAME_PARTICLES:
            chain = chain[1:]
        tagged = [self._entity_of.get(t.i) for t in chain]
        people = [e for e in tagged if e is not None and e.label_ == "PERSON"]
        if people:  # "Black Lawmakers Rip Donald Trump": a headline's capitals; the tagged name is the person
            return self._canonical(people[-1].text, self._gender_before(people[-1]))
        name = self.doc[_hyphen_start(self.doc, chain[0].i) : head.i + 1].text
        words = [w.strip(".").lower() for w in name.split()]
        # a name described as a person's role ("Serhii Cherevatyi, a spokesperson for ...") is a person's whatever the
        # tagger calls it, unless it calls it an organisation, a place or a nationality
        role = any(c.dep_ == "appos" and _title(c.lemma_) in PERSON_ROLES for c in head.children)
        body = any(e is not None and (e.label_ in _BODY_LABELS or not role) for e in tagged) or any(w in _BODY_WORDS or w in _BODIES for w in words)
        if body or _clean(mention) == _clean(name) or len([w for w in words if w not in _HONORIFICS]) < 2:
            return self._org(mention)  # a body's name reads best whole ("Ukraine's Coordination Headquarters for ...")
        return self._canonical(name)

    def _appositive_person(self, span, appositive: list, start: int, end: int) -> str:
        """Of a mention's ``appositive`` names, the person in apposition to a role at the top of the mention
        ("Trump's Indiana chairman, Rex Early,", "the district GOP Chairman, Chuck Williams"), canonical; also a
        full name the tagger took for a body but the article names as a person ("DRC's army spokesman ..., General
        Sylvain Ekenge,"); "" when there is no such name."""
        if not appositive:
            return ""
        top = {t.i for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i}
        for tok in appositive:
            if not (tok.head.i in top or tok.head.dep_ == "compound" and tok.head.head.i in top):
                continue
            ent = self._entity_of.get(tok.i)
            if ent is not None and ent.label_ == "PERSON" and start <= ent.start_char and ent.end_char <= end:
                return self._canonical(ent.text, self._gender_before(ent))
            full = self.surnames.get(tok.text.lower(), "")
            if len(full.split()) > 1 and _title(tok.head.lemma_) in PERSON_ROLES:
                return full
        return ""

    def _turns(self) -> list[tuple[int, str]]:
        """An interview transcript's turns as (start offset, "question" or "answer"), in text order; empty unless the
        article has both a question and an answer label opening a paragraph ("Q: ...", "A: ...")."""
        if self._turn_starts is None:
            text = self.doc.text
            turns = []
            for m in re.finditer(r"(?:^|\n)[ \t]*(\w+)[ \t]*:", text):
                turn = _TURN_LABELS.get(m.group(1))
                if turn:
                    turns.append((m.start(1), turn))
            self._turn_starts = turns if {t for _, t in turns} == {"question", "answer"} else []
        return self._turn_starts

    def _interviewee(self, pos: int, word: str) -> str:
        """Who "I" in an answer, or "you" in a question, of an interview transcript is: the person the text before
        the first turn names most often (the first of them on a tie)."""
        turns = self._turns()
        before = [t for o, t in turns if o <= pos]
        if not before or (word == "you") != (before[-1] == "question"):
            return ""
        intro = [c for o, c in self._mentions if o < turns[0][0]]
        if not intro:
            return ""
        counts = Counter(intro)
        return max(counts, key=lambda c: (counts[c], -intro.index(c)))

    def _named_next(self, pos: int, gender: str) -> str:
        """A role described before anyone holding it is named ("Connecticut’s tax commissioner says ...\n\nKevin
        Sullivan says ..."): the person named for the first time as the subject of the next sentence."""
        k = bisect.bisect_right(self._sent_starts, pos)
        if k >= len(self._sent_starts):
            return ""
        lo = self._sent_starts[k]
        hi = self._sent_starts[k + 1] if k + 1 < len(self._sent_starts) else len(self.doc.text)
        before = {c for o, c in self._mentions if o < pos}
        for o, c in self._mentions:
            if lo <= o < hi and o in self._subjects and c not in before:
                person = self.people[c]
                if not gender or person.gender in (None, gender):
                    return c
        return ""

    def _org(self, text: str) -> str:
        """A body's name without its article; a short form ("the Post") is the full name used before."""
        name = _short_form(_clean(text))[0]
        words = name.split()
        if len(words) == 1 and words[0].lower() in self.short_names:
            return self.short_names[words[0].lower()]  # "Secom" after "National Secretariat of Communications (Secom)"
        if len(words) == 1 and words[0].lower() in self.orgs:
            return self.orgs[words[0].lower()]
        letters = name.replace(".", "")
        if len(words) == 1 and letters.isalpha() and letters.isupper() and letters in self.acronyms:
            return self.acronyms[letters]  # "the S.E.C." after "the Securities and Exchange Commission"
        return name

    def _pronoun(self, pos: int, gender: str, speakers: list[tuple[int, str]], parties: set[str] | None = None, described: bool = False) -> str:
        """The nearest person before ``pos`` who can be ``gender`` (and, for a description, has no other party or
        nationality than ``parties``, nor a surname the tagger read as a body: ``described``); a recent speaker
        before a mere mention."""
        def fits(name: str) -> bool:
            p = self.people.get(name)
            if p is None or gender and p.gender not in (None, gender):
                return False
            return not (parties and p.parties and not parties & p.parties)
        recent_speakers = [(o, s) for o, s in speakers if o < pos and pos - o < 1500 and fits(s)]
        mentions = [(o, c) for o, c in self._mentions if o < pos and fits(c) and not (described and o in self._as_body)]
        # a person named outside quotation marks in this sentence or the one before ("Donald Trump is drawing
        # criticism after he appeared to suggest"), its subject first; the speakers otherwise
        near = self._nearby(pos, [(o, c) for o, c in mentions if not any(a <= o < b for a, b in self._quotes)], recent_speakers)
        if near:
            self._learn_gender(near, gender)
            return near
        best = None
        if recent_speakers:
            best = recent_speakers[-1]
        if mentions and (best is None or mentions[-1][0] > best[0] + 600):
            best = mentions[-1]  # a person named well after the last speaker is the nearer antecedent
        if best is None:
            return ""
        self._learn_gender(best[1], gender)
        return best[1]

    def _learn_gender(self, name: str, gender: str) -> None:
        person = self.people.get(name)
        if person is not None and person.gender is None and gender:
            person.gender = gender  # "he" fixed it

    def _nearby(self, pos: int, mentions: list[tuple[int, str]], speakers: list[tuple[int, str]] = ()) -> str:
        """Of ``mentions`` (before ``pos``), the one in ``pos``'s sentence (a subject before a mere mention, then the
        nearest), else the subject of the sentence before; a speaker of that sentence (``speakers``) who is its
        subject higher in the parse ("He went on to say that officials admitted that Mukherjee made the call. ...,
        he added": the same he) before a person named deeper in what they report."""
        k = bisect.bisect_right(self._sent_starts, pos) - 1
        start = self._sent_starts[k] if k >= 0 else 0
        here = [(o, c) for o, c in mentions if start <= o < pos]
        subjects = [(o, c) for o, c in here if o in self._subjects]
        if here:
            return (subjects or here)[-1][1]
        before = [(o, c) for o, c in mentions if k >= 1 and self._sent_starts[k - 1] <= o < start and o in self._subjects]
        if not before:
            return ""
        # the main clause's subject before one in a clause it reports ("Josh Earnest said that Obama has long called
        # for tax fairness. He said ...")
        named = min(before, key=lambda m: (self._depth.get(m[0], 9), -m[0]))
        higher = [s for o, s in speakers if self._sent_starts[k - 1] <= o < start and self._depth_at(o) < self._depth.get(named[0], 9)]
        return higher[0] if higher else named[1]

    def _depth_at(self, offset: int) -> int:
        """The depth in the parse of the clause subject that starts at ``offset`` (9 when none does)."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return _subject_depth(span[0]) if span is not None and len(span) else 9

    def _body(self, pos: int, speakers: list[tuple[int, str]]) -> str:
        """The nearest speaker before ``pos`` that is not a named person (a government, a ministry, a group)."""
        for o, s in reversed(speakers):
            if o < pos and s not in self.people and pos - o < 1500:
                return s
        return ""

    def _last_two(self, pos: int) -> str:
        """The two people named last before ``pos``, by surname, in the order the article names them."""
        seen: list[str] = []
        for o, c in reversed(self._mentions):
            if o < pos and c not in seen:
                seen.append(c)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return ""
        first, second = reversed(seen)
        return f"{_surname(first)} and {_surname(second)}"

    def _described(self, pos: int, noun: str, head, speakers: list[tuple[int, str]]) -> str:
        """An earlier speaker described by the same role noun ("a French official" ... "the official"; "the Kremlin
        spokesman" ... "Putin's spokesman"), unless this mention names another body or country."""
        own = {t.text.lower() for t in head.lefts if t.ent_type_ in ("ORG", "GPE", "NORP", "FAC")}
        for o, s in reversed(speakers):
            words = s.lower().split()
            if o >= pos or s in self.people or not words or words[-1] not in (noun, noun + "s"):  # "the sources": "government sources"
                continue
            if own and not own & set(words) and not any(w.startswith(x[:4]) for x in own for w in words):
                continue  # "the Chinese official" is not "a French official"
            return s
        return ""

    def _holder(self, noun: str, head) -> str:
        """The one person the article gives this title whose description fits every word that qualifies the mention
        ("Brazil's foreign minister", "the Kremlin spokesperson", a headline's "British envoy"), wherever the
        article names them: a role described before its holder is named, or never named beside it."""
        words = [t for t in head.lefts if t.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and t.pos_ in ("ADJ", "NOUN", "PROPN")]
        role = _ROLE_GROUP.get(noun, noun)
        ranks = {_stem(t.text) for t in words} & _RANKS
        fits = []
        for name, person in self.people.items():
            if role not in {_ROLE_GROUP.get(t, t) for t in person.titles}:
                continue
            if ranks != person.profile & _RANKS:
                continue  # "the presidential nominee" is not the vice presidential nominee
            if all(self._qualifies(tok, person) for tok in words):
                fits.append(name)
        return fits[0] if len(fits) == 1 else ""

    def _qualifies(self, tok, person: Person) -> bool:
        """Whether a word qualifying a role fits the person: a country their description names (or none named
        there), any other word a word of their description ("foreign", "Kremlin")."""
        ent = self._entity_of.get(tok.i)
        country = ADJECTIVE_TO_COUNTRY.get(_clean(ent.text).lower()) if ent is not None and ent.label_ in ("GPE", "NORP") else None
        if country in _COUNTRIES:
            return not person.countries or country in person.countries
        return _stem(tok.text) in person.profile

    def _parties_of(self, head) -> set[str]:
        return {_stem(t.text) for t in head.lefts if _is_party(t)}

    def _titled(self, pos: int, title: str, head) -> str:
        """The person last named before ``pos`` with this title or description, and no other party or nationality
        ("the Democratic nominee" is not the Republican nominee; "the Republican" is who was called one)."""
        parties = self._parties_of(head)
        for o, c in reversed(self._mentions):
            p = self.people[c]
            if o >= pos or not (title in p.titles or head.pos_ != "NOUN" and _stem(title) in p.profile):
                continue
            if parties and not parties <= p.profile:
                continue
            return c
        return ""

    def _body_named_before(self, pos: int, noun: str, head) -> str:
        """"The bank said": the body of that kind named last before ``pos``, outside quotation marks."""
        label = _BODIES.get(noun)
        if label is None or head.tag_ == "NNS" or any(t.ent_type_ for t in head.lefts):
            return ""
        for ent in reversed(self.doc.ents):
            if ent.end_char <= pos and ent.label_ == label and not any(a <= ent.start_char < b for a, b in self._quotes):
                return self._org(ent.text)
        return ""

    def _owned_before(self, pos: int, noun: str) -> str:
        """The last body of this kind owned by a named person before ``pos`` ("the campaign" -> "Trump campaign")."""
        for o, n, owner in reversed(self._owned):
            if o < pos and n == noun:
                return f"{_surname(self._canonical(owner))} {noun}"
        return ""


_BODY_NAMES = {r["name"]: r["key"] for r in _lexicon_rows("body_names.tsv")}
_BODY_NAME = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(_BODY_NAMES, key=len, reverse=True))) + r")\b")
_MINISTRY_OF = re.compile(r"\bministry of (?:the )?([a-z][a-z ]*?)$")
_SEAT = re.compile(r" (?:in|at) ([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)$")


def body_key(name: str) -> tuple[str, str]:
    """The form two names of one body are compared in, and the body's seat where the name gives one: "Georgian
    MFA", "Georgian Foreign Ministry", "Georgian Ministry of Foreign Affairs" -> ("georgian foreign ministry", "");
    "Chinese Embassy in Manila" -> ("chinese embassy", "manila")."""
    name = norm_quotes(name).strip()
    seat = _SEAT.search(name)
    key = (name[: seat.start()] if seat else name).lower()
    key = _BODY_NAME.sub(lambda m: _BODY_NAMES[m.group(0)], key)
    return _MINISTRY_OF.sub(lambda m: f"{m.group(1)} ministry", key), seat.group(1).lower() if seat else ""


class BodyNames:
    """The first name an article gives each body: a later name with the same key and the same seat, or a seat on
    one side only ("Chinese Embassy in Manila", then "the Chinese embassy"), is written as it; two seats are two
    bodies ("Chinese Embassy in Manila", "Chinese Embassy in Washington")."""

    def __init__(self) -> None:
        self.first: dict[str, list[tuple[set[str], str]]] = {}  # key -> (its seats, first name) per body, in text order

    def name(self, name: str) -> str:
        """``name`` as the article first named its body."""
        key, seat = body_key(name)
        known = self.first.setdefault(key, [])
        for seats, first in known:
            if not seat or seat in seats:
                return first
        for seats, first in known:
            if not seats:  # "the Chinese embassy", then "the Chinese Embassy in Manila": that embassy is in Manila
                seats.add(seat)
                return first
        known.append(({seat} if seat else set(), name))
        return name


def resolve_all(doc, attributions: list[Attribution], aliases: dict[str, str] | None = None) -> list[str]:
    """The canonical actor of each attribution, in order (``Resolver.resolve_all``)."""
    return Resolver(doc, aliases).resolve_all(attributions)


#: Words that make a canonical name a body ("Chinese foreign ministry", "Kremlin", "Russian government").
_BODY_WORDS = frozenset(_BODIES) | {"government", "office", "presidency", "cabinet", "administration", "embassy", "army", "navy",
                                    "military", "police", "kremlin", "white house", "state department", "campaign", "committee",
                                    "council", "parliament", "court", "party", "union", "nations", "newspaper", "post", "times",
                                    "team", "camp", "staff", "family", "circle", "entourage", "side", "ally", "supporter"}


def actor_kinds(doc, names: list[str]) -> dict[str, str]:
    """The kind of each canonical actor: ``person`` (a person the parse names), ``group`` ("Macron and Putin"),
    ``body`` (an organisation, a government, a country), ``role`` (an unnamed official, "French official") or
    ``other``."""
    people = {" ".join(_name_key(e.text)) for e in doc.ents if e.label_ == "PERSON"}
    surnames = {_surname(p) for p in people if p}
    bodies = {_clean(e.text).lower() for e in doc.ents if e.label_ in ("ORG", "GPE", "NORP", "FAC")}
    kinds = {}
    for name in dict.fromkeys(n for n in names if n):
        low = name.lower()
        words = low.split()
        if " and " in low:
            kinds[name] = "group"
        elif " ".join(_name_key(name)) in people or (words and words[-1] in surnames and not set(words) & PERSON_ROLES):
            kinds[name] = "person"
        elif low in bodies or words and (words[-1] in _BODY_WORDS or " ".join(words[-2:]) in _BODY_WORDS) or name in _COUNTRIES:
            kinds[name] = "body"
        elif words and _title(words[-1]).rstrip("s") in PERSON_ROLES:
            kinds[name] = "role"
        else:
            kinds[name] = "other"
    return kinds
