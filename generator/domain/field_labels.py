"""Finnish names of the content fields, in one place, for readers (the *Muutokset* page).

``(label, plural)``: ``plural`` picks the verb (*jäsenet muuttuivat*, *kuvaus muuttui*).
A field without a label is shown by its own name (a test keeps the table complete).
"""

from __future__ import annotations

FIELD_LABELS: dict[str, tuple[str, bool]] = {
    "abbreviation": ("lyhenne", False),
    "appointed_by": ("asettaja", False),
    "appointed_on": ("asettamispäivä", False),
    "date": ("päivä", False),
    "description": ("kuvaus", False),
    "end": ("päättymisaika", False),
    "expected": ("odotettu ajankohta", False),
    "format": ("kokousmuoto", False),
    "formerly": ("vanhat osoitteet", True),
    "goals": ("tavoitteet", True),
    "in_force_from": ("voimaantulopäivä", False),
    "inferences": ("päätellyt tiedot", True),
    "inferred": ("päätelmän peruste", False),
    "legal_basis": ("säädösperusta", False),
    "links": ("linkit", True),
    "materials": ("materiaalit", True),
    "members": ("jäsenet", True),
    "milestones": ("virstanpylväät", True),
    "month": ("kuukausi", False),
    "name": ("nimi", False),
    "number": ("säädösnumero", False),
    "online": ("etäyhteys", False),
    "online_platform": ("etäyhteyden palvelu", False),
    "organisation": ("organisaatio", False),
    "owner": ("toimintamallin omistaja", False),
    "parent": ("yläorganisaatio", False),
    "phases": ("vaiheet", True),
    "place": ("paikka", False),
    "programme": ("ohjelma", False),
    "related": ("liittyvät sivut", True),
    "relations": ("suhteet", True),
    "repealed_by": ("kumoava säädös", False),
    "repealed_on": ("kumoamispäivä", False),
    "reviewed": ("tarkistuspäivä", False),
    "seats": ("paikat", True),
    "sections": ("osiot", True),
    "sequence": ("muutosnumero", False),
    "series": ("sarja", False),
    "short_name": ("lyhyt nimi", False),
    "sort_name": ("lajitteluavain", False),
    "sources": ("lähteet", True),
    "start": ("alkamisaika", False),
    "status": ("tila", False),
    "summary": ("tiivistelmä", False),
    "target_groups": ("kohderyhmät", True),
    "tasks": ("tehtävät", True),
    "term": ("toimikausi", False),
    "title": ("otsikko", False),
    "type": ("laji", False),
    "updated": ("muutospäivä", False),
    "vacancy_note": ("avointen paikkojen selitys", False),
    "validity": ("voimassaolohuomautus", False),
    "website": ("verkkosivut", True),
}


KIND_FIELD_LABELS: dict[tuple[str, str], tuple[str, bool]] = {
    ("law", "sections"): ("pykälät", True),
}
"""Where one kind's field means something else than the same field elsewhere."""


def label(field: str, kind: str = "") -> tuple[str, bool]:
    return KIND_FIELD_LABELS.get((kind, field)) or FIELD_LABELS.get(field, (field, False))


def changed_fields(fields: list[str], kind: str = "") -> str:
    """``jäsenet muuttuivat``, ``kuvaus muuttui``, ``nimi ja paikat muuttuivat``."""
    labels = [label(f, kind) for f in fields]
    names = [label for label, _ in labels]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " ja " + names[-1]
    plural = len(labels) > 1 or labels[0][1]
    return f"{text} {'muuttuivat' if plural else 'muuttui'}"
