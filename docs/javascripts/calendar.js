// Calendar page (kalenteri/): progressive enhancement of the build-time view.
//
// Without JavaScript the page shows every meeting, split into upcoming and past as of the
// build. This script (1) re-sorts meetings by the reader's clock, so "upcoming" never goes
// stale on a static site, and (2) reveals series filter checkboxes. Pages without a
// calendar are left alone.
//
// The rule is the build's (generator/domain/timing.py): each meeting carries the moment it
// stops being upcoming (data-end: its end time; the end of its day without an end time; the
// end of its month when only the month is known) and its place in the meeting order
// (data-order: month-only meetings after the dated ones of their month).
(function () {
  "use strict";

  var SECTIONS = { upcoming: 1, past: -1 }; // sort direction per section

  function order(item) {
    return Number(item.getAttribute("data-order")) || 0;
  }

  function childGroups(parent) {
    return Array.prototype.filter.call(parent.children, function (el) {
      return el.hasAttribute("data-cal-group");
    });
  }

  // Find or create the group `key` (a year or a month) under `parent`, cloning the
  // group the item came from (its heading included, without ids) when it is missing.
  function groupIn(parent, template, direction) {
    var key = template.getAttribute("data-cal-group");
    var groups = childGroups(parent);
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute("data-cal-group") === key) return groups[i];
    }
    var group = template.cloneNode(false);
    Array.prototype.forEach.call(template.children, function (child) {
      if (/^H[1-6]$/.test(child.tagName)) {
        var heading = child.cloneNode(true);
        heading.removeAttribute("id"); // ids stay unique; the table of contents keeps its own
        group.appendChild(heading);
      } else if (child.tagName === "UL") {
        group.appendChild(child.cloneNode(false));
      }
    });
    var before = null;
    for (var j = 0; j < groups.length; j++) {
      var other = groups[j].getAttribute("data-cal-group");
      if ((direction > 0 && other > key) || (direction < 0 && other < key)) {
        before = groups[j];
        break;
      }
    }
    parent.insertBefore(group, before);
    return group;
  }

  function place(item, section, direction) {
    var monthGroup = item.closest(".cal-month");
    var yearGroup = item.closest(".cal-year");
    var year = groupIn(section, yearGroup, direction);
    var month = groupIn(year, monthGroup, direction);
    var list = month.querySelector("ul");
    var siblings = list.querySelectorAll(".cal-meeting");
    var before = null;
    for (var i = 0; i < siblings.length; i++) {
      if ((order(siblings[i]) - order(item)) * direction > 0) {
        before = siblings[i];
        break;
      }
    }
    list.insertBefore(item, before);
  }

  function prune(section) {
    section.querySelectorAll(".cal-month").forEach(function (month) {
      if (!month.querySelector(".cal-meeting")) month.remove();
    });
    section.querySelectorAll(".cal-year").forEach(function (year) {
      if (!year.querySelector(".cal-month")) year.remove();
    });
  }

  // Move meetings between "upcoming" and "past" by the reader's clock.
  function resort(root, now) {
    var sections = {};
    Object.keys(SECTIONS).forEach(function (key) {
      sections[key] = root.querySelector('[data-cal-section="' + key + '"]');
    });
    if (!sections.upcoming || !sections.past) return;
    root.querySelectorAll(".cal-meeting[data-end]").forEach(function (item) {
      var end = Date.parse(item.getAttribute("data-end"));
      if (isNaN(end)) return;
      var want = end > now ? "upcoming" : "past";
      var current = item.closest("[data-cal-section]");
      if (current && current.getAttribute("data-cal-section") !== want) {
        place(item, sections[want], SECTIONS[want]);
      }
    });
    Object.keys(sections).forEach(function (key) { prune(sections[key]); });
    showEmpty(root);
    var asOf = root.querySelector("[data-cal-as-of]");
    if (asOf) asOf.hidden = true; // the split now follows the reader's clock
  }

  // "Ei tulevia kokouksia." where a section has nothing to show.
  function showEmpty(root) {
    root.querySelectorAll("[data-cal-section]").forEach(function (section) {
      var empty = section.querySelector("[data-cal-empty]");
      if (empty) empty.hidden = !!section.querySelector(".cal-meeting:not([hidden])");
    });
  }

  // Show only the checked series; hide groups left empty and say how many are shown.
  function applyFilter(root, boxes) {
    var shown = {};
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    var items = root.querySelectorAll(".cal-meeting");
    var visible = 0;
    items.forEach(function (item) {
      var on = shown[item.getAttribute("data-series")] !== false;
      item.hidden = !on;
      if (on) visible++;
    });
    root.querySelectorAll(".cal-month, .cal-year").forEach(function (group) {
      group.hidden = !group.querySelector(".cal-meeting:not([hidden])");
    });
    showEmpty(root);
    var count = root.querySelector("[data-cal-count]");
    if (count) {
      count.textContent = "Näytetään " + visible + "/" + items.length + " kokousta.";
    }
  }

  function setupFilter(root) {
    var fieldset = root.querySelector("[data-cal-filter]");
    if (!fieldset) return;
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll('input[type="checkbox"]'));
    boxes.forEach(function (box) {
      box.addEventListener("change", function () { applyFilter(root, boxes); });
    });
    fieldset.hidden = false;
    applyFilter(root, boxes);
  }

  function init() {
    var root = document.querySelector("[data-calendar]");
    if (!root) return;
    resort(root, Date.now());
    setupFilter(root);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
