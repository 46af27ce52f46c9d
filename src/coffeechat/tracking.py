"""Targets and tracking: a LAMP list of employers and a tracker of contacts.

Both are plain pandas DataFrames, checked when they are made or read, so a
learner can keep them in a spreadsheet, save them as CSV and load them back.

The LAMP list comes from Steve Dalton's *The 2-Hour Job Search*: list at
least 40 target employers, score each for **A**\\ dvocacy (do you have an
alum or other contact there?), **M**\\ otivation (how much do you want to work
there, 0 to 3) and **P**\\ osting (3 for a posting in your field, 2 for
postings in other fields, 1 for none), then sort by Motivation, then
Posting, then Advocacy, and start at the top.

The tracker holds one row a person you write to and the dates that matter:
when the request went out, the reply, the meeting, the thank-you and the
one follow-up. :func:`due_today` reads it and lists what to do today,
following the "3B7" routine (see :func:`coffeechat.outreach.follow_up_dates`).

Examples
--------
>>> lamp = make_lamp(
...     [
...         {"employer": "Acme Health", "advocacy": "yes", "motivation": 2, "posting": 3},
...         {"employer": "Borealis Labs", "advocacy": "no", "motivation": 3, "posting": 1},
...         {"employer": "Cobalt & Co", "advocacy": "no", "motivation": 2, "posting": 3},
...     ],
...     min_employers=0,
... )
>>> lamp[["employer", "advocacy", "motivation", "posting"]]
           employer  advocacy  motivation  posting
rank
1     Borealis Labs     False           3        1
2       Acme Health      True           2        3
3       Cobalt & Co     False           2        3
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from coffeechat._args import items, output_path, whole_number
from coffeechat._bank import yes_no
from coffeechat._tables import (
    Origin,
    blank,
    canonical_columns,
    parse_date,
    raise_problems,
    read_csv_rows,
)
from coffeechat.contacts import normalize_organization
from coffeechat.errors import InvalidParameter, TrackerDataError
from coffeechat.outreach import follow_up_dates

__all__ = [
    "DUE_COLUMNS",
    "LAMP_COLUMNS",
    "MIN_EMPLOYERS",
    "TRACKER_COLUMNS",
    "due_today",
    "make_lamp",
    "make_tracker",
    "read_lamp",
    "read_tracker",
    "tracker_summary",
    "write_lamp",
    "write_tracker",
]

#: Columns of a LAMP list, in order; only ``employer`` and the three scores are required.
LAMP_COLUMNS: tuple[str, ...] = ("employer", "advocacy", "motivation", "posting", "notes")
#: How many employers a LAMP list should hold (*The 2-Hour Job Search*).
MIN_EMPLOYERS = 40
#: Columns of a contact tracker, in order; only ``contact`` is required.
TRACKER_COLUMNS: tuple[str, ...] = (
    "contact",
    "organization",
    "email",
    "sent_on",
    "replied_on",
    "meeting_on",
    "thanked_on",
    "followed_up_on",
    "notes",
)
#: Columns of the table :func:`due_today` returns.
DUE_COLUMNS: tuple[str, ...] = ("due_on", "contact", "organization", "action", "days_overdue")

_DATE_COLUMNS = ("sent_on", "replied_on", "meeting_on", "thanked_on", "followed_up_on")

_LAMP_ALIASES = {
    "a": "advocacy",
    "alumni": "advocacy",
    "alumni_advocacy": "advocacy",
    "advocacy_alumni": "advocacy",
    "m": "motivation",
    "p": "posting",
    "postings": "posting",
    "company": "employer",
    "organization": "employer",
    "organisation": "employer",
    "employer_name": "employer",
    "note": "notes",
}
_TRACKER_ALIASES = {
    "name": "contact",
    "person": "contact",
    "company": "organization",
    "organisation": "organization",
    "employer": "organization",
    "e_mail": "email",
    "sent": "sent_on",
    "replied": "replied_on",
    "reply_on": "replied_on",
    "meeting": "meeting_on",
    "met_on": "meeting_on",
    "thanked": "thanked_on",
    "thank_you_on": "thanked_on",
    "followed_up": "followed_up_on",
    "follow_up_on": "followed_up_on",
    "note": "notes",
}


# ------------------------------------------------------------------ sources


def _as_frame(data: object, label: str) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data.reset_index(drop=True)
    if isinstance(data, str | bytes | Path) or data is None:
        raise InvalidParameter(
            f"{label}: give a DataFrame or a list of rows; to read a file use read_lamp or "
            "read_tracker"
        )
    try:
        rows = list(data)  # type: ignore[call-overload]
    except TypeError as err:
        raise InvalidParameter(f"{label}: cannot make a table from {type(data).__name__}") from err
    if rows and not all(isinstance(r, Mapping) for r in rows):
        raise InvalidParameter(f"{label}: each row must be a mapping of column to value")
    return pd.DataFrame(rows)


def _text(value: object) -> str:
    return "" if blank(value) else str(value).strip()


def _extra_columns(frame: pd.DataFrame, known: tuple[str, ...]) -> list[str]:
    return [c for c in frame.columns if c not in known]


def _from_csv(
    path: str | Path, aliases: Mapping[str, str], label: str
) -> tuple[pd.DataFrame, Origin]:
    if not isinstance(path, str | Path):
        raise InvalidParameter(f"path must be a str or Path, not {type(path).__name__}")
    table = read_csv_rows(path, TrackerDataError, aliases)
    return table.frame(), table.origin(label)


# ------------------------------------------------------------------ LAMP


def make_lamp(data: object, *, min_employers: int = MIN_EMPLOYERS) -> pd.DataFrame:
    """Check a LAMP list and sort it into the order to work through.

    Parameters
    ----------
    data : pandas.DataFrame or list of dict
        One row an employer. Columns (any case; Dalton's ``A``, ``M``, ``P``
        and ``company`` are understood): ``employer``; ``advocacy`` yes/no —
        an alum or other contact you could reach there (blank means no);
        ``motivation`` 0 to 3; ``posting`` 1 to 3; ``notes`` optional.
        Other columns are kept, after these.
    min_employers : int, default 40
        The fewest employers allowed; 40 is the method's rule. Use 0 while
        the list is a draft.

    Returns
    -------
    pandas.DataFrame
        The list sorted by motivation, then posting, then advocacy (highest
        first; ties keep their order), indexed by ``rank`` from 1.

    Raises
    ------
    TrackerDataError
        For a missing column, an empty or repeated employer, a score out of
        range, or fewer than ``min_employers`` rows. Every bad row is listed.
    """
    return _clean_lamp(_as_frame(data, "LAMP list"), Origin("LAMP list"), min_employers)


def read_lamp(path: str | Path, *, min_employers: int = MIN_EMPLOYERS) -> pd.DataFrame:
    """Read a LAMP list from CSV; see :func:`make_lamp`. Errors name ``file:line:column``.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lamp.csv"
    >>> _ = path.write_text("Employer,A,M,P\\nAcme,Y,3,2\\nBorealis,N,high,1\\n")
    >>> read_lamp(path, min_employers=0)
    Traceback (most recent call last):
    ...
    coffeechat.errors.TrackerDataError: .../lamp.csv:3:3: motivation 'high' must be a whole ...
    """
    frame, source = _from_csv(path, _LAMP_ALIASES, "LAMP list")
    return _clean_lamp(frame, source, min_employers)


def write_lamp(lamp: pd.DataFrame, path: str | Path) -> None:
    """Save a LAMP list as CSV (advocacy as yes/no) that :func:`read_lamp` reads back."""
    checked = make_lamp(lamp, min_employers=0)
    out = checked.copy()
    out["advocacy"] = ["yes" if a else "no" for a in out["advocacy"]]
    out.to_csv(output_path(path), index=False, lineterminator="\n")


def _check_min(value: object) -> int:
    return whole_number(value, "min_employers", minimum=0)


def _score(value: object, low: int, high: int) -> int | None:
    """A whole-number score in [low, high] from a cell, or None."""
    if isinstance(value, bool | np.bool_) or blank(value):
        return None
    try:
        number = float(value) if isinstance(value, numbers.Real) else float(_text(value))
    except ValueError:
        return None
    if not number.is_integer() or not low <= number <= high:
        return None
    return int(number)


def _yes_no(value: object) -> bool | None:
    """True or False from a yes/no cell (blank is no), or None."""
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, numbers.Real) and not blank(value):
        return bool(value) if value in (0, 1) else None
    return yes_no(_text(value))


def _clean_lamp(frame: pd.DataFrame, source: Origin, min_employers: int) -> pd.DataFrame:
    min_employers = _check_min(min_employers)
    frame = canonical_columns(frame, _LAMP_ALIASES, source.label, TrackerDataError)
    required = ("employer", "advocacy", "motivation", "posting")
    problems = [source.missing(c, required) for c in required if c not in frame.columns]
    raise_problems(problems, TrackerDataError)
    extra = _extra_columns(frame, LAMP_COLUMNS)
    rows: list[dict[str, object]] = []
    seen: dict[str, tuple[int, str]] = {}
    for pos, record in enumerate(frame.to_dict("records")):
        employer = _text(record["employer"])
        if not employer:
            problems.append(f"{source.at(pos, 'employer')}: employer is empty")
        else:
            k = normalize_organization(employer)
            if k in seen:
                first_at, first_spelling = seen[k]
                again = (
                    "is already listed"
                    if first_spelling == employer
                    else f"is already listed as {first_spelling!r}, spelled another way"
                )
                problems.append(
                    f"{source.at(pos, 'employer')}: {employer!r} {again} "
                    f"({source.place(first_at)}); keep one row an employer "
                    "(coffeechat.profile.employers lists each employer once)"
                )
            seen.setdefault(k, (pos, employer))
        advocacy = _yes_no(record["advocacy"])
        if advocacy is None:
            problems.append(
                f"{source.at(pos, 'advocacy')}: advocacy {record['advocacy']!r} must be yes or no"
            )
        motivation = _score(record["motivation"], 0, 3)
        if motivation is None:
            problems.append(
                f"{source.at(pos, 'motivation')}: motivation {record['motivation']!r} must be a "
                "whole number from 0 to 3"
            )
        posting = _score(record["posting"], 1, 3)
        if posting is None:
            problems.append(
                f"{source.at(pos, 'posting')}: posting {record['posting']!r} must be 1 (none), "
                "2 (postings in other fields) or 3 (a posting in your field)"
            )
        row = {
            "employer": employer,
            "advocacy": bool(advocacy),
            "motivation": motivation or 0,
            "posting": posting or 0,
            "notes": _text(record.get("notes")),
        }
        row.update({c: record[c] for c in extra})
        rows.append(row)
    raise_problems(problems, TrackerDataError)
    if len(rows) < min_employers:
        raise TrackerDataError(
            f"{source.whole()}: the LAMP list has {len(rows)} employers; list at least "
            f"{min_employers} (include their suppliers, competitors and customers), or pass "
            "min_employers=0 while it is a draft"
        )
    lamp = pd.DataFrame(rows, columns=[*LAMP_COLUMNS, *extra])
    lamp = lamp.astype({"advocacy": bool, "motivation": "int64", "posting": "int64"})
    lamp = lamp.sort_values(
        ["motivation", "posting", "advocacy"], ascending=False, kind="stable"
    ).reset_index(drop=True)
    lamp.index = pd.RangeIndex(1, len(lamp) + 1, name="rank")
    return lamp


# ------------------------------------------------------------------ tracker


def make_tracker(data: object) -> pd.DataFrame:
    """Check a contact tracker and return it as a DataFrame.

    Parameters
    ----------
    data : pandas.DataFrame or list of dict
        One row a person you contact. ``contact`` (their name) is required;
        ``organization``, ``email``, ``notes`` and the dates ``sent_on``,
        ``replied_on``, ``meeting_on``, ``thanked_on`` and ``followed_up_on``
        are optional (written like 2025-03-14; blank when it has not
        happened). Other columns are kept, after these.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TRACKER_COLUMNS` (dates as ``datetime.date`` or None).

    Raises
    ------
    TrackerDataError
        For a missing ``contact`` column, an empty or repeated contact, an
        email without "@", a date that cannot be read, or dates in an
        impossible order (a reply before the request, a thank-you before the
        meeting). Every bad row is listed.

    Examples
    --------
    >>> tracker = make_tracker([
    ...     {"contact": "Ana Ruiz", "organization": "Acme Health", "sent_on": "2025-03-03"},
    ...     {"contact": "Ben Ode", "organization": "Borealis", "sent_on": "2025-03-03",
    ...      "replied_on": "2025-03-04", "meeting_on": "2025-03-10"},
    ... ])
    >>> for row in due_today(tracker, today="2025-03-12").itertuples():
    ...     print(row.due_on, row.days_overdue, row.action)
    2025-03-06 6 No reply after 3 business days: write to a second contact at Acme Health
    2025-03-11 1 Send Ben Ode a thank-you note (within 24 hours of meeting) with one takeaway
    2025-03-12 0 No reply after 7 business days: send Ana Ruiz one short follow-up
    """
    return _clean_tracker(_as_frame(data, "tracker"), Origin("tracker"))


def read_tracker(path: str | Path) -> pd.DataFrame:
    """Read a contact tracker from CSV; see :func:`make_tracker`.

    Errors name ``file:line:column``.
    """
    frame, source = _from_csv(path, _TRACKER_ALIASES, "tracker")
    return _clean_tracker(frame, source)


def write_tracker(tracker: pd.DataFrame, path: str | Path) -> None:
    """Save a contact tracker as CSV (dates as 2025-03-14) that :func:`read_tracker` reads."""
    out = make_tracker(tracker)
    for column in _DATE_COLUMNS:
        out[column] = [d.isoformat() if d is not None else "" for d in out[column]]
    out.to_csv(output_path(path), index=False, lineterminator="\n")


_ORDER = (
    ("replied_on", "sent_on", "a reply cannot come before the request"),
    ("followed_up_on", "sent_on", "a follow-up cannot come before the request"),
    ("meeting_on", "sent_on", "the meeting cannot come before the request"),
    ("thanked_on", "meeting_on", "the thank-you cannot come before the meeting"),
)


def _clean_tracker(frame: pd.DataFrame, source: Origin) -> pd.DataFrame:
    frame = canonical_columns(frame, _TRACKER_ALIASES, source.label, TrackerDataError)
    if "contact" not in frame.columns:
        raise_problems([source.missing("contact", ["contact"])], TrackerDataError)
    extra = _extra_columns(frame, TRACKER_COLUMNS)
    problems: list[str] = []
    rows: list[dict[str, object]] = []
    seen: dict[tuple[str, str], int] = {}
    for pos, record in enumerate(frame.to_dict("records")):
        contact = _text(record["contact"])
        organization = _text(record.get("organization"))
        if not contact:
            problems.append(f"{source.at(pos, 'contact')}: contact is empty")
        else:
            k = (" ".join(contact.lower().split()), normalize_organization(organization))
            if k in seen:
                problems.append(
                    f"{source.at(pos, 'contact')}: {contact!r} at {organization or 'no employer'} "
                    f"is already tracked ({source.place(seen[k])})"
                )
            seen.setdefault(k, pos)
        email = _text(record.get("email"))
        if email and "@" not in email:
            problems.append(f"{source.at(pos, 'email')}: email {email!r} has no '@'")
        row: dict[str, object] = {"contact": contact, "organization": organization, "email": email}
        for column in _DATE_COLUMNS:
            value = record.get(column)
            try:
                row[column] = parse_date(value)
            except ValueError:
                row[column] = None
                problems.append(
                    f"{source.at(pos, column)}: cannot read the date {value!r} "
                    "(write it like 2025-03-14)"
                )
        for later, earlier, message in _ORDER:
            if row[later] is not None and row[earlier] is not None and row[later] < row[earlier]:
                problems.append(
                    f"{source.at(pos, later)}: {later} {row[later]} is before {earlier} "
                    f"{row[earlier]}; {message}"
                )
        row["notes"] = _text(record.get("notes"))
        row.update({c: record[c] for c in extra})
        rows.append(row)
    raise_problems(problems, TrackerDataError)
    tracker = pd.DataFrame(rows, columns=[*TRACKER_COLUMNS, *extra])
    return tracker.astype(dict.fromkeys(_DATE_COLUMNS, object))


def _as_today(today: object) -> date:
    if today is None:
        return date.today()
    try:
        day = parse_date(today)
    except ValueError:
        day = None
    if day is None or isinstance(today, bool | int | float):
        raise InvalidParameter(f"today={today!r} is not a date; write it like 2025-03-14")
    return day


def due_today(
    tracker: pd.DataFrame,
    today: date | str | None = None,
    holidays: Iterable[date | str] = (),
) -> pd.DataFrame:
    """What the tracker says to do today (and anything overdue).

    * No reply three business days after a request, and nobody else at that
      employer written to since: write to a second contact there (3B7).
    * No reply seven business days after, and no follow-up yet: send the one
      follow-up (3B7).
    * A reply with no meeting arranged: reply and agree a time.
    * A meeting today: go, with your plan, and keep to time.
    * A meeting in the past with no thank-you: send it (due the day after).

    Parameters
    ----------
    tracker : pandas.DataFrame
        A tracker (checked with :func:`make_tracker`).
    today : datetime.date or ISO string, optional
        The day to plan for; today by default.
    holidays : iterable of dates
        Days that are not business days, besides weekends.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DUE_COLUMNS`, the most overdue first.
    """
    checked = make_tracker(tracker)
    day = _as_today(today)
    holidays = tuple(items(holidays, "holidays"))
    rows: list[dict[str, object]] = []

    def due(on: date, record: Mapping[str, object], action: str) -> None:
        if on <= day:
            rows.append(
                {
                    "due_on": on,
                    "contact": record["contact"],
                    "organization": record["organization"],
                    "action": action,
                    "days_overdue": (day - on).days,
                }
            )

    records = checked.to_dict("records")
    for record in records:
        name = record["contact"]
        sent, replied, meeting = record["sent_on"], record["replied_on"], record["meeting_on"]
        if sent is not None and replied is None and meeting is None:
            plan = follow_up_dates(sent, holidays)  # the one "3B7" rule
            org = record["organization"]
            org_key = normalize_organization(org)
            second = org_key and not any(
                other is not record
                and normalize_organization(other["organization"]) == org_key
                and other["sent_on"] is not None
                and other["sent_on"] >= sent
                for other in records
            )
            if second:
                due(
                    plan.second_contact_on,
                    record,
                    f"No reply after 3 business days: write to a second contact at {org}",
                )
            if record["followed_up_on"] is None:
                due(
                    plan.follow_up_on,
                    record,
                    f"No reply after 7 business days: send {name} one short follow-up",
                )
        if replied is not None and meeting is None:
            due(replied, record, f"{name} replied: answer and agree a time to talk")
        if meeting is not None and meeting == day:
            due(meeting, record, f"Meet {name} today: bring your plan and keep to time")
        if meeting is not None and meeting < day and record["thanked_on"] is None:
            due(
                meeting + timedelta(days=1),
                record,
                f"Send {name} a thank-you note (within 24 hours of meeting) with one takeaway",
            )
    frame = pd.DataFrame(rows, columns=list(DUE_COLUMNS))
    if frame.empty:
        return frame
    frame = frame.sort_values(["days_overdue", "contact"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)


def tracker_summary(tracker: pd.DataFrame) -> pd.Series:
    """Counts of requests sent, replies, meetings, thank-yous and follow-ups.

    Examples
    --------
    >>> t = make_tracker([{"contact": "Ana", "sent_on": "2025-03-03", "replied_on": "2025-03-04"},
    ...                   {"contact": "Ben", "sent_on": "2025-03-03"}])
    >>> tracker_summary(t).to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'contacts': 2, 'sent': 2, 'replied': 1, 'meetings': 0, 'thanked': 0, 'followed_up': 0,
     'reply_rate': 0.5}
    """
    checked = make_tracker(tracker)

    def count(column: str) -> int:
        return int(checked[column].notna().sum())

    sent = count("sent_on")
    summary = {
        "contacts": len(checked),
        "sent": sent,
        "replied": count("replied_on"),
        "meetings": count("meeting_on"),
        "thanked": count("thanked_on"),
        "followed_up": count("followed_up_on"),
        "reply_rate": count("replied_on") / sent if sent else 0.0,
    }
    return pd.Series(summary, dtype=object, name="tracker")
