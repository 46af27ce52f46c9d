"""Assignment 1 (Who can introduce you?): requirement table; the bank is in ``ps01_bank``.

Parts (a), (b) are in ``ps01_bank``, (c), (d) in ``ps01_bank_cd``. One more
test runs a real kernel, for the message IPython shows when a check cell
runs too early.
"""

from __future__ import annotations

import pytest

from live_notebook import LiveNotebook
from mistake_bank import BankTests, Requirement
from ps01_bank import FOLDER, NOTEBOOK, PART_A, PART_B
from ps01_bank_cd import PART_C, PART_D

BANK = PART_A + PART_B + PART_C + PART_D

R = Requirement
REQUIREMENTS = [
    # (a) reading the export
    R(
        "a",
        "It starts with a few lines of notes before the real header",
        "part-a-hidden",
        "fixed number of notes lines",
    ),
    R(
        "a",
        "find the number of the line that starts with `First Name,`",
        "part-a-hidden",
        "fixed number of notes lines",
    ),
    R(
        "a",
        "Remember the byte-order mark: it may sit right before `First Name`.",
        "part-a-hidden",
        "byte-order mark ignored when finding the header",
    ),
    R(
        "a",
        "An empty email is normal, not a broken row.",
        "part-a-table",
        "rows without an email dropped",
    ),
    R(
        "a",
        "keep it blank (`NaN`, or empty text `''` if you read it that way), never a made-up value.",
        "part-a-table",
        "blanks filled with a made-up value",
    ),
    R(
        "a",
        "keep it blank (`NaN`, or empty text `''` if you read it that way)",
        "part-a-table",
        "blanks kept as empty text, header found in a loop",
    ),
    R("a", "so that it returns a pandas DataFrame", "part-a-table", "no return"),
    R(
        "a",
        "with one row per connection (people with no email included)",
        "part-a-table",
        "rows without an email dropped",
    ),
    R("a", "the seven columns named as in the header", "part-a-table", "header line skipped too"),
    R("a", "`Connected On` turned into real dates", "part-a-table", "dates left as text"),
    R(
        "a",
        "Read a LinkedIn Connections.csv export: one row per connection, dates as dates.",
        "part-a-table",
        "dates left as text",
    ),
    # (b) summaries
    R(
        "b",
        "a blank cell is `NaN`, pandas' mark for a missing value.",
        "part-b-role-family",
        "a missing position (NaN) not handled",
    ),
    R(
        "b",
        "(A function written for blanks that are empty text, `''`, is accepted too.)",
        "part-b-organizations",
        "counts written for blanks as empty text",
    ),
    R(
        "b",
        "Read the table, do not change it",
        "part-b-organizations",
        "blank companies filled in the table given",
    ),
    R(
        "b",
        "no column added or changed.",
        "part-b-role-counts",
        "a family column added to the table",
    ),
    R(
        "b",
        "as a pandas Series with the largest count first",
        "part-b-organizations",
        "a dict instead of a Series",
    ),
    R("b", "with the largest count first", "part-b-organizations", "smallest count first"),
    R(
        "b",
        "leaves out the `NaN` of connections whose company is empty",
        "part-b-organizations",
        "counts with dropna=False",
    ),
    R(
        "b",
        "Leave those connections out.",
        "part-b-organizations",
        "blanks filled in as empty text, then counted",
    ),
    R(
        "b",
        "Number of connections at each company, largest first, blank companies left out.",
        "part-b-organizations",
        "positions counted instead of companies",
    ),
    R("b", "Split the position into lower-case words", "part-b-role-family", "upper case left in"),
    R(
        "b",
        "that has one of its key words among them.",
        "part-b-role-family",
        "key words found inside other words",
    ),
    R(
        "b",
        "return the first family, in the dictionary's order",
        "part-b-role-family",
        "the last family that matches",
    ),
    R(
        "b",
        'The first family whose key words include a word of the position, else "other".',
        "part-b-role-family",
        "the last family that matches",
    ),
    R(
        "b",
        'is empty (missing values arrive as `NaN`, which is not a string), is `"other"`.',
        "part-b-role-family",
        "a missing position (NaN) not handled",
    ),
    R(
        "b",
        "is a dictionary like `ROLE_FAMILIES` below",
        "part-b-role-family",
        "'other' added to the families",
    ),
    R(
        "b",
        'how many connections fall in each family (`"other"` included)',
        "part-b-role-counts",
        "'other' left out of the family counts",
    ),
    R(
        "b",
        "Number of connections in each role family, largest first.",
        "part-b-role-counts",
        "positions counted instead of families",
    ),
    R(
        "b",
        "Use your `role_family`.",
        "part-b-role-counts",
        "right counts, but role_family is wrong (b2 is the cause)",
    ),
    # (c) degrees and chains
    R("c", "one hop is one tie.", "part-c-degrees", "people counted instead of hops"),
    R(
        "c",
        "Breadth-first search finds these numbers.",
        "part-c-degrees",
        "depth first (the back of the queue)",
    ),
    R(
        "c",
        "the first number a person gets is the smallest: never change it afterwards.",
        "part-c-degrees",
        "numbers overwritten, no check before giving one",
    ),
    R("c", "(with `source` itself at 0)", "part-c-degrees", "the source left out"),
    R(
        "c",
        "Leave out people who cannot be reached.",
        "part-c-degrees",
        "people out of reach given infinity",
    ),
    R(
        "c",
        "a list of ids from `source` to `target` with as few hops as possible",
        "part-c-chains",
        "a depth-first chain (long, and said briefly)",
    ),
    R(
        "c",
        "a list of ids from `source` to `target`",
        "part-c-chains",
        "the chain from the target back to the source",
    ),
    R(
        "c",
        "`[source]` when `target` is `source`",
        "part-c-chains",
        "None for the chain from you to yourself",
    ),
    R("c", "`None` when no chain exists.", "part-c-chains", "an empty list when there is no chain"),
    R(
        "c",
        "A shortest list of ids from source to target, or None if there is none.",
        "part-c-chains",
        "an empty list when there is no chain",
    ),
    R(
        "c",
        "Both functions read `contacts`; do not change it",
        "part-c-degrees",
        "the contact lists used up by the search",
    ),
    # (d) within two introductions
    R(
        "d",
        "Return a dictionary mapping each of them",
        "part-d-within-two",
        "a set of people instead of a dict",
    ),
    R(
        "d",
        "who can be reached with at most two introductions (at most 3 hops)",
        "part-d-within-two",
        "three introductions allowed",
    ),
    R(
        "d",
        "to the number of introductions needed: 0, 1 or 2.",
        "part-d-within-two",
        "hops given instead of introductions",
    ),
    R(
        "d",
        "Leave `source` out even when `source` works there too",
        "part-d-hidden",
        "the source kept when they work at the target",
    ),
    R(
        "d",
        "You may use your `degrees_of_separation`.",
        "part-d-within-two",
        "its own search, stopping at 3 hops",
    ),
    R(
        "d",
        "Do not change `contacts` or `colleagues`",
        "part-d-hidden",
        "the source taken out of the colleagues given",
    ),
    R(
        "d",
        "Colleagues reachable with at most two introductions, and how many each needs.",
        "part-d-within-two",
        "only one introduction allowed",
    ),
]

#: Sentences with a requirement word that ask nothing of the learner's code:
#: the story, the data's description, and pointers to what pandas already does.
ASIDES = [
    "The file is a CSV table, but it has some quirks you need to handle:",
    "Most emails are empty",
    "they are quoted, and `pd.read_csv` handles that for you.",
    "Here are the first lines of Alex's export:",
    "Only three contacts are in research",
    "That gap is what parts (c) and (d) close",
    "LinkedIn only tells you who you know.",
    "hops, ties and degrees are the same count here.",
    "In 1969 Travers and Milgram",
]


class TestBank(BankTests):
    NOTEBOOK, BANK, REQUIREMENTS, ASIDES = NOTEBOOK, BANK, REQUIREMENTS, ASIDES
    PARTS = "abcd"


@pytest.mark.slow
def test_a_check_cell_run_too_early_says_what_to_run_first():
    """A name not defined yet gives one sentence in the check cell, not a NameError traceback."""
    with LiveNotebook(FOLDER) as live:
        live.run_code("del connections")
        result = live.run("part-a-table")
        other = live.run_code("undefined_name + 1")
    assert result.error == (
        "CheckFailed: `connections` is not defined yet: run the cell with "
        "`load_connections` (part a) again; if it stops with an error, fix that first."
    )
    assert other.error.startswith("NameError: name 'undefined_name' is not defined")
