"""What a statement's content says about the events diplomatic news argues over: agreements, dates,
whether an activity goes ahead, whether something was handed over, whether forces pulled back, and whether a
truce holds.

A small NLI model misses that "no decision has been taken" contradicts "Russia had agreed to keep the
corridor open", or that a Kremlin spokesman denying "an extension had been agreed" answers it: the two
contents share almost no words, and their conflict lies in the event both talk about. A *frame* is such an
event, with the sign a content gives it: ``+1`` it happened (or is set), ``-1`` it did not, not yet, or only
in part ("negotiations were still under way", "had only discussed the idea"). The frames are ``agreement``,
``schedule`` (a date is set), ``activity`` (something goes ahead: "would proceed as planned", or is halted:
"committed to halting the filling"), ``delivery`` (something was handed over: "had handed over all the
data", or not: "had not yet provided the data"), ``withdrawal`` (forces pulled back: "had withdrawn from
positions", or stayed: "had not moved"), ``ceasefire`` (a truce holds: "the ceasefire was holding", or is
broken: "shelling had continued") and ``casualties`` (someone was hurt: "wounding two soldiers", or nobody:
"no casualties on either side"). Counted things ("two soldiers", "150 servicemen") are kept too: two
related contents that count the same thing differently conflict on the *figure*.

Two statements *conflict on a frame* when they give it opposite signs (a denial flips its content's sign),
and they are about the same thing: they share a topic word ("annex", "imports"). On the agreement frame,
neither may only state an intention ("would not sign until ..."), and instead of a shared word it is
enough that one speaker is a party the other's content names and answers it outright (the Kremlin
denying what "Russia had agreed", or a Chinese embassy saying "there was no such arrangement" to what
"China had accepted"), or that the party says no for itself ("Guyana had agreed to talks" / Guyana's
foreign ministry: "has not agreed"; "all 27 member states had agreed" / Budapest "had not given its
consent"). A report waved away ("reports of an agreement were inaccurate") says no on the report's frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: Words that put a content in the agreement frame.
AGREEMENT = re.compile(
    r"\b(?:agree[sd]?|agreeing|agreements?|deals?|accords?|pacts?|arrangements?|understandings?|accept(?:s|ed|ing)?|sign(?:s|ed|ing|ature)?|signed off|"
    r"commit(?:s|ted|ments?)|promis(?:e|es|ed)|pledg(?:e|es|ed)|(?:given|gave) (?:his|her|their|its) word|"
    r"approv(?:e|es|ed|al)|guaranteed|decided|accredit(?:ed|ation)|ratif(?:y|ies|ied|ication)|clinched|struck (?:a |the )?deal|inked|rubber-stamped|"
    r"(?:sealed|concluded|wrapped up|finali[sz]ed) (?:a |an |the |their |its )?(?:deal|agreement|accord|pact|treaty|talks|negotiations)|"
    r"(?:is|was|were|are|been) [“\"]?finali[sz]ed|"
    r"(?:deal|agreement|accord|pact|treaty|talks|negotiations) (?:was |were |is |are |has been |had been |have been )?(?:sealed|concluded|wrapped up)|"
    r"go-ahead|gave (?:it |the plan |the deal )?the nod|green-?lit|shook hands on|(?:given|gave|offered|provided) (?:firm |written |clear )?assurances?|"
    r"(?:deal|agreement|accord|pact|treaty|truce|ceasefire|arrangement|relief|exemption|waiver)s?\b(?: [\w’'-]+){0,3}? (?:has |have |had |will |would )?"
    r"(?:entered|come|came|enter|took|taken|take) (?:into force|into effect|effect)|"
    r"(?:ban|embargo|sanctions|restrictions?|curbs|suspension) (?:was|were|has been|have been|had been) lifted|(?:been|was|were|is|are) cleared|cleared by|voted(?! (?:against|down))|decisions?|settled|breakthrough|consent(?:ed)?|endorse[sd]?|(?:is|was|were|are|be|been) [“\"]?final\b|consensus|unanim\w*|"
    r"(?:lifted|dropped|withdrew|withdrawn) (?:its|their|his|her) (?:objections?|veto)|on board|green light|"
    r"lifted (?:the |its |their )?(?:restrictions?|ban|embargo|sanctions|curbs)|authori[sz](?:e|es|ed|ation)|clearance|"
    r"confirmed (?:the |a |his |her |their |its )?(?:timetable|date|deal|agreement|schedule|plan|arrangement|visit|trip|meeting|summit|participation|attendance))\b",
    re.I,
)
#: Phrases that say an agreement is not (yet, or not fully) there; they put a content in the frame on their own.
UNSETTLED = re.compile(
    r"\b(?:still (?:under ?way|being (?:discussed|negotiated|studied|worked out|finali[sz]ed|prepared|reviewed|assessed|considered|examined)|under discussion|studying|open|in progress)|"
    r"remain(?:s|ed)? (?:open(?! to)|unresolved|under discussion)|premature|conditional|"
    r"not (?:yet )?(?:final|firm|binding|confirmed)|null and void|"
    r"(?:process|talks|negotiations|review|discussions|consultations|evaluation|assessment|examination|work|contacts)\b[”\"]?(?: [\w’'-]+){0,7}? "
    r"(?:(?:is|are|was|were|remains?|remained) (?:still )?(?:ongoing|continuing|under way)|(?:will|would) (?:continue|go on))|"
    r"no vote (?:had |has |have )?(?:yet )?(?:taken place|been (?:held|taken))|"
    r"(?:process|talks|negotiations|review|discussions|consultations|evaluation|assessment|examination|work|contacts) (?:still )?(?:continues|continued|goes on|went on|(?:will|would) (?:continue|go on))|"
    r"(?:still )?(?:requires?|required|needs?|needed|awaits?|awaited|awaiting) (?:the |a |final |formal )*(?:approval|consent|ratification|signature|endorsement|sign-off|vote)\b|"
    r"expect(?:s|ed|ing)? (?:a |the )?(?:final |formal )?(?:decision|ruling|vote|answer|response|reply)|"
    r"(?:exchanged|circulated|discussed|shared) (?:a |the )?draft|(?:only|still|just|merely) a draft|(?:is|was) (?:only |still |just |merely )?a draft|"
    r"(?:not|never) (?:yet )?(?:been )?(?:given|received|issued|sent) (?:any )?(?:official |formal |written )?(?:orders?|instructions?|notification|confirmation|notice)|"
    r"received no (?:official |formal |written )?(?:orders?|instructions?|notification|confirmation|notice)|"
    r"(?:received|receipt of) (?:[\w’'-]+(?:'s|’s) )?(?:a |an |the )?(?:request|application|proposal)|only (?:discussed|talked about|promised to consider|agreed to continue)|"
    r"need(?:s|ed)? more work|backed away from|backing away from|reneged on|went back on|walked back|"
    r"(?:not|never)\s+(?:been\s+)?(?:on the table|discussed|raised|negotiated)|"
    r"only (?:expressed (?:a )?(?:hope|optimism|wish)|hoped|described)|(?:dealt|concerned) only with|only (?:dealt|concerned) with|"
    r"(?:covered|addressed|discussed|concerned|involved) only|only (?:covered|addressed|concerned|involved)|"
    r"(?:was|is|were|are) [“\"]?(?:only )?(?:indicative|tentative)|"
    r"(?:was|were|is|are) (?:only |still |just |merely )?[“\"]?(?:preliminary|provisional|an? (?:rough |first |initial )?(?:estimate|approximation|projection))|"
    r"there (?:are|were|is|was) no plans?\b|"
    r"(?:only )?verbal assurances?|(?:written|formal|final) (?:approval|agreement|confirmation|clearance) (?:would|will) follow|pending (?:final )?(?:clearance|approval)|"
    r"sticking points? remain(?:s|ed)?|(?:differences|gaps|disagreements) remain(?:ed)?|"
    r"(?:still )?needs? to be finali[sz]ed|(?:has|have|had) yet to be (?:finali[sz]ed|signed|agreed)|"
    r"details (?:would|will|are to|were to|still need to|needed to|need to|have yet to|had yet to) be [“\"]?(?:worked out|finali[sz]ed|agreed|negotiated)|"
    r"still (?:has|have|had) (?:some |more |a lot of |much )?work to do|"
    r"expect(?:s|ed|ing)? [“\"]?(?:commissioning|completion|approval|the signing|signing|a decision|the launch|start-up)\b|"
    r"(?:was|were|is|had been) [“\"]?(?:only |merely |simply )?expressing (?:a |his |her |their |its )?(?:hope|optimism|wish)|"
    r"rather than (?:announcing|reporting|confirming|describing) (?:an? |the )?(?:agreement|deal|accord|decision)|"
    r"not (?:a|an) (?:signed |formal |binding |written |final )?(?:agreement|deal|accord|treaty)|"
    r"(?:signed|initial(?:l)?ed|agreed (?:on|to))\s+[“\"]?only\b|agreed only (?:on|to)\b|only (?:signed|initial(?:l)?ed)|"
    r"(?:position|stance) [“\"]?(?:has|had) not changed|(?:position|stance) [“\"]?(?:is|was|remains|remained) (?:unchanged|the same)|"
    r"(?:had |has |have )?no information (?:about|on|of) (?:any|an?|the|such)\b|"
    r"(?:not|never) (?:yet )?(?:issued|given|delivered|reached|made|handed down) (?:an? |its |any )?(?:opinion|ruling|decision|verdict|judge?ment)|"
    r"remain(?:s|ed)? to be (?:settled|agreed|negotiated|finali[sz]ed|worked out|resolved|decided)|"
    r"(?:must|will|would|has to|have to) (?:run|take) (?:its|their) course|"
    r"(?:formalities|procedures|steps|paperwork|hurdles|obstacles|issues)[”\"]?\s+(?:still\s+)?remain(?:s|ed)?\b|"
    r"(?:figure|offer|proposal|amount|number|sum)\s+(?:that\s+)?(?:we|they|it|he|she)\s+(?:had\s+)?put\s+(?:forward|on\s+the\s+table)|"
    r"(?:final\s+)?(?:price|terms|amount|fee|cost)\s+(?:would|will)\s+be\s+(?:set|fixed|agreed|determined|decided)|"
    r"(?:discussed|raised|explored|considered)\s+the\s+(?:possibility|idea|option|prospect)\s+of|"
    r"(?:review|process|assessment|investigation|evaluation|inquiry)\s+(?:[\w-]+\s+){0,4}?(?:had|has|have)\s+not\s+(?:yet\s+)?been\s+(?:completed|finished|concluded)|"
    r"(?:preliminary\s+|final\s+)?results\s+(?:are|were|is|was)\s+(?:not\s+)?expected|(?:would|will|could|may|might)\s+depend\s+(?:up)?on|"
    r"(?:was|is|were|are)\s+[“\"]?(?:only\s+|just\s+|merely\s+|still\s+)?(?:a|an)\s+(?:[\w-]+\s+)?(?:proposal|suggestion|offer|idea|request)\b|"
    r"ready to [a-z]+\b[^.;]{0,40}?\b(?:once|when|after|as soon as)\b(?! possible)|(?:only |just )?a (?:matter|question) of (?:days|weeks|months|time)|"
    r"waiting for (?:the |a |an |final |formal )*(?:paperwork|approval|permission|clearance|green light|documents|visas|accreditation|decision|answer)|"
    r"(?:was|were|is|are|remains?|remained) (?:still )?awaiting\b|"
    r"only (?:a|an) (?:small )?(?:advance|first) (?:group|team|contingent|batch|party)|"
    r"agreed to (?:continue|keep|pursue|hold more) (?:the |their )?(?:talks|consultations|dialogue|discussions|negotiations|talking)|"
    # no talks since, or talks still to resume: nothing can have been agreed ("no negotiating round has taken place since")
    r"no (?:[\w-]+ )?(?:negotiating |negotiation )?(?:rounds?|talks|negotiations|meetings?) (?:of talks |of negotiations )?(?:has |have |had )?(?:yet )?(?:taken place|been held|occurred)|"
    r"(?:when|once|after|until|before) (?:the )?(?:talks|negotiations|discussions) (?:resume|restart|reopen)|"
    r"(?:position|demand|proposal) (?:that )?(?:[\w’'-]+ ){0,3}?(?:will|would) (?:defend|put forward|present|push for|table)|"
    # the wire's stock phrases for a deal not (yet) made: under review, in the works, close to, at an advanced stage,
    # progress made, subject to approval, pending ratification, a letter of intent, a broad outline, depends on ...
    r"(?:is|are|was|were) (?:still )?being (?:finali[sz]ed|considered|studied|reviewed|examined|assessed|negotiated|discussed)|"
    r"finali[sz]ing (?:the |a |its |their )?(?:details|text|terms|wording|agreement|deal|document)|"
    r"still (?:working on|reviewing|studying|examining|assessing|considering|discussing|negotiating|weighing)|"
    r"under (?:review|consideration|study|examination|discussion|negotiation)|in the works|"
    r"at (?:an?|the|its|their) (?:early|advanced|initial|preliminary|final|last) stages?|in (?:the|its|their) (?:final|early|last|closing) stages?|"
    r"in principle|(?:the )?(?:main|key|basic) (?:parameters|points|terms|elements)|"
    r"(?:is|was|it's|it is|it was) up to (?:the )?(?:[\w’'-]+ ){1,4}?[“\"]?to (?:do|decide|act|play|approve)\b|"
    r"(?:had|has|have) not been (?:asked|told|instructed|ordered) to (?:prepare|deploy|open|staff|get ready|make ready)|"
    r"no (?:[\w-]+ ){0,2}(?:mission|deployment|escort|operation|order|orders) (?:has|had|have) been (?:ordered|authori[sz]ed|issued|approved|planned|scheduled)|"
    r"(?:still )?(?:inspecting|repairing|assessing the damage)|"
    r"(?:still )?before the courts?|pending (?:before |in )(?:the )?courts?|sub judice|"
    r"(?:approval|decision|clearance|ruling|signature|signing|agreement|deal|permission|green light) (?:is|was|were|are) (?:still |now )?expected|"
    r"(?:signing|signature|approval|ratification|vote|paperwork) (?:is|was|would be|will be|remains?) (?:just |only |merely |simply )?[“\"]?a (?:mere )?formality|"
    r"(?:held|had) (?:productive|constructive|useful|frank|positive|good|fruitful|cordial) (?:talks|discussions|consultations|meetings?)|"
    r"maintain (?:communication|contact|contacts|dialogue)|hop(?:es|ed|ing) (?:that )?(?:[\w’'-]+ ){1,3}(?:will|would)\b|"
    r"(?:would|will|can|could)\b[^.;]{0,60}?\bas soon as (?!possible\b|next\b|this\b|tomorrow\b|today\b)(?-i:[a-z]+)|"
    r"(?:would|will|can|could)\b[^.;]{0,60}?\bonce (?:the )?(?:[\w’'-]+ ){0,3}(?:are|is|have been|has been|were|was) (?:completed|finished|done|finali[sz]ed|ready|met|settled|signed|approved)|"
    r"(?:close to|nearing|near to|edging (?:closer )?toward?s?) (?:a |an |the )?(?:final )?(?:deal|agreement|accord|settlement|breakthrough)|"
    r"(?:talks|negotiations|discussions|meetings?|contacts)\s+(?:with\s+[\w’'-]+\s+)?[“\"]?(?:are|were|is|was|had been|have been) (?:progressing|advancing|constructive|productive|positive|useful|frank|cordial)|"
    r"making (?:good |some |steady )?progress|made (?:good |some |steady |substantial |significant )?progress|(?:an? |useful |frank )?exchange of views|"
    r"without (?:a |an |any )?(?:deal|agreement|accord|breakthrough|result|decision)|"
    r"not (?:yet )?(?:entered|come) into (?:force|effect)|not (?:yet )?(?:taken|take) effect|"
    r"no (?:concrete |tangible )?(?:results?|outcome)\b|too early to (?:say|tell|talk|speak)|remains to be seen|"
    r"subject to (?:[\w-]+ )?(?:approval|ratification|confirmation|review|a vote|consent)|pending (?:[\w-]+ )?(?:ratification|approval|review|a vote|consent)|"
    r"must (?:still |first )?be (?:approved|ratified|confirmed|signed|endorsed)|did not come up|"
    r"(?:letter|statement|declaration|memorandum) of intent|mandate letter|term sheet|non-binding|broad outlines?|in outline|"
    r"not (?:yet )?(?:been )?finali[sz]ed|(?:final|formal|definitive|binding) (?:documents?|contracts?|paperwork|texts?) (?:would|will) (?:follow|be ready|come)|"
    r"framework (?:agreement|deal|accord)|"
    r"(?:would|will|can|could)\b[^.;]{0,60}?\b(?:when|once|as soon as|after) (?:the )?(?:[\w’'-]+ ){0,3}(?:is|are|was|were) ready\b|"
    r"expect(?:s|ed|ing)? (?:the |a |an |its |their )?(?:[\w-]+ ){0,2}to (?:close|conclude|be (?:completed|finali[sz]ed|concluded))|"
    r"(?:depends|depended|depending|hinges|hinged|hinging|is contingent|was contingent|contingent) (?:up)?on|"
    r"(?:has|have|had) yet to (?:respond|reply|decide|agree|sign|approve|confirm|accept|give|commit)|not before|"
    r"not (?:been )?aware of (?:any|an?|such)\b|(?:not|never) (?:yet )?received (?:any )?(?:official |formal |written )?(?:notification|confirmation|notice))\b",
    re.I,
)
#: Nothing of the kind is in preparation ("no new statement was being prepared"): what was said to be agreed is
#: not. Unlike ``UNSETTLED`` it keeps its words for the topic (the "statement" both sides talk about).
NONE_PREPARED = re.compile(r"\bno (?:[\w-]+ ){0,3}?(?:is|was|were|are|had been|has been) (?:being )?(?:prepared|planned|drafted|written)\b", re.I)
#: A report waved away ("reports of an agreement were \"inaccurate\"", "talk of Friday is premature"): the
#: content says the opposite of what the report says, and answers it as pointedly as a denial.
DISMISSED = re.compile(
    r"^\s*(?:the\s+|such\s+|these\s+|those\s+|any\s+)?(?:media\s+|press\s+|news\s+)?(?:reports?|claims?|talk|suggestions?|speculation|stories|story|accounts?|rumou?rs?|figures?|numbers?|amounts?|sums?)\s+"
    r"(?P<what>(?:of|that|about)\b.*?)\s+(?:(?:was|were|is|are)\s+(?:\w+ly\s+)?[“\"]?"
    r"(?:inaccurate|false|untrue|baseless|unfounded|wrong|incorrect|fabricated|misleading|premature|groundless|not true|fake|nonsense)|"
    r"[“\"]?(?:does|do|did) not (?:correspond to|reflect|match) (?:reality|the facts|the truth))\b",
    re.I,
)
_WHEN_NAMED = re.compile(rf"\b(?:{WEEKDAYS}|January|February|March|April|May|June|July|August|September|October|November|December|next (?:week|month)|tomorrow)\b")
#: An agreement said to be everyone's ("all 27 member states had agreed", "there is unanimity", "all allies are on
#: board"): any party that says no answers it, whatever words it uses.
EVERYONE = re.compile(
    r"\b(?:all (?:the )?(?:\d+ |[a-z]+ )?(?:member states|members|member countries|allies|parties|sides|governments|capitals|countries)|"
    r"every(?:one|body| member| ally| government| country| capital)|unanimous(?:ly)?|"
    r"(?:there (?:is|was)|reached|found|achieved|with) (?:a )?(?:full |broad )?(?:unanimity|consensus))\b",
    re.I,
)
#: A date for nothing named, which is the date of what the story is about: "there is no date", "the date could
#: shift", "no date had been set" (but not "no date had been set for the vote").
_OPEN_DATE = re.compile(
    r"\bno (?:firm |fixed |new |agreed )?(?:date|timetable)\b(?!\s+(?:for|of|on|had|has|was|to))|\bthe (?:date|timetable|deadline)\b(?!\s+(?:for|of|on))|"
    r"\b(?:dates?|timetable|timing)\s+(?:had|has|have|was|is|were)?\s*(?:yet\s+)?(?:not\s+)?(?:been\s+)?(?:set|fixed|agreed|announced|given)\b(?!\s+(?:for|of|on))|"
    r"\b(?:never|not)\s+(?:been\s+)?(?:given|set|fixed|named|announced|put forward)\s+(?:a|any)\s+(?:firm |fixed |specific )?(?:date|timetable|deadline)\b(?!\s+(?:for|of|on))",
    re.I,
)
#: Words for when something will happen (a content that names one sets a date; "no date" denies it).
SCHEDULE_NOUN = re.compile(r"\b(?:dates?|timetable|deadline|timing|schedule|scheduled|agenda)\b", re.I)
#: A date that no longer holds: "the vote had been postponed".
SCHEDULE_OFF = re.compile(r"(?<!-)\b(?:(?:was|is|remains?|remained|as)\s+(?:only\s+|just\s+|merely\s+)?[“\"]?(?:the\s+|a\s+|an\s+|its\s+|our\s+|their\s+)?(?:[\w’'-]+(?:'s|’s)?\s+)?[“\"]?(?:target|goal|aim|aspiration|objective)\b|(?:final|exact|definitive|official)\s+date\s+(?:would|will|is to|was to)\s+be\s+(?:set|fixed|announced|decided|determined)|(?:a|an) (?:target|goal|aim|aspiration),? not a (?:deadline|commitment|date)|postpon(?:e|es|ed|ing)|delay(?:s|ed)|rescheduled|put on hold|on hold|indefinitely|no time ?(?:line|frame|table)|(?:timeline|timing) (?:is|was|remains|remained) unclear|put off|pushed back|(?:could|may|might|would) (?:shift|slip|slide|change))\b", re.I)
#: A date said to hold: "the date is fixed and it will not move", "there will be no change".
_FIRM = re.compile(r"\b(?:(?:will|would|can|could|is|was)\s+not\s+(?:be\s+)?(?:move|moved|change|changed|shift|shifted|slip|budge|postponed|delayed)|(?:there will be |with )?no (?:change|delay|postponement)s?)\b", re.I)
SCHEDULE_WHEN = re.compile(
    rf"\b(?:(?:leaves|departs|sails|opens|reopens|starts|begins|resumes|arrives|kicks off|goes ahead) (?:on |in )?(?:{WEEKDAYS}|tomorrow|next week|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"(?:scheduled|slated) (?:for|to)\b|(?:is|are|was|were) set for\b|on track for\b|will be held on\b|"
    r"(?:is|are|was|were) due to (?:take place|begin|start|open|resume|be signed|be held|arrive)\b|"
    r"next (?:week|month|year)|within (?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|\d+) )?(?:days?|weeks?|months?)|by the end of \w+|"
    r"(?:have|has|had|set|fixed|agreed(?: on)?) a (?:firm |new |fixed )?date|"
    rf"(?:would|will)\b[^.;]{{0,60}}?\bnext (?:{WEEKDAYS})|"
    r"(?:would|will|to)\b[^.;]{0,80}?\b(?:on|by|before|from) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|"
    rf"(?:would|will|can)\b[^.;]{{0,60}}?\b(?:on|from|starting|beginning) (?:{WEEKDAYS})|"
    r"(?:would|will|can)\b[^.;]{0,80}?\b(?:from|starting|beginning) (?:in )?(?:(?:the )?(?:first|second|third|fourth) (?:quarter|half)|(?:19|20)\d\d)|"
    r"(?:would|will|to)\b[^.;]{0,60}?\b(?:later |early |earlier )?this (?:week|month)|"
    r"(?:would|will|to)\b[^.;]{0,100}?\b(?:in|by|before) (?:the (?:first|second|third|last|final) (?:week|half|days?) of )?(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
    r"(?:the |a )?(?:date|timetable|deadline) (?:has|had|have) been (?:set|fixed|agreed|confirmed)|(?:date|timetable) (?:is|was) (?:set|fixed|agreed)\b|"
    r"(?:would|will|to)\b[^.;]{0,60}?\b(?:by|before) (?:Christmas|New Year|Easter|the end of (?:the )?(?:year|month|week)))\b",
    re.I,
)
#: An activity that goes ahead (``+1``) or is stopped (``-1``); a negation before the word flips it.
PROCEED = re.compile(
    r"\b(?:proceed(?:s|ed|ing)?|go(?:es)? ahead|went ahead|going ahead|continu(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|as planned|"
    r"reopen(?:s|ed|ing)?|restart(?:s|ed|ing)?|restor(?:e|es|ed|ing)|flow(?:s|ed|ing)?|operational|up and running|back in (?:operation|service)|"
    r"in operation|operating (?:normally|again|as usual)|resumed operations|back to normal|"
    r"(?:is|was|were|are|has been|had been|have been) (?:built|energi[sz]ed|commissioned)(?: and (?:built|energi[sz]ed|commissioned))?|(?:at|to) full capacity|(?:be |is |was )?no (?:obstacles?|hindrance)|"
    r"repairs? (?:had been|have been|has been|were|was) (?:completed|finished)|(?:start|starts|started|began|begun|begin|begins)\s+(?:to\s+)?[a-z]+ing|"
    r"press(?:ed)? ahead|(?:keep|keeps|kept|keeping)\s+(?:[\w’'-]+\s+){0,5}?(?:flowing|open|running|going|sailing|moving)|"
    # a halt that ends lets the thing go ahead ("the suspension will end in the spring")
    r"(?:bans?|embargo(?:es)?|moratorium|suspensions?|freeze|restrictions?|curbs?|sanctions|closure)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:will|would|is to|was to|could|to)\s+(?:end|expire|be lifted|be scrapped|be removed)|"
    # lifting a halt lets the thing go ahead ("will lift a suspension on beef imports", "ended the embargo")
    r"(?:lift|lifts|lifted|lifting|end|ends|ended|ending|ease|eases|eased|easing|scrap|scraps|scrapped|remove|removes|removed|removing|"
    r"lower|lowers|lowered|lowering|cut|cuts|cutting|reduce|reduces|reduced|reducing|pay lower)\s+"
    r"(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}?(?:bans?|embargo(?:es)?|moratorium|suspensions?|freeze|restrictions?|curbs?|sanctions|duties|tariffs|levies))\b",
    re.I,
)
#: What is sent somewhere and withdrawn from it.
_TAKEN_AWAY = (
    r"(?:vessels?|ships?|boats?|trawlers?|tankers?|warships?|frigates?|fleet|troops|soldiers|peacekeepers|forces|units?|monitors|"
    r"observers|mission|aircraft|jets|planes?|rigs?|convoys?)"
)
HALT = re.compile(
    r"\b(?:(?:ban|embargo|moratorium|suspension|freeze|restrictions?|duties|tariffs|sanctions)\s+(?:[\w-]+\s+){0,2}?[“\"]?(?:remains?|remained|stays?|stayed)\s+in\s+(?:force|place|effect)|halt(?:s|ed|ing)?|paus(?:e|es|ed|ing)|suspen(?:d|ds|ded|ding|sion)|freez(?:e|es|ing)|froze|frozen|"
    r"(?:remain(?:s|ed)?|stay(?:s|ed)?|kept|is|was|were|are) (?:still )?(?:closed|shut)|turned away|on hold|(?:sat|sit|sits|lay|lie|lies|remain(?:s|ed)?) idle|grounded|"
    r"no (?:trucks?|flights?|ships?|tankers?|shipments?|convoys?|trains?|crude|oil|gas) (?:have |has |had )?(?:yet )?(?:crossed|left|arrived|moved|run|flown|sailed|flowed|landed)|"
    # what is taken away stops working where it was ("would withdraw a research vessel", "the ship would leave")
    r"(?:withdr(?:aw|aws|awing|ew|awn)|pull(?:s|ed|ing)?)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_TAKEN_AWAY}|"
    rf"{_TAKEN_AWAY}\s+(?:would|will|had|has|have|was|were|is|are)\s+(?:[\w-]+\s+)?(?:leave|left|leaving|depart(?:ed|ing)?|pull(?:ed|ing)? out)|"
    r"repairs? (?:would|will) take|under repair|out of (?:service|action)|"
    r"still (?:in (?:its|the|a) (?:testing|test|trial|commissioning) (?:phase|stage|period)|being tested)|(?:testing|tests|trials) (?:is|are|was|were) (?:still )?under ?way|to test the (?:link|line|pipeline|system)|"
    r"stop(?:s|ped|ping)?|postpon(?:e|es|ed|ing)|call(?:s|ed)? off|cancel(?:s|led|ed|ling)?|end(?:s|ed)|ceased?|scal(?:e|es|ed|ing) back|w(?:ou|i)nd(?:ing)? down)\b",
    re.I,
)
#: Something handed over (``+1``), or not (a negation before the word: "had not yet provided").
DELIVERED = re.compile(
    r"\b(?:provid(?:e|es|ed)|hand(?:s|ed)? over|deliver(?:s|ed)?|submit(?:s|ted)?|sen[dt]|transferred|transfers?|supplied|paid|releas(?:e|es|ed)|freed|returned(?! fire)|c[oa]me home|arriv(?:e|es|ed)|repatriated|extradited|handed back|shipped|dispatched|landed|touched down|disbursed|credited|wired|"
    r"(?:money|funds|payment|deposit|cash|tranche) (?:is|are|was|were|has been|had been|have been) (?:already )?(?:in (?:the|its|our|their) (?:account|coffers|treasury)|received)|"
    r"(?:is|are|was|were) [“\"]?(?:already )?in (?:our|the|its|their) (?:warehouses?|stores|stockpiles?|hands|possession|network|grid|system|pipelines?|tanks|storage)|"
    r"(?:is|are|was|were|has been|have been) (?:now |already |safely )?back (?:home|with (?:his|her|their) famil(?:y|ies)|on (?:[\w-]+ )?soil)|"
    r"(?:is|are|was|were) (?:now |already )?(?:free and|with (?:his|her|their) famil(?:y|ies))|"
    # a convoy at its destination: "had reached the besieged town", "made it into the camp"
    r"(?:reached|entered|made it (?:to|into)|got through to) (?:the |its )?(?:[\w-]+ ){0,2}(?:town|city|village|camp|port|destination|capital|enclave|area|district))\b", re.I
)
#: Nothing handed over yet, in words that name no hand-over: "the officers were still in Nairobi", "had yet to
#: leave", "have not left the capital".
NOT_YET_SENT = re.compile(
    r"\b(?:still (?:in|at) (?:the )?[A-Z][\w’'-]+|(?:has|have|had) yet to (?:leave|depart|arrive|be (?:sent|deployed|dispatched|delivered|shipped))|"
    r"(?:has|have|had) not (?:yet )?(?:left|departed)|in (?:stages|batches|groups|phases|waves)|"
    r"turned back|(?:blocked|stopped|held up) at (?:a |the )?(?:checkpoint|border|crossing)|(?:refused|denied) entry|"
    r"(?:were|was|are|is) (?:still )?waiting (?:for (?:security |final )?(?:clearance|permission|approval)|at (?:the |a )?(?:border|checkpoint|crossing))|(?:is|are|was|were) on (?:its|their) way|"
    r"(?i:further|more|remaining|other|commercial|regular|first) (?:deliveries|shipments|batches|tranches|consignments|flows|volumes|supplies) (?:would|will) (?:follow|come|arrive|begin|start)|"
    r"received no (?!(?:official |formal |written )?(?:notification|confirmation|notice|orders?|instructions?|requests?|information|reports?)\b)|"
    r"(?:the )?(?:remaining|rest of the|other) [\w-]+(?: [\w-]+)? (?:would|will) be (?:freed|released|returned|handed over|delivered|sent)|"
    r"(?:remaining|other) [\w-]+(?: [\w-]+)? (?:were|are|was|is) [“\"]?expected to be (?:freed|released|returned|handed over|delivered|sent)|"
    r"(?:expect(?:s|ed|ing)?|awaiting|awaited|waiting for) (?:the |its |their |a |an )?(?:[\w-]+ )?"
    r"(?:funds|money|payment|transfer|deposit|disbursement|delivery|shipment|cargo|consignment|loan|tranche))\b"
)
#: People sent somewhere who may stay or leave.
_PEOPLE_SENT = r"soldiers?|troops?|personnel|forces?|units?|staff|peacekeepers?|advisers?|advisors?|instructors?|contractors?|monitors?|observers?|guards?|police(?:men)?|officers?"
#: Forces that pulled back (``+1``: "had withdrawn", "have already moved back", "began dismantling"), or stayed
#: (``-1``: "had not moved", "remain in their positions", "positions ... unchanged").
WITHDREW = re.compile(
    r"\b(?:withdr[ae]wn?|withdrawing|pull(?:ed|ing)\s+(?:[\w’'-]+\s+){0,5}?(?:back|out)|mov(?:ed|ing)\s+back|retreat(?:ed|ing)|dismantl(?:ed|ing)|"
    r"evacuat(?:ed|ing)|left (?:the|their|its|his|her) positions?|no longer exists?|ceased to exist|(?:razed|demolished|torn down)|"
    # gone from where they were: "the last French soldiers had left the country", "no longer a single soldier on its soil"
    r"(?:had|have|has)\s+(?:all\s+)?left\s+(?:the|their|its)\s+(?:country|base|bases|region|territory|island|area|zone|soil)|"
    rf"no longer (?:a single |any )?(?:[\w-]+ )?(?:{_PEOPLE_SENT}))\b",
    re.I,
)
STAYED = re.compile(
    r"\b(?:(?:had|has|have)\s+not\s+(?:moved|withdrawn|pulled back|left)|(?:did|do|does)\s+not\s+(?:move|withdraw|pull back|leave)|"
    r"remain(?:s|ed)?\s+in\s+(?:their|its|his|her|the)?\s*positions?|stay(?:ed|s)?\s+(?:there|put|in place)|"
    r"positions?\s+(?:[\w-]+\s+){0,4}(?:unchanged|intact)|still (?:there|in place)|no signs? of (?:a |any )?(?:withdrawal|pullback|movement)|"
    # some stay behind: "about 100 personnel remained at the base", "the remaining personnel were technicians"
    rf"(?:{_PEOPLE_SENT})\s+(?:would\s+|will\s+)?remain(?:s|ed)?\s+(?:at|in|on|behind)\b|(?:the\s+)?remaining\s+(?:[\w-]+\s+)?(?:{_PEOPLE_SENT})|"
    # what was to be taken down still stands, or goes only part of the way ("only some structures had been removed")
    r"still standing|(?:remain(?:s|ed)?|is|was|were|are) (?:still )?(?:intact|standing)|only [“\"]?(?:some|a few|part of|a small (?:number|part) of)\b|"
    # the taking down still goes on: "the dismantling would continue in stages", "the withdrawal will take months"
    r"(?:withdrawal|pullout|pull-out|pullback|dismantling|demolition|drawdown)\s+(?:would|will|is to|was to)\s+(?:continue|go on|take|proceed))\b",
    re.I,
)
#: A truce that holds (``+1``: "the ceasefire was holding", "strictly observing the truce"; a negated breach, "no
#: violations", "had not fired a single shot") or is broken (``-1``: "shelling had continued", "attacked rebel positions").
HOLDS = re.compile(
    r"\b(?:(?:ceasefire|cease-fire|truce|calm)\s+(?:[\w’'-]+\s+){0,3}?(?:is|was|has been|had been|remains?|remained)\s+(?:largely\s+)?(?:holding|held|respected|observed)|"
    r"(?:respect(?:ed|ing|s)?|observ(?:ed|ing|es)|honou?r(?:ed|ing|s)?|abid(?:e|ed|ing|es) by)\s+(?:[\w’'-]+\s+){0,2}?(?:the\s+|a\s+|its\s+)?(?:ceasefire|cease-fire|truce))\b",
    re.I,
)
BROKEN = re.compile(
    r"\b(?:shell(?:ing|ed|s)|fighting|clash(?:es|ed)|attack(?:s|ed|ing)|fir(?:ed|ing)\s+(?:on|at)|fired|shots?|violat(?:ed|ions?|ing|es)|"
    r"broke(?:n)?\s+the\s+(?:ceasefire|cease-fire|truce)|air ?strikes?|bombard(?:ed|ing|ment)|offensive)\b",
    re.I,
)
#: Who did it (``+1``: "was behind a cyberattack", "the attack came from the GRU", "blames Moscow for the hack"), or
#: that the one named did not, or that nobody is named yet (``-1``: "has nothing to do with", "no formal attribution").
RESPONSIBLE = re.compile(
    r"\b(?:(?:was|were|is|are|had been|has been)\s+(?:[\w-]+\s+)?(?:behind|responsible for)|carried out (?:the|an?|this|last)\b|(?:came|comes|originated) from (?:the )?[A-Z]|"
    r"orchestrated|masterminded|perpetrated|blames?d?\s+(?:[\w’'-]+\s+){1,4}?for\b|accus(?:e|es|ed)\s+(?:[\w’'-]+\s+){1,4}?of\b)", re.I
)
NOT_RESPONSIBLE = re.compile(
    r"\b(?:(?:has|have|had)\s+nothing\s+to\s+do\s+with|no\s+(?:involvement|role|part|hand)\s+in|(?:baseless|absurd|unfounded|groundless|fabricated|slanderous)|"
    r"no\s+(?:formal\s+|official\s+)?attribution|not\s+(?:yet\s+)?(?:been\s+)?(?:attributed|identified)|(?:culprits?|perpetrators?|attackers?)\s+(?:remains?|is|are|was|were)\s+(?:still\s+)?unknown)", re.I
)
CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.I)
#: Something named as agreed ("the agreed text"): a content that refuses to change it presupposes the agreement.
_AGREED_THING = re.compile(r"\b(?:the|this|that|its|their)\s+(?:already\s+)?agreed\s+[a-z]+", re.I)
#: Not having been told of something says nothing of whether it exists ("had not been consulted on any agreement").
NOT_TOLD = re.compile(r"\b(?:not|never)\s+(?:been\s+)?(?:consulted|informed|told|asked|involved|briefed|notified|aware)\b|\b(?:not|never)\s+been\s+invited\b", re.I)
#: A plan or proposal to do something is not the thing done ("the bloc's plan to end imports").
PLAN = re.compile(r"\b(?:plans?|aims?|proposals?|proposed|intends?|wants?|seeks?|threat\w*|ready|willing|efforts?)\s+to\s+$", re.I)
#: "no such arrangement": an answer to a claim made before, as pointed as an explicit denial.
ANSWER = re.compile(r"\bno such\b", re.I)
NEGATION = re.compile(r"\b(?:no|not|never|nothing|none|neither|nor|without|cannot|yet to)\b|n[’']t\b", re.I)
#: After a frame noun, a negated verb says the event did not happen ("such deals could not be made").
_NOT_DONE = re.compile(
    r"\s+(?:(?:on|over|with|about|for|of)\s+[\w’' -]{0,40}?)?(?:could|can|was|were|is|are|has|have|had|would|will|did)\s*(?:not|never|n[’']t)\b",
    re.I,
)
#: A content that only states an intention or readiness says nothing about whether the event happened.
INTENTION = re.compile(r"\b(?:would|will|could|might|ready to|willing to|wants? to|plans? to|intends? to|until|(?:more |less )?likely to|expected to)\b", re.I)
#: Words too common in diplomatic news to tie two contents to the same thing.
_GENERIC = frozenset(
    "said says told would could should also two both sides side leaders leader president presidents minister ministers "
    "government official officials country countries new any all last first more other still only been were was have "
    "has had that this with from about after before their there they them will talks talk once already even just very "
    "much many some such like what which when where while because since over under into being".split()
)


#: Endings of a capitalised first word that make it a common noun rather than a name.
_COMMON_NOUN = re.compile(r"(?:ment|tion|sion|ance|ence|ity|ness|ure|ing|port|ship|ers)s?$")  # "Commanders had met ..."
#: Three-letter words that name what diplomatic news argues over ("gas" transit, an "oil" cap, a "dam").
_SHORT_TOPICS = frozenset("gas oil dam war aid tax ban air sea arm arms".split())


@dataclass(frozen=True)
class Frames:
    """The frames a content is in, with their signs, and what ties it to other contents."""

    signs: dict[str, int] = field(default_factory=dict)  # frame -> +1 / -1 (content sign, before the cue's polarity)
    intention: bool = False
    topic: frozenset[str] = frozenset()
    answer: bool = False  # "there was no such arrangement": answers a claim made before
    open_date: bool = False  # "no date had been set", for nothing named: the date of what the story is about
    everyone: bool = False  # the agreement is said to be everyone's ("there is unanimity")
    refused: bool = False  # an agreement word said no to ("had not given its consent", "would not approve")
    counts: dict[str, float] = field(default_factory=dict)  # counted things ("wounding two soldiers" -> {"troop": 2}), rates ({"rate:turnout": 64.2})
    names_deal: bool = False  # an agreement word is there ("the parties had agreed on a framework"), not only "differences remain"
    abilities: dict[str, int] = field(default_factory=dict)  # "can already file" -> {"file": 1}; "had not been able to file" -> {"file": -1}


#: Stems that name the same thing: a next "round" of talks is a next meeting.
_SAME_THING = {
    "round": "meet", "sessi": "meet", "summi": "meet",
    "force": "troop", "forc": "troop", "soldi": "troop", "unit": "troop",  # troops, forces, soldiers, units
    "priso": "capti", "detai": "capti", "servi": "capti", "defen": "capti", "pow": "capti", "pows": "capti", "hosta": "capti",  # the people exchanged
    "emplo": "capti", "staff": "capti", "citiz": "capti", "natio": "capti",  # or freed
    "pullb": "withd", "disen": "withd", "pullo": "withd", "retre": "withd",  # withdraw, pullback, disengagement
    # a truce and what breaks it are one thing to argue over ("the ceasefire was holding" / "shelling had continued")
    "cease": "truce", "truc": "truce", "shell": "truce", "attac": "truce", "fight": "truce", "viola": "truce", "clash": "truce",
    "fir": "truce", "fire": "truce", "shot": "truce", "bomba": "truce", "offen": "truce", "shoot": "truce", "gunfi": "truce",
}


def _stem(word: str) -> str:
    """A crude stem: without -ing/-ed/-es/-s, then at most five letters ("meeting" and "meet" -> "meet")."""
    if len(word) > 4:
        word = re.sub(r"(?:ing|ed|es|s)$", "", word)
    if len(word) > 3:
        word = re.sub(r"e$", "", word)  # "lease", "leased" -> "leas"; "date", "dates" -> "dat"
    return _SAME_THING.get(word[:5], word[:5])


def topic_words(text: str) -> frozenset[str]:
    """Stems of the lower-case content words that are not frame, negation or generic words.

    Names are left out: who takes part is a matter of parties, not of topic."""
    text = AGREEMENT.sub(" ", UNSETTLED.sub(" ", re.sub(r"\bin (?:force|place|effect)\b", " ", text)))  # "in force" is no troops
    first = re.match(r"\s*([A-Z][a-z]+)\b", text)
    if first and (_COMMON_NOUN.search(first.group(1)) or first.group(1).lower() in _SHORT_TOPICS):  # "Disengagement will be ...": a noun, not a name
        text = text[: first.start(1)] + first.group(1).lower() + text[first.end(1) :]
    words = re.findall(r"(?<![\w’'-])[a-z][a-z-]+", text)
    return frozenset(_stem(w) for w in words if (len(w) > 3 or w in _SHORT_TOPICS) and w not in _GENERIC and not NEGATION.fullmatch(w))


#: People hurt or killed ("wounding two soldiers", "three civilians were killed").
HURT = re.compile(r"\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|kill(?:ed|ing|s)?|dead|deaths?|died|casualt(?:y|ies)|fatalit(?:y|ies))\b", re.I)
#: Nobody hurt ("there had been no casualties on either side", "nobody was injured"): an answer about the incident
#: the article reports, whatever words the claim used.
UNHURT = re.compile(
    r"\b(?:no(?: one|body)|none of (?:the|them)|no (?:soldiers?|civilians?|troops|people|servicem[ae]n|residents))\s+(?:was |were |had been |has been |have been )?"
    r"(?:hurt|injured|wounded|killed)|no (?:casualties|injuries|deaths|fatalities|victims|loss of life)|without (?:casualties|injuries|loss of life)\b",
    re.I,
)
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
#: A count of things: "two soldiers", "14 Indonesian fishing boats", "300 prisoners" (not years, sums or shares).
_COUNT = re.compile(
    r"(?<![$€£.,\d])\b(?P<n>\d{1,3}(?:,\d{3})*|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<what>[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2})",
    re.I,
)
_NOT_COUNTED = re.compile(r"^(?:more|less|fewer|other|of|or|and|to|in|on|at|days?|weeks?|months?|years?|hours?|minutes?|times|million|billion|trillion|percent)$")


#: Things hit or damaged in the incident ("a power substation had been damaged", "all designated targets were hit",
#: "causing a fire"), or not ("no energy facilities had been damaged").
DAMAGED = re.compile(
    r"\b(?:(?:was|were|had been|has been|have been|is|are)\s+(?:badly\s+|heavily\s+|seriously\s+|slightly\s+|partly\s+)?(?:damaged|destroyed|hit|struck)|"
    r"caus(?:ing|ed)\s+(?:a\s+)?fires?|(?:were|was|are|is|remained)\s+without\s+(?:electricity|power|water|heating)|power\s+outages?)\b",
    re.I,
)
UNDAMAGED = re.compile(
    r"\b(?:no\s+(?:[\w-]+\s+){0,2}(?:facilities|facility|buildings?|infrastructure|homes|houses|targets?|sites?)\s+(?:had\s+been|have\s+been|has\s+been|were|was)\s+(?:damaged|hit|destroyed|struck)|"
    r"no\s+damage|without\s+(?:any\s+)?damage|caus(?:ing|ed)\s+no\s+damage)\b",
    re.I,
)


def _damage(content: str) -> int:
    """+1 something was hit or damaged, -1 nothing was; 0 when conditional, intended or neither."""
    return _none_or_some(content, UNDAMAGED, DAMAGED)


def _none_or_some(content: str, none: re.Pattern[str], some: re.Pattern[str]) -> int:
    """-1 when ``none`` says nothing of the kind happened, else +1 when ``some`` says it did (-1 when negated); 0
    when neither, or when only conditional or intended ("if the dam is hit", "would hit")."""
    if none.search(content):
        return -1
    m = some.search(content)
    if m is None or CONDITION.search(content, 0, m.start()) or INTENTION.search(content, 0, m.start()):
        return 0
    return -1 if _negated(content, m.start()) else 1


#: Forces gathered near a border (``+1``: "army units had massed near the border", "40 armored vehicles within five
#: kilometers of the boundary"), or not (``-1``: "no units had been moved toward the boundary", "no unusual movements").
MASSED = re.compile(
    r"\b(?:mass(?:ed|ing)|amass(?:ed|ing)|build-?up|(?:deployed|moved|moving|sent)\s+(?:[\w-]+\s+){0,3}?(?:to|toward|towards|near|along)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border|boundary|frontier)|"
    r"(?:armou?red vehicles|tanks|troops|units|soldiers)\s+within\s+(?:[\w-]+\s+){1,2}(?:kilometers|kilometres|km|miles)\s+of\s+the\s+(?:border|boundary|frontier|boundary line))\b",
    re.I,
)
NOT_MASSED = re.compile(
    r"\b(?:no\s+(?:units|troops|forces|soldiers)\s+(?:had\s+been|have\s+been|were|was)\s+(?:moved|deployed|sent)|no\s+unusual\s+(?:movements?|activity)|"
    r"(?:regular|routine|previously\s+announced|scheduled)[”\"]?\s+(?:military\s+)?(?:exercises?|drills?))\b",
    re.I,
)


def _buildup(content: str) -> int:
    """+1 forces are gathered near a border, -1 they are not (or it is only a routine drill); the first phrase decides."""
    return _first_claim(content, MASSED, NOT_MASSED)


#: An outbreak or a crisis under control (``+1``: "had been contained", "no new cases", "under control") or growing
#: (``-1``: "still increasing", "up from 90 the week before", "spreading").
CONTROLLED = re.compile(
    r"\b(?:(?:had been|has been|have been|was|were|is|are)\s+(?:largely\s+)?contained|under\s+control|no\s+new\s+(?:cases|infections|deaths)|"
    r"(?:cases|infections|deaths)\s+(?:were|are|have\s+been|had\s+been)\s+(?:falling|declining|down|dropping))\b",
    re.I,
)
SPREADING = re.compile(
    r"\b(?:(?:still\s+)?(?:increasing|rising|growing|spreading|surging)|on\s+the\s+rise|up\s+from\s+\d+|(?:spike|surge|jump|rise)\s+in\s+(?:cases|infections|deaths)|out\s+of\s+control)\b",
    re.I,
)


def _control(content: str) -> int:
    """+1 an outbreak is under control, -1 it is growing; the first phrase decides, a negation flips it."""
    found = _first_signed(content, CONTROLLED, SPREADING)
    if found is None or CONDITION.search(content, 0, found[0].start()):
        return 0
    m, sign = found
    return -sign if _negated(content, m.start()) else sign


def _casualties(content: str) -> int:
    """+1 people were hurt or killed, -1 nobody was; 0 when conditional, intended or neither."""
    return _none_or_some(content, UNHURT, HURT)


#: A named rate: "turnout in last Sunday's election was 64.2%", "recorded turnout below 40%".
_RATE = re.compile(
    r"\b(?P<what>turnout|inflation|growth|unemployment|participation)\b[^.;%]{0,60}?\b(?:was|is|of|at|to|reached|hit|stood at|below|above|under|over)\s+"
    r"(?:(?:about|around|nearly|almost|just|only|some|roughly)\s+)?(?P<n>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)",
    re.I,
)
#: Two rates of one measure this many points apart disagree (rounding and a decimal or two do not).
RATE_GAP = 5.0


def _counts(content: str) -> dict[str, float]:
    """Counted things, by the stem of their noun ("wounding two soldiers" -> {"troop": 2}), and named rates, by
    "rate:" and the measure ("turnout was 64.2%" -> {"rate:turnout": 64.2})."""
    out: dict[str, float] = {}
    for m in _RATE.finditer(content):
        out.setdefault(f"rate:{m.group('what').lower()}", float(m.group("n")))
    for m in _COUNT.finditer(content):
        cased = m.group("what").split()
        if cased[0] == "of" and len(cased) > 2 and cased[1] in ("the", "our", "their", "its", "his", "her"):
            cased = cased[2:]  # "All 150 of our defenders"
        words = [w.lower() for w in cased]
        if not words or words[0] in _NUMBER_WORDS or words[0].isdigit():
            continue  # "two of its three mooring points": a share, not a count
        # "14 Indonesian fishing boats", "150 Ukrainian servicemen": the plural noun, not the adjective of a country
        plural = [w for w, c in zip(words, cased) if (w.endswith("s") and len(w) > 3 or w.endswith("men")) and not c[:1].isupper()]
        noun = plural[0] if plural and words[0] != "of" else words[0]
        if _NOT_COUNTED.match(noun) or (m.group("n").isdigit() and len(m.group("n")) == 4):
            continue
        n = m.group("n").lower()
        out.setdefault(_stem(noun), int(n.replace(",", "")) if n[0].isdigit() else _NUMBER_WORDS[n])
    return out


def read_frames(content: str) -> Frames:
    """The frames of one content (attribution already stripped).

    A negation counts only before the frame word ("no deal", "had not signed"), not in what was agreed
    ("agreed not to escalate"); a gerund or infinitive ("before agreeing", "to sign") is no evidence that
    the event happened, so alone it puts the content in no frame.
    """
    dismissed = DISMISSED.match(content)
    if dismissed:
        what = dismissed.group("what").split(None, 1)[-1]
        inner = read_frames(what)
        signs = {frame: -sign for frame, sign in inner.signs.items()}
        named_date = _WHEN_NAMED.search(what) is not None
        if named_date:
            signs["schedule"] = -1  # "talk of Friday is premature": the date is not set
        if not signs:
            signs["agreement"] = -1
        return Frames(signs=signs, topic=inner.topic, answer=True, open_date=named_date)
    signs: dict[str, int] = {}
    negated = False
    events = [
        m for m in AGREEMENT.finditer(content)
        if (not m.group(0).endswith("ing") or m.group(0).lower() == "understanding")
        and not re.search(r"\bto\s+$|\bin\s+(?:full\s+|complete\s+|broad\s+|total\s+)?$", content[: m.start()])  # "in full agreement on the need": a view
    ]
    unsettled = UNSETTLED.search(content)
    if events and not unsettled and (CONDITION.search(content, 0, events[0].start()) or NOT_TOLD.search(content, 0, events[0].start())):
        # "if there is a deal, ..." or "it had not been consulted on any agreement" says nothing of whether there is one
        events = []
    if events or unsettled:
        negated = events and (
            NEGATION.search(content, 0, events[0].start())  # "no deal", "had not signed"
            or _NOT_DONE.match(content, events[0].end())  # "such deals could not be made", "a deal was never reached"
        )
        if negated and not unsettled and _AGREED_THING.search(content, events[0].end()):
            negated = False  # "would not accept any change to the agreed text": the refusal keeps the agreement
        signs["agreement"] = -1 if unsettled or negated else 1
    if NONE_PREPARED.search(content) or (ANSWER.search(content) and "agreement" not in signs):
        signs["agreement"] = -1  # "there is no such fact", asked about a promise, answers it
    firm = _FIRM.sub(" ", content)  # "it will not move" says the date holds: no negation of it
    if (SCHEDULE_NOUN.search(firm) and (NEGATION.search(firm) or unsettled)) or SCHEDULE_OFF.search(firm):
        signs["schedule"] = -1  # "no date had been set", "no timetable", "the vote had been postponed"
    elif SCHEDULE_WHEN.search(firm) and not NEGATION.search(firm):
        signs["schedule"] = 1  # "would resume by the end of March", "agreed to meet ... next month"
    for frame, sign in (
        ("activity", _activity(content)), ("delivery", _delivery(content)), ("withdrawal", _withdrawal(content)), ("ceasefire", _ceasefire(content)),
        ("casualties", _casualties(content)), ("damage", _damage(content)), ("responsibility", _responsibility(content)),
        ("buildup", _buildup(content)), ("control", _control(content)),
    ):
        if sign:
            signs[frame] = sign
    first_frame = min([m.start() for m in [*events[:1], unsettled] if m is not None], default=len(content))
    modal = INTENTION.search(content)
    intention = bool(modal and modal.start() < first_frame)
    open_date = signs.get("schedule") == -1 and _OPEN_DATE.search(content) is not None
    everyone = signs.get("agreement") == 1 and EVERYONE.search(content) is not None
    return Frames(
        signs=signs, intention=intention, topic=topic_words(content), answer=bool(ANSWER.search(content)), open_date=open_date,
        everyone=everyone, refused=bool(events and negated), counts=_counts(content), names_deal=bool(events),
        abilities=_abilities(content),
    )


#: What someone can or cannot do: "airlines can already file flight plans" / "had not been able to file any".
_ABLE = re.compile(
    r"\b(?P<no>cannot|can[’']t|could not|couldn[’']t|(?:(?:not|never)\s+(?:yet\s+)?(?:been\s+|be\s+)?|un)able to|"
    r"(?:has|have|had|is|are|was|were)\s+(?:not|never)\s+(?:yet\s+)?(?:been\s+)?able to)?"
    r"(?(no)|(?:can|(?:is|are|was|were|has been|have been|had been)\s+(?:now\s+|already\s+)?[“\"]?(?:able|free) to))\s+(?:already\s+|now\s+|still\s+|yet\s+)?(?P<verb>[a-z]{3,})\b",
    re.I,
)
_NOT_A_VERB = {"the", "not", "also", "only", "then", "well", "more", "help"}
#: Verbs of saying: "was unable to confirm the report" withholds a word, it says nothing of the thing.
_SAYING = {"confirm", "comment", "say", "speak", "verify", "disclose", "elaborate", "discuss", "tell", "explain", "answer", "reach"}


#: Nothing stands in the way: "nothing prevents her from returning", "no obstacle to her leaving".
_UNHINDERED = re.compile(r"\bnothing (?:prevents|stops|bars) (?:him|her|them|us|it) from (?P<verb>[a-z]{3,})ing\b", re.I)


def _abilities(content: str) -> dict[str, int]:
    """Verb stem -> +1 someone can do it, -1 cannot ("can already file" / "had not been able to file"); "could" alone
    is a supposition, not an ability, and a condition before it says nothing."""
    out: dict[str, int] = {}
    for m in _ABLE.finditer(content):
        verb = m.group("verb").lower()
        if verb in _NOT_A_VERB or verb in _SAYING or CONDITION.search(content, 0, m.start()):
            continue
        out.setdefault(_stem(verb), -1 if m.group("no") else 1)
    for m in _UNHINDERED.finditer(content):
        out.setdefault(_stem(m.group("verb")), 1)
    return out


def _first_signed(content: str, yes: re.Pattern[str], no: re.Pattern[str]) -> tuple[re.Match[str], int] | None:
    """The first phrase of either pattern in the content, with +1 when it is a ``yes`` phrase and -1 when a ``no``."""
    m = min((x for x in (yes.search(content), no.search(content)) if x), key=lambda x: x.start(), default=None)
    return None if m is None else (m, 1 if yes.fullmatch(m.group(0)) else -1)


#: Where a clause of its own begins: a negation before it does not reach past ("no apparent progress but ... a halt").
_CLAUSE_BREAK = re.compile(r"(?:,?\s+but|;|,?\s+while|,?\s+whereas|,?\s+although)\s+", re.I)


def _negated(content: str, pos: int) -> bool:
    """A negation before ``pos`` in its clause."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(content, 0, pos)), default=0)
    return NEGATION.search(content, start, pos) is not None


#: Only part of it goes ahead: "loadings had resumed at only two of its three mooring points".
_PARTLY = re.compile(r"\bonly (?:\w+|\d+) of (?:its|the|their) (?:\w+|\d+)\b", re.I)


def _activity(content: str) -> int:
    """+1 an activity goes ahead, -1 it is halted (a negation before the word flips it), 0 neither or only
    under a condition ("if the filling went ahead"). The first such word decides ("halting ... while talks
    continue" is a halt)."""
    found = _first_signed(content, PROCEED, HALT)
    if found is None or CONDITION.search(content, 0, found[0].start()) or PLAN.search(content[max(0, found[0].start() - 30) : found[0].start()]):
        return 0
    m, sign = found
    if sign > 0 and _PARTLY.search(content, m.end()):
        return -1
    return -sign if _negated(content, m.start()) else sign


#: A part only: "only four of its employees", "only 90".
_ONLY_SOME = re.compile(r"\bonly (?:\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


def _delivery(content: str) -> int:
    """+1 something was handed over, -1 it was not ("had not yet provided"); 0 when only intended or conditional."""
    waiting = NOT_YET_SENT.search(content)
    if waiting is not None and not CONDITION.search(content, 0, waiting.start()):
        return -1
    m = DELIVERED.search(content)
    if m is None or CONDITION.search(content, 0, m.start()) or INTENTION.search(content, 0, m.start()):
        return 0
    if _ONLY_SOME.search(content, 0, m.start()):
        return -1  # "only four of its employees had been released": not all of them
    return -1 if _negated(content, m.start()) else 1


def _ceasefire(content: str) -> int:
    """+1 a truce holds, -1 it is broken; the first such phrase decides, a negation before it flips it ("no violations",
    "had not fired a single shot", "was not holding"); 0 when conditional ("if the shelling resumes") or neither."""
    found = _first_signed(content, HOLDS, BROKEN)
    if found is None or CONDITION.search(content, 0, found[0].start()):
        return 0
    m, sign = found
    return -sign if NEGATION.search(content[max(0, m.start() - 40) : m.start()]) else sign


def _responsibility(content: str) -> int:
    """+1 the content says who did it, -1 that the one named did not or that nobody is named yet; the first such
    phrase decides, and a negation before or inside a "who did it" phrase flips it ("was not behind the attack")."""
    return _first_claim(content, RESPONSIBLE, NOT_RESPONSIBLE)


def _first_claim(content: str, yes: re.Pattern[str], no: re.Pattern[str]) -> int:
    """+1 or -1 by the first phrase of ``yes`` or ``no``; a negation before or inside a ``yes`` phrase makes it -1; 0
    when neither or under a condition."""
    found = _first_signed(content, yes, no)
    if found is None or CONDITION.search(content, 0, found[0].start()):
        return 0
    m, sign = found
    return -1 if sign > 0 and (_negated(content, m.start()) or NEGATION.search(m.group(0))) else sign


def _withdrawal(content: str) -> int:
    """+1 forces pulled back, -1 they stayed; 0 when only intended ("would withdraw"), conditional, or neither."""
    stayed = STAYED.search(content)
    if stayed is not None and not CONDITION.search(content, 0, stayed.start()):
        return -1
    m = WITHDREW.search(content)
    if m is None or CONDITION.search(content, 0, m.start()) or INTENTION.search(content, 0, m.start()):
        return 0
    return -1 if _negated(content, m.start()) else 1


def frame_conflict(a: Frames, b: Frames, sign_a: int, sign_b: int, parties: bool = False, itself: bool = False) -> str | None:
    """The frame on which two statements conflict, or None.

    ``sign_a``/``sign_b`` are the cue polarities (+1 assert, -1 deny or retract); ``parties`` says that one
    speaker is a party the other content names; ``itself`` that a party says no on an agreement the other
    content says it made ("Guyana had agreed ..." / Guyana: "has not agreed"), or refuses one said to be
    everyone's. A schedule, activity or delivery conflict needs a shared topic word (a casualty conflict does
    not: it is about the article's incident; a figure conflict needs a shared word besides the thing counted);
    an agreement conflict
    needs that, ``itself``, or ``parties`` with an explicit denial (or a "no such ...") on one side, and
    neither side may only state an intention.
    """
    shared = bool(a.topic & b.topic)
    rates = {k for k in a.counts.keys() & b.counts.keys() if k.startswith("rate:") and abs(a.counts[k] - b.counts[k]) >= RATE_GAP}
    if rates and sign_a > 0 and sign_b > 0:
        return "figure"  # "turnout was 64.2%" / "turnout below 40%": a named measure needs no other shared word
    figures = {k for k in a.counts.keys() & b.counts.keys() if not k.startswith("rate:") and a.counts[k] != b.counts[k]}
    if figures and sign_a > 0 and sign_b > 0 and a.topic & b.topic - figures:
        return "figure"  # "wounding two soldiers" / "one soldier had been lightly wounded"
    able = [v for v in a.abilities.keys() & b.abilities.keys() if a.abilities[v] * sign_a * b.abilities[v] * sign_b < 0]
    if able and a.topic & b.topic - set(able):
        return "ability"  # "airlines can already file flight plans" / "had not been able to file any flight plan"
    answered = min(sign_a, sign_b) < 0 or (a.answer and a.signs.get("agreement", 0) < 0) or (b.answer and b.signs.get("agreement", 0) < 0)
    for frame in ("schedule", "activity", "delivery", "withdrawal", "ceasefire", "casualties", "damage", "buildup", "control", "responsibility", "agreement"):
        if frame not in a.signs or frame not in b.signs:
            continue
        if a.signs[frame] * sign_a * b.signs[frame] * sign_b >= 0:
            continue
        # whether anyone was hurt is asked of the incident the article reports, in whatever words
        if frame != "agreement" and (shared or frame in ("casualties", "damage", "buildup") or (frame == "schedule" and (a.open_date or b.open_date))):
            return frame
        if frame == "agreement" and not (a.intention or b.intention) and (shared or itself or (parties and answered)):
            return frame
    return None
