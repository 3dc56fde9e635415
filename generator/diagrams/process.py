"""Process flow: start, phases (actors by colour *and* name), decisions with labelled
branches, end."""

from __future__ import annotations

from .. import fi
from ..core.models import END_PHASE, Phase, Process
from ..domain.phase_roles import CLIENT_LABEL, RESPONSIBLE, client_part, role_groups
from ..domain.queries import phase_numbers
from ..escape import wrap_label
from ..graph import Graph
from .common import digraph, label, small_cell, title_cell
from .dot import Html, font, row, text
from .figure import Diagram, LegendItem, entity_link
from .palette import DECISION, LINE, TERMINAL, Swatch, actor_swatches

START_ID = "alku"
END_ID = "loppu"
ACTOR_WIDTH = 20
DECISION_WIDTH = 18
BRANCH_WIDTH = 22


def _phase_node(phase: Phase) -> str:
    return f"vaihe-{phase.id}"


def transitions(process: Process) -> list[tuple[str, str, str | None]]:
    """``(from node, to node, label)`` for every arrow, start and end included.

    A phase without ``next`` ends the process; a process where no phase has ``next`` is
    read as a sequence in list order.
    """
    phases = process.phases
    arrows: list[tuple[str, str, str | None]] = [(START_ID, _phase_node(phases[0]), None)]
    ids = {p.id for p in phases}
    linear = not any(p.next for p in phases)
    for index, phase in enumerate(phases):
        if linear:
            following = phases[index + 1] if index + 1 < len(phases) else None
            arrows.append((_phase_node(phase),
                           _phase_node(following) if following else END_ID, None))
        elif not phase.next:
            arrows.append((_phase_node(phase), END_ID, None))
        for step in phase.next:
            if step.to == END_PHASE:
                arrows.append((_phase_node(phase), END_ID, step.label))
            elif step.to in ids:
                arrows.append((_phase_node(phase), f"vaihe-{step.to}", step.label))
    return arrows


def _actor_rows(graph: Graph, phase: Phase, swatches: dict[str, Swatch]) -> list[Html]:
    """The responsible actors (under *yhdessä:* when joint), then each other role under its
    own small label (*ilmoittaa:*), so a notifier is never drawn as responsible; last the
    client's part as text (*asiakas osallistuu*)."""
    rows = []
    number = 0
    for group in role_groups(phase):
        if group.role == RESPONSIBLE:
            if phase.joint:
                rows.append(small_cell("yhdessä:", muted=False))
        else:
            rows.append(small_cell(f"{group.label.lower()}:", muted=False))
        for actor in group.actors:
            name = graph.name(actor)
            swatch = swatches[actor]
            # An explicit id: without one Graphviz numbers linked cells with a counter that
            # runs on from graph to graph when one `dot` draws several (dot_process.draw_many).
            rows.append(row(font(text(name, ACTOR_WIDTH)), bgcolor=swatch.light,
                            border=1, color=LINE.light, href=entity_link(actor), title=name,
                            id=f"{_phase_node(phase)}_{number}"))
            number += 1
    part = client_part(phase)
    if part:
        # The client is a role, not an organisation: a text row in the role labels' style,
        # no box, no colour, no link.
        rows.append(small_cell(f"{CLIENT_LABEL.lower()} {part}", muted=False))
    return rows


def _detail_rows(phase: Phase) -> list[Html]:
    details = [("kesto", phase.duration), ("tarkistus", phase.review_interval),
               ("määräaika", phase.deadline)]
    return [small_cell(f"{name}: {value}") for name, value in details if value]


def process_diagram(graph: Graph, process_id: str) -> Diagram:
    process = graph.processes[process_id]
    swatches = graph.memo("actor_swatches", lambda: actor_swatches(graph))
    dot = digraph(f"prosessi-{process_id}", ordering="out")
    dot.node(START_ID, id=START_ID, label="Alku", shape="oval", fillcolor=TERMINAL.light,
             **{"class": "dg-start"})
    decisions = 0
    numbers = phase_numbers(process)  # the same numbers as the phase list on the page
    for phase in process.phases:
        title = f"{numbers[phase.id]}. {phase.name}"
        rows = [title_cell(title, DECISION_WIDTH if phase.kind == "päätös" else 22)]
        rows += _actor_rows(graph, phase, swatches) + _detail_rows(phase)
        classes = ["dg-phase"]
        attrs: dict[str, str | float | Html] = {"id": _phase_node(phase), "label": label(rows)}
        if phase.kind == "päätös":
            decisions += 1
            classes.append("dg-decision")
            attrs.update(shape="diamond", style="filled", fillcolor=DECISION.light,
                         margin="0.02,0.02")
        if phase.joint:
            classes.append("dg-joint")
            attrs["peripheries"] = 2
        dot.node(_phase_node(phase), **attrs, **{"class": " ".join(classes)})
    dot.node(END_ID, id=END_ID, label="Loppu", shape="oval", fillcolor=TERMINAL.light,
             penwidth=2.5, **{"class": "dg-end"})
    for tail, head, branch in transitions(process):
        if branch:
            dot.edge(tail, head, label="\n".join(wrap_label(branch, BRANCH_WIDTH)),
                     **{"class": "dg-branch"})
        else:
            dot.edge(tail, head)
    actors = list(dict.fromkeys(a for p in process.phases for a in p.actor_ids))
    legend = [LegendItem(graph.name(a), entity=a, swatch=swatches[a]) for a in actors]
    if decisions:
        legend.append(LegendItem("Päätöskohta", symbol="◇",
                                 note="kysymys, jonka haarat on nimetty nuolissa"))
    if any(p.joint for p in process.phases):
        legend.append(LegendItem("Kaksoisreunus ja ”yhdessä”", symbol="▣",
                                 note="vastuutahot tekevät vaiheen yhdessä"))
    phases = len(process.phases) - decisions
    counts = fi.count(phases, "vaihe", "vaihetta")
    if decisions:
        counts += " ja " + fi.count(decisions, "päätöskohta", "päätöskohtaa")
    responsible = list(dict.fromkeys(a for p in process.phases for a in p.actors_in(RESPONSIBLE)))
    names = ", ".join(graph.name(a) for a in responsible) or "ei nimettyjä"
    return Diagram(
        kind="prosessi",
        key=process_id,
        dot=dot.source(),
        title=f"{process.name}: prosessikaavio",
        desc=f"Kulku alusta loppuun: {counts}. Vastuutahot: {names}. "
             "Samat tiedot ovat sivulla myös tekstinä.",
        caption=f"{process.name}: vaiheet, vastuutahot ja kulku alusta loppuun.",
        legend=tuple(legend),
    )
