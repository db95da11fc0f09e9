"""What the command-line tools print: names from outside shown inert, and a reader that stops
early (``| head``) ends the output, not with a traceback."""
from __future__ import annotations

import os
import re
import sys
from typing import Callable, NoReturn

# control characters (a newline, ESC of an ANSI sequence), bidirectional overrides that reorder
# what follows, and the lone surrogates of a file name that is not UTF-8
UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` with its unsafe characters written as escapes (a newline as \\n, ESC as \\x1b):
    a file name cannot start a line of its own or recolour the terminal."""
    return UNSAFE_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _drop_stdout() -> None:
    """Send what is still to be printed nowhere: the reader has gone."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _PipeSafe:
    """stdout that, once its reader has gone, drops further output instead of raising."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _drop_stdout()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _drop_stdout()

    def __getattr__(self, name):
        return getattr(self._stream, name)


def run_main(main: Callable[[], int], *, finish: bool = False) -> NoReturn:
    """Exit with ``main()``'s status. When the reader of stdout stops early, output ends quietly:
    with ``finish`` the work goes on to the end (it writes a store or a report), otherwise the
    command stops with status 1."""
    if finish:
        sys.stdout = _PipeSafe(sys.stdout)
    try:
        try:
            status = main()
        finally:  # flushed here, where a reader gone is caught, not at exit (argparse's --help exits)
            sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
        status = 1
    sys.exit(status)
