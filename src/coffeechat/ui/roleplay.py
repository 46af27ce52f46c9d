"""The mock-interview role-play: pick someone in your target field, introduce yourself, ask.

The learner filters the people of their target field (UX research, in the
sample network) by role and organisation and picks one, writes their own
30-second introduction and checks it, then types their questions and
follow-ups. Each question is shown with what it is by the scorecard's
measures (open or closed, web-searchable, about them, asking for a job, a
follow-up), and the person answers in kind; a clock moves on by the minutes
each exchange takes. *End and score* shows the scorecard of
:func:`coffeechat.conversation.scorecard` and a table of the questions;
*Save transcript* writes the conversation as CSV to bring to the debrief.

Under the widget sit ordinary objects: :class:`~coffeechat.roleplay.Interview`
(whose ``transcript()``, ``questions()`` and ``scorecard()`` are tables) and
:func:`~coffeechat.roleplay.classify_question`.

Examples
--------
>>> play = roleplay(organization="Pulsewise")
>>> play.introduction.value = ("Thank you for your time. I teach science and am moving into "
...                            "UX research; your work on the patient app is why I wrote.")
>>> play.check_intro.click()
>>> "✓" in play.intro_feedback.value
True
>>> play.start.click()
>>> play.question.value = "What are you working on right now?"
>>> play.ask.click()
>>> list(play.interview.transcript()["speaker"])
['learner', 'interviewee', 'learner', 'interviewee']
>>> play.finish.click()
>>> "time kept" in play.score.value
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from coffeechat._args import checked, one_of
from coffeechat.contacts import Network
from coffeechat.conversation import LEARNER
from coffeechat.errors import CoffeeChatError, InvalidParameter
from coffeechat.practice import Persona
from coffeechat.roleplay import TARGET_FIELD, Interview, check_introduction, field_personas
from coffeechat.ui._common import table_html

__all__ = ["RolePlay", "roleplay"]

_AGREED = one_of(15, 20, 30)
_ANY_ROLE = "any role"
_ANY_ORGANIZATION = "any organisation"
_OK, _WARN = "#1b5e20", "#9a3b00"
_TAG = "background:#eef;border-radius:4px;padding:0 4px;font-size:13px"


def _p(text: str, colour: str = "#111", size: int = 16) -> str:
    return f'<p style="font-size:{size}px;margin:4px 0;color:{colour}">{text}</p>'


_PERSONA = {"Persona": (lambda value: isinstance(value, Persona), "personas")}


class RolePlay(widgets.VBox):
    """The role-play widget; see :func:`roleplay`."""

    @checked(kinds=_PERSONA, agreed_minutes=_AGREED)
    def __init__(self, people: list[Persona], agreed_minutes: int = 20,
                 network: Network | None = None) -> None:  # fmt: skip
        if not people:
            raise InvalidParameter("the role-play needs at least one persona")
        self._everyone = people
        self._network = network
        label = {"description_width": "initial"}
        self.role = widgets.Dropdown(
            options=[_ANY_ROLE, *sorted({p.role for p in people})], value=_ANY_ROLE,
            description="Role", style=label,
        )  # fmt: skip
        self.organization = widgets.Dropdown(
            options=[_ANY_ORGANIZATION, *sorted({p.organization for p in people})],
            value=_ANY_ORGANIZATION, description="Organisation", style=label,
        )  # fmt: skip
        self.persona = widgets.Dropdown(description="Talk to", style=label,
                                        layout=widgets.Layout(width="560px"))  # fmt: skip
        self.agreed = widgets.Dropdown(
            options=[("15 minutes", 15), ("20 minutes", 20), ("30 minutes", 30)],
            value=agreed_minutes, description="You asked for", style=label,
        )  # fmt: skip
        self.introduction = widgets.Textarea(
            placeholder="Thank them; who you are; what you are exploring; why them.",
            description="Your 30 seconds", style=label,
            layout=widgets.Layout(width="720px", height="90px"),
        )  # fmt: skip
        self.check_intro = widgets.Button(description="Check my introduction")
        self.start = widgets.Button(description="Start with it", button_style="primary")
        self.intro_feedback = widgets.HTML()
        self.question = widgets.Text(
            placeholder="Type a question or a follow-up, then press Ask",
            description="You ask", style=label, layout=widgets.Layout(width="620px"),
        )  # fmt: skip
        self.ask = widgets.Button(description="Ask", button_style="primary")
        self.finish = widgets.Button(description="End and score")
        self.clock = widgets.HTML()
        self.talk = widgets.HTML()
        self.score = widgets.HTML()
        self.file = widgets.Text(value="my-roleplay.csv", description="File", style=label)
        self.save = widgets.Button(description="Save transcript")
        self.saved = widgets.HTML()
        self.interview: Interview
        self.role.observe(self._filter, names="value")
        self.organization.observe(self._filter, names="value")
        self.persona.observe(self._restart, names="value")
        self.agreed.observe(self._restart, names="value")
        self.check_intro.on_click(self._check)
        self.start.on_click(self._start)
        self.ask.on_click(self._ask)
        self.finish.on_click(self._finish)
        self.save.on_click(self._save)
        super().__init__(children=[
            widgets.HBox([self.role, self.organization]),
            widgets.HBox([self.persona, self.agreed]),
            self.introduction, widgets.HBox([self.check_intro, self.start]), self.intro_feedback,
            self.clock, self.talk, widgets.HBox([self.question, self.ask, self.finish]),
            self.score, widgets.HBox([self.file, self.save]), self.saved,
        ])  # fmt: skip
        self._filter()

    def shown(self) -> list[Persona]:
        """The people the role and organisation filters leave."""
        return [p for p in self._everyone
                if self.role.value in (_ANY_ROLE, p.role)
                and self.organization.value in (_ANY_ORGANIZATION, p.organization)]  # fmt: skip

    def _filter(self, change: Mapping[str, Any] | None = None) -> None:
        people = self.shown()
        options = [(p.describe(), p.id) for p in people] or [("nobody matches both", "")]
        current = self.persona.value
        self.persona.options = options
        self.persona.value = current if current in [v for _, v in options] else options[0][1]
        self._restart()

    def _restart(self, change: Mapping[str, Any] | None = None) -> None:
        chosen = next((p for p in self._everyone if p.id == self.persona.value), None)
        self.score.value = self.saved.value = ""
        if chosen is None:
            self.clock.value = _p("Nobody matches both filters: choose another role or "
                                  "organisation.", _WARN)  # fmt: skip
            self.talk.value = ""
            return
        self.interview = Interview(chosen, self.agreed.value, self._network)
        self._refresh()

    def _refresh(self) -> None:
        c = self.interview
        late = c.clock > c.agreed_minutes
        self.clock.value = _p(
            f"Clock: <b style='color:{'#b00020' if late else _OK}'>minute {c.clock:g}</b> of "
            f"the {c.agreed_minutes} you asked for" + (" — you are over time." if late else ".")
        )
        asked = iter([None] * c.introduced + list(c.asked))
        lines = []
        for speaker, start, end, text in c.rows:
            who = "You" if speaker == LEARNER else html.escape(c.persona.name)
            found = next(asked, None) if speaker == LEARNER else None
            tags = "".join(f" <span style='{_TAG}'>{html.escape(t)}</span>"
                           for t in (found.labels() if found else []))  # fmt: skip
            when = f"<span style='color:#666'>({start:g}–{end:g} min)</span>"
            said = f"{html.escape(text)}{tags}"
            lines.append(f"<p style='margin:4px 0'><b>{who}</b> {when}: {said}</p>")
        self.talk.value = "".join(lines[-10:])

    def _check(self, _button: widgets.Button | None = None) -> None:
        text = self.introduction.value
        if not text.strip():
            self.intro_feedback.value = _p("Write your introduction in the box first.", _WARN)
            return
        review = check_introduction(text)
        self.intro_feedback.value = "".join(
            _p(html.escape(str(f)), _OK if f.passed else _WARN, 15) for f in review
        )

    def _start(self, _button: widgets.Button | None = None) -> None:
        if not self.introduction.value.strip():
            self.intro_feedback.value = _p("Write your introduction in the box first.", _WARN)
            return
        self._restart()
        self.interview.introduce(self.introduction.value)
        self._check()
        self._refresh()

    def _ask(self, _button: widgets.Button | None = None) -> None:
        text = self.question.value
        if not text.strip():
            self.score.value = _p("Type a question in the box first.", _WARN)
            return
        try:
            self.interview.ask(text)
        except CoffeeChatError as err:
            self.score.value = _p(html.escape(str(err)), _WARN)
            return
        self.score.value = ""
        self.question.value = ""
        self._refresh()

    def _finish(self, _button: widgets.Button | None = None) -> None:
        card = self.interview.scorecard()
        total = int(card["points"].sum())
        self.score.value = (
            _p(f"Scorecard: <b>{total} of {int(card['out_of'].sum())}</b> points.", size=17)
            + table_html(card)
            + _p("Your questions, by the same measures:", size=15)
            + table_html(_ticks(self.interview.questions()))
        )

    def _save(self, _button: widgets.Button | None = None) -> None:
        try:
            path = self.interview.save(self.file.value)
        except CoffeeChatError as err:
            self.saved.value = _p(html.escape(str(err)), _WARN)
            return
        self.saved.value = _p(f"✓ Saved to {html.escape(str(Path(path).resolve()))} — bring it "
                              "to the debrief.", _OK)  # fmt: skip


@checked(agreed_minutes=_AGREED)
def roleplay(
    network: Network | None = None,
    *,
    field: str = TARGET_FIELD,
    role: str | None = None,
    organization: str | None = None,
    agreed_minutes: int = 20,
) -> RolePlay:
    """A mock informational interview, typed, with someone in your target field.

    Parameters
    ----------
    network : Network, optional
        Where the people come from; the sample network by default.
    field : str, default "UX Research"
        Words the job titles of the people offered contain.
    role, organization : str, optional
        Start with the filters set to this role or organisation.
    agreed_minutes : {15, 20, 30}
        The length the learner asked for, at the start.

    Returns
    -------
    RolePlay
        The widget; leave it as the last line of a cell to show it. Its
        ``interview`` holds the conversation so far.

    Raises
    ------
    InvalidParameter
        If nobody in the network matches, or ``agreed_minutes`` is not 15, 20 or 30.
    """
    people = field_personas(network, field)
    play = RolePlay(people, agreed_minutes, network)
    if role is not None:
        play.role.value = role if role in play.role.options else _missing("role", role)
    if organization is not None:
        known = play.organization.options
        play.organization.value = (organization if organization in known
                                   else _missing("organization", organization))  # fmt: skip
    return play


def _ticks(table: pd.DataFrame) -> pd.DataFrame:
    """True and False shown as a tick and a blank, easier to read across a row."""
    return table.assign(**{c: table[c].map({True: "✓", False: ""}) for c in table.columns[1:]})


def _missing(name: str, value: str) -> str:
    raise InvalidParameter(f"nobody in the target field has the {name} {value!r}")
