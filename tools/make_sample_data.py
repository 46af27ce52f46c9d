"""Write Coffee Chat's bundled sample data into src/coffeechat/data/.

The sample is fictional: every person and organisation in it is made up. It is
the network of Alex Moreno, a secondary-school science teacher who wants to
move into user-experience (UX) research, with about forty first-degree
contacts and about two hundred people in all, working for fifteen
organisations in four industries that supply, compete with and buy from each
other.

The hand-written part (the learner's contacts and a few people at target
organisations) tells the stories the course uses; the rest is drawn with a
fixed seed, so running the script again writes the same files byte for byte.

    .venv/bin/python tools/make_sample_data.py          # write the files
    .venv/bin/python tools/make_sample_data.py --check  # fail if they differ
"""

from __future__ import annotations

import csv
import io
import re
from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from _writer import write_or_check

from coffeechat._contact_files import slug, unique_ids
from coffeechat._generated import _FIRST_NAMES as FIRST_NAMES
from coffeechat._generated import _SURNAMES as SURNAMES
from coffeechat.contacts import TIE_KINDS, Network, Person, Tie
from coffeechat.io import write_csv

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"
SEED = 20250117
ME_NAME = "Alex Moreno"

# ----------------------------------------------------------------- organisations


@dataclass(frozen=True)
class Org:
    name: str
    industry: str
    description: str
    city: str
    staff: int
    domain: str
    roles: tuple[str, ...]


ORGS = (
    Org("Riverside Academy", "Education", "secondary school for 11 to 18 year olds",
        "Harborview", 14, "riverside-academy.example",
        ("History Teacher", "Chemistry Teacher", "Biology Teacher", "Music Teacher",
         "Special Educational Needs Coordinator", "School Business Manager",
         "Geography Teacher", "Head Teacher")),
    Org("Northgate University", "Education", "public university with a school of education "
        "and a human-computer interaction lab", "Harborview", 14, "northgate.example",
        ("Lecturer in Education", "Professor of Human-Computer Interaction", "Research Fellow",
         "Admissions Officer", "Postdoctoral Researcher", "Head of the School of Education",
         "Study Skills Tutor")),
    Org("Brindlewood Learning", "Education", "learning platform used by schools and colleges",
        "Harborview", 16, "brindlewood.example",
        ("UX Researcher", "Senior UX Researcher", "Product Designer", "Software Engineer",
         "Data Analyst", "Customer Success Manager", "Learning Designer", "Chief Executive",
         "Engineering Manager", "Content Designer")),
    Org("Lumen Classroom", "Education", "classroom analytics app for teachers",
        "Lakemont", 12, "lumenclassroom.example",
        ("UX Researcher", "Product Designer", "Software Engineer", "Data Scientist",
         "Teacher Community Manager", "Founder and Chief Executive", "QA Engineer")),
    Org("Calder Health", "Health care", "group of three hospitals", "Harborview", 18,
        "calderhealth.example",
        ("Ward Nurse", "Consultant Physician", "Data Analyst", "Physiotherapist", "Pharmacist",
         "Patient Experience Lead", "Operations Manager", "Junior Doctor", "Midwife")),
    Org("Verdant Clinics", "Health care", "chain of community health clinics", "Eastbridge",
        10, "verdantclinics.example",
        ("General Practitioner", "Nurse Practitioner", "Receptionist", "Clinic Director",
         "Health Visitor", "Pharmacist")),
    Org("Medisight Analytics", "Health care", "health data platform for hospitals and clinics",
        "Lakemont", 12, "medisight.example",
        ("Data Scientist", "Product Manager", "UX Researcher", "Software Engineer",
         "Clinical Data Specialist", "Head of Product", "Data Engineer")),
    Org("Pulsewise", "Health care", "patient app for booking care and tracking recovery",
        "Harborview", 12, "pulsewise.example",
        ("Product Designer", "Product Manager", "Mobile Developer", "Content Designer",
         "Marketing Manager", "Chief Technology Officer", "UX Writer")),
    Org("Cloudmere Systems", "Software", "cloud hosting and data storage", "Lakemont", 14,
        "cloudmere.example",
        ("Software Engineer", "Solutions Architect", "Product Manager", "Support Engineer",
         "Security Engineer", "Account Executive", "Chief Executive")),
    Org("Quillstack", "Software", "software for planning, recording and sharing user "
        "research", "Harborview", 10, "quillstack.example",
        ("Software Engineer", "UX Researcher", "Developer Advocate", "Product Manager",
         "Head of Design", "Sales Manager")),
    Org("Tessellate Labs", "Software", "data analytics and dashboard software", "Eastbridge",
        10, "tessellate.example",
        ("Data Engineer", "Data Analyst", "Product Manager", "Machine Learning Engineer",
         "Sales Engineer", "Chief Executive")),
    Org("Kitewire Surveys", "Software", "online survey and questionnaire tool", "Eastbridge", 8,
        "kitewire.example",
        ("Survey Methodologist", "Software Engineer", "Customer Support Specialist",
         "Product Manager", "Founder")),
    Org("Fieldnote Research", "Research and consulting", "user-experience research agency",
        "Harborview", 10, "fieldnote.example",
        ("Senior UX Researcher", "Research Operations Coordinator", "Service Designer",
         "Project Manager", "Junior UX Researcher")),
    Org("Harbor & Finch Consulting", "Research and consulting", "service design consultancy",
        "Harborview", 9, "harborfinch.example",
        ("Strategy Consultant", "Interaction Designer", "Managing Partner", "UX Researcher")),
    Org("Meridian Market Insights", "Research and consulting", "market research firm",
        "Lakemont", 8, "meridian-insights.example",
        ("Market Research Analyst", "Quantitative Researcher", "Insights Manager",
         "Client Services Manager")),
)  # fmt: skip
ORG = {o.name: o for o in ORGS}

#: (supplier, customer) pairs; competitors below.
SUPPLIES = (
    ("Brindlewood Learning", "Riverside Academy"),
    ("Brindlewood Learning", "Northgate University"),
    ("Lumen Classroom", "Riverside Academy"),
    ("Lumen Classroom", "Northgate University"),
    ("Medisight Analytics", "Calder Health"),
    ("Medisight Analytics", "Verdant Clinics"),
    ("Pulsewise", "Verdant Clinics"),
    ("Pulsewise", "Calder Health"),
    ("Cloudmere Systems", "Brindlewood Learning"),
    ("Cloudmere Systems", "Lumen Classroom"),
    ("Cloudmere Systems", "Medisight Analytics"),
    ("Cloudmere Systems", "Pulsewise"),
    ("Cloudmere Systems", "Quillstack"),
    ("Quillstack", "Brindlewood Learning"),
    ("Quillstack", "Pulsewise"),
    ("Quillstack", "Fieldnote Research"),
    ("Quillstack", "Harbor & Finch Consulting"),
    ("Tessellate Labs", "Medisight Analytics"),
    ("Tessellate Labs", "Lumen Classroom"),
    ("Tessellate Labs", "Meridian Market Insights"),
    ("Kitewire Surveys", "Northgate University"),
    ("Kitewire Surveys", "Meridian Market Insights"),
    ("Kitewire Surveys", "Fieldnote Research"),
    ("Fieldnote Research", "Brindlewood Learning"),
    ("Fieldnote Research", "Pulsewise"),
    ("Fieldnote Research", "Calder Health"),
    ("Harbor & Finch Consulting", "Verdant Clinics"),
    ("Harbor & Finch Consulting", "Lumen Classroom"),
    ("Meridian Market Insights", "Verdant Clinics"),
    ("Meridian Market Insights", "Cloudmere Systems"),
)
COMPETES = (
    ("Brindlewood Learning", "Lumen Classroom"),
    ("Calder Health", "Verdant Clinics"),
    ("Medisight Analytics", "Pulsewise"),
    ("Quillstack", "Kitewire Surveys"),
    ("Quillstack", "Tessellate Labs"),
    ("Fieldnote Research", "Harbor & Finch Consulting"),
    ("Fieldnote Research", "Meridian Market Insights"),
)

SCHOOLS = (
    "Northgate University",
    "Eastfield University",
    "Lakemont Institute of Technology",
    "Kestrel School of Design",
    "Harborview Community College",
    "Ashcombe College",
)
SCHOOL_WEIGHTS = (0.26, 0.2, 0.2, 0.1, 0.14, 0.1)

# ----------------------------------------------------------------- the learner's contacts


@dataclass(frozen=True)
class Contact:
    first: str
    last: str
    org: str
    role: str
    kind: str
    strength: float
    met_on: str | None
    last_contact: str | None
    school: str = ""
    industry: str = ""
    tags: str = ""
    email: bool = False
    linkedin: bool = True
    related: str = ""  # vCard RELATED type, for the cards written to contacts.vcf
    connected: str | None = None  # when they connected on LinkedIn, if not drawn

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


C = Contact
FIRST_DEGREE = (
    # family
    C("Lucía", "Moreno", "Calder Health", "Ward Nurse", "family", 0.95, None, "2025-01-05",
      "Harborview Community College", related="sibling", email=True),
    C("Tomás", "Moreno", "", "Retired Network Engineer", "family", 0.9, None, "2025-01-12",
      "Lakemont Institute of Technology", "Software", linkedin=False, related="parent"),
    C("Diego", "Moreno", "Northgate University", "Facilities Manager", "family", 0.7, None,
      "2024-12-24", related="kin"),
    # colleagues at Riverside Academy
    C("Grace", "Mensah", "Riverside Academy", "Head of Science, Years 7–13", "colleague", 0.85,
      "2017-08-29", "2025-01-10", "Eastfield University", tags="mentor", email=True,
      related="colleague"),
    C("Oliver", "Brandt", "Riverside Academy", "Maths Teacher", "colleague", 0.7, "2017-08-29",
      "2025-01-09", "Northgate University", related="co-worker"),
    C("Priya", "Raman", "Riverside Academy", "English Teacher", "colleague", 0.8, "2018-09-03",
      "2025-01-10", "Ashcombe College", related="co-worker"),
    C("Hamid", "Rahimi", "Riverside Academy", "Deputy Head", "colleague", 0.55, "2017-08-29",
      "2024-12-18", "Eastfield University"),
    C("Chloé", "Dubois", "Riverside Academy", "French Teacher", "colleague", 0.6, "2020-09-01",
      "2025-01-08", "Ashcombe College"),
    C("Kwame", "Asante", "Riverside Academy", "IT Coordinator", "colleague", 0.65, "2019-01-07",
      "2025-01-06", "Lakemont Institute of Technology", tags="edtech; systems"),
    C("Mei Lin", "Chen", "Riverside Academy", "Art Teacher", "colleague", 0.5, "2021-09-01",
      "2024-12-13", "Kestrel School of Design"),
    C("Ravi", "Desai", "Riverside Academy", "PE Teacher", "colleague", 0.45, "2022-09-05",
      "2024-12-13", "Harborview Community College"),
    C("Sofia", "Marino", "Riverside Academy", "School Librarian", "colleague", 0.7,
      "2018-01-08", "2025-01-07", "Northgate University", related="colleague"),
    C("Maria", "Silva", "Riverside Academy", "Teaching Assistant", "colleague", 0.6,
      "2019-04-23", "2025-01-07", "Harborview Community College", connected="2024-09-18"),
    # former colleagues
    C("Jonas", "Weber", "Lumen Classroom", "Learning Designer", "former colleague", 0.75,
      "2017-08-29", "2024-11-20", "Northgate University", tags="mentor; edtech", email=True,
      related="x-former-colleague"),
    C("Aisha", "Bello", "Northgate University", "Lecturer in Education", "former colleague",
      0.6, "2012-09-03", "2024-10-02", "Northgate University"),
    C("Patrick", "O'Malley", "", "Freelance Tutor", "former colleague", 0.5, "2012-09-03",
      "2024-06-15", "Eastfield University", "Education"),
    C("Elena", "Petrova", "Calder Health", "Patient Education Coordinator", "former colleague",
      0.55, "2013-09-02", "2024-09-30", "Northgate University"),
    # classmates: Northgate University (BEd, 2008-2012) and Kestrel (UX research, 2024)
    C("Yusuf", "Demir", "Cloudmere Systems", "Technical Writer", "classmate", 0.5,
      "2008-09-22", "2024-08-14", "Northgate University"),
    C("Hana", "Kobayashi", "Northgate University", "PhD Candidate in Human-Computer Interaction",
      "classmate", 0.55, "2008-09-22", "2024-11-02", "Northgate University", tags="ux"),
    C("Lars", "Eriksson", "", "Freelance UX Designer", "classmate", 0.6, "2024-01-15",
      "2025-01-11", "Kestrel School of Design", "Research and consulting",
      tags="ux; kestrel cohort", email=True, related="x-classmate"),
    C("Zoë", "Lefèvre", "Brindlewood Learning", "Junior UX Researcher", "classmate", 0.5,
      "2024-01-15", "2024-12-02", "Kestrel School of Design", tags="ux; kestrel cohort"),
    C("Tunde", "Okonkwo", "", "", "classmate", 0.55, "2024-01-15", "2024-12-20",
      "Kestrel School of Design", tags="kestrel cohort"),
    C("Siobhán", "Ní Bhriain", "Northgate University", "Learning Technologist", "classmate",
      0.45, "2024-01-15", "2024-10-28", "Kestrel School of Design", tags="kestrel cohort"),
    # friends
    C("Óscar", "Ibáñez", "", "Freelance Data Analyst", "friend", 0.8, "2011-02-12",
      "2025-01-04", "Eastfield University", "Research and consulting", tags="data",
      email=True, related="friend"),
    C("Leila", "Haddad", "Verdant Clinics", "Practice Manager", "friend", 0.75, "2014-07-19",
      "2024-12-28", "Harborview Community College", related="friend"),
    C("Ben", "Carter", "", "Sound Engineer", "friend", 0.85, "2010-05-01", "2025-01-11",
      "Ashcombe College", linkedin=False, related="friend"),
    C("Ngozi", "Eze", "Northgate University", "Careers Adviser", "friend", 0.7, "2009-10-10",
      "2024-12-15", "Northgate University", tags="careers", related="friend"),
    C("Marek", "Nowak", "Cloudmere Systems", "Site Reliability Engineer", "friend", 0.65,
      "2015-03-21", "2024-11-30", "Lakemont Institute of Technology", related="friend"),
    C("Ana Sofía", "Reyes", "", "Illustrator", "friend", 0.7, "2016-06-11", "2024-12-30",
      "Kestrel School of Design", "Research and consulting", related="friend"),
    # alumni of Northgate University, met at alumni events
    C("Rachel", "Goldberg", "Fieldnote Research", "Research Director", "alumni", 0.3,
      "2023-05-18", "2024-05-20", "Northgate University", tags="ux"),
    C("Dmitri", "Volkov", "Cloudmere Systems", "Sales Director", "alumni", 0.3, "2022-11-09",
      "2023-02-01", "Northgate University"),
    C("Fatima Zahra", "Benali", "Calder Health", "Digital Services Manager", "alumni", 0.35,
      "2023-05-18", "2024-03-11", "Northgate University"),
    # acquaintances
    C("Farah", "Siddiqui", "Fieldnote Research", "UX Researcher", "acquaintance", 0.25,
      "2024-09-26", "2024-09-26", "Lakemont Institute of Technology", tags="ux; meetup",
      related="met"),
    C("Gustavo", "Pereira", "", "Photographer", "acquaintance", 0.3, "2021-07-03",
      "2023-08-19", "Ashcombe College", related="met"),
    C("Kai", "Kahale", "Verdant Clinics", "Physiotherapist", "acquaintance", 0.3,
      "2022-03-14", "2024-04-02", "Eastfield University"),
    C("Maria", "Silva", "Brindlewood Learning", "Sales Lead", "acquaintance", 0.3, "2023-10-12",
      "2023-10-12", "Ashcombe College", tags="edtech fair"),
    # online only
    C("Kenji", "Watanabe", "Brindlewood Learning", "Product Manager, Teacher Tools", "online",
      0.2, "2024-03-12", None, "Lakemont Institute of Technology"),
    C("Chiara", "Romano", "Lumen Classroom", "Head of Product, Classroom Analytics", "online",
      0.15, "2023-06-30", None, "Eastfield University"),
    C("Samuel", "Osei", "Northgate University", "UX Lab Manager", "online", 0.2, "2024-10-03",
      None, "Northgate University"),
    C("Valentina", "Cruz", "Cloudmere Systems", "Recruiter", "online", 0.2, "2024-11-19", None,
      "Harborview Community College"),
    C("Ahmed", "Farouk", "Calder Health", "Data Analyst", "online", 0.2, "2024-07-08", None,
      "Lakemont Institute of Technology"),
)  # fmt: skip

#: Named people beyond the learner's contacts, whom the course's stories are about.
STORY_PEOPLE = (
    ("Marcus Feld", "Calder Health", "Clinical Informatics Lead", "Northgate University"),
    ("Amara Nwosu", "Pulsewise", "Head of UX Research", "Eastfield University"),
    ("Noor Khalil", "Pulsewise", "UX Researcher", "Kestrel School of Design"),
    ("Ji-woo Park", "Quillstack", "Product Designer", "Kestrel School of Design"),
    ("Beatriz Santos", "Quillstack", "Research Operations Lead", "Northgate University"),
    ("Erik Lindqvist", "Quillstack", "Customer Success Manager", "Ashcombe College"),
    ("Wei Zhang", "Medisight Analytics", "Lead Data Scientist", "Eastfield University"),
    ("Irina Popescu", "Medisight Analytics", "Account Manager", "Ashcombe College"),
    ("Theo Marchetti", "Harbor & Finch Consulting", "Service Designer",
     "Kestrel School of Design"),
    ("Yasmin Aziz", "Harbor & Finch Consulting", "Design Director", "Eastfield University"),
    ("Ingrid Halvorsen", "Cloudmere Systems", "Head of Infrastructure",
     "Lakemont Institute of Technology"),
    ("Mateo Fernández", "Tessellate Labs", "Senior UX Researcher", "Northgate University"),
    ("Olumide Bakare", "Meridian Market Insights", "Research Director", "Eastfield University"),
    ("Camille Laurent", "Kitewire Surveys", "UX Research Lead", "Kestrel School of Design"),
    ("Sunita Pillai", "Brindlewood Learning", "Head of UX Research", "Northgate University"),
    ("Tariq Mahmood", "Fieldnote Research", "UX Researcher", "Eastfield University"),
)  # fmt: skip

#: Hand-written ties that make the stories: (a, b, kind, strength, met_on).
STORY_TIES = (
    # Pulsewise: short but weak through Farah; long but strong through Lucía.
    ("Farah Siddiqui", "Amara Nwosu", "acquaintance", 0.3, "2023-03-02"),
    ("Lucía Moreno", "Marcus Feld", "colleague", 0.8, "2016-04-11"),
    ("Marcus Feld", "Amara Nwosu", "former colleague", 0.75, "2015-01-19"),
    ("Lars Eriksson", "Noor Khalil", "friend", 0.7, "2019-08-03"),
    # Quillstack: three different first-degree contacts know someone there.
    ("Lars Eriksson", "Ji-woo Park", "classmate", 0.6, "2018-01-15"),
    ("Yusuf Demir", "Erik Lindqvist", "acquaintance", 0.35, "2022-06-07"),
    ("Rachel Goldberg", "Beatriz Santos", "acquaintance", 0.4, "2021-10-21"),
    # Medisight Analytics
    ("Óscar Ibáñez", "Wei Zhang", "former colleague", 0.6, "2016-02-01"),
    ("Fatima Zahra Benali", "Irina Popescu", "acquaintance", 0.45, "2022-04-28"),
    # Harbor & Finch Consulting
    ("Jonas Weber", "Theo Marchetti", "acquaintance", 0.4, "2023-02-15"),
    ("Leila Haddad", "Yasmin Aziz", "acquaintance", 0.35, "2021-05-06"),
    # Brindlewood's head of UX research, through Zoë (weak) or Kwame (stronger)
    ("Kwame Asante", "Sunita Pillai", "acquaintance", 0.45, "2021-09-14"),
    # Cloudmere: the learner's father once worked with its head of infrastructure
    ("Tomás Moreno", "Ingrid Halvorsen", "former colleague", 0.6, "2004-03-01"),
    # Three hops: Tessellate, Meridian and Kitewire are known only by second-degree people.
    ("Ingrid Halvorsen", "Mateo Fernández", "former colleague", 0.55, "2017-11-06"),
    ("Wei Zhang", "Mateo Fernández", "acquaintance", 0.4, "2022-09-12"),
    ("Tariq Mahmood", "Olumide Bakare", "former colleague", 0.6, "2018-06-25"),
    ("Sunita Pillai", "Camille Laurent", "alumni", 0.35, "2020-10-01"),
    # friends of friends among the learner's contacts
    ("Ben Carter", "Óscar Ibáñez", "friend", 0.75, "2011-02-12"),
    ("Lars Eriksson", "Zoë Lefèvre", "classmate", 0.55, "2024-01-15"),
    ("Tunde Okonkwo", "Siobhán Ní Bhriain", "classmate", 0.5, "2024-01-15"),
    ("Ngozi Eze", "Aisha Bello", "colleague", 0.6, "2014-09-01"),
    ("Hana Kobayashi", "Samuel Osei", "colleague", 0.7, "2021-10-04"),
    ("Lucía Moreno", "Diego Moreno", "family", 0.85, None),
    ("Lucía Moreno", "Tomás Moreno", "family", 0.9, None),
    ("Jonas Weber", "Chiara Romano", "colleague", 0.65, "2020-01-06"),
)

UNAFFILIATED_ROLES = (
    ("Freelance Illustrator", "Research and consulting"),
    ("Graduate Student", "Education"),
    ("Retired Teacher", "Education"),
    ("Freelance Copywriter", "Research and consulting"),
    ("Independent UX Consultant", "Research and consulting"),
    ("Carpenter", ""),
    ("Career Break", ""),
    ("Undergraduate Student", "Education"),
    ("Freelance Software Developer", "Software"),
    ("Community Organiser", ""),
    ("Retired Nurse", "Health care"),
    ("Private Tutor", "Education"),
)
UNAFFILIATED = 14

# ----------------------------------------------------------------- building


@dataclass
class Sample:
    people: list[Person]
    ties: list[Tie]
    me: Person


#: Words that start a title only one person in an organisation holds.
ONE_HOLDER = ("Chief ", "Head of", "Founder", "Managing Partner", "Clinic Director", "Head Teacher")


UX_WORDS = re.compile(r"UX|Research|Design")


def one_holder(role: str) -> bool:
    """Whether only one person in an organisation can hold ``role`` (a chief, a head)."""
    return role.startswith(ONE_HOLDER) or " and Chief " in role


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def build() -> Sample:
    rng = np.random.default_rng(SEED)
    me = Person("me", ME_NAME, "Riverside Academy", "Science Teacher", "Education",
                "Harborview", "Northgate University", "alex.moreno@mail.example",
                ("career change", "ux research"))  # fmt: skip

    taken = {c.name for c in FIRST_DEGREE} | {s[0] for s in STORY_PEOPLE} | {ME_NAME}
    generated: list[tuple[str, str, str, str]] = []  # name, org, role, school

    def new_name() -> str:
        while True:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
            if name not in taken:
                taken.add(name)
                return name

    def school() -> str:
        return str(rng.choice(SCHOOLS, p=SCHOOL_WEIGHTS))

    staff: dict[str, list[str]] = {o.name: [] for o in ORGS}
    for c in FIRST_DEGREE:
        if c.org:
            staff[c.org].append(c.name)
    for name, org, _, _ in STORY_PEOPLE:
        staff[org].append(name)
    for org in ORGS:
        held = {role for c in FIRST_DEGREE if c.org == org.name for role in [c.role]}
        held |= {role for _, o, role, _ in STORY_PEOPLE if o == org.name}
        for _ in range(org.staff - len(staff[org.name])):
            name = new_name()
            role = str(rng.choice(org.roles))
            if role in held and one_holder(role):
                # one Chief Technology Officer per firm: the draw stays (so the
                # rest of the sample is unchanged), the role goes to the firm's
                # first role that many can hold and that the course's UX
                # examples do not count (so they keep their answers)
                role = next(r for r in org.roles if not one_holder(r) and not UX_WORDS.search(r))
            held.add(role)
            generated.append((name, org.name, role, school()))
            staff[org.name].append(name)
    for _ in range(UNAFFILIATED):
        name = new_name()
        role = UNAFFILIATED_ROLES[int(rng.integers(len(UNAFFILIATED_ROLES)))][0]
        generated.append((name, "", role, school()))

    # people, with ids made from names the way the importers make them
    # name, organisation, role, industry, location, school, email, tags
    rows: list[tuple[str, str, str, str, str, str, str, str]] = []
    for c in FIRST_DEGREE:
        org = ORG.get(c.org)
        industry = org.industry if org else c.industry
        city = org.city if org else "Harborview"
        email = ""
        if c.email:
            domain = org.domain if org else "mail.example"
            email = f"{slug(c.first).replace('-', '.')}.{slug(c.last).replace('-', '')}@{domain}"
        rows.append((c.name, c.org, c.role, industry, city, c.school, email, c.tags))
    for name, org_name, role, school_name in STORY_PEOPLE:
        org = ORG[org_name]
        rows.append((name, org_name, role, org.industry, org.city, school_name, "", ""))
    cities = ("Harborview", "Lakemont", "Eastbridge")
    for name, org_name, role, school_name in generated:
        org = ORG.get(org_name)
        if org is not None:
            industry, city = org.industry, org.city
        else:
            industry = dict(UNAFFILIATED_ROLES)[role]
            city = str(rng.choice(cities, p=(0.6, 0.2, 0.2)))
        rows.append((name, org_name, role, industry, city, school_name, "", ""))
    ids = unique_ids([r[0] for r in rows], {"me"})
    by_name: dict[str, str] = {}
    for pid, row in zip(ids, rows, strict=True):
        by_name.setdefault(row[0], pid)
    people = [me] + [
        Person(pid, name, org, role, ind, loc, sch, email, tuple(t for t in tags.split("; ") if t))
        for pid, (name, org, role, ind, loc, sch, email, tags) in zip(ids, rows, strict=True)
    ]
    person = {p.id: p for p in people}
    first_ids = {ids[i] for i in range(len(FIRST_DEGREE))}

    ties: dict[frozenset[str], Tie] = {}

    def add(a: str, b: str, kind: str, strength: float, met_on: date | None,
            last: date | None = None) -> None:  # fmt: skip
        key = frozenset((a, b))
        if a != b and key not in ties:
            ties[key] = Tie(a, b, round(float(strength), 2), kind, met_on, last)

    def random_date(start_year: int = 2006) -> date | None:
        if rng.random() < 0.25:
            return None
        start = date(start_year, 1, 1).toordinal()
        return date.fromordinal(int(rng.integers(start, date(2024, 12, 31).toordinal())))

    def strength(low: float, high: float) -> float:
        return round(float(rng.uniform(low, high)) * 20) / 20

    # 1. the learner's own ties
    for i, c in enumerate(FIRST_DEGREE):
        add("me", ids[i], c.kind, c.strength, _date(c.met_on), _date(c.last_contact))
    # 2. the stories
    for a, b, kind, s, met in STORY_TIES:
        add(by_name[a], by_name[b], kind, s, _date(met))
    # 3. colleagues: a ring inside each organisation, plus a few shortcuts
    name_to_id = by_name
    for org in ORGS:
        members = [name_to_id[n] for n in staff[org.name]]
        order = [members[i] for i in rng.permutation(len(members))]
        n = len(order)
        for i in range(n):
            for step in (1, 2):
                add(order[i], order[(i + step) % n], "colleague", strength(0.4, 0.85),
                    random_date(2012))  # fmt: skip
            if rng.random() < 0.35:
                other = order[int(rng.integers(n))]
                add(order[i], other, "colleague", strength(0.35, 0.8), random_date(2012))
    # 4. ties between organisations, among people who are not the learner's contacts
    pool = {o.name: [name_to_id[n] for n in staff[o.name] if name_to_id[n] not in first_ids]
            for o in ORGS}  # fmt: skip
    relations = [(a, b, "supplies") for a, b in SUPPLIES] + [
        (a, b, "competes") for a, b in COMPETES
    ]
    for _ in range(95):
        if rng.random() < 0.7:
            a_org, b_org, how = relations[int(rng.integers(len(relations)))]
        else:
            a_org, b_org = (ORGS[int(i)].name for i in rng.choice(len(ORGS), 2, replace=False))
            how = "none"
        a = pool[a_org][int(rng.integers(len(pool[a_org])))]
        b = pool[b_org][int(rng.integers(len(pool[b_org])))]
        if how == "competes":
            kind, s = "former colleague", strength(0.4, 0.75)
        elif how == "supplies":
            kind, s = str(rng.choice(["acquaintance", "former colleague", "online"],
                                     p=(0.6, 0.25, 0.15))), 0.0  # fmt: skip
            s = {"acquaintance": strength(0.2, 0.5), "former colleague": strength(0.4, 0.7),
                 "online": strength(0.1, 0.25)}[kind]  # fmt: skip
        elif person[a].school == person[b].school:
            kind, s = str(rng.choice(["alumni", "classmate"])), strength(0.25, 0.6)
        else:
            kind, s = str(rng.choice(["friend", "acquaintance", "family"], p=(0.5, 0.4, 0.1))), 0.0
            s = {"friend": strength(0.55, 0.9), "acquaintance": strength(0.2, 0.45),
                 "family": strength(0.7, 0.95)}[kind]  # fmt: skip
        add(a, b, kind, s, None if kind == "family" else random_date())
    # 5. people with no organisation know two or three people anywhere
    everyone = [p.id for p in people if p.id != "me"]
    loose = [name_to_id[g[0]] for g in generated if not g[1]]
    for pid in loose:
        for _ in range(int(rng.integers(2, 4))):
            other = everyone[int(rng.integers(len(everyone)))]
            kind = str(rng.choice(["friend", "family", "acquaintance", "classmate"],
                                  p=(0.45, 0.15, 0.3, 0.1)))  # fmt: skip
            s = {"friend": strength(0.55, 0.9), "family": strength(0.7, 0.95),
                 "acquaintance": strength(0.2, 0.45),
                 "classmate": strength(0.3, 0.6)}[kind]  # fmt: skip
            add(pid, other, kind, s, None if kind == "family" else random_date())
    return Sample(people, list(ties.values()), me)


# ----------------------------------------------------------------- checks


def _hops(net: Network) -> dict[str, int]:
    dist = {net.me: 0}
    queue = deque([net.me])
    while queue:
        node = queue.popleft()
        for other in net.neighbors(node):
            if other not in dist:
                dist[other] = dist[node] + 1
                queue.append(other)
    return dist


def check(net: Network) -> None:
    """Fail loudly if the sample no longer tells the stories the course needs."""
    dist = _hops(net)
    assert len(dist) == len(net), "everyone must be reachable from the learner"
    people = net.people.set_index("id")
    nearest = {}
    for org in ORGS:
        members = people.index[people["organization"] == org.name]
        nearest[org.name] = min(dist[m] for m in members)
    assert {n for n, d in nearest.items() if d == 3} >= {
        "Tessellate Labs", "Meridian Market Insights", "Kitewire Surveys"
    }, nearest  # fmt: skip
    assert {n for n, d in nearest.items() if d == 2} >= {
        "Pulsewise", "Quillstack", "Medisight Analytics", "Harbor & Finch Consulting"
    }, nearest  # fmt: skip
    kinds = set(net.ties["kind"])
    assert kinds == set(TIE_KINDS), kinds
    assert 35 <= net.degree("me") <= 45
    assert 180 <= len(net) <= 220, len(net)


# ----------------------------------------------------------------- other formats

NOTES = (
    "Notes:\n"
    '"Some e-mail addresses may be missing: an address is only included when that member '
    'lets their connections download it. Your privacy settings explain more."\n'
    "\n"
)


def _linkedin_date(d: date) -> str:
    return d.strftime("%d %b %Y")


def connections_csv(sample: Sample) -> str:
    """LinkedIn's export of the learner's connections, newest first."""
    rng = np.random.default_rng(SEED + 1)
    rows = []
    for i, c in enumerate(FIRST_DEGREE):
        if not c.linkedin:
            continue
        if c.connected:
            connected = _date(c.connected)
        elif c.kind == "online":
            connected = _date(c.met_on)
        else:
            start = max(_date(c.met_on) or date(2013, 1, 1), date(2012, 6, 1))
            connected = start + timedelta(days=int(rng.integers(20, 400)))
        company = c.org
        if company == "Cloudmere Systems":
            company = "Cloudmere Systems, Inc."  # as its staff write it on their profiles
        email = ""
        if c.email and c.kind in ("friend", "classmate"):
            email = sample.people[i + 1].email
        url = f"https://www.linkedin.com/in/{slug(c.name)}-{int(rng.integers(16**7, 16**8)):08x}"
        rows.append((connected, [c.first, c.last, url, email, company, c.role]))
    # Maria Silva of Riverside Academy joined LinkedIn late, so her row comes before the
    # other Maria Silva's, and gets the same id as in the sample network.
    rows.sort(key=lambda r: r[0], reverse=True)
    out = io.StringIO()
    out.write(NOTES)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])  # fmt: skip
    for connected, row in rows:
        writer.writerow([*row, _linkedin_date(connected)])
    return "\ufeff" + out.getvalue()


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets, as RFC 6350 asks."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " "
        current += ch
    out.append(current)
    return "\r\n".join(out)


def contacts_vcf(sample: Sample) -> str:
    """The learner's phone contacts: family, friends and a few colleagues."""
    cards = []
    for i, c in enumerate(FIRST_DEGREE):
        if not c.related:
            continue
        p = sample.people[i + 1]
        lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_vcard_escape(c.name)}",
                 f"N:{_vcard_escape(c.last)};{_vcard_escape(c.first)};;;"]  # fmt: skip
        if p.organization:
            lines.append(f"ORG:{_vcard_escape(p.organization)}")
        if p.role:
            lines.append(f"TITLE:{_vcard_escape(p.role)}")
        if p.email:
            lines.append(f"EMAIL;TYPE=work:{p.email}")
        lines.append(f"ADR;TYPE=home:;;;{p.location};;;")
        if p.tags:
            lines.append("CATEGORIES:" + ",".join(_vcard_escape(t) for t in p.tags))
        lines.append(f"RELATED;TYPE={c.related};VALUE=text:{ME_NAME}")
        lines.append(f"NOTE:{_vcard_escape(_note(c))}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(_fold(line) for line in lines))
    return "\r\n".join(cards) + "\r\n"


def _note(c: Contact) -> str:
    if c.met_on:
        return f"Known since {c.met_on[:4]} ({c.kind}). Last in touch {c.last_contact}."
    return f"Family. Last in touch {c.last_contact}."


GOOGLE_HEADER = (
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
    "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label",
    "E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Address 1 - Label",
    "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City", "Address 1 - PO Box",
    "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 1 - Extended Address",
)  # fmt: skip
GOOGLE_LABELS = {
    "family": "Family",
    "friend": "Friends",
    "colleague": "Coworkers",
    "former colleague": "Former coworkers",
    "classmate": "Classmates",
}


def google_contacts_csv(sample: Sample) -> str:
    """Google Contacts' export of the contacts the learner keeps there."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(GOOGLE_HEADER)
    phone = 5550100
    for i, c in enumerate(FIRST_DEGREE):
        if c.kind not in GOOGLE_LABELS or not (c.email or c.kind in ("family", "friend")):
            continue
        p = sample.people[i + 1]
        labels = [GOOGLE_LABELS[c.kind], *p.tags, "* myContacts"]
        if c.kind == "family":
            labels.insert(0, "* starred")
        row = dict.fromkeys(GOOGLE_HEADER, "")
        row.update({
            "First Name": c.first, "Last Name": c.last, "File As": c.name,
            "Organization Name": p.organization, "Organization Title": p.role,
            "Labels": " ::: ".join(labels), "Address 1 - City": p.location,
            "Address 1 - Label": "Home", "Phone 1 - Label": "Mobile",
            "Phone 1 - Value": f"+1 555 {phone % 10000:04d}",
        })  # fmt: skip
        phone += 7
        if p.email:
            row["E-mail 1 - Label"] = "* Work" if p.organization else "* Home"
            row["E-mail 1 - Value"] = p.email
        writer.writerow(row.values())
    return out.getvalue()


def organizations_csv() -> str:
    supplier_of: dict[str, list[str]] = {o.name: [] for o in ORGS}
    customer_of: dict[str, list[str]] = {o.name: [] for o in ORGS}
    competitor_of: dict[str, list[str]] = {o.name: [] for o in ORGS}
    for a, b in SUPPLIES:
        supplier_of[a].append(b)
        customer_of[b].append(a)
    for a, b in COMPETES:
        competitor_of[a].append(b)
        competitor_of[b].append(a)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "industry", "description", "city", "website",
                     "supplier_of", "customer_of", "competitor_of"])  # fmt: skip
    for o in ORGS:
        writer.writerow([o.name, o.industry, o.description, o.city, f"https://{o.domain}",
                         "; ".join(supplier_of[o.name]), "; ".join(customer_of[o.name]),
                         "; ".join(competitor_of[o.name])])  # fmt: skip
    return out.getvalue()


# ----------------------------------------------------------------- main


def files() -> dict[str, bytes]:
    import tempfile

    sample = build()
    net = Network(sample.people, sample.ties, me="me")
    check(net)
    result: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        write_csv(net, Path(tmp) / "people.csv", Path(tmp) / "ties.csv")
        for name in ("people.csv", "ties.csv"):
            result[name] = (Path(tmp) / name).read_bytes()
    result["organizations.csv"] = organizations_csv().encode()
    result["Connections.csv"] = connections_csv(sample).encode()
    result["contacts.vcf"] = contacts_vcf(sample).encode()
    result["google_contacts.csv"] = google_contacts_csv(sample).encode()
    return result


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], files, argv)


if __name__ == "__main__":
    raise SystemExit(main())
