"""The plan board: pick an employer, a role and a day, and read what to do.

Underneath sits :func:`coffeechat.employer_plan.plan_for`, which returns the same
words as text; the board only chooses its arguments.

Examples
--------
>>> import datetime
>>> import coffeechat as cc
>>> board = plan_board(cc.load_sample_network(), ["Pulsewise", "Nowhere Ltd"])
>>> board.employer.value = "Nowhere Ltd"
>>> "nobody you can reach works there yet" in board.advice.value
True
>>> board.employer.value = "Pulsewise"
>>> board.sent_on.value = datetime.date(2026, 3, 2)
>>> "Thu 5 Mar" in board.advice.value
True
>>> board.role.value = "UX Researcher"
>>> "Noor Khalil" in board.advice.value
True
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable, Mapping
from typing import Any

import ipywidgets as widgets

from coffeechat._args import checked
from coffeechat.contacts import Network
from coffeechat.employer_plan import plan_for
from coffeechat.errors import InvalidParameter
from coffeechat.profile import Profile

__all__ = ["PlanBoard", "plan_board"]


class PlanBoard(widgets.VBox):
    """An employer menu, a role and a date, above the plan for that employer.

    ``employer`` is the menu, ``role`` the role you are moving towards (blank:
    anyone there), ``sent_on`` the day the request would go out, ``advice``
    the plan in words. Use :func:`plan_board` to make one.
    """

    @checked
    def __init__(
        self,
        network: Network,
        employers: Iterable[str],
        role: str | None = None,
        profile: Profile | None = None,
    ) -> None:
        names = list(dict.fromkeys(str(e) for e in employers))
        if not names:
            raise InvalidParameter("the plan board needs at least one employer")
        if profile is not None and not isinstance(profile, Profile):
            raise InvalidParameter(f"profile must be a Profile, not {type(profile).__name__}")
        self.network = network
        self.profile = profile
        if role is None and profile is not None:
            role = profile.role
        self.employer = widgets.Dropdown(options=names, value=names[0], description="Employer")
        self.role = widgets.Text(value=role or "", description="Role", placeholder="any role")
        self.sent_on = widgets.DatePicker(description="Send on", value=None)
        self.advice = widgets.HTML()
        super().__init__(
            [widgets.HBox([self.employer, self.role, self.sent_on]), self.advice],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.employer.observe(self._update, names="value")
        self.role.observe(self._update, names="value")
        self.sent_on.observe(self._update, names="value")
        self._update()

    def _update(self, change: Mapping[str, Any] | None = None) -> None:
        day = self.sent_on.value
        text = plan_for(
            self.network,
            self.employer.value,
            day if isinstance(day, datetime.date) else None,
            role=self.role.value.strip() or None,
            profile=self.profile,
        )
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        self.advice.value = f"<div style='font-size:15px;max-width:48em'>{paragraphs}</div>"


@checked
def plan_board(
    network: Network,
    employers: Iterable[str],
    role: str | None = None,
    profile: Profile | None = None,
) -> PlanBoard:
    """The plan board as a widget (see :class:`PlanBoard`).

    Parameters
    ----------
    network : Network
        The learner's network.
    employers : iterable of str
        The employers to choose from, e.g. the top five of a LAMP list.
    role : str, optional
        The role you are moving towards (the profile's when omitted).
    profile : Profile, optional
        Your profile: the board then gives next moves where nobody is reachable.
    """
    return PlanBoard(network, employers, role, profile)
