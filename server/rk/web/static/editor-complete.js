/* Completion from this dataset (no other host is asked): the prefixes of rk.namespaces, classes
   after `a`, properties in predicate position (those the subject's class uses first) and
   instances by label. Vocabulary: /sparql/vocabulary.json (once); instances:
   /sparql/instances.json?q=… as you type. Registered as YASQE autocompleters rkPrefixes,
   rkClasses, rkProperties, rkInstances. */
(function () {
  "use strict";

  if (typeof Yasgui === "undefined") return;
  const Yasqe = Yasgui.Yasqe;
  const root = document.getElementById("editor");
  const lang = document.documentElement.lang === "en" ? "en" : "de";
  const MAX_SUGGESTIONS = 40;
  const KEYWORDS = new Set(("select construct describe ask where from named prefix base distinct reduced " +
    "filter optional union minus graph service bind values group by order having limit offset as " +
    "not exists in str lang regex true false undef asc desc count sum min max avg sample a").split(" "));

  let vocabularyPromise = null;
  function vocabulary() {
    if (!vocabularyPromise) {
      vocabularyPromise = fetch(root.dataset.vocabulary, { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + response.url);
          return response.json();
        })
        .then(function (data) {
          data.byIri = {};
          data.classes.forEach(function (c) { data.byIri[c.iri] = Object.assign({ kind: "class" }, c); });
          data.properties.forEach(function (p) { data.byIri[p.iri] = Object.assign({ kind: "property" }, p); });
          return data;
        });
    }
    return vocabularyPromise;
  }

  const shown = new Map();  // suggestion text -> what its hint shows

  /* The IRI as a prefixed name under the query's prefixes or ours (YASQE adds a missing PREFIX line). */
  function compact(yasqe, iri, prefixes) {
    const declared = yasqe.getPrefixesFromQuery();
    for (const source of [declared, prefixes]) {
      for (const prefix in source) {
        const namespace = source[prefix];
        const local = iri.slice(namespace.length);
        if (namespace && iri.startsWith(namespace) && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) {
          return prefix + ":" + local;
        }
      }
    }
    return "<" + iri + ">";
  }

  /* What was typed, as a full IRI start (prefixed names expanded) and as plain words. */
  function typed(yasqe, token) {
    const text = token.string.trim().replace(/^</, "").replace(/>$/, "");
    const colon = text.indexOf(":");
    const declared = yasqe.getPrefixesFromQuery();
    if (colon >= 0 && !text.includes("//")) {
      const prefix = text.slice(0, colon);
      return { iri: declared[prefix] !== undefined ? declared[prefix] + text.slice(colon + 1) : null,
               prefix: prefix, local: text.slice(colon + 1).toLowerCase() };
    }
    return { iri: text.includes("//") ? text : null, prefix: null, local: text.toLowerCase() };
  }

  function matches(term, wanted, prefixes) {
    if (wanted.iri) return term.iri.toLowerCase().startsWith(wanted.iri.toLowerCase());
    if (wanted.prefix !== null) {  // a prefix the query does not declare yet: ours
      const namespace = prefixes[wanted.prefix];
      return namespace !== undefined && term.iri.startsWith(namespace) &&
        term.iri.slice(namespace.length).toLowerCase().startsWith(wanted.local);
    }
    const local = term.iri.replace(/^.*[#/]/, "").toLowerCase();
    return local.includes(wanted.local) || (term.label || "").toLowerCase().includes(wanted.local);
  }

  /* Suggestions from `list` ("classes" or "properties"), the IRIs in `first` (with their uses) first. */
  function termSuggestions(yasqe, token, list, first, uses) {
    return vocabulary().then(function (data) {
      const wanted = typed(yasqe, token);
      const ranked = first.map(function (iri) { return data.byIri[iri]; }).filter(Boolean);
      const seen = new Set(ranked.map(function (t) { return t.iri; }));
      const all = ranked.concat(data[list].filter(function (t) { return !seen.has(t.iri); }));
      return all.filter(function (term) { return matches(term, wanted, data.prefixes); })
        .slice(0, MAX_SUGGESTIONS)
        .map(function (term) {
          const text = compact(yasqe, term.iri, data.prefixes);
          const preferred = first.includes(term.iri);
          const count = preferred ? uses[term.iri] : term.count;
          shown.set(text, { detail: term.label || "", note: (preferred ? "● " : "") + count + "×", iri: term.iri });
          return text;
        });
    });
  }

  /* The subject of the triple being written, and the classes the query gives it. */
  function subjectClasses(yasqe) {
    const doc = yasqe.getDoc();
    const before = doc.getRange({ line: 0, ch: 0 }, doc.getCursor());
    const statement = before.split(/[.{}]\s*(?=[^.{}]*$)/).pop() || "";
    const subject = (statement.trim().match(/^(\?[\w]+|\$[\w]+|<[^>]*>|[\w-]*:[\w-]*)/) || [])[1];
    if (!subject) return [];
    const text = yasqe.getValue();
    const declared = yasqe.getPrefixesFromQuery();
    const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(escaped + "\\s(?:[^.{}]*?[;\\s])?(?:a|rdf:type)\\s+(<[^>]*>|[\\w-]*:[\\w-]*)", "g");
    const classes = [];
    let found;
    while ((found = pattern.exec(text)) !== null) {
      const name = found[1];
      if (name.startsWith("<")) classes.push(name.slice(1, -1));
      else {
        const colon = name.indexOf(":");
        const namespace = declared[name.slice(0, colon)];
        if (namespace !== undefined) classes.push(namespace + name.slice(colon + 1));
      }
    }
    return classes;
  }

  function isVariable(token) {
    return token.string[0] === "?" || token.string[0] === "$";
  }

  function renderHint(element, self, hint) {
    const info = shown.get(hint.text) || {};
    const main = document.createElement("span");
    main.className = "rk-hint-text";
    main.textContent = info.main || hint.text;
    element.appendChild(main);
    if (info.detail) {
      const detail = document.createElement("span");
      detail.className = "rk-hint-detail";
      detail.textContent = info.detail;
      element.appendChild(detail);
    }
    if (info.note) {
      const note = document.createElement("span");
      note.className = "rk-hint-note";
      note.textContent = info.note;
      element.appendChild(note);
    }
    if (info.iri) element.title = info.iri;
  }

  function withRender(_yasqe, hints) {
    return hints.map(function (hint) { return Object.assign(hint, { render: renderHint }); });
  }

  function keepAsIs(_yasqe, _token, suggestion) {
    return suggestion;
  }

  function inClassPosition(yasqe) {
    const token = yasqe.getCompleteToken();
    if (isVariable(token)) return false;
    const previous = yasqe.getPreviousNonWsToken(yasqe.getDoc().getCursor().line, token);
    return previous.state.lastProperty === "a" || previous.state.lastProperty === "rdf:type";
  }

  function inPredicatePosition(yasqe) {
    const token = yasqe.getCompleteToken();
    if (!token.string.trim() || isVariable(token) || inClassPosition(yasqe)) return false;
    return token.state.possibleCurrent.indexOf("a") >= 0;
  }

  function inInstancePosition(yasqe) {
    const token = yasqe.getCompleteToken();
    const text = token.string.trim();
    if (text.length < 3 || isVariable(token) || /[:"'(){}.;,]/.test(text.replace(/^</, ""))) return false;
    if (KEYWORDS.has(text.toLowerCase()) || inClassPosition(yasqe) || token.state.inPrefixDecl) return false;
    const line = yasqe.getDoc().getLine(yasqe.getDoc().getCursor().line);
    if (/^\s*(PREFIX|BASE)\b/i.test(line)) return false;
    return /^<?[\p{L}\p{N} _-]+$/u.test(text);
  }

  Yasqe.forkAutocompleter("prefixes", {
    name: "rkPrefixes",
    persistenceId: null,
    get: function () {
      return vocabulary().then(function (data) {
        return Object.keys(data.prefixes).map(function (prefix) { return prefix + ": <" + data.prefixes[prefix] + ">"; });
      });
    },
  }, false);

  Yasqe.registerAutocompleter({
    name: "rkClasses",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: inClassPosition,
    get: function (yasqe, token) { return termSuggestions(yasqe, token, "classes", [], {}); },
    postProcessSuggestion: keepAsIs,
    postprocessHints: withRender,
  }, false);

  Yasqe.registerAutocompleter({
    name: "rkProperties",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: inPredicatePosition,
    get: function (yasqe, token) {
      return vocabulary().then(function (data) {
        const first = [];
        const uses = {};
        subjectClasses(yasqe).forEach(function (c) {
          (data.classProperties[c] || []).forEach(function ([p, n]) {
            if (!first.includes(p)) first.push(p);
            uses[p] = (uses[p] || 0) + n;
          });
        });
        return termSuggestions(yasqe, token, "properties", first, uses);
      });
    },
    postProcessSuggestion: keepAsIs,
    postprocessHints: withRender,
  }, false);

  Yasqe.registerAutocompleter({
    name: "rkInstances",
    bulk: false,
    autoShow: true,
    isValidCompletionPosition: inInstancePosition,
    get: function (_yasqe, token) {
      const words = token.string.trim().replace(/^</, "");
      const url = root.dataset.instances + "?" + new URLSearchParams({ q: words, lang: lang }).toString();
      return fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { hits: [] }; })
        .then(function (data) {
          return data.hits.map(function (hit) {
            const text = "<" + hit.iri + ">";
            shown.set(text, { main: hit.label, detail: hit.classLabel || "", note: hit.iri.replace(/^.*\/id\//, "id:"), iri: hit.iri });
            return text;
          });
        });
    },
    postProcessSuggestion: keepAsIs,
    postprocessHints: withRender,
  }, false);

  window.RkCompletion = { names: ["rkPrefixes", "variables", "rkClasses", "rkProperties", "rkInstances"], vocabulary: vocabulary };
})();
