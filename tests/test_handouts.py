"""Printable handouts: every page written, each holding the course's own rules."""

from __future__ import annotations

import re
import shutil

import pytest

from coffeechat.cli import main
from coffeechat.conversation import RUBRIC
from coffeechat.errors import InvalidParameter
from coffeechat.handouts import (
    PRE_WORKSHOP_NOTE,
    REQUEST_RULES,
    THANK_YOU_RULES,
    handouts,
    write_handouts,
)
from coffeechat.outreach import MAX_WORDS, follow_up_dates, review_request, review_thank_you
from coffeechat.questions import CLOSING_IDS, TIARA, load_bank
from coffeechat.research import research_card
from coffeechat.roleplay import QUESTION_MEASURES
from coffeechat.tracking import MIN_EMPLOYERS

PAGES = [
    "request-template", "contact-message", "lamp-sheet", "question-card", "research-card",
    "observer-scorecard", "3b7-sheet", "thank-you-template", "pre-workshop-note",
]  # fmt: skip


def page(name: str) -> str:
    return {h.name: h.html for h in handouts()}[name]


def text(html: str) -> str:
    """The page's words, tags removed and entities decoded."""
    import html as html_module

    words = html_module.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,.;:)])", r"\1", re.sub(r"\s+", " ", words))


def test_every_page_is_written(tmp_path):
    """write_handouts writes one HTML page a handout into the folder, made when missing."""
    written = write_handouts(tmp_path / "new" / "handouts")
    assert [p.name for p in written] == [f"{name}.html" for name in PAGES]
    for path in written:
        body = path.read_text(encoding="utf-8")
        assert body.startswith("<!DOCTYPE html>") and "@page" in body and "@media print" in body


@pytest.mark.parametrize("name", ["request-template", "contact-message"])
def test_the_request_pages_hold_the_reviews_rules(name):
    """Every rule the request review applies is on the page, named and in words."""
    rules = review_request("Hi Ana, would you be open to a 20-minute call?").rules
    words = text(page(name))
    for rule in rules:
        assert rule in words and REQUEST_RULES[rule] in words, rule
    assert f"Under {MAX_WORDS} words" in words


def test_the_thank_you_page_holds_the_reviews_rules():
    """Every rule of the thank-you review is on the thank-you template."""
    words = text(page("thank-you-template"))
    for rule in review_thank_you("Thanks.", "2026-03-02", "2026-03-03").rules:
        assert rule in words and THANK_YOU_RULES[rule] in words, rule


def test_the_observer_scorecard_has_module_5s_measures():
    """The triad's scorecard lists the scorecard's measures, what earns them and their points."""
    words = text(page("observer-scorecard"))
    for measure, points, rule in RUBRIC:
        assert re.search(rf"{re.escape(measure)}\s+{re.escape(rule)}\s+{points}\b", words), measure
    assert "total" in words and str(sum(p for _, p, _ in RUBRIC)) in words
    for measure in QUESTION_MEASURES[1:]:  # the role-play's labels, to tally each question
        assert measure in words


def test_the_question_card_has_tiara_and_the_closing_questions():
    """TIARA's five kinds, an example from the bank for each, and both closing questions."""
    words = text(page("question-card"))
    bank = load_bank()
    for category in TIARA:
        assert category.title() in words
    for qid in CLOSING_IDS:
        assert bank[qid].text in words
    assert "three core questions" in words and "30-second introduction" in words


def test_the_lamp_sheet_has_forty_rows_and_the_sort():
    """The LAMP sheet numbers MIN_EMPLOYERS rows and says how to score and sort."""
    html = page("lamp-sheet")
    assert f"<td>{MIN_EMPLOYERS}</td>" in html and f"<td>{MIN_EMPLOYERS + 1}</td>" not in html
    words = text(html)
    assert "by Motivation, then Posting, then Advocacy" in words
    assert "0 to 3" in words and "3 for a posting in your field" in words


def test_the_research_card_has_the_cards_fields():
    """The blank card has every field of a research card made by the library."""
    words = text(page("research-card"))
    for field in research_card("grace-mensah").to_frame()["field"]:
        assert field in words


def test_the_3b7_sheet_gives_the_routines_dates():
    """The 3B7 sheet's example dates are follow_up_dates' own."""
    words = text(page("3b7-sheet"))
    dates = follow_up_dates("2026-03-02")
    assert dates.second_contact_on.strftime("%A %d %B") in words
    assert dates.follow_up_on.strftime("%A %d %B") in words
    for _, what in dates.steps():
        assert what.capitalize() in words


def test_the_pre_workshop_note_asks_for_a_laptop_and_the_export():
    """The note asks for a laptop and for the LinkedIn export a day ahead."""
    words = text(page("pre-workshop-note"))
    for item in PRE_WORKSHOP_NOTE:
        assert item in words
    assert "laptop" in words and "a day ahead" in words


def test_no_page_leaves_a_slot_unfilled():
    """No raw template slot ({role}, {organization} ...) reaches a printed page."""
    for handout in handouts():
        assert not re.search(r"\{[a-z_]+\}", text(handout.html)), handout.name


def test_the_command_writes_the_pages(tmp_path, capsys):
    """coffeechat handouts --out DIR writes every page and says so."""
    assert main(["handouts", "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.stem for p in (tmp_path / "out").iterdir()) == sorted(PAGES)
    assert f"Wrote {len(PAGES)} handout files" in capsys.readouterr().out


@pytest.mark.parametrize("inside", [False, True])
def test_a_bad_out_gets_a_clear_error(tmp_path, capsys, inside):
    """--out naming a file (or a folder under a file) is refused, naming the path."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "handouts" if inside else blocker
    wanted = f"cannot write the handouts into {re.escape(str(out))}"
    with pytest.raises(InvalidParameter, match=wanted):
        write_handouts(out)
    assert main(["handouts", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"coffeechat: error: --out {str(out)!r}: ")
    assert "Traceback" not in err


def test_pdf_without_chromium_is_a_clear_error(tmp_path, monkeypatch):
    """--pdf with no Chromium to print with says so, and writes nothing."""
    monkeypatch.setenv("COFFEECHAT_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(InvalidParameter, match="--pdf needs Chromium"):
        write_handouts(tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.browser
def test_pdf_pages_fit_one_or_two_sheets(tmp_path, monkeypatch):
    """Printed with the real Chromium, every handout is a PDF of one or two pages."""
    chromium = shutil.which("chromium")
    assert chromium, "the browser tests need Debian's Chromium: bash run.sh test installs it"
    monkeypatch.setenv("COFFEECHAT_CHROMIUM", chromium)
    written = write_handouts(tmp_path, pdf=True)
    pdfs = [p for p in written if p.suffix == ".pdf"]
    assert [p.stem for p in pdfs] == PAGES
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF")
        pages = len(re.findall(rb"/Type\s*/Page\b", data))
        assert 1 <= pages <= 2, f"{pdf.name}: {pages} pages"
    assert not (tmp_path / ".chromium").exists()
