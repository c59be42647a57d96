/* A YASR plugin "chart": bar, line or pie charts (the vendored Chart.js) for any result with a
   label column and a number column. The plugin's controls choose the kind and the columns; a
   catalogue query whose header says `# chart: KIND label=VAR value=VAR` opens with its chart
   (editor.js sets the plugin's configuration). The canvas is an image whose name says what it
   shows; the table view holds the same values. */
(function () {
  "use strict";

  if (typeof Yasgui === "undefined" || typeof Chart === "undefined") return;
  const Yasr = Yasgui.Yasr;
  const text = window.RkEditorText || { t: function (en) { return en; } };
  const KINDS = { bar: ["bar chart", "Balkendiagramm"], line: ["line chart", "Liniendiagramm"], pie: ["pie chart", "Tortendiagramm"] };
  const COLOURS = ["#1f5f99", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"];
  const MAX_POINTS = 200;

  function isNumber(binding) {
    return binding && binding.type !== "uri" && binding.value !== "" && !isNaN(Number(binding.value)) &&
      (!binding.datatype || /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/.test(binding.datatype));
  }

  /* The variables whose values are all numbers, and all the others. */
  function columns(results) {
    const variables = results.getVariables();
    const bindings = results.getBindings() || [];
    const numeric = variables.filter(function (v) {
      const present = bindings.filter(function (b) { return b[v]; });
      return present.length > 0 && present.every(function (b) { return isNumber(b[v]); });
    });
    return { numeric: numeric, labels: variables.filter(function (v) { return !numeric.includes(v); }), all: variables };
  }

  function caption(binding) {
    if (!binding) return "";
    const labelled = window.RkLabels && window.RkLabels.loaded().labels[binding.value];
    return labelled || binding.value;
  }

  class ChartPlugin {
    constructor(yasr) {
      this.yasr = yasr;
      this.label = "Chart";
      this.priority = 5;  // below the table: offered, chosen by the catalogue header or by hand
      this.chart = null;
    }

    canHandleResults() {
      const results = this.yasr.results;
      if (!results || !results.getVariables() || !(results.getBindings() || []).length) return false;
      const found = columns(results);
      return found.numeric.length > 0 && found.all.length > 1;
    }

    getIcon() {
      const icon = document.createElement("span");
      icon.className = "rk-chart-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "▮▯▮";
      return icon;
    }

    draw(persistentConfig) {
      const config = Object.assign({ kind: "bar" }, persistentConfig || {});
      const found = columns(this.yasr.results);
      const value = found.numeric.includes(config.value) ? config.value : found.numeric[found.numeric.length - 1];
      const label = found.all.includes(config.label) && config.label !== value ? config.label
        : (found.labels[0] || found.all.find(function (v) { return v !== value; }));
      const kind = KINDS[config.kind] ? config.kind : "bar";
      this.persistentConfig = { kind: kind, label: label, value: value };

      const wrapper = document.createElement("div");
      wrapper.className = "rk-chart";
      wrapper.appendChild(this.controls(found));
      const frame = document.createElement("div");
      frame.className = "rk-chart-frame";
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      const bindings = (this.yasr.results.getBindings() || []).slice(0, MAX_POINTS);
      const kindName = text.t(KINDS[kind][0], KINDS[kind][1]);
      canvas.setAttribute("aria-label", text.t(
        `${kindName[0].toUpperCase() + kindName.slice(1)}: ${value} by ${label}, ${bindings.length} values; the table view lists them`,
        `${kindName}: ${value} je ${label}, ${bindings.length} Werte; die Tabellenansicht nennt sie`));
      frame.appendChild(canvas);
      wrapper.appendChild(frame);
      this.yasr.resultsEl.appendChild(wrapper);
      if (this.chart) this.chart.destroy();
      this.chart = new Chart(canvas, {
        type: kind,
        data: {
          labels: bindings.map(function (b) { return caption(b[label]); }),
          datasets: [{
            label: value,
            data: bindings.map(function (b) { return b[value] ? Number(b[value].value) : null; }),
            backgroundColor: kind === "pie" ? bindings.map(function (_, i) { return COLOURS[i % COLOURS.length]; }) : COLOURS[0],
            borderColor: COLOURS[0],
          }],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: { legend: { display: kind === "pie" } },
        },
      });
    }

    controls(found) {
      const bar = document.createElement("div");
      bar.className = "rk-chart-controls";
      const choose = (name, caption, options, selected) => {
        const id = "rk-chart-" + name + "-" + Math.random().toString(36).slice(2, 8);
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = caption;
        const select = document.createElement("select");
        select.id = id;
        select.className = "rk-chart-" + name;
        options.forEach(function ([value, text]) {
          const option = document.createElement("option");
          option.value = value;
          option.textContent = text;
          option.selected = value === selected;
          select.appendChild(option);
        });
        select.addEventListener("change", () => {
          this.persistentConfig[name] = select.value;
          this.yasr.storePluginConfig("chart", this.persistentConfig);
          this.yasr.draw();
        });
        bar.append(label, select);
      };
      const config = this.persistentConfig;
      choose("kind", text.t("Chart", "Diagramm"), Object.keys(KINDS).map(function (k) { return [k, text.t(KINDS[k][0], KINDS[k][1])]; }), config.kind);
      choose("label", text.t("Labels", "Beschriftung"), found.all.filter(function (v) { return v !== config.value; }).map(function (v) { return [v, v]; }), config.label);
      choose("value", text.t("Numbers", "Zahlen"), found.numeric.map(function (v) { return [v, v]; }), config.value);
      return bar;
    }

    destroy() {
      if (this.chart) this.chart.destroy();
      this.chart = null;
    }
  }

  Yasr.registerPlugin("chart", ChartPlugin);
})();
