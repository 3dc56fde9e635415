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

  // 2. A table of records (div.records) that is still wider than its box after the CSS
  // container query (a wide one in a desktop column) is stacked into cards as well.
  function stackRecords() {
    document.querySelectorAll(".records").forEach(function (holder) {
      var table = holder.querySelector("table");
      if (!table) return;
      holder.classList.remove("records--stack");
      if (table.getBoundingClientRect().width > holder.clientWidth + 1) {
        holder.classList.add("records--stack");
      }
    });
  }

  // 3. A grid table wider than its box scrolls sideways inside Material's wrapper;
  // keyboard users must be able to reach and scroll it (WCAG 2.1.1), so a wrapper that
  // overflows becomes a labelled, focusable region, with a visible hint before it. One
  // that fits gets no extra tab stop.
  function label(wrap) {
    var before = wrap.previousElementSibling;
    if (before && before.classList.contains("scroll-hint")) before = before.previousElementSibling;
    if (before && before.classList.contains("table-caption")) return before.textContent.trim();
    return "Taulukko";
  }

  function scrollables() {
    stackRecords();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      var hint = wrap.previousElementSibling;
      if (!(hint && hint.classList.contains("scroll-hint"))) hint = null;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap) + " (vieritettävä)");
      } else if (!scrolls && wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
      if (scrolls && !hint) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.setAttribute("aria-hidden", "true"); // the region's name says it already
        hint.textContent = "Taulukko jatkuu sivusuunnassa: vieritä sitä vaakasuunnassa.";
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!scrolls && hint) {
        hint.remove();
      }
    });
    fullViews();
  }

  // 4. Diagrams: "Avaa kaavio koko näytölle" only where the diagram is not shown at its
  // own size (scaled to the column, or scrolling). Escape closes the full-screen view.
  function fullViews() {
    document.querySelectorAll("figure.diagram").forEach(function (figure) {
      var open = figure.querySelector(".diagram-full-open");
      var svg = figure.querySelector("svg.dg-svg");
      var scroll = figure.querySelector(".diagram-scroll");
      if (!open || !svg || !scroll || scroll.matches(":target")) return;
      var natural = svg.viewBox.baseVal.width;
      var scrolls = scroll.scrollWidth > scroll.clientWidth + 1;
      open.hidden = !scrolls && svg.getBoundingClientRect().width >= natural - 1;
      // Say so when the diagram continues out of sight (the shadow alone is easy to miss).
      var hint = open.querySelector(".diagram-scroll-hint");
      if (scrolls && !hint) {
        hint = document.createElement("span");
        hint.className = "diagram-scroll-hint";
        hint.textContent = " tai vieritä kaaviota sivusuunnassa";
        open.appendChild(hint);
      } else if (!scrolls && hint) {
        hint.remove();
      }
    });
  }

  // 5. A heading word wider than its line (a long compound on a phone, beside the floated
  // edit button) would break at a letter (Material's overflow-wrap); the heading gets a
  // font size at which every word fits whole.
  var WORD = /[^\s\-\u2010-\u2015\/]+/g;

  // The widest word's width, and whether some word is broken over two lines.
  function measureWords(heading) {
    var widest = 0;
    var broken = false;
    var range = document.createRange();
    var walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var match;
      WORD.lastIndex = 0;
      while ((match = WORD.exec(node.data)) !== null) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        var width = 0;
        var top = null;
        Array.prototype.forEach.call(range.getClientRects(), function (box) {
          if (!box.width) return;
          width += box.width;
          if (top !== null && Math.abs(box.top - top) > 1) broken = true;
          top = box.top;
        });
        if (width > widest) widest = width;
      }
    }
    return { widest: widest, broken: broken };
  }

  function fitHeadings() {
    document.querySelectorAll(".md-content h1, .md-content h2").forEach(function (heading) {
      heading.style.fontSize = "";
      var room = heading.clientWidth;
      var words = measureWords(heading);
      if (!room || !words.broken) return;
      var size = parseFloat(window.getComputedStyle(heading).fontSize);
      size = Math.min(size * 0.95, size * room / words.widest * 0.97);
      for (var step = 0; step < 12; step += 1) {
        size = Math.max(14, Math.floor(size));
        heading.style.fontSize = size + "px";
        if (size === 14 || !measureWords(heading).broken) return;
        size *= 0.93;
      }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var shown = document.querySelector(".diagram-scroll:target");
    if (!shown) return;
    var figure = shown.closest("figure");
    window.location.hash = figure ? figure.id : "";
    var open = figure && figure.querySelector(".diagram-full-open a");
    if (open) open.focus();
  });

  // 6. Subscribe page: a "Kopioi osoite" button after each feed address (div.feeds).
  // Without JavaScript the address is there to select and copy by hand.
  function copyButtons() {
    var codes = document.querySelectorAll(".feeds td code");
    if (!codes.length || document.querySelector(".copy-button")) return;
    var status = document.createElement("p");
    status.className = "copy-status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("role", "status");
    var holder = document.querySelector(".feeds");
    holder.parentNode.insertBefore(status, holder.nextSibling);
    codes.forEach(function (code, index) {
      code.id = code.id || "syote-" + (index + 1);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Kopioi osoite";
      button.setAttribute("aria-describedby", code.id);
      button.addEventListener("click", function () {
        copy(code.textContent.trim(), code).then(function () {
          status.textContent = "";
          window.setTimeout(function () { status.textContent = "Kopioitu"; }, 50);
        }, function () {
          status.textContent = "Kopiointi ei onnistunut: valitse osoite ja kopioi se itse.";
        });
      });
      code.parentNode.insertBefore(document.createElement("br"), code.nextSibling);
      code.parentNode.insertBefore(button, code.nextSibling.nextSibling);
    });
  }

  function copy(text, element) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var range = document.createRange();
      range.selectNodeContents(element);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      if (done) resolve(); else reject(new Error("copy"));
    });
  }

  function run() {
    document.querySelectorAll("[data-next-meeting]").forEach(update);
    copyButtons();
    fitHeadings();
    scrollables();
    // Material wraps tables while mounting the page; look again once it has.
    window.setTimeout(scrollables, 0);
  }

  var resizing = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(function () {
      fitHeadings();
      scrollables();
    }, 200);
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
