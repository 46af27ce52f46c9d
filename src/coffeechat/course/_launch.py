"""Start one grading kernel inside bubblewrap, with resource limits.

Run by the ``coffeechat-sandbox`` kernelspec as
``python -I -S _launch.py SPEC.json -- python -c KERNEL_MAIN -f CONN ...``
from the submission's working folder (the kernel manager's ``cwd``). It
imports nothing but the standard library and starts no site, so it costs a
few milliseconds. It:

1. sets the limits (memory, CPU time, file size, no core files) and a
   process limit: for root, whom ``RLIMIT_NPROC`` does not bind, a ``pids``
   control group of its own; for anyone else ``RLIMIT_NPROC``;
2. sends the kernel's own stdout and stderr to a log in the runtime folder;
3. replaces itself with ``bwrap``, which shows the kernel only its working
   folder (read-write), the runtime folder and the Python installation and
   system folders (read-only), with no network and its own process tree.
"""

import contextlib
import json
import os
import resource
import sys

_CGROUP_PARENTS = ("/sys/fs/cgroup/pids/coffeechat", "/sys/fs/cgroup/coffeechat")


def _processes_of(uid):
    count = 0
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.stat("/proc/" + name).st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _join_pids_cgroup(limit):
    """Put this process in a new ``pids`` control group; False if none can be made."""
    for parent in _CGROUP_PARENTS:
        try:
            os.makedirs(parent, exist_ok=True)
            for old in os.listdir(parent):  # groups of kernels that have ended
                with contextlib.suppress(OSError):
                    os.rmdir(os.path.join(parent, old))
            group = os.path.join(parent, f"kernel-{os.getpid()}")
            os.mkdir(group)
            with open(os.path.join(group, "pids.max"), "w") as f:
                f.write(str(limit))
            with open(os.path.join(group, "cgroup.procs"), "w") as f:
                f.write(str(os.getpid()))
            return True
        except OSError:
            continue
    return False


def main(argv):
    spec_path, dashes, inner = argv[0], argv[1], argv[2:]
    if dashes != "--" or not inner:
        raise SystemExit("usage: _launch.py SPEC.json -- COMMAND...")
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    cwd = os.getcwd()
    run = spec["runtime_dir"]
    limits = spec["limits"]
    log = os.open(os.path.join(run, "kernel.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    rlimits = [
        ("RLIMIT_AS", limits["memory_mb"] * 2**20),
        ("RLIMIT_CPU", limits["cpu_seconds"]),
        ("RLIMIT_FSIZE", limits["file_mb"] * 2**20),
        ("RLIMIT_CORE", 0),
    ]
    if os.getuid() == 0:
        if not _join_pids_cgroup(limits["processes"]):
            os.write(log, b"coffeechat: no pids control group; processes are not limited\n")
    else:
        rlimits.append(("RLIMIT_NPROC", _processes_of(os.getuid()) + limits["processes"]))
    for name, value in rlimits:
        resource.setrlimit(getattr(resource, name), (value, value))
    command = [spec["bwrap"], *spec["args"]]
    for name in spec["pass_env"]:
        if name in os.environ:
            command += ["--setenv", name, os.environ[name]]
    for name, value in spec["env"].items():
        command += ["--setenv", name, value]
    command += ["--bind", cwd, cwd, "--bind", run, run]
    for folder in spec["read_only"]:
        command += ["--remount-ro", folder]
    command += ["--chdir", cwd, "--", *inner]
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    os.execv(spec["bwrap"], command)


if __name__ == "__main__":
    main(sys.argv[1:])
