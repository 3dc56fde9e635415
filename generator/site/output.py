"""What the render stage produces and what it needs to know about the site."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
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

    @property
    def text(self) -> str:
        """The content as text (a page, a feed); bytes are read as UTF-8."""
        return self.content if isinstance(self.content, str) else self.content.decode("utf-8")

    def encoded(self) -> Output:
        """The same file with its content as UTF-8 bytes: what a render worker sends back
        (pickling bytes is a copy; a str is encoded and decoded again on the way)."""
        return self if isinstance(self.content, bytes) else replace(self, content=self.data)


@dataclass
class Outputs:
    """Generated files by path; a path may be produced once."""

    files: dict[str, Output] = field(default_factory=dict)

    def add(self, output: Output) -> None:
        if output.path in self.files:
            raise ValueError(f"two renderers produce {output.path}")
        self.files[output.path] = output

    def extend(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            self.add(output)
