// Small enhancements of the built pages; without JavaScript every page works as built.
//
// 1. "Seuraava kokous" by the reader's clock (home and committee pages).
// The build writes its own answer first and the later meetings hidden after it, each with
// the moment it stops being upcoming (data-ends; the rule is generator/domain/timing.py).
// A static page goes stale; this shows the first meeting not yet over now, or the "none
// known" line. Without JavaScript the build's answer stands.
(function () {
  "use strict";

  function update(block) {
    var now = Date.now();
    var shown = false;
    block.querySelectorAll("[data-ends]").forEach(function (item) {
      var ends = Date.parse(item.getAttribute("data-ends"));
      var show = !shown && !(ends <= now);
      item.hidden = !show;
      if (show) shown = true;
    });
    var none = block.querySelector("[data-next-none]");
    if (none) none.hidden = shown;
  }

  // 2. A wide table scrolls sideways inside Material's wrapper; keyboard users must be able
  // to reach and scroll it (WCAG 2.1.1), so a wrapper that overflows becomes a labelled,
  // focusable region. One that fits gets no extra tab stop.
  function label(wrap) {
    var before = wrap.previousElementSibling;
    if (before && before.classList.contains("table-caption")) return before.textContent.trim();
    return "Taulukko";
  }

  function scrollables() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap) + " (vieritettävä)");
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function run() {
    document.querySelectorAll("[data-next-meeting]").forEach(update);
    scrollables();
    // Material wraps tables while mounting the page; look again once it has.
    window.setTimeout(scrollables, 0);
  }

  var resizing = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(scrollables, 200);
  });

  // Material's instant navigation swaps pages without a reload; document$ covers both.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
