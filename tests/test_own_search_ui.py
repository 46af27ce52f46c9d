"""The rating board and the second-ring form, driven through their widgets' values."""

from __future__ import annotations

from pathlib import Path

import coffeechat as cc
from coffeechat.ratings import read_ratings
from coffeechat.ui import plan_board, rate_contacts, second_ring_form


def test_the_rating_board_saves_what_its_menus_say(tmp_path: Path) -> None:
    """Menus set, Save clicked: the file holds the ratings and they reload into the network."""
    net = cc.load_sample_network()
    path = tmp_path / "Connections-ratings.csv"
    board = rate_contacts(net, ["zoe-lefevre", "lucia-moreno"], path)
    board.kind["zoe-lefevre"].value = "former colleague"
    board.how_well["zoe-lefevre"].value = "well"
    board.save.click()
    assert "Saved 2 ratings" in board.status.value
    saved = read_ratings(path, net)
    assert saved.set_index("id").loc["zoe-lefevre", "how_well"] == "well"
    assert board.rated_network().tie("me", "zoe-lefevre").describe() == (
        "former colleague, medium tie"
    )


def test_a_rating_board_that_cannot_save_says_why(tmp_path: Path) -> None:
    """Saving into a folder that has gone away is reported on the board, not raised."""
    folder = tmp_path / "gone"
    folder.mkdir()
    board = rate_contacts(cc.load_sample_network(), ["zoe-lefevre"], folder / "r.csv")
    folder.rmdir()
    board.save.click()
    assert "Not saved" in board.status.value


def test_the_second_ring_form_adds_checked_rows(tmp_path: Path) -> None:
    """A full row is added and listed; a row without its contact is refused in words."""
    net = cc.load_sample_network()
    form = second_ring_form(net, tmp_path / "second-ring.csv")
    assert "No one yet" in form.listing.value
    form.name.value, form.organization.value = "Ines Quarry", "Glasswing Labs"
    form.add.click()
    assert "Fill in via first" in form.status.value
    form.via.value = "zoe-lefevre"
    form.add.click()
    assert "Added Ines Quarry" in form.status.value
    assert "Ines Quarry at Glasswing Labs, via Zoë Lefèvre" in form.listing.value
    form.name.value, form.organization.value = "Ines Quarry", "GLASSWING LABS"
    form.via.value = "zoe-lefevre"
    form.add.click()
    assert "Not added" in form.status.value and "already on line 2" in form.status.value
    assert list(form.rows()["name"]) == ["Ines Quarry"]


def test_the_plan_board_takes_a_role(tmp_path: Path) -> None:
    """Typing a role makes the board name someone in that role."""
    board = plan_board(cc.load_sample_network(), ["Pulsewise"])
    assert "Amara Nwosu" in board.advice.value
    board.role.value = "UX Researcher"
    assert "Noor Khalil" in board.advice.value
    assert "%" not in board.advice.value
