"""What every open-data record shares: strict pydantic models serialised without nulls."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Out(BaseModel):
    """Base of the export models: strict shapes, so the schema forbids unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
