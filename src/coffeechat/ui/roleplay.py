"""The mock-interview role-play: pick a persona, ask, listen, and get a scorecard.

The learner picks someone from the sample network and how many minutes they
asked for. Each turn they choose what to say next — a thank-you and a
30-second introduction, a question from the bank, a follow-up on what they
just heard, a closing question, an offer to stop, or one of the classic
mistakes — and the persona answers from the answer templates. A clock moves
on by the minutes each exchange takes. *End and score* shows the scorecard
of :func:`coffeechat.conversation.scorecard`.

Under the widget sit ordinary functions: :func:`roleplay_moves` (what the
learner may say next, as a table) and the :class:`~coffeechat.practice.Conversation`
it drives, whose ``transcript()`` and ``scorecard()`` are tables.

Examples
--------
>>> play = roleplay()
>>> play.move.value = "intro"
>>> play.say.click()
>>> list(play.conversation.transcript()["speaker"])
['learner', 'interviewee']
>>> play.finish.click()
>>> "time kept" in play.score.value
True
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked, one_of
from coffeechat.contacts import Network, Person
from coffeechat.conversation import LEARNER
from coffeechat.errors import InvalidParameter
from coffeechat.practice import Conversation, Persona, load_answers, personas
from coffeechat.questions import CLOSING_IDS, infer_audience, load_bank
from coffeechat.ui._common import table_html

__all__ = ["OFFERED", "RolePlay", "roleplay", "roleplay_moves"]

#: How many core questions the role-play offers a persona (plus two a web search answers).
OFFERED = 8

_CLASSIC = {
    "story": "Tell them about yourself at length (a mistake)",
    "job": "Ask whether their team is hiring (a mistake)",
}


@checked
def roleplay_moves(conversation: Conversation) -> pd.DataFrame:
    """What the learner may say next, given the conversation so far.

    Returns
    -------
    pandas.DataFrame
        Columns ``move`` (a value for :meth:`Conversation.say`, with the
        question id after a colon), ``label`` (what the learner sees) and
        ``kind``. Questions already asked are left out; a follow-up is
        offered once the persona has mentioned something concrete.

    Examples
    --------
    >>> p = Persona("ana", "Ana Ruiz", "UX Researcher", "Pulsewise", "Health care")
    >>> moves = roleplay_moves(Conversation(p))
    >>> moves["kind"].value_counts().sort_index().to_dict()
    {'closing': 2, 'mistake': 2, 'opening': 1, 'question': 10, 'stop': 1}
    """
    if not isinstance(conversation, Conversation):
        raise InvalidParameter(f"expected a Conversation, not {type(conversation).__name__}")
    p = conversation.persona
    bank = conversation.bank
    person = Person(p.id, p.name, p.organization, p.role, p.industry)
    audience = infer_audience(person)
    asked = {text for speaker, *_, text in conversation.rows if speaker == LEARNER}

    def order(qid: str) -> int:
        return zlib.crc32(f"{p.id}|{qid}".encode())

    core = sorted((q.id for q in bank if q.topic != "closing" and not q.searchable
                   and q.suits(audience)), key=order)[:OFFERED]  # fmt: skip
    searchable = sorted((q.id for q in bank if q.searchable), key=order)[:2]
    rows: list[tuple[str, str, str]] = []
    if not conversation.rows:
        rows.append(("intro", "Thank them, and introduce yourself in 30 seconds", "opening"))
    if conversation.detail:
        rows.append(("follow-up", conversation.learner_line("follow-up"), "follow-up"))
    for qid in sorted(core + searchable, key=order):
        text = bank[qid].ask(person)
        if text not in asked:
            rows.append((f"question:{qid}", text, "question"))
    for qid in CLOSING_IDS:
        if bank[qid].text not in asked:
            rows.append((f"closing:{qid}", bank[qid].text, "closing"))
    for move, label in _CLASSIC.items():
        rows.append((move, label, "mistake"))
    rows.append(("stop", "Offer to stop: the agreed time is up", "stop"))
    return pd.DataFrame(rows, columns=["move", "label", "kind"])


_PERSONA = {"Persona": (lambda value: isinstance(value, Persona), "personas")}
_AGREED = one_of(15, 20, 30)


class RolePlay(widgets.VBox):
    """The role-play widget; see :func:`roleplay`."""

    @checked(kinds=_PERSONA, agreed_minutes=_AGREED)
    def __init__(self, people: list[Persona], agreed_minutes: int = 20) -> None:
        if not people:
            raise InvalidParameter("the role-play needs at least one persona")
        self._personas = {p.id: p for p in people}
        self._bank = load_bank()
        self._answers = load_answers()
        wide = widgets.Layout(width="640px")
        label_style = {"description_width": "initial"}
        self.persona = widgets.Dropdown(
            options=[(p.describe(), p.id) for p in people], value=people[0].id,
            description="Talk to", style=label_style, layout=wide,
        )  # fmt: skip
        self.agreed = widgets.Dropdown(
            options=[("15 minutes", 15), ("20 minutes", 20), ("30 minutes", 30)],
            value=agreed_minutes, description="You asked for", style=label_style,
        )  # fmt: skip
        self.move = widgets.Dropdown(description="You say", style=label_style, layout=wide)
        self.say = widgets.Button(description="Say it", button_style="primary")
        self.finish = widgets.Button(description="End and score")
        self.clock = widgets.HTML()
        self.talk = widgets.HTML()
        self.score = widgets.HTML()
        self.conversation: Conversation
        self.persona.observe(self._restart, names="value")
        self.agreed.observe(self._restart, names="value")
        self.say.on_click(self._say)
        self.finish.on_click(self._finish)
        super().__init__(children=[
            widgets.HBox([self.persona, self.agreed]), self.clock, self.talk,
            widgets.HBox([self.move, self.say, self.finish]), self.score,
        ])  # fmt: skip
        self._restart()

    def _restart(self, change: Mapping[str, Any] | None = None) -> None:
        self.conversation = Conversation(
            self._personas[self.persona.value], self.agreed.value, self._answers, self._bank
        )
        self.score.value = ""
        self._refresh()

    def _refresh(self) -> None:
        moves = roleplay_moves(self.conversation)
        self.move.options = list(zip(moves["label"], moves["move"], strict=True))
        self.move.value = moves["move"].iloc[0]
        c = self.conversation
        late = c.clock > c.agreed_minutes
        colour = "#b00020" if late else "#1b5e20"
        self.clock.value = (
            f'<p style="font-size:17px;margin:6px 0">Clock: <b style="color:{colour}">minute '
            f"{c.clock:g}</b> of the {c.agreed_minutes} you asked for"
            + (" — you are over time." if late else ".")
            + "</p>"
        )
        lines = [
            f"<p style='margin:4px 0'><b>{'You' if s == LEARNER else html.escape(c.persona.name)}"
            f"</b> <span style='color:#666'>({a:g}–{b:g} min)</span>: {html.escape(t)}</p>"
            for s, a, b, t in c.rows[-6:]
        ]
        self.talk.value = "".join(lines)

    def _say(self, _button: widgets.Button | None = None) -> None:
        move, _, qid = str(self.move.value).partition(":")
        self.conversation.say(move, qid or None)
        self._refresh()

    def _finish(self, _button: widgets.Button | None = None) -> None:
        card = self.conversation.scorecard()
        total = int(card["points"].sum())
        self.score.value = (
            f'<p style="font-size:17px;margin:6px 0">Scorecard: <b>{total} of '
            f"{int(card['out_of'].sum())}</b> points.</p>" + table_html(card)
        )


@checked(agreed_minutes=_AGREED)
def roleplay(
    network: Network | None = None, *, agreed_minutes: int = 20, limit: int = 12
) -> RolePlay:
    """A mock informational interview with a fictional persona from the sample network.

    Parameters
    ----------
    network : Network, optional
        Where the personas come from; the sample network by default.
    agreed_minutes : {15, 20, 30}
        The length the learner asked for, at the start.
    limit : int, default 12
        How many personas to offer.

    Returns
    -------
    RolePlay
        The widget; leave it as the last line of a cell to show it. Its
        ``conversation`` holds the transcript so far.
    """
    return RolePlay(personas(network, limit=limit), agreed_minutes)
