"""One measurement in a fresh interpreter; prints one JSON object.

``python -m bench.stage generator CONTENT``: load → validate → resolve → render every
generated file except the PDF handouts (no MkDocs), timed around the calls only, with the
build caches (``.cache/content`` for parsed YAML and ``.cache/diagrams`` next to
``CONTENT``) in three states:

* ``first``: the first run in this fresh interpreter with empty caches (imports, template
  compilation, every YAML parse and every ``dot`` call included), what a first
  ``mkdocs build`` of a new checkout pays;
* ``cold``: the caches emptied again, the interpreter warm: every file is parsed and every
  diagram drawn;
* warm (the top-level ``total_s`` …): the median of five more runs (fewer for big
  corpora), every file and diagram read from the caches, as in every later build whose
  files did not change.

``python -m bench.stage handouts CONTENT``: the PDF handouts of ``CONTENT``, rendered twice
in a project folder of their own: once with an empty cache (cold) and once again (warm).

Peak memory is the process's maximum resident set size (``ru_maxrss``); ``tracemalloc``
reports the peak of Python allocations during the timed part of a second, traced run.
"""

from __future__ import annotations

import gc
import json
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from generator import parsecache
from generator.build import SiteConfig, render_site
from generator.diagrams import session
from generator.pipeline import check


def _config(content: Path) -> SiteConfig:
    return SiteConfig(content_dir=content, project_root=content.parent, handouts=False)


def _empty_caches(content: Path) -> None:
    shutil.rmtree(content.parent / session.CACHE_FOLDER, ignore_errors=True)
    shutil.rmtree(content.parent / parsecache.FOLDER, ignore_errors=True)
    session.clear_cache()  # the in-process cache (not used by render_site; to be sure)


def _generator_once(content: Path) -> dict[str, Any]:
    started = time.perf_counter()
    graph, report = check(content)
    checked = time.perf_counter()
    outputs = render_site(graph, _config(content))
    done = time.perf_counter()
    return {"entities": len(graph.records), "errors": len(report.errors),
            "outputs": len(outputs.files), "check_s": checked - started,
            "render_s": done - checked, "total_s": done - started}


def _times(run: dict[str, Any]) -> dict[str, float]:
    return {key: float(run[key]) for key in ("check_s", "render_s", "total_s")}


def generator(content: Path) -> dict[str, Any]:
    _empty_caches(content)
    first = _generator_once(content)  # also imports, template compilation
    _empty_caches(content)
    cold = _generator_once(content)
    # The median of five warm runs (three, or one, when a run takes long anyway: big
    # corpora), each started like a build in a new process: without the garbage of the
    # runs before it (collected outside the timing).
    count = 5 if cold["total_s"] < 5 else 3 if cold["total_s"] < 30 else 1
    runs = []
    for _ in range(count):
        gc.collect()
        runs.append(_generator_once(content))
    runs.sort(key=lambda r: float(r["total_s"]))
    result = dict(runs[len(runs) // 2])
    result["runs"] = count
    result["warm_range"] = [float(runs[0]["total_s"]), float(runs[-1]["total_s"])]
    result["first"] = _times(first)
    result["cold"] = _times(cold)
    result["diagrams_cached"] = sum(
        1 for _ in (content.parent / session.CACHE_FOLDER).glob(f"*{session.CACHE_SUFFIX}"))
    tracemalloc.start()
    _generator_once(content)
    result["tracemalloc_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    result["maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def handouts(content: Path) -> dict[str, Any]:
    from generator import handouts as module

    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copytree(content, project / "content")
        graph, report = check(project / "content")
        config = SiteConfig(content_dir=project / "content", project_root=project)
        timings = []
        outputs: list[Any] = []
        for _ in range(2):  # cold (empty cache), then warm
            started = time.perf_counter()
            outputs = module.render_handouts(graph, config)
            timings.append(time.perf_counter() - started)
    return {
        "module": " ".join((module.__doc__ or "").split("\n\n")[0].split()),
        "errors": len(report.errors),
        "pdfs": len(outputs),
        "bytes": sum(len(o.data) for o in outputs),
        "cold_s": timings[0],
        "warm_s": timings[1],
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> int:
    what, content = argv[0], Path(argv[1]).resolve()
    result = generator(content) if what == "generator" else handouts(content)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
