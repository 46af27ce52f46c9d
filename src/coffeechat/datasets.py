"""Sample data: a small fictional network to learn with, and a generator of big ones.

Every person and organisation here is made up; any likeness to a real one is
chance.

:func:`load_sample_network` is the network of **Alex Moreno**, a secondary
school science teacher (eight years at Riverside Academy, a degree in
education from Northgate University) who has just finished an evening course
in user-experience research at the Kestrel School of Design and wants to move
into UX research, in education technology or health technology. Alex knows
about forty people directly: family, colleagues, former colleagues,
classmates from both schools, friends, fellow alumni, people met at meet-ups,
and LinkedIn-only connections. Through them the network reaches about two
hundred people working for fifteen organisations in four industries
(education, health care, software, research and consulting) that supply,
compete with and buy from each other (:func:`load_sample_organizations`).

Some employers Alex can reach through a contact who works there, some only
through a friend of a friend, and three (Tessellate Labs, Meridian Market
Insights, Kitewire Surveys) only through three introductions. Some targets can
be reached by a short chain of weak ties or a longer chain of strong ones.

The same contacts come as LinkedIn, vCard and Google Contacts exports, to
practise the importers of :mod:`coffeechat.io` on (:func:`sample_path`).

:func:`make_network` draws a large random network with the shape real social
networks have (most of your contacts know each other, yet a few steps reach
almost anyone), for trying algorithms at scale.

The modules have data of their own, all fictional and written reproducibly by
the scripts in ``tools/``: :func:`load_sample_lamp` is Alex's LAMP list of 45
target employers (*The 2-Hour Job Search*), as Alex first wrote it in a
spreadsheet, and :func:`make_lamp_list` makes others like it;
:func:`load_sample_positions` and :func:`load_sample_postings` hold career
histories and job postings for researching a conversation;
:func:`load_transcripts` holds practice conversations; and
:func:`load_sample_followups` and :func:`make_followups` hold trackers for the
weeks after a conversation.

Examples
--------
>>> net = load_sample_network()
>>> net.person("me").describe()
'Alex Moreno, Science Teacher at Riverside Academy'
>>> net.degree("me")
41
>>> big = make_network(1_000, seed=1)
>>> len(big), big.me
(1000, 'me')
"""

from __future__ import annotations

import numbers
from datetime import date

import numpy as np
import pandas as pd

from coffeechat._generated import make_network
from coffeechat._participant import participant_network
from coffeechat._samples import sample_path
from coffeechat.contacts import Network
from coffeechat.errors import InvalidParameter
from coffeechat.tracking import TRACKER_COLUMNS

__all__ = [
    "FOLLOWUP_COLUMNS",
    "Followups",
    "NEW_TIE_COLUMNS",
    "load_sample_followups",
    "load_sample_lamp",
    "load_sample_network",
    "load_sample_organizations",
    "load_sample_positions",
    "load_sample_postings",
    "load_transcripts",
    "make_followups",
    "make_lamp_list",
    "make_network",
    "participant_network",
    "sample_path",
]

# ----------------------------------------------------------------- bundled files


def load_sample_network(for_participant: str | None = None) -> Network:
    """The fictional network of Alex Moreno, a teacher moving into UX research.

    About 200 people and 600 ties; Alex is ``"me"``. Ids are made from names
    (``"lucia-moreno"``); people carry organisation, role, industry, location
    and school; ties carry kind, strength, when the two met and, for Alex's
    own contacts, when they were last in touch. See the module description
    for the story.

    Parameters
    ----------
    for_participant : str, optional
        A workshop participant's name: returns their own variation of the
        network instead (:func:`participant_network`).

    Returns
    -------
    Network

    Examples
    --------
    >>> net = load_sample_network()
    >>> net
    Network(200 people, 590 ties, me='me')
    >>> [p.name for p in net.contacts()][:3]
    ['Lucía Moreno', 'Tomás Moreno', 'Ben Carter']
    >>> from coffeechat.contacts import TIE_KINDS
    >>> sorted(set(net.ties["kind"])) == sorted(TIE_KINDS)
    True
    """
    if for_participant is not None:
        return participant_network(for_participant)
    from coffeechat.io import read_csv

    return read_csv(sample_path("people.csv"), sample_path("ties.csv"))


def load_sample_organizations() -> pd.DataFrame:
    """The fifteen fictional organisations of the sample network.

    Returns
    -------
    pandas.DataFrame
        One row an organisation: ``name``, ``industry``, ``description``,
        ``city``, ``website``, and how it relates to the others:
        ``supplier_of`` (the organisations it sells to), ``customer_of`` (the
        ones it buys from) and ``competitor_of``, each a ``"; "``-separated
        list of names. The relations agree with each other: when A is a
        supplier of B, B is a customer of A.

    Examples
    --------
    >>> orgs = load_sample_organizations()
    >>> len(orgs), orgs["industry"].nunique()
    (15, 4)
    >>> orgs.set_index("name").loc["Quillstack", "customer_of"]
    'Cloudmere Systems'
    """
    frame = pd.read_csv(sample_path("organizations.csv"), dtype=str, keep_default_na=False)
    return frame


# ----------------------------------------------------------------- transcripts


def load_transcripts() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The six fictional practice conversations of Module 5 and Assignment 5.

    Returns
    -------
    (transcripts, interviews) : tuple of pandas.DataFrame
        ``transcripts``: one row per turn, columns ``transcript, speaker,
        start, end, text`` (read and checked by
        :func:`coffeechat.conversation.read_transcripts`); ``interviews``:
        one row per conversation, ``transcript, interviewee, role,
        organization, industry, agreed_minutes``.

    Examples
    --------
    >>> transcripts, interviews = load_transcripts()
    >>> list(transcripts.columns)
    ['transcript', 'speaker', 'start', 'end', 'text']
    >>> len(interviews)
    6
    """
    from coffeechat.conversation import read_transcripts

    transcripts = read_transcripts(sample_path("transcripts.csv"))
    interviews = pd.read_csv(sample_path("interviews.csv"), dtype={"transcript": str})
    return transcripts, interviews


# ----------------------------------------------------------------- LAMP lists

_LAMP_WORDS = (
    "Amberly",
    "Bramblecot",
    "Copperfen",
    "Dunmere",
    "Elderwick",
    "Fallowby",
    "Gorsefield",
    "Hartwell",
    "Ivybridge",
    "Jessamy",
    "Kelderby",
    "Lindenholt",
    "Marrowgate",
    "Nettlecombe",
    "Orrisdale",
    "Pellwyn",
    "Quenby",
    "Rushmere",
    "Sedgemoor",
    "Tarnside",
    "Umberleigh",
    "Vellacott",
    "Wrenfield",
    "Yewbarrow",
    "Zennor",
)
_LAMP_KINDS = (
    "Health",
    "Clinics",
    "Learning",
    "Labs",
    "Software",
    "Analytics",
    "Research",
    "Design Studio",
    "Insights",
    "Digital",
    "Care",
    "Education Trust",
)
_LAMP_NOTES = (
    "supplier of",
    "customer of",
    "competitor of",
)


def make_lamp_list(n: int = 45, *, seed: int = 2026, known: tuple[str, ...] = ()) -> pd.DataFrame:
    """A fictional LAMP list, unsorted, as a learner keeps it in a spreadsheet.

    Columns ``employer, advocacy, motivation, posting, notes``: advocacy is
    written ``yes``/``no`` in mixed case or left blank (blank means no),
    motivation is 0–3 and posting 1–3 (*The 2-Hour Job Search*). Many rows
    share scores, so the order of the tie-breaks matters.

    Parameters
    ----------
    n : int, default 45
        How many employers.
    seed : int, default 2026
        The same seed gives the same list.
    known : tuple of str
        Employers to put first (the rest are invented names).

    Returns
    -------
    pandas.DataFrame
        In the order the employers were thought of, not sorted.

    Examples
    --------
    >>> lamp = make_lamp_list(40, seed=1)
    >>> len(lamp), list(lamp.columns)
    (40, ['employer', 'advocacy', 'motivation', 'posting', 'notes'])
    >>> lamp.equals(make_lamp_list(40, seed=1))
    True
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise InvalidParameter(f"n must be a whole number of at least 1, not {n!r}")
    rng = np.random.default_rng(seed)
    names = [str(k) for k in known][:n]
    taken = {name.casefold() for name in names}
    space = [f"{w} {k}" for w in _LAMP_WORDS for k in _LAMP_KINDS]
    for pick in rng.permutation(len(space)):
        if len(names) >= n:
            break
        if space[pick].casefold() not in taken:
            names.append(space[pick])
            taken.add(space[pick].casefold())
    while len(names) < n:  # more employers than invented names: number them
        names.append(f"{space[len(names) % len(space)]} {len(names) // len(space) + 2}")
    yes = np.array(["yes", "Yes", "YES", "y"], dtype=object)
    no = np.array(["no", "No", "", "n"], dtype=object)
    has_contact = rng.random(n) < 0.35
    advocacy = np.where(has_contact, rng.choice(yes, n), rng.choice(no, n))
    motivation = rng.choice([0, 1, 2, 3], size=n, p=[0.1, 0.3, 0.35, 0.25])
    posting = rng.choice([1, 2, 3], size=n, p=[0.45, 0.3, 0.25])
    notes = [
        f"{_LAMP_NOTES[rng.integers(len(_LAMP_NOTES))]} {names[(i + rng.integers(1, n)) % n]}"
        if n > 1 and rng.random() < 0.2
        else ""
        for i in range(n)
    ]
    return pd.DataFrame(
        {
            "employer": names,
            "advocacy": advocacy,
            "motivation": motivation.astype("int64"),
            "posting": posting.astype("int64"),
            "notes": notes,
        }
    )


def load_sample_lamp() -> pd.DataFrame:
    """Alex Moreno's LAMP list: 45 employers, as Alex first wrote them down.

    The sample network's organisations come first (Alex's own school left
    out), then employers found in directories and job boards. Read from the
    bundled ``lamp.csv`` (written by ``tools/make_lamp.py``) the way a
    learner would, with ``pd.read_csv``: a blank advocacy cell is NaN.

    Returns
    -------
    pandas.DataFrame
        Columns ``employer, advocacy, motivation, posting, notes``, unsorted.

    Examples
    --------
    >>> lamp = load_sample_lamp()
    >>> len(lamp), lamp["employer"].iloc[0]
    (45, 'Northgate University')
    """
    return pd.read_csv(sample_path("lamp.csv"))


# ----------------------------------------------------------------- research (Module 4)


def _read_bundled(name: str, columns: tuple[str, ...], dates: tuple[str, ...] = ()) -> pd.DataFrame:
    """A bundled CSV file as text columns, checked: the columns are there, the dates are dates."""
    from coffeechat.errors import ContactDataError

    path = sample_path(name)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ContactDataError(f"missing column {missing[0]!r}", path=path, line=1)
    for column in dates:
        for line, value in enumerate(frame[column], start=2):
            if value:
                try:
                    date.fromisoformat(value)
                except ValueError as err:
                    raise ContactDataError(
                        f"{value!r} is not a date like 2024-09-01",
                        path=path,
                        line=line,
                        column=column,
                    ) from err
    return frame


def load_sample_positions() -> pd.DataFrame:
    """The career histories of the people in the sample network.

    Returns
    -------
    pandas.DataFrame
        One row a position: ``person`` (an id of :func:`load_sample_network`),
        ``organization``, ``role``, ``start`` and ``end`` (ISO dates as text;
        ``end`` is ``""`` for the position a person holds now). Everyone with
        an employer has exactly one current position, the one the people
        table shows; earlier ones tell the path that led there. Written by
        ``tools/make_positions.py``.

    Examples
    --------
    >>> positions = load_sample_positions()
    >>> positions[positions["person"] == "me"].tail(1).to_dict("records")[0]["start"]
    '2017-09-01'
    """
    return _read_bundled(
        "positions.csv", ("person", "organization", "role", "start", "end"), ("start", "end")
    )


def load_sample_postings() -> pd.DataFrame:
    """Three hundred short, fictional job postings in the sample's four industries.

    Returns
    -------
    pandas.DataFrame
        One row a posting: ``id``, ``organization``, ``industry``, ``title``
        and ``text``. Written by ``tools/make_postings.py``; every
        organisation in it is made up.

    Examples
    --------
    >>> postings = load_sample_postings()
    >>> len(postings), sorted(postings["industry"].unique())
    (300, ['Education', 'Health care', 'Research and consulting', 'Software'])
    """
    return _read_bundled("postings.csv", ("id", "organization", "industry", "title", "text"))


# ------------------------------------------------------- follow-ups (Module 6)

#: Columns of a follow-up tracker from :func:`make_followups`: the tracker's
#: own columns, then the person's id in the network and the two moments, with
#: their UTC offsets, that decide whether a thank-you was prompt.
FOLLOWUP_COLUMNS: tuple[str, ...] = (
    *TRACKER_COLUMNS,
    "person_id",
    "met_at",
    "thanked_at",
)

#: Columns of the new ties from :func:`make_followups`.
NEW_TIE_COLUMNS: tuple[str, ...] = ("source", "target", "kind", "met_on")

_OFFSETS = (-10.0, -8.0, -7.0, -6.0, -5.0, -3.0, 0.0, 1.0, 2.0, 3.0, 5.5, 8.0, 9.0, 10.0, 12.0)


class Followups(tuple):  # a NamedTuple would do, but keeps numpy out of its fields' types
    """What :func:`make_followups` returns: ``(tracker, new_ties)``."""

    __slots__ = ()

    def __new__(cls, tracker: pd.DataFrame, new_ties: pd.DataFrame) -> Followups:
        return super().__new__(cls, (tracker, new_ties))

    @property
    def tracker(self) -> pd.DataFrame:
        """The tracker, as text (as ``pandas.read_csv`` gives it back)."""
        return self[0]

    @property
    def new_ties(self) -> pd.DataFrame:
        """The ties the conversations made: the learner to each person met."""
        return self[1]


def _offset_text(hours: float) -> str:
    sign = "+" if hours >= 0 else "-"
    whole, minutes = divmod(round(abs(hours) * 60), 60)
    return f"{sign}{whole:02d}:{minutes:02d}"


def _moment(utc: pd.Timestamp, hours: float) -> str:
    local = utc + pd.Timedelta(hours=hours)
    return local.strftime("%Y-%m-%dT%H:%M:%S") + _offset_text(hours)


def _local_day(utc: pd.Timestamp, hours: float) -> str:
    return (utc + pd.Timedelta(hours=hours)).date().isoformat()


def make_followups(
    network: Network,
    target: str,
    *,
    today: date | str = "2026-03-20",
    my_offset: float = -5.0,
    seed: int = 0,
) -> Followups:
    """Draw a fictional follow-up tracker and the ties its conversations made.

    Fifteen people from ``network`` (never the learner), each at one stage:

    * seven requests: one whose one follow-up (seven business days after
      sending, the "3B7" routine) is due ``today``, two overdue, one overdue
      but already followed up, two not due yet (one sent exactly a week of
      calendar days ago) and one that had a reply;
    * eight conversations already held, with the moment they started
      (``met_at``, in the other person's time zone) and, for seven of them,
      the moment the thank-you went out (``thanked_at``, in the learner's
      time zone, ``my_offset`` hours from UTC): some within 24 hours, one
      exactly 24 hours, some later, including one that only looks prompt
      when the time zones are ignored and one that only looks late.

    One conversation is with someone the learner already knew, so one new tie
    repeats a tie of the network; the others reach further, one of them next
    to the person at ``target`` who is farthest away.

    Parameters
    ----------
    network : Network
    target : str
        The organisation the learner is aiming for (a name in the network).
    today : datetime.date or ISO string
        A weekday: the day the tracker is read.
    my_offset : float
        The learner's UTC offset in hours, from -5 to 9.
    seed : int
        Seed of the random generator.

    Returns
    -------
    Followups
        ``(tracker, new_ties)``: the tracker as text with the columns
        :data:`FOLLOWUP_COLUMNS` (blanks empty), readable with
        :func:`coffeechat.tracking.make_tracker`; the new ties with columns
        :data:`NEW_TIE_COLUMNS`.

    Raises
    ------
    InvalidParameter
        If ``today`` is a weekend day, the offset is out of range, nobody
        works at ``target`` or the network is too small.

    Examples
    --------
    >>> tracker, ties = make_followups(load_sample_network(), "Brindlewood Learning")
    >>> len(tracker), len(ties)
    (15, 8)
    """
    from coffeechat.paths import reach

    day = pd.Timestamp(today).normalize()
    if day.weekday() >= 5:
        raise InvalidParameter(f"today={today!r} is a weekend day; choose a weekday")
    if isinstance(my_offset, bool) or not isinstance(my_offset, numbers.Real):
        raise InvalidParameter(f"my_offset must be a number of hours, not {my_offset!r}")
    if not -5 <= my_offset <= 9:
        raise InvalidParameter(f"my_offset must be between -5 and 9 hours, not {my_offset!r}")
    mine = float(my_offset)
    rng = np.random.default_rng(seed)
    me = network.me
    chains = reach(network, source=me)
    hops = {person: len(chain) - 1 for person, chain in chains.items()}
    at_target = [p for p in network.match(organization=target) if p in hops]
    if not at_target:
        raise InvalidParameter(f"nobody the learner can reach works at {target!r}")
    farthest = max(at_target, key=lambda p: (hops[p], p))
    requests, met = _followup_people(network, hops, farthest, rng)

    def business(days: int) -> pd.Timestamp:
        return pd.Timestamp(np.busday_offset(day.date(), days, roll="forward"))

    rows: list[dict[str, str]] = []

    def row(person: str, **dates: object) -> dict[str, str]:
        p = network.person(person)
        record = dict.fromkeys(FOLLOWUP_COLUMNS, "")
        record.update(contact=p.name, organization=p.organization, email=p.email, person_id=person)
        for column, value in dates.items():
            record[column] = (
                value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)
            )
        rows.append(record)
        return record

    # (a) requests
    row(requests[0], sent_on=business(-7))
    row(requests[1], sent_on=business(-int(rng.integers(8, 12))))
    row(requests[2], sent_on=business(-int(rng.integers(12, 16))))
    sent = business(-int(rng.integers(9, 13)))
    followed = pd.Timestamp(np.busday_offset(sent.date(), 7))
    row(requests[3], sent_on=sent, followed_up_on=followed)
    row(requests[4], sent_on=business(-5))
    row(requests[5], sent_on=business(-int(rng.integers(1, 4))))
    sent = business(-int(rng.integers(9, 13)))
    row(requests[6], sent_on=sent, replied_on=sent + pd.Timedelta(days=1))

    # (b) conversations, the first with a direct contact
    gaps = _thank_you_gaps(rng, mine)
    others = rng.permutation(met[1:]).tolist()
    for k, (gap, theirs, hour) in enumerate(gaps):
        dates = _conversation(rng, day, mine, gap, theirs, hour)
        if k == 0:
            dates["notes"] = "knew them already: coffee"
        row(others[k - 1] if k else met[0], **dates)
    tracker = pd.DataFrame(rows, columns=list(FOLLOWUP_COLUMNS))
    tracker = tracker.sort_values(["sent_on", "contact"], kind="stable").reset_index(drop=True)
    held = tracker[tracker["met_at"] != ""]
    new_ties = pd.DataFrame(
        {
            "source": me,
            "target": held["person_id"].to_numpy(),
            "kind": "acquaintance",
            "met_on": held["meeting_on"].to_numpy(),
        },
        columns=list(NEW_TIE_COLUMNS),
    )
    return Followups(tracker, new_ties.reset_index(drop=True))


def _followup_people(
    network: Network, hops: dict[str, int], farthest: str, rng: np.random.Generator
) -> tuple[list[str], list[str]]:
    """Who the tracker is about: 7 requests, then 8 conversations (the first with a contact)."""
    me = network.me
    near_farthest = sorted(q for q in network.neighbors(farthest) if q != me and q in hops)
    direct = sorted(p for p, h in hops.items() if h == 1)
    further = sorted(p for p, h in hops.items() if h >= 2 and p != farthest)
    if len(further) < 20 or not direct:
        raise InvalidParameter("the network is too small: it needs 20 people 2 or more hops away")
    bridge = str(rng.choice(near_farthest)) if near_farthest else str(rng.choice(further))
    names_seen: set[str] = set()
    people: list[str] = []
    for person in [bridge, *rng.permutation(further).tolist()]:
        name = network.person(person).name
        if person not in people and name not in names_seen:
            people.append(person)
            names_seen.add(name)
    old_friend = next(
        p for p in rng.permutation(direct).tolist() if network.person(p).name not in names_seen
    )
    return people[1:8], [old_friend, bridge, *people[8:14]]


def _thank_you_gaps(rng: np.random.Generator, mine: float) -> list[tuple[float | None, float, int]]:
    """For each conversation: hours from meeting to thank-you, the other's offset, the hour.

    Chosen so that each kind of mistake shows.
    """
    east = [o for o in _OFFSETS if o - mine >= 5]
    west = [o for o in _OFFSETS if mine - o >= 3]

    def pick(options: list[float]) -> float:
        return float(rng.choice(options)) if options else mine

    return [
        (float(rng.integers(2, 7)), pick(list(_OFFSETS)), 13),  # prompt
        (24.0, pick(list(_OFFSETS)), 11),  # exactly a day: still in time
        (24.5, pick(list(_OFFSETS)), 15),  # just late
        (float(rng.integers(25, 28)), pick(east), 10),  # late, looks prompt by the clocks
        (float(rng.choice([22.0, 22.5, 23.0])), pick(west) if west else mine, 9),  # prompt,
        (30.0, mine, 8),  # late, but "the next day" on the calendar
        (float(rng.integers(40, 47)), pick(list(_OFFSETS)), 16),  # two days on, yet days == 1
        (None, pick(list(_OFFSETS)), 14),  # no thank-you yet
    ]


def _conversation(
    rng: np.random.Generator,
    day: pd.Timestamp,
    mine: float,
    gap: float | None,
    theirs: float,
    hour: int,
) -> dict[str, object]:
    """The tracker's dates for one conversation held before ``day`` (and its thank-you)."""
    meeting_day = day - pd.Timedelta(days=int(rng.integers(3, 12)))
    if meeting_day.weekday() >= 5:
        meeting_day -= pd.Timedelta(days=meeting_day.weekday() - 4)
    local_start = meeting_day + pd.Timedelta(hours=hour, minutes=int(rng.choice([0, 30])))
    met_utc = local_start - pd.Timedelta(hours=theirs)
    sent = pd.Timestamp(np.busday_offset(meeting_day.date(), -int(rng.integers(5, 9))))
    dates: dict[str, object] = {
        "sent_on": sent,
        "replied_on": sent + pd.Timedelta(days=int(rng.integers(1, 3))),
        "meeting_on": _local_day(met_utc, mine),
        "met_at": _moment(met_utc, theirs),
    }
    if gap is not None:
        thanked_utc = met_utc + pd.Timedelta(hours=gap)
        dates["thanked_on"] = _local_day(thanked_utc, mine)
        dates["thanked_at"] = _moment(thanked_utc, mine)
    return dates


def load_sample_followups() -> Followups:
    """Alex Moreno's follow-up tracker and the ties its conversations made.

    Read from the bundled ``followups.csv`` and ``new_ties.csv`` (written by
    ``tools/make_followups.py`` with :func:`make_followups`), as
    ``pandas.read_csv`` reads them: text, blanks as NaN.

    Examples
    --------
    >>> tracker, new_ties = load_sample_followups()
    >>> tracker.columns.tolist() == list(FOLLOWUP_COLUMNS)
    True
    >>> new_ties["source"].unique().tolist()
    ['me']
    """
    tracker = pd.read_csv(sample_path("followups.csv"), dtype=str)
    new_ties = pd.read_csv(sample_path("new_ties.csv"), dtype=str)
    return Followups(tracker, new_ties)
