/* The SPARQL editor: YASGUI (vendored) on this server's /sparql, fed from the page's plain form.
   Nothing is fetched from other hosts: no prefix or vocabulary look-ups, no endpoint catalogue. */
(function () {
  "use strict";

  const root = document.getElementById("editor");
  const form = document.getElementById("query-form");
  const catalogue = document.getElementById("catalogue");
  const links = document.getElementById("editor-links");
  if (!root || typeof Yasgui === "undefined") return;

  const endpoint = root.dataset.endpoint;
  const GRAPH_FORMS = ["CONSTRUCT", "DESCRIBE"];
  const DOWNLOADS = {
    solutions: [["CSV", "csv", "csv"], ["JSON", "json", "json"]],
    graph: [["Turtle", "ttl", "ttl"], ["JSON-LD", "jsonld", "jsonld"]],
  };

  // the table's "Simple view" on in every tab: values as text, without datatype IRIs
  // and quotes (a tab's YASR takes its plugin settings from these defaults)
  const table = Yasgui.Yasr.defaults.plugins.table;
  table.dynamicConfig = { ...table.dynamicConfig, compact: true };

  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,
    persistenceId: null,
    autofocus: false,
    endpointCatalogueOptions: { getData: () => [] },
    yasqe: {
      value: root.dataset.newTab,
      persistenceId: null,
      prefixCcApi: null,
      autocompleters: ["prefixes", "variables"],
      createShareableLink: function (yasqe) {
        return new URL(sparqlUrl({ query: yasqe.getValue() }), location.href).href;
      },
      editorHeight: "22rem",
    },
    yasr: { persistenceId: null, defaultPlugin: "table" },
  });

  const names = {};  // tab id -> file name of its downloads (the catalogue query's name)
  const watched = new WeakSet();

  function tab() {
    return yasgui.getTab();
  }

  function sparqlUrl(params) {
    return endpoint + "?" + new URLSearchParams(params).toString();
  }

  /* Keep the permalink and the download links in step with the current tab's query. */
  function refreshLinks() {
    const yasqe = tab() && tab().getYasqe();
    if (!yasqe) return;
    if (!watched.has(yasqe)) {
      watched.add(yasqe);
      yasqe.on("change", refreshLinks);
    }
    const query = yasqe.getValue();
    const kind = GRAPH_FORMS.includes(yasqe.getQueryType()) ? "graph" : "solutions";
    const name = names[tab().getId()] || "query";
    document.getElementById("permalink").href = sparqlUrl({ query: query });
    DOWNLOADS[kind].forEach(function ([label, format, suffix], index) {
      const link = document.getElementById("download-" + (index + 1));
      link.textContent = label;
      link.href = sparqlUrl({ query: query, format: format });
      link.download = name + "." + suffix;
    });
  }

  /* Load a catalogue query into the current tab. */
  function load(option) {
    return fetch(option.dataset.url, { headers: { Accept: "application/sparql-query" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + option.dataset.url);
        return response.text();
      })
      .then(function (query) {
        names[tab().getId()] = option.value;
        document.getElementById("catalogue-description").textContent = option.dataset.description;
        tab().setQuery(query);
        refreshLinks();
      });
  }

  if (root.dataset.name) names[tab().getId()] = root.dataset.name;
  tab().setQuery(document.getElementById("query").value);
  ["tabSelect", "tabAdd"].forEach(function (event) {
    yasgui.on(event, function () {
      window.setTimeout(refreshLinks, 0);
    });
  });
  form.hidden = true;
  links.hidden = false;
  refreshLinks();

  if (catalogue) {
    catalogue.addEventListener("change", function () {
      load(catalogue.selectedOptions[0]);
    });
    document.getElementById("catalogue-form").addEventListener("submit", function (event) {
      event.preventDefault();
      load(catalogue.selectedOptions[0]);
    });
  }

  document.getElementById("copy-permalink").addEventListener("click", function () {
    const url = new URL(document.getElementById("permalink").href, location.href).href;
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
  });

  if (root.dataset.run === "true") tab().getYasqe().query().catch(function () {});
})();
