// Search-as-you-type for <select data-zoek-url>: the page holds only the current choice; Tom Select
// asks the portal (JSON, scoped to the user) for the matches of what is typed. See zio_portal/widgets.py.
(function () {
  "use strict";
  function opzetten(select) {
    if (select.tomselect || typeof TomSelect === "undefined") return;
    var url = select.dataset.zoekUrl;
    // Tom Select points the label at its own search field; the original <select> (hidden, still in the
    // form) keeps the label's text as its name, so no control of the page is left without one.
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var naam = select.getAttribute("aria-label") || (label ? label.textContent.trim() : "");
    new TomSelect(select, {
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      maxOptions: 20,
      // The empty choice ("Alle praktijken") is the placeholder; the clear button (or Backspace) returns to it.
      allowEmptyOption: false,
      plugins: { clear_button: { title: "Keuze wissen" } },
      preload: "focus",
      loadThrottle: 250,
      load: function (zoek, klaar) {
        fetch(url + "?q=" + encodeURIComponent(zoek), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (antwoord) { return antwoord.ok ? antwoord.json() : { resultaten: [] }; })
          .then(function (data) { klaar(data.resultaten); })
          .catch(function () { klaar(); });
      },
      render: {
        no_results: function () { return '<div class="no-results">Niets gevonden</div>'; },
        loading: function () { return '<div class="spinner-border spinner-border-sm m-2" role="status"><span class="visually-hidden">Zoeken…</span></div>'; },
      },
    });
    if (naam) select.setAttribute("aria-label", naam);
  }
  function alles(root) {
    (root || document).querySelectorAll("select[data-zoek-url]").forEach(opzetten);
  }
  document.addEventListener("DOMContentLoaded", function () { alles(document); });
  document.addEventListener("htmx:load", function (e) { alles(e.target); });
})();
