"""Read the few settings the core needs from mkdocs.yml without importing MkDocs."""

from __future__ import annotations

from pathlib import Path

import yaml

DEFAULT_SITE_URL = "https://yhdyspintaverkosto.fi/"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name`` tags for Material; they are irrelevant here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def site_url_from_mkdocs(path: Path) -> str:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_IgnoreTags)
    except (OSError, yaml.YAMLError):
        return DEFAULT_SITE_URL
    url = data.get("site_url") if isinstance(data, dict) else None
    return str(url) if url else DEFAULT_SITE_URL
