"""The generator of large random networks behind :func:`coffeechat.datasets.make_network`.

Networks with the shape real social networks have: most of your contacts
know each other, yet a few steps reach almost anyone (a Watts-Strogatz ring
of people, some ties rewired at random), with made-up names, employers,
schools and cities. Use it through :mod:`coffeechat.datasets`.
"""

from __future__ import annotations

import numbers
from datetime import date

import numpy as np
import pandas as pd

from coffeechat._args import whole_number
from coffeechat.contacts import DEFAULT_STRENGTH, TIE_KINDS, Network
from coffeechat.errors import InvalidParameter

__all__ = ["make_network"]

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
