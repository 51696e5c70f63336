"""Run one import step in a child process whose memory is capped: the caller survives any file.

The app's server calls ``run(function, ...)``; a fresh interpreter
(``python -m observatoire.importing.isolated``) reads the pickled call on stdin, caps its own
address space (``RLIMIT_AS``), runs it and writes the pickled result (or exception) on stdout.
A child that runs out of memory (Python's ``MemoryError``, or a native abort) or dies otherwise
becomes a ``ChildFailed`` with a French message. Imports write through ``safe_write``, so a child
killed at any point leaves the workspace as it was.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

from observatoire.importing.readers import UnreadableFile
from observatoire.texts import importing as texts

DEFAULT_MEMORY_MB = 1536
MEMORY_ENV = "OBSERVATOIRE_IMPORT_MEMORY_MB"
# Fewer reserved-but-unused arenas: the cap counts address space, not resident memory.
_CHILD_ENV = {"MALLOC_ARENA_MAX": "2", "ARROW_DEFAULT_MEMORY_POOL": "system"}
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_OUT_OF_MEMORY = (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV)


class ChildFailed(UnreadableFile):
    """The child process ran out of memory or died; the message is French, nothing was written."""


def memory_mb() -> int:
    """The memory an import step may add to its process: 1536 MB unless the variable says."""
    try:
        value = int(float(os.environ.get(MEMORY_ENV, DEFAULT_MEMORY_MB)))
    except ValueError:
        return DEFAULT_MEMORY_MB
    return value if value > 0 else DEFAULT_MEMORY_MB


def run(function, *args, name: str = "", **kwargs):
    """``function(*args, **kwargs)`` computed in a capped child; its exceptions are re-raised.

    ``function`` is a module-level function (pickled by reference); ``name`` is the file name
    the messages give.
    """
    env = os.environ | _CHILD_ENV
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "observatoire.importing.isolated"],
        input=pickle.dumps((function, args, kwargs)),
        capture_output=True,
        env=env,
        check=False,
    )
    outcome = None
    if done.returncode == 0:
        try:
            outcome = pickle.loads(done.stdout)
        except Exception:  # a child that printed something else: treated as a crash
            outcome = None
    if outcome is None or outcome[0] == "memory":
        if outcome is not None or done.returncode in _OUT_OF_MEMORY:
            raise ChildFailed(texts.IMPORT_KILLED.format(name=name, limit_mb=memory_mb()))
        raise ChildFailed(texts.IMPORT_CRASHED.format(name=name, code=done.returncode))
    status, value = outcome
    if status == "raise":
        raise value
    return value


def _cap_address_space(extra_mb: int) -> None:
    """Allow the address space to grow by ``extra_mb`` beyond what the interpreter already has."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as f:
            size_kb = next(int(line.split()[1]) for line in f if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        size_kb = 0
    cap = size_kb * 1024 + extra_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _child() -> int:
    function, args, kwargs = pickle.loads(sys.stdin.buffer.read())
    # What the step imports is loaded before the cap, so the cap measures the step's own data.
    import observatoire.importing.pipeline  # noqa: F401

    _cap_address_space(memory_mb())
    try:
        outcome = ("ok", function(*args, **kwargs))
    except MemoryError:
        outcome = ("memory", None)
    except Exception as exc:  # re-raised in the parent, where callers handle it as usual
        outcome = ("raise", exc)
    try:
        data = pickle.dumps(outcome)
    except Exception as exc:  # an exception that does not pickle still reaches the parent
        data = pickle.dumps(("raise", RuntimeError(f"{type(exc).__name__}: {exc}")))
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(_child())
