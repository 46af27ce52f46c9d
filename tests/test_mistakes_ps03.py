"""Assignment 3 (Reaching out): mistake bank and requirement table."""

from __future__ import annotations

from mistake_bank import SOLUTIONS, BankTests, Notebook, Requirement, Variant

NOTEBOOK = Notebook(SOLUTIONS / "ps03-reaching-out")

PART_A = """
def count_words(text):
    return len(re.findall(r"\\w+(?:['’-]\\w+)*", text))


def too_long(text, limit=75):
    return count_words(text) >= limit


def find_job_words(text):
    pattern = (
        r"\\b(?:jobs?|positions?|openings?|internships?|vacanc(?:y|ies)|hiring|hire[sd]?"
        r"|r[eé]sum[eé]s?|cvs?)\\b|\\bpick(?:ing)?\\s+your\\s+brains?\\b"
    )
    return re.findall(pattern, text, flags=re.IGNORECASE)
"""

PART_B = """
def first_sentence(email):
    lines = email.strip().splitlines()
    if lines and re.match(r"\\s*(?:hi|hello|dear)\\b", lines[0], flags=re.IGNORECASE):
        lines = lines[1:]
    body = " ".join(" ".join(lines).split())
    end = re.search(r"[.?!](\\s|$)", body)
    return body[: end.start() + 1] if end else body


def names_connection(email, introducer):
    return " ".join(introducer.split()).lower() in first_sentence(email).lower()
"""

REQUEST = '''my_request = """Hi Amara,
Farah Siddiqui suggested that I write to you. Your research on the Pulsewise
patient app caught my eye, and I would love to hear how your team tests new
ideas with patients. Would you be open to a 20-minute call in the next few
weeks, at a time that suits you?
Best wishes,
Alex"""
'''

DRAFT = """
def draft_request(network, target):
    person = network.person(target)
    chain = introducers(network, source=network.me, target=target, max_hops=2)[0]
    return (
        f"Hi {person.name.split()[0]},\\n"
        f"{chain.introducer.name} suggested that I write to you. You work at "
        f"{person.organization} ({person.role}), and I am curious about your work there "
        "and how you see your field changing. Would you be open to a 20-minute call in "
        "the next few weeks, "
        "at a time that suits you?\\nBest wishes,\\nAlex"
    )
"""

PART_D = """
def sort_lamp(lamp):
    table = lamp.copy()
    said = table["advocacy"].fillna("").astype(str).str.strip().str.lower()
    table["advocacy"] = said.isin(["yes", "y"])
    return table.sort_values(["motivation", "posting", "advocacy"], ascending=False, kind="stable")
"""

PART_E = """
def three_b_seven(sent_on, holidays):
    second = np.busday_offset(sent_on, 3, roll="forward", holidays=holidays)
    follow_up = np.busday_offset(sent_on, 7, roll="forward", holidays=holidays)
    return second, follow_up
"""


def swap(source: str, old: str, new: str) -> str:
    """``source`` with one piece changed (it must be there)."""
    assert old in source, old
    return source.replace(old, new)


COUNT = 'len(re.findall(r"\\w+(?:[\'’-]\\w+)*", text))'
BANK = [
    # ------------------------------------------------------------------ (a)
    Variant("a", "the solution's functions", PART_A),
    Variant("a", "hyphen first in the brackets", swap(PART_A, "['’-]", "[-'’]")),
    Variant(
        "a",
        "words counted with finditer",
        swap(PART_A, COUNT, 'sum(1 for _ in re.finditer(r"[^\\W_]+(?:[\'’-][^\\W_]+)*", text))'),
    ),
    Variant(
        "a",
        "job words found with finditer, lower-cased",
        swap(
            PART_A,
            "return re.findall(pattern, text, flags=re.IGNORECASE)",
            "return [m.group(0) for m in re.finditer(pattern, text, re.I)]",
        ),
    ),
    Variant(
        "a",
        "a numpy count and a numpy truth value",
        swap(PART_A, f"return {COUNT}", f"return np.int64({COUNT})").replace(
            "return count_words(text) >= limit", "return np.bool_(count_words(text) >= limit)"
        ),
    ),
    Variant(
        "a",
        "words split on spaces",
        swap(PART_A, COUNT, "len(text.split())"),
        r"dash standing alone",
    ),
    Variant("a", "no apostrophes or hyphens", swap(PART_A, "(?:['’-]\\w+)*", ""), r"one word each"),
    Variant("a", "straight apostrophe only", swap(PART_A, "['’-]", "['-]"), r"curly apostrophe"),
    Variant("a", "exactly the limit passes", swap(PART_A, ">= limit", "> limit"), r"exactly"),
    Variant(
        "a",
        "the limit written in",
        swap(PART_A, "count_words(text) >= limit", "count_words(text) >= 75"),
        r"limit you are given",
    ),
    Variant(
        "a",
        "case matters",
        swap(PART_A, ", flags=re.IGNORECASE", ""),
        r"IGNORECASE",
    ),
    Variant(
        "a",
        "no word boundaries",
        swap(PART_A, 'r"\\b(?:jobs?', 'r"(?:jobs?').replace("|cvs?)\\b", "|cvs?)"),
        r"\\b",
    ),
    Variant(
        "a",
        "each job word once, sorted",
        swap(
            PART_A,
            "return re.findall(pattern, text, flags=re.IGNORECASE)",
            "return sorted(set(re.findall(pattern, text, flags=re.IGNORECASE)))",
        ),
        r"job word",
    ),
    Variant(
        "a",
        "job words lower-cased",
        swap(
            PART_A,
            "return re.findall(pattern, text, flags=re.IGNORECASE)",
            "return [w.lower() for w in re.findall(pattern, text, flags=re.IGNORECASE)]",
        ),
        r"as written|written as|as in the text",
    ),
    Variant(
        "a",
        "too_long counts its own way",
        swap(PART_A, "return count_words(text) >= limit", "return len(text.split()) >= limit"),
        r"count_words|dash",
    ),
    # ------------------------------------------------------------------ (b)
    Variant("b", "the solution's functions", PART_B),
    Variant(
        "b",
        "sentence without its mark",
        swap(
            PART_B,
            "return body[: end.start() + 1] if end else body",
            "return body[: end.start()] if end else body",
        ),
    ),
    Variant(
        "b",
        "connection found with re.search",
        swap(
            PART_B,
            '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
            "bool(re.search(re.escape(introducer), first_sentence(email), re.I))",
        ),
    ),
    Variant(
        "b",
        "greeting found with startswith",
        swap(
            PART_B,
            'if lines and re.match(r"\\s*(?:hi|hello|dear)\\b", lines[0], flags=re.IGNORECASE):',
            "if lines and lines[0].strip().lower().startswith(('hi', 'hello', 'dear')):",
        ),
    ),
    Variant(
        "b",
        "greeting kept",
        swap(PART_B, "        lines = lines[1:]\n", "        pass\n"),
        r"greeting",
    ),
    Variant(
        "b",
        "only a full stop ends it",
        swap(PART_B, 'r"[.?!](\\s|$)"', 'r"[.](\\s|$)"'),
        r"runs on past its end",
    ),
    Variant(
        "b",
        "any full stop ends it",
        swap(PART_B, 'r"[.?!](\\s|$)"', 'r"[.?!]"'),
        r"3\.5|stops too early|followed by a space",
    ),
    Variant(
        "b",
        "first line only",
        swap(PART_B, 'body = " ".join(" ".join(lines).split())', "body = lines[0]"),
        r"stops too early",
    ),
    Variant(
        "b",
        "greeting in lower case only",
        swap(PART_B, "flags=re.IGNORECASE)", "flags=0)"),
        r"greeting",
    ),
    Variant(
        "b",
        "connection anywhere in the email",
        swap(PART_B, "in first_sentence(email).lower()", "in email.lower()"),
        r"who suggested you write",
    ),
    Variant(
        "b",
        "case matters for the name",
        swap(
            PART_B,
            '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
            "introducer in first_sentence(email)",
        ),
        r"ignoring case",
    ),
    Variant(
        "b",
        "first name is enough",
        swap(
            PART_B,
            '" ".join(introducer.split()).lower() in first_sentence(email).lower()',
            "introducer.split()[0].lower() in first_sentence(email).lower()",
        ),
        r"whole name",
    ),
    # ------------------------------------------------------------------ (c)
    Variant("c", "the solution's email and draft", REQUEST + DRAFT),
    Variant("c", "signed off with thanks", REQUEST.replace("Best wishes", "Thank you") + DRAFT),
    Variant(
        "c", "a 15–20 minute call", swap(REQUEST, "20-minute call", "15–20 minute call") + DRAFT
    ),
    Variant("c", "the last introducer", REQUEST + swap(DRAFT, "max_hops=2)[0]", "max_hops=2)[-1]")),
    Variant("c", "title and surname", swap(REQUEST, "Hi Amara,", "Dear Ms Nwosu,") + DRAFT),
    Variant(
        "c",
        "what the work involves",
        swap(
            REQUEST,
            "Your research on the Pulsewise\npatient app caught my eye, and I would love to "
            "hear how your team tests new\nideas with patients.",
            "I would love to hear what your work at\nPulsewise involves.",
        )
        + DRAFT,
    ),
    Variant(
        "c", "a 30-minute call (the upper bound)", swap(REQUEST, "20-minute", "30-minute") + DRAFT
    ),
    Variant(
        "c", "a 15-minute call (the lower bound)", swap(REQUEST, "20-minute", "15-minute") + DRAFT
    ),
    Variant(
        "c", "a 45-minute call", swap(REQUEST, "20-minute", "45-minute") + DRAFT, r"45 minutes"
    ),
    Variant("c", "a 10-minute call", swap(REQUEST, "20-minute", "10-minute") + DRAFT, r"too short"),
    Variant(
        "c",
        "introducer only at the end",
        swap(REQUEST, "Farah Siddiqui suggested that I write to you. ", "").replace(
            "Best wishes", "Farah Siddiqui says hello.\nBest wishes"
        )
        + DRAFT,
        r"who suggested you write: Farah Siddiqui",
    ),
    Variant(
        "c",
        "an hour",
        swap(REQUEST, "a 20-minute call", "an hour on a call") + DRAFT,
        r"60 minutes",
    ),
    Variant(
        "c",
        "the ask is a statement",
        swap(
            REQUEST,
            "Would you be open to a 20-minute call in the next few\nweeks, at a "
            "time that suits you?",
            "I would like a 20-minute call in the next few weeks.",
        )
        + DRAFT,
        r"question",
    ),
    Variant(
        "c",
        "asks about openings",
        swap(
            REQUEST,
            "tests new\nideas with patients.",
            "tests new\nideas with patients, and whether there are any openings.",
        )
        + DRAFT,
        r"openings",
    ),
    Variant(
        "c",
        "no name in the greeting",
        swap(REQUEST, "Hi Amara,", "Hi there,") + DRAFT,
        r"Greet Amara Nwosu by name",
    ),
    Variant(
        "c",
        "a wish to work there instead of an interest",
        swap(
            REQUEST,
            "Your research on the Pulsewise\npatient app caught my eye, and I would love to "
            "hear how your team tests new\nideas with patients.",
            "Your team at Pulsewise sounds great,\nand I would love to work at Pulsewise.",
        )
        + DRAFT,
        r"would like to work there",
    ),
    Variant(
        "c",
        "the draft names the reader as introducer",
        REQUEST + swap(DRAFT, "{chain.introducer.name} suggested", "{person.name} suggested"),
        r"who suggested you write",
    ),
    Variant(
        "c",
        "the draft greets nobody",
        REQUEST + swap(DRAFT, 'f"Hi {person.name.split()[0]},\\n"', '"Hi there,\\n"'),
        r"by name",
    ),
    Variant(
        "c",
        "the draft asks for an hour",
        REQUEST + swap(DRAFT, "a 20-minute call", "an hour-long call"),
        r"60 minutes",
    ),
    # ------------------------------------------------------------------ (d)
    Variant("d", "the solution's sort", PART_D),
    Variant("d", "mergesort", swap(PART_D, 'kind="stable"', 'kind="mergesort"')),
    Variant(
        "d",
        "anything starting with y",
        swap(PART_D, 'said.isin(["yes", "y"])', 'said.str.startswith("y")'),
    ),
    Variant(
        "d",
        "three ascending flags, index reset",
        swap(
            PART_D,
            'ascending=False, kind="stable")',
            "ascending=[False, False, False]).reset_index(drop=True)",
        ),
    ),
    Variant("d", "lowest first", swap(PART_D, "ascending=False", "ascending=True"), r"upside down"),
    Variant(
        "d",
        "in the order of the letters",
        swap(
            PART_D, '["motivation", "posting", "advocacy"]', '["advocacy", "motivation", "posting"]'
        ),
        r"letters in LAMP",
    ),
    Variant(
        "d",
        "advocacy before posting",
        swap(
            PART_D, '["motivation", "posting", "advocacy"]', '["motivation", "advocacy", "posting"]'
        ),
        r"then Posting, then Advocacy",
    ),
    Variant(
        "d",
        "advocacy left as text",
        swap(
            PART_D,
            '    said = table["advocacy"].fillna("").astype(str).str.strip().str.lower()\n'
            '    table["advocacy"] = said.isin(["yes", "y"])\n',
            "",
        ),
        r"still text",
    ),
    Variant(
        "d",
        "only 'yes' counts",
        swap(PART_D, 'said.isin(["yes", "y"])', 'said == "yes"'),
        r"advocacy",
    ),
    Variant(
        "d",
        "rows with a blank dropped",
        swap(PART_D, "    table = lamp.copy()\n", "    table = lamp.dropna().copy()\n"),
        r"Keep every row",
    ),
    Variant(
        "d",
        "sorted in place, nothing returned",
        swap(PART_D, "    return table.sort_values(", "    table.sort_values(").replace(
            'kind="stable")', 'kind="stable", inplace=True)'
        ),
        r"return",
    ),
    Variant(
        "d",
        "changes the table it is given",
        swap(PART_D, "    table = lamp.copy()\n", "    table = lamp\n"),
        r"changed the table `lamp` it was given|changes the `lamp` it is given",
    ),
    Variant(
        "d",
        "posting lowest first",
        swap(PART_D, 'ascending=False, kind="stable")', "ascending=[False, True, False])"),
        r"[Pp]osting",
    ),
    # ------------------------------------------------------------------ (e)
    Variant("e", "the solution's dates", PART_E),
    Variant(
        "e",
        "dates as text",
        swap(PART_E, "return second, follow_up", "return [str(second), str(follow_up)]"),
    ),
    Variant(
        "e",
        "dates as Python dates",
        swap(
            PART_E,
            "return second, follow_up",
            "return second.astype(object), follow_up.astype(object)",
        ),
    ),
    Variant(
        "e",
        "dates as Timestamps",
        swap(
            PART_E,
            "return second, follow_up",
            "return pd.Timestamp(second), pd.Timestamp(follow_up)",
        ),
    ),
    Variant(
        "e",
        "rolls backward",
        swap(PART_E, 'roll="forward", ', 'roll="backward", '),
        r"roll='forward'",
    ),
    Variant(
        "e", "holidays left out", swap(PART_E, ", holidays=holidays", ""), r"holidays=holidays"
    ),
    Variant(
        "e",
        "pair the wrong way round",
        swap(PART_E, "return second, follow_up", "return follow_up, second"),
        r"wrong way round",
    ),
    Variant("e", "no roll", swap(PART_E, 'roll="forward", ', ""), r"roll='forward'"),
    Variant(
        "e",
        "six days for the follow-up",
        swap(PART_E, "sent_on, 7,", "sent_on, 6,"),
        r"seven business days",
    ),
    Variant(
        "e",
        "calendar days",
        swap(
            PART_E,
            'second = np.busday_offset(sent_on, 3, roll="forward", holidays=holidays)',
            "second = np.datetime64(sent_on) + 3",
        ),
        r"three business days",
    ),
    Variant(
        "e", "one date only", swap(PART_E, "return second, follow_up", "return second"), r"pair"
    ),
    Variant(
        "e",
        "rolls forward but forgets the holidays",
        swap(PART_E, "holidays=holidays)\n    follow_up", "holidays=[])\n    follow_up").replace(
            'follow_up = np.busday_offset(sent_on, 7, roll="forward", holidays=holidays)',
            'follow_up = np.busday_offset(sent_on, 7, roll="forward")',
        ),
        r"holidays are left out: pass holidays=holidays",
    ),
    Variant(
        "e",
        "changes the holidays it is given",
        swap(PART_E, "    second = ", "    holidays.sort(reverse=True)\n    second = "),
        r"changed the list `holidays` it was given",
    ),
]

# ====================================================================== requirements
REQUIREMENTS = [
    # (a)
    Requirement(
        "a",
        "A word is a run of letters or digits, which may go on after an apostrophe",
        "part-a-words",
        "no apostrophes or hyphens",
    ),
    Requirement("a", "the curly `’` that phones type", "part-a-words", "straight apostrophe only"),
    Requirement(
        "a",
        "A dash standing alone (`—`, or `-` between spaces) is not a word.",
        "part-a-words",
        "words split on spaces",
    ),
    Requirement(
        "a",
        "`too_long(text, limit=75)`: `True` when the text is not under the limit — a "
        "text of exactly 75 words is too long.",
        "part-a-limit",
        "exactly the limit passes",
    ),
    Requirement("a", "Use your `count_words`.", "part-a-limit", "too_long counts its own way"),
    Requirement(
        "a",
        "in the order they appear, each time it appears, written as in the text",
        "part-a-job-words",
        "each job word once, sorted",
    ),
    Requirement("a", "written as in the text", "part-a-job-words", "job words lower-cased"),
    Requirement("a", "Whole words only, in any case", "part-a-job-words", "no word boundaries"),
    Requirement("a", "Whole words only, in any case", "part-a-job-words", "case matters"),
    Requirement(
        "a",
        "The number of words in text (I’m, 20-minute: one word each).",
        "part-a-words",
        "no apostrophes or hyphens",
    ),
    Requirement(
        "a",
        "True when text has limit words or more: the rule is under the limit.",
        "part-a-limit",
        "the limit written in",
    ),
    Requirement(
        "a",
        "Every job word in text, in order, as written.",
        "part-a-job-words",
        "each job word once, sorted",
    ),
    # (b)
    Requirement(
        "b",
        "if the first line starts with Hi, Hello or Dear (in any case), it is the "
        "greeting: leave it out;",
        "part-b-first",
        "greeting in lower case only",
    ),
    Requirement(
        "b",
        "the first sentence runs up to and including the first `.`, `?` or `!` that "
        "is followed by a space or ends the text",
        "part-b-first",
        "any full stop ends it",
    ),
    Requirement(
        "b",
        "`first_sentence(email)`: the first sentence, as a string.",
        "part-b-first",
        "only a full stop ends it",
    ),
    Requirement(
        "b",
        "`names_connection(email, introducer)`: `True` when the first sentence "
        "contains the introducer's whole name, ignoring upper and lower case; otherwise "
        "`False`.",
        "part-b-connection",
        "case matters for the name",
    ),
    Requirement(
        "b", "Use your `first_sentence`.", "part-b-connection", "connection anywhere in the email"
    ),
    Requirement(
        "b",
        "The email's first sentence after its greeting line, on one line.",
        "part-b-first",
        "first line only",
    ),
    Requirement(
        "b",
        "Whether the first sentence names the introducer (whole name, any case).",
        "part-b-connection",
        "first name is enough",
    ),
    # (c)
    Requirement("c", "The check uses the course's request review", "part-c-own", "an hour"),
    Requirement("c", "a short, stated time (15–30 minutes)", "part-c-own", "a 45-minute call"),
    Requirement("c", "a short, stated time (15–30 minutes)", "part-c-own", "a 10-minute call"),
    Requirement(
        "c",
        "a short, stated time (15–30 minutes)",
        "part-c-own",
        "a 30-minute call (the upper bound)",
    ),
    Requirement(
        "c",
        "a short, stated time (15–30 minutes)",
        "part-c-own",
        "a 15-minute call (the lower bound)",
    ),
    Requirement(
        "c",
        "the introducer named in the first sentence",
        "part-c-own",
        "introducer only at the end",
    ),
    Requirement(
        "c", "Greet Amara by name on the first line", "part-c-own", "no name in the greeting"
    ),
    Requirement("c", "(Hi Amara, or Dear Ms Nwosu,)", "part-c-own", "title and surname"),
    Requirement(
        "c", "and a specific interest", "part-c-own", "a wish to work there instead of an interest"
    ),
    Requirement(
        "c",
        "It must keep every rule for every such person",
        "part-c-draft",
        "the draft asks for an hour",
    ),
    Requirement(
        "c",
        "A request to target, two hops away, that names their introducer first.",
        "part-c-draft",
        "the draft names the reader as introducer",
    ),
    Requirement(
        "c", "using their first name, their introducer", "part-c-draft", "the draft greets nobody"
    ),
    # (d)
    Requirement(
        "d",
        "In Alex's spreadsheet: `yes` or `y` in any case; `no`, `n` or blank mean no.",
        "part-d-order",
        "only 'yes' counts",
    ),
    Requirement(
        "d",
        "Then sort by Motivation, then Posting, then Advocacy, highest first",
        "part-d-order",
        "advocacy before posting",
    ),
    Requirement(
        "d",
        "Employers that score the same keep the order of the list.",
        "part-d-order",
        "mergesort",
    ),
    Requirement(
        "d", "(Not in the order of the letters", "part-d-order", "in the order of the letters"
    ),
    Requirement(
        "d",
        "with advocacy turned into `True`/`False` first",
        "part-d-order",
        "advocacy left as text",
    ),
    Requirement(
        "d",
        "a blank, which `pd.read_csv` gives as NaN, is no",
        "part-d-order",
        "rows with a blank dropped",
    ),
    Requirement(
        "d",
        "Keep every row and the `employer` column.",
        "part-d-order",
        "rows with a blank dropped",
    ),
    Requirement(
        "d",
        "Do not change the table you are given: work on `lamp.copy()`.",
        "part-d-order",
        "changes the table it is given",
    ),
    Requirement(
        "d",
        "The LAMP list sorted by Motivation, then Posting, then Advocacy, highest first.",
        "part-d-order",
        "lowest first",
    ),
    # (e)
    Requirement(
        "e",
        "return the pair `(second_contact_on, follow_up_on)`",
        "part-e-dates",
        "pair the wrong way round",
    ),
    Requirement("e", "three and seven business days later", "part-e-dates", "calendar days"),
    Requirement(
        "e",
        "counted from the next business day when `sent_on` is a weekend day or a holiday",
        "part-e-dates",
        "rolls backward",
    ),
    Requirement(
        "e", "The dates numpy gives are fine as they are.", "part-e-dates", "the solution's dates"
    ),
    Requirement(
        "e",
        "Do not change the list of holidays you are given.",
        "part-e-dates",
        "changes the holidays it is given",
    ),
    Requirement(
        "e",
        "The day to write to a second person (3 business days) and to follow up (7).",
        "part-e-dates",
        "six days for the follow-up",
    ),
]

ASIDES = [
    "Under 75 words it is read to the end",
    "Both rules are easy to state",
    "A pattern describes the text you are looking for",
    "| pattern | matches |",
    "Hint: with groups written",
    "A stranger decides in the first sentence",
    "If the name only comes in the third sentence",
    "The LAMP method (The 2-Hour Job Search) starts with a list of at least 40",
    "Posting: 3 if they advertise work in your field",
    "A worked example of the pandas you need",
    "It returns a new table.",
    "Most requests get no answer at first",
    "The 3B7 routine (The 2-Hour Job Search) tells you",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcde"
