"""Each workshop participant's own sample network (coffeechat.datasets.participant_network)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import nbformat
import networkx as nx
import pytest

from coffeechat import checks
from coffeechat.datasets import load_sample_network, participant_network
from coffeechat.errors import CheckFailed, InvalidParameter
from coffeechat.io import read_csv

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("Sam Lee", "Ana Ruiz", "jdoe", "Wen Zhao", "participant-17")


def _edges(network) -> set[frozenset]:
    ties = network.ties
    return {frozenset(pair) for pair in zip(ties["source"], ties["target"], strict=True)}


def test_the_same_name_gives_the_same_network_in_another_python(sample):
    """Stable across runs: a fresh interpreter (another hash seed) builds identical tables."""
    here = participant_network("Sam Lee")
    code = (
        "from coffeechat.datasets import participant_network as p;"
        "n = p('  sam LEE ');"
        "print(n.ties.to_csv(index=False) + n.people.to_csv(index=False))"
    )
    env = {"PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT / "src")}
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert there == here.ties.to_csv(index=False) + here.people.to_csv(index=False) + "\n"


def test_names_give_different_networks_with_the_same_people(sample):
    """Neighbours differ in ties, strengths and jobs; the people and vocabulary stay."""
    nets = [participant_network(name) for name in NAMES]
    for net in nets:
        assert sorted(net.people["id"]) == sorted(sample.people["id"])
        assert set(net.people["name"]) == set(sample.people["name"])
        assert set(net.people["organization"]) == set(sample.people["organization"])
        assert set(net.ties["kind"]) <= set(sample.ties["kind"])
        assert len(_edges(net) ^ _edges(sample)) > 50
    for i, a in enumerate(nets):
        for b in nets[i + 1 :]:
            assert _edges(a) != _edges(b)
            assert not a.people["organization"].equals(b.people["organization"])
    chains = {len(nx.shortest_path(n.graph, "me", "amara-nwosu")) for n in nets}
    assert len({tuple(sorted(n.neighbors("me"))) for n in nets}) == len(nets)
    assert chains  # every participant can still reach the Pulsewise researcher


@pytest.mark.parametrize("name", NAMES)
def test_a_participant_network_is_a_valid_network(sample, name):
    """Connected like the sample, strengths in (0, 1], no self-ties or duplicate ties."""
    net = participant_network(name)
    assert nx.is_connected(net.graph) == nx.is_connected(sample.graph)
    assert set(nx.node_connected_component(net.graph, "me")) >= set(
        nx.node_connected_component(sample.graph, "me")
    )
    assert net.ties["strength"].between(0.05, 1.0).all()
    assert (net.ties["source"] != net.ties["target"]).all()
    assert len(_edges(net)) == len(net.ties)
    assert net.person("me").describe() == sample.person("me").describe()


def test_jobs_move_with_their_work_email(sample):
    """A person who swapped jobs carries the new employer's email domain, or none."""
    net = participant_network("Sam Lee")
    before = sample.people.set_index("id")
    after = net.people.set_index("id")
    moved = after.index[after["organization"] != before["organization"]]
    assert len(moved) >= 20
    for person in moved:
        email = after.at[person, "email"]
        if isinstance(email, str) and email:
            employer = after.at[person, "organization"]
            colleagues = before[(before["organization"] == employer) & before["email"].notna()]
            domains = {e.split("@")[1] for e in colleagues["email"] if isinstance(e, str) and e}
            assert email.split("@")[1] in domains, (person, email, employer)


def test_load_sample_network_for_participant_and_hub_user(monkeypatch):
    """load_sample_network(for_participant=...) and the hub user's default agree."""
    by_name = load_sample_network(for_participant="jdoe")
    assert by_name.ties.equals(participant_network("jdoe").ties)
    monkeypatch.setenv("JUPYTERHUB_USER", "jdoe")
    assert participant_network().ties.equals(by_name.ties)
    monkeypatch.delenv("JUPYTERHUB_USER")
    with pytest.raises(InvalidParameter, match="not on JupyterHub"):
        participant_network()


@pytest.mark.parametrize(
    ("name", "message"),
    [("   ", "blank"), (42, "must be text"), ("x" * 61, "at most 60"), ("a\x00b", "control")],
)
def test_bad_names_are_refused(name, message):
    """A name that is not one raises InvalidParameter saying why."""
    with pytest.raises(InvalidParameter, match=message):
        participant_network(name)


@pytest.mark.parametrize("name", ["Sam Lee", "Wen Zhao"])
def test_assignment_one_checks_pass_on_a_participant_network(solved, name, capsys):
    """The reference answers of Assignment 1 pass its network checks on a participant's network."""
    net = participant_network(name)
    checks.check_degrees(solved["degrees_of_separation"], net)
    checks.check_shortest_chains(solved["shortest_chain"], net)
    checks.check_within_two(solved["within_two_introductions"], net, "Pulsewise")
    out = capsys.readouterr().out
    assert out.count("\N{CHECK MARK}") == 3


def test_a_wrong_search_still_fails_on_a_participant_network(solved):
    """The checks compute their answers on the participant's network: a wrong one fails."""
    net = participant_network("Sam Lee")
    right = solved["degrees_of_separation"]

    def forgets_the_farthest(contacts, source):  # right on the small practice network
        found = right(contacts, source)
        if len(contacts) > 50:
            del found[max(found, key=lambda person: (found[person], person))]
        return found

    with pytest.raises(CheckFailed, match="200 people"):
        checks.check_degrees(forgets_the_farthest, net)


def test_the_network_can_be_written_and_read_back(tmp_path):
    """A facilitator's copy (people.csv, ties.csv) reads back as the same network."""
    from coffeechat.io import write_csv

    net = participant_network("Ana Ruiz")
    write_csv(net, tmp_path / "people.csv", tmp_path / "ties.csv")
    again = read_csv(tmp_path / "people.csv", tmp_path / "ties.csv")
    assert _edges(again) == _edges(net)


def test_assignment_two_checks_pass_on_a_participant_network(capsys, monkeypatch):
    """The reference answers of Assignment 2 pass its chain-strength checks on a participant's."""
    folder = ROOT / "solutions" / "ps02-who-to-talk-to"
    (notebook,) = folder.glob("*.ipynb")
    monkeypatch.chdir(folder)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, f"<cell {cell.get('id')}>", "exec"), namespace)
    net = participant_network("Wen Zhao")
    checks.check_chain_strength(namespace["chain_strength"], net)
    checks.check_strongest_chain(namespace["strongest_chain"], net)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2
