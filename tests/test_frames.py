"""Agreement, schedule, activity and delivery frames of statement contents."""

import pytest

from helpers.frames import frame_conflict, read_frames, topic_words


@pytest.mark.parametrize(
    ("content", "signs", "intention"),
    [
        ("Russia had agreed to keep the corridor open", {"agreement": 1, "activity": 1}, False),
        ("Putin had agreed not to undertake any new military initiatives", {"agreement": 1}, False),  # negation inside what was agreed
        ("There was no signature and no deal", {"agreement": -1}, False),
        ("There was no such arrangement", {"agreement": -1}, False),
        ("Such deals could not be made in principle", {"agreement": -1}, False),  # a negated passive after the noun
        ("A decision on the corridor has not been taken", {"agreement": -1}, False),
        ("China had accepted a provisional understanding", {"agreement": 1}, False),
        ("Moscow's conditions have not been met and no decision has been taken", {"agreement": -1}, False),
        ("Negotiations were still under way", {"agreement": -1}, False),
        ("Harlan and Wei had only discussed the idea of military contacts", {"agreement": -1}, False),
        ("Belgrade backed away from commitments it had made", {"agreement": -1}, False),
        ("Yerevan was ready to sign the treaty as soon as possible", {}, True),  # an infinitive is not an event
        ("The Kremlin has a pattern of letting deadlines slide before agreeing", {}, False),
        ("His country would not sign any treaty until Armenia changed its constitution", {"agreement": -1}, True),
        ("No date had been set for any meeting", {"schedule": -1}, False),
        ("Aydin and Orlov agreed to meet in Istanbul next month", {"agreement": 1, "schedule": 1}, False),
        ("Imports would resume by the end of March", {"schedule": 1, "activity": 1}, True),
        ("Grain prices rose four percent in Chicago", {}, False),
        # "understanding" is a noun, not a gerund
        ("The understanding was reached during a meeting last week", {"agreement": 1}, False),
        ("The extension was final", {"agreement": 1}, False),
        ("The reform plan was not final", {"agreement": -1}, False),
        ("The tariff question was never on the table in Geneva", {"agreement": -1}, False),
        ("Tanabe had only expressed hope that trade would return to normal", {"agreement": -1}, False),
        ("The talks in Doha had dealt only with humanitarian access", {"agreement": -1}, False),
        ("The talks had covered only the maintenance of existing equipment", {"agreement": -1}, False),
        ("If there is a deal, the public deserves to see it", {}, False),  # a condition says nothing of a deal
        ("The army remained open to talks", {}, False),  # willing, not unresolved
        ("There is no consensus as of today", {"agreement": -1}, False),
        ("There is unanimity on this step", {"agreement": 1}, False),
        ("Turkey had lifted its objections to the plan", {"agreement": 1}, False),
        ("The pipeline could not reopen until the stations were repaired", {"activity": -1}, True),
        ('The timetable was "indicative"', {"agreement": -1, "schedule": -1}, False),
        ("Exports would resume within ten days", {"schedule": 1, "activity": 1}, True),
        ("The vote had been postponed to allow more consultations", {"schedule": -1, "activity": -1}, False),
        ("No meeting had been scheduled", {"schedule": -1}, False),
        ("Both sides had agreed to meet in Brasilia later this month", {"agreement": 1, "schedule": 1}, False),
        # activity: goes ahead (+1) or halted (-1); the first such word decides; a condition takes no side
        ("Ethiopia had committed to halting the next filling while talks continue", {"agreement": 1, "activity": -1}, False),
        ("The fifth filling would proceed as planned", {"activity": 1}, True),
        ("The exercises will not go ahead this year", {"activity": -1}, True),
        ("Egypt would go to the Security Council if the filling went ahead", {}, True),
        # delivery: handed over (+1) or not (-1); an intention takes no side
        ("Tokyo had handed over all the data China had asked for", {"delivery": 1}, False),
        ("Japan had not yet provided the monitoring data", {"delivery": -1}, False),
        ("Kyiv would provide the lists on Monday", {"schedule": 1}, True),  # a date, but no delivery yet
        # more activity words: "keep ... flowing", "ended"; a plan to end something is not its end
        ("Transit of Russian gas ended in January", {"activity": -1}, False),
        ("Gas will keep flowing through the winter", {"activity": 1}, True),
        ("The bloc's plan to end Russian gas imports by 2027 was unchanged", {}, True),
        # not having been consulted on a deal says nothing of the deal
        ("It had not been consulted on any agreement", {}, False),
        ("The exchange would take place on Friday", {"schedule": 1}, True),
        ("Disengagement will be completed within weeks", {"schedule": 1}, True),
        # nothing in preparation, an unchanged position, "there are no plans": what was said to be agreed is not
        ("No joint communique was being drafted", {"agreement": -1}, False),
        ("A joint communique was being drafted", {}, False),
        ("Its position “has not changed” on the pipeline", {"agreement": -1}, False),
        ("Our stance remains unchanged", {"agreement": -1}, False),
        ("There are no plans to close the consulate", {"agreement": -1}, False),
        # being "in full agreement on the need" is a view, not a deal
        ('The two ministers were "in full agreement" on the need for calm', {}, False),
        # "flow" is an activity: it goes ahead, or nothing flows
        ("Crude will be flowing again by the weekend", {"activity": 1}, True),
        ("Nothing will flow through the terminal this year", {"activity": -1}, True),
        # a report waved away says the opposite of the report
        ('Reports of a truce were "baseless"', {"agreement": -1}, False),
        ("Claims that Minsk had agreed to host the talks are completely false", {"agreement": -1}, False),
        ("Talk of a Sunday signing is premature", {"schedule": -1}, False),
        ("There is no such fact", {"agreement": -1}, False),  # asked about a promise: the answer says there was none
        # ninth round: void, unconfirmed, still in process
        ('The deal was "null and void"', {"agreement": -1}, False),
        ('Supplies were "not yet confirmed"', {"agreement": -1}, False),
        ('"The technical process is ongoing"', {"agreement": -1}, False),
        # sixth round: a date had or not, hope rather than a deal, "only minutes", forces pulled back or not
        ("There is no date and there is no process", {"schedule": -1}, False),
        ("We have a date for the next round", {"schedule": 1}, False),
        ('The minister had been "expressing his hope" rather than announcing a deal', {"agreement": -1}, False),
        ("It is an understanding, not a signed agreement", {"agreement": -1}, False),
        ('Both sides had signed "only minutes of the meeting"', {"agreement": -1}, False),
        ("Rebel fighters had pulled back from the bridge", {"withdrawal": 1}, False),
        ("Its troops had not moved", {"withdrawal": -1}, False),
        ("Our units remain in their positions and will stay there", {"withdrawal": -1}, True),
        ("Images showed the positions on the ridge unchanged", {"withdrawal": -1}, False),
        ("Troops would pull back from the ridge", {}, True),  # an intention is no withdrawal
        # seventh round: details still to be worked out, "next Monday", a ban that remains in force
        ("They reached an agreement in principle and the details would be worked out later", {"agreement": -1}, False),
        ("The pass would reopen to trucks next Monday", {"schedule": 1, "activity": 1}, True),
        ('The export ban "remains in force"', {"activity": -1}, False),
        # eighth round: lifted restrictions and authorisations, assurances only, sticking points, a date that may shift
        ("Somalia had lifted restrictions on Kenyan flights", {"agreement": 1, "activity": 1}, False),  # lifting a halt lets the flights go ahead
        ("No carrier had been authorized to fly", {"agreement": -1}, False),
        ("Our partners have confirmed the timetable in writing", {"agreement": 1}, False),
        ('Oman had given "verbal assurances" and written approval would follow', {"agreement": -1}, False),
        ("Sticking points remain over the price", {"agreement": -1}, False),
        ('The contract "still needs to be finalized"', {"agreement": -1}, False),
        ("Local officers will take over the checkpoints on Feb. 1", {"schedule": 1}, True),
        ("The date could shift by a few weeks", {"schedule": -1}, True),
        # tenth to seventeenth rounds: lifting a halt, no answer yet, not aware, no notification, "can ... from", quarters, continued talks
        ("Beijing will lift a suspension on poultry imports next week", {"schedule": 1, "activity": 1}, True),
        ("The ministry has yet to respond to the request", {"agreement": -1}, False),
        ("She was not aware of any such arrangement", {"agreement": -1}, False),
        ("The company had not received any official notification", {"agreement": -1}, False),
        ("Ferries can sail from Tuesday", {"schedule": 1}, False),
        ("Exports will restart from the second quarter", {"schedule": 1, "activity": 1}, True),
        ("Athens would not accept any change to the agreed wording", {"agreement": 1}, True),  # presupposes the agreement
        ("Athens would not accept the wording", {"agreement": -1}, True),
        ("A long-delayed pact would be signed in June", {"agreement": 1, "schedule": 1}, False),  # "long-delayed" is no delay
        ("The draft has been cleared by both cabinets", {"agreement": 1}, False),
        ("Consultations with the provincial assembly were continuing", {"agreement": -1, "activity": 1}, False),
        ("The review continues in line with the law", {"agreement": -1, "activity": 1}, False),
        ("Ankara had received Sweden's application", {"agreement": -1}, False),  # received, not yet decided
        ("They had agreed only on the need to meet again", {"agreement": -1}, False),
        # eleventh round: votes not held, approvals still required, decisions expected, drafts, no orders, dates by Christmas
        ("The parliament has not yet voted on the accord", {"agreement": -1}, False),
        ("The accord still needs the consent of the senate", {"agreement": -1}, False),
        ("Ankara expects a ruling next year", {"agreement": -1, "schedule": 1}, False),
        ("Negotiators had circulated a draft and talks will continue", {"agreement": -1, "activity": 1}, False),
        ("Border guards had received no instructions about the new rules", {"agreement": -1}, False),
        ("The ferry service will restart before Christmas", {"schedule": 1, "activity": 1}, True),
        ('The text was "final"', {"agreement": 1}, False),
        # nothing sent yet, in words that name no hand-over; landing is arriving; waiting is no agreement
        ("The medical team was still in Ankara", {"delivery": -1}, False),
        ("The engineers had yet to leave Dakar and the ministry was awaiting a budget", {"agreement": -1, "delivery": -1}, False),
        ("The relief flight landed in Goma on Sunday", {"delivery": 1}, False),
        ("Still, the team was ready", {}, False),  # "still" as a sentence adverb places nobody
        # a timetable in the present tense; a move that waits on someone else's signal is not settled
        ("The first ferry sails on Friday", {"schedule": 1}, False),
        # partial or pending: in principle, the main points, a formality still to come, final stages, a mandate letter
        ("The deal was agreed in principle", {"agreement": -1}, False),
        ('The main points had been agreed and the signing was "a formality"', {"agreement": -1}, False),
        ('The treaty was "in its final stages"', {"agreement": -1}, False),
        ("The terms had not been finalized", {"agreement": -1}, False),
        ('The ministry had signed "a mandate letter" and the final documents would follow', {"agreement": -1}, False),
        ("Two lenders had yet to commit", {"agreement": -1}, False),
        ("The treasury expected the bond sale to close next month", {"agreement": -1, "schedule": 1}, False),
        ("Athens expected the plan to be approved without delay", {"agreement": 1}, True),  # an expectation of approval, no verdict
        # finalized is done; a framework agreement, contracts still to be ready, or "when ... is ready" are not
        ("The merger had been finalized", {"agreement": 1}, False),
        ('The firms had signed "a framework agreement"', {"agreement": -1}, False),
        ("The visit would take place when the Brazilian side is ready", {"agreement": -1}, False),
        ("The envoy would arrive in the first week of March", {"schedule": 1}, True),
        # twenty-second round: a handshake, a month in the present tense, someone else's part, staff not asked to
        # prepare, a release in stages or of only some, repairs done or still to take weeks, a part working only
        ("We shook hands on it", {"agreement": 1}, False),
        ("The ferry line opens in June", {"schedule": 1}, False),
        ('It was up to the regional assembly "to do its part"', {"agreement": -1}, False),
        ("The customs service had not been asked to prepare staff for a new post", {"agreement": -1}, False),
        ("The handover was taking place in stages", {"delivery": -1}, False),
        ("Only three of the sailors had been released", {"delivery": -1}, False),
        ("Repairs had been completed and loadings were back to normal", {"activity": 1}, False),
        ("Divers said repairs would take another two weeks", {"activity": -1}, True),
        ("Loadings had resumed at only two of its three berths", {"activity": -1}, False),
        # twenty-third round: assurances given, no obstacle, no mission ordered, goods in the warehouse, none received,
        # a first shipment with more to follow, on their way, a target and not a deadline
        ("Moscow had given assurances that the convoy could pass", {"agreement": 1}, False),
        ("There will be no obstacle to the exports", {"activity": 1}, True),
        ("No evacuation mission had been ordered", {"agreement": -1}, False),
        ('The fertiliser was "already in our warehouses"', {"delivery": 1}, False),
        ("Clinics had received no insulin this month", {"delivery": -1}, False),
        ("A first batch had been sent and further shipments would follow", {"delivery": -1}, True),
        ('The rest of the turbines "are on their way"', {"delivery": -1}, False),
        ('The March date was "a target, not a deadline"', {"schedule": -1}, False),
        # twenty-fourth round: guaranteed (not "security guarantees"), details still to be "worked out", work still to
        # do, commissioning expected, a line built and energized (not exercises "completed")
        ("Hanoi had guaranteed the supply", {"agreement": 1}, False),
        ("Talks on security guarantees had yielded no progress", {}, False),
        ('The details would be "worked out by traders"', {"agreement": -1}, False),
        ("The other side still has some work to do", {"agreement": -1}, False),
        ('The bank expected "commissioning in the second half of the year"', {"agreement": -1}, False),
        ("The pipeline is built and energized", {"activity": 1}, False),
        # a case in court and an approval still expected are not settled
        ("The seizure was lawful and the case was still before the courts", {"agreement": -1}, False),
        ("Formal clearance is expected within days", {"agreement": -1, "schedule": 1}, False),
        # casualties: someone hurt, or nobody
        ("Shelling killed three civilians near the border", {"casualties": 1, "ceasefire": -1}, False),
        ("Nobody was injured in the incident", {"casualties": -1}, False),
        ("There were no casualties", {"casualties": -1}, False),
        # money in the account is handed over; money expected is not
        ("The payment was already in the treasury", {"delivery": 1}, False),
        ("The loan was disbursed on Friday", {"delivery": 1}, False),
        ("The ministry expected the first tranche next month", {"delivery": -1, "schedule": 1}, False),
        ("The Fund expects strong growth", {}, False),
        # what is taken away stops working there; a negation does not reach past "but"
        ("Norway would pull its frigate out of the exercise", {"activity": -1}, True),
        ("The warships had left", {"activity": -1}, False),
        ("There was no damage but officials ordered a halt to drilling", {"activity": -1, "damage": -1}, False),
        ("The meetings on Monday were useful", {}, False),  # a plural noun, not a departure
        ('Flights would restart "as soon as the regulator gives its approval"', {"agreement": -1, "activity": 1}, False),
        ("The talks would resume as soon as Monday", {"activity": 1}, True),  # a date, not a condition
        # twelfth round: releases and returns, no information, pull-backs with their object, scaled-back drills,
        # deployments begun, accreditation, waiting for paperwork, an invitation never sent
        ("Minsk had freed three Lithuanian truck drivers", {"delivery": 1}, False),
        ("None of the fishermen had returned", {"delivery": -1}, False),
        ("The embassy had no information about any such exchange", {"agreement": -1}, False),
        ("Serbia had pulled two of its armoured units back from the boundary", {"withdrawal": 1}, False),
        ("Russia scaled back its naval drills", {"activity": -1}, False),
        ("Monitors have started patrolling the line", {"activity": 1}, False),
        ("No foreign journalist has been accredited", {"agreement": -1}, False),
        ("The convoy was waiting for the paperwork", {"agreement": -1}, False),
        ("The government had never invited a UN mission", {}, False),  # no agreement word: the refusal is to invite
        # thirteenth round: a truce that holds or breaks, a visit confirmed, an agenda without it, ready only once
        ("The truce in Tigray was largely holding", {"ceasefire": 1}, False),
        ("No violations had been recorded by the monitors", {"ceasefire": 1}, False),
        ("Artillery shelling had resumed near the airport", {"ceasefire": -1, "activity": 1}, False),
        ("Government troops had not fired a shot since Monday", {"ceasefire": 1}, False),
        ("The king confirmed the visit in a letter", {"agreement": 1}, False),
        ("There is no meeting with Rome on the minister's agenda", {"schedule": -1}, False),
        ("The utility was ready to restart deliveries once the debt was settled", {"agreement": -1}, False),
        ("Yerevan was ready to sign as soon as possible", {}, True),
        # fourteenth round: schedules still being worked out, rulings not issued, fine print to settle, courses to run
        ("The minister's itinerary is still being worked out", {"agreement": -1}, False),
        ("The tribunal had not yet issued a ruling", {"agreement": -1}, False),
        ("A framework had been agreed and the details remained to be settled", {"agreement": -1}, False),
        ("The legal process must run its course", {"agreement": -1}, False),
        ("Talks with the lenders on the last clause were continuing", {"agreement": -1, "activity": 1}, False),
        ("No vote has yet taken place", {"agreement": -1}, False),
        ("She was more likely to send a deputy", {}, True),  # a likelihood, and a person sent is no delivery
        # fifteenth round: restoring, a halt that will end, "starting Monday", details being finalized
        ("Air links would be restored next month", {"schedule": 1, "activity": 1}, True),
        ("The embargo will end in March", {"schedule": 1, "activity": 1}, True),
        ("The first flights would land starting Tuesday", {"schedule": 1}, True),
        ("Lawyers are finalizing the text", {"agreement": -1}, False),
        # seventeenth round: a decision not taken, participation confirmed, hopes, the last stage, talks held, a date fixed
        ("The cabinet's position on the plan has not been decided", {"agreement": -1}, False),
        ("Oslo has confirmed its attendance", {"agreement": 1}, False),
        ("Rome hopes Vienna will sign", {"agreement": -1}, False),
        ("The accord was at the final stage of approval", {"agreement": -1}, False),
        ("The ministers held constructive talks and would maintain contact", {"agreement": -1}, False),
        ("The date has been fixed by both sides", {"schedule": 1}, False),
        ("The bridge would reopen once the repairs are completed", {"agreement": -1, "activity": 1}, False),
        ("Troops were due to leave once the drills have been completed", {}, False),  # no "would": a timetable, not a condition
        ("The two sides agreed to continue talks", {"agreement": -1, "activity": 1}, False),  # the talks go on; no deal
    ],
)
def test_read_frames(content, signs, intention):
    """Every row states both columns: the frame signs and whether the content only states an intention."""
    f = read_frames(content)
    assert f.signs == signs
    assert f.intention is intention


def test_topic_words_leave_out_names_frame_and_generic_words():
    assert topic_words("Macron and Putin had agreed on the text of the annex") == {"text", "annex"}
    assert topic_words("No date had been set for any meeting") == topic_words("They agreed to meet") | {"dat"}
    assert topic_words("a 50-year lease") & topic_words("no territory could be leased")  # "lease", "leased": one stem


def test_frame_conflict_needs_opposite_signs_and_a_tie():
    deal = read_frames("Serbia and Kosovo had accepted the roadmap")
    no_roadmap = read_frames("No roadmap had been accepted")
    brief = read_frames("Anything had been signed")
    assert frame_conflict(deal, no_roadmap, 1, 1) == "agreement"  # shared topic word "roadmap"
    assert frame_conflict(deal, brief, 1, -1) is None  # a denial with no shared word and no party
    assert frame_conflict(deal, brief, 1, -1, parties=True) == "agreement"  # ... unless the denier is a party
    assert frame_conflict(deal, brief, 1, 1, parties=True) is None  # two assertions need a shared topic
    assert frame_conflict(deal, read_frames("The roadmap had been accepted in full"), 1, 1) is None  # same sign
    meet, no_date = read_frames("The two presidents agreed to meet in Istanbul next month"), read_frames("No date has been set for the meeting")
    assert frame_conflict(meet, no_date, 1, 1) == "schedule"


def test_activity_and_delivery_conflicts_need_a_shared_topic():
    halt = read_frames("Ethiopia had committed to halting the next filling of the reservoir")
    proceed = read_frames("The fifth filling would proceed as planned")
    assert frame_conflict(halt, proceed, 1, 1) == "activity"  # "filling" in both
    assert frame_conflict(halt, read_frames("The exercises would proceed as planned"), 1, 1) is None
    given, not_given = read_frames("Tokyo had handed over all the data"), read_frames("Japan had not yet provided the monitoring data")
    assert frame_conflict(given, not_given, 1, 1) == "delivery"
    assert frame_conflict(given, read_frames("Japan had not yet provided the visas"), 1, 1) is None


def test_no_such_answers_a_party_like_a_denial():
    claim = read_frames("China had accepted a provisional understanding on resupply boats")
    no_such, plain_no = read_frames("There was no such arrangement"), read_frames("There was no arrangement")
    assert no_such.answer and not plain_no.answer
    assert frame_conflict(claim, no_such, 1, 1, parties=True) == "agreement"
    assert frame_conflict(claim, plain_no, 1, 1, parties=True) is None  # a plain "no deal" by a party is not enough


def test_words_for_the_same_thing_tie_contents():
    assert frame_conflict(read_frames("Disengagement will be completed within weeks"),
                          read_frames("No timetable for a pullback had been discussed"), 1, 1) == "schedule"  # withdrawal words
    assert frame_conflict(read_frames("Gas will keep flowing"), read_frames("Transit of gas ended in January"), 1, 1) == "activity"


def test_a_date_for_nothing_named_is_the_date_of_the_story():
    friday = read_frames("The exchange would take place on Friday at the border")
    assert frame_conflict(friday, read_frames("The lists had not been agreed and no date had been set"), 1, 1) == "schedule"
    assert frame_conflict(friday, read_frames("No date had been set for the vote in parliament"), 1, 1) is None


def test_a_next_round_is_a_next_meeting():
    meet = read_frames("The ministers would meet again in Cairo within two weeks")
    no_date = read_frames("No date had yet been fixed for the next round")
    assert frame_conflict(meet, no_date, 1, 1) == "schedule"


def test_a_waved_away_report_answers_the_report():
    waved = read_frames("Reports that the tanker had been handed over are untrue")
    assert waved.answer and waved.signs == {"delivery": -1}  # the report's frame, its sign flipped
    assert frame_conflict(read_frames("Tehran had handed over the tanker"), waved, 1, 1) == "delivery"
    assert read_frames("Reports that the tanker had been seized are untrue").signs == {"agreement": -1}  # no frame: the report is denied
    sunday = read_frames("Talk of Sunday is premature")
    assert sunday.open_date and sunday.signs == {"schedule": -1}
    assert frame_conflict(read_frames("The signing would take place on Sunday in Oslo"), sunday, 1, 1) == "schedule"
    assert read_frames("The reports were discussed at length").signs == {}  # not waved away


def test_nothing_in_preparation_keeps_its_topic():
    none = read_frames("No new communique was being drafted")
    assert "commu" in none.topic
    assert frame_conflict(read_frames("Both sides had agreed to issue a new communique"), none, 1, 1) == "agreement"


def test_an_agreement_said_to_be_everyones():
    for text in ("All 30 allies had agreed to the plan", "There is unanimity on the step", "Everyone in the room agreed", "The vote was unanimous"):
        assert read_frames(text).everyone, text
    for text in ("Unanimity rules let one capital block a decision", "All allies would have to agree", "No member had agreed"):
        assert not read_frames(text).everyone, text
    assert read_frames("Rome had not given its consent").refused  # an agreement word said no to
    assert not read_frames("The tariff question was never on the table").refused  # no, but on something named
    everyone, refused = read_frames("All 30 allies had agreed to the plan"), read_frames("Rome had not given its consent")
    assert frame_conflict(everyone, refused, 1, 1) is None  # no tie of its own ...
    assert frame_conflict(everyone, refused, 1, 1, itself=True) == "agreement"  # ... the party answering for itself is one


def test_forces_pulled_back_or_not_on_the_same_troops():
    back = read_frames("Government soldiers had withdrawn from the ridge")
    assert frame_conflict(back, read_frames("Our forces remain in their positions"), 1, 1) == "withdrawal"  # soldiers, forces: troops
    assert frame_conflict(back, read_frames("The embassy staff had not moved"), 1, 1) is None  # other people
    assert read_frames("There is no date").open_date and not read_frames("No date had been set for the vote").open_date
    assert "comma" in read_frames("Commanders had met in Bangkok").topic  # a common noun first, not a name


def test_a_ban_in_force_halts_what_others_say_resumes():
    resume, ban = read_frames("Exports of copper ore will resume next year"), read_frames("The export ban remains in force")
    assert frame_conflict(resume, ban, 1, 1) == "activity"  # "export" in both
    assert "troop" not in ban.topic  # "in force" is no forces


def test_a_figure_said_not_to_match_reality_answers_it():
    f = read_frames('The figure of 3 billion euros "does not correspond to reality"')
    assert f.signs == {"agreement": -1} and f.answer and "billi" in f.topic


def test_a_truce_and_what_breaks_it_are_one_thing():
    holding = read_frames("The ceasefire was holding and both sides had respected it")
    assert frame_conflict(holding, read_frames("Shelling continued through the night"), 1, 1) == "ceasefire"
    assert frame_conflict(read_frames("Rebels attacked army positions near the town"), read_frames("Troops were strictly observing the truce"), 1, 1) == "ceasefire"
    assert frame_conflict(holding, read_frames("There were no violations"), 1, 1) is None  # both say it holds


@pytest.mark.parametrize(
    "content",
    [
        "The proposal is under review", "The offer is being considered", "A settlement is in the works",
        "Negotiations are at an advanced stage", "The sides are close to a deal", "The talks were constructive",
        "Both sides were making progress", "It was a frank exchange of views", "The meeting produced no concrete results",
        "It is too early to say whether there will be an accord", "The pact is subject to parliamentary approval",
        "The treaty is pending ratification", "The accord must still be approved by the senate", "The matter did not come up",
        "They signed a letter of intent", "They agreed on a broad outline", "The treaty has not yet entered into force",
        "The supply depends on payment", "The talks ended without an agreement", "Contacts are continuing at the working level",
    ],
)
def test_the_wires_stock_phrases_for_a_deal_not_made(content):
    assert read_frames(content).signs.get("agreement") == -1


@pytest.mark.parametrize(
    "content",
    [
        "The two sides sealed the deal", "They clinched an agreement", "They struck a deal on Monday", "The leaders inked the pact",
        "The accord was concluded", "The parliament rubber-stamped the deal", "The treaty was ratified",
        "The regulator gave the go-ahead", "The agreement entered into force", "The ban was lifted",
    ],
)
def test_the_wires_stock_phrases_for_a_deal_made(content):
    assert read_frames(content).signs.get("agreement") == 1


@pytest.mark.parametrize("content", ["The inquiry concluded that the data was sound", "Police sealed the border", "The ban took effect on Monday"])
def test_deal_words_in_other_senses_are_no_deal(content):
    assert "agreement" not in read_frames(content).signs


@pytest.mark.parametrize(
    "content, frame, sign",
    [
        ("The ceremony is scheduled for Friday", "schedule", 1), ("The referendum is set for March 3", "schedule", 1),
        ("The talks are due to resume on Monday", "schedule", 1), ("The handover is on track for January", "schedule", 1),
        ("The meeting was rescheduled", "schedule", -1), ("The visit has been put on hold", "schedule", -1),
        ("There is no timeline for the withdrawal", "schedule", -1),
        ("The pipeline is operational", "activity", 1), ("The port is back in operation", "activity", 1),
        ("The ferry line resumed operations", "activity", 1), ("The crossing remained closed", "activity", -1),
        ("The tankers sat idle", "activity", -1), ("No trucks crossed the border", "activity", -1),
        ("Flights remain grounded", "activity", -1),
        ("The first shipment arrived on Monday", "delivery", 1), ("The suspect was extradited", "delivery", 1),
        ("The detainees were handed back", "delivery", 1), ("No aid has arrived", "delivery", -1),
        ("None of the prisoners were repatriated", "delivery", -1),
    ],
)
def test_the_wires_stock_phrases_for_dates_activities_and_handovers(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign


def test_casualties_and_figures_conflict():
    hurt = read_frames("Border guards had opened fire on a patrol, wounding two soldiers")
    nobody = read_frames("There had been no casualties on either side")
    one = read_frames("One soldier had been lightly wounded")
    assert frame_conflict(hurt, nobody, 1, 1) == "casualties"  # no shared word needed: the incident is the article's
    assert frame_conflict(hurt, one, 1, 1) == "figure"  # two soldiers wounded, or one
    assert read_frames("Malaysia would return 14 Indonesian fishing boats").counts == {"boat": 14}
    # prisoners, detainees and servicemen exchanged are one thing counted; "of our" counts the noun after it
    assert read_frames("150 Ukrainian servicemen had returned").counts == read_frames("All 150 of our prisoners are home").counts
    assert read_frames("The deposit of $5 billion was made in 2024").counts == {}  # sums and years are no counts
    # different counts of different things, or of one thing in unrelated contents, are no conflict
    assert frame_conflict(read_frames("Two ministers met in Doha"), read_frames("Three ministers resigned over the budget"), 1, 1) is None


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("The last Dutch marines had left the country on Sunday", 1),
        ("There is no longer a single Belgian soldier in the region", 1),
        ("About 40 instructors remained at the airbase to train pilots", -1),
        ("The training units had gone and the remaining personnel were civilians", -1),  # some stayed behind
        ("The peacekeepers would remain in the buffer zone", -1),
    ],
)
def test_forces_gone_from_a_country_or_some_left_behind(content, sign):
    assert read_frames(content).signs.get("withdrawal") == sign


@pytest.mark.parametrize(
    "content",
    [
        "No negotiating round has taken place since the protocol lapsed",
        "No talks have been held since March",
        "The quota was the position Lisbon will defend when talks resume",
        "Details would be settled once negotiations restart",
    ],
)
def test_no_talks_held_or_talks_still_to_resume_is_no_deal(content):
    assert read_frames(content).signs.get("agreement") == -1


def test_what_someone_can_or_cannot_do():
    can = read_frames("Ferries can already dock at the new pier in Valletta")
    cannot = read_frames("Ferry operators had not been able to dock at the new pier")
    assert can.abilities == {"dock": 1} and cannot.abilities == {"dock": -1}
    assert frame_conflict(can, cannot, 1, 1) == "ability"
    assert frame_conflict(can, cannot, 1, -1) is None  # a denial of "cannot dock" says they can
    assert read_frames("Operators are now able to dock there").abilities == {"dock": 1}
    assert read_frames("The port could take weeks to reopen").abilities == {}  # "could": a supposition
    assert read_frames("If ships can dock, trade will resume").abilities == {}  # a condition
    assert read_frames("The ministry was unable to confirm the report").abilities == {}  # withholding a word
    # the same verb about unrelated things is no conflict
    assert frame_conflict(read_frames("Farmers can sell wheat abroad"), read_frames("Banks could not sell the bonds"), 1, 1) is None


@pytest.mark.parametrize(
    ("content", "frame", "sign"),
    [
        ("All 25 sailors are back home", "delivery", 1),
        ("Every one of the crew is now back with their families", "delivery", 1),
        ("The other detainees would be freed in batches", "delivery", -1),
        ("The vote is set for May 3 and it will not move", "schedule", 1),  # a date that holds is no negation
        ("May 3 was only the commission's target", "schedule", -1),
        ("The final date would be set by decree", "schedule", -1),
    ],
)
def test_home_in_batches_a_date_that_holds_and_a_target(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign


def test_a_target_hit_is_no_date():
    assert "schedule" not in read_frames("The drone hit its target near the port").signs


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("Belarusian special services were behind the drone incursion", 1),
        ("The attack came from the GRU", 1),
        ("Vilnius blames Minsk for the balloon flights", 1),
        ("Minsk was not behind the drone incursion", -1),  # the negation flips a "who did it"
        ("Belarus has nothing to do with the incident", -1),
        ("The accusations were baseless", -1),
        ("No formal attribution has been made yet", -1),
        ("The perpetrators remain unknown", -1),
        ("If Minsk was behind it, there would be consequences", 0),  # a condition
    ],
)
def test_who_did_it(content, sign):
    assert read_frames(content).signs.get("responsibility", 0) == sign


def test_an_accusation_and_its_denial_conflict_on_who_did_it():
    claim = read_frames("Belarusian special services were behind the drone incursion over the border")
    denial = read_frames("Belarus had nothing to do with the drone incursion")
    assert frame_conflict(claim, denial, 1, 1) == "responsibility"


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("The old radar station no longer exists", 1),
        ("The checkpoint was demolished last week", 1),
        ("Satellite photos showed the radar tower still standing", -1),
        ("Only some of the barracks had been taken down", -1),
        ("The dismantling would continue in stages", -1),  # still going on: not done
    ],
)
def test_something_taken_down_or_still_standing(content, sign):
    assert read_frames(content).signs.get("withdrawal") == sign


def test_a_matter_of_weeks_is_not_done():
    assert read_frames("The loan was a matter of weeks").signs.get("agreement") == -1


def test_two_rates_of_one_measure_far_apart_conflict():
    official = read_frames("Turnout in Sunday's parliamentary election was 64.2%")
    observers = read_frames("Observers recorded turnout below 40% at the stations they monitored")
    close = read_frames("Turnout was about 63%")
    assert official.counts == {"rate:turnout": 64.2} and observers.counts == {"rate:turnout": 40.0}
    assert frame_conflict(official, observers, 1, 1) == "figure"  # no other shared word needed for a named measure
    assert frame_conflict(official, close, 1, 1) is None  # rounding is no disagreement
    assert frame_conflict(official, read_frames("Inflation was 12%"), 1, 1) is None  # another measure


@pytest.mark.parametrize("content", ["The figure was preliminary", "The total was only an estimate", "The count is provisional"])
def test_a_figure_not_yet_final(content):
    assert read_frames(content).signs.get("agreement") == -1


@pytest.mark.parametrize(
    ("content", "frame", "sign"),
    [
        ("The convoy had reached the besieged town of Kadugli", "delivery", 1),
        ("The trucks were turned back at a checkpoint", "delivery", -1),
        ("The remaining trucks were waiting at the border", "delivery", -1),
        ("\"Some legal formalities\" remained before she could leave", "agreement", -1),
    ],
)
def test_a_convoy_arrives_or_not_and_formalities_remain(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign


def test_free_to_leave_and_nothing_preventing_it_are_abilities():
    assert read_frames("The reporter was \"free to leave the country\"").abilities == {"leav": 1}
    assert read_frames("Nothing prevents her from returning to her family").abilities == {"retur": 1}
    assert frame_conflict(read_frames("The reporter was free to leave the country"),
                          read_frames("The reporter remained under a travel ban and could not leave the country"), 1, 1) == "ability"


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("A power substation had been damaged and 40,000 households were without electricity", 1),
        ("All designated targets were hit", 1),
        ("Debris fell on a depot, causing a fire", 1),
        ("No energy facilities had been damaged", -1),
        ("The strike caused no damage", -1),
        ("If the dam is hit, the valley floods", 0),  # a condition
    ],
)
def test_things_hit_or_not(content, sign):
    assert read_frames(content).signs.get("damage", 0) == sign


def test_damage_in_the_incident_needs_no_shared_word():
    assert frame_conflict(read_frames("No energy facilities had been damaged"), read_frames("All designated targets were hit"), 1, 1) == "damage"


@pytest.mark.parametrize(
    ("content", "frame", "sign"),
    [
        ("The first volumes are already in our grid", "delivery", 1),
        ("Commercial deliveries would follow within weeks", "delivery", -1),
        ("The pipeline was still in its testing phase", "activity", -1),
        ("The quota was only a Hungarian proposal", "agreement", -1),
    ],
)
def test_volumes_in_the_grid_a_testing_phase_and_a_proposal(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign


@pytest.mark.parametrize(
    ("content", "frame", "sign"),
    [
        ("Washington had agreed to cut tariffs on Vietnamese catfish", "activity", 1),
        ("The tariffs \"remain in effect\"", "activity", -1),
        ("The annual review of the duties had not been completed", "agreement", -1),
        ("Preliminary results were expected in the summer", "agreement", -1),
        ("The number of flights would depend on the weather", "agreement", -1),
    ],
)
def test_duties_cut_or_in_effect_and_a_review_not_done(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("Belarusian units had massed near the Polish border", 1),
        ("We counted 30 tanks within ten kilometers of the border", 1),
        ("No units had been moved toward the border", -1),
        ("Patrols had observed no unusual movements", -1),
        ("A routine exercise was under way at a base far from the frontier", -1),
    ],
)
def test_forces_gathered_at_a_border_or_not(content, sign):
    assert read_frames(content).signs.get("buildup") == sign
    assert frame_conflict(read_frames("Belarusian units had massed near the Polish border"), read_frames("Patrols had observed no unusual movements"), 1, 1) == "buildup"


@pytest.mark.parametrize(
    ("content", "sign"),
    [
        ("The measles outbreak had been contained", 1),
        ("The epidemic is under control", 1),
        ("No new cases were recorded last week", 1),
        ("Clinics admitted 80 patients, up from 35 the week before", -1),
        ("Suspected cases were still increasing", -1),
        ("The outbreak was not under control", -1),  # a negation flips it
    ],
)
def test_an_outbreak_under_control_or_growing(content, sign):
    assert read_frames(content).signs.get("control") == sign


@pytest.mark.parametrize("content", ["The sum was the figure we put on the table", "The ministers discussed the possibility of a meeting"])
def test_an_opening_figure_and_a_possibility_discussed_are_no_deal(content):
    assert read_frames(content).signs.get("agreement") == -1


def test_a_gate_still_closed_and_talks_with_someone_progressing():
    assert read_frames("The gate was still closed and soldiers had turned away two trucks").signs.get("activity") == -1
    assert read_frames("Talks with Qatar \"are progressing\"").signs.get("agreement") == -1


@pytest.mark.parametrize(
    ("content", "frame", "sign"),
    [
        ("Our nine sailors are free and back at sea", "delivery", 1),
        ("The two remaining sailors were expected to be released next week", "delivery", -1),
        ("The final price would be set in the contract", "agreement", -1),
        ("The reopening was \"the goal of ongoing contacts\"", "schedule", -1),
    ],
)
def test_freed_or_still_expected_a_price_to_be_set_and_a_quoted_goal(content, frame, sign):
    assert read_frames(content).signs.get(frame) == sign
