"""Worker process: ``python -m generator.handouts.worker A.html B.html …`` writes
``A.pdf``, ``B.pdf``, … next to the inputs. Started by :mod:`.pdf` to render in parallel;
a fresh interpreter, so it inherits no threads or state from ``mkdocs serve``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .pdf import html_to_pdf


def main(paths: list[str]) -> int:
    for name in paths:
        source = Path(name)
        source.with_suffix(".pdf").write_bytes(html_to_pdf(source.read_text("utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
