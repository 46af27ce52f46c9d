"""Write the role-play's answer templates and the practice transcripts into src/coffeechat/data/.

``answers.csv`` holds what the fictional personas of Module 5 say: answer
templates keyed on a question's topic, details keyed on an industry (the
concrete things a persona mentions, which a good follow-up picks up), and the
replies to a follow-up, a web-searchable question, a job request and the two
closing questions. Texts use the slots ``{role}``, ``{organization}``,
``{industry}`` and ``{detail}``.

``transcripts.csv`` and ``interviews.csv`` are six practice conversations
played through :class:`coffeechat.conversation.Conversation` with a fixed
seed, so running the script again writes the same files byte for byte.

    .venv/bin/python tools/make_transcripts.py          # write the files
    .venv/bin/python tools/make_transcripts.py --check  # fail if they differ
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from _writer import write_or_check

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "coffeechat" / "data"
sys.path.insert(0, str(ROOT / "src"))

SEED = 2050  # a seed whose six conversations show every mistake, and one without any
COUNT = 6

# (topic, text): answers to a core question, any industry.
ANSWERS = [
    (
        "career path",
        "I came to {organization} almost by accident. What made the difference was "
        "{detail}: it showed me that the skills from my first job carried over into {industry}.",
    ),
    (
        "career path",
        "Most people in my role as {role} arrive from somewhere else. For me the "
        "step in was {detail}, and I still lean on it.",
    ),
    (
        "day-to-day",
        "A normal week as {role} is about half meetings and half focused work. The "
        "part I would not give up is {detail}, because that is where the real decisions happen.",
    ),
    (
        "day-to-day",
        "Right now most of my days at {organization} go on {detail}. It is slower "
        "than people imagine, and much more about talking to people than about tools.",
    ),
    (
        "culture",
        "At {organization} people are direct but kind. You see the culture best in "
        "{detail}: anyone can question anything, as long as they bring evidence.",
    ),
    (
        "culture",
        "Newcomers are often surprised by how much we write things down. {detail} is a "
        "good example of how we work together at {organization}.",
    ),
    (
        "industry",
        "The biggest change in {industry} right now is budgets getting tighter while "
        "expectations rise. Everyone I know is watching {detail} closely.",
    ),
    (
        "industry",
        "In five years I expect {industry} to rely far more on evidence. The teams that "
        "already take {detail} seriously will be ahead.",
    ),
    (
        "skills",
        "The skill that matters most as {role} is listening well, honestly. The one "
        "people underrate is {detail}; I wish I had practised it sooner.",
    ),
    (
        "skills",
        "Technical skills get you the interview, but {detail} is what makes people trust "
        "you here at {organization}.",
    ),
    (
        "entry paths",
        "People get in through very different doors. A common one at {organization} "
        "is {detail}, which lets you show what you can do before anyone reads a CV.",
    ),
    (
        "entry paths",
        "If I were starting again I would build a small portfolio around {detail}. "
        "It says more than a certificate in {industry}.",
    ),
    (
        "work environment",
        "We are in the office two days a week. The days together are built "
        "around {detail}, and the rest is quiet work from home.",
    ),
    (
        "pay and schedule",
        "The hours are steady most of the year, except around {detail}, when "
        "everyone pitches in. Pay in {industry} depends a lot on the organisation.",
    ),
]

# (industry, detail): the concrete things a persona mentions; each has two or more content words.
DETAILS = [
    ("Education", "the weekly lesson study group"),
    ("Education", "marking moderation meetings"),
    ("Education", "the parent survey redesign"),
    ("Education", "our pilot of reading dashboards"),
    ("Education", "the summer curriculum review"),
    ("Health care", "the patient discharge checklist"),
    ("Health care", "the night shift handover"),
    ("Health care", "our clinic waiting time study"),
    ("Health care", "the nurse led diary study"),
    ("Health care", "ward safety huddles"),
    ("Software", "the monthly design critique"),
    ("Software", "usability testing sessions"),
    ("Software", "the onboarding flow rewrite"),
    ("Software", "incident review meetings"),
    ("Software", "our accessibility audit"),
    ("Research and consulting", "client discovery workshops"),
    ("Research and consulting", "the survey panel rebuild"),
    ("Research and consulting", "stakeholder interview synthesis"),
    ("Research and consulting", "our proposal writing sprint"),
    ("Research and consulting", "field research trips"),
]

# kind -> texts for any industry.
REPLIES = {
    "follow-up": [
        "Good question. {detail} started small, with two of us and a shared document, and it "
        "grew because it saved time. The lesson for me was to show results before asking for "
        "support.",
        "With {detail} the hard part was never the method, it was getting people to make time "
        "for it. Once they saw the first results, they came back on their own.",
    ],
    "searchable": [
        "That one is on our website, to be honest, and it is more up to date than my memory. "
        "I would rather tell you what the website does not say.",
        "You would find that with a quick search on {organization}. Is there something about my "
        "own work you would like to know instead?",
    ],
    "job": [
        "Oh. I am not the right person for openings, I am afraid; the careers page lists them. "
        "Shall we go back to what you wanted to learn?",
    ],
    "closing-anything-else": [
        "Maybe ask people about {detail}. Hardly anyone asks, and it tells you a lot about how a "
        "team really works.",
    ],
    "closing-who-else": [
        "You should talk to a colleague of mine who runs {detail}. If you like, I will ask "
        "whether she would be happy to hear from you, and you can mention my name.",
    ],
    "stop": [
        "Thank you for keeping to time. It was a pleasure, and good luck with the search.",
    ],
}


def answers_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "kind", "topic", "industry", "text"])
    for n, (topic, text) in enumerate(ANSWERS, start=1):
        writer.writerow([f"answer-{n:02d}", "answer", topic, "any", text])
    for n, (industry, detail) in enumerate(DETAILS, start=1):
        writer.writerow([f"detail-{n:02d}", "detail", "any", industry, detail])
    for kind, texts in REPLIES.items():
        for n, text in enumerate(texts, start=1):
            writer.writerow([f"{kind}-{n}", kind, "any", "any", text])
    return out.getvalue()


def check(transcripts, interviews) -> None:
    """The bundled set must show every mistake the module teaches, and one clean conversation."""
    from coffeechat.conversation import score_transcripts

    s = score_transcripts(transcripts, interviews)
    shown = {
        "a learner who talks too much": (s["learner_share"] > 1 / 3).any(),
        "an overrun": (s["overrun"] > 0).any(),
        "a job request": (s["job_requests"] > 0).any(),
        "a web-searchable question": (s["searchable"] > 0).any(),
        "a missing closing question": (s["missing_closing"] > 0).any(),
        "too few follow-ups": (s["follow_ups"] < 2).any(),
        "a full score": (s["score"] == 10).any(),
    }
    lacking = [what for what, seen in shown.items() if not seen]
    if lacking:
        raise SystemExit("the transcripts show no " + ", ".join(lacking) + "; try another seed")


def files() -> dict[str, bytes]:
    import pandas as pd

    from coffeechat.practice import make_transcripts

    text = answers_csv()
    answers = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    transcripts, interviews = make_transcripts(COUNT, seed=SEED, answers=answers)
    check(transcripts, interviews)
    return {
        "answers.csv": text.encode(),
        "transcripts.csv": transcripts.to_csv(index=False, lineterminator="\n").encode(),
        "interviews.csv": interviews.to_csv(index=False, lineterminator="\n").encode(),
    }


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], files, argv)


if __name__ == "__main__":
    raise SystemExit(main())
