"""Research before the conversation: who they are, where they work, and the field's words.

Before an informational interview you find out what a quick search can tell
you, so that the conversation is spent on what it cannot. This module puts
that research in tables:

- :func:`tenure_table` joins people to their career histories: the role each
  holds now, when they started at their organisation, and how many years ago
  that was (a promotion inside the organisation does not restart the clock).
- :func:`relations_table` turns the organisations table's ``supplier_of``,
  ``customer_of`` and ``competitor_of`` lists into one row per relation.
- :func:`research_card` gathers both, with the person's path and what their
  organisation does, into a :class:`ResearchCard` to read before you go.
- :func:`distinctive_words` finds the words that mark an industry in job
  postings: the words a larger share of that industry's postings use than
  of the other industries' postings. Those are the words to recognise when
  you hear them and to use in your own CV.

Examples
--------
>>> from coffeechat.datasets import load_sample_postings
>>> card = research_card("me")
>>> card.organization, card.started.isoformat(), card.years
('Riverside Academy', '2017-09-01', 8.3)
>>> card.competitors
()
>>> words = distinctive_words(load_sample_postings(), top=3)
>>> list(words.loc[words["industry"] == "Health care", "word"])
['clinical', 'patients', 'ward']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from coffeechat._args import to_day
from coffeechat._tables import blank
from coffeechat.contacts import Network
from coffeechat.datasets import (
    load_sample_network,
    load_sample_organizations,
    load_sample_positions,
)
from coffeechat.errors import InvalidParameter

__all__ = [
    "AS_OF",
    "RELATIONS",
    "STOPWORDS",
    "ResearchCard",
    "distinctive_words",
    "posting_words",
    "relations_table",
    "research_card",
    "tenure_table",
    "years_between",
]

#: The sample data's "today": tenure is counted up to this day.
AS_OF = date(2026, 1, 1)

#: The relations an organisation has, with the organisations table column each comes from.
#: ``supplier_of`` lists the organisation's customers, ``customer_of`` its suppliers.
RELATIONS: dict[str, str] = {
    "customer": "supplier_of",
    "supplier": "customer_of",
    "competitor": "competitor_of",
}

#: Words too common to mark any industry: left out by :func:`posting_words`.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "about",
        "across",
        "after",
        "all",
        "an",
        "and",
        "any",
        "are",
        "around",
        "as",
        "at",
        "be",
        "been",
        "being",
        "both",
        "but",
        "by",
        "can",
        "day",
        "each",
        "every",
        "for",
        "from",
        "has",
        "have",
        "help",
        "his",
        "her",
        "how",
        "in",
        "including",
        "into",
        "is",
        "it",
        "its",
        "join",
        "more",
        "most",
        "new",
        "not",
        "of",
        "on",
        "or",
        "our",
        "out",
        "over",
        "own",
        "per",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "those",
        "through",
        "to",
        "up",
        "us",
        "via",
        "we",
        "well",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "within",
        "work",
        "working",
        "you",
        "your",
    ]
)

_WORD = re.compile(r"[a-z]+")
_DAYS_PER_YEAR = 365.25


# ------------------------------------------------------------------ checks of input


def _require(table: object, name: str, columns: Iterable[str]) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise InvalidParameter(f"{name} must be a pandas DataFrame, not {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        names = ", ".join(map(str, table.columns))
        raise InvalidParameter(f"{name} has no column {missing[0]!r}; its columns are: {names}")
    return table


def years_between(start: object, end: object) -> float:
    """Years from ``start`` to ``end``, to one decimal (365.25 days a year).

    Examples
    --------
    >>> years_between("2017-09-01", "2026-01-01")
    8.3
    """
    first, last = to_day(start, "start"), to_day(end, "end")
    return round((last - first).days / _DAYS_PER_YEAR, 1)


# ------------------------------------------------------------------ people


def tenure_table(
    people: pd.DataFrame, positions: pd.DataFrame, as_of: object = AS_OF
) -> pd.DataFrame:
    """Each person's current position and how long they have been at their organisation.

    A position is current when its ``end`` is blank. Tenure counts from the
    first day of the person's first position at their current organisation:
    someone promoted from Teaching Assistant to Teacher at the same school
    has been *there* since they started as an assistant.

    Parameters
    ----------
    people : pandas.DataFrame
        With columns ``id`` and ``name`` (as in ``Network.people``).
    positions : pandas.DataFrame
        With columns ``person``, ``organization``, ``role``, ``start`` and
        ``end`` (as :func:`~coffeechat.datasets.load_sample_positions` gives).
    as_of : date or str, default :data:`AS_OF`
        The day to count up to.

    Returns
    -------
    pandas.DataFrame
        One row per person with a current position: ``id``, ``name``,
        ``organization``, ``role``, ``started`` (a date) and ``years`` (to
        one decimal), longest-serving first, then by name.

    Raises
    ------
    InvalidParameter
        If a table is not a DataFrame or lacks a column, or ``as_of`` is not a date.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network, load_sample_positions
    >>> table = tenure_table(load_sample_network().people, load_sample_positions())
    >>> grace = table.set_index("id").loc["grace-mensah"]
    >>> grace["role"], grace["started"].isoformat(), float(grace["years"])
    ('Head of Science, Years 7–13', '2015-12-13', 10.1)
    """
    _require(people, "people", ("id", "name"))
    _require(positions, "positions", ("person", "organization", "role", "start", "end"))
    day = to_day(as_of, "as_of")
    history = positions.copy()
    history["start"] = [to_day(v, "start") for v in history["start"]]
    history["end"] = [None if blank(v) else to_day(v, "end") for v in history["end"]]
    current = history[history["end"].isna()].sort_values("start", kind="stable")
    current = current.drop_duplicates("person", keep="last")
    there = history.merge(current[["person", "organization"]], on=["person", "organization"])
    started = there.groupby("person")["start"].min().to_dict()
    table = people[["id", "name"]].merge(
        current[["person", "organization", "role"]], left_on="id", right_on="person"
    )
    table["started"] = [started[p] for p in table["person"]]
    table["years"] = [round((day - s).days / _DAYS_PER_YEAR, 1) for s in table["started"]]
    table = table.drop(columns="person")
    return table.sort_values(["years", "name"], ascending=[False, True]).reset_index(drop=True)


# ------------------------------------------------------------------ organisations


def _names(cell: object) -> list[str]:
    if blank(cell):
        return []
    return [n.strip() for n in str(cell).split(";") if n.strip()]


def relations_table(organizations: pd.DataFrame) -> pd.DataFrame:
    """One row per relation between organisations: who supplies, buys from, competes with whom.

    Parameters
    ----------
    organizations : pandas.DataFrame
        With ``name`` and the ``;``-separated lists ``supplier_of`` (its
        customers), ``customer_of`` (its suppliers) and ``competitor_of``.

    Returns
    -------
    pandas.DataFrame
        Columns ``organization``, ``relation`` (``"customer"``, ``"supplier"``
        or ``"competitor"``: what ``other`` is to ``organization``) and
        ``other``, sorted by organisation, relation and other, without repeats.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_organizations
    >>> table = relations_table(load_sample_organizations())
    >>> quillstack = table[table["organization"] == "Quillstack"]
    >>> print(quillstack[quillstack["relation"] != "customer"].to_string(index=False))
    organization   relation             other
      Quillstack competitor  Kitewire Surveys
      Quillstack competitor   Tessellate Labs
      Quillstack   supplier Cloudmere Systems
    """
    _require(organizations, "organizations", ("name", *RELATIONS.values()))
    rows = [
        (name, relation, other)
        for relation, column in RELATIONS.items()
        for name, cell in zip(organizations["name"], organizations[column], strict=True)
        for other in _names(cell)
    ]
    table = pd.DataFrame(rows, columns=["organization", "relation", "other"])
    table = table.drop_duplicates().sort_values(["organization", "relation", "other"])
    return table.reset_index(drop=True)


# ------------------------------------------------------------------ the card


@dataclass(frozen=True)
class ResearchCard:
    """What to know about someone before an informational interview.

    Made by :func:`research_card`. ``path`` lists the earlier positions as
    "role, organisation (years)"; the relations list other organisations by
    name. Show it in a notebook, or call :meth:`to_frame` or
    :meth:`to_markdown`.
    """

    name: str
    role: str
    organization: str
    industry: str
    started: date | None
    years: float | None
    path: tuple[str, ...]
    what_it_does: str
    city: str
    suppliers: tuple[str, ...]
    customers: tuple[str, ...]
    competitors: tuple[str, ...]

    def to_frame(self) -> pd.DataFrame:
        """The card as a two-column table: ``field`` and ``value``."""
        rows = [
            ("name", self.name),
            ("job title", self.role),
            ("organisation", self.organization),
            ("industry", self.industry),
            ("there since", self.started.isoformat() if self.started else "unknown"),
            ("years there", "unknown" if self.years is None else f"{self.years:g}"),
            ("path so far", "; ".join(self.path) or "no earlier positions on record"),
            ("what it does", self.what_it_does or "unknown — look it up"),
            ("based in", self.city or "unknown"),
            ("its suppliers", ", ".join(self.suppliers) or "none on record"),
            ("its customers", ", ".join(self.customers) or "none on record"),
            ("its competitors", ", ".join(self.competitors) or "none on record"),
        ]
        return pd.DataFrame(rows, columns=["field", "value"])

    def to_markdown(self) -> str:
        """The card as Markdown, to print or keep with your notes."""
        lines = [f"### Research card: {self.name}", ""]
        lines += [f"- **{f}:** {v}" for f, v in self.to_frame().itertuples(index=False)]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def research_card(
    person: str,
    network: Network | None = None,
    *,
    positions: pd.DataFrame | None = None,
    organizations: pd.DataFrame | None = None,
    as_of: object = AS_OF,
) -> ResearchCard:
    """A research card for one person: their job, tenure, path, and their organisation.

    Parameters
    ----------
    person : str
        The person's id (``"grace-mensah"``).
    network : Network, optional
        Where the person is; the sample network by default.
    positions, organizations : pandas.DataFrame, optional
        Career histories and organisations; the sample ones by default.
    as_of : date or str, default :data:`AS_OF`
        The day tenure is counted up to.

    Returns
    -------
    ResearchCard

    Raises
    ------
    PersonNotFound
        If ``person`` is not in the network (with suggestions).

    Examples
    --------
    >>> card = research_card("grace-mensah")
    >>> card.role, card.years, card.path
    ('Head of Science, Years 7–13', 10.1, ('Teaching Assistant, Riverside Academy (3.9 years)',))
    >>> card.what_it_does
    'secondary school for 11 to 18 year olds'
    """
    network = load_sample_network() if network is None else network
    positions = load_sample_positions() if positions is None else positions
    organizations = load_sample_organizations() if organizations is None else organizations
    if not isinstance(person, str):
        raise InvalidParameter(f"person must be an id (a string), not {type(person).__name__}")
    who = network.person(person)
    tenure = tenure_table(network.people[network.people["id"] == person], positions, as_of)
    started = years = None
    role, organization = who.role, who.organization
    if len(tenure):
        row = tenure.iloc[0]
        started, years = row["started"], float(row["years"])
        role, organization = row["role"], row["organization"]
    history = _require(positions, "positions", ("person", "organization", "role", "start", "end"))
    earlier = history[(history["person"] == person) & ~history["end"].map(blank)]
    earlier = earlier.assign(_start=[to_day(v, "start") for v in earlier["start"]])
    path = tuple(
        f"{r.role}, {r.organization} ({years_between(r.start, r.end):g} years)"
        for r in earlier.sort_values("_start", ascending=False).itertuples(index=False)
    )
    _require(organizations, "organizations", ("name", "industry", "description", "city"))
    about = organizations[organizations["name"] == organization]
    relations = relations_table(organizations)
    mine = relations[relations["organization"] == organization]

    def others(relation: str) -> tuple[str, ...]:
        return tuple(mine.loc[mine["relation"] == relation, "other"])

    def field(column: str, fallback: str = "") -> str:
        return (
            str(about[column].iloc[0])
            if len(about) and not blank(about[column].iloc[0])
            else fallback
        )

    return ResearchCard(
        name=who.name,
        role=role,
        organization=organization,
        industry=field("industry", who.industry),
        started=started,
        years=years,
        path=path,
        what_it_does=field("description"),
        city=field("city"),
        suppliers=others("supplier"),
        customers=others("customer"),
        competitors=others("competitor"),
    )


# ------------------------------------------------------------------ the field's words


def posting_words(text: object) -> list[str]:
    """The words of a text that could mark a field: lower case, three letters or more, no stopwords.

    Examples
    --------
    >>> posting_words("You will plan engaging lessons and assess pupils' progress.")
    ['plan', 'engaging', 'lessons', 'assess', 'pupils', 'progress']
    >>> posting_words(None)
    []
    """
    if not isinstance(text, str):
        return []
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 3 and w not in STOPWORDS]


def distinctive_words(
    postings: pd.DataFrame, top: int = 10, *, industry: str = "industry", text: str = "text"
) -> pd.DataFrame:
    """The words that mark each industry's job postings.

    For each industry and word: ``share`` is the fraction of that industry's
    postings that use the word (at least once — a posting that repeats a
    word counts once), ``elsewhere`` the fraction of all the *other*
    industries' postings that use it, and ``score = share - elsewhere``. A
    word every employer writes ("team", "experience") scores near zero; a
    word only one field writes scores near its share.

    Parameters
    ----------
    postings : pandas.DataFrame
        One row a posting, with an industry column and a text column.
    top : int, default 10
        How many words to keep per industry.
    industry, text : str
        The names of those two columns.

    Returns
    -------
    pandas.DataFrame
        Columns ``industry``, ``word``, ``share``, ``elsewhere``, ``score``;
        per industry (in alphabetical order) the ``top`` words with the
        highest score, ties broken alphabetically; only words with a score
        above zero.

    Raises
    ------
    InvalidParameter
        If ``postings`` lacks a column or ``top`` is not a whole number of at least 1.

    Examples
    --------
    >>> ads = pd.DataFrame({
    ...     "industry": ["Health care", "Health care", "Software", "Software"],
    ...     "text": ["Patients first; a friendly team.", "Ward team caring for patients.",
    ...              "Ship code with a friendly team.", "Code reviews, every day."]})
    >>> distinctive_words(ads, top=2)[["industry", "word", "share", "elsewhere", "score"]]
           industry      word  share  elsewhere  score
    0  Health care  patients    1.0        0.0    1.0
    1  Health care    caring    0.5        0.0    0.5
    2     Software      code    1.0        0.0    1.0
    3     Software  reviews    0.5        0.0    0.5
    """
    _require(postings, "postings", (industry, text))
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InvalidParameter(f"top must be a whole number of at least 1, not {top!r}")
    words = (
        pd.DataFrame(
            {
                "posting": range(len(postings)),
                "industry": postings[industry].to_numpy(),
                "word": [sorted(set(posting_words(t))) for t in postings[text]],
            }
        )
        .explode("word")
        .dropna(subset=["word"])
    )
    sizes = postings[industry].value_counts()
    counts = words.groupby(["industry", "word"]).size().rename("n").reset_index()
    totals = counts.groupby("word")["n"].sum()
    rows = []
    for name in sorted(sizes.index):
        mine = counts[counts["industry"] == name]
        others = len(postings) - sizes[name]
        share = mine["n"].to_numpy() / sizes[name]
        rest = totals.loc[mine["word"]].to_numpy() - mine["n"].to_numpy()
        elsewhere = rest / others if others else rest * 0.0
        frame = pd.DataFrame(
            {
                "industry": name,
                "word": mine["word"].to_numpy(),
                "share": share,
                "elsewhere": elsewhere,
                "score": share - elsewhere,
            }
        )
        frame = frame[frame["score"] > 1e-12]
        frame = frame.sort_values(["score", "word"], ascending=[False, True], kind="stable")
        rows.append(frame.head(top))
    columns = ["industry", "word", "share", "elsewhere", "score"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.concat(rows, ignore_index=True)
    for column in ("share", "elsewhere", "score"):
        table[column] = table[column].astype(float).round(4)
    return table[columns]
