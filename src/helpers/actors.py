"""Merging speaker mentions into canonical actors, using the article itself and a small gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Well-known figures of diplomatic news: surname -> (full name, country, institution).
KNOWN_PEOPLE: dict[str, tuple[str, str, str]] = {
    "putin": ("Vladimir Putin", "Russia", "Kremlin"),
    "peskov": ("Dmitry Peskov", "Russia", "Kremlin"),
    "lavrov": ("Sergei Lavrov", "Russia", "Russian Foreign Ministry"),
    "zakharova": ("Maria Zakharova", "Russia", "Russian Foreign Ministry"),
    "macron": ("Emmanuel Macron", "France", "Élysée"),
    "zelenskiy": ("Volodymyr Zelenskiy", "Ukraine", "Ukrainian presidency"),
    "zelensky": ("Volodymyr Zelensky", "Ukraine", "Ukrainian presidency"),
    "kuleba": ("Dmytro Kuleba", "Ukraine", "Ukrainian Foreign Ministry"),
    "biden": ("Joe Biden", "United States", "White House"),
    "blinken": ("Antony Blinken", "United States", "State Department"),
    "scholz": ("Olaf Scholz", "Germany", "German Chancellery"),
    "erdogan": ("Recep Tayyip Erdogan", "Turkey", "Turkish presidency"),
    "lukashenko": ("Alexander Lukashenko", "Belarus", "Belarusian presidency"),
    "xi": ("Xi Jinping", "China", "Chinese government"),
    "stoltenberg": ("Jens Stoltenberg", "NATO", "NATO"),
}

#: Country -> adjective used in canonical role names ("French official").
NATIONALITY: dict[str, str] = {
    "France": "French", "Russia": "Russian", "Ukraine": "Ukrainian", "Belarus": "Belarusian",
    "United States": "U.S.", "Germany": "German", "Turkey": "Turkish", "China": "Chinese",
    "United Kingdom": "British", "Poland": "Polish", "Serbia": "Serbian", "Kosovo": "Kosovar",
    "Iran": "Iranian", "Israel": "Israeli", "Japan": "Japanese", "India": "Indian", "Qatar": "Qatari",
    "Egypt": "Egyptian", "European Union": "EU", "NATO": "NATO", "Hungary": "Hungarian",
    "South Korea": "South Korean", "North Korea": "North Korean", "Saudi Arabia": "Saudi", "Pakistan": "Pakistani",
    "Afghanistan": "Afghan", "Albania": "Albanian", "Algeria": "Algerian", "Angola": "Angolan", "Argentina": "Argentine",
    "Australia": "Australian", "Austria": "Austrian", "Bahrain": "Bahraini", "Bangladesh": "Bangladeshi",
    "Belgium": "Belgian", "Bolivia": "Bolivian", "Bosnia": "Bosnian", "Brazil": "Brazilian", "Bulgaria": "Bulgarian",
    "Cambodia": "Cambodian", "Cameroon": "Cameroonian", "Canada": "Canadian", "Chad": "Chadian", "Chile": "Chilean",
    "Colombia": "Colombian", "Croatia": "Croatian", "Cuba": "Cuban", "Cyprus": "Cypriot", "Czech Republic": "Czech",
    "Denmark": "Danish", "Ecuador": "Ecuadorian", "Eritrea": "Eritrean", "Estonia": "Estonian", "Ethiopia": "Ethiopian",
    "Finland": "Finnish", "Ghana": "Ghanaian", "Greece": "Greek", "Guatemala": "Guatemalan", "Indonesia": "Indonesian",
    "Iraq": "Iraqi", "Ireland": "Irish", "Italy": "Italian", "Jordan": "Jordanian", "Kazakhstan": "Kazakh",
    "Kenya": "Kenyan", "Kuwait": "Kuwaiti", "Latvia": "Latvian", "Lebanon": "Lebanese", "Libya": "Libyan",
    "Lithuania": "Lithuanian", "Malaysia": "Malaysian", "Mali": "Malian", "Mexico": "Mexican", "Mongolia": "Mongolian",
    "Montenegro": "Montenegrin", "Morocco": "Moroccan", "Mozambique": "Mozambican", "Myanmar": "Myanmar",
    "Nepal": "Nepali", "Netherlands": "Dutch", "New Zealand": "New Zealand", "Nicaragua": "Nicaraguan",
    "Niger": "Nigerien", "Nigeria": "Nigerian", "North Macedonia": "North Macedonian", "Norway": "Norwegian",
    "Oman": "Omani", "Palestine": "Palestinian", "Panama": "Panamanian", "Paraguay": "Paraguayan", "Peru": "Peruvian",
    "Philippines": "Philippine", "Portugal": "Portuguese", "Romania": "Romanian", "Rwanda": "Rwandan",
    "Senegal": "Senegalese", "Singapore": "Singaporean", "Slovakia": "Slovak", "Slovenia": "Slovenian",
    "Somalia": "Somali", "South Africa": "South African", "South Sudan": "South Sudanese", "Spain": "Spanish",
    "Sri Lanka": "Sri Lankan", "Sudan": "Sudanese", "Sweden": "Swedish", "Switzerland": "Swiss", "Syria": "Syrian",
    "Taiwan": "Taiwanese", "Tajikistan": "Tajik", "Tanzania": "Tanzanian", "Thailand": "Thai", "Tunisia": "Tunisian",
    "Turkmenistan": "Turkmen", "Uganda": "Ugandan", "United Arab Emirates": "Emirati", "Uruguay": "Uruguayan",
    "Uzbekistan": "Uzbek", "Venezuela": "Venezuelan", "Guyana": "Guyanese", "Suriname": "Surinamese", "Vietnam": "Vietnamese", "Yemen": "Yemeni", "Zambia": "Zambian",
    "Zimbabwe": "Zimbabwean", "Congo": "Congolese", "African Union": "AU",
    "Azerbaijan": "Azerbaijani", "Armenia": "Armenian", "Georgia": "Georgian", "Moldova": "Moldovan",
    "United Nations": "UN", "Iceland": "Icelandic", "Luxembourg": "Luxembourgish", "Malta": "Maltese", "Laos": "Lao",
    "Malawi": "Malawian", "Haiti": "Haitian", "Burundi": "Burundian", "Botswana": "Botswanan", "Namibia": "Namibian",
    "Lesotho": "Lesotho", "Eswatini": "Swazi", "Madagascar": "Malagasy", "Mauritius": "Mauritian", "Gabon": "Gabonese",
    "Equatorial Guinea": "Equatoguinean", "Benin": "Beninese", "Togo": "Togolese", "Burkina Faso": "Burkinabe",
    "Ivory Coast": "Ivorian", "Guinea": "Guinean", "Guinea-Bissau": "Bissau-Guinean", "Sierra Leone": "Sierra Leonean",
    "Liberia": "Liberian", "Gambia": "Gambian", "Mauritania": "Mauritanian", "Djibouti": "Djiboutian",
    "Central African Republic": "Central African", "Comoros": "Comorian", "Cape Verde": "Cape Verdean", "Seychelles": "Seychellois",
    "Somaliland": "Somaliland", "Kyrgyzstan": "Kyrgyz", "Bhutan": "Bhutanese", "Maldives": "Maldivian", "Brunei": "Bruneian",
    "Timor-Leste": "Timorese", "Papua New Guinea": "Papua New Guinean", "Fiji": "Fijian", "Samoa": "Samoan", "Tonga": "Tongan",
    "Vanuatu": "Ni-Vanuatu", "Solomon Islands": "Solomon Islands", "Honduras": "Honduran", "El Salvador": "Salvadoran",
    "Costa Rica": "Costa Rican", "Dominican Republic": "Dominican", "Jamaica": "Jamaican", "Belize": "Belizean",
    "Trinidad and Tobago": "Trinidadian", "Bahamas": "Bahamian", "Barbados": "Barbadian", "Andorra": "Andorran", "Monaco": "Monegasque",
    "Liechtenstein": "Liechtenstein", "San Marino": "Sammarinese",
}
#: The seat that speaks for a country's head of state ("Putin's spokesman" = "Kremlin spokesman").
COUNTRY_SEAT = {"Russia": "Kremlin", "France": "Élysée", "United States": "White House"}
ADJECTIVE_TO_COUNTRY = {adj.lower(): c for c, adj in NATIONALITY.items()}
ADJECTIVE_TO_COUNTRY.update({"american": "United States", "us": "United States", "u.s.": "United States", "uk": "United Kingdom", "eu": "European Union", "un": "United Nations", "u.n.": "United Nations", "european union": "European Union", "united nations": "United Nations"})
ADJECTIVE_TO_COUNTRY.update({c.lower(): c for c in NATIONALITY})
#: Other names of countries ("Britain", "the UAE", "Türkiye", "Burma", "the DRC").
ADJECTIVE_TO_COUNTRY.update({
    "britain": "United Kingdom", "great britain": "United Kingdom", "uae": "United Arab Emirates", "the emirates": "United Arab Emirates",
    "türkiye": "Turkey", "turkiye": "Turkey", "burma": "Myanmar", "burmese": "Myanmar", "czechia": "Czech Republic",
    "drc": "Congo", "côte d'ivoire": "Ivory Coast", "cote d'ivoire": "Ivory Coast", "east timor": "Timor-Leste",
    "swaziland": "Eswatini", "america": "United States", "holland": "Netherlands", "cabo verde": "Cape Verde",
})
#: Institutions -> country.
INSTITUTIONS: dict[str, str] = {
    "kremlin": "Russia", "élysée": "France", "elysee": "France", "white house": "United States",
    "pentagon": "United States", "state department": "United States", "downing street": "United Kingdom",
    "quai d'orsay": "France", "bankova": "Ukraine", "moscow": "Russia", "kyiv": "Ukraine", "paris": "France",
    "washington": "United States", "beijing": "China", "ankara": "Turkey", "minsk": "Belarus", "berlin": "Germany",
    "brussels": "European Union", "belgrade": "Serbia", "pristina": "Kosovo", "tehran": "Iran",
}
#: State news agencies: they speak for their states, under their own names.
NEWS_AGENCIES: dict[str, tuple[str, str]] = {
    "korean central news agency": ("Korean Central News Agency", "North Korea"), "kcna": ("Korean Central News Agency", "North Korea"),
    "xinhua": ("Xinhua", "China"), "xinhua news agency": ("Xinhua", "China"), "tass": ("TASS", "Russia"), "ria novosti": ("RIA Novosti", "Russia"),
    "irna": ("IRNA", "Iran"), "sana": ("SANA", "Syria"), "wafa": ("WAFA", "Palestine"), "anadolu": ("Anadolu", "Turkey"),
    "anadolu agency": ("Anadolu", "Turkey"), "belta": ("BelTA", "Belarus"),
}
INSTITUTIONS.update({key: country for key, (_, country) in NEWS_AGENCIES.items()})
#: Capitals stand for their governments when they act or speak ("Georgetown has accepted ...", "Budapest had not
#: given its consent"), not where they only say where ("the Chinese embassy in Manila"). Capitals that are also
#: common words or other places ("Victoria", "Kingston") are left out.
CAPITALS: dict[str, str] = {
    "london": "United Kingdom", "warsaw": "Poland", "tokyo": "Japan", "seoul": "South Korea", "pyongyang": "North Korea",
    "new delhi": "India", "delhi": "India", "islamabad": "Pakistan", "kabul": "Afghanistan", "tirana": "Albania",
    "algiers": "Algeria", "luanda": "Angola", "buenos aires": "Argentina", "canberra": "Australia", "vienna": "Austria",
    "manama": "Bahrain", "dhaka": "Bangladesh", "sarajevo": "Bosnia", "brasilia": "Brazil", "brasília": "Brazil",
    "sofia": "Bulgaria", "phnom penh": "Cambodia", "yaounde": "Cameroon", "ottawa": "Canada", "n'djamena": "Chad",
    "bogota": "Colombia", "bogotá": "Colombia", "zagreb": "Croatia", "havana": "Cuba", "nicosia": "Cyprus",
    "prague": "Czech Republic", "copenhagen": "Denmark", "quito": "Ecuador", "asmara": "Eritrea", "tallinn": "Estonia",
    "addis ababa": "Ethiopia", "helsinki": "Finland", "accra": "Ghana", "athens": "Greece", "jakarta": "Indonesia",
    "baghdad": "Iraq", "dublin": "Ireland", "rome": "Italy", "amman": "Jordan", "astana": "Kazakhstan", "nairobi": "Kenya",
    "riga": "Latvia", "beirut": "Lebanon", "tripoli": "Libya", "vilnius": "Lithuania", "kuala lumpur": "Malaysia",
    "bamako": "Mali", "mexico city": "Mexico", "ulaanbaatar": "Mongolia", "podgorica": "Montenegro", "rabat": "Morocco",
    "maputo": "Mozambique", "naypyitaw": "Myanmar", "kathmandu": "Nepal", "the hague": "Netherlands", "wellington": "New Zealand",
    "managua": "Nicaragua", "niamey": "Niger", "abuja": "Nigeria", "skopje": "North Macedonia", "oslo": "Norway",
    "muscat": "Oman", "ramallah": "Palestine", "asuncion": "Paraguay", "asunción": "Paraguay", "manila": "Philippines",
    "lisbon": "Portugal", "bucharest": "Romania", "kigali": "Rwanda", "dakar": "Senegal", "bratislava": "Slovakia",
    "ljubljana": "Slovenia", "mogadishu": "Somalia", "pretoria": "South Africa", "juba": "South Sudan", "madrid": "Spain",
    "colombo": "Sri Lanka", "khartoum": "Sudan", "stockholm": "Sweden", "bern": "Switzerland", "damascus": "Syria",
    "taipei": "Taiwan", "dushanbe": "Tajikistan", "dodoma": "Tanzania", "bangkok": "Thailand", "tunis": "Tunisia",
    "ashgabat": "Turkmenistan", "kampala": "Uganda", "abu dhabi": "United Arab Emirates", "montevideo": "Uruguay",
    "tashkent": "Uzbekistan", "caracas": "Venezuela", "georgetown": "Guyana", "paramaribo": "Suriname", "hanoi": "Vietnam",
    "sanaa": "Yemen", "lusaka": "Zambia", "harare": "Zimbabwe", "kinshasa": "Congo", "baku": "Azerbaijan", "yerevan": "Armenia",
    "tbilisi": "Georgia", "chisinau": "Moldova", "budapest": "Hungary", "riyadh": "Saudi Arabia", "doha": "Qatar",
    "cairo": "Egypt", "jerusalem": "Israel", "kuwait city": "Kuwait", "lima": "Peru", "santiago": "Chile", "la paz": "Bolivia",
    "panama city": "Panama", "guatemala city": "Guatemala", "singapore": "Singapore", "reykjavik": "Iceland",
    "valletta": "Malta", "vientiane": "Laos", "lilongwe": "Malawi", "port-au-prince": "Haiti", "gitega": "Burundi",
    "gaborone": "Botswana", "windhoek": "Namibia", "maseru": "Lesotho", "mbabane": "Eswatini", "antananarivo": "Madagascar",
    "port louis": "Mauritius", "libreville": "Gabon", "malabo": "Equatorial Guinea", "porto-novo": "Benin", "lome": "Togo",
    "lomé": "Togo", "ouagadougou": "Burkina Faso", "abidjan": "Ivory Coast", "yamoussoukro": "Ivory Coast", "conakry": "Guinea",
    "bissau": "Guinea-Bissau", "freetown": "Sierra Leone", "monrovia": "Liberia", "banjul": "Gambia", "nouakchott": "Mauritania",
    "bangui": "Central African Republic", "moroni": "Comoros", "praia": "Cape Verde", "hargeisa": "Somaliland",
    "brazzaville": "Congo", "bishkek": "Kyrgyzstan", "thimphu": "Bhutan", "bandar seri begawan": "Brunei", "dili": "Timor-Leste",
    "port moresby": "Papua New Guinea", "suva": "Fiji", "apia": "Samoa", "port vila": "Vanuatu", "honiara": "Solomon Islands",
    "tegucigalpa": "Honduras", "san salvador": "El Salvador", "san jose": "Costa Rica", "san josé": "Costa Rica",
    "santo domingo": "Dominican Republic", "belmopan": "Belize", "port of spain": "Trinidad and Tobago", "nassau": "Bahamas",
    "bridgetown": "Barbados",
}
SPOKES = ("spokesman", "spokeswoman", "spokesperson", "press secretary", "spokesmen", "spokespeople")
OFFICIALS = ("official", "officials", "officer", "officers", "diplomat", "diplomats", "aide", "aides", "source", "sources", "adviser", "advisers", "advisor", "negotiator", "negotiators")
LEADERS = ("leader", "president", "prime minister", "premier", "chancellor", "head of state")
BODIES = tuple(sorted(("government", "ministry", "agency", "foreign ministry", "defense ministry", "defence ministry", "presidency", "office", "administration", "embassy", "cabinet", "army", "navy", "police", "organization", "organisation"), key=len, reverse=True))
PLURAL_GROUPS = re.compile(r"^(the )?(two|both|three) (leaders|presidents|sides|men|ministers|countries|governments)$|^both (leaders|sides|men)$", re.I)
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "body", "we": "plural", "i": "person"}
DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)
NARRATOR = "narrator"


def norm_quotes(text: str) -> str:
    """Straight apostrophes, collapsed spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


@dataclass
class Person:
    """A named person found in the article."""

    name: str
    surname: str
    titles: list[str] = field(default_factory=list)
    country: str = ""
    first_pos: int = 0


_TITLE_WORDS = r"(?:(?:Minister|Secretary|Commissioner|Representative|Envoy|Director|Coordinator) (?:for|of) (?:the )?(?:[A-Z][a-z]+ (?:and )?){0,2}?[A-Z][a-z]+|Commodore|Rear Admiral|Vice Admiral|Air Marshal|Commander|Cdr\.|Chairman|Chairwoman|Secretary-General|Secretary General|Director-General|Director General|High Representative|spokesman|spokeswoman|spokesperson|envoy|Envoy|Special Envoy|Adviser|Advisor|Governor|Brigadier|Colonel|Col\.|Lieutenant|Lt\.|Major|Maj\.|Captain|Capt\.|Admiral|Adm\.|Marshal|Sergeant|Sgt\.|foreign minister|defense secretary|Defense Secretary|President|Prime Minister|Premier|Chancellor|Foreign Minister|Defense Minister|Defence Minister|Minister|Secretary of State|Secretary|Spokesman|Spokeswoman|Ambassador|King|Emir|Gen\.|General|Senator|Sen\.|Mr\.|Mrs\.|Ms\.|Dr\.)"
_NAME = r"(?:(?:al|el|ad|as|ash|ar|an|at|az)-[A-ZÀ-ÖØ-Þ][^\W\d_A-Z]+|[A-ZÀ-ÖØ-Þ][^\W\d_A-Z]+(?:-[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][^\W\d_A-Z]+)?)"  # "Al-Mansouri", "Ji-yeon", "al-Mabrouk"
_PERSON_RE = re.compile(
    rf"(?P<title>(?:(?:[A-Z][a-z]+|U\.S\.|EU|UN)\s+)?(?:[A-Z][a-z]+\s+)?{_TITLE_WORDS}\s+)?(?P<name>{_NAME}(?:\s+[A-Z]\.)?(?:\s+(?:(?:bin|bint|ibn|abu|al|el|de|del|da|dos|van|von|der)\s+)?{_NAME}){{1,3}})"
)
_NOT_NAMES = set(
    "The A An But And Yet While In On At For With From Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December Russia Russian Ukraine "
    "Ukrainian France French Kremlin Western European Europe Cold War Soviet Union Council International Affairs "
    "Moscow Kyiv Paris Belarus Belarusian Finland Helsinki United States Nations NATO Minister President Prime "
    "Foreign Ministry Office House White State Department Peace Security Agreement Deal Talks Meanwhile However "
    "En Route Both Neither Germany German Turkey Turkish China Chinese Black Sea Grain Istanbul Ankara Beijing "
    "Washington Brussels Serbia Serbian Kosovo Belgrade Pristina Union EU Commission Defense Defence Army Navy "
    "San Santa Los Las New Saint St Francisco York Angeles Hong Kong Tel Aviv Abu Dhabi South North East West "
    "Center Centre Institute University Policy Studies Foundation Bank Fund Agency Party Sea Ocean Strait "
    "Prince Princess Sheikh Sultan Crown Commissioner Secretary Ambassador Envoy Governor Mayor Chairman Chairwoman "
    "Transport Trade Energy Finance Economy Interior Justice Agriculture Health Environment Infrastructure "
    "Commodore Admiral Rear Vice Commander Colonel Brigadier Captain Major Lieutenant General Marshal".split()
)


#: A capitalised word after a name-like run makes it an organisation ("World Food Programme").
_ORGANISATION_WORDS = (
    r"(?:Programme|Program|Agency|Organization|Organisation|Committee|Court|Office|Ministry|Service|Authority|"
    r"Forum|Group|Bank|Fund|Council|Institute|Foundation|Party|Commission|Center|Centre|University|Association|"
    r"Federation|Union|League|Society|Movement|Front|Headquarters|Department|School|Academy|College|Chamber|"
    r"Corporation|Company|Holdings|Technology|Technologies|Industries|Energy|Mining|Motors|Electric|Power|Resources|Logistics|Shipping|Systems|Battery|Batteries|Petroleum|Airlines|Group|Sachs|Partners|Capital|Securities|Research|Television|Radio|"
    r"Plc|PLC|Inc|Ltd|Limited|SA|AG|Corp|LLC|NV|SE|SpA|GmbH|Bhd|Tbk|Administration|Directorate|Secretariat|Bureau|Institution)"
)
_ORGANISATION_NEXT = re.compile(rf"(?:[’']s?)?\s+{_ORGANISATION_WORDS}\b")  # "Manufacturers' Association"

#: ... and a name right after "<organisation noun> of (the)" is the end of the organisation's name
#: ("International Committee of the Red Cross", "School of Economics").
_ORGANISATION_BEFORE = re.compile(rf"\b{_ORGANISATION_WORDS}\s+(?:of|for)(?:\s+the)?\s+$")

_NOT_NAMES |= {w for country, adj in NATIONALITY.items() for w in f"{country} {adj}".split()}


#: A title in apposition after a name: ", chief executive of the Ghana Cocoa Board".
_TITLE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?P<title>(?:[a-z-]+\s+){0,2}(?:executive|minister|spokesman|spokeswoman|spokesperson|director|governor|chairman|"
    r"chairwoman|chairperson|secretary|ambassador|envoy|adviser|commissioner|president))\b(?=\s+(?:of|for|at|to)\b|,)"
)


def find_people(text: str) -> dict[str, Person]:
    """Named people in ``text`` keyed by lowercase surname (titles and country when known)."""
    people: dict[str, Person] = {}
    for m in _PERSON_RE.finditer(text):
        if _ORGANISATION_NEXT.match(text, m.end()) or _ORGANISATION_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        words = m.group("name").split()
        words = [w for w in words if not re.fullmatch(r"[A-Z]\.", w)]
        if re.fullmatch(_ORGANISATION_WORDS, words[-1]):
            continue  # "World Food Programme"
        if any(w in _NOT_NAMES for w in words):
            # trim leading non-name words ("Monday Macron" is not a name)
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if len(words) < 2 or any(w in _NOT_NAMES for w in words):
                continue
        if " ".join(words).lower() in CAPITALS:
            continue  # "Addis Ababa" is a place
        surname = words[-1].lower()
        title = (m.group("title") or "").strip()
        person = people.get(surname)
        if person is None:
            known = KNOWN_PEOPLE.get(surname)
            person = Person(name=" ".join(words), surname=surname, country=known[1] if known else "", first_pos=m.start())
            people[surname] = person
        elif len(" ".join(words)) > len(person.name):
            person.name = " ".join(words)
        if title and title not in person.titles:
            person.titles.append(title)
            adj = title.split()[0].lower()
            if adj in ADJECTIVE_TO_COUNTRY and not person.country:
                person.country = ADJECTIVE_TO_COUNTRY[adj]
        after = _TITLE_AFTER.match(text, m.end())  # "Kwabena Owusu, chief executive of the Ghana Cocoa Board, said"
        if after and after.group("title") not in person.titles:
            person.titles.append(after.group("title"))
        if not person.country:
            person.country = _country_before(text, m.start())
    for surname, (full, country, _inst) in KNOWN_PEOPLE.items():  # noqa: B007
        if surname not in people and re.search(rf"\b{surname}\b", text, re.I):
            m = re.search(rf"\b{surname}\b", text, re.I)
            people[surname] = Person(name=full, surname=surname, country=country, first_pos=m.start() if m else 0)
    return people


#: What may stand between a country word and a name in a title ("Philippine National Security Adviser Ramon
#: Cruz", "Ethiopia's government spokesman, Dawit Bekele").
_TITLE_BETWEEN = re.compile(
    r"(?:[’']s)?(?:\s+(?:[A-Z][\w-]+|government|foreign|ministry|spokes(?:man|woman|person)|minister|of|for|affairs|state|"
    r"national|security|deputy|chief|senior|top|cabinet|petroleum|oil|press|presidential|vice|assistant|special|defen[cs]e|army|military|interior|trade|energy|finance|economy|"
    r"human|rights|commissioner|secretary|envoy|ambassador|adviser|advisor|head|president|prime|ombuds(?:man|woman|person)|mediator|aide|governor|mayor|lawmaker|general|commander|chairman|chairwoman))*\s*,?\s*$"
)


def _country_before(text: str, start: int) -> str:
    """The country of a title that runs up to a name at ``start`` in the same sentence, or ""."""
    before = re.split(r"[.!?\n]\s", text[max(0, start - 80) : start])[-1]
    for m in reversed(list(_COUNTRY_RE.finditer(before.lower()))):
        if _TITLE_BETWEEN.match(before[m.end() :]) and not re.search(r"\b(?:for|to|in|on|of)\s+$", before[: m.start()], re.I):
            return _COUNTRY_WORDS[m.group(1)]
    return ""


#: Portfolios named in other words than the ones this project uses.
_PORTFOLIOS = {"foreign affairs": "foreign", "external affairs": "foreign", "defence": "defense"}


def _ministry(mention: str, people: dict[str, Person]) -> tuple[str, str] | None:
    """A country's ministry, named as wires name it, and its country: "China's Ministry of Commerce" -> "Chinese
    commerce ministry", as "China's commerce ministry" reads; "France's Armed Forces Ministry" -> "French armed forces
    ministry"; None for anything else."""
    of = re.search(r"(?:^|\bthe\s+|\s)(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)[’']s?\s+(?P<body>Ministry)\s+of\s+(?:the\s+)?(?P<portfolio>[A-Z][\w ]+?)$", mention)
    titled = re.search(
        r"(?:^|\bthe\s+|\s)(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:[’']s?)?\s+(?P<portfolio>(?:[A-Z][\w-]*\s+){1,3}?)(?P<body>Ministry|Department)$", mention
    )
    found = of or titled
    if found is None:
        return None
    country, _ = _country_of_qualifier(found.group("owner"), people)
    if not country or (found is titled and ADJECTIVE_TO_COUNTRY.get(found.group("owner").lower()) != country):
        return None
    portfolio = found.group("portfolio").strip().lower()
    if portfolio == "state":
        return None  # the U.S. State Department keeps its name
    return f"{NATIONALITY.get(country, country)} {_PORTFOLIOS.get(portfolio, portfolio)} {found.group('body').lower()}", country


def _adjectival(name: str, country: str) -> str:
    """A country's possessive as its adjective: "the Philippines' agriculture department" -> "Philippine agriculture
    department", "Kyrgyzstan's State Committee for National Security" -> "Kyrgyz State Committee for National Security"."""
    owned = re.match(r"^(?P<owner>[A-Z][\w .-]*?)(?:'s|’s|'|’)\s+(?P<rest>[\w][\w ’'-]*)$", name)
    if owned and country and ADJECTIVE_TO_COUNTRY.get(owned.group("owner").lower()) == country:
        return f"{NATIONALITY.get(country, country)} {owned.group('rest')}"
    return name


#: The last word of a government body named in capitals ("Commerce Department", "Border Police Service").
_AGENCY_WORDS = r"(?:Department|Agency|Commission|Authority|Service|Directorate|Bureau|Administration|Office|Council|Committee)"
#: A role and the organisation, named in capitals, it works for: "a spokesman for the Airports Authority of India".
_ROLE_OF_ORG = re.compile(
    r"\b(?:at|with|for|of)\s+(?:the\s+)?(?P<org>[A-Z][\w’'&-]*(?:(?:\s+(?:of|for|and|the|[A-Z][\w’'&-]*))*?\s+[A-Z][\w’'&-]*)?|"
    rf"(?<=the )(?:[a-z]+\s+)?(?:{'|'.join(BODIES)}))$"
)


def _country_of_qualifier(words: str, people: dict[str, Person]) -> tuple[str, str]:
    """Country and institution named by a qualifier such as ``Putin's`` or ``French`` or ``Kremlin``."""
    q = norm_quotes(words).lower()
    for surname, person in people.items():
        if re.search(rf"\b{re.escape(surname)}\b", q):
            inst = KNOWN_PEOPLE.get(surname, ("", "", ""))[2]
            return person.country, inst
    for inst, country in INSTITUTIONS.items():
        if re.search(rf"\b{re.escape(inst)}\b", q):
            return country, inst.title() if inst != "élysée" else "Élysée"
    for adj, country in sorted(ADJECTIVE_TO_COUNTRY.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w.]){re.escape(adj)}(?![\w])", q):
            return country, ""
    return "", ""


_COUNTRY_WORDS = dict(
    sorted({**{k: v for k, v in ADJECTIVE_TO_COUNTRY.items() if len(k) > 2}, **INSTITUTIONS}.items(), key=lambda kv: -len(kv[0]))
)
_COUNTRY_RE = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, _COUNTRY_WORDS)) + r")(?:'s)?(?![\w])")


_CAPITAL_RE = re.compile(r"(?<!\bin )(?<!\bat )(?<!\bto )(?<!\bfrom )(?<![\w.])(" + "|".join(map(re.escape, sorted(CAPITALS, key=len, reverse=True))) + r")(?:'s)?(?![\w])")


def country_finder(people: dict[str, str] | None = None):
    """A function giving the countries a text names: by name, adjective, capital or institution, or through a
    person in ``people`` (name token -> country, e.g. ``{"Dragić": "Serbia"}``). Build it once per article.
    A capital counts where it acts ("Georgetown has accepted"), not where it only places ("talks in Brasilia")."""
    tokens = {t.lower(): c for t, c in (people or {}).items() if c}
    names = re.compile(r"\b(" + "|".join(map(re.escape, sorted(tokens, key=len, reverse=True))) + r")\b") if tokens else None

    def find(text: str) -> set[str]:
        low = norm_quotes(text).lower()
        found = {_COUNTRY_WORDS[m.group(1)] for m in _COUNTRY_RE.finditer(low)}
        found |= {CAPITALS[m.group(1)] for m in _CAPITAL_RE.finditer(low)}
        if names is not None:
            found |= {tokens[m.group(1)] for m in names.finditer(low)}
        return found

    return find


#: "The kingdom's ...", "the emirate's ...", "the country's ...": a state the text named before.
_THE_STATE = re.compile(r"^(?:the\s+)?(kingdom|emirate|sultanate|republic|country|island nation)'s\s+", re.I)
_STATE_KINDS: dict[str, set[str]] = {
    "kingdom": {"Saudi Arabia", "Jordan", "Morocco", "Bahrain", "United Kingdom", "Spain", "Netherlands", "Norway", "Sweden",
                "Denmark", "Belgium", "Thailand", "Cambodia"},
    "emirate": {"United Arab Emirates", "Qatar", "Kuwait"},
    "sultanate": {"Oman"},
}


class ActorResolver:
    """Maps speaker mentions of one article to canonical actor names."""

    def __init__(self, text: str, aliases: dict[str, str] | None = None) -> None:
        self.text = text
        self.people = find_people(text)
        # every token of a name points to its person, unless two people share it ("Vladimir")
        tokens: dict[str, list[Person]] = {}
        for person in self.people.values():
            for tok in person.name.lower().split():
                tokens.setdefault(tok, []).append(person)
        self.name_tokens = {t: ps[0] for t, ps in tokens.items() if len({p.name for p in ps}) == 1}
        self.aliases = {norm_quotes(DETERMINER.sub("", k)).lower(): v for k, v in (aliases or {}).items()}
        self.kinds: dict[str, str] = {NARRATOR: "narrator"}
        self.countries: dict[str, str] = {NARRATOR: ""}

    def register(self, name: str, kind: str, country: str = "") -> str:
        """Record a canonical actor with its kind and country; returns the name."""
        self.kinds.setdefault(name, kind)
        if country and not self.countries.get(name):
            self.countries[name] = country
        self.countries.setdefault(name, country)
        return name

    def person_in(self, mention: str) -> Person | None:
        """The named person a mention refers to, if it contains a known surname."""
        words = re.findall(r"[\w\-]+", norm_quotes(mention).replace("'s", ""))
        for w in reversed(words):
            p = self.people.get(w.lower()) or self.name_tokens.get(w.lower())
            if p is not None:
                return p
        return None

    def _state_named_before(self, kind: str, position: int) -> str:
        """The country "the kingdom" (a monarchy), "the emirate" or "the country" stands for: the last one of that
        kind the text names before ``position``, or ""."""
        allowed = _STATE_KINDS.get(kind)
        for m in reversed(list(_COUNTRY_RE.finditer(self.text[:position].lower()))):
            country = _COUNTRY_WORDS[m.group(1)]
            if allowed is None or country in allowed:
                return country
        return ""

    def resolve(self, mention: str, position: int = 0) -> str:
        """Canonical actor for a (non-pronoun) mention found at character ``position``."""
        m = norm_quotes(mention)
        state = _THE_STATE.match(m)
        if state:  # "the kingdom's energy ministry" -> "Saudi energy ministry"
            country = self._state_named_before(state.group(1).lower(), position)
            if country:
                m = f"{NATIONALITY.get(country, country)} {m[state.end():]}"
        key = DETERMINER.sub("", m).lower()
        if key in self.aliases:
            return self.register(self.aliases[key], "alias")
        if key in NEWS_AGENCIES:  # "the official Korean Central News Agency", later "KCNA"
            return self.register(NEWS_AGENCIES[key][0], "body", NEWS_AGENCIES[key][1])
        if PLURAL_GROUPS.match(m):
            return self.group_at(position, m.split()[-1].lower())
        low = m.lower()
        role = next((r for r in SPOKES + OFFICIALS if re.search(rf"\b{r}\b", low)), None)
        # a role attached to a person ("Putin's spokesman", "official in Macron's office") is not that person
        named = self.person_in(m)
        surname = re.escape(named.name.split()[-1]) if named is not None else ""
        if named is not None and re.search(rf"\b{surname}$", m) and not (role and re.search(rf"\b(?:for|of|to)\s+(?:[\w.’'-]+\s+){{0,2}}{surname}$", m)):
            return self.register(named.name, "person", named.country)  # "Kremlin spokesman Dmitry Peskov"
        if re.match(r"(?:the\s+)?(?:people|sources|officials|a person|a source|an official)\s+(?:familiar with|with knowledge of|briefed on|close to)\b", low):
            return self.register(DETERMINER.sub("", m), "group", "")  # the wire's anonymous source, named as the wire names it
        if role is not None:
            return self._role_actor(m, role)
        ministry = _ministry(m, self.people)
        if ministry is not None:
            return self.register(ministry[0], "body", ministry[1])
        at_org = re.match(r"^(?:[Tt]he\s+)?(?P<who>(?i:analysts|economists|strategists|researchers|experts))\s+(?:at|with|from)\s+(?:the\s+)?(?:[A-Z][\w’'-]*-based\s+)?(?P<org>[A-Z].*)$", m)
        if at_org:  # "analysts at the Washington-based Center for Pacific Security" -> "Center for Pacific Security analysts"
            return self.register(f"{at_org.group('org')} {at_org.group('who').lower()}", "group", "")
        if re.search(r"[A-Z][\w’'-]* (?:of|for) (?:the )?[A-Z]", m):
            # an organisation named with "of"/"for": "International Committee of the Red Cross"
            country, _ = _country_of_qualifier(m, self.people)
            return self.register(_adjectival(DETERMINER.sub("", m), country), "body", country)
        words = re.findall(r"[\w\-]+", m)
        head = words[-1] if words and words[-1].islower() else ""
        body_head = next((b for b in BODIES if low.endswith(b)), None)
        if body_head is not None:
            owner = self.person_in(m)
            if owner is not None:
                return self.register(f"{owner.name}'s {body_head}", "body", owner.country)
        if head in ("analysts", "economists", "strategists", "researchers", "experts") and len(words) > 1:
            return self.register(DETERMINER.sub("", m), "group", "")  # "Goldman Sachs analysts"
        if head == "minister" and not self.person_in(m):
            country, _ = _country_of_qualifier(m, self.people)
            portfolio = re.sub(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*\s+)+", "", DETERMINER.sub("", m)).lower()
            if country and portfolio != "minister":  # "Iraq's oil minister" -> "Iraqi oil minister"
                return self.register(f"{NATIONALITY.get(country, country)} {portfolio}", "role", country)
        titled = [p for p in self.people.values() if head and any(t.lower().split()[-1:] == [head] for t in p.titles)]  # "council" is no "Council spokesman"
        person = self.person_in(m)
        if person is None and titled and head not in ("president", "leader", "minister"):
            person = titled[0] if len(titled) == 1 else None
        if person is not None:
            return self.register(person.name, "person", person.country)
        leader = next((r for r in LEADERS if re.search(rf"\b{r}\b", low)), None)
        if leader is not None:
            found = self._leader(m, leader, position)
            if found:
                return found
        body = next((b for b in BODIES if re.search(rf"\b{b}\b", low)), None)
        country, inst = _country_of_qualifier(m, self.people)
        proper = re.fullmatch(r"(?:[Tt]he\s+)?(?P<first>[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){2,}", m)
        if body is not None and proper and proper.group("first").lower() not in ADJECTIVE_TO_COUNTRY:
            # an organisation's proper name ("Pan American Health Organization"), not "<nationality> <body>"
            return self.register(DETERMINER.sub("", m), "body", "")
        if body is not None:
            adj = NATIONALITY.get(country, "")
            # "China's commerce ministry" -> "Chinese commerce ministry"; "Russian Foreign Ministry" -> "Russian foreign ministry"
            compound = re.sub(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'-]*\s+)+", "", DETERMINER.sub("", m)).lower()
            body = compound if compound.endswith(body) and compound != body else body
            name = f"{adj} {body}".strip() if adj else DETERMINER.sub("", m)
            return self.register(name, "body", country)
        if inst and key == inst.lower():
            return self.register(inst, "body", country)
        if key in INSTITUTIONS or key in CAPITALS:
            return self.register(m if not m.lower().startswith("the ") else m[4:], "body", INSTITUTIONS.get(key) or CAPITALS[key])
        name = re.sub(r"^(?:two|three|four|five|several|some|many|\d+)\s+(?=\w)", "", DETERMINER.sub("", m), flags=re.I)  # "Two Chinese nickel buyers"
        name = _adjectival(name, country)
        return self.register(name[:1].upper() + name[1:], "other", country)

    def _role_actor(self, mention: str, role: str) -> str:
        country, inst = _country_of_qualifier(mention, self.people)
        org = _ROLE_OF_ORG.search(norm_quotes(mention))
        ministry = _ministry(norm_quotes(mention), self.people)
        if ministry is not None:  # "a spokesman for India's Ministry of External Affairs" -> "Indian foreign ministry spokesman"
            return self.register(f"{ministry[0]} {role}", "group" if role.endswith("s") else "role", ministry[1])
        if org and not re.search(r"[’']s\b", org.group("org")) and org.group("org").lower() not in CAPITALS and org.group("org").lower() not in ADJECTIVE_TO_COUNTRY and self.person_in(org.group("org")) is None:
            # "an official at the Airports Authority of India" -> "Airports Authority of India official"
            name = f"{org.group('org')} {role}"
            return self.register(name, "group" if role.endswith("s") else "role", country)
        agency = re.match(rf"^(?:[Aa]n?\s+|[Tt]he\s+)?(?P<org>(?:[A-Z][\w.’'-]*\s+)+?{_AGENCY_WORDS})\s+{role}$", norm_quotes(mention))
        if agency:  # "a U.S. Commerce Department spokesperson": the department speaks, named as the article names it
            return self.register(f"{agency.group('org')} {role}", "group" if role.endswith("s") else "role", country)
        plural = role.endswith("s") and role not in ("sources",) or role == "sources"
        low = norm_quotes(mention).lower()
        body = next((b for b in BODIES if re.search(rf"\b{b}\b", low)), None)
        # lower-case words that say which service speaks: "military", "coast guard", "defense"
        qualifier = re.sub(rf"\b{role}\b.*$", "", DETERMINER.sub("", norm_quotes(mention)), flags=re.I).strip()
        service = " ".join(w for w in qualifier.split() if w.islower() and w not in ("senior", "top", "a", "an", "the"))
        # "a diplomat in Vienna" is a diplomat: where they speak from is not who they are
        bare = re.sub(r"\s+(?:in|at|from)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$", "", DETERMINER.sub("", norm_quotes(mention)))
        if role in SPOKES:
            owner = self.person_in(mention)
            if body and country:
                name = f"{NATIONALITY.get(country, country)} {body} {role}"
            elif inst and inst.lower() in low:
                name = f"{inst} {role}"
            elif owner is not None:
                seat = COUNTRY_SEAT.get(owner.country) if any(re.search(r"president|leader|chancellor|prime minister", t, re.I) for t in owner.titles) or owner.surname in KNOWN_PEOPLE else None
                name = f"{seat} {role}" if seat else f"{owner.name}'s {role}"
            elif country:
                name = f"{NATIONALITY.get(country, country)} {service + ' ' if service else ''}{role}"
            else:
                name = bare
        else:
            adj = NATIONALITY.get(country, "")
            senior = "senior " if re.search(r"\bsenior\b", qualifier, re.I) and not adj else ""
            name = f"{senior}{adj} {service + ' ' if service else ''}{role}".strip() if adj else bare
        name = name[:1].upper() + name[1:]
        return self.register(name, "group" if plural else "role", country)

    def _leader(self, mention: str, leader: str, position: int) -> str | None:
        country, _ = _country_of_qualifier(mention, self.people)
        candidates = [p for p in self.people.values() if any(leader in t.lower() or "president" in t.lower() or "minister" in t.lower() or "chancellor" in t.lower() for t in p.titles) or p.surname in KNOWN_PEOPLE]
        if country:
            candidates = [p for p in candidates if p.country == country]
        else:
            candidates = [p for p in candidates if any(leader in t.lower() for t in p.titles)]
        if not candidates:
            return None
        before = [p for p in candidates if p.first_pos <= position] or candidates
        best = max(before, key=lambda p: (len(re.findall(rf"\b{re.escape(p.surname)}\b", self.text[:position + 1], re.I)), -p.first_pos))
        return self.register(best.name, "person", best.country)

    def short_name(self, person: Person) -> str:
        """The name token the article uses most for a person ("Macron", or "Wei" for "Wei Zhaoming")."""
        tokens = person.name.split()
        return max(reversed(tokens), key=lambda t: len(re.findall(rf"\b{re.escape(t)}\b", self.text)))

    def _last_mention(self, person: Person, position: int) -> int:
        """Offset of the last mention (any distinctive name token) of ``person`` before ``position``."""
        tokens = [t for t, p in self.name_tokens.items() if p is person] or [person.surname]
        found = [m.start() for t in tokens for m in re.finditer(rf"\b{re.escape(t)}\b", self.text[: position + 1], re.I)]
        return max(found) if found else -1

    def group_at(self, position: int, noun: str = "leaders", exclude: str | None = None) -> str:
        """"The two leaders" at ``position``: the two people most recently mentioned before it.

        "The two presidents" only counts presidents; "the two sides" only two people of two known countries.
        ``exclude`` (the speaker reporting on "both leaders") does not
        count unless they hold the title themselves ("President Harlan said the two leaders agreed").
        """
        title = {"presidents": r"\bpresident\b", "ministers": r"\bminister\b", "leaders": r"\b(?:president|prime minister|chancellor|leader)\b"}.get(noun)
        if exclude and (not title or any(re.search(title, t, re.I) for t in self.titles_of(exclude))):
            exclude = None
        seen = [p for p in self.people.values() if p.first_pos <= position and p.name != exclude]
        titled = [p for p in seen if title and any(re.search(title, t, re.I) for t in p.titles)]
        if len(titled) >= 2:
            seen = titled
        recent = sorted(seen, key=lambda p: self._last_mention(p, position))[-2:]
        if noun == "sides" and (len(recent) < 2 or not all(p.country for p in recent) or recent[0].country == recent[1].country):
            return self.register("the two sides", "group", "")  # two sides are two countries: two people of one are no pair
        if len(recent) == 2:
            a, b = sorted(recent, key=lambda p: p.first_pos)
            name = f"{self.short_name(a)} and {self.short_name(b)}"
            return self.register(name, "group", "")
        return self.register("the two leaders", "group", "")

    def titles_of(self, actor: str) -> list[str]:
        """The titles the article gives a named actor ("Kremlin spokesman" for Dmitry Peskov)."""
        return next((p.titles for p in self.people.values() if p.name == actor), [])

    def kind(self, actor: str) -> str:
        """``person``, ``role``, ``group``, ``body``, ``narrator``, ``alias`` or ``other``."""
        return self.kinds.get(actor, "other")
