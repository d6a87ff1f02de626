// The Kubernetes manifests: every file and every rendered overlay validates against the API
// schemas (unknown fields included); the overlays follow the rules (probes, requests and
// limits, autoscalers, disruption budgets, only the Ingress exposed, the nginx routes); and the
// rules catch what they are for.
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, it } from "node:test";
import { parseAllDocuments } from "yaml";
import { clone, paths, readText, readYamlDocuments } from "../lib/files.mjs";
import { kubernetesViolations, schemaErrors } from "../lib/kubernetes.mjs";
import { idOf, kustomizationFile, render } from "../lib/kustomize.mjs";
import { run, which } from "../lib/tools.mjs";

const template = readText(paths.nginxTemplate);
const OVERLAYS = ["dev", "production"];
const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(join(paths.k8s, "overlays", o))]));

// What production expects to exist already: the Secrets of base/secrets.yaml, by name and keys.
const externalSecrets = Object.fromEntries(
  readYamlDocuments(join(paths.k8s, "base/secrets.yaml")).map((s) => [s.metadata.name, Object.keys({ ...s.data, ...s.stringData })]),
);

function manifestFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...manifestFiles(path));
    else if (/\.ya?ml$/.test(entry)) files.push(path);
  }
  return files;
}

/** Files a kustomization lists as resources (patch files are fragments, checked once applied). */
function resourceFiles() {
  const files = new Set();
  for (const file of manifestFiles(paths.k8s)) {
    const dir = join(file, "..");
    if (kustomizationFile(dir) === file) {
      const k = readYamlDocuments(file)[0];
      for (const r of k.resources ?? []) {
        const path = join(dir, r);
        if (statSync(path).isFile()) files.add(path);
      }
    }
  }
  return [...files];
}

function rules(overlay, resources = rendered[overlay]) {
  return kubernetesViolations(resources, { template, production: overlay === "production", externalSecrets: overlay === "production" ? externalSecrets : {} });
}

function caught(overlay, change, pattern) {
  const copy = clone(rendered[overlay]);
  change(copy);
  const violations = rules(overlay, copy);
  assert.ok(violations.some((m) => pattern.test(m)), `expected a violation matching ${pattern}, got:\n${violations.join("\n")}`);
}

async function schemaCaught(change, pattern) {
  const copy = clone(rendered.dev);
  const target = change(copy);
  const errors = await schemaErrors(target);
  assert.ok(errors.some((m) => pattern.test(m)), `expected a schema error matching ${pattern}, got:\n${errors.join("\n")}`);
}

const get = (resources, kind, name) => resources.find((r) => r.kind === kind && r.metadata.name === name);

describe("Kubernetes manifests validate against the API schemas", () => {
  for (const file of resourceFiles()) {
    it(relative(paths.k8s, file), async () => {
      const errors = [];
      for (const resource of readYamlDocuments(file)) errors.push(...(await schemaErrors(resource)));
      assert.deepEqual(errors, []);
    });
  }
  for (const overlay of OVERLAYS) {
    it(`overlays/${overlay}, rendered (${rendered[overlay].length} resources)`, async () => {
      const errors = [];
      for (const resource of rendered[overlay]) errors.push(...(await schemaErrors(resource)));
      assert.deepEqual(errors, []);
    });
  }
});

describe("rendered overlays follow the rules", () => {
  for (const overlay of OVERLAYS) {
    it(`overlays/${overlay}: probes, requests and limits, autoscaling, budgets, only the Ingress exposed`, () => {
      assert.deepEqual(rules(overlay), []);
    });
  }

  it("the renderer agrees with `kubectl kustomize`", (t) => {
    if (!which("kubectl")) {
      t.skip("no kubectl here");
      return;
    }
    for (const overlay of OVERLAYS) {
      const result = run("kubectl", ["kustomize", join(paths.k8s, "overlays", overlay)]);
      assert.equal(result.status, 0, result.stderr);
      const theirs = parseAllDocuments(result.stdout).map((d) => d.toJS());
      assert.deepEqual(rendered[overlay].map(idOf), theirs.map(idOf), `${overlay}: the same resources in the same order`);
      for (const [i, resource] of rendered[overlay].entries()) {
        assert.ok(isDeepStrictEqual(resource, theirs[i]), `${overlay}: ${idOf(resource)} differs from kubectl kustomize`);
      }
    }
  });

  it("dev runs small, production runs highly available", () => {
    assert.equal(get(rendered.dev, "HorizontalPodAutoscaler", "user-service").spec.minReplicas, 1);
    assert.ok(get(rendered.production, "HorizontalPodAutoscaler", "user-service").spec.minReplicas >= 3);
    assert.equal(get(rendered.production, "Cluster", "cinemates-activities-db").spec.instances, 3);
    assert.equal(get(rendered.production, "ConfigMap", "cinemates-config").data.CINEMATES_SECURE_COOKIES, "true");
    assert.ok(!rendered.production.some((r) => r.kind === "Secret"), "no placeholder Secret in production");
    assert.ok(rendered.production.some((r) => r.kind === "Certificate"));
    assert.ok(rendered.production.every((r) => r.kind === "Namespace" || r.metadata.namespace === "cinemates"));
  });

  it("the images are the ones compose.yaml builds", () => {
    const compose = readText(paths.compose);
    for (const d of rendered.dev.filter((r) => r.kind === "Deployment" && r.metadata.name !== "redis")) {
      const image = d.spec.template.spec.containers[0].image;
      const repository = image.split(":")[0].replace(/^cinemates\//, "");
      assert.ok(compose.includes(`\${CINEMATES_IMAGE_PREFIX:-cinemates}/${repository}:\${CINEMATES_IMAGE_TAG:-dev}`), `${image} is not built by compose.yaml`);
      assert.ok(image.endsWith(":dev"));
    }
  });
});

describe("the Kubernetes rules catch", () => {
  const container = (resources, name) => get(resources, "Deployment", name).spec.template.spec.containers[0];
  it("a service without a readiness probe", () => caught("dev", (r) => delete container(r, "movie-service").readinessProbe, /movie-service container movie-service: no readinessProbe/));
  it("a liveness probe off the health group", () => caught("dev", (r) => { container(r, "user-service").livenessProbe.httpGet.path = "/actuator/health"; }, /user-service: livenessProbe is not \/actuator\/health\/liveness/));
  it("a container without limits", () => caught("production", (r) => delete container(r, "web").resources.limits, /web container nginx: no cpu limits/));
  it("a container without requests", () => caught("dev", (r) => delete container(r, "redis").resources.requests.memory, /redis container redis: no memory requests/));
  it("a Service of type LoadBalancer", () => caught("production", (r) => { get(r, "Service", "web").spec.type = "LoadBalancer"; }, /Service web: type LoadBalancer/));
  it("a NodePort Service", () => caught("dev", (r) => { get(r, "Service", "user-service").spec.type = "NodePort"; }, /Service user-service: type NodePort/));
  it("a hostPort", () => caught("dev", (r) => { container(r, "activity-service").ports[0].hostPort = 8083; }, /hostPort 8083/));
  it("host networking", () => caught("dev", (r) => { get(r, "Deployment", "redis").spec.template.spec.hostNetwork = true; }, /redis: shares a host namespace/));
  it("a route to /actuator", () => caught("dev", (r) => {
    get(r, "Ingress", "cinemates").spec.rules[0].http.paths.push({ path: "/actuator", pathType: "Prefix", backend: { service: { name: "user-service", port: { name: "http" } } } });
  }, /routes \/actuator, which is never public/));
  it("an nginx route the Ingress lacks", () => caught("dev", (r) => {
    const rule = get(r, "Ingress", "cinemates").spec.rules[0];
    rule.http.paths = rule.http.paths.filter((p) => p.path !== "/api/preferences");
  }, /nginx routes \/api\/preferences(\/)? to preference-service, the Ingress does not/));
  it("a route to the wrong service", () => caught("dev", (r) => {
    get(r, "Ingress", "cinemates").spec.rules[0].http.paths.find((p) => p.path === "/api/users").backend.service.name = "movie-service";
  }, /\/api\/users goes to movie-service, nginx sends it to user-service/));
  it("a stateless service without an autoscaler", () => caught("dev", (r) => r.splice(r.indexOf(get(r, "HorizontalPodAutoscaler", "activity-service")), 1), /activity-service: no HorizontalPodAutoscaler/));
  it("a stateless service without a disruption budget", () => caught("production", (r) => r.splice(r.indexOf(get(r, "PodDisruptionBudget", "web")), 1), /web: no PodDisruptionBudget/));
  it("service links left on", () => caught("dev", (r) => delete get(r, "Deployment", "preference-service").spec.template.spec.enableServiceLinks, /preference-service: enableServiceLinks/));
  it("a service without a NetworkPolicy", () => caught("dev", (r) => r.splice(r.indexOf(get(r, "NetworkPolicy", "preference-service")), 1), /preference-service: no NetworkPolicy/));
  it("a NetworkPolicy open to every pod", () => caught("production", (r) => { get(r, "NetworkPolicy", "user-service").spec.ingress[0].from.push({ podSelector: {} }); }, /NetworkPolicy user-service: lets every pod reach user-service/));
  it("a NetworkPolicy rule without sources", () => caught("dev", (r) => { delete get(r, "NetworkPolicy", "movie-service").spec.ingress[0].from; }, /NetworkPolicy movie-service: lets every pod reach movie-service/));
  it("a root container", () => caught("dev", (r) => { get(r, "Deployment", "web").spec.template.spec.securityContext.runAsNonRoot = false; }, /web: runAsNonRoot/));
  it("a Secret key nobody defines", () => caught("dev", (r) => { container(r, "user-service").env.find((e) => e.name === "CINEMATES_SERVICE_TOKEN").valueFrom.secretKeyRef.key = "token"; }, /Secret cinemates-secrets key token, which does not exist/));
  it("a database owner that is not the service's login", () => caught("dev", (r) => { get(r, "Cluster", "cinemates-movies-db").spec.bootstrap.initdb.secret.name = "cinemates-users-db"; }, /Cluster cinemates-movies-db: its owner Secret/));
  it("placeholder Secrets in production", () => caught("production", (r) => r.push(clone(get(rendered.dev, "Secret", "cinemates-secrets"))), /Secret cinemates-secrets: a Secret in the production manifests/));
  it("an untagged image", () => caught("production", (r) => { container(r, "user-service").image = "registry.example.com/cinemates/user-service"; }, /has no fixed tag/));

  it("an unknown field (schema)", () => schemaCaught((r) => {
    const d = get(r, "Deployment", "user-service");
    d.spec.template.spec.containers[0].readinessProbe.httpGet.paht = "/x";
    return d;
  }, /unknown field .*httpGet\.paht/));
  it("a wrong type (schema)", () => schemaCaught((r) => {
    const h = get(r, "HorizontalPodAutoscaler", "web");
    h.spec.minReplicas = "one";
    return h;
  }, /minReplicas must be integer/));
  it("a missing required field (schema)", () => schemaCaught((r) => {
    const s = get(r, "Service", "web");
    delete s.spec.ports[0].port;
    return s;
  }, /port/));
  it("a misspelt CloudNativePG field (schema)", () => schemaCaught((r) => {
    const c = get(r, "Cluster", "cinemates-users-db");
    c.spec.instance = 3;
    return c;
  }, /instance/));
  it("a wrong cert-manager field (schema)", async () => {
    const certificate = clone(get(rendered.production, "Certificate", "cinemates-tls"));
    certificate.spec.dnsName = certificate.spec.dnsNames;
    const errors = await schemaErrors(certificate);
    assert.ok(errors.some((e) => /dnsName\b/.test(e)), errors.join("\n"));
  });
});
