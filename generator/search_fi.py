"""Finnish search that finds inflected words: a patch for Material's lunr search.

Material for MkDocs turns every query term into a prefix query (``aktivointisuunnitelman*``)
and lunr never runs the search pipeline, where the Finnish Snowball stemmer lives, on a
term with a wildcard. An inflected query therefore only finds pages that contain that very
form. Enabling the stemmer in ``mkdocs.yml`` alone makes it worse (the index is stemmed, the
query is not).

The fix has two halves, both applied by the project's plugin:

* :func:`configure_search` keeps the stemmer in the search plugin's pipeline (Material's
  Finnish default is ``stopWordFilter`` only) unless ``mkdocs.yml`` sets a ``pipeline`` of
  its own, so the index is stemmed and the stemmer stays in the search pipeline;
* :func:`on_files` serves the theme's ``lunr.fi.min.js`` with :data:`PATCH` appended: terms
  with only a trailing ``*`` keep the pipeline, and the stemmer stems the word in front of
  the ``*``. ``aktivointisuunnitelman*`` becomes ``aktivointisuunnitelm*``, which matches
  *aktivointisuunnitelma*, *-suunnitelman*, *-suunnitelmaa*, … and every prefix still works
  while the reader types.

The plugin calls :func:`configure_search` from ``on_config`` (before the search plugin's
own ``on_config`` fills in its default) and :func:`on_files` from ``on_files``.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

LUNR_FI = "assets/javascripts/lunr/min/lunr.fi.min.js"
PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]

PATCH = """
/* Yhdyspintaverkosto (generator/search_fi.py): Finnish stemming for prefix queries,
   statute numbers in the index, and query terms matched as stems. */
(function (lunr) {
  if (!lunr || !lunr.fi || lunr.fi.prefixStemming) return;
  var stem = lunr.fi.stemmer;
  var stemmed = Object.create(null);  /* stems made from query terms: never stemmed twice */
  var prefixStem = function (token) {
    var text = token.toString();
    if (text.length > 1 && text.indexOf("*") === text.length - 1) {
      token.update(function (word) { return word.slice(0, -1); });
      if (!stemmed[token.toString()]) stem(token);
      return token.update(function (word) { return word + "*"; });
    }
    return stemmed[text] ? token : stem(token);
  };
  prefixStem.label = "stemmer-fi";
  lunr.Pipeline.registeredFunctions["stemmer-fi"] = prefixStem;
  lunr.fi.stemmer = prefixStem;
  /* The Finnish trimmer keeps letters only, so "380/2023" or "2025" became "": digits and
     the "/" between them are kept, other punctuation at either end is still cut. */
  var word = lunr.fi.wordCharacters + "0-9";
  var leading = new RegExp("^[^" + word + "]+"), trailing = new RegExp("[^" + word + "]+$");
  var trim = function (token) {
    return token.update(function (text) {
      return text.replace(leading, "").replace(trailing, "");
    });
  };
  trim.label = "trimmer-fi";
  lunr.Pipeline.registeredFunctions["trimmer-fi"] = trim;
  lunr.fi.trimmer = trim;
  lunr.fi.prefixStemming = true;
  /* A prefix term is stemmed here, once: the search then finds the stem, and Material's
     check of which query terms a result contains compares the stem with the index's
     (stemmed) words, so a result found by an inflected form is not shown as "Puuttuu". */
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && typeof c.term === "string" && /^[^*]+\\*$/.test(c.term)) {
      c.usePipeline = true;
      var token = prefixStem(new lunr.Token(c.term, {}));
      var base = token.toString().slice(0, -1);
      if (base) { stemmed[base] = true; c.term = base + "*"; }
    }
    return clause.call(this, c);
  };
})(typeof self !== "undefined" ? self.lunr : this.lunr);
"""


def patched_lunr_fi(original: str) -> str:
    """The theme's Finnish lunr support with :data:`PATCH` appended."""
    return original.rstrip() + "\n" + PATCH


def configure_search(config: MkDocsConfig) -> None:
    """Keep the stemmer in the search pipeline unless mkdocs.yml chose a pipeline."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        settings = getattr(plugin, "config", None)
        if settings is not None and "pipeline" in settings and settings["pipeline"] is None:
            settings["pipeline"] = list(PIPELINE)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Replace the theme's ``lunr.fi.min.js`` with the patched one (if the theme has it)."""
    theme_file = files.get_file_from_path(LUNR_FI)
    if theme_file is None or theme_file.generated_by is not None:
        return files
    original = theme_file.content_string
    files.remove(theme_file)
    files.append(File.generated(config, LUNR_FI, content=patched_lunr_fi(original)))
    return files


_BREADCRUMBS = re.compile(r'<(?:nav|p)\b[^>]*\bclass="(?:[^"]* )?breadcrumbs(?: [^"]*)?"')
_VALUE = r"""(?:=(?:"[^"]*"|'[^']*'|[^\s>"'][^\s>]*))?"""
# A start tag with a ``hidden`` attribute, read attribute by attribute: "hidden" inside a
# quoted value (title="… hidden …") is not the attribute.
_HIDDEN = re.compile(rf"""<[a-zA-Z][a-zA-Z0-9]*(?:\s+(?!hidden\b)[^\s=>/"']+{_VALUE})*"""
                     rf"\s+hidden{_VALUE}(?=[\s>/])")


def exclude_from_index(html: str) -> str:
    """Mark what a reader does not see as text of the page ``data-search-exclude`` (the
    search plugin then leaves it out of the index and of result snippets): breadcrumbs,
    which would otherwise be every page's first line, and ``hidden`` elements, such as the
    later next-meeting candidates and the "no meetings" fallback that a script reveals."""
    if "breadcrumbs" in html:
        html = _BREADCRUMBS.sub(lambda m: m.group() + " data-search-exclude", html, count=1)
    if " hidden" in html:
        html = _HIDDEN.sub(lambda m: m.group() + " data-search-exclude", html)
    return html
