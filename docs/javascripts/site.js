// "Seuraava kokous" by the reader's clock (home and committee pages).
//
// The build writes its own answer first and the later meetings hidden after it, each with
// the moment it is over (data-ends). A static page goes stale; this shows the first meeting
// not yet over now, or the "none known" line. Without JavaScript the build's answer stands.
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

  function run() {
    document.querySelectorAll("[data-next-meeting]").forEach(update);
  }

  // Material's instant navigation swaps pages without a reload; document$ covers both.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
