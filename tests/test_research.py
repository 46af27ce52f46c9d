"""Tests for coffeechat.research, the bundled positions and postings, and the question planner."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from coffeechat.contacts import Network, Person, Tie
from coffeechat.datasets import (
    load_sample_network,
    load_sample_organizations,
    load_sample_positions,
    load_sample_postings,
)
from coffeechat.errors import InvalidParameter, PersonNotFound, PlanError
from coffeechat.research import (
    AS_OF,
    distinctive_words,
    posting_words,
    relations_table,
    research_card,
    tenure_table,
    years_between,
)
from coffeechat.ui import agenda_html, planner_agenda, question_planner

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def network() -> Network:
    return load_sample_network()


# ------------------------------------------------------------------ bundled data


@pytest.mark.parametrize("script", ["make_positions.py", "make_postings.py"])
def test_bundled_files_are_what_the_generators_write(script: str) -> None:
    """tools/make_positions.py and tools/make_postings.py, run again, write the same bytes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_positions_agree_with_the_people_table(network: Network) -> None:
    """Everyone with an employer has one current position, the one the people table shows."""
    positions = load_sample_positions()
    current = positions[positions["end"] == ""].set_index("person")
    assert current.index.is_unique
    people = network.people.set_index("id")
    employed = people[people["organization"] != ""]
    assert set(current.index) == set(employed.index)
    for pid, row in current.iterrows():
        assert (row["organization"], row["role"]) == tuple(
            employed.loc[pid, ["organization", "role"]]
        )
    starts = pd.to_datetime(positions["start"])
    ends = pd.to_datetime(positions["end"].replace("", None))
    assert (starts.dt.date <= AS_OF).all()
    assert ((ends.isna()) | (ends >= starts)).all()


def test_postings_are_fictional_and_cover_every_sample_industry() -> None:
    """300 postings, 75 per industry, at organisations of the sample or other made-up ones."""
    postings = load_sample_postings()
    assert len(postings) == 300 and postings["id"].is_unique
    assert postings["industry"].value_counts().eq(75).all()
    assert set(load_sample_organizations()["industry"]) == set(postings["industry"])
    assert postings["text"].str.len().between(100, 800).all()


# ------------------------------------------------------------------ tenure


def _people(*ids: str) -> pd.DataFrame:
    return pd.DataFrame({"id": list(ids), "name": [i.title() for i in ids]})


def test_tenure_counts_from_the_first_day_at_the_organisation() -> None:
    """A promotion keeps the clock running; a job elsewhere before does not count."""
    positions = pd.DataFrame(
        [
            ("ana", "Elsewhere", "Clerk", "2010-01-01", "2014-01-01"),
            ("ana", "Acme", "Analyst", "2014-01-01", "2018-01-01"),
            ("ana", "Acme", "Lead Analyst", "2018-01-01", ""),
            ("ben", "Borealis", "Nurse", "2020-01-01", float("nan")),
            ("cy", "Acme", "Designer", "2019-01-01", "2021-01-01"),
        ],
        columns=["person", "organization", "role", "start", "end"],
    )
    table = tenure_table(_people("ana", "ben", "cy", "dee"), positions, "2024-01-01")
    assert list(table["id"]) == ["ana", "ben"]  # cy left, dee has no history
    ana = table.iloc[0]
    assert (ana["role"], ana["started"], ana["years"]) == ("Lead Analyst", date(2014, 1, 1), 10.0)
    assert table.iloc[1]["years"] == 4.0


def test_tenure_of_the_sample() -> None:
    """Alex has taught at Riverside Academy since September 2017."""
    table = tenure_table(load_sample_network().people, load_sample_positions()).set_index("id")
    assert table.loc["me", "started"] == date(2017, 9, 1)
    assert table.loc["me", "years"] == years_between("2017-09-01", AS_OF) == 8.3
    assert table.loc["amara-nwosu", "organization"] == "Pulsewise"


@pytest.mark.parametrize(
    ("people", "positions", "as_of", "match"),
    [
        ("people", None, AS_OF, "people must be a pandas DataFrame"),
        (None, pd.DataFrame({"person": []}), AS_OF, "positions has no column 'organization'"),
        (None, None, "January", "as_of='January' is not a date"),
    ],
)
def test_tenure_explains_bad_arguments(people, positions, as_of, match) -> None:
    """A wrong table or date is named in an InvalidParameter, not a KeyError."""
    people = _people("ana") if people is None else people
    if positions is None:
        positions = pd.DataFrame(columns=["person", "organization", "role", "start", "end"])
    with pytest.raises(InvalidParameter, match=match):
        tenure_table(people, positions, as_of)


# ------------------------------------------------------------------ relations


def test_relations_split_strip_and_name_the_direction() -> None:
    """supplier_of lists customers, customer_of suppliers; blanks give no rows; repeats go."""
    orgs = pd.DataFrame(
        {
            "name": ["Acme", "Borealis"],
            "supplier_of": ["Borealis;  Cedar ", ""],
            "customer_of": [float("nan"), "Acme"],
            "competitor_of": ["Dune; Dune", ""],
        }
    )
    table = relations_table(orgs)
    rows = set(table.itertuples(index=False, name=None))
    assert rows == {
        ("Acme", "customer", "Borealis"),
        ("Acme", "customer", "Cedar"),
        ("Acme", "competitor", "Dune"),
        ("Borealis", "supplier", "Acme"),
    }
    assert len(table) == 4


def test_sample_relations_agree_both_ways() -> None:
    """When A is a supplier of B, B is a customer of A, and competition goes both ways."""
    rows = set(relations_table(load_sample_organizations()).itertuples(index=False, name=None))
    mirror = {"supplier": "customer", "customer": "supplier", "competitor": "competitor"}
    assert all((b, mirror[r], a) in rows for a, r, b in rows)


# ------------------------------------------------------------------ the card


def test_research_card_tells_the_path_and_the_relations() -> None:
    """Amara's card: her job, 3.5 years at Pulsewise, two earlier jobs, Pulsewise's relations."""
    card = research_card("amara-nwosu")
    assert (card.role, card.organization, card.years) == ("Head of UX Research", "Pulsewise", 3.5)
    assert card.path[0].startswith("UX Researcher, Fieldnote Research (6.4 years)")
    assert len(card.path) == 2
    assert "Fieldnote Research" in card.suppliers
    assert card.competitors == ("Medisight Analytics",)
    frame = card.to_frame()
    assert list(frame.columns) == ["field", "value"]
    assert "**its competitors:** Medisight Analytics" in card.to_markdown()


def test_research_card_of_someone_without_history(network: Network) -> None:
    """No positions on record: the card says so instead of failing."""
    empty = pd.DataFrame(columns=["person", "organization", "role", "start", "end"])
    card = research_card("noor-khalil", network, positions=empty)
    assert card.years is None and card.role == "UX Researcher"
    assert "unknown" in card.to_markdown()


def test_research_card_unknown_person_suggests_names(network: Network) -> None:
    """A misspelt id raises PersonNotFound."""
    with pytest.raises(PersonNotFound):
        research_card("amara-nwosuu", network)


# ------------------------------------------------------------------ words


def test_posting_words_drop_case_punctuation_and_little_words() -> None:
    """Lower case, letters only, three letters or more, no stopwords."""
    assert posting_words("You will ASSESS pupils' work, in a team!") == [
        "assess",
        "pupils",
        "team",
    ]


def test_distinctive_words_count_postings_not_repetitions() -> None:
    """A word repeated in one posting counts once; shared words score zero and are left out."""
    ads = pd.DataFrame(
        {
            "industry": ["A", "A", "B", "B"],
            "text": ["ward ward ward team", "patients team", "code team", "code patients team"],
        }
    )
    table = distinctive_words(ads, top=5)
    a = table[table["industry"] == "A"].set_index("word")
    assert a.loc["ward", "share"] == 0.5 and a.loc["ward", "score"] == 0.5
    assert "team" not in a.index
    assert "patients" not in a.index  # 0.5 - 0.5
    assert list(table.loc[table["industry"] == "B", "word"]) == ["code"]


def test_distinctive_words_of_the_sample_are_the_fields_words() -> None:
    """The sample's health-care postings are marked by clinical words, not 'team'."""
    table = distinctive_words(load_sample_postings(), top=10)
    health = set(table.loc[table["industry"] == "Health care", "word"])
    assert {"patients", "clinical", "ward"} <= health
    assert not {"team", "experience", "communication"} & set(table["word"])
    assert table.groupby("industry").size().eq(10).all()


@pytest.mark.parametrize(("top", "match"), [(0, "top must be"), (True, "top must be")])
def test_distinctive_words_explain_bad_top(top, match) -> None:
    with pytest.raises(InvalidParameter, match=match):
        distinctive_words(load_sample_postings(), top=top)


# ------------------------------------------------------------------ the planner widget


def test_planner_agenda_in_both_formats(network: Network) -> None:
    """Markdown to read and a whole HTML page to print, with the referral question."""
    person = network.person("amara-nwosu")
    text = planner_agenda(["skills"], 15, person)
    assert text.startswith("# Informational interview with Amara Nwosu")
    page = planner_agenda(["skills"], 15, person, format="html")
    assert page.startswith("<!DOCTYPE html>") and "Who else should I talk to?" in page
    with pytest.raises(InvalidParameter, match="format must be one of"):
        planner_agenda(["skills"], 15, person, format="pdf")
    with pytest.raises(PlanError, match="unknown goal"):
        planner_agenda(["fame"], 15, person)


def test_agenda_html_escapes_text() -> None:
    """Names from the data cannot inject markup into the page."""
    from coffeechat.questions import plan_interview

    person = Person("x", "<b>Eve</b>", "A & B", "Analyst")
    page = agenda_html(plan_interview(["skills"], 15, person, seed=0))
    assert "<b>Eve</b>" not in page and "&lt;b&gt;Eve&lt;/b&gt;" in page


def test_question_planner_replans_when_values_change(network: Network, tmp_path: Path) -> None:
    """Goals, minutes and interviewee each replan; no goal shows a hint; Save writes both files."""
    planner = question_planner(network, interviewee="amara-nwosu", folder=tmp_path)
    assert planner.plan is not None and planner.plan.minutes == 20
    planner.minutes.value = 30
    assert planner.plan.minutes == 30 and "30 minutes" in planner.agenda.value
    planner.goals.value = ("culture",)
    assert planner.plan.goals == ("culture",)
    assert "on <b>1</b> of your 1 goal" in planner.summary.value
    planner.interviewee.value = "noor-khalil"
    assert "Noor Khalil" in planner.agenda.value
    md, page = planner._save()
    assert md.read_text(encoding="utf-8") == planner.markdown
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Saved" in planner.saved.value
    planner.goals.value = ()
    assert planner.plan is None and "Pick at least one goal" in planner.summary.value


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"minutes": 45}, InvalidParameter),
        ({"goals": ["fame"]}, InvalidParameter),
        ({"interviewee": "nobody-here"}, PersonNotFound),
    ],
)
def test_question_planner_rejects_bad_settings(network: Network, kwargs, error) -> None:
    with pytest.raises(error):
        question_planner(network, **kwargs)


def test_question_planner_needs_someone_with_a_role() -> None:
    lonely = Network([Person("me", "Sam"), Person("a", "Ana")], [Tie("me", "a", 0.5, "friend")])
    with pytest.raises(InvalidParameter, match="nobody with a role"):
        question_planner(lonely)
