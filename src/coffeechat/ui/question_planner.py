"""The question planner: goals, minutes and an interviewee in, a printable agenda out.

Under the widget sit two ordinary functions: :func:`planner_agenda` plans an
interview with :func:`coffeechat.questions.plan_interview` and returns the
agenda as Markdown or HTML text, and :func:`agenda_html` writes any plan as a
small HTML page to print or save.

Examples
--------
>>> from coffeechat.datasets import load_sample_network
>>> net = load_sample_network()
>>> text = planner_agenda(["culture", "skills"], 20, net.person("grace-mensah"), seed=0)
>>> text.splitlines()[0]
'# Informational interview with Grace Mensah, Head of Science, Years 7–13 at Riverside Academy'
>>> planner = question_planner(net, interviewee="grace-mensah")
>>> planner.minutes.value = 15
>>> planner.plan.minutes
15.0
>>> planner.goals.value = ()
>>> planner.plan is None
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from coffeechat._args import checked
from coffeechat.contacts import Network, Person
from coffeechat.errors import InvalidParameter
from coffeechat.questions import GOALS, InterviewPlan, QuestionBank, plan_interview

#: The formats :func:`planner_agenda` writes.
AGENDA_FORMATS: tuple[str, ...] = ("markdown", "html")

#: The goals the planner starts with.
DEFAULT_GOALS: tuple[str, ...] = ("career path", "day-to-day", "entry paths")

_PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48em;margin:2em auto;color:#222}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;"
    "padding:4px 8px;text-align:left;vertical-align:top}td.num{text-align:right;"
    "white-space:nowrap}@media print{body{margin:0}}"
)


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


@checked
def agenda_html(plan: InterviewPlan, *, page: bool = True) -> str:
    """A plan's agenda as HTML: a whole page to save and print, or just the fragment.

    Parameters
    ----------
    plan : InterviewPlan
        A plan from :func:`~coffeechat.questions.plan_interview`.
    page : bool, default True
        A complete HTML document (False: only the heading, table and notes).

    Returns
    -------
    str
        HTML in which every piece of text from the plan is escaped.

    Examples
    --------
    >>> from coffeechat.questions import plan_interview
    >>> plan = plan_interview(["skills"], minutes=15, interviewee="UX Researcher", seed=0)
    >>> body = agenda_html(plan, page=False)
    >>> body.startswith("<h2>Informational interview with UX Researcher</h2>")
    True
    >>> "Who else should I talk to?" in body
    True
    """
    if not isinstance(plan, InterviewPlan):
        raise InvalidParameter(f"expected an InterviewPlan, not {type(plan).__name__}")
    who = f" with {plan.interviewee}" if plan.interviewee else ""
    rows = []
    for item in plan.items:
        part = item.section.capitalize()
        if item.question is not None and item.section == "questions":
            part = item.question.category.capitalize()
        rows.append(
            f"<tr><td class='num'>{_clock(item.start)}</td><td class='num'>{item.minutes:g}</td>"
            f"<td>{html.escape(part)}</td><td>{html.escape(item.text)}</td></tr>"
        )
    notes = [
        f"Planned: {plan.total_minutes:g} of {plan.minutes:g} minutes, leaving "
        f"{plan.minutes - plan.total_minutes:g} for follow-up questions. Listen more than "
        "you talk, and never ask for a job."
    ]
    notes += [f"Left out — {goal}: {reason}" for goal, reason in plan.left_out]
    body = (
        f"<h2>Informational interview{html.escape(who)}</h2>"
        f"<p><b>Time asked for:</b> {plan.minutes:g} minutes · <b>Goals:</b> "
        f"{html.escape(', '.join(plan.goals))}</p>"
        "<table><thead><tr><th>Start</th><th>Min</th><th>Part</th><th>Say or ask</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        + "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    )
    if not page:
        return body
    title = html.escape(f"Informational interview{who}")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_PAGE_STYLE}</style></head><body>{body}</body></html>\n"
    )


@checked
def planner_agenda(
    goals: Iterable[str],
    minutes: float = 20,
    interviewee: Person | str | None = None,
    *,
    format: str = "markdown",
    bank: QuestionBank | None = None,
    seed: int | None = 0,
) -> str:
    """Plan an informational interview and return its agenda as text.

    Parameters
    ----------
    goals : iterable of str
        What you want to learn (see :data:`coffeechat.questions.GOALS`).
    minutes : float, default 20
        The time you asked for (15 to 30 is usual).
    interviewee : Person, str or None
        Whom you will talk to (a person, a role, or an audience).
    format : {"markdown", "html"}
        Markdown to read in a notebook, or a whole HTML page to print.
    bank : QuestionBank, optional
        The questions to choose from; the bundled bank by default.
    seed : int or None, default 0
        Breaks ties between equally good plans; the same seed, the same plan.

    Returns
    -------
    str

    Raises
    ------
    InvalidParameter
        For an unknown format.
    PlanError
        For an unknown goal or a time outside 5 to 60 minutes.
    """
    if format not in AGENDA_FORMATS:
        raise InvalidParameter(f"format must be one of {AGENDA_FORMATS}, not {format!r}")
    plan = plan_interview(list(goals), minutes, interviewee, bank=bank, seed=seed)
    return plan.to_markdown() if format == "markdown" else agenda_html(plan)


class QuestionPlanner(widgets.VBox):
    """Pick goals, minutes and a person; see the agenda; save it to print.

    Build one with :func:`question_planner`. Changing any control replans
    with :func:`~coffeechat.questions.plan_interview`; :attr:`plan`,
    :attr:`markdown` and :attr:`html` hold the result.

    Attributes
    ----------
    goals : ipywidgets.SelectMultiple
        The goals (hold Ctrl or Cmd to pick several).
    minutes : ipywidgets.IntSlider
        The time asked for, 15 to 30 minutes.
    interviewee : ipywidgets.Dropdown
        Whom you will talk to, by id.
    summary : ipywidgets.HTML
        One sentence: questions chosen, goals covered, minutes left free.
    agenda : ipywidgets.HTML
        The agenda.
    save : ipywidgets.Button
        Writes the agenda as Markdown and as HTML into :attr:`folder`.
    saved : ipywidgets.HTML
        Where the files went.
    plan : InterviewPlan or None
        The plan shown (None while no goal is picked).
    """

    @checked
    def __init__(
        self,
        network: Network,
        *,
        interviewee: str | None = None,
        goals: Iterable[str] = DEFAULT_GOALS,
        minutes: int = 20,
        bank: QuestionBank | None = None,
        folder: str | Path = ".",
    ) -> None:
        if not isinstance(network, Network):
            raise InvalidParameter(f"expected a Network, not {type(network).__name__}")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or not 15 <= minutes <= 30:
            raise InvalidParameter(f"minutes must be a whole number from 15 to 30, not {minutes!r}")
        goals = tuple(goals)
        unknown = [g for g in goals if g not in GOALS]
        if unknown:
            raise InvalidParameter(f"unknown goal {unknown[0]!r}; choose from: {', '.join(GOALS)}")
        options = _people_options(network)
        if interviewee is None:
            interviewee = options[0][1]
        network.person(interviewee)  # PersonNotFound, with suggestions
        self.network = network
        self.bank = bank
        self.folder = Path(folder)
        self.goals = widgets.SelectMultiple(
            options=list(GOALS),
            value=goals,
            rows=len(GOALS),
            description="Goals",
            layout=widgets.Layout(width="300px"),
        )
        self.minutes = widgets.IntSlider(
            value=minutes,
            min=15,
            max=30,
            description="Minutes",
            continuous_update=False,
            layout=widgets.Layout(width="340px"),
        )
        self.interviewee = widgets.Dropdown(
            options=options,
            value=interviewee,
            description="Interviewee",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="520px"),
        )
        self.summary = widgets.HTML()
        self.agenda = widgets.HTML()
        self.save = widgets.Button(description="Save agenda", icon="download")
        self.saved = widgets.HTML()
        self.plan: InterviewPlan | None = None
        self.markdown = ""
        self.html = ""
        for control in (self.goals, self.minutes, self.interviewee):
            control.observe(self._update, names="value")
        self.save.on_click(self._save)
        super().__init__(
            children=[
                widgets.HBox([self.goals, widgets.VBox([self.minutes, self.interviewee])]),
                self.summary,
                self.agenda,
                widgets.HBox([self.save, self.saved]),
            ]
        )
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        self.saved.value = ""
        if not self.goals.value:
            self.plan, self.markdown, self.html = None, "", ""
            self.summary.value = _sentence("Pick at least one goal: what do you want to learn?")
            self.agenda.value = ""
            return
        person = self.network.person(self.interviewee.value)
        self.plan = plan_interview(
            list(self.goals.value), self.minutes.value, person, bank=self.bank, seed=0
        )
        self.markdown = self.plan.to_markdown()
        self.html = agenda_html(self.plan)
        self.summary.value = _sentence(_summary(self.plan))
        self.agenda.value = agenda_html(self.plan, page=False)

    def _save(self, button: widgets.Button | None = None) -> tuple[Path, Path]:
        """Write ``agenda-<id>.md`` and ``agenda-<id>.html`` into :attr:`folder`."""
        if self.plan is None:
            self.saved.value = _sentence("Nothing to save yet: pick at least one goal.")
            return ()  # type: ignore[return-value]
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = f"agenda-{self.interviewee.value}"
        md, page = self.folder / f"{stem}.md", self.folder / f"{stem}.html"
        md.write_text(self.markdown, encoding="utf-8")
        page.write_text(self.html, encoding="utf-8")
        self.saved.value = _sentence(
            f"Saved <code>{html.escape(str(md))}</code> and <code>{html.escape(str(page))}</code>"
            " — open the HTML file in a browser to print it."
        )
        return md, page


def _sentence(text: str) -> str:
    return f'<p style="font-size:16px;margin:6px 0">{text}</p>'


def _summary(plan: InterviewPlan) -> str:
    n = len(plan.questions)
    covered = len(plan.covered_goals)
    text = (
        f"<b>{n}</b> question{'s' if n != 1 else ''} on <b>{covered}</b> of your "
        f"{len(plan.goals)} goal{'s' if len(plan.goals) != 1 else ''}, then the two closing "
        f"questions; {plan.minutes - plan.total_minutes:g} of {plan.minutes:g} minutes stay free."
    )
    if plan.left_out:
        text += " Left out: " + html.escape(", ".join(plan.missing_goals)) + "."
    return text


def _people_options(network: Network) -> list[tuple[str, str]]:
    """(label, id) for everyone but the learner who has a role, sorted by name."""
    people = network.people
    rows = [
        (f"{name} — {role}" + (f", {org}" if org else ""), pid)
        for pid, name, role, org in zip(
            people["id"], people["name"], people["role"], people["organization"], strict=True
        )
        if pid != network.me and isinstance(role, str) and role.strip()
    ]
    if not rows:
        raise InvalidParameter("the network has nobody with a role to plan a conversation with")
    return sorted(rows, key=lambda r: (r[0].casefold(), r[1]))


@checked
def question_planner(
    network: Network,
    *,
    interviewee: str | None = None,
    goals: Iterable[str] = DEFAULT_GOALS,
    minutes: int = 20,
    bank: QuestionBank | None = None,
    folder: str | Path = ".",
) -> QuestionPlanner:
    """A widget to plan an informational interview and save the agenda.

    Parameters
    ----------
    network : Network
        Whose people can be picked as the interviewee.
    interviewee : str, optional
        The id picked at first; the first person by name otherwise.
    goals : iterable of str, default :data:`DEFAULT_GOALS`
        The goals picked at first.
    minutes : int, default 20
        Where the minutes slider starts (15 to 30).
    bank : QuestionBank, optional
        The questions to choose from; the bundled bank by default.
    folder : str or Path, default "."
        Where **Save agenda** writes the Markdown and HTML files.

    Returns
    -------
    QuestionPlanner
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        For minutes outside 15 to 30 or an unknown goal.
    PersonNotFound
        If ``interviewee`` is not in the network.
    """
    return QuestionPlanner(
        network, interviewee=interviewee, goals=goals, minutes=minutes, bank=bank, folder=folder
    )
