"""``python -m generator.handouts --out build/handouts``: only the PDF handouts.

``make handouts`` runs this; ``make build`` gets the same PDFs through the MkDocs plugin.
Prints how many PDFs were made and how long it took (the cache makes reruns fast).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .. import fi
from ..generate import write_outputs
from ..mkdocs_config import site_url_from_mkdocs
from ..pipeline import check
from ..site.output import Outputs, SiteConfig
from . import render_handouts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.handouts",
                                     description="Tuota tulostettavat PDF-tiedostot.")
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="sisältökansio (oletus: content)")
    parser.add_argument("--out", type=Path, default=Path("build/handouts"),
                        help="kohdekansio (oletus: build/handouts)")
    parser.add_argument("--site-url", default=None, help="sivuston osoite (oletus: mkdocs.yml)")
    args = parser.parse_args(argv)
    graph, report = check(args.content)
    if report.errors:
        print(report.format(), file=sys.stderr)
        print("PDF-tiedostoja ei tehty, koska sisällössä on virheitä.", file=sys.stderr)
        return 1
    config = SiteConfig(content_dir=args.content,
                        site_url=args.site_url or site_url_from_mkdocs(Path("mkdocs.yml")),
                        project_root=Path(os.getcwd()))
    started = time.perf_counter()
    outputs = Outputs()
    outputs.extend(render_handouts(graph, config))
    seconds = time.perf_counter() - started
    result = write_outputs(outputs, args.out)
    made = fi.count(len(outputs.files), "PDF-tiedosto", "PDF-tiedostoa")
    took = f"{seconds:.1f}".replace(".", ",")
    print(f"{made} ({took} s): {len(result.written)} kirjoitettu, "
          f"{result.unchanged} ennallaan ({args.out}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
