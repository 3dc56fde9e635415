"""Domain facts the renderers share, each written once:

* :mod:`.timing` — when a meeting is, whether it is upcoming, the meeting order;
* :mod:`.membership` — who sits on a committee on a given day, the seat table;
* :mod:`.queries` — graph-wide lookups for one render (who acts where, who cites what).

Statuses are properties of the models (:mod:`generator.core.models`). Nothing here formats
a page or knows a path.
"""
