// Formats the reports of `redocly lint --format=json` (the files given, one per description) for
// people: per description, one line per problem with the operation named by its method and path,
// then the count per rule.
//
//   node report.mjs REPORT.json...
//
// Exits 1 when a report has an error, 2 when a file is not such a report, 0 otherwise.
import { readFileSync } from "node:fs";

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

const reports = [];
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    if (!Array.isArray(report.problems)) throw new Error("no problems list");
    reports.push(report);
  } catch (e) {
    console.error(`openapi lint: ${file} is not a report of Redocly CLI (${e.message})`);
    process.exit(2);
  }
}

/** "#/paths/~1api~1movies~1{id}/get/responses" -> "GET /api/movies/{id} responses". */
function where(pointer = "") {
  const parts = pointer.replace(/^#\/?/, "").split("/").filter((p) => p !== "").map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[0] === "paths" && parts.length >= 2) {
    if (parts.length >= 3 && HTTP_METHODS.has(parts[2])) return [`${parts[2].toUpperCase()} ${parts[1]}`, ...parts.slice(3)].join(" ");
    return parts.slice(1).join(" ");
  }
  return parts.length ? parts.join("/") : "(document)";
}

const order = { error: 0, warn: 1, warning: 1 };
const byFile = new Map();
for (const problem of reports.flatMap((r) => r.problems)) {
  const location = problem.location?.[0] ?? {};
  const file = location.source?.ref ?? "?";
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push({ severity: problem.severity === "warn" ? "warning" : problem.severity, rule: problem.ruleId, where: where(location.pointer), message: problem.message });
}

const rules = new Map();
for (const [file, problems] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  problems.sort((a, b) => (order[a.severity] ?? 2) - (order[b.severity] ?? 2) || a.rule.localeCompare(b.rule) || a.where.localeCompare(b.where));
  const errors = problems.filter((p) => p.severity === "error").length;
  console.log(`\n${file}: ${errors} error(s), ${problems.length - errors} warning(s)`);
  const ruleWidth = Math.max(...problems.map((p) => p.rule.length));
  const whereWidth = Math.min(60, Math.max(...problems.map((p) => p.where.length)));
  for (const p of problems) {
    console.log(`  ${p.severity.padEnd(7)}  ${p.rule.padEnd(ruleWidth)}  ${p.where.padEnd(whereWidth)}  ${p.message}`);
    const key = `${p.severity} ${p.rule}`;
    rules.set(key, (rules.get(key) ?? 0) + 1);
  }
}

const total = (key) => reports.reduce((sum, r) => sum + (r.totals?.[key] ?? 0), 0);
const errors = total("errors");
if (rules.size > 0) {
  console.log("\nper rule:");
  for (const [key, n] of [...rules].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${key}: ${n}`);
}
console.log(`\nopenapi lint: ${errors} error(s), ${total("warnings")} warning(s), ${total("ignored")} ignored`);
process.exit(errors > 0 ? 1 : 0);
