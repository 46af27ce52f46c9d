"""Coffee Chat: networking and informational interviews, as a course kit.

The most used names are available from the package itself::

    >>> import coffeechat as cc
    >>> network = cc.load_sample_network()
    >>> cc.shortest_chain(network, target=cc.Target(organization="Pulsewise")).hops
    2

Widgets live in :mod:`coffeechat.ui`, assignment checks in
:mod:`coffeechat.checks` and the instructor commands in :mod:`coffeechat.cli`;
import those modules by name.
"""

from __future__ import annotations

from importlib import metadata as _metadata

from coffeechat.contacts import TIE_KINDS, Network, Person, Tie
from coffeechat.datasets import (
    load_sample_network,
    load_sample_organizations,
    make_network,
    sample_path,
)
from coffeechat.display import show_whole_text
from coffeechat.errors import (
    CoffeeChatError,
    ContactDataError,
    InvalidParameter,
    NoChainError,
    PersonNotFound,
    PlanError,
    QuestionBankError,
    TrackerDataError,
)
from coffeechat.io import (
    read_csv,
    read_google_csv,
    read_linkedin,
    read_linkedin_table,
    read_vcard,
    write_csv,
)
from coffeechat.outreach import follow_up_dates, review_request, review_thank_you
from coffeechat.paths import (
    Chain,
    Separation,
    Target,
    chains,
    hop_counts,
    introducers,
    reach_table,
    separation,
    shortest_chain,
    strongest_chain,
)
from coffeechat.questions import InterviewPlan, Question, QuestionBank, load_bank, plan_interview
from coffeechat.tracking import (
    due_today,
    make_lamp,
    make_tracker,
    read_lamp,
    read_tracker,
    write_lamp,
    write_tracker,
)

try:
    __version__ = _metadata.version("coffeechat")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "TIE_KINDS",
    "Chain",
    "CoffeeChatError",
    "ContactDataError",
    "InterviewPlan",
    "InvalidParameter",
    "Network",
    "NoChainError",
    "Person",
    "PersonNotFound",
    "PlanError",
    "Question",
    "QuestionBank",
    "QuestionBankError",
    "Separation",
    "Target",
    "Tie",
    "TrackerDataError",
    "__version__",
    "chains",
    "due_today",
    "follow_up_dates",
    "hop_counts",
    "introducers",
    "load_bank",
    "load_sample_network",
    "load_sample_organizations",
    "make_lamp",
    "make_network",
    "make_tracker",
    "plan_interview",
    "read_csv",
    "read_google_csv",
    "read_lamp",
    "read_linkedin",
    "read_linkedin_table",
    "read_tracker",
    "read_vcard",
    "reach_table",
    "review_request",
    "review_thank_you",
    "sample_path",
    "separation",
    "shortest_chain",
    "show_whole_text",
    "strongest_chain",
    "write_csv",
    "write_lamp",
    "write_tracker",
]
