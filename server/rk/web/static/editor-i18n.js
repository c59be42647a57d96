/* The editor's wording in the page language. YASGUI writes its interface in English and offers
   no translation: on a German page the strings it draws (texts, titles, labels, placeholders)
   are replaced as they appear, and DataTables gets its German language table. */
(function () {
  "use strict";

  const lang = document.documentElement.lang === "en" ? "en" : "de";
  const GERMAN = {
    "Query": "Abfrage",
    "Table": "Tabelle",
    "Response": "Antwort",
    "Chart": "Diagramm",
    "Simple view": "Einfache Ansicht",
    "Ellipse": "Kürzen",
    "Labels": "Bezeichnungen",
    "Filter query results": "Ergebnisse filtern",
    "Page size:": "Zeilen je Seite:",
    "All": "Alle",
    "Show all": "Alle zeigen",
    "Run query": "Abfrage ausführen",
    "Share query": "Abfrage teilen",
    "Add a new tab": "Neuer Tab",
    "Add tab": "Neuer Tab",
    "Close tab": "Tab schließen",
    "Download result": "Ergebnis herunterladen",
    "Download Results": "Ergebnis herunterladen",
    "Download not supported": "Herunterladen nicht möglich",
    "Shorten": "Kürzen",
    "cURL": "cURL",
    "An error has occurred": "Ein Fehler ist aufgetreten",
    "Unable to get response from endpoint. Possible reasons:": "Keine Antwort vom Endpunkt. Mögliche Gründe:",
    "Try query in a new browser window": "Abfrage in einem neuen Fenster versuchen",
    "cannot render result": "Ergebnis kann nicht angezeigt werden",
    "Nothing to autocomplete yet!": "Noch nichts zu vervollständigen.",
    "Press CTRL - <spacebar> to autocomplete": "Strg+Leertaste vervollständigt",
    "Failed fetching suggestions": "Vorschläge konnten nicht geladen werden",
    "This line is invalid. Expected:": "Diese Zeile ist ungültig. Erwartet:",
  };
  const GERMAN_PATTERNS = [
    [/^(\d+) results? in ([\d.]+) seconds?$/, (m, n, s) => `${n} ${n === "1" ? "Ergebnis" : "Ergebnisse"} in ${s.replace(".", ",")} s`],
    [/^(\d+) results?$/, (m, n) => `${n} ${n === "1" ? "Ergebnis" : "Ergebnisse"}`],
    [/^Response in ([\d.]+) seconds?$/, (m, s) => `Antwort in ${s.replace(".", ",")} s`],
    [/^Shows (.+) view$/, (m, name) => `Ansicht ${translate(name)} zeigen`],
    [/^Query( \d+)?$/, (m, n) => `Abfrage${n || ""}`],
    [/^View documentation of (.+)$/, (m, name) => `Dokumentation zu ${translate(name)} (englisch)`],
  ];
  const DATATABLES_GERMAN = {
    emptyTable: "Keine Ergebnisse",
    info: "_START_ bis _END_ von _TOTAL_",
    infoEmpty: "0 Ergebnisse",
    infoFiltered: "(gefiltert aus _MAX_)",
    zeroRecords: "Keine passenden Ergebnisse",
    paginate: { first: "Erste", last: "Letzte", next: "Nächste", previous: "Vorherige" },
    aria: { paginate: { first: "Erste Seite", last: "Letzte Seite", next: "Nächste Seite", previous: "Vorherige Seite" } },
  };
  const ATTRIBUTES = ["title", "aria-label", "placeholder"];

  function translate(text) {
    if (lang === "en" || !text) return text;
    const trimmed = text.trim();
    if (Object.prototype.hasOwnProperty.call(GERMAN, trimmed)) return text.replace(trimmed, GERMAN[trimmed]);
    for (const [pattern, replace] of GERMAN_PATTERNS) {
      if (pattern.test(trimmed)) return text.replace(trimmed, trimmed.replace(pattern, replace));
    }
    return text;
  }

  /* Translate one element's subtree: text nodes outside the query editor and results, and attributes. */
  function translateTree(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (!parent || parent.closest(".CodeMirror-line, td, pre, code")) return;
      const changed = translate(node.nodeValue);
      if (changed !== node.nodeValue) node.nodeValue = changed;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || node.closest(".CodeMirror-line")) return;
    for (const name of ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value) {
        const changed = translate(value);
        if (changed !== value) node.setAttribute(name, changed);
      }
    }
    node.childNodes.forEach(translateTree);
  }

  /* Keep `root` translated while YASGUI redraws it. */
  function watch(root) {
    if (lang === "en") return;
    translateTree(root);
    new MutationObserver(function (mutations) {
      for (const mutation of mutations) {
        if (mutation.type === "characterData") translateTree(mutation.target);
        else if (mutation.type === "attributes") translateTree(mutation.target);
        else mutation.addedNodes.forEach(translateTree);
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  }

  window.RkEditorText = {
    lang: lang,
    t: function (english, german) { return lang === "en" ? english : german; },
    translate: translate,
    watch: watch,
    dataTables: lang === "en" ? {} : DATATABLES_GERMAN,
  };
})();
