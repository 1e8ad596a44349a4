"""Run one reading in a short-lived child process under a CPU-time and memory ceiling.

The readers count what they read (`limits.Budget`), but a parser library can still be led into
work the counting does not see (a PDF's content streams, a pathological regular expression, an
XML part just under its size limit). So the reading itself runs in a child forked for it, with
`RLIMIT_CPU` at `CONCORDAT_IMPORT_CPU_SECONDS` and its address space allowed to grow by
`CONCORDAT_IMPORT_MEMORY_MB`; the parent waits at most a little longer than the CPU limit in
wall time. Past any of them the child is gone, the server process is untouched, and the person
is told the file was too big or too slow to read. The child writes nothing to the database and
hands back the parsed result (pickled through a pipe), or a refusal, or the type and traceback
of an unexpected error for the parent to log.

On a system without `fork` (or with `CONCORDAT_IMPORT_ISOLATED` off) the reading runs in the
calling process, held by the counting alone.
"""

import gc
import os
import pickle
import resource
import select
import signal
import time
import traceback

from django.conf import settings

from .errors import ImportRefused
from .limits import LimitExceeded

CHUNK = 1024 * 1024
WALL_MARGIN_SECONDS = 10


class ReadingFailed(ImportRefused):
    """The file broke the reader in an unexpected way (`error_type`, `detail` say how).

    `raised_in` says where: "library" when the error came out of a parser library reading a
    damaged file (lxml, openpyxl, pdfminer ...), "project" when it came out of the project's
    own code (a bug), "process" when the reading process itself ended."""

    def __init__(self, message, *, error_type, detail="", raised_in="project"):
        super().__init__(message)
        self.error_type = error_type
        self.detail = detail
        self.raised_in = raised_in


def too_slow(seconds):
    return LimitExceeded(
        "cpu_seconds",
        f"This file took more than {seconds:,} seconds of work to read, far longer than an "
        "action plan takes, so reading it was stopped. Check that you chose the right file.",
    )


def too_big(megabytes):
    return LimitExceeded(
        "memory_mb",
        f"Reading this file needed more than {megabytes:,} MB of memory, far more than an "
        "action plan needs, so reading it was stopped. Check that you chose the right file.",
    )


def enabled():
    return hasattr(os, "fork") and bool(getattr(settings, "CONCORDAT_IMPORT_ISOLATED", True))


def run(function, *args, cpu_seconds, memory_mb, **kwargs):
    """function(*args, **kwargs) under the ceilings: its result, or ImportRefused."""
    if not enabled():
        return function(*args, **kwargs)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _child(writer, function, args, kwargs, cpu_seconds, memory_mb)
    os.close(writer)
    try:
        payload, timed_out = _collect(reader, pid, cpu_seconds + WALL_MARGIN_SECONDS)
    finally:
        os.close(reader)
    _pid, status = os.waitpid(pid, 0)
    if timed_out:
        raise too_slow(cpu_seconds)
    if payload:
        return _outcome(pickle.loads(payload), cpu_seconds, memory_mb)  # noqa: S301 - our child
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        raise too_slow(cpu_seconds)
    ended = (
        signal.Signals(os.WTERMSIG(status)).name
        if os.WIFSIGNALED(status)
        else f"exit status {os.WEXITSTATUS(status)}"
    )
    raise ReadingFailed(
        UNREADABLE, error_type=f"reader process ended ({ended})", raised_in="process"
    )


UNREADABLE = "The file could not be read."


def _child(writer, function, args, kwargs, cpu_seconds, memory_mb):
    """The forked child: set the ceilings, read, report, and leave without any clean-up (the
    parent's database connections and files are not the child's to close)."""
    code = 0
    try:
        # The objects inherited from the server process are not the reading's: kept out of
        # the collector's passes, they are neither walked nor copied page by page.
        gc.freeze()
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        ceiling = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        spare = bytearray(4 * 1024 * 1024)  # given back to report running out of memory
        try:
            message = ("result", function(*args, **kwargs))
        except ReadingFailed as failure:
            message = ("error", failure.error_type, failure.detail, failure.raised_in)
        except LimitExceeded as refusal:
            message = ("limit", refusal.limit, refusal.message)
        except ImportRefused as refusal:
            message = ("refused", refusal.message)
        except MemoryError:
            del spare
            message = ("memory",)
        except Exception as error:  # noqa: BLE001 - handed to the parent to log
            message = ("error", type(error).__name__, traceback.format_exc(limit=20), "project")
        try:
            payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory",))
        view = memoryview(payload)
        while view:
            written = os.write(writer, view[:CHUNK])
            view = view[written:]
    except BaseException:  # noqa: BLE001 - nothing may escape the child
        code = 1
    finally:
        os._exit(code)


def _address_space():
    """The child's current virtual size in bytes (what RLIMIT_AS counts)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _collect(reader, pid, wall_seconds):
    """Everything the child writes, read as it comes (a pipe holds only 64 KB). Kills the
    child if it runs past the wall-clock limit."""
    chunks, deadline = [], time.monotonic() + wall_seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            return b"", True
        try:
            ready, _, _ = select.select([reader], [], [], left)
        except InterruptedError:
            continue
        if not ready:
            continue
        chunk = os.read(reader, CHUNK)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _outcome(message, cpu_seconds, memory_mb):
    kind = message[0]
    if kind == "result":
        return message[1]
    if kind == "limit":
        raise LimitExceeded(message[1], message[2])
    if kind == "refused":
        raise ImportRefused(message[1])
    if kind == "memory":
        raise too_big(memory_mb)
    raise ReadingFailed(UNREADABLE, error_type=message[1], detail=message[2], raised_in=message[3])
