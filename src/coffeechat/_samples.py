"""Where the bundled sample files are: :func:`sample_path`.

Import it from :mod:`coffeechat.datasets`, which loads the samples.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from coffeechat.errors import InvalidParameter

__all__ = ["sample_path"]


def _data_folder() -> Path:
    return Path(str(resources.files("coffeechat").joinpath("data")))


def sample_path(name: str) -> Path:
    """The path of a bundled sample file.

    Parameters
    ----------
    name : str
        The file's name: ``"people.csv"`` and ``"ties.csv"`` (the sample
        network, in the format of :func:`coffeechat.io.read_csv`),
        ``"organizations.csv"``, ``"Connections.csv"`` (a LinkedIn export of
        the learner's contacts), ``"contacts.vcf"`` (their phone contacts, as
        vCard 4.0), ``"google_contacts.csv"`` (a Google Contacts export),
        ``"transcripts.csv"`` and ``"interviews.csv"`` (practice conversations,
        see :func:`load_transcripts`) or ``"answers.csv"`` (the role-play's
        answer templates).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InvalidParameter
        If there is no bundled file of that name; the message lists them.

    Examples
    --------
    >>> sample_path("Connections.csv").name
    'Connections.csv'
    >>> sample_path("Connections.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    'Notes:'
    """
    folder = _data_folder()
    if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
        raise InvalidParameter(f"expected the name of a sample file, not {name!r}")
    path = folder / name
    if not path.is_file():
        names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py")
        raise InvalidParameter(f"no sample file {name!r}; the sample files are: {', '.join(names)}")
    return path
