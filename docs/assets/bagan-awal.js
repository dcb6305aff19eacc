// Opens every wide chart on its root box: the box of the unit being viewed (class "saat-ini"),
// else the top box (charts are drawn top to bottom, so the top box has no line coming in).
// Without this a wide chart opens on its left edge and the Sekretariat Jenderal is off-screen.
(function () {
  "use strict";
  function rootBox(svg) {
    var current = svg.querySelector("g.node.saat-ini");
    if (current) return current;
    var best = null;
    var top = Infinity;
    Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (node) {
      var box = node.getBoundingClientRect();
      if (box.top < top - 1) {
        top = box.top;
        best = node;
      }
    });
    return best;
  }
  function centre(scroller) {
    if (scroller.scrollWidth <= scroller.clientWidth) return;
    var svg = scroller.querySelector("svg");
    var node = svg && rootBox(svg);
    if (!node) return;
    var box = node.getBoundingClientRect();
    var frame = scroller.getBoundingClientRect();
    var middle = frame.left + scroller.clientLeft + scroller.clientWidth / 2;
    scroller.scrollLeft += box.left + box.width / 2 - middle;
    scroller.setAttribute("data-awal", String(scroller.scrollLeft));
  }
  // onlyUntouched: after a resize (a phone turned sideways), re-centre only the charts the
  // reader has not scrolled since, so their own position is never taken away from them.
  function centreAll(onlyUntouched) {
    Array.prototype.forEach.call(document.querySelectorAll(".bagan__gulir"), function (scroller) {
      var set = scroller.getAttribute("data-awal");
      if (onlyUntouched && set !== null && set !== String(scroller.scrollLeft)) return;
      centre(scroller);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { centreAll(false); });
  } else {
    centreAll(false);
  }
  window.addEventListener("resize", function () { centreAll(true); });
})();
