// The /api/docs page: fetches each service's OpenAPI description (/api/docs/<service>.json,
// which nginx proxies to the service's /v3/api-docs) and lists, per service, its title, version
// and operations. Everything from a description goes into the page as text, never as markup.
(function () {
  "use strict";

  var METHODS = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
  var COLUMNS = ["Method", "Path", "Summary", "Responses"];
  var rows = []; // every operation row of every table, for the filter
  var tables = []; // { caption, rows, total, name }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    var name;
    for (name in attributes || {}) {
      if (Object.prototype.hasOwnProperty.call(attributes, name) && attributes[name] != null) {
        node.setAttribute(name, attributes[name]);
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null || child === false) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function text(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  /** A local reference (#/components/responses/NotFound) resolved in the document. */
  function resolve(doc, value) {
    var seen = 0;
    while (value && typeof value.$ref === "string" && value.$ref.indexOf("#/") === 0 && seen++ < 10) {
      var target = doc;
      var parts = value.$ref.slice(2).split("/");
      for (var i = 0; i < parts.length && target; i++) {
        target = target[parts[i].replace(/~1/g, "/").replace(/~0/g, "~")];
      }
      value = target;
    }
    return value || {};
  }

  function operationsOf(doc) {
    var operations = [];
    var paths = doc.paths || {};
    Object.keys(paths).forEach(function (path) {
      var item = resolve(doc, paths[path]);
      METHODS.forEach(function (method) {
        var operation = item[method];
        if (operation && typeof operation === "object") {
          operations.push({ path: path, method: method, operation: operation });
        }
      });
    });
    operations.sort(function (a, b) {
      if (a.path !== b.path) return a.path < b.path ? -1 : 1;
      return METHODS.indexOf(a.method) - METHODS.indexOf(b.method);
    });
    return operations;
  }

  /** Only /api paths are routed by this host; the rest (/internal, management) are not public. */
  function isPublic(path) {
    return path === "/api" || path.indexOf("/api/") === 0;
  }

  function summaryOf(operation) {
    var summary = text(operation.summary);
    if (!summary) summary = text(operation.description).split("\n")[0];
    if (!summary) summary = text(operation.operationId);
    return summary || "\u2014";
  }

  function responsesOf(doc, operation) {
    var responses = operation.responses || {};
    var codes = Object.keys(responses).sort(function (a, b) {
      if (a === "default") return 1;
      if (b === "default") return -1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    if (codes.length === 0) return document.createTextNode("\u2014");
    var list = el("ul", { class: "responses" });
    codes.forEach(function (code) {
      var description = text(resolve(doc, responses[code]).description);
      list.appendChild(el("li", null, el("code", null, code), " ", el("span", null, description)));
    });
    return list;
  }

  function cell(column, content, attributes) {
    var attrs = attributes || {};
    attrs.role = "cell";
    attrs["data-label"] = column;
    return el("td", attrs, content);
  }

  function table(name, doc, operations) {
    var caption = el("caption");
    var head = el("tr", { role: "row" });
    COLUMNS.forEach(function (column) {
      head.appendChild(el("th", { scope: "col", role: "columnheader" }, column));
    });
    var body = el("tbody", { role: "rowgroup" });
    var own = [];
    operations.forEach(function (entry) {
      var operation = entry.operation;
      var method = entry.method.toUpperCase();
      var summary = summaryOf(operation);
      var row = el(
        "tr",
        { role: "row", class: operation.deprecated ? "deprecated" : null },
        cell(COLUMNS[0], el("span", { class: "method " + entry.method }, method)),
        cell(COLUMNS[1], entry.path, { class: "path" }),
        cell(COLUMNS[2], operation.deprecated ? summary + " (deprecated)" : summary),
        cell(COLUMNS[3], responsesOf(doc, operation))
      );
      row.setAttribute(
        "data-search",
        [method, entry.path, summary, text(operation.operationId), (operation.tags || []).join(" ")]
          .join(" ")
          .toLowerCase()
      );
      body.appendChild(row);
      own.push(row);
      rows.push(row);
    });
    tables.push({ name: name, caption: caption, rows: own });
    return el(
      "table",
      { role: "table" },
      caption,
      el("thead", { role: "rowgroup" }, head),
      body
    );
  }

  function renderService(section, name, url, doc) {
    var info = doc.info || {};
    var version = doc.openapi || doc.swagger;
    section.appendChild(
      el(
        "p",
        { class: "meta" },
        el("span", null, text(info.title) || name),
        text(info.version) ? el("span", null, "version " + info.version) : null,
        version ? el("span", null, "OpenAPI " + version) : null,
        el("span", null, el("a", { href: url, "aria-label": name + ": raw OpenAPI JSON" }, "raw JSON"))
      )
    );
    if (text(info.description)) {
      section.appendChild(el("p", { class: "description" }, text(info.description)));
    }
    var all = operationsOf(doc);
    var shown = all.filter(function (entry) {
      return isPublic(entry.path);
    });
    if (shown.length > 0) {
      section.appendChild(table(name, doc, shown));
    } else {
      section.appendChild(el("p", { class: "status" }, "This description has no public operations."));
    }
    var hidden = all.length - shown.length;
    if (hidden > 0) {
      section.appendChild(
        el(
          "p",
          { class: "note" },
          hidden === 1
            ? "1 operation outside /api (service-to-service or management, not served by this host) is left out; the raw JSON has it."
            : hidden + " operations outside /api (service-to-service or management, not served by this host) are left out; the raw JSON has them."
        )
      );
    }
  }

  function fail(status, name, message, url) {
    status.className = "status error";
    status.textContent = message + " ";
    if (url) status.appendChild(el("a", { href: url, "aria-label": "Try " + name + "'s raw OpenAPI JSON" }, "Try the raw JSON"));
  }

  function load(section) {
    var name = section.getAttribute("data-service");
    var url = "/api/docs/" + name + ".json";
    var status = el("p", { class: "status", role: "status" }, "Loading the description\u2026");
    section.appendChild(status);
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) {
          return response
            .json()
            .catch(function () {
              return {};
            })
            .then(function (problem) {
              var detail = text(problem && (problem.detail || problem.title));
              fail(status, name, name + ": no description (HTTP " + response.status + (detail ? ", " + detail : "") + ").", url);
            });
        }
        return response.json().then(
          function (doc) {
            if (!doc || typeof doc !== "object" || !doc.paths || typeof doc.paths !== "object") {
              fail(status, name, name + ": the answer is not an OpenAPI description.", url);
              return;
            }
            try {
              renderService(section, name, url, doc);
              section.removeChild(status);
            } catch (e) {
              fail(status, name, name + ": the description could not be shown (" + e.message + ").", url);
            }
          },
          function () {
            fail(status, name, name + ": the answer is not JSON.", url);
          }
        );
      })
      .catch(function () {
        fail(status, name, name + ": the description could not be fetched.", url);
      });
  }

  // --- The filter: every term must occur in the method, path, summary, operation id or tags ---

  var filterBox = document.querySelector(".filter");
  var filter = document.getElementById("filter");
  var announcement = el("span", { class: "note", role: "status", "aria-live": "polite" });

  function count(n, of) {
    return n === of ? of + (of === 1 ? " operation" : " operations") : n + " of " + of + " operations";
  }

  function apply() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var total = 0;
    var visible = 0;
    tables.forEach(function (t) {
      var shown = 0;
      t.rows.forEach(function (row) {
        var haystack = row.getAttribute("data-search");
        var match = terms.every(function (term) {
          return haystack.indexOf(term) !== -1;
        });
        row.hidden = !match;
        if (match) shown++;
      });
      t.caption.textContent = t.name + ": " + count(shown, t.rows.length);
      total += t.rows.length;
      visible += shown;
    });
    announcement.textContent = terms.length ? count(visible, total) + " match" : "";
  }

  if (filterBox && filter) {
    filterBox.appendChild(announcement);
    filterBox.hidden = false;
    filter.addEventListener("input", apply);
  }

  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-service]"));
  Promise.all(sections.map(load)).then(function () {
    if (filter) apply();
    // A link to a section (/api/docs#movie-service) lands there once the tables are in.
    if (location.hash.length > 1) {
      var target = document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    }
  });
})();
