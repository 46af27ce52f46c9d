"""Assignment 8 (Your own plan): mistake bank and requirement table.

One more test: part (c)'s check names a wrong ask list of part (b) as the cause.
"""

from __future__ import annotations

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

FOLDER = SOLUTIONS / "ps08-your-plan"

NOTEBOOK = Notebook(FOLDER)
edit = NOTEBOOK.edit

A = "part-a-answer"
B = "part-b-answer"
C = "part-c-answer"
D = "part-d-answer"
E = "part-e-answer"

A_RETURN = "return bool((there & within_two) - {network.me})"
A_TOP = 'top_five = cc.make_lamp(lamp)["employer"].head(5).tolist()'
A_MINE = 'mine = sorted(set(network.people["organization"]) - {"", where_i_work})'
A_ROWS = 'lamp = pd.DataFrame({"employer": mine + MORE_EMPLOYERS})'
A_ADVOCACY = 'lamp["advocacy"] = [advocacy(network, e) for e in lamp["employer"]]'
B_ROW = (
    '"person": chain.target.id,\n'
    '                "introducer": chain.introducer.id,\n'
    '                "hops": chain.hops,'
)
B_NONE = 'rows.append({"employer": employer, "person": "", "introducer": "", "hops": None})'
C_KEY = "requests[contact.id] = introduction(contact, person)"
C_NO = '"No worries at all if you would rather not.\\n\\n"'
C_BLURB = '"Here is a short note you could forward:\\n\\n"'
C_GREETING = 'f"Dear {person.name.split()[0]},\\n\\n'
C_THANKS = '"in the next few weeks to tell me about your path?\\n\\nThank you for your time."'
D_FIRST = 'first_person = network.person(next(p for p in ask["person"] if p))'
D_SAVE = 'PLAN_FILE.write_text(first_plan.to_markdown(), encoding="utf-8")'
E_DATES = (
    '"second_contact_due": dates.second_contact_on,\n'
    '            "follow_up_due": dates.follow_up_on,'
)
E_ROWS = "for person in requests\n"


#: A LAMP list that make_lamp refuses stops the answer cell at its last line,
#: before `top_five` is made: the LAMP checks name the cause; the top-five
#: check (in the kernel: "`top_five` is not defined yet") is not this mistake's.
LAMP_CHECKS = ("part-a-lamp", "part-a-hidden")


def _a(name: str, old: str, new: str, expected: str, checks=None) -> Variant:
    return Variant("a", name, edit(A, old, new), expected, checks=checks)


def _b(name: str, old: str, new: str, expected: str) -> Variant:
    return Variant("b", name, edit(B, old, new), expected)


def _c(name: str, old: str, new: str, expected: str) -> Variant:
    return Variant("c", name, edit(C, old, new), expected)


def _d(name: str, old: str, new: str, expected: str) -> Variant:
    return Variant("d", name, edit(D, old, new), expected)


def _e(name: str, old: str, new: str, expected: str) -> Variant:
    return Variant("e", name, edit(E, old, new), expected)


MISTAKES = [
    # (a) advocacy, the LAMP list, the top five
    _a("one hop only", A_RETURN, "return bool((there & near) - {network.me})", r"says no"),
    _a("anyone there, however far", A_RETURN, "return bool(there)", r"says yes"),
    _a(
        "a set instead of True or False",
        A_RETURN,
        "return (there & within_two) - {network.me}",
        r"True or False",
        checks=LAMP_CHECKS,
    ),
    _a(
        "three hops",
        A_RETURN,
        "for person in set(within_two):\n"
        "        within_two.update(network.neighbors(person))\n"
        "    " + A_RETURN,
        r"says yes",
    ),
    _a("no return", A_RETURN, "bool((there & within_two) - {network.me})", r"forget `return`"),
    _a(
        "only the network's employers",
        A_ROWS,
        'lamp = pd.DataFrame({"employer": mine})',
        r"at least 40",
        checks=LAMP_CHECKS,
    ),
    _a(
        "39 employers, one short",
        A_ROWS,
        "MORE_EMPLOYERS = MORE_EMPLOYERS[: 39 - len(mine)]\n" + A_ROWS,
        r"39 employers; list at least 40",
        checks=LAMP_CHECKS,
    ),
    _a(
        "one outside employer left out",
        A_ROWS,
        'lamp = pd.DataFrame({"employer": mine + MORE_EMPLOYERS[1:]})',
        r"leaves out Alder Street Clinic, from MORE_EMPLOYERS",
    ),
    _a(
        "only the employers found outside",
        A_ROWS,
        'lamp = pd.DataFrame({"employer": MORE_EMPLOYERS})',
        r"organisation",
    ),
    _a(
        "the learner's own employer kept",
        A_MINE,
        'mine = sorted(set(network.people["organization"]) - {""})',
        r"where you work",
    ),
    _a("advocacy all False", A_ADVOCACY, 'lamp["advocacy"] = False', r"advocacy"),
    _a(
        "motivation of 4",
        "3 if industry_of.get(e) == my_industry else 2",
        "4 if industry_of.get(e) == my_industry else 2",
        r"motivation",
        checks=LAMP_CHECKS,
    ),
    _a(
        "posting below 1",
        'lamp["posting"] = [3 if e in mine else 1',
        'lamp["posting"] = [3 if e in mine else 0',
        r"posting",
        checks=LAMP_CHECKS,
    ),
    _a("top five unsorted", A_TOP, 'top_five = lamp["employer"].head(5).tolist()', r"Place"),
    _a(
        "top four",
        A_TOP,
        'top_five = cc.make_lamp(lamp)["employer"].head(4).tolist()',
        r"names 4",
    ),
    _a(
        "sorted smallest first",
        A_TOP,
        'top_five = lamp.sort_values(["motivation", "posting", "advocacy"])["employer"]'
        ".head(5).tolist()",
        r"Place",
    ),
    _a(
        "top five as a table",
        A_TOP,
        "top_five = cc.make_lamp(lamp).head(5)",
        r"top_five is a table, and a loop over a table gives its column names",
    ),
    _a(
        "the first employer skipped",
        A_TOP,
        'top_five = cc.make_lamp(lamp)["employer"].iloc[1:6].tolist()',
        r"Place 1",
    ),
    # (b) whom to ask
    _b(
        "fewest hops instead of strongest",
        "chain = cc.strongest_chain(network, target=",
        "chain = cc.shortest_chain(network, target=",
        r"stronger one exists",
    ),
    _b(
        "introducer is the target",
        "chain.introducer.id",
        "chain.target.id",
        r"whom you do not know",
    ),
    _b("introducer is you", "chain.introducer.id", "chain.ids[0]", r"not someone you know"),
    _b("introductions instead of hops", '"hops": chain.hops,', '"hops": chain.hops - 1,', r"hops"),
    _b("people counted instead of hops", '"hops": chain.hops,', '"hops": len(chain.ids),', r"hops"),
    _b(
        "names instead of ids",
        '"person": chain.target.id,',
        '"person": chain.target.name,',
        r"person is",
    ),
    _b("no row where nobody can be reached", B_NONE, "pass", r"no row for"),
    _b(
        "someone named where nobody can be reached",
        B_NONE,
        'rows.append({"employer": employer, "person": "nobody", "introducer": "nobody", '
        '"hops": None})',
        r"Nowhere Mapped Ltd",
    ),
    _b(
        "no hops column",
        B_ROW,
        '"person": chain.target.id,\n                "introducer": chain.introducer.id,',
        r"'hops' column",
    ),
    _b(
        "a list of rows instead of a DataFrame",
        "return pd.DataFrame(rows)",
        "return rows",
        r"DataFrame",
    ),
    _b(
        "the employers sorted in place",
        "rows = []",
        "employers.sort()\n    rows = []",
        r"changed the list `employers` it was given",
    ),
    # (c) two first messages
    _c("only one message", "len(requests) == 2", "len(requests) == 1", r"write two"),
    _c(
        "writing first to the stranger",
        C_KEY,
        "requests[person.id] = request(person)",
        r"You do not know .* yet, so do not write to them first",
    ),
    _c(
        "keyed by name",
        C_KEY,
        "requests[contact.name] = introduction(contact, person)",
        r"not whom",
    ),
    _c(
        "no name in the greeting",
        'f"Hi {contact.name.split()[0]},',
        'f"Hi there,',
        r"greet them by name",
    ),
    _c(
        "the contact greeted by the target's name",
        'f"Hi {contact.name.split()[0]},',
        'f"Hi {person.name.split()[0]},',
        r"greet them by name",
    ),
    _c("no easy no", C_NO, '"\\n\\n"', r"easy way to say no"),
    _c("no blurb", C_BLURB, '"\\n\\n"', r"blurb"),
    _c(
        "a job in the blurb",
        "would value 20 minutes with you",
        "would like a job with you",
        r"job",
    ),
    _c(
        "a request over 75 words",
        C_THANKS,
        '"in the next few weeks to tell me about your path? I have read about your team, '
        "your projects and your field for a long time, and I would be very glad to hear "
        "how you see it, what you would do again and what you would change, and what "
        'surprised you most in your first years.\\n\\nThank you for your time."',
        r"102 words; aim for under 75",
    ),
    _c(
        "a job in the request",
        "I am exploring work like yours",
        "I am looking for a job like yours",
        r"job",
    ),
    _c(
        "no connection in the request",
        f'{C_GREETING}We are connected on LinkedIn, and I have followed "\n'
        '        f"your work. I am',
        f"{C_GREETING}I am",
        r"connect",
    ),
    # (d) the first conversation
    _d(
        "the second person planned",
        D_FIRST,
        'first_person = network.person([p for p in ask["person"] if p][1])',
        r"the first person on your ask list",
    ),
    _d("45 minutes", "minutes=20,", "minutes=45,", r"15 to 30"),
    _d("10 minutes", "minutes=20,", "minutes=10,", r"15 to 30"),
    _d("31 minutes", "minutes=20,", "minutes=31,", r"15 to 30"),
    _d(
        "an id as the interviewee",
        "interviewee=first_person)",
        "interviewee=first_person.id)",
        r"make it for",
    ),
    _d(
        "changed after saving",
        D_SAVE,
        D_SAVE + '\nfirst_plan = cc.plan_interview(["day-to-day", "skills"], minutes=25,\n'
        "                               interviewee=first_person)",
        r"save it again",
    ),
    _d(
        "another plan saved",
        D_SAVE,
        'PLAN_FILE.write_text(cc.plan_interview(["skills"]).to_markdown(), encoding="utf-8")',
        r"to_markdown",
    ),
    _d(
        "the text kept instead of the plan",
        D_SAVE,
        'first_plan = first_plan.to_markdown()\nPLAN_FILE.write_text(first_plan, encoding="utf-8")',
        r"plan_interview",
    ),
    _d(
        "never saved",
        D_SAVE,
        "PLAN_FILE.unlink(missing_ok=True)  # a fresh folder: nothing saved yet",
        r"Save the plan",
    ),
    # (e) the next three weeks
    _e(
        "calendar days",
        E_DATES,
        '"second_contact_due": START + datetime.timedelta(days=3),\n'
        '            "follow_up_due": START + datetime.timedelta(days=7),',
        r"business days",
    ),
    _e(
        "the two dates swapped",
        E_DATES,
        '"second_contact_due": dates.follow_up_on,\n'
        '            "follow_up_due": dates.second_contact_on,',
        r"business days",
    ),
    _e(
        "sent a week early",
        '"sent_on": START,',
        '"sent_on": datetime.date(2026, 11, 30),',
        r"sends it on",
    ),
    _e(
        "ids as contacts",
        '"contact": network.person(person).name,',
        '"contact": person,',
        r"is an id: write the name of the person written to",
    ),
    _e("one message left out", E_ROWS, "for person in list(requests)[:1]\n", r"no row for"),
    _e("no 3B7 dates", E_DATES, "", r"column"),
    _e(
        "the follow-up on the third day",
        E_DATES,
        '"second_contact_due": dates.second_contact_on,\n'
        '            "follow_up_due": dates.second_contact_on,',
        r"follow_up_due",
    ),
    _e(
        "a row for the person not written to",
        E_ROWS,
        "for person in [*requests, next(p for p in ask['person'] if p and p not in requests)]\n",
        r"holds no message: one row per message",
    ),
    _e(
        "no organization",
        '"organization": network.person(person).organization,\n',
        "",
        r"no organization for",
    ),
]

RIGHT = [
    Variant("a", "the solution", NOTEBOOK.answers[A]),
    Variant(
        "a",
        "exactly 40 employers",
        edit(A, A_ROWS, "MORE_EMPLOYERS = MORE_EMPLOYERS[: 40 - len(mine)]\n" + A_ROWS),
    ),
    Variant(
        "a",
        "advocacy from within_reach",
        edit(A, A_RETURN, "return len(cc.employer_plan.within_reach(network, employer)) > 0"),
    ),
    Variant(
        "a",
        "advocacy as numpy's True or False",
        edit(A, A_RETURN, "return pd.Series(sorted(there)).isin(within_two - {network.me}).any()"),
    ),
    Variant(
        "a",
        "advocacy with any()",
        edit(A, A_RETURN, "return any(p in within_two and p != network.me for p in there)"),
    ),
    Variant(
        "a",
        "advocacy written yes and no",
        edit(
            A,
            A_ADVOCACY,
            'lamp["advocacy"] = ["yes" if advocacy(network, e) else "no"'
            ' for e in lamp["employer"]]',
        ),
    ),
    Variant(
        "a",
        "top five as a Series",
        edit(A, A_TOP, 'top_five = cc.make_lamp(lamp)["employer"].head(5)'),
    ),
    Variant(
        "a",
        "top five sorted by hand",
        edit(
            A,
            A_TOP,
            'top_five = list(lamp.sort_values(["motivation", "posting", "advocacy"], '
            'ascending=False, kind="stable")["employer"][:5])',
        ),
    ),
    Variant(
        "b",
        "None where nobody can be reached",
        edit(
            B,
            B_NONE,
            'rows.append({"employer": employer, "person": None, "introducer": None, "hops": None})',
        ),
    ),
    Variant(
        "b",
        "rows in another order",
        edit(B, "return pd.DataFrame(rows)", 'return pd.DataFrame(rows).sort_values("employer")'),
    ),
    Variant(
        "b", "hops as a float", edit(B, '"hops": chain.hops,', '"hops": float(len(chain.ids) - 1),')
    ),
    Variant(
        "b",
        "NaN where nobody can be reached",
        edit(
            B,
            B_NONE,
            'rows.append({"employer": employer, "person": float("nan"), '
            '"introducer": float("nan"), "hops": float("nan")})',
        ),
    ),
    Variant(
        "c",
        "Dear instead of Hi",
        edit(C, 'f"Hi {contact.name.split()[0]},', 'f"Dear {contact.name.split()[0]},'),
    ),
    Variant("c", "another easy no", edit(C, C_NO, '"I completely understand if not.\\n\\n"')),
    Variant(
        "c",
        "ids made text",
        edit(C, C_KEY, "requests[str(contact.id)] = introduction(contact, person)"),
    ),
    Variant(
        "c", "15 to 20 minutes", edit(C, "would value 20 minutes", "would value 15 to 20 minutes")
    ),
    Variant("d", "30 minutes, the upper bound", edit(D, "minutes=20,", "minutes=30,")),
    Variant("d", "15 minutes, the lower bound", edit(D, "minutes=20,", "minutes=15,")),
    Variant(
        "d",
        "saved with open()",
        edit(
            D,
            D_SAVE,
            'with open(PLAN_FILE, "w", encoding="utf-8") as handle:\n'
            '    handle.write(first_plan.to_markdown() + "\\n")',
        ),
    ),
    Variant(
        "d",
        "the interviewee's name",
        edit(D, "interviewee=first_person)", "interviewee=first_person.name)"),
    ),
    Variant(
        "e",
        "dates as text",
        edit(
            E,
            E_DATES,
            '"second_contact_due": str(dates.second_contact_on),\n'
            '            "follow_up_due": str(dates.follow_up_on),',
        ),
    ),
    Variant(
        "e",
        "dates from pandas' business days",
        edit(
            E,
            E_DATES,
            '"second_contact_due": (pd.Timestamp(START) + pd.offsets.BDay(3)).date(),\n'
            '            "follow_up_due": pd.Timestamp(START) + pd.offsets.BDay(7),',
        ),
    ),
    Variant(
        "e", "a plain DataFrame", edit(E, "tracker = cc.make_tracker(", "tracker = pd.DataFrame(")
    ),
    Variant(
        "e", "the start as text", edit(E, '"sent_on": START,', '"sent_on": START.isoformat(),')
    ),
    Variant(
        "e",
        "company instead of organization",
        edit(
            E,
            '"organization": network.person(person).organization,',
            '"company": network.person(person).organization,',
        ),
    ),
]

BANK = MISTAKES + RIGHT

REQUIREMENTS = [
    # (a)
    Requirement("a", "holds at least 40 employers", "part-a-lamp", "39 employers, one short"),
    Requirement("a", "holds at least 40 employers", "part-a-lamp", "exactly 40 employers"),
    Requirement(
        "a",
        "Motivation (how much you want to work there, 0–3)",
        "part-a-lamp",
        "motivation of 4",
    ),
    Requirement(
        "a",
        "Posting (do they advertise roles like the one you want, 1–3)",
        "part-a-lamp",
        "posting below 1",
    ),
    Requirement(
        "a",
        "`True` when someone at the employer is within two hops of you",
        "part-a-hidden",
        "one hop only",
    ),
    Requirement(
        "a",
        "within two hops of you — someone you know, or someone they know",
        "part-a-lamp",
        "three hops",
    ),
    Requirement(
        "a",
        "one row for each organisation in your network (except the one you work for now)",
        "part-a-lamp",
        "the learner's own employer kept",
    ),
    Requirement("a", "and each of `MORE_EMPLOYERS`", "part-a-lamp", "only the network's employers"),
    Requirement("a", "fill `advocacy` with your function", "part-a-lamp", "advocacy all False"),
    Requirement(
        "a",
        "`top_five`: the first five employers of your sorted list",
        "part-a-top-five",
        "top five unsorted",
    ),
    Requirement(
        "a",
        "Sorted by motivation, then posting, then advocacy, its top five are where you start.",
        "part-a-top-five",
        "sorted smallest first",
    ),
    # (b)
    Requirement(
        "b",
        "the person there you can reach by the strongest chain",
        "part-b-ask",
        "fewest hops instead of strongest",
    ),
    Requirement(
        "b",
        "For each employer, the person you can reach best there and whom to ask first.",
        "part-b-ask",
        "fewest hops instead of strongest",
    ),
    Requirement(
        "b",
        "`ask_list(network, employers)`: a DataFrame with one row per employer",
        "part-b-ask",
        "a list of rows instead of a DataFrame",
    ),
    Requirement("b", "`person` (their id)", "part-b-ask", "names instead of ids"),
    Requirement(
        "b",
        "`introducer` (the id of your contact who starts the chain",
        "part-b-ask",
        "introducer is the target",
    ),
    Requirement("b", "and `hops`", "part-b-ask", "no hops column"),
    Requirement(
        "b",
        "Where nobody can be reached, leave `person` and `introducer` empty.",
        "part-b-hidden",
        "someone named where nobody can be reached",
    ),
    Requirement(
        "b",
        "Where nobody can be reached, leave `person` and `introducer` empty.",
        "part-b-hidden",
        "NaN where nobody can be reached",
    ),
    # (c)
    Requirement(
        "c",
        "For the first two employers on your ask list where someone can be reached",
        "part-c-requests",
        "only one message",
    ),
    Requirement(
        "c",
        "Say how you are connected in the first sentence",
        "part-c-requests",
        "no connection in the request",
    ),
    Requirement("c", "stay under 75 words", "part-c-requests", "a request over 75 words"),
    Requirement("c", "never mention a job", "part-c-requests", "a job in the request"),
    Requirement(
        "c",
        'so "X suggested I write to you" would not be true.',
        "part-c-requests",
        "writing first to the stranger",
    ),
    Requirement("c", "an easy way to say no", "part-c-requests", "no easy no"),
    Requirement("c", "a short blurb they can forward", "part-c-requests", "no blurb"),
    Requirement(
        "c",
        "`requests`: a dictionary mapping the id of the person each message goes to",
        "part-c-requests",
        "keyed by name",
    ),
    Requirement(
        "c",
        "greet them by their first name",
        "part-c-requests",
        "the contact greeted by the target's name",
    ),
    # (d)
    Requirement(
        "d",
        "Plan your conversation with the first person on your ask list",
        "part-d-plan",
        "the second person planned",
    ),
    Requirement("d", "ask for 15 to 30 minutes", "part-d-plan", "31 minutes"),
    Requirement("d", "ask for 15 to 30 minutes", "part-d-plan", "15 minutes, the lower bound"),
    Requirement("d", "save the agenda", "part-d-plan", "never saved"),
    Requirement("d", "then save `first_plan.to_markdown()`", "part-d-plan", "changed after saving"),
    # (e)
    Requirement(
        "e", "for the two messages you send on `START`", "part-e-tracker", "sent a week early"
    ),
    Requirement("e", "three business days later", "part-e-tracker", "calendar days"),
    Requirement(
        "e",
        "seven business days later, one short follow-up",
        "part-e-tracker",
        "the follow-up on the third day",
    ),
    Requirement(
        "e", "one row per message", "part-e-tracker", "a row for the person not written to"
    ),
    Requirement("e", "one row per message", "part-e-tracker", "one message left out"),
    Requirement(
        "e", "`contact` (the name of the person you wrote to)", "part-e-tracker", "ids as contacts"
    ),
    Requirement("e", "`organization`, `sent_on`", "part-e-tracker", "no organization"),
]

#: Sentences with a requirement word that ask nothing of the learner's code:
#: pointers to the library, and part (f), which the instructor marks by hand.
ASIDES = [
    "gives a chain with `.target`, `.introducer` and `.hops`",
    "write the first message (Module 3) — and send it to the right person",
    "A plan only works if you keep it.",
    "Names at least three of the five",
    "Rubric (2 points).",
    "(f2) The first minutes.",
    "Write the 30-second introduction",
    "Applies 3B7:",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcde"


def test_later_parts_blame_a_wrong_ask_list():
    """With names instead of ids in `ask`, part (c)'s check names part (b) as the cause."""
    wrong = next(v for v in MISTAKES if v.name == "names instead of ids")
    results = NOTEBOOK.run(
        Variant("b", wrong.name, wrong.answer, wrong.expected, checks=("part-c-requests",))
    )
    result = results["part-c-requests"]
    assert result.error.startswith("CheckFailed: "), result.error
    assert "(part b) is the cause" in result.message
