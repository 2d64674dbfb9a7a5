"""The gazetteer of actors: countries, their adjectives, capitals and other names, and the words for the
narrator and for pronouns. Speakers are resolved to canonical actors in ``helpers.resolve``."""

from __future__ import annotations

import re


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
#: Bodies of several states in the table above: they speak for themselves, not through a government.
INTERNATIONAL_BODIES = frozenset({"European Union", "NATO", "United Nations"})
ADJECTIVE_TO_COUNTRY = {adj.lower(): c for c, adj in NATIONALITY.items()}
ADJECTIVE_TO_COUNTRY.update({"american": "United States", "us": "United States", "u.s.": "United States", "uk": "United Kingdom", "eu": "European Union", "un": "United Nations", "u.n.": "United Nations", "european union": "European Union", "united nations": "United Nations"})
ADJECTIVE_TO_COUNTRY.update({c.lower(): c for c in NATIONALITY})
#: Other names of countries ("Britain", "the UAE", "Türkiye", "Burma", "the DRC").
ADJECTIVE_TO_COUNTRY.update({
    "britain": "United Kingdom", "great britain": "United Kingdom", "uae": "United Arab Emirates", "the emirates": "United Arab Emirates",
    "türkiye": "Turkey", "turkiye": "Turkey", "burma": "Myanmar", "burmese": "Myanmar", "czechia": "Czech Republic",
    "drc": "Congo", "dr congo": "Congo", "democratic republic of congo": "Congo", "democratic republic of the congo": "Congo",
    "côte d'ivoire": "Ivory Coast", "cote d'ivoire": "Ivory Coast", "east timor": "Timor-Leste",
    "swaziland": "Eswatini", "america": "United States", "holland": "Netherlands", "cabo verde": "Cape Verde",
})
#: Capitals so often used for their governments that they name the country wherever they appear.
SEATS: dict[str, str] = {
    "moscow": "Russia", "kyiv": "Ukraine", "paris": "France", "washington": "United States", "beijing": "China",
    "ankara": "Turkey", "minsk": "Belarus", "berlin": "Germany", "brussels": "European Union", "belgrade": "Serbia",
    "pristina": "Kosovo", "tehran": "Iran",
}
#: Institutions and seats of government -> country.
INSTITUTIONS: dict[str, str] = {
    "kremlin": "Russia", "élysée": "France", "elysee": "France", "white house": "United States",
    "pentagon": "United States", "state department": "United States", "downing street": "United Kingdom",
    "quai d'orsay": "France", "bankova": "Ukraine", "people's liberation army": "China", "pla": "China",
    **SEATS,
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
COUNTRIES = frozenset(ADJECTIVE_TO_COUNTRY.values())
#: What a country goes by as a speaker, lowercased: its other names ("Britain", "UAE") and its seat of government
#: ("Tokyo", "Kyiv"), not its adjective ("Chinese" names no one).
_ADJECTIVES = {adj.lower() for adj in NATIONALITY.values()} | {"american"}
_COUNTRY_NAMES = {
    **{k: c for k, c in ADJECTIVE_TO_COUNTRY.items() if c in INTERNATIONAL_BODIES or k not in _ADJECTIVES},
    **CAPITALS, **SEATS,
}
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "body", "we": "plural", "i": "person"}
NARRATOR = "narrator"


def norm_quotes(text: str) -> str:
    """Straight apostrophes, collapsed spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def owner_country(owner: str) -> str | None:
    """The country an owner's name stands for, by its name, adjective or capital ("India", "Indian", "New Delhi",
    "Moscow" -> "India", "India", "India", "Russia"); None for any other name, an institution's included ("Kremlin":
    the Kremlin's spokesman is not any Russian body's)."""
    owner = re.sub(r"(?:['’]s?)$", "", re.sub(r"^the\s+", "", owner.strip(), flags=re.I))  # "South Korea’s"
    return ADJECTIVE_TO_COUNTRY.get(owner.lower()) or country_named(owner)


def _adjectival(name: str, country: str) -> str:
    """A country's possessive as its adjective: "the Philippines' agriculture department" -> "Philippine agriculture
    department", "Kyrgyzstan's State Committee for National Security" -> "Kyrgyz State Committee for National
    Security", "New Delhi's foreign ministry" -> "Indian foreign ministry"."""
    owned = re.match(r"^(?P<owner>[A-Z][\w .-]*?)(?:'s|’s|'|’)\s+(?P<rest>[\w][\w ’'-]*)$", name)
    if owned and country and owner_country(owned.group("owner")) == country:
        return f"{NATIONALITY.get(country, country)} {owned.group('rest')}"
    return name


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


def country_named(name: str) -> str | None:
    """The country, or body of several states, a speaker's name stands for: "China", "Britain", "U.S.", "Tokyo",
    "Brussels"; None for anything else, an adjective included ("Chinese")."""
    if name in COUNTRIES:
        return name
    if not name[:1].isupper():
        return None
    return (ADJECTIVE_TO_COUNTRY if name.isupper() else _COUNTRY_NAMES).get(name.lower())  # "U.S.", "UN": initials


def government_name(name: str) -> str:
    """A country's government by the country's adjective, one form across articles and annotators: "China",
    "Tokyo", "the government of Ethiopia", "UAE government" -> "Chinese", "Japanese", "Ethiopian", "Emirati
    government"; "UN", "Brussels" -> "United Nations", "European Union". Any other name is returned as it is."""
    said = re.fullmatch(r"(?:the )?government of (?:the )?(?P<of>.+)|(?:the )?(?P<owner>.+?)(?:'s|’s)? government", name.strip(), re.I)
    country = country_named(said.group("of") or said.group("owner")) if said else country_named(name.strip())
    if country is None or said and country in INTERNATIONAL_BODIES:
        return name
    return country if country in INTERNATIONAL_BODIES else f"{NATIONALITY.get(country, country)} government"
