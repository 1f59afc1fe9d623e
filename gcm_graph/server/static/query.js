// Query page: runs the editor's query against /sparql and shows the answer as a table.
// Every value from the data is inserted with textContent, never as markup; links are only
// made for http(s) IRIs, and IRIs under the dataset's base point to this server.
"use strict";

(function () {
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");
  const examples = document.getElementById("examples");
  const status = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const note = document.getElementById("note");
  const results = document.getElementById("results");
  const serverRoot = form.dataset.base;
  const iriBase = form.dataset.iriBase;
  const ontology = form.dataset.ontology;
  const endpoint = form.getAttribute("action");

  function localHref(iri) {
    if (ontology && iri.startsWith(ontology) && iri.length > ontology.length) {
      return serverRoot + "ontology#" + iri.slice(ontology.length);
    }
    if (iri.startsWith(iriBase)) return serverRoot + iri.slice(iriBase.length);
    if (/^https?:\/\//i.test(iri)) return iri;
    return null;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const target = localHref(term.value);
      if (target) {
        const a = document.createElement("a");
        a.href = target;
        a.textContent = term.value;
        td.appendChild(a);
      } else {
        td.textContent = term.value;
      }
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      const tag = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? term.datatype.replace("http://www.w3.org/2001/XMLSchema#", "xsd:") : "";
      if (tag) {
        const span = document.createElement("span");
        span.className = "tag";
        span.textContent = " " + tag;
        td.appendChild(span);
      }
    }
    return td;
  }

  function showTable(data) {
    if (typeof data.boolean === "boolean") {
      const p = document.createElement("p");
      p.className = "boolean";
      p.textContent = "ASK: " + data.boolean;
      results.replaceChildren(p);
      return 1;
    }
    const vars = data.head.vars;
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const name of vars) {
      const th = document.createElement("th");
      th.textContent = name;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const binding of data.results.bindings) {
      const row = body.insertRow();
      for (const name of vars) row.appendChild(cell(binding[name]));
    }
    results.replaceChildren(table);
    return data.results.bindings.length;
  }

  function post(accept) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query: editor.value }),
    });
  }

  async function run(event) {
    event.preventDefault();
    errorBox.hidden = true;
    note.hidden = true;
    status.textContent = "Running…";
    const started = performance.now();
    let response;
    try {
      response = await post("application/sparql-results+json, text/turtle;q=0.9");
    } catch (failure) {
      status.textContent = "";
      errorBox.textContent = "The endpoint could not be reached: " + failure;
      errorBox.hidden = false;
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      status.textContent = "";
      errorBox.textContent = (await response.text()).trim() || "The endpoint answered " + response.status + ".";
      errorBox.hidden = false;
      results.replaceChildren();
      return;
    }
    let count;
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      count = showTable(await response.json());
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.replaceChildren(pre);
      count = null;
    }
    status.textContent = (count === null ? "Graph result" : count + (count === 1 ? " row" : " rows")) + " in " + seconds + " s";
    if (response.headers.get("X-SPARQL-Truncated") === "true") {
      note.textContent = "Results truncated: only the first " + response.headers.get("X-SPARQL-Max-Rows") + " rows are shown. Add a LIMIT or narrow the query.";
      note.hidden = false;
    }
  }

  async function download(accept, extension) {
    const response = await post(accept);
    if (!response.ok) {
      errorBox.textContent = (await response.text()).trim();
      errorBox.hidden = false;
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = "results." + extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  examples.addEventListener("change", function () {
    const template = document.getElementById("example-" + examples.value);
    if (template) editor.value = template.content.textContent;
  });
  form.addEventListener("submit", run);
  document.getElementById("download-csv").addEventListener("click", () => download("text/csv", "csv"));
  document.getElementById("download-json").addEventListener("click", () => download("application/sparql-results+json", "json"));
})();
