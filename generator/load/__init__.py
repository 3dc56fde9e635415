"""Load stage: YAML files → validated records, every problem with its file:line:col.

* :mod:`.files` — reads the content folder as YAML events, keeping positions;
* :mod:`.problems` — PyYAML's errors and suspicious text as Finnish messages;
* :mod:`.validate` — plain data → the models of :mod:`generator.core.models`.

The next stage, :mod:`generator.rules`, resolves the records into a graph.
"""
