// Start YASGUI on the SPARQL page: our endpoint only, the ontology's prefixes,
// catalogue queries as examples.  Settings come from data attributes, so the
// page needs no inline script (Content-Security-Policy: script-src 'self').
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (!root || typeof Yasgui === "undefined") { return; }
  var endpoint = new URL(root.dataset.endpoint, window.location.href).href;
  var prefixes = JSON.parse(root.dataset.prefixes || "{}");
  var defaultQuery = root.dataset.defaultQuery || "";

  Yasgui.Yasqe.defaults.value = defaultQuery;
  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    yasqe: { value: defaultQuery },
    persistenceId: "frkg-yasgui"
  });

  function activeYasqe() {
    return yasgui.getTab().getYasqe();
  }

  var addPrefixes = document.getElementById("add-prefixes");
  if (addPrefixes) {
    addPrefixes.addEventListener("click", function () { activeYasqe().addPrefixes(prefixes); });
  }

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var tab = yasgui.addTab(true, { name: button.dataset.title });
      var yasqe = tab.getYasqe();
      yasqe.setValue(button.dataset.query);
    });
  });
  window.frkgYasgui = yasgui;
})();
