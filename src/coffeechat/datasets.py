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
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from coffeechat._args import whole_number
from coffeechat._participant import participant_network
from coffeechat.contacts import DEFAULT_STRENGTH, TIE_KINDS, Network
from coffeechat.errors import InvalidParameter

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


def _data_folder() -> Path:
    return Path(str(resources.files("coffeechat").joinpath("data")))


def sample_path(name: str) -> Path:
    """The path of a bundled sample file.

    Parameters
    ----------
    name : str
        The file's name: ``"people.csv"`` and ``"ties.csv"`` (the sample
        network, in the format of :func:`coffeechat.io.read_csv`),
        ``"organizations.csv"``, ``"Connections.csv"`` (a LinkedIn export of
        the learner's contacts), ``"contacts.vcf"`` (their phone contacts, as
        vCard 4.0), ``"google_contacts.csv"`` (a Google Contacts export),
        ``"transcripts.csv"`` and ``"interviews.csv"`` (practice conversations,
        see :func:`load_transcripts`) or ``"answers.csv"`` (the role-play's
        answer templates).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InvalidParameter
        If there is no bundled file of that name; the message lists them.

    Examples
    --------
    >>> sample_path("Connections.csv").name
    'Connections.csv'
    >>> sample_path("Connections.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    'Notes:'
    """
    folder = _data_folder()
    if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
        raise InvalidParameter(f"expected the name of a sample file, not {name!r}")
    path = folder / name
    if not path.is_file():
        names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py")
        raise InvalidParameter(f"no sample file {name!r}; the sample files are: {', '.join(names)}")
    return path


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


# ----------------------------------------------------------------- generated networks

#: Given names from many languages, for generated people.
_FIRST_NAMES = (
    "Adaeze", "Aiden", "Akira", "Alejandro", "Amina", "Anders", "Anjali", "Arjun", "Astrid",
    "Aurelio", "Bianca", "Bogdan", "Camila", "Catalina", "Chidi", "Clara", "Dalia", "Daniel",
    "Darius", "Ebru", "Efua", "Elif", "Emeka", "Emil", "Esperanza", "Ewa", "Femi", "Filip",
    "Gabriela", "Giorgos", "Hadiza", "Hugo", "Imani", "Isabel", "Ishaan", "Ivana", "Jasmine",
    "Javier", "Joon-ho", "Kalani", "Karim", "Katarzyna", "Kofi", "Laila", "Leon", "Liang",
    "Lina", "Luca", "Magnus", "Malak", "Manon", "Mariam", "Martina", "Mehmet", "Mira",
    "Moana", "Nadia", "Naveen", "Nia", "Niamh", "Nikhil", "Olga", "Omar", "Paulo", "Pedro",
    "Petra", "Rafael", "Rania", "Reza", "Rin", "Rosa", "Rustam", "Saanvi", "Salma", "Santiago",
    "Selin", "Shira", "Sipho", "Soo-ah", "Stefan", "Tamar", "Thandiwe", "Tomasz", "Uma",
    "Valeria", "Viktor", "Wanjiru", "Xiadani", "Yaw", "Yerlan", "Yuki", "Zainab", "Zofia",
)  # fmt: skip
#: Family names from many languages, for generated people.
_SURNAMES = (
    "Abara", "Achterberg", "Adebayo", "Alvarado", "Amsel", "Arslan", "Bachmann", "Balogun",
    "Barros", "Brennan", "Castillo", "Cheng", "Costa", "Dahl", "Dlamini", "Duarte", "Ekström",
    "Esposito", "Fagerlund", "Ferreira", "Fujita", "Gallagher", "Garza", "Gökçe", "Grünwald",
    "Hakimi", "Horvath", "Ibrahim", "Iwu", "Jansen", "Jovanović", "Kamau", "Kapoor", "Kaur",
    "Keller", "Khoury", "Kowalczyk", "Kuznetsova", "Lam", "Larsen", "Lindahl", "Maalouf",
    "Mbeki", "Medina", "Menon", "Mwangi", "Nakamura", "Navarro", "Nkemelu", "Novak", "Nyberg",
    "Ocampo", "Ogunleye", "Okada", "Olsen", "Ortega", "Osterberg", "Palmer", "Pham", "Quispe",
    "Rahman", "Rasku", "Rivas", "Rojas", "Rossi", "Saarinen", "Salazar", "Sandoval", "Sato",
    "Schreiber", "Sekibo", "Shapiro", "Solberg", "Sørensen", "Suleiman", "Takahashi", "Tanaka",
    "Teixeira", "Torres", "Uchenna", "Vargas", "Varga", "Vos", "Wójcik", "Yamamoto", "Yilmaz",
    "Zamora", "Zeller", "Zubiri",
)  # fmt: skip

#: Industries of generated organisations, each with words for names and its roles.
_INDUSTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Education": (
        ("Learning", "Academy", "Classroom", "Tutoring", "Schools", "Education", "College"),
        ("Teacher", "Learning Designer", "Head of Department", "Lecturer", "Admissions Officer",
         "Curriculum Lead", "UX Researcher", "Product Manager", "Data Analyst", "Principal"),
    ),
    "Health care": (
        ("Health", "Clinics", "Care", "Medical", "Wellbeing", "Therapeutics", "Hospital Group"),
        ("Nurse", "Physician", "Pharmacist", "Physiotherapist", "Clinical Lead", "Data Analyst",
         "UX Researcher", "Operations Manager", "Practice Manager", "Health Visitor"),
    ),
    "Software": (
        ("Systems", "Software", "Labs", "Cloud", "Data", "Digital", "Apps"),
        ("Software Engineer", "Product Manager", "Product Designer", "UX Researcher",
         "Data Scientist", "Site Reliability Engineer", "Engineering Manager", "Recruiter",
         "Technical Writer", "Sales Director"),
    ),
    "Research and consulting": (
        ("Research", "Insights", "Consulting", "Partners", "Strategy", "Advisory", "Studio"),
        ("UX Researcher", "Consultant", "Research Director", "Service Designer", "Analyst",
         "Project Manager", "Managing Partner", "Research Operations Lead", "Strategist",
         "Interaction Designer"),
    ),
    "Finance": (
        ("Bank", "Credit Union", "Capital", "Insurance", "Payments", "Savings", "Finance"),
        ("Financial Analyst", "Risk Manager", "Branch Manager", "Product Owner", "Actuary",
         "Compliance Officer", "UX Researcher", "Data Analyst", "Loan Officer", "Accountant"),
    ),
    "Manufacturing": (
        ("Works", "Manufacturing", "Industries", "Fabrication", "Materials", "Robotics",
         "Components"),
        ("Process Engineer", "Plant Manager", "Quality Inspector", "Supply Chain Analyst",
         "Mechanical Engineer", "Buyer", "Safety Officer", "Technician", "Product Designer",
         "Operations Director"),
    ),
    "Retail": (
        ("Market", "Stores", "Outfitters", "Grocers", "Goods", "Supply", "Trading"),
        ("Store Manager", "Merchandiser", "Buyer", "E-commerce Manager", "Customer Service Lead",
         "Marketing Manager", "UX Researcher", "Data Analyst", "Logistics Coordinator",
         "Visual Designer"),
    ),
    "Public sector": (
        ("Council", "Agency", "Authority", "Trust", "Services", "Commission", "Library Service"),
        ("Policy Officer", "Caseworker", "Service Designer", "User Researcher", "Planner",
         "Programme Manager", "Librarian", "Data Analyst", "Communications Officer",
         "Social Worker"),
    ),
}  # fmt: skip
_NAME_WORDS = (
    "Amber", "Arbor", "Aspen", "Beacon", "Birch", "Bluefin", "Bramble", "Brightwater", "Cedar",
    "Cobalt", "Copper", "Coral", "Crescent", "Driftwood", "Ember", "Evergreen", "Falcon",
    "Fernway", "Firefly", "Foxglove", "Glacier", "Granite", "Harbor", "Hazel", "Heron",
    "Highland", "Indigo", "Juniper", "Kestrel", "Lantern", "Larkspur", "Linden", "Maple",
    "Marigold", "Meadow", "Millstone", "Nimbus", "Northwind", "Oakridge", "Orchard", "Osprey",
    "Pebble", "Pinecrest", "Quarry", "Quartz", "Rainier", "Redwood", "Riverbend", "Saffron",
    "Sandstone", "Silverline", "Skylark", "Sparrow", "Stonebridge", "Summit", "Thistle",
    "Tidewater", "Timber", "Umber", "Vantage", "Verity", "Willow", "Windmill", "Zephyr",
)  # fmt: skip
_NAME_ENDINGS = ("", " Group", " Partners", " Collective", " Network", " Union")
_CITIES = (
    "Harborview", "Lakemont", "Eastbridge", "Westmere", "Northfield", "Southport", "Kingsford",
    "Ashby Vale", "Elmstead", "Glenrock", "Millbrook", "Fairhaven", "Redcliff", "Stonehaven",
    "Larkfield", "Oakhurst", "Brackenridge", "Port Selwyn", "Thornbury", "Wyndham Falls",
)  # fmt: skip
_SCHOOL_TYPES = ("University", "College", "Institute of Technology", "School of Design",
                 "Community College", "Polytechnic")  # fmt: skip


def make_network(
    size: int,
    seed: int = 0,
    *,
    mean_degree: int | None = None,
    rewiring: float = 0.1,
) -> Network:
    """Draw a random contact network with the shape of real social networks.

    Real networks are *small worlds* (Watts & Strogatz, 1998): two of your
    contacts often know each other (high clustering), yet a few steps reach
    almost anyone (short paths). This generator starts from people in a
    ring, ordered by industry and organisation, each tied to the
    ``mean_degree`` people nearest them, so that most ties join colleagues
    and the rest join neighbouring organisations in the same industry
    (former colleagues). It then moves a fraction ``rewiring`` of ties to a
    person drawn at random: these long ties are friends, acquaintances,
    online contacts, relatives and, between people from the same school,
    classmates and alumni. Organisation sizes are heavy-tailed (a few large
    employers, many small ones).

    Person 0 is the learner, with id ``"me"`` and the name ``"Me"``; the
    others have ids ``"p000001"``, ``"p000002"``... and names drawn from
    lists of given names and family names from many languages (names repeat
    in big networks; ids never do). Each tie has a kind, a strength (the
    kind's default from :data:`~coffeechat.contacts.DEFAULT_STRENGTH` give or
    take a little) and the date the two met.

    The same ``size`` and ``seed`` always give the same network. The work is
    done on numpy arrays, so 300,000 people with 3 million ties take seconds.

    Parameters
    ----------
    size : int
        How many people, the learner included; at least 50.
    seed : int
        Seed of the random generator.
    mean_degree : int, optional
        How many ties a person has on average (before ties drawn twice are
        merged); an odd number is rounded down to an even one. The default is
        20, or less for networks under 200 people (``size // 10``).
    rewiring : float
        The fraction of ties moved to a random person, in [0, 1]. 0 keeps the
        ring (long paths); 1 gives a random network (little clustering).

    Returns
    -------
    Network

    Raises
    ------
    InvalidParameter
        If ``size`` is not an integer of at least 50, or ``mean_degree`` or
        ``rewiring`` is out of range.

    Examples
    --------
    >>> net = make_network(200, seed=7)
    >>> net
    Network(200 people, ... ties, me='me')
    >>> net.person("p000001").id
    'p000001'
    >>> make_network(200, seed=7) == net
    True
    """
    size = whole_number(size, "size", minimum=50)
    seed = whole_number(seed, "seed", minimum=0)
    if mean_degree is None:
        mean_degree = min(20, size // 10)
    if (
        isinstance(mean_degree, bool)
        or not isinstance(mean_degree, numbers.Integral)
        or not 2 <= mean_degree <= (size - 1) // 2
    ):
        raise InvalidParameter(
            f"mean_degree must be a whole number from 2 to {(size - 1) // 2}, not {mean_degree!r}"
        )
    if not isinstance(rewiring, numbers.Real) or not 0 <= rewiring <= 1:
        raise InvalidParameter(f"rewiring must be a number from 0 to 1, not {rewiring!r}")
    people, ties = _small_world(size, int(seed), int(mean_degree) // 2, float(rewiring))
    return Network.from_frames(people, ties, me="me")


def _small_world(
    n: int, seed: int, half: int, rewiring: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    industries = list(_INDUSTRIES)

    # organisations: heavy-tailed sizes, grouped by industry along the ring
    n_orgs = max(4, n // 25)
    org_industry = np.sort(rng.integers(len(industries), size=n_orgs))
    weights = rng.pareto(1.2, n_orgs) + 1.0
    counts = rng.multinomial(n, weights / weights.sum())
    org_of = np.repeat(np.arange(n_orgs), counts)
    org_names = _organization_names(rng, org_industry, industries)
    org_city = rng.integers(len(_CITIES), size=n_orgs)
    industry_of = org_industry[org_of]

    # schools: a few big ones, many small ones
    n_schools = max(6, n // 2000)
    school_names = _school_names(rng, n_schools)
    rank = np.arange(1, n_schools + 1)
    school_of = rng.choice(n_schools, size=n, p=(1 / rank) / (1 / rank).sum())

    roles = np.array([_INDUSTRIES[name][1] for name in industries], dtype=object)
    role_of = roles[industry_of, rng.integers(roles.shape[1], size=n)]
    first = np.array(_FIRST_NAMES, dtype=object)[rng.integers(len(_FIRST_NAMES), size=n)]
    last = np.array(_SURNAMES, dtype=object)[rng.integers(len(_SURNAMES), size=n)]
    names = first + " " + last
    width = max(6, len(str(n - 1)))
    ids = np.array(["me"] + [f"p{i:0{width}d}" for i in range(1, n)], dtype=object)
    names[0] = "Me"
    people = pd.DataFrame(
        {
            "id": ids,
            "name": names,
            "organization": org_names[org_of],
            "role": role_of,
            "industry": np.array(industries, dtype=object)[industry_of],
            "location": np.array(_CITIES, dtype=object)[org_city[org_of]],
            "school": school_names[school_of],
        }
    )

    # ties: a ring lattice, a fraction rewired to random people, duplicates merged
    source = np.repeat(np.arange(n, dtype=np.int64), half)
    target = (source + np.tile(np.arange(1, half + 1, dtype=np.int64), n)) % n
    moved = rng.random(len(source)) < rewiring
    target[moved] = rng.integers(n, size=int(moved.sum()))
    lo, hi = np.minimum(source, target), np.maximum(source, target)
    keep = lo != hi
    # sort on the pair, with a low bit so that a moved copy of a pair comes first
    key = np.sort(((lo[keep] * n + hi[keep]) << 1) | ~moved[keep])
    pair = key >> 1
    first = np.ones(len(key), dtype=bool)
    first[1:] = pair[1:] != pair[:-1]
    moved = (key[first] & 1) == 0
    lo, hi = np.divmod(pair[first], n)
    m = len(lo)

    kind = np.full(m, TIE_KINDS.index("former colleague"), dtype=np.int64)
    kind[org_of[lo] == org_of[hi]] = TIE_KINDS.index("colleague")
    far = moved & (org_of[lo] != org_of[hi])
    long_kinds = np.array(
        [
            TIE_KINDS.index(k)
            for k in ("friend", "acquaintance", "online", "family", "former colleague")
        ]
    )
    kind[far] = long_kinds[
        rng.choice(len(long_kinds), size=int(far.sum()), p=(0.3, 0.3, 0.25, 0.05, 0.1))
    ]
    schoolmates = far & (school_of[lo] == school_of[hi])
    kind[schoolmates] = np.where(
        rng.random(int(schoolmates.sum())) < 0.4,
        TIE_KINDS.index("classmate"),
        TIE_KINDS.index("alumni"),
    )
    base = np.array([DEFAULT_STRENGTH[k] for k in TIE_KINDS])[kind]
    strength = np.clip(np.round(base + rng.normal(0.0, 0.08, m), 2), 0.05, 1.0)

    first_day, last_day = date(2000, 1, 1).toordinal(), date(2025, 12, 31).toordinal()
    calendar = np.array([date.fromordinal(d) for d in range(first_day, last_day + 1)])
    met_on = calendar[rng.integers(len(calendar), size=m)]
    met_on[kind == TIE_KINDS.index("family")] = None

    ties = pd.DataFrame(
        {
            "source": ids[lo],
            "target": ids[hi],
            "strength": strength,
            "kind": np.array(TIE_KINDS, dtype=object)[kind],
            "met_on": met_on,
        }
    )
    return people, ties


def _organization_names(
    rng: np.random.Generator, org_industry: np.ndarray, industries: list[str]
) -> np.ndarray:
    """Distinct made-up names, such as 'Juniper Health Partners', per industry."""
    names = np.empty(len(org_industry), dtype=object)
    words = np.array(_NAME_WORDS, dtype=object)
    endings = np.array(_NAME_ENDINGS, dtype=object)
    for i, industry in enumerate(industries):
        where = np.flatnonzero(org_industry == i)
        if not len(where):
            continue
        nouns = np.array(_INDUSTRIES[industry][0], dtype=object)
        space = len(words) * len(nouns) * len(endings)
        picks = rng.choice(space, size=min(len(where), space), replace=False)
        picks = np.resize(picks, len(where))  # beyond the space, names repeat with a number
        w, rest = np.divmod(picks, len(nouns) * len(endings))
        noun, ending = np.divmod(rest, len(endings))
        made = words[w] + " " + nouns[noun] + endings[ending]
        repeat = np.arange(len(where)) // space
        numbered = repeat > 0
        made[numbered] = made[numbered] + " " + (repeat[numbered] + 1).astype(str).astype(object)
        names[where] = made
    return names


def _school_names(rng: np.random.Generator, n_schools: int) -> np.ndarray:
    places = np.array(_CITIES + _NAME_WORDS, dtype=object)
    types = np.array(_SCHOOL_TYPES, dtype=object)
    space = len(places) * len(types)
    picks = rng.choice(space, size=min(n_schools, space), replace=False)
    place, kind = np.divmod(picks, len(types))
    names = places[place] + " " + types[kind]
    if n_schools > space:
        extra = np.arange(n_schools - space)
        names = np.concatenate(
            [names, names[extra % space] + " " + (extra // space + 2).astype(str)]
        )
    return names


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
    "contact",
    "organization",
    "email",
    "sent_on",
    "replied_on",
    "meeting_on",
    "thanked_on",
    "followed_up_on",
    "notes",
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
    near_farthest = sorted(q for q in network.neighbors(farthest) if q != me and q in hops)
    direct = sorted(p for p, h in hops.items() if h == 1)
    further = sorted(p for p, h in hops.items() if h >= 2 and p != farthest)
    if len(further) < 20 or not direct:
        raise InvalidParameter("the network is too small: it needs 20 people 2 or more hops away")

    # who: 7 requests, then 8 conversations (the first with a direct contact)
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
    requests = people[1:8]
    met = [old_friend, bridge, *people[8:14]]

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

    # (b) conversations: the gap from meeting to thank-you, in hours, and the
    # other person's offset, chosen so that each kind of mistake shows
    east = [o for o in _OFFSETS if o - mine >= 5]
    west = [o for o in _OFFSETS if mine - o >= 3]

    def pick(options: list[float]) -> float:
        return float(rng.choice(options)) if options else mine

    gaps: list[tuple[float | None, float, int]] = [
        (float(rng.integers(2, 7)), pick(list(_OFFSETS)), 13),  # prompt
        (24.0, pick(list(_OFFSETS)), 11),  # exactly a day: still in time
        (24.5, pick(list(_OFFSETS)), 15),  # just late
        (float(rng.integers(25, 28)), pick(east), 10),  # late, looks prompt by the clocks
        (float(rng.choice([22.0, 22.5, 23.0])), pick(west) if west else mine, 9),  # prompt,
        (30.0, mine, 8),  # late, but "the next day" on the calendar
        (float(rng.integers(40, 47)), pick(list(_OFFSETS)), 16),  # two days on, yet days == 1
        (None, pick(list(_OFFSETS)), 14),  # no thank-you yet
    ]
    others = rng.permutation(met[1:]).tolist()
    for k, (gap, theirs, hour) in enumerate(gaps):
        person = others[k - 1] if k else old_friend
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
        if k == 0:
            dates["notes"] = "knew them already: coffee"
        row(person, **dates)
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
