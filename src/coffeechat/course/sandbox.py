"""The sandbox every grading kernel runs in, on Linux with bubblewrap.

Grading runs learners' code. Without a sandbox that code runs with the
instructor's rights inside the course folder: it can open the gradebook,
read ``source/`` with its hidden tests, or read other learners' work. Here
each grading kernel is started through a Jupyter kernelspec,
``coffeechat-sandbox``, whose command line wraps
``python -m ipykernel_launcher -f {connection_file}`` (without the
debugger: :data:`KERNEL_MAIN`) in
`bubblewrap <https://github.com/containers/bubblewrap>`_ (``bwrap``: no
root, no daemon). Inside, the kernel sees

- its own working folder, ``autograded/<student>/<assignment>/`` (read-write);
- a runtime folder holding its connection file and IPC sockets (the kernel
  manager talks to it over ``transport="ipc"``, as there is no network);
- the Python installation (``sys.prefix``, ``sys.base_prefix``, the folder of
  this package) and the system folders ``/usr`` and ``/etc`` (read-only);

and nothing else: no course folder, no gradebook, no other learner, no home
folder, no network, its own process tree, an empty size-limited ``/tmp``. The
kernel also gets limits (:class:`Limits`) on memory, processes, CPU time and
the size of files it writes; the grading process caps the output it keeps.

Examples
--------
>>> limits = Limits(memory_mb=512, processes=32)
>>> limits.as_dict()["memory_mb"], limits.as_dict()["processes"]
(512, 32)
>>> "bubblewrap" in INSTALL_HINT
True
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from coffeechat._args import whole_number
from coffeechat.errors import GradingError

__all__ = ["INSTALL_HINT", "KERNEL_NAME", "MODES", "Limits", "bwrap_path", "write_kernelspec"]

#: The kernelspec name grading kernels are started with.
KERNEL_NAME = "coffeechat-sandbox"

#: What ``grade --sandbox`` accepts.
MODES = ("auto", "required", "off")

INSTALL_HINT = (
    "install bubblewrap (Debian/Ubuntu: `sudo apt-get install bubblewrap`; "
    "Fedora: `sudo dnf install bubblewrap`)"
)

#: Environment variables a grading kernel keeps from the grading process.
PASS_ENV = ("NBGRADER_EXECUTION", "NBGRADER_VALIDATING", "LANG", "LC_ALL", "TZ", "PYTHONHASHSEED")

_LAUNCHER = Path(__file__).with_name("_launch.py")

#: What the Python inside the sandbox runs: ``ipykernel_launcher``'s own two
#: steps (the working folder off ``sys.path`` while ipykernel loads; IPython
#: puts it back), with the debugger left out: nobody steps through code while
#: it is graded, and importing debugpy costs each kernel about 0.2 s of CPU.
KERNEL_MAIN = (
    "import sys\n"
    "if sys.path and sys.path[0] == '':\n"
    "    del sys.path[0]\n"
    "sys.modules['debugpy'] = None\n"
    "from ipykernel import kernelapp\n"
    "kernelapp.launch_new_instance()\n"
)


@dataclass(frozen=True)
class Limits:
    """Resource limits of one grading kernel.

    Parameters
    ----------
    memory_mb : int
        Memory of each process of the kernel, in MiB: its address space
        (``RLIMIT_AS``), so that an allocation past it fails at once with a
        ``MemoryError`` (noted as "used too much memory") instead of taking
        the machine's memory. The default, 1.5 GiB, is several times
        the address space of a Python with pandas, networkx and the course's
        checks imported (about 230 MiB, before the kernel's threads) and
        keeps a few parallel workers well inside a 24 GiB machine. It binds
        each process: a kernel's children (``processes``) get as much each.
        ``coffeechat grade --memory MIB`` changes it.
    processes : int
        Processes and threads at once: a ``pids`` control group of the
        kernel's own when grading runs as root, else ``RLIMIT_NPROC``.
    cpu_seconds : int
        CPU time of each process (``RLIMIT_CPU``): a backstop behind the
        per-cell time limit.
    file_mb : int
        Largest file the kernel may write, in MiB (``RLIMIT_FSIZE``).
    tmp_mb : int
        Size of the kernel's private ``/tmp``.
    """

    memory_mb: int = 1536
    processes: int = 64
    cpu_seconds: int = 900
    file_mb: int = 64
    tmp_mb: int = 64

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            whole_number(value, name)

    def as_dict(self) -> dict[str, int]:
        """The limits as a plain dictionary."""
        return asdict(self)


@cache
def bwrap_path() -> str | None:
    """The ``bwrap`` executable, if present *and* able to make a sandbox here.

    Some systems ship bubblewrap but forbid unprivileged user namespaces;
    then this is None too.
    """
    found = shutil.which("bwrap")
    if found is None:
        return None
    try:
        done = subprocess.run(
            [found, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
            capture_output=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found if done.returncode == 0 else None


def _system_args() -> list[str]:
    args: list[str] = []
    for top in ("/usr", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        path = Path(top)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), top]
        elif path.is_dir():
            args += ["--ro-bind", top, top]
    return args


def _python_folders() -> list[Path]:
    """Folders the kernel's Python needs: the venv, the interpreter, this package."""
    import coffeechat

    folders = [Path(sys.prefix), Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
    folders.append(Path(coffeechat.__file__).resolve().parent)
    seen: list[Path] = []
    for folder in folders:
        if folder not in seen and not str(folder).startswith(("/usr/", "/etc/")):
            seen.append(folder)
    return seen


def _bwrap_args(hidden: list[Path], limits: Limits) -> tuple[list[str], list[str]]:
    """bubblewrap's arguments for a kernel, and the folders it masks with empty ones."""
    args = [
        "--unshare-all",
        "--die-with-parent",
        "--cap-drop",
        "ALL",
        "--new-session",
        "--clearenv",
        "--hostname",
        "grading",
        *_system_args(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(limits.tmp_mb * 2**20),
        "--tmpfs",
        "/tmp",
    ]
    masks = [str(folder) for folder in dict.fromkeys([Path.home(), *hidden])]
    for folder in masks:
        args += ["--size", str(2**20), "--tmpfs", folder]
    for folder in _python_folders():
        args += ["--ro-bind", str(folder), str(folder)]
    for folder in hidden:
        if any(folder.is_relative_to(p) for p in _python_folders()):
            args += ["--tmpfs", str(folder)]
    return args, masks


def write_kernelspec(
    data_dir: Path,
    runtime_dir: Path,
    *,
    hidden: list[Path],
    limits: Limits,
) -> Path:
    """Write the ``coffeechat-sandbox`` kernelspec under ``data_dir/kernels``.

    Parameters
    ----------
    data_dir : pathlib.Path
        A Jupyter data folder (put it first on ``JUPYTER_PATH``).
    runtime_dir : pathlib.Path
        The folder of connection files and IPC sockets, bound into the sandbox.
    hidden : list of pathlib.Path
        Folders to hide even if they lie inside a folder the kernel may read
        (the course folder, the instructor's home).
    limits : Limits

    Returns
    -------
    pathlib.Path
        The kernelspec's folder.

    Raises
    ------
    GradingError
        If bubblewrap is not available.
    """
    bwrap = bwrap_path()
    if bwrap is None:
        raise GradingError(f"the grading sandbox needs bubblewrap (bwrap): {INSTALL_HINT}")
    args, masks = _bwrap_args(hidden, limits)
    import coffeechat

    package_parent = str(Path(coffeechat.__file__).resolve().parent.parent)
    spec = {
        "bwrap": bwrap,
        "args": args,
        "runtime_dir": str(runtime_dir),
        # Made read-only once the working folder is bound inside them.
        "read_only": masks,
        "limits": limits.as_dict(),
        "pass_env": list(PASS_ENV),
        "env": {
            "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": "/tmp",
            "IPYTHONDIR": "/tmp/.ipython",
            "MPLCONFIGDIR": "/tmp/.matplotlib",
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYTHONPATH": package_parent,
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    }
    folder = data_dir / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sandbox.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    kernel = {
        "argv": [
            sys.executable,
            "-I",
            "-S",
            str(_LAUNCHER),
            "{resource_dir}/sandbox.json",
            "--",
            sys.executable,
            "-c",
            KERNEL_MAIN,
            "-f",
            "{connection_file}",
        ],
        "display_name": "Python 3 (grading sandbox)",
        "language": "python",
        # bwrap does not pass signals on to the kernel: interrupt it by message.
        "interrupt_mode": "message",
        "metadata": {"debugger": False},
    }
    (folder / "kernel.json").write_text(json.dumps(kernel, indent=1), encoding="utf-8")
    return folder
