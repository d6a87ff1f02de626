// The observability profile: Prometheus scrapes the four services' /actuator/prometheus (in
// Compose by name, as plain processes on loopback), Grafana is provisioned with the data source
// and a dashboard covering what operating Cinemates needs.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { stringify } from "yaml";
import { loadCompose, mountsOf } from "../lib/compose.mjs";
import { paths, readText, readYaml, SERVICES } from "../lib/files.mjs";
import { run, which } from "../lib/tools.mjs";

const { model } = loadCompose();

function cinematesTargets(config) {
  const job = config.scrape_configs.find((j) => j.job_name === "cinemates");
  assert.ok(job, "a cinemates job");
  assert.equal(job.metrics_path, "/actuator/prometheus");
  return Object.fromEntries(job.static_configs.map((c) => [c.labels.service, c.targets]));
}

describe("Prometheus", () => {
  it("scrapes every service by name on the internal network (Compose)", () => {
    const targets = cinematesTargets(readYaml(paths.prometheus));
    for (const s of SERVICES) assert.deepEqual(targets[s.name], [`${s.name}:${s.port}`]);
  });

  it("has the same job for services on 127.0.0.1:8081-8084 (plain processes)", () => {
    const targets = cinematesTargets(readYaml(paths.prometheusLocal));
    for (const s of SERVICES) assert.deepEqual(targets[s.name], [`127.0.0.1:${s.port}`]);
  });

  it("is the configuration the compose profile mounts, and reaches the services", () => {
    const prometheus = model.services.prometheus;
    const mount = mountsOf(prometheus).find((m) => m.target === "/etc/prometheus/prometheus.yml");
    assert.equal(mount?.source, "./deploy/observability/prometheus.yml");
    assert.ok(mount.readOnly);
    assert.ok(prometheus.networks.includes("backend"));
    assert.ok(prometheus.command.includes("--config.file=/etc/prometheus/prometheus.yml"));
  });

  it("passes `promtool check config`", (t) => {
    if (!which("promtool")) {
      t.skip("no promtool here");
      return;
    }
    for (const file of [paths.prometheus, paths.prometheusLocal]) {
      const result = run("promtool", ["check", "config", "--syntax-only", file]);
      assert.equal(result.status, 0, result.stderr + result.stdout);
    }
  });
});

describe("Grafana", () => {
  const datasource = readYaml(join(paths.grafana, "provisioning/datasources/prometheus.yaml")).datasources[0];
  const provider = readYaml(join(paths.grafana, "provisioning/dashboards/cinemates.yaml")).providers[0];
  const dashboards = readdirSync(join(paths.grafana, "dashboards")).filter((f) => f.endsWith(".json"));
  const dashboard = JSON.parse(readText(join(paths.grafana, "dashboards/cinemates.json")));
  const panels = dashboard.panels.filter((p) => p.type !== "row");
  const expressions = panels.flatMap((p) => p.targets.map((t) => t.expr));

  it("is provisioned with the Prometheus of the profile and the dashboards folder compose mounts", () => {
    assert.equal(datasource.type, "prometheus");
    assert.equal(datasource.url, "http://prometheus:9090");
    const grafana = model.services.grafana;
    const targets = mountsOf(grafana).map((m) => m.target);
    assert.ok(targets.includes("/etc/grafana/provisioning"));
    assert.ok(targets.includes(provider.options.path), `the dashboards folder ${provider.options.path} is mounted`);
    assert.equal(grafana.depends_on.prometheus.condition, "service_healthy");
    assert.deepEqual(dashboards, ["cinemates.json"]);
  });

  it("has panels on every data source it provisions", () => {
    assert.ok(panels.length >= 10);
    for (const panel of panels) {
      assert.equal(panel.datasource.uid, datasource.uid, `${panel.title}: data source`);
      assert.ok(panel.targets.length > 0, `${panel.title}: no query`);
      for (const target of panel.targets) assert.equal(target.datasource.uid, datasource.uid);
    }
    assert.equal(new Set(dashboard.panels.map((p) => p.id)).size, dashboard.panels.length, "panel ids are unique");
  });

  it("covers requests, latency, database pools, the outbox, the import and the recommender", () => {
    const covers = (pattern) => assert.ok(expressions.some((e) => pattern.test(e)), `no panel queries ${pattern}`);
    covers(/rate\(http_server_requests_seconds_count\{/);
    covers(/http_server_requests_seconds_sum/);
    covers(/http_server_requests_seconds_(bucket|max)/);
    covers(/hikaricp_connections_active/);
    covers(/hikaricp_connections_pending/);
    covers(/cinemates_outbox_backlog/);
    covers(/cinemates_import_processed_rows/);
    covers(/cinemates_recommender_training_seconds/);
    for (const e of expressions) assert.match(e, /by \(application|up\{job="cinemates"\}/, `per service: ${e}`);
  });

  it("has well-formed queries", () => {
    for (const e of expressions) {
      for (const [open, close] of [["(", ")"], ["{", "}"], ["[", "]"]]) {
        assert.equal(e.split(open).length, e.split(close).length, `unbalanced ${open}${close} in ${e}`);
      }
      assert.equal((e.match(/"/g) ?? []).length % 2, 0, `unbalanced quotes in ${e}`);
    }
  });

  it("has queries PromQL accepts (`promtool check rules`)", (t) => {
    if (!which("promtool")) {
      t.skip("no promtool here");
      return;
    }
    // Each query as a recording rule, with Grafana's variables given values.
    const rules = expressions.map((e, i) => ({ record: `cinemates:dashboard_query_${i}`, expr: e.replaceAll("$__rate_interval", "1m").replaceAll("$application", ".*") }));
    const dir = mkdtempSync(join(tmpdir(), "cinemates-promql-"));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "dashboard-queries.yml");
    writeFileSync(file, stringify({ groups: [{ name: "dashboard", rules }] }));
    const result = run("promtool", ["check", "rules", file]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});
