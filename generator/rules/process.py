"""A process's phases: transitions, decision branches, phases nothing leads to."""

from __future__ import annotations

from ..core.diagnostics import Report, did_you_mean
from ..core.models import END_PHASE, Process
from ..graph import Graph
from ..load.validate import Record
from .report import err


def check_process(record: Record, process: Process, graph: Graph, report: Report) -> None:
    ids = [p.id for p in process.phases]
    incoming: set[str] = {ids[0]}
    for index, phase in enumerate(process.phases):
        if phase.id == END_PHASE:
            err(record, ("phases", index, "id"),
                 f"phases.{index}.id: tunniste '{END_PHASE}' on varattu prosessin "
                 "päättymiselle, eikä se voi olla vaiheen tunniste", report,
                 f"anna vaiheelle toinen tunniste (esim. '{END_PHASE}vaihe') ja muuta "
                 f"viittaukset siihen; vaiheesta päätetään prosessi kirjoittamalla "
                 f"`next: [{{to: {END_PHASE}}}]`")
        for t_index, transition in enumerate(phase.next):
            where = ("phases", index, "next", t_index)
            if transition.to == phase.id:
                err(record, (*where, "to"),
                     f"phases.{index}.next.{t_index}.to: vaihe '{phase.id}' jatkuu itseensä",
                     report, "ohjaa seuraavaan vaiheeseen; jos vaihe toistuu, kerro se "
                     "kentässä review_interval (esim. `vähintään 3 kk välein`) tai "
                     "description")
            elif transition.to != END_PHASE and transition.to not in ids:
                err(record, (*where, "to"),
                     f"phases.{index}.next.{t_index}.to: vaihetta '{transition.to}' ei ole",
                     report, did_you_mean(transition.to, [*ids, END_PHASE]))
            incoming.add(transition.to)
            if phase.kind == "päätös" and not transition.label:
                err(record, where,
                     f"phases.{index}.next.{t_index}: päätöskohdan jokaisella haaralla "
                     "pitää olla label", report,
                     "kerro, milloin prosessi jatkuu tätä haaraa, esim. `label: Kyllä`")
        if phase.kind == "päätös" and len(phase.next) < 2:
            err(record, ("phases", index, "next"),
                 f"phases.{index}: päätöskohdalla pitää olla vähintään kaksi haaraa", report,
                 "lisää next-listaan haarat, esim. label: Kyllä / label: Ei")
    for index, phase in enumerate(process.phases):
        if phase.id not in incoming:
            err(record, ("phases", index, "id"),
                 f"phases.{index}: vaiheeseen '{phase.id}' ei johda mikään vaihe", report,
                 "lisää se jonkin vaiheen next-listaan", warning=True)
