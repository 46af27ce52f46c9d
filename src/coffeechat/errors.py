"""The errors Coffee Chat raises.

Every error the package raises on purpose is a :class:`CoffeeChatError`, so a
notebook can catch them all with one ``except`` and show the message, which is
written for a person to read: it names the value, and where it came from a file,
the file, the line and the column.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CheckFailed",
    "CoffeeChatError",
    "ContactDataError",
    "GradingError",
    "InvalidParameter",
    "NoChainError",
    "OrganizationDataError",
    "PersonNotFound",
    "PlanError",
    "QuestionBankError",
    "RoomDataError",
    "TrackerDataError",
    "TranscriptDataError",
]


class CoffeeChatError(Exception):
    """Base class of every error raised by Coffee Chat."""


class _LocatedDataError(CoffeeChatError, ValueError):
    """A data error raised at the first bad value, naming its file, line and column.

    The base of :class:`ContactDataError` and :class:`TranscriptDataError`;
    never raised itself. The message is ``file:line: column 'name': problem``
    (``row N:`` instead of the file when the data came from a table).
    """

    def __init__(
        self,
        problem: str,
        *,
        path: object = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column
        self.problem = problem
        where = ""
        if self.path is not None:
            where = self.path + (f":{line}" if line is not None else "") + ": "
        elif line is not None:
            where = f"row {line}: "
        if column is not None:
            where += f"column {column!r}: "
        super().__init__(where + problem)


class _RowProblemsError(CoffeeChatError, ValueError):
    """A data error that lists every bad row of a table at once, one a line.

    The base of :class:`QuestionBankError` and :class:`TrackerDataError`;
    never raised itself. Each problem already names its ``file:line:column``.
    """

    def __init__(self, message: str, *, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


class ContactDataError(_LocatedDataError):
    """Raised when contact data is malformed.

    Raised by the importers and by :class:`coffeechat.contacts.Network` for a
    missing column, a duplicate id, a strength outside (0, 1], a tie to an
    unknown person, a self-tie, a date that cannot be read, an empty file or a
    file of the wrong type. The message names the file, line and column when
    the data came from a file.

    Attributes
    ----------
    path : str or None
        The file the data came from, if any.
    line : int or None
        The 1-based line in that file, if known.
    column : str or None
        The column (or vCard property) at fault, if known.
    problem : str
        The problem on its own, without the location.
    """


class PersonNotFound(CoffeeChatError, KeyError):
    """Raised when a person id is not in the network."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


class NoChainError(CoffeeChatError):
    """Raised when no chain of introductions links the source to the target.

    The message says how many people the source can reach, and the nearest
    matching person when there is one.
    """


class InvalidParameter(CoffeeChatError, ValueError):
    """Raised when a function is called with a parameter it cannot use."""


class QuestionBankError(_RowProblemsError):
    """Raised when a question bank file has a bad row; names file and line.

    Attributes
    ----------
    problems : tuple of str
        Every problem found, one a line of the message (a file with several
        bad rows is reported in one error).
    """


class PlanError(CoffeeChatError, ValueError):
    """Raised when an interview plan cannot be made as asked."""


class CheckFailed(CoffeeChatError, AssertionError):
    """Raised by :mod:`coffeechat.checks` when a learner's answer is not right yet.

    It is an :class:`AssertionError`, so nbgrader counts the test cell as
    failed; the message says what is wrong in the course's own terms (people,
    ties, introductions) and how to put it right. In a notebook it is shown
    without the checking library's own code: just the learner's lines that
    raised an error, if any, then the message.
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of the full traceback."""
        import traceback
        from pathlib import Path

        library = str(Path(__file__).resolve().parent)
        lines: list[str] = []
        cause = self.__cause__
        if cause is not None:
            frames = [
                f
                for f in traceback.extract_tb(cause.__traceback__)
                if not str(Path(f.filename).resolve()).startswith(library)
            ]
            shown = [*traceback.format_list(frames), *traceback.format_exception_only(cause)]
            lines += ["Traceback (most recent call last):"]
            lines += [line.rstrip("\n") for line in shown] + [""]
        lines.append(f"{type(self).__name__}: {self}")
        return lines


class GradingError(CoffeeChatError):
    """Raised by the instructor commands when a course folder can't be used as asked.

    For instance: a course folder that was never set up, an assignment that
    was not released, a submissions folder with no notebooks, or a student id
    that nbgrader could not store. The message names the file or folder.
    """


class TrackerDataError(_RowProblemsError):
    """Raised when a LAMP list or a contact tracker has a bad row or column.

    Raised by :mod:`coffeechat.tracking` for a missing column, an empty or
    repeated employer or contact, a score out of range, a date that cannot
    be read or dates in an impossible order. The message starts with
    ``file:line:column`` when the table came from a file.

    Attributes
    ----------
    problems : tuple of str
        Every problem found, one a line of the message.
    """


class TranscriptDataError(_LocatedDataError):
    """Raised when a conversation transcript or the role-play's answer templates have a bad row.

    Raised by :mod:`coffeechat.conversation` for a missing column, a speaker
    other than ``learner`` or ``interviewee``, a time that is not a number,
    a turn that ends before it starts or overlaps the one before, or an
    empty text. The message starts with ``file:line:`` and names the column.

    Attributes
    ----------
    path : str or None
        The file the transcript came from, if any.
    line : int or None
        The 1-based line in that file (or the table row plus one), if known.
    column : str or None
        The column at fault, if known.
    problem : str
        The problem on its own, without the location.
    """


class OrganizationDataError(CoffeeChatError, ValueError):
    """Raised when an organisations table has a bad row or column.

    Raised by :mod:`coffeechat.industry` for a missing column, a blank or
    repeated name, or a relation naming an organisation the table does not
    hold; the message names the row (counting the header as row 1).
    """


class RoomDataError(CoffeeChatError, ValueError):
    """Raised when a workshop room's records cannot be written or read.

    Raised by :mod:`coffeechat.room` for a room folder that does not exist or
    cannot be written to, and for a garbled line in a participant's file (not
    JSON, an unknown event, a missing name, module or check, a time that
    cannot be read); the message names the file and the line.
    """
