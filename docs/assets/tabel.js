// Tables of three columns or more read as cards on a phone (see situs.css): each cell gets its
// column's heading as a label. Without JavaScript the table stays a table and scrolls sideways.
(function () {
  "use strict";
  function label(table) {
    var heads = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0].cells : [];
    if (heads.length < 3) return;
    var names = Array.prototype.map.call(heads, function (cell) {
      return cell.textContent.replace(/\s+/g, " ").trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i]) cell.setAttribute("data-label", names[i]);
        });
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
