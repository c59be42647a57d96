/* "Code" panels: the current query (or an API URL) as curl, Python (SPARQLWrapper; requests +
   pandas), R and JavaScript fetch. RkCode.panel(container) draws a language choice, the code
   and a copy button; RkCode.show(container, source) fills it, where source is
   {endpoint, query} or {url}. Elements with data-api-url (the /api page) get a panel at load. */
(function () {
  "use strict";

  const german = document.documentElement.lang !== "en";
  const t = function (en, de) { return german ? de : en; };

  function pyString(text) {
    return text.includes('"""') || text.endsWith('"') ? JSON.stringify(text) : '"""' + text.replace(/\\/g, "\\\\") + '"""';
  }
  function shellQuote(text) {
    return "'" + text.replace(/'/g, "'\\''") + "'";
  }
  function rString(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") + '"';
  }
  function csvUrl(url) {
    const parsed = new URL(url);
    parsed.pathname = parsed.pathname.replace(/(\.(json|srj|csv|tsv))?$/, ".csv");
    parsed.searchParams.delete("format");
    return parsed.href;
  }

  function forQuery(endpoint, query) {
    return [
      ["curl", "curl", "curl -H 'Accept: text/csv' \\\n  --data-urlencode query=" + shellQuote(query) + " \\\n  " + endpoint],
      ["sparqlwrapper", "Python (SPARQLWrapper)",
        "from SPARQLWrapper import JSON, SPARQLWrapper\n\n" +
        "sparql = SPARQLWrapper(" + JSON.stringify(endpoint) + ")\n" +
        "sparql.setMethod(\"POST\")\nsparql.setReturnFormat(JSON)\n" +
        "sparql.setQuery(" + pyString(query) + ")\n" +
        "rows = sparql.queryAndConvert()[\"results\"][\"bindings\"]\n" +
        "for row in rows:\n    print({name: value[\"value\"] for name, value in row.items()})\n"],
      ["pandas", "Python (requests + pandas)",
        "import io\n\nimport pandas as pd\nimport requests\n\n" +
        "query = " + pyString(query) + "\n" +
        "answer = requests.post(" + JSON.stringify(endpoint) + ", data={\"query\": query},\n" +
        "                       headers={\"Accept\": \"text/csv\"}, timeout=30)\n" +
        "answer.raise_for_status()\n" +
        "table = pd.read_csv(io.StringIO(answer.text))\nprint(table)\n"],
      ["r", "R",
        "library(httr)\n\n" +
        "query <- " + rString(query) + "\n" +
        "answer <- POST(" + rString(endpoint) + ", body = list(query = query), encode = \"form\",\n" +
        "               accept(\"text/csv\"))\n" +
        "table <- read.csv(text = content(answer, as = \"text\", encoding = \"UTF-8\"))\nprint(table)\n"],
      ["fetch", "JavaScript (fetch)",
        "const query = " + JSON.stringify(query) + ";\n" +
        "const answer = await fetch(" + JSON.stringify(endpoint) + ", {\n" +
        "  method: \"POST\",\n" +
        "  headers: { Accept: \"application/sparql-results+json\" },\n" +
        "  body: new URLSearchParams({ query }),\n});\n" +
        "const rows = (await answer.json()).results.bindings;\nconsole.table(rows.map((row) =>\n" +
        "  Object.fromEntries(Object.entries(row).map(([name, term]) => [name, term.value]))));\n"],
    ];
  }

  function forUrl(url) {
    return [
      ["curl", "curl", "curl " + shellQuote(url)],
      ["pandas", "Python (requests + pandas)",
        "import pandas as pd\nimport requests\n\n" +
        "answer = requests.get(" + JSON.stringify(url) + ", timeout=30)\n" +
        "answer.raise_for_status()\n" +
        "table = pd.DataFrame(answer.json()[\"rows\"])\nprint(table)\n\n" +
        "# or as CSV: pd.read_csv(" + JSON.stringify(csvUrl(url)) + ")\n"],
      ["r", "R", "table <- read.csv(" + rString(csvUrl(url)) + ")\nprint(table)\n"],
      ["fetch", "JavaScript (fetch)",
        "const answer = await fetch(" + JSON.stringify(url) + ");\n" +
        "const { rows, next } = await answer.json();\nconsole.table(rows);\n"],
    ];
  }

  /* Draw an empty panel into `container`: a heading, the language choice, the code, copy. */
  function panel(container) {
    if (container.querySelector(".rk-code")) return container;
    const id = "rk-code-" + Math.random().toString(36).slice(2, 8);
    container.innerHTML = "";
    const details = document.createElement("details");
    details.className = "rk-code";
    const summary = document.createElement("summary");
    summary.textContent = "Code";
    const bar = document.createElement("p");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = t("Language", "Sprache") + " ";
    const select = document.createElement("select");
    select.id = id;
    select.className = "rk-code-language";
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "rk-code-copy";
    copy.textContent = t("Copy code", "Code kopieren");
    const status = document.createElement("span");
    status.className = "rk-code-status";
    status.setAttribute("role", "status");
    bar.append(label, select, " ", copy, " ", status);
    const pre = document.createElement("pre");
    pre.tabIndex = 0;
    pre.setAttribute("aria-label", "Code");
    const code = document.createElement("code");
    pre.appendChild(code);
    details.append(summary, bar, pre);
    container.appendChild(details);
    select.addEventListener("change", function () { render(container); });
    copy.addEventListener("click", function () {
      const done = function () { status.textContent = t("Copied.", "Kopiert."); };
      if (navigator.clipboard) navigator.clipboard.writeText(code.textContent).then(done, function () {});
    });
    return container;
  }

  function render(container) {
    const select = container.querySelector(".rk-code-language");
    const snippets = container.rkSnippets || [];
    const chosen = snippets.find(function (s) { return s[0] === select.value; }) || snippets[0];
    container.querySelector("code").textContent = chosen ? chosen[2] : "";
    container.querySelector(".rk-code-status").textContent = "";
  }

  /* Show the code for `source` ({endpoint, query} or {url}) in the panel `container`. */
  function show(container, source) {
    panel(container);
    const select = container.querySelector(".rk-code-language");
    const previous = select.value;
    container.rkSnippets = source.url ? forUrl(source.url) : forQuery(source.endpoint, source.query);
    select.replaceChildren(...container.rkSnippets.map(function ([key, name]) {
      const option = document.createElement("option");
      option.value = key;
      option.textContent = name;
      option.selected = key === previous;
      return option;
    }));
    render(container);
  }

  window.RkCode = { forQuery: forQuery, forUrl: forUrl, panel: panel, show: show };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-api-url]").forEach(function (element) {
      show(element, { url: new URL(element.dataset.apiUrl, location.href).href });
    });
  });
})();
