"""Site generator for Työllisyyden edistämisen yhdyspintaverkosto.

Pipeline: ``load/`` (YAML with positions → typed records) → ``rules/`` (resolve: records →
``graph.Graph``, checked) → ``build/`` (runs the features ``pages/``, ``calendar/``,
``diagrams/``, ``handouts/``, ``opendata/``). Beneath them: ``core/`` (models, the
annotation walker, diagnostics), ``domain/`` (timing, membership, queries) and ``site/``
(paths, output, templates). ``plugin``, ``cli`` and ``generate`` are thin adapters; the
layers are pinned by tests/test_architecture.py. See README.md.
"""
