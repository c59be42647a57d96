/* YASR's table with labels: every IRI of this dataset in a result cell shows its label in the
   page language and links to its page here; the full IRI stays in the link's title, in the
   table's filter and sort, and one switch ("Labels") shows the IRIs instead. IRIs of other
   datasets stay as they are. Labels: /sparql/labels.json, fetched once. */
(function () {
  "use strict";

  if (typeof Yasgui === "undefined") return;
  const Yasr = Yasgui.Yasr;
  const Table = Yasr.plugins.table;
  const root = document.getElementById("editor");
  const text = window.RkEditorText;
  const explicitLang = new URLSearchParams(location.search).get("lang");

  const EMPTY = { pages: {}, labels: {} };
  let labelsPromise = null;
  let loaded = null;  // the labels once they have arrived: draws then need not wait
  function labels() {
    if (!labelsPromise) {
      labelsPromise = fetch(root.dataset.labels, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : EMPTY; })
        .catch(function () { return EMPTY; })
        .then(function (data) { loaded = data; return data; });
    }
    return labelsPromise;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The label and page of `iri`, if it is one of ours. */
  function ours(data, iri) {
    const label = data.labels[iri];
    if (!label) return null;
    for (const prefix in data.pages) {
      if (iri.startsWith(prefix)) {
        const rest = iri.slice(prefix.length);
        const page = data.pages[prefix];
        const query = explicitLang && page.indexOf("#") < 0 ? "?lang=" + encodeURIComponent(explicitLang) : "";
        return { label: label, href: page.indexOf("#") >= 0 ? page + rest : page + rest + query };
      }
    }
    return null;
  }

  class LabelledTable extends Table {
    constructor(yasr) {
      super(yasr);
      this.data = { pages: {}, labels: {} };
    }

    draw(persistentConfig) {
      if (loaded) {
        this.data = loaded;
        return super.draw(persistentConfig);
      }
      // YASR empties the results before a draw: empty them again when the labels arrive
      return labels().then((data) => {
        this.data = data;
        while (this.yasr.resultsEl.firstChild) this.yasr.resultsEl.firstChild.remove();
        return super.draw(persistentConfig);
      });
    }

    showsLabels() {
      return this.persistentConfig.labels !== false;
    }

    getCellContent(binding, prefixes) {
      const found = binding.type === "uri" && this.showsLabels() ? ours(this.data, binding.value) : null;
      if (!found) return super.getCellContent(binding, prefixes);
      return `<div><span><a class="iri rk-labelled" href="${escapeHtml(found.href)}" title="${escapeHtml(binding.value)}" ` +
        `data-iri="${escapeHtml(binding.value)}">${escapeHtml(found.label)}</a></span></div>`;
    }

    getColumns() {
      const columns = super.getColumns();
      columns.slice(1).forEach((column) => {
        const render = column.render;
        column.render = (data, type, row, meta) => {
          if (data && data.type === "uri" && (type === "filter" || type === "sort")) {
            const found = this.showsLabels() ? ours(this.data, data.value) : null;
            return found ? (type === "sort" ? found.label : found.label + " " + data.value) : data.value;
          }
          return render(data, type, row, meta);
        };
      });
      return columns;
    }

    drawControls() {
      super.drawControls();
      const wrapper = document.createElement("div");
      const toggle = document.createElement("label");
      toggle.className = "switch";
      const caption = document.createElement("span");
      caption.className = "label";
      caption.textContent = text ? text.t("Labels", "Bezeichnungen") : "Labels";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.className = "rk-labels-switch";
      box.defaultChecked = this.showsLabels();
      toggle.append(caption, box);
      toggle.addEventListener("change", () => {
        this.persistentConfig.labels = box.checked;
        this.draw(this.persistentConfig);
        this.yasr.storePluginConfig("table", this.persistentConfig);
      });
      wrapper.appendChild(toggle);
      this.tableControls.insertBefore(wrapper, this.tableControls.firstChild);
      const sizer = this.tableControls.querySelector("select.tableSizer");
      if (sizer) sizer.setAttribute("aria-label", text ? text.t("Page size", "Zeilen je Seite") : "Page size");
    }
  }

  Table.defaults.tableConfig.language = Object.assign({}, Table.defaults.tableConfig.language, text ? text.dataTables : {});
  const dynamic = (Yasr.defaults.plugins.table || {}).dynamicConfig;
  Yasr.registerPlugin("table", LabelledTable);
  if (dynamic) Yasr.defaults.plugins.table.dynamicConfig = dynamic;
  labels();
  window.RkLabels = { labels: labels, ours: ours, loaded: function () { return loaded || EMPTY; } };
})();
