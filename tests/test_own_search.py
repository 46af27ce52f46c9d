"""Your own search on your own export: profile, employers, ratings, second ring, plan."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import coffeechat as cc
from coffeechat.employer_plan import (
    chain_label,
    draft_for,
    draft_lamp,
    next_moves,
    plan_for,
    who_to_ask,
)
from coffeechat.errors import ContactDataError, InvalidParameter
from coffeechat.outreach import review_introduction_request, review_request
from coffeechat.profile import (
    employers,
    in_role,
    make_profile,
    read_profile,
    write_profile,
)
from coffeechat.ratings import (
    HOW_WELL,
    apply_ratings,
    rating_table,
    ratings_path,
    read_ratings,
    write_ratings,
)
from coffeechat.second_ring import (
    SECOND_RING_COLUMNS,
    add_second_ring,
    read_second_ring,
    write_second_ring_template,
)
from linkedin_exports import ACME_SPELLINGS, EXPORTS

PROFILE = make_profile(
    "UX research",
    "UX Researcher",
    ["Acme Robotics", "Quillfeather Institute"],
    employer="Dunmore College",
)
#: A target nobody in any generated export works at.
NOBODY_THERE = "Quillfeather Institute"


def _unique_contact(net: cc.Network) -> cc.Person:
    """One of your contacts whose name nobody else in the export shares."""
    people = [net.person(p) for p in net.neighbors(net.me)]
    names = [p.name for p in people]
    return next(p for p in people if names.count(p.name) == 1)


@pytest.fixture(scope="module", params=EXPORTS, ids=[e.label for e in EXPORTS])
def export(request, tmp_path_factory) -> tuple[Path, cc.Network]:
    path = request.param.write(tmp_path_factory.mktemp(request.param.label) / "Connections.csv")
    return path, cc.read_linkedin(path)


@pytest.mark.parametrize("spec", EXPORTS, ids=[e.label for e in EXPORTS])
def test_every_export_shape_is_read_whole(spec, tmp_path: Path) -> None:
    """Notes or none, BOM or none, blanks and non-ASCII names: every row becomes a contact."""
    net = cc.read_linkedin(spec.write(tmp_path / "Connections.csv"))
    assert len(net) == spec.rows + 1
    assert {f"{first} {last}" for first, last, _, _ in spec.people()} <= {p.name for p in net}
    assert (tmp_path / "Connections.csv").read_bytes().startswith(b"\xef\xbb\xbf") == spec.bom


# ------------------------------------------------------------------ exports


def test_one_employer_spelled_three_ways_is_listed_once(export) -> None:
    """The three spellings of Acme Robotics match one key, shown in a spelling from the export."""
    _, net = export
    table = employers(net, PROFILE)
    acme = table[table["key"] == "acme robotics"]
    assert len(acme) == 1
    assert acme["people"].iloc[0] >= 3
    spellings = {s.strip() for s in ACME_SPELLINGS}  # the reader trims spaces
    assert acme["employer"].iloc[0] in spellings
    assert set(acme["spellings"].iloc[0]) == spellings
    assert table["key"].is_unique
    assert not any(PROFILE.is_own(e) for e in table["employer"])


def test_the_lamp_from_an_export_never_fails(export) -> None:
    """A LAMP list drafted from an export passes make_lamp; targets come first, not your school."""
    _, net = export
    draft = draft_lamp(net, PROFILE, ["ACME Robotics Ltd.", "Quarrytown Trust"])
    lamp = cc.make_lamp(draft, min_employers=0)
    assert lamp["motivation"].iloc[0] == 3
    top = {e for e, m in zip(lamp["employer"], lamp["motivation"], strict=True) if m == 3}
    assert {PROFILE.is_target(e) for e in top} == {True}
    assert not any(PROFILE.is_own(e) for e in lamp["employer"])
    assert "Quarrytown Trust" in set(lamp["employer"])
    assert sum(PROFILE.is_target(e) for e in lamp["employer"]) == 2
    assert NOBODY_THERE in set(lamp["employer"])


def test_two_spellings_in_a_hand_made_lamp_are_named(tmp_path: Path) -> None:
    """A LAMP list with two spellings of one employer says which two, and where."""
    rows = [
        {"employer": "Acme Robotics, Inc.", "advocacy": "no", "motivation": 2, "posting": 1},
        {"employer": "ACME ROBOTICS INC", "advocacy": "no", "motivation": 2, "posting": 1},
    ]
    with pytest.raises(
        cc.TrackerDataError, match="already listed as 'Acme Robotics, Inc.', spelled"
    ):
        cc.make_lamp(rows, min_employers=0)


# ------------------------------------------------------------------ profile


def test_the_profile_is_saved_and_read_back(tmp_path: Path) -> None:
    """write_profile then read_profile gives the same profile."""
    path = write_profile(PROFILE, tmp_path / "my-search-profile.json")
    assert read_profile(path) == PROFILE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", "UX Researcher", ["Acme"]), "field is empty"),
        (("UX", " ", ["Acme"]), "role is empty"),
        (("UX", "Researcher", []), "name 1 to 10"),
        (("UX", "Researcher", "Acme"), "list of organisations"),
        (("UX", "Researcher", ["Acme Inc", "ACME"]), "'ACME' is 'Acme Inc' again"),
        (("UX", "Researcher", ["Dunmore College Ltd"], "Dunmore College"), "where you are now"),
    ],
)
def test_a_profile_must_be_said_explicitly(args, message) -> None:
    """Empty answers, repeats and your own employer as a target are refused in words."""
    with pytest.raises(InvalidParameter, match=message):
        make_profile(*args)


def test_a_broken_profile_file_names_the_file(tmp_path: Path) -> None:
    """A profile file that is not the profile's JSON is a ContactDataError naming it."""
    path = tmp_path / "my-search-profile.json"
    path.write_text('{"field": "UX"}', encoding="utf-8")
    with pytest.raises(ContactDataError, match="my-search-profile.json.*field, role and targets"):
        read_profile(path)
    with pytest.raises(ContactDataError, match="no such file"):
        read_profile(tmp_path / "missing.json")


# ------------------------------------------------------------------ ratings


def test_ratings_change_the_chain_and_are_read_back_next_time(export, tmp_path: Path) -> None:
    """Rated ties take the learner's kind and strength; saved beside the export, they reload."""
    path, net = export
    short = net.neighbors(net.me)[:3]
    table = rating_table(net, short)
    assert list(table["how_well"]) == ["barely"] * 3  # the export's default: online, weak
    table["kind"] = ["friend", "former colleague", "online"]
    table["how_well"] = ["very well", "well", "a little"]
    saved = write_ratings(table, ratings_path(path))
    assert saved.parent == path.parent and saved.name == "Connections-ratings.csv"
    rated = apply_ratings(net, read_ratings(saved, net))
    assert rated.tie(rated.me, short[0]).strength == HOW_WELL["very well"]
    assert rated.tie(rated.me, short[1]).kind == "former colleague"
    assert net.tie(net.me, short[0]).strength == cc.contacts.DEFAULT_STRENGTH["online"]
    assert chain_label(rated.tie(rated.me, short[0]).strength) == "stronger chain"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("id,kind,how_well\nnobody-here,friend,well\n", ":2: column 'id': 'nobody-here' is not"),
        ("id,kind,how_well\n{p},pen pal,well\n", ":2: column 'kind': unknown kind 'pen pal'"),
        ("id,kind,how_well\n{p},friend,quite\n", ":2: column 'how_well': 'quite' is not one"),
        ("id,kind,how_well\n{p},friend,well\n{p},friend,well\n", ":3: column 'id': .* twice"),
        ("id,kind\n{p},friend\n", ":1: missing column 'how_well'"),
    ],
)
def test_a_bad_ratings_file_names_file_line_and_column(tmp_path: Path, body, message) -> None:
    """Every problem in a ratings file names the file, the line and the column."""
    net = cc.load_sample_network()
    path = tmp_path / "Connections-ratings.csv"
    path.write_text(body.format(p="zoe-lefevre"), encoding="utf-8")
    with pytest.raises(ContactDataError, match="Connections-ratings.csv" + message):
        read_ratings(path, net)


def test_only_your_own_contacts_can_be_rated() -> None:
    """Someone two hops away has no tie of yours to rate."""
    with pytest.raises(InvalidParameter, match="not one of your own contacts"):
        rating_table(cc.load_sample_network(), ["amara-nwosu"])


# ------------------------------------------------------------------ second ring


def test_the_second_ring_gives_a_two_hop_chain_to_a_target(export, tmp_path: Path) -> None:
    """A person seen through a mutual connection is merged in, and the plan asks for an intro."""
    _, net = export
    via = _unique_contact(net)
    path = write_second_ring_template(tmp_path / "second-ring.csv")
    assert path.read_text(encoding="utf-8").strip() == ",".join(SECOND_RING_COLUMNS)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"Ines Quarry,Quillfeather Institute Ltd,UX Researcher,{via.name.upper()},\n")
    bigger = add_second_ring(net, read_second_ring(path, net))
    row = who_to_ask(bigger, [NOBODY_THERE], role="UX Researcher").iloc[0]
    assert (row["name"], row["introducer_name"], row["hops"]) == ("Ines Quarry", via.name, 2.0)
    draft = draft_for(bigger, row, PROFILE)
    assert draft.kind == "introduction request" and draft.to_name == via.name
    assert draft.review.passed, str(draft.review)
    assert write_second_ring_template(path).read_text(encoding="utf-8").count("\n") == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Ines Quarry,Glasswing Labs,,Zoe Lefevr,", ":2: column 'via': .*did you mean 'Zoë"),
        (",Glasswing Labs,,Zoë Lefèvre,", ":2: column 'name': name is empty"),
        ("Ines Quarry,,,Zoë Lefèvre,", ":2: column 'organization': organization is empty"),
        ("Ines Quarry,Glasswing Labs,,Zoë Lefèvre", ":2: .*4 values but the header has 5"),
        (
            "Ines Quarry,Glasswing Labs,,Zoë Lefèvre,\nines quarry,GLASSWING LABS,,Zoë Lefèvre,",
            ":3: column 'name': .*already on line 2",
        ),
    ],
)
def test_a_bad_second_ring_row_names_file_line_and_column(tmp_path: Path, row, message) -> None:
    """Each mistake in the second-ring file is a ContactDataError with file, line and column."""
    path = write_second_ring_template(tmp_path / "second-ring.csv")
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    with pytest.raises(ContactDataError, match="second-ring.csv" + message):
        read_second_ring(path, cc.load_sample_network())


# ------------------------------------------------------------------ the plan


def test_a_contact_already_in_the_role_comes_first() -> None:
    """At an employer, a contact in the target role beats a stronger chain to someone else."""
    net = cc.Network(
        [
            cc.Person("me", "Sam"),
            cc.Person("ana", "Ana Ruiz", "Acme", "Recruiter"),
            cc.Person("ben", "Ben Ode", "Acme", "UX Researcher"),
        ],
        [cc.Tie("me", "ana", 0.9, "friend"), cc.Tie("me", "ben", 0.2, "online")],
    )
    assert who_to_ask(net, ["Acme"]).loc[0, "name"] == "Ana Ruiz"
    row = who_to_ask(net, ["Acme"], role="ux researcher").iloc[0]
    assert (row["name"], bool(row["in_role"]), row["chain"]) == ("Ben Ode", True, "weaker chain")
    text = plan_for(net, "Acme", role="UX Researcher")
    assert "you know Ben Ode (UX Researcher) already" in text
    assert in_role(net, "UX researcher") == ["ben"]
    assert "already know someone who does this job" in plan_for(net, "Borealis", role="Recruiter")


def test_the_plan_never_speaks_of_percent_likely(export) -> None:
    """Chains are "stronger" or "weaker", never a percentage."""
    _, net = export
    table = employers(net, PROFILE)
    for employer in list(table["employer"])[:6] + ["Nowhere Mapped Ltd"]:
        text = plan_for(net, employer, "2026-12-07", profile=PROFILE)
        assert "%" not in text and "likely" not in text
        assert "stronger chain" in text or "weaker chain" in text or "nobody" in text


def test_one_hop_gets_the_request_itself(export) -> None:
    """From an export every chain is one hop: the draft is the request to the person, passing."""
    _, net = export
    asks = who_to_ask(net, list(employers(net, PROFILE)["employer"])[:5], role=PROFILE.role)
    for _, row in asks.iterrows():
        assert row["hops"] == 1
        draft = draft_for(net, row, PROFILE)
        assert draft.kind == "request" and draft.to == row["person"]
        assert draft.review.passed, str(draft.review)
        assert row["name"].split()[0] in draft.text


def test_when_nobody_is_reachable_the_plan_gives_next_moves(export) -> None:
    """Nobody there: the plan says so, and each next move has a draft that passes its review."""
    _, net = export
    text = plan_for(net, NOBODY_THERE, profile=PROFILE)
    assert "nobody you can reach works there yet" in text
    moves = next_moves(net, NOBODY_THERE, PROFILE)
    assert [m.draft.kind for m in moves] == ["introduction request"] * 2 + ["request"] * 2
    for move in moves:
        assert move.draft.review.passed, str(move)
        assert move.step in text
    ask_contact = moves[0].draft
    assert review_introduction_request(ask_contact.text, target=NOBODY_THERE).passed
    assert review_request(moves[-1].draft.text).passed
    assert "last" in moves[-1].step.lower()


def test_ask_rows_without_anyone_are_blank_and_say_where_to_look(export) -> None:
    """An employer nobody is at gives a blank row, and draft_for points to next_moves."""
    _, net = export
    row = who_to_ask(net, ["Nowhere Mapped Ltd"]).iloc[0]
    assert row["person"] == "" and math.isnan(row["hops"]) and row["chain"] == ""
    with pytest.raises(InvalidParameter, match="next_moves"):
        draft_for(net, row, PROFILE)


def test_chain_label_refuses_a_non_number() -> None:
    """chain_label wants a number."""
    with pytest.raises(InvalidParameter):
        chain_label("strong")  # type: ignore[arg-type]


def test_ratings_table_is_a_dataframe_of_the_short_list() -> None:
    """rating_table lists the people asked for, in order, once each."""
    net = cc.load_sample_network()
    table = rating_table(net, ["zoe-lefevre", "lucia-moreno", "zoe-lefevre"])
    assert isinstance(table, pd.DataFrame)
    assert list(table["id"]) == ["zoe-lefevre", "lucia-moreno"]
    assert table.loc[1, "kind"] == net.tie("me", "lucia-moreno").kind


def test_a_longer_chain_asks_the_contact_to_pass_the_note_on() -> None:
    """Two hops: introduce us; three or more: pass it on towards them. Both pass the review."""
    net = cc.make_network(200, seed=2026)
    employers_there = sorted(set(net.people["organization"]) - {""})
    asks = who_to_ask(net, employers_there, role="UX Researcher")
    by_hops = {int(r["hops"]): r for _, r in asks.iterrows() if r["person"] and r["hops"] >= 2}
    assert {2, 3} <= set(by_hops)
    two, three = draft_for(net, by_hops[2], PROFILE), draft_for(net, by_hops[3], PROFILE)
    assert "introduce us" in two.text and "pass this on" not in two.text
    assert "pass this on to someone who might" in three.text
    for draft in (two, three):
        assert draft.kind == "introduction request" and draft.review.passed, str(draft.review)
        assert '"[your name] is exploring' in draft.text
