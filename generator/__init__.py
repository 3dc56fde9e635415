"""Site generator for Työllisyyden edistämisen yhdyspintaverkosto.

Pipeline: load (YAML with positions) → validate (typed models) → resolve (graph) →
render (pages, diagrams, calendar, handouts). See README.md.
"""
