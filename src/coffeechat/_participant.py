"""Each participant's own sample network, derived from their name.

In a workshop everyone works on a variation of Alex Moreno's network (see
:mod:`coffeechat.datasets`), so neighbours get different answers and the room
can compare results. The variation is a pure function of the participant's
name: the same people, organisations and kinds of tie, but some people have
swapped jobs, some ties run between other people, every strength is nudged,
and Alex has dropped a few contacts and made a few new ones. Everyone Alex can
reach in the sample stays reachable.

The seed comes from :mod:`hashlib` (never Python's :func:`hash`, which changes
between runs), so a facilitator can rebuild anyone's network from the name.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd

from coffeechat.errors import InvalidParameter

if TYPE_CHECKING:
    from coffeechat.contacts import Network

__all__ = [
    "HUB_USER",
    "participant_name",
    "participant_network",
    "participant_seed",
    "vary_network_tables",
]

#: The environment variable JupyterHub sets to the user's name.
HUB_USER = "JUPYTERHUB_USER"

#: A name longer than this is certainly not a name.
_NAME_LIMIT = 60

_JOB_COLUMNS = ("organization", "role", "industry")
_SWAPPED_SHARE = 0.15  # of the people with a job, who swap jobs in pairs
_REWIRED_SHARE = 0.12  # of the ties between other people, moved to someone else
_STRENGTH_SPREAD = 0.12
_CHANGED_CONTACTS = 3  # Alex's contacts dropped, and new ones made


def participant_name(name: object = None) -> str:
    """The participant's name: ``name`` if given, else the JupyterHub user's.

    Parameters
    ----------
    name : str, optional
        A name the participant typed. Without it, the ``JUPYTERHUB_USER``
        environment variable (set by JupyterHub) is used.

    Returns
    -------
    str
        The name with surrounding and repeated spaces removed.

    Raises
    ------
    InvalidParameter
        If there is no name (not on a hub and none given), or it is not text,
        is blank, too long or holds control characters.

    Examples
    --------
    >>> participant_name("  Sam   Lee ")
    'Sam Lee'
    """
    if name is None:
        name = os.environ.get(HUB_USER)
        if not name:
            raise InvalidParameter(
                "no name to go by: you are not on JupyterHub, so type one, "
                "for example participant_name('Sam')"
            )
    if not isinstance(name, str):
        raise InvalidParameter(f"a name must be text, not {type(name).__name__} {name!r}")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidParameter("a name must not be blank")
    if len(cleaned) > _NAME_LIMIT:
        raise InvalidParameter(
            f"a name must be at most {_NAME_LIMIT} characters, not {len(cleaned)}"
        )
    if any(not ch.isprintable() for ch in cleaned):
        raise InvalidParameter(f"a name must not hold control characters: {cleaned!r}")
    return cleaned


def participant_seed(name: str) -> int:
    """A seed that depends only on the name (case and spacing aside), stable across runs.

    Examples
    --------
    >>> participant_seed("Sam Lee") == participant_seed("  sam   LEE")
    True
    >>> participant_seed("Sam Lee") == participant_seed("Sam Lea")
    False
    """
    key = participant_name(name).casefold()
    digest = hashlib.sha256(f"coffeechat participant network\n{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def participant_network(name: str | None = None) -> Network:
    """A workshop participant's own variation of the sample network.

    The same 200 people, organisations and kinds of tie as
    :func:`coffeechat.datasets.load_sample_network`, but about one in seven people have swapped
    jobs, one in eight ties between other people runs elsewhere, every
    strength is nudged, and Alex has dropped three contacts and met three
    friends of friends; everyone Alex can reach in the sample stays
    reachable. It depends only on the name (case and spacing aside) and is
    the same on every computer, so a facilitator can rebuild anyone's
    network (``coffeechat network --participant NAME``).

    Parameters
    ----------
    name : str, optional
        The participant's name; by default the JupyterHub user's
        (``JUPYTERHUB_USER``).

    Returns
    -------
    Network

    Raises
    ------
    InvalidParameter
        If there is no name (not on a hub and none given), or it is blank,
        too long or not text.

    Examples
    --------
    >>> from coffeechat.datasets import load_sample_network
    >>> sam = participant_network("Sam Lee")
    >>> len(sam) == len(load_sample_network())
    True
    >>> sam.ties.equals(participant_network("sam  lee").ties)
    True
    >>> sam.ties.equals(participant_network("Ana Ruiz").ties)
    False
    """
    from coffeechat._samples import sample_path
    from coffeechat.contacts import Network

    seed = participant_seed(participant_name(name))
    people = pd.read_csv(sample_path("people.csv"), dtype=str, keep_default_na=False)
    ties = pd.read_csv(sample_path("ties.csv"), dtype=str, keep_default_na=False)
    people, ties = vary_network_tables(people, ties, seed)
    return Network.from_frames(people, ties, me="me")


def vary_network_tables(
    people: pd.DataFrame, ties: pd.DataFrame, seed: int, me: str = "me"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A varied copy of a network's tables (text columns, as read from the CSV files).

    ``people`` has ``id`` and the job columns; ``ties`` has ``source``,
    ``target``, ``strength`` and ``kind``. Returns new tables; the inputs are
    not changed.
    """
    rng = np.random.default_rng(seed)
    people = people.copy()
    ties = ties.copy()
    _swap_jobs(people, rng, me)
    pairs = [(str(s), str(t)) for s, t in zip(ties["source"], ties["target"], strict=True)]
    reachable = _reachable(pairs, me)
    ties = _rewire(ties, rng, me, [str(p) for p in people["id"]])
    ties = _change_contacts(ties, rng, me)
    ties = _reconnect(ties, rng, me, reachable)
    strengths = pd.to_numeric(ties["strength"]).to_numpy(dtype=float)
    nudged = np.round((strengths + rng.normal(0.0, _STRENGTH_SPREAD, len(ties))) * 20) / 20
    ties["strength"] = [f"{s:g}" for s in np.clip(nudged, 0.05, 1.0)]
    return people.reset_index(drop=True), ties.reset_index(drop=True)


def _swap_jobs(people: pd.DataFrame, rng: np.random.Generator, me: str) -> None:
    employed = np.flatnonzero(
        (people["organization"].astype(str) != "").to_numpy() & (people["id"] != me).to_numpy()
    )
    count = int(len(employed) * _SWAPPED_SHARE) // 2 * 2
    chosen = rng.choice(employed, size=count, replace=False)
    columns = [people.columns.get_loc(c) for c in _JOB_COLUMNS]
    email = people.columns.get_loc("email") if "email" in people.columns else None
    for a, b in zip(chosen[0::2], chosen[1::2], strict=True):
        job_a = people.iloc[a, columns].tolist()
        people.iloc[a, columns] = people.iloc[b, columns].tolist()
        people.iloc[b, columns] = job_a
        if email is not None:
            mail_a, mail_b = str(people.iat[a, email]), str(people.iat[b, email])
            people.iat[a, email] = _with_domain(mail_a, mail_b)
            people.iat[b, email] = _with_domain(mail_b, mail_a)


def _with_domain(address: str, other: str) -> str:
    """``address`` at ``other``'s domain (a work address follows the job), or '' without one."""
    if "@" not in address or "@" not in other:
        return ""
    return address.split("@", 1)[0] + "@" + other.split("@", 1)[1]


def _key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _rewire(ties: pd.DataFrame, rng: np.random.Generator, me: str, ids: list[str]) -> pd.DataFrame:
    sources, targets = ties["source"].astype(str).tolist(), ties["target"].astype(str).tolist()
    taken = {_key(s, t) for s, t in zip(sources, targets, strict=True)}
    others = [i for i, (s, t) in enumerate(zip(sources, targets, strict=True)) if me not in (s, t)]
    candidates = [i for i in ids if i != me]
    for i in rng.choice(others, size=int(len(others) * _REWIRED_SHARE), replace=False):
        source = sources[i]
        for _ in range(10):
            new = candidates[int(rng.integers(len(candidates)))]
            if new != source and _key(source, new) not in taken:
                taken.discard(_key(source, targets[i]))
                taken.add(_key(source, new))
                targets[i] = new
                break
    ties = ties.copy()
    ties["target"] = targets
    return ties


def _change_contacts(ties: pd.DataFrame, rng: np.random.Generator, me: str) -> pd.DataFrame:
    """Alex drops a few contacts (never family) and meets a few friends of friends."""
    mine = ties.index[
        ((ties["source"] == me) | (ties["target"] == me)) & (ties["kind"] != "family")
    ].to_numpy()
    dropped = rng.choice(mine, size=min(_CHANGED_CONTACTS, len(mine)), replace=False)
    ties = ties.drop(index=dropped)
    pairs = [(str(s), str(t)) for s, t in zip(ties["source"], ties["target"], strict=True)]
    known = {t if s == me else s for s, t in pairs if me in (s, t)}
    second = sorted(
        {b if a in known else a for a, b in pairs if (a in known) != (b in known)} - {me} - known
    )
    met = rng.choice(second, size=min(_CHANGED_CONTACTS, len(second)), replace=False)
    new = pd.DataFrame(
        {"source": me, "target": met, "strength": "0.4", "kind": "acquaintance"},
        columns=ties.columns,
    ).fillna("")
    return pd.concat([ties, new], ignore_index=True)


def _reachable(pairs: list[tuple[str, str]], me: str) -> set[str]:
    graph = nx.Graph(pairs)
    graph.add_node(me)
    return set(nx.node_connected_component(graph, me))


def _reconnect(
    ties: pd.DataFrame, rng: np.random.Generator, me: str, reachable: set[str]
) -> pd.DataFrame:
    """Give anyone the changes cut off from Alex a tie back to someone Alex can reach."""
    added: list[dict[str, str]] = []
    while True:
        pairs = [(str(s), str(t)) for s, t in zip(ties["source"], ties["target"], strict=True)]
        pairs += [(row["source"], row["target"]) for row in added]
        now = _reachable(pairs, me)
        lost = sorted(reachable - now)
        if not lost:
            break
        inside = sorted(now - {me})
        friend = inside[int(rng.integers(len(inside)))]
        added.append({"source": lost[0], "target": friend, "strength": "0.5", "kind": "colleague"})
    if not added:
        return ties
    extra = pd.DataFrame(added, columns=ties.columns).fillna("")
    return pd.concat([ties, extra], ignore_index=True)
