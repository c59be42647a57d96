/* The SPARQL editor: YASGUI (vendored) on this server's /sparql, fed from the page's plain form.
   Nothing is fetched from other hosts: completion, labels and the catalogue come from this
   server (editor-complete.js, editor-table.js), charts from the vendored Chart.js
   (editor-chart.js), the wording from editor-i18n.js, the code panel from code.js.
   Keyboard: Tab and Shift+Tab leave the editor, Ctrl+Enter runs the query; the example
   selector loads only with its button; results are announced in #editor-status. */
(function () {
  "use strict";

  const root = document.getElementById("editor");
  const form = document.getElementById("query-form");
  const catalogue = document.getElementById("catalogue");
  const links = document.getElementById("editor-links");
  const status = document.getElementById("editor-status");
  const text = window.RkEditorText || { t: function (en) { return en; }, watch: function () {} };
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

  text.watch(root);
  const yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,
    persistenceId: null,
    autofocus: false,
    tabName: text.t("Query", "Abfrage"),
    endpointCatalogueOptions: { getData: () => [] },
    yasqe: {
      value: root.dataset.newTab,
      persistenceId: null,
      prefixCcApi: null,
      autocompleters: window.RkCompletion ? window.RkCompletion.names : ["variables"],
      // Tab and Shift+Tab move the focus out of the editor (WCAG 2.1.2); Ctrl+] / Ctrl+[ indent
      extraKeys: { Tab: false, "Shift-Tab": false },
      // the editable area itself takes the focus (not a hidden textarea beside the scroller):
      // screen readers read the text, and the scrolling region holds the focusable element
      inputStyle: "contenteditable",
      createShareableLink: function (yasqe) {
        return new URL(sparqlUrl({ query: yasqe.getValue() }), location.href).href;
      },
      editorHeight: "22rem",
    },
    yasr: { persistenceId: null, defaultPlugin: "table" },
  });

  fixTabList();

  const names = {};  // tab id -> file name of its downloads (the catalogue query's name)
  const charts = {};  // tab id -> the chart its catalogue query asks for ("bar label value")
  const apis = {};  // tab id -> the example API call of its catalogue query
  const watched = new WeakSet();

  function tab() {
    return yasgui.getTab();
  }

  function sparqlUrl(params) {
    return endpoint + "?" + new URLSearchParams(params).toString();
  }

  function announce(message) {
    status.textContent = message;
  }

  /* YASGUI puts its "+" button inside the tab list, where only tabs belong (ARIA): move it after
     the list (leaving YASGUI's empty wrapper, before which it inserts new tabs), and let the arrow
     keys move among the tabs only (YASGUI's own handler also visits the wrapper). */
  function fixTabList() {
    const list = root.querySelector(".tabsList");
    const add = list && list.querySelector("button.addTab");
    if (!add) return;
    const holder = document.createElement("div");
    holder.className = "rk-add-tab";
    holder.appendChild(add);
    list.after(holder);
    root.addEventListener("keydown", function (event) {
      if (!(event.key === "ArrowLeft" || event.key === "ArrowRight") || !list.contains(event.target)) return;
      if (event.target.closest(".tab input")) return;  // renaming a tab
      event.stopPropagation();
      event.preventDefault();
      const tabs = Array.from(list.querySelectorAll("[role=tab]"));
      const at = tabs.indexOf(event.target.closest("[role=tab]"));
      const next = tabs[(at + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      tabs.forEach(function (t) { t.setAttribute("tabindex", t === next ? "0" : "-1"); });
      next.focus();
    }, true);
  }

  /* Label the editor's textarea, link it to the keyboard hint, and announce its results. */
  function prepare(current) {
    const yasqe = current.getYasqe();
    if (!yasqe || watched.has(yasqe)) return;
    watched.add(yasqe);
    const input = yasqe.getInputField();
    input.setAttribute("role", "textbox");
    input.setAttribute("aria-multiline", "true");
    input.setAttribute("aria-label", root.dataset.label);
    input.setAttribute("aria-describedby", "editor-keys");
    yasqe.on("change", refreshLinks);
    yasqe.on("query", function () {
      announce(text.t("Running the query …", "Die Abfrage läuft …"));
      const chart = charts[current.getId()];
      if (chart) {  // a counting catalogue query opens with its chart, once
        delete charts[current.getId()];
        openChart(current, chart);
      }
    });
    yasqe.on("queryResponse", function () {
      window.setTimeout(function () { reportResults(current); }, 0);
    });
  }

  function reportResults(current) {
    const yasr = current.getYasr();
    const results = yasr && yasr.results;
    if (!results) return;
    const error = results.getError && results.getError();
    if (error) {
      announce(text.t("The query failed: ", "Die Abfrage ist fehlgeschlagen: ") + (error.text || error.statusText || error.status || ""));
      return;
    }
    const bindings = results.getBindings && results.getBindings();
    const seconds = (results.getResponseTime() / 1000).toLocaleString(text.lang === "en" ? "en" : "de");
    if (bindings) {
      announce(text.t(`${bindings.length} results in ${seconds} s.`, `${bindings.length} Ergebnisse in ${seconds} s.`));
    } else {
      announce(text.t(`Answer received in ${seconds} s.`, `Antwort in ${seconds} s erhalten.`));
    }
  }

  /* Show the result of `current` as the chart its catalogue query asks for. */
  function openChart(current, chart) {
    const [kind, label, value] = chart.split(" ");
    const yasr = current.getYasr();
    if (!yasr.plugins.chart) return;
    yasr.config.plugins.chart.dynamicConfig = { kind: kind, label: label, value: value };
    yasr.selectPlugin("chart");
  }

  /* Keep the permalink, the download links and the code panel in step with the current tab's query. */
  function refreshLinks() {
    const current = tab();
    const yasqe = current && current.getYasqe();
    if (!yasqe) return;
    prepare(current);
    const query = yasqe.getValue();
    const kind = GRAPH_FORMS.includes(yasqe.getQueryType()) ? "graph" : "solutions";
    const name = names[current.getId()] || "query";
    document.getElementById("permalink").href = sparqlUrl({ query: query });
    DOWNLOADS[kind].forEach(function ([label, format, suffix], index) {
      const link = document.getElementById("download-" + (index + 1));
      link.textContent = label;
      link.href = sparqlUrl({ query: query, format: format });
      link.download = name + "." + suffix;
    });
    refreshCode(query, apis[current.getId()]);
  }

  function refreshCode(query, api) {
    if (!window.RkCode) return;
    document.getElementById("code-section").hidden = false;
    window.RkCode.show(document.getElementById("code-panel"), { endpoint: endpoint, query: query });
    const apiBlock = document.getElementById("api-code");
    apiBlock.hidden = !api;
    if (api) {
      const link = document.getElementById("api-url");
      link.href = api;
      link.textContent = api;
      window.RkCode.show(document.getElementById("api-code-panel"), { url: api });
    }
  }

  /* Load a catalogue query into the current tab (only ever on the "Load" button). */
  function load(option) {
    return fetch(option.dataset.url, { headers: { Accept: "application/sparql-query" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + option.dataset.url);
        return response.text();
      })
      .then(function (query) {
        const id = tab().getId();
        names[id] = option.value;
        charts[id] = option.dataset.chart || "";
        apis[id] = option.dataset.api || "";
        document.getElementById("catalogue-description").textContent = option.dataset.description;
        tab().setQuery(query);
        if (!charts[id] && tab().getYasr().getSelectedPluginName() === "chart") tab().getYasr().selectPlugin("table");
        refreshLinks();
        announce(text.t("Loaded: ", "Geladen: ") + option.textContent);
      });
  }

  const first = tab().getId();
  if (root.dataset.name) names[first] = root.dataset.name;
  charts[first] = root.dataset.chart || "";
  apis[first] = root.dataset.api || "";
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
