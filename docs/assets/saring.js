// Filters the national list of secretariats by name and province, on this page only.
// Without JavaScript the whole list stays visible; nothing is loaded from elsewhere.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function setUp(box) {
    var table = document.getElementById(box.getAttribute("data-saring-untuk"));
    if (!table) return;
    var input = box.querySelector("[data-saring-teks]");
    var select = box.querySelector("[data-saring-provinsi]");
    var result = box.querySelector("[data-saring-hasil]");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return normalise(row.textContent); });

    function apply() {
      var words = normalise(input.value).split(/\s+/).filter(Boolean);
      var province = select.value;
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = (!province || row.getAttribute("data-provinsi") === province) &&
          words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      result.textContent = shown + " dari " + rows.length + " sekretariat ditampilkan.";
    }

    input.addEventListener("input", apply);
    select.addEventListener("change", apply);
    box.hidden = false;
    apply();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-saring-untuk]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
