"""Write a set of short, fictional job postings: src/coffeechat/data/postings.csv.

Every field has its own words: a school advertises for someone to plan
lessons and assess pupils, a hospital for someone to keep patients safe on
the ward, a software firm for someone to ship code, a consultancy for someone
to run workshops with clients. Module 4 finds those words with pandas. The
postings are made up, for the sample's four industries, at the sample's
fifteen organisations and a few more, all fictional; every posting mixes
sentences of its own industry with sentences any employer writes, drawn with
a fixed seed, so running the script again writes the same file byte for byte.

    .venv/bin/python tools/make_postings.py          # write the file
    .venv/bin/python tools/make_postings.py --check  # fail if it differs
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _writer import csv_bytes, write_or_check

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"
SEED = 20260412
PER_INDUSTRY = 75
COLUMNS = ("id", "organization", "industry", "title", "text")

#: Per industry: employers, job titles, and sentences that use the field's words.
INDUSTRIES: dict[str, dict[str, tuple[str, ...]]] = {
    "Education": {
        "organizations": (
            "Riverside Academy",
            "Northgate University",
            "Brindlewood Learning",
            "Lumen Classroom",
            "Oakfield Primary School",
            "Westbrook Sixth Form College",
        ),
        "titles": (
            "Science Teacher",
            "Curriculum Designer",
            "Learning Designer",
            "Head of Year",
            "Teaching Assistant",
            "Learning Researcher",
            "Education Content Writer",
        ),
        "sentences": (
            "You will plan engaging lessons and assess pupils' progress each term.",
            "Help us design a curriculum that meets every learner where they are.",
            "You will work with teachers to improve assessment and feedback in the classroom.",
            "Safeguarding training is provided, and safeguarding is everyone's duty.",
            "Experience of differentiation for pupils with special educational needs is welcome.",
            "You will support pastoral care and attendance across the year group.",
            "Bring ideas for lessons that build literacy and numeracy.",
            "You will map learning outcomes to the national curriculum.",
            "Join a school where pupils, parents and teachers learn together.",
            "Observe lessons, interview teachers and turn classroom evidence into better courses.",
            "Knowledge of pedagogy and formative assessment is essential.",
        ),
    },
    "Health care": {
        "organizations": (
            "Calder Health",
            "Verdant Clinics",
            "Medisight Analytics",
            "Pulsewise",
            "Millbrook Care Home",
            "Linden Community Pharmacy",
        ),
        "titles": (
            "Ward Nurse",
            "Clinical Data Analyst",
            "Patient Experience Researcher",
            "Healthcare Assistant",
            "Clinical Informatics Lead",
            "Service Improvement Manager",
        ),
        "sentences": (
            "You will keep patients safe and comfortable on a busy ward.",
            "Work with clinicians to improve patient outcomes and patient safety.",
            "Experience of clinical governance and audit is an advantage.",
            "You will help patients book care and track their recovery.",
            "Handle patient records in line with clinical confidentiality rules.",
            "Support clinical teams with shift handovers and triage.",
            "Our clinics serve patients in the community, close to home.",
            "Interview patients and carers to understand their journey through our services.",
            "You will analyse clinical data to reduce waiting times and readmissions.",
            "Knowledge of infection control and medication safety is essential.",
            "Work shifts, including some nights and weekends, on the ward.",
        ),
    },
    "Software": {
        "organizations": (
            "Cloudmere Systems",
            "Quillstack",
            "Tessellate Labs",
            "Kitewire Surveys",
            "Bytewell Studio",
            "Norrland Data",
        ),
        "titles": (
            "Software Engineer",
            "Product Designer",
            "UX Researcher",
            "Data Engineer",
            "Product Manager",
            "Technical Writer",
            "Site Reliability Engineer",
        ),
        "sentences": (
            "You will ship features in two-week sprints with a cross-functional squad.",
            "Write clean code, review pull requests and deploy to the cloud every day.",
            "Help us design APIs that developers love to integrate with.",
            "Run usability tests on prototypes and share findings with the product team.",
            "Experience with Python, SQL or TypeScript is a plus.",
            "You will own a slice of the backlog and work closely with engineering.",
            "We run our platform on containers, with automated testing and deployment.",
            "Turn user research into a roadmap the product team can act on.",
            "Keep our SaaS platform fast, secure and available around the clock.",
            "Write documentation that helps customers get started with our API.",
            "You will measure adoption, retention and churn across our product.",
        ),
    },
    "Research and consulting": {
        "organizations": (
            "Fieldnote Research",
            "Harbor & Finch Consulting",
            "Meridian Market Insights",
            "Civic Pulse Polling",
            "Lantern Insight Group",
            "Northlight Advisory",
        ),
        "titles": (
            "UX Research Consultant",
            "Market Research Analyst",
            "Service Designer",
            "Research Associate",
            "Engagement Manager",
            "Insight Consultant",
        ),
        "sentences": (
            "You will lead client workshops and present insights to stakeholders.",
            "Plan fieldwork, recruit participants and run interviews across the country.",
            "Write proposals and manage engagements from kick-off to final report.",
            "Synthesise qualitative findings into clear recommendations for clients.",
            "Design surveys and analyse the results for public and private clients.",
            "Map service journeys with clients and their customers.",
            "You will manage several client engagements at a time, on budget.",
            "Experience of ethnography, diary studies or focus groups is welcome.",
            "Build long relationships with clients and help win new business.",
            "Translate stakeholder goals into a research plan and a clear brief.",
            "Our consultants travel to client sites and work on short engagements.",
        ),
    },
}

#: Sentences any employer writes: the words a field does *not* own.
GENERIC = (
    "We are looking for a motivated person to join our friendly team.",
    "You will have excellent communication skills and attention to detail.",
    "We offer flexible working, a pension and generous annual leave.",
    "Experience of working in a team is essential.",
    "Please apply with a short cover letter explaining your experience.",
    "We welcome applications from people of all backgrounds.",
    "You will manage your time well and work with colleagues across the organisation.",
    "Training and support are provided, with time for your development.",
    "This role is full time, with some hybrid working.",
    "Strong written and spoken communication skills are needed.",
)


def postings() -> list[dict[str, str]]:
    """The rows of postings.csv: ``PER_INDUSTRY`` postings per industry, in a fixed order."""
    rng = np.random.default_rng(SEED)
    rows: list[dict[str, str]] = []
    number = 0
    for industry, spec in INDUSTRIES.items():
        own = spec["sentences"]
        for _ in range(PER_INDUSTRY):
            number += 1
            organization = spec["organizations"][int(rng.integers(len(spec["organizations"])))]
            title = spec["titles"][int(rng.integers(len(spec["titles"])))]
            picks = [
                own[i] for i in rng.choice(len(own), size=int(rng.integers(2, 4)), replace=False)
            ]
            picks += [
                GENERIC[i]
                for i in rng.choice(len(GENERIC), size=int(rng.integers(2, 4)), replace=False)
            ]
            order = rng.permutation(len(picks))
            opening = f"{organization} is hiring a {title}."
            text = " ".join([opening, *(picks[i] for i in order)])
            rows.append(
                {
                    "id": f"post-{number:03d}",
                    "organization": organization,
                    "industry": industry,
                    "title": title,
                    "text": text,
                }
            )
    order = rng.permutation(len(rows))
    return [rows[i] for i in order]


def files() -> dict[str, bytes]:
    return {"postings.csv": csv_bytes(postings(), COLUMNS)}


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], files, argv)


if __name__ == "__main__":
    raise SystemExit(main())
