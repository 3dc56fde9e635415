"""The one walker over the models' annotations: where references, Markdown texts and
nested models are, worked out once per model class from its type hints.

:func:`walk_refs` finds every reference (fields annotated with :class:`~.models.Ref`),
:func:`walk_markdown` every Markdown text, :func:`legal_refs` every legal reference;
:func:`model_at` and :func:`field_info` find the model and field at a path that pydantic
reports an error at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import LegalRef, MarkdownText, ref_kinds


def walk_refs(
    model: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], str]]:
    """Yield ``(path, allowed kinds, id)`` for every reference in ``model``."""
    for name, slot in _ref_slots(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk_value(value, slot, (*path, name))


@dataclass(frozen=True)
class _Slot:
    """What a field's (or a list item's) annotation says, worked out once per model field:
    the kinds it may reference, whether it is Markdown, and the same for its list items."""

    annotation: Any
    kinds: tuple[str, ...] | None
    markdown: bool
    item: _Slot | None  # ``X`` of ``list[X]``; None when the annotation is no list
    models: bool  # the value may hold models (nested, or in a list)

    @property
    def has_refs(self) -> bool:
        """Whether a walk for references needs to look at this field at all."""
        return bool(self.kinds) or self.models or (self.item is not None
                                                   and self.item.has_refs)

    @property
    def has_markdown(self) -> bool:
        return self.markdown or self.models or (self.item is not None
                                                and self.item.has_markdown)

    def items(self) -> _Slot:
        """The slot of the items of a list value (also one the annotation does not expect)."""
        return self.item if self.item is not None else _slot(self.annotation,
                                                             _metadata(self.annotation))


def _slot(annotation: Any, metadata: list[Any]) -> _Slot:
    annotated = _metadata(annotation)
    inner = _list_item(annotation)
    return _Slot(
        annotation=annotation,
        kinds=ref_kinds(metadata) or ref_kinds(annotated),
        markdown=_is_markdown(metadata) or _is_markdown(annotated),
        item=None if inner is annotation else _slot(inner, _metadata(inner)),
        models=may_hold_models(annotation),
    )


@cache
def _slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    """Each field of ``model`` with its :class:`_Slot` (models do not change at run time)."""
    return tuple((name, _slot(info.annotation, info.metadata))
                 for name, info in model.model_fields.items())


@cache
def _ref_slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    """The fields a walk for references enters: most fields are plain text or dates."""
    return tuple((name, slot) for name, slot in _slots(model) if slot.has_refs)


@cache
def _markdown_slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    return tuple((name, slot) for name, slot in _slots(model) if slot.has_markdown)


@cache
def nested_model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that may hold other models, the only ones a walk for nested
    models (e.g. every :class:`LegalRef`) needs to enter."""
    return tuple(name for name, slot in _slots(model) if slot.models)


def may_hold_models(annotation: Any) -> bool:
    """Whether a value of this type may be or contain a pydantic model; ``True`` for
    anything not plainly a scalar, a list of scalars or a union of them."""
    if annotation is Any or annotation in (list, dict, tuple, set, frozenset, object):
        return True
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin is not None:
        args = get_args(annotation)
        if origin is Annotated:
            args = args[:1]
        return not args or any(may_hold_models(arg) for arg in args)
    if annotation is None or annotation is type(None):
        return False
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return True


def _metadata(annotation: Any) -> list[Any]:
    """Annotation metadata of ``Annotated[X, …]``, also inside ``Annotated[X, …] | None``."""
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in get_args(annotation):
        if arg is not type(None) and get_origin(arg) is not list:
            found += list(getattr(arg, "__metadata__", ()))
    return found


def _walk_value(
    value: Any, slot: _Slot, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], str]]:
    if slot.kinds and isinstance(value, str):
        yield path, slot.kinds, value
    elif isinstance(value, BaseModel):
        yield from walk_refs(value, path)
    elif isinstance(value, list):
        inner = slot.items()
        for index, item in enumerate(value):
            yield from _walk_value(item, inner, (*path, index))


def _list_item(annotation: Any) -> Any:
    """``X`` of ``list[X]`` (also inside ``list[X] | None``)."""
    if get_origin(annotation) is list:
        return get_args(annotation)[0]
    for arg in get_args(annotation):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return annotation


def walk_markdown(
    model: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield ``(path, text)`` for every Markdown field in ``model``."""
    for name, slot in _markdown_slots(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk_md(value, slot, (*path, name))


def _is_markdown(metadata: list[Any]) -> bool:
    return any(isinstance(m, MarkdownText) for m in metadata)


def _walk_md(
    value: Any, slot: _Slot, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str) and slot.markdown:
        yield path, value
    elif isinstance(value, BaseModel):
        yield from walk_markdown(value, path)
    elif isinstance(value, list):
        inner = slot.items()
        for index, item in enumerate(value):
            yield from _walk_md(item, inner, (*path, index))


def legal_refs(model: BaseModel, path: tuple[str | int, ...] = ()
               ) -> Iterator[tuple[tuple[str | int, ...], BaseModel, LegalRef]]:
    """``(path, owner, ref)`` for every legal reference in ``model``, at any depth: its
    field path from ``model`` (after ``path``) and the model that holds it."""
    for name in nested_model_fields(type(model)):
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            sub = (*path, name, index) if isinstance(value, list) else (*path, name)
            if isinstance(item, LegalRef):
                yield sub, model, item
            elif isinstance(item, BaseModel):
                yield from legal_refs(item, sub)


# --- where pydantic's error locations point -------------------------------------------


def model_at(model: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose fields are at ``path`` below ``model`` (list indexes skipped)."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        current = inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` (for "did you mean" on unknown keys)."""
    holder = model_at(model, loc[:-1])
    return list(holder.model_fields) if holder is not None else []


def inner_model(annotation: Any) -> Any:
    """The BaseModel inside ``list[X]``, ``X | None`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def field_info(model: type[BaseModel], loc: tuple[Any, ...]) -> FieldInfo | None:
    """The field at ``loc`` (its last name; list indexes are skipped)."""
    names = [i for i, part in enumerate(loc) if not isinstance(part, int)]
    if not names:
        return None
    holder = model_at(model, loc[:names[-1]])
    return holder.model_fields.get(str(loc[names[-1]])) if holder is not None else None


def literal_choices(annotation: Any) -> tuple[str, ...]:
    """The allowed values of a ``Literal[...]`` field (also inside ``| None``); () if none."""
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    for arg in get_args(annotation):
        found = literal_choices(arg)
        if found:
            return found
    return ()
