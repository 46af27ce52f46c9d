"""The "your turn" steps on a learner's own export, and what they say without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from coffeechat.employer_plan import next_moves
from coffeechat.profile import make_profile, read_profile
from coffeechat.your_turn import (
    ask_for_names,
    core_questions,
    research_card_for,
    three_circles,
    your_export,
    your_profile,
)
from linkedin_exports import EXPORTS

PROFILE = make_profile("UX research", "UX Researcher", ["Acme Robotics", "Glasswing Labs"])


@pytest.fixture(scope="module")
def mine(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    EXPORTS[1].write(folder / "Connections.csv")
    return your_export(folder)


def test_no_export_says_how_to_get_one(tmp_path: Path) -> None:
    """Without a file: no network, and words on where to ask and that it takes up to a day."""
    found = your_export(tmp_path)
    assert found.network is None
    assert "Get a copy of your data" in found.message and "up to a day" in found.message


def test_a_broken_export_is_explained_not_raised(tmp_path: Path) -> None:
    """A file that is not an export gives a message naming the problem, not a traceback."""
    (tmp_path / "Connections.csv").write_text("Name,Phone\nAna,123\n", encoding="utf-8")
    found = your_export(tmp_path)
    assert found.network is None
    assert "could not be read" in found.message and "First Name" in found.message


def test_the_profile_is_typed_and_saved_beside_the_export(mine) -> None:
    """your_profile makes the profile from the answers given and keeps it beside the export."""
    profile = your_profile(mine, "UX research", "UX Researcher", ["Glasswing Labs"], "", "Sam")
    assert read_profile(mine.profile_path) == profile
    assert mine.profile_path.parent == mine.path.parent


def test_three_circles_count_the_learners_contacts(mine) -> None:
    """Each circle counts contacts by field words, target organisations (any spelling) and role."""
    circles = three_circles(mine.network, PROFILE).set_index("circle")["people"]
    people = EXPORTS[1].people()
    acme = sum(company.strip().lower().startswith("acme robotics") for *_, company, _ in people)
    glass = sum(company == "Glasswing Labs" for *_, company, _ in people)
    assert circles["the organisations (Acme Robotics, Glasswing Labs)"] == acme + glass
    in_role = sum("ux researcher" in position.lower() for *_, position in people)
    assert circles["the job (UX Researcher)"] == in_role
    assert circles["the industry (UX research)"] >= in_role


def test_ten_people_to_ask_for_names_start_with_the_circles(mine) -> None:
    """Ten contacts, those in more circles first, each with a reason."""
    names = ask_for_names(mine.network, PROFILE)
    assert len(names) == 10 and names["id"].is_unique
    assert "the organisations" in names["why"].iloc[0] and "the job" in names["why"].iloc[0]
    assert all(names["why"])


def test_a_research_card_and_three_core_questions_for_an_export_contact(mine) -> None:
    """The card says what an export cannot know; the questions speak of the learner's field."""
    first = ask_for_names(mine.network, PROFILE)["id"].iloc[0]
    card = research_card_for(mine.network, first).to_markdown()
    assert mine.network.person(first).name in card and "look it up" in card
    plan = core_questions(mine.network, first, PROFILE)
    texts = plan.to_frame().query("section == 'questions'")["text"].head(3).tolist()
    assert len(texts) == 3 and not any("{" in t for t in texts)
    assert any("UX research" in t for t in plan.to_frame()["text"])


def test_the_blurb_names_the_learner(mine) -> None:
    """A forwarded note names the learner from the profile, or leaves a gap to fill, never 'Me'."""
    gap = next_moves(mine.network, "Quillfeather Institute", PROFILE)[0].draft.text
    assert '"[your name] is exploring' in gap
    named = make_profile("UX research", "UX Researcher", ["Acme Robotics"], name="Sam Rivera")
    text = next_moves(mine.network, "Quillfeather Institute", named)[0].draft.text
    assert '"Sam Rivera is exploring' in text
