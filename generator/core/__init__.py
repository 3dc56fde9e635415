"""The vocabulary every other package speaks; it imports nothing else of the generator
(except the text helpers ``fi``).

* :mod:`.models` — the content model, one frozen pydantic model per kind, with the status
  properties (``meeting.cancelled``, ``committee.ended``) and content syntax (``MENTION``);
* :mod:`.annotations` — the one walker over the models' type hints (references, Markdown
  fields, nested models, the field at an error's location);
* :mod:`.formats` — value formats and their Finnish error messages;
* :mod:`.diagnostics` — the report of errors and warnings with file:line:col;
* :mod:`.clock` — the build's clock (``SOURCE_DATE_EPOCH``); :mod:`.gcpause`.
"""
