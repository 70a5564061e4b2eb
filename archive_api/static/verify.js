/* The verification screen by keyboard: Enter saves a field (a correction when the value changed, a
   confirmation when not), the arrow keys move to the same field of the row above/below, Alt+Z zooms the
   page image to the current row, Esc puts back the value read. Requests go through htmx (CSRF header
   from <body hx-headers>); the answer replaces the row and its checks. No inline script (CSP). */
(function () {
  "use strict";
  var current = null;      // {row, field} of the field last focused
  var zoomed = false;

  function cells() { return Array.prototype.slice.call(document.querySelectorAll("input.cell")); }
  function byId(id) { return document.getElementById(id); }
  function headers() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}"); } catch (e) { return {}; }
  }

  function save(input, action) {
    var pageField = input.classList.contains("page-field");
    var s = {row: input.getAttribute("data-row"), field: input.getAttribute("data-field"), page: pageField};
    var values = {action: action, expected: input.getAttribute("data-expected") || ""};
    if (action === "correct") { values.value = input.value; }
    /* the answer is out-of-band pieces only: the row(s) in a <template>, the page's status, history, image */
    var done = htmx.ajax("POST", input.getAttribute("data-url"), {
      source: input, target: input, swap: "none", values: values, headers: headers()
    });
    var after = function () { window.setTimeout(function () { refocus(s); }, 30); };
    if (done && typeof done.then === "function") { done.then(after, after); } else { after(); }
  }

  function nextReview(after) {
    var all = cells().filter(function (c) { return c.classList.contains("review"); });
    if (!all.length) { return null; }
    if (after) {
      for (var i = 0; i < all.length; i++) {
        if (after.compareDocumentPosition(all[i]) & Node.DOCUMENT_POSITION_FOLLOWING) { return all[i]; }
      }
    }
    return all[0];
  }

  function refocus(s) {
    if (s.page) { window.location.reload(); return; }
    var same = byId("f-" + s.row + "-" + s.field);
    if (same && same.getAttribute("aria-invalid") === "true") { same.focus(); same.select(); return; }
    var next = nextReview(same);
    if (next) { next.focus(); next.select(); }
    else {
      /* nothing left under review: the rows' region joins the tab order (it may scroll) */
      var region = byId("rows-region"); if (region) { region.setAttribute("tabindex", "0"); }
      var st = byId("page-status"); if (st) { st.focus(); }
    }
  }

  function move(input, step) {
    var field = input.getAttribute("data-field");
    var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.vrow"));
    var idx = rows.indexOf(input.closest("tbody.vrow"));
    var to = rows[idx + step];
    if (!to) { return; }
    var cell = to.querySelector('input.cell[data-field="' + field + '"]');
    if (cell) { cell.focus(); cell.select(); }
  }

  /* marks the region of `el` (a row's <tbody>, or a field under review with its cell in data-bbox) */
  function showRow(tbody) {
    var img = byId("overlay"), wrap = byId("imgwrap"), mark = byId("mark");
    if (!img || !wrap || !mark || !tbody || !img.naturalWidth) { return; }
    var box = (tbody.getAttribute("data-bbox") || "").split(",").map(Number);
    if (box.length !== 4) { mark.hidden = true; return; }
    mark.classList.toggle("field", tbody instanceof HTMLInputElement);
    var k = img.clientWidth / img.naturalWidth * 0.5;   /* the overlay is drawn at half size */
    mark.hidden = false;
    mark.style.left = (box[0] * k) + "px";
    mark.style.top = (box[1] * k) + "px";
    mark.style.width = ((box[2] - box[0]) * k) + "px";
    mark.style.height = ((box[3] - box[1]) * k) + "px";
    wrap.scrollTop = Math.max(0, box[1] * k - 40);
    wrap.scrollLeft = zoomed ? Math.max(0, box[0] * k - 20) : 0;
  }

  function setZoom(on) {
    zoomed = on;
    var wrap = byId("imgwrap"), btn = byId("zoom");
    if (wrap) { wrap.classList.toggle("zoomed", on); }
    if (btn) { btn.setAttribute("aria-pressed", on ? "true" : "false"); }
    var row = current && byId("row-" + current.row);
    showRow(row || document.querySelector("tbody.vrow"));
  }

  document.addEventListener("focusin", function (e) {
    var el = e.target;
    if (!(el instanceof HTMLInputElement) || !el.classList.contains("cell")) { return; }
    document.querySelectorAll("tbody.vrow.current").forEach(function (r) { r.classList.remove("current"); });
    var tbody = el.closest("tbody.vrow");
    if (tbody) { tbody.classList.add("current"); showRow(el.hasAttribute("data-bbox") ? el : tbody); }
    current = {row: el.getAttribute("data-row"), field: el.getAttribute("data-field")};
  });

  document.addEventListener("keydown", function (e) {
    var el = e.target;
    if (e.altKey && (e.code === "KeyZ" || e.key === "z" || e.key === "Z")) {
      e.preventDefault(); setZoom(!zoomed); return;
    }
    if (!(el instanceof HTMLInputElement) || !el.classList.contains("cell")) { return; }
    if (e.key === "Enter") {
      e.preventDefault();
      if (el.value !== el.getAttribute("data-expected")) { save(el, "correct"); }
      else if (el.classList.contains("review")) { save(el, "confirm"); }
      else { var n = nextReview(el); if (n) { n.focus(); } }
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (el.classList.contains("page-field")) { return; }
      e.preventDefault(); move(el, e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Escape") {
      el.value = el.getAttribute("data-expected") || "";
    }
  });

  document.addEventListener("click", function (e) {
    var el = e.target;
    if (!(el instanceof HTMLElement)) { return; }
    if (el.id === "zoom") { setZoom(!zoomed); return; }
    if (el.classList.contains("confirm")) {
      var input = byId(el.getAttribute("data-for"));
      if (input) {
        save(input, input.value !== input.getAttribute("data-expected") ? "correct" : "confirm");
      }
    }
  });

  document.addEventListener("load", function (e) {
    if (e.target && e.target.id === "overlay") {
      var row = current && byId("row-" + current.row);
      if (row) { showRow(row); }
    }
  }, true);
})();
