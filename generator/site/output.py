"""What the render stage produces and what it needs to know about the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class SiteConfig:
    """Site-level settings the renderers need (read from mkdocs.yml by the plugin/CLI)."""

    content_dir: Path
    site_url: str = "https://yhdyspintaverkosto.fi/"
    site_name: str = "Työllisyyden edistämisen yhdyspintaverkosto"
    project_root: Path | None = None
    handouts: bool = True
    jobs: int | None = None  # processes that render pages (None: one per CPU)


@dataclass(frozen=True)
class Output:
    """One generated file, relative to the docs root (e.g. ``prosessit/typ.md``)."""

    path: str
    content: str | bytes
    source: str | None = None  # the YAML file behind it, relative to the project root

    @property
    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@dataclass
class Outputs:
    """Generated files by path; a path may be produced once."""

    files: dict[str, Output] = field(default_factory=dict)

    def add(self, output: Output) -> None:
        if output.path in self.files:
            raise ValueError(f"two renderers produce {output.path}")
        self.files[output.path] = output

    def extend(self, outputs: list[Output]) -> None:
        for output in outputs:
            self.add(output)


def relative(from_path: str, to_path: str) -> str:
    """Relative link between two docs-root paths (``a/b.md`` → ``../c/d.md``).

    String arithmetic only: ``posixpath.relpath`` calls ``os.getcwd()`` twice per link, a
    quarter of the render time at 1,000 entities. A link to a file (``name.ext``) reuses the
    way between the two folders, worked out once per pair of folders.
    """
    folder, _, _ = from_path.rpartition("/")
    target_folder, _, name = to_path.rpartition("/")
    if "." not in name.strip("."):  # a folder, or no file name: the path in full
        return _relative_parts(folder, to_path) or "."
    return _folder_prefix(folder, target_folder) + name


@lru_cache(maxsize=4096)
def _folder_prefix(start_folder: str, target_folder: str) -> str:
    """What goes before a file name in ``target_folder`` seen from ``start_folder``:
    ``""`` for the same folder, else e.g. ``"../c/"``."""
    way = _relative_parts(start_folder, target_folder)
    return way + "/" if way else ""


def _relative_parts(start_folder: str, to_path: str) -> str:
    start = [p for p in start_folder.split("/") if p not in ("", ".")]
    target = [p for p in to_path.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])
