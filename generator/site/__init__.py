"""What every feature needs to produce the site's files, and nothing about any feature:

* :mod:`.paths` — every path and URL (docs paths, directory URLs, relative links);
* :mod:`.output` — the generated files and the site's settings (``SiteConfig``);
* :mod:`.templates` — the Jinja environment for Markdown pages (features are added by
  :mod:`generator.build`);
* :mod:`.gitdates` — "Päivitetty" dates from git; :mod:`.finlex` — law addresses.
"""
