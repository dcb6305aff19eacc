// Gives the theme's search dialog an accessible name, which the theme leaves out.
(function () {
  "use strict";
  function name() {
    Array.prototype.forEach.call(document.querySelectorAll('.md-search[role="dialog"]'), function (dialog) {
      if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Pencarian");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", name);
  } else {
    name();
  }
})();
