"""``python -m generator``: the command line (:mod:`.cli`)."""

import contextlib
import logging
import os
import sys

from .cli import main

code = main()
# The interpreter's teardown would free the build's objects one by one only to hand the
# memory back to the system: ~0.1 s at 1,000 entities, ~0.06 s on the real content. Every
# file is written and closed by now; what is left is the output streams and the log.
logging.shutdown()
for stream in (sys.stdout, sys.stderr):
    with contextlib.suppress(OSError, ValueError):  # e.g. a closed pipe (`| head`)
        stream.flush()
os._exit(code)
