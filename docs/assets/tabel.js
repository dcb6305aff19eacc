// Tables of three columns or more read as cards on a phone (see situs.css): each cell gets its
// column's heading as a label. Without JavaScript the table stays a table and scrolls sideways.
(function () {
  "use strict";
  var SHORT = 32; // characters: a value this long fits beside its label at 360 px
  function label(table) {
    var heads = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0].cells : [];
    if (heads.length < 3) return;
    var names = Array.prototype.map.call(heads, function (cell) {
      return cell.textContent.replace(/\s+/g, " ").trim();
    });
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.push.apply(rows, body.rows);
    });
    // A column whose every value is short puts its label beside the value, not above it: a
    // card of the 552 secretariats' list is then half as tall.
    var short = names.map(function (_, i) {
      return rows.every(function (row) {
        var cell = row.cells[i];
        return !cell || cell.textContent.trim().length <= SHORT;
      });
    });
    rows.forEach(function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (!names[i]) return;
        cell.setAttribute("data-label", names[i]);
        if (short[i]) cell.setAttribute("data-pendek", "");
      });
    });
    table.setAttribute("data-kartu", "");
  }
  function labelAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), label);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", labelAll);
  } else {
    labelAll();
  }
})();
