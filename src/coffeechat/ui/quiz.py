"""Multiple-choice self-checks: a question, its answer and why, as a widget."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from coffeechat._args import items
from coffeechat.errors import InvalidParameter

__all__ = ["Quiz", "QuizQuestion", "mark_answer", "quiz"]


@dataclass(frozen=True)
class QuizQuestion:
    """A multiple-choice question for a self-check.

    Parameters
    ----------
    prompt : str
        The question.
    choices : tuple of str
        The possible answers, in the order shown.
    answer : str
        The right answer; one of ``choices``.
    explanation : str
        Why it is right, shown once the learner picks it.
    hints : tuple of (str, str)
        For some wrong choices, a nudge shown when that choice is picked.
    """

    prompt: str
    choices: tuple[str, ...]
    answer: str
    explanation: str = ""
    hints: tuple[tuple[str, str], ...] = field(default=())


def _question(
    prompt: str,
    choices: Iterable[str],
    answer: str,
    explanation: str = "",
    hints: Mapping[str, str] | None = None,
) -> QuizQuestion:
    choices = tuple(items(choices, "choices"))
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidParameter("a quiz question needs a prompt")
    if len(choices) < 2:
        raise InvalidParameter(f"a quiz question needs at least two choices, not {len(choices)}")
    if not all(isinstance(c, str) and c.strip() for c in choices):
        raise InvalidParameter(f"every choice must be non-empty text: {choices!r}")
    if len(set(choices)) != len(choices):
        raise InvalidParameter(f"the choices repeat: {choices!r}")
    if answer not in choices:
        raise InvalidParameter(f"the answer {answer!r} is not one of the choices {choices!r}")
    hints = dict(hints or {})
    for choice in hints:
        if choice not in choices:
            raise InvalidParameter(f"a hint is given for {choice!r}, which is not a choice")
    return QuizQuestion(prompt, choices, answer, explanation, tuple(hints.items()))


def _check_question(question: object) -> QuizQuestion:
    if not isinstance(question, QuizQuestion):
        raise InvalidParameter(f"expected a QuizQuestion (make one with quiz()), not {question!r}")
    return question


def mark_answer(question: QuizQuestion, choice: str | None) -> tuple[bool, str]:
    """Whether ``choice`` answers ``question``, and friendly feedback.

    Parameters
    ----------
    question : QuizQuestion
    choice : str or None
        What the learner picked; None when they have picked nothing yet.

    Returns
    -------
    (bool, str)
        True and the explanation for the right answer; False and a nudge
        otherwise.

    Raises
    ------
    InvalidParameter
        If ``choice`` is not one of the question's choices.

    Examples
    --------
    >>> q = QuizQuestion("2 + 2?", ("3", "4"), "4", "Two pairs make four.")
    >>> mark_answer(q, "4")
    (True, 'Yes! Two pairs make four.')
    >>> mark_answer(q, "3")[0]
    False
    """
    _check_question(question)
    if choice is None:
        return False, "Pick an answer first, then press “Check my answer”."
    if choice not in question.choices:
        raise InvalidParameter(f"{choice!r} is not one of the choices {question.choices!r}")
    if choice == question.answer:
        return True, ("Yes! " + question.explanation).strip()
    hint = dict(question.hints).get(choice, "Have another look at the text above.")
    return False, f"Not quite. {hint} Try another answer."


class Quiz(widgets.VBox):
    """A self-check question: choices, a "Check my answer" button and feedback.

    Build one with :func:`quiz`.

    Attributes
    ----------
    question : QuizQuestion
    choices : ipywidgets.RadioButtons
        Starts with nothing picked.
    check : ipywidgets.Button
        Shows feedback for the picked choice.
    feedback : ipywidgets.HTML
        The feedback; cleared whenever the learner picks another choice.
    correct : bool or None
        Whether the last checked answer was right; None before any check.
    """

    def __init__(self, question: QuizQuestion) -> None:
        self.question = _check_question(question)
        self.correct: bool | None = None
        self.choices = widgets.RadioButtons(
            options=list(question.choices),
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.check = widgets.Button(description="Check my answer", button_style="primary")
        self.check.layout.width = "180px"
        self.feedback = widgets.HTML()
        self.check.on_click(self._on_check)
        self.choices.observe(self._on_choice, names="value")
        prompt = widgets.HTML(
            f'<p style="font-size:17px;margin:4px 0"><b>{html.escape(question.prompt)}</b></p>'
        )
        super().__init__(children=[prompt, self.choices, self.check, self.feedback])

    def _on_check(self, _button: widgets.Button | None = None) -> None:
        ok, message = mark_answer(self.question, self.choices.value)
        self.correct = ok if self.choices.value is not None else None
        colour = "#006b3c" if ok else "#9a3b00"
        self.feedback.value = (
            f'<p style="font-size:16px;color:{colour};margin:4px 0">{html.escape(message)}</p>'
        )

    def _on_choice(self, _change: Mapping[str, Any]) -> None:
        self.feedback.value = ""
        self.correct = None


def quiz(
    prompt: str,
    choices: Iterable[str],
    answer: str,
    *,
    explanation: str = "",
    hints: Mapping[str, str] | None = None,
) -> Quiz:
    """A self-check question as a widget.

    Parameters
    ----------
    prompt : str
        The question.
    choices : iterable of str
        The possible answers, in the order shown (at least two, no repeats).
    answer : str
        The right answer; one of ``choices``.
    explanation : str, optional
        Why it is right, shown once the learner picks it.
    hints : mapping of str to str, optional
        For some wrong choices, a nudge shown when that choice is checked.

    Returns
    -------
    Quiz
        The widget; leave it as the last line of a cell to show it.

    Raises
    ------
    InvalidParameter
        If there are fewer than two choices, a choice repeats or is empty, or
        the answer or a hinted choice is not among the choices.

    Examples
    --------
    >>> q = quiz("Which is an informational interview for?",
    ...          ["Asking for a job", "Learning about someone's work"],
    ...          "Learning about someone's work",
    ...          hints={"Asking for a job": "That is a job interview."})
    >>> q.choices.value = "Asking for a job"
    >>> q.check.click()
    >>> q.correct, "job interview" in q.feedback.value
    (False, True)
    >>> q.choices.value = "Learning about someone's work"
    >>> q.check.click()
    >>> q.correct
    True
    """
    return Quiz(_question(prompt, choices, answer, explanation, hints))
