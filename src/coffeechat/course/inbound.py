"""Collecting submissions on a hub that keeps participants apart.

nbgrader's exchange keeps every submission in ``<exchange>/<course>/inbound/``
as a folder named ``<student>+<assignment>+<time>+<random>``. On a hub where
participants are kept apart two things change (see
:mod:`coffeechat.course.hub`):

- **Separate Unix accounts**: nbgrader's ``check_owner`` only *warns* when a
  submission names a student other than the account that owns it, and
  collects it anyway; a participant could hand work in under another's
  name. :class:`OwnedCollect` leaves such a submission out, and says so.
- **Bubblewrap sandboxes under one account**: Unix rights cannot stop one
  participant from listing another's submissions, so each participant's
  sandbox sees only ``inbound/<name>/`` (their own folder) as ``inbound/``.
  :class:`OwnedCollect` looks in those folders too, and takes from
  ``inbound/<name>/`` only submissions that name ``<name>``.

The instructor's servers use it when the hub says so
(``ExchangeFactory.collect``, set by
:func:`coffeechat.course.hub.configure_nbgrader`).

Examples
--------
>>> owned("inbound/ada/ada+ps01+2026-12-06 10:00:00.000000 UTC+Ab12", folder_owner=None)
True
>>> owned("inbound/ada/bob+ps01+2026-12-06 10:00:00.000000 UTC+Ab12", folder_owner=None)
False
"""

from __future__ import annotations

import glob
import os
from itertools import groupby
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.utils import check_mode

__all__ = ["OwnedCollect", "owned"]


def _student(path: str | Path) -> str:
    return Path(path).name.split("+", 1)[0]


def owned(path: str | Path, folder_owner: str | None) -> bool:
    """Whether the submission folder ``path`` comes from the student it names.

    In a participant's own inbound folder (``inbound/<name>/...``) the folder
    says who handed it in; in nbgrader's shared ``inbound/`` the Unix owner
    ``folder_owner`` does (None: not checked).
    """
    path = Path(path)
    student = _student(path)
    if path.parent.name != "inbound":
        return path.parent.name == student
    return folder_owner is None or folder_owner == student


def _owner(path: str) -> str:
    import pwd

    uid = os.stat(path).st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


class OwnedCollect(ExchangeCollect):
    """nbgrader's collect, taking each submission only from the participant it names."""

    def _submission_paths(self) -> list[str]:
        student = self.coursedir.student_id or "*"
        name = f"{student}+{self.coursedir.assignment_id}+*"
        found = glob.glob(os.path.join(self.inbound_path, name))
        found += glob.glob(os.path.join(self.inbound_path, "*", name))
        kept = []
        for path in sorted(found):
            shared = Path(path).parent.name == "inbound"
            owner = _owner(path) if self.check_owner and shared else None
            if owned(path, owner):
                kept.append(path)
            else:
                self.log.warning(
                    "Left out %s: it names %s but was handed in by %s",
                    path,
                    _student(path),
                    owner or Path(path).parent.name,
                )
        return kept

    def _path_to_record(self, path: str) -> dict:
        record = super()._path_to_record(path)
        # copy_files joins the inbound folder and this: keep a participant's subfolder.
        record["filename"] = os.path.relpath(path, self.inbound_path)
        return record

    def init_src(self) -> None:
        """nbgrader's ``init_src``, over :meth:`_submission_paths`."""
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        self.course_path = os.path.join(self.root, self.coursedir.course_id)
        self.inbound_path = os.path.join(self.course_path, "inbound")
        if not os.path.isdir(self.inbound_path):
            self.fail(f"Course not found: {self.inbound_path}")
        if not check_mode(self.inbound_path, read=True, execute=True):
            self.fail(f"You don't have read permissions for the directory: {self.inbound_path}")
        records = sorted(
            (self._path_to_record(p) for p in self._submission_paths()),
            key=lambda record: record["username"],
        )
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                duedate = gb.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                duedate = None
        self.duedate = duedate
        self.src_records = []
        for _student_id, group in groupby(records, lambda record: record["username"]):
            ordered = self._sort_by_timestamp(list(group))
            if duedate is not None and self.before_duedate:
                on_time = [r for r in ordered if r["timestamp"] <= duedate]
                ordered = on_time or ordered
            self.src_records.append(ordered[0])
