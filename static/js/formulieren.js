// Every form submits once: while a POST runs, its submit buttons are disabled (ordinary forms and
// htmx requests alike). The server holds the real guard (zio_portal/eenmalig.py: a token per
// rendered form, let through once); this only stops the second click from leaving the browser.
(function () {
  "use strict";

  var VELD = "_formulier";

  function nieuwToken() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    return btoa(String.fromCharCode.apply(null, bytes))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function knoppen(form) {
    var lijst = Array.prototype.slice.call(
      form.querySelectorAll("button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]")
    );
    if (form.id) {
      lijst = lijst.concat(Array.prototype.slice.call(
        document.querySelectorAll('button[form="' + form.id + '"], input[type=submit][form="' + form.id + '"]')
      ));
    }
    return lijst;
  }

  function bezig(form, aan) {
    if (aan) {
      form.dataset.zioBezig = "1";
      form.setAttribute("aria-busy", "true");
    } else {
      delete form.dataset.zioBezig;
      form.removeAttribute("aria-busy");
    }
    knoppen(form).forEach(function (knop) {
      if (aan) {
        if (!knop.disabled) {
          knop.disabled = true;
          knop.dataset.zioUitgezet = "1";
        }
      } else if (knop.dataset.zioUitgezet) {
        knop.disabled = false;
        delete knop.dataset.zioUitgezet;
      }
    });
  }

  function isPost(form) {
    return (form.getAttribute("method") || "").toLowerCase() === "post";
  }

  function isHtmx(form) {
    return form.hasAttribute("hx-post") || form.hasAttribute("data-hx-post");
  }

  // Ordinary forms: the browser sends the form, then the buttons go off (a tick later, so the
  // clicked button's own name and value still go along). A second submit is stopped here.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !isPost(form) || isHtmx(form)) {
      return;
    }
    if (form.dataset.zioBezig) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.dataset.zioBezig = "1";
    window.setTimeout(function () { bezig(form, true); }, 0);
    var doel = (form.getAttribute("target") || "_self").toLowerCase();
    if (doel !== "_self") {
      // The page stays (a new tab or a download): free the form again a little later.
      window.setTimeout(function () { bezig(form, false); }, 5000);
    }
  });

  // Back to a page from the browser's cache: its buttons work again; its token is the one already
  // used, so sending it once more shows the first result instead of saving twice.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      Array.prototype.forEach.call(document.querySelectorAll("form[data-zio-bezig]"), function (form) {
        bezig(form, false);
      });
    }
  });

  // htmx: the element that sent the request (a form or a button) is off until the answer is in.
  function htmxFormulier(elt) {
    if (elt instanceof HTMLFormElement) {
      return elt;
    }
    return elt && elt.closest ? elt.closest("form") : null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var verb = (event.detail.requestConfig && event.detail.requestConfig.verb) || "";
    if (verb.toLowerCase() === "get") {
      return;
    }
    var form = htmxFormulier(elt);
    if (form && form.dataset.zioBezig) {
      event.preventDefault();
      return;
    }
    if (form) {
      bezig(form, true);
    } else if (elt && "disabled" in elt) {
      elt.disabled = true;
      elt.dataset.zioUitgezet = "1";
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail.elt;
    var form = htmxFormulier(elt);
    if (form && document.body.contains(form)) {
      bezig(form, false);
      // The form stays on the page for the next entry: that entry is a new submission.
      var veld = form.querySelector('input[name="' + VELD + '"]');
      if (veld) {
        veld.value = nieuwToken();
      }
    } else if (elt && elt.dataset && elt.dataset.zioUitgezet) {
      elt.disabled = false;
      delete elt.dataset.zioUitgezet;
    }
  });
})();

// A field that only applies to one choice of another field (the doelgroep of an MDO): an element
// with data-toon-bij="veld=waarde" is shown only while that field of its form has that value. Without
// JavaScript it simply stays visible; the server checks the combination either way.
(function () {
  "use strict";

  function bijwerken(form) {
    form.querySelectorAll("[data-toon-bij]").forEach(function (blok) {
      var delen = blok.getAttribute("data-toon-bij").split("=");
      var veld = form.elements.namedItem(delen[0]);
      if (veld) {
        blok.hidden = veld.value !== delen[1];
      }
    });
  }

  function alle() {
    document.querySelectorAll("form").forEach(function (form) {
      if (form.querySelector("[data-toon-bij]")) {
        bijwerken(form);
      }
    });
  }

  document.addEventListener("change", function (event) {
    var form = event.target && event.target.form;
    if (form && form.querySelector("[data-toon-bij]")) {
      bijwerken(form);
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", alle);
  } else {
    alle();
  }
})();
