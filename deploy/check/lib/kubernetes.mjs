// Kubernetes: every resource against the API schemas (kubernetes-models, the cert-manager models,
// a minimal CloudNativePG schema), with unknown fields reported as `kubectl --validate=strict`
// would; and the rules this project holds its manifests to.
import { createRequire } from "node:module";
import Ajv from "ajv";
import { SERVICES } from "./files.mjs";
import { containersOf, groupOf, idOf, parseImage, podSpecOf } from "./kustomize.mjs";

const require = createRequire(import.meta.url);

const MODEL_PACKAGES = [
  { groups: (g) => g === "" || !g.includes(".") || g.endsWith(".k8s.io"), module: (apiVersion) => `kubernetes-models/${apiVersion}` },
  { groups: (g) => g === "cert-manager.io" || g === "acme.cert-manager.io", module: (apiVersion) => `@kubernetes-models/cert-manager/${apiVersion}` },
];

let cnpgValidate;
function cnpgCluster() {
  if (!cnpgValidate) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    cnpgValidate = ajv.compile(require("../schema/cnpg-cluster.schema.json"));
  }
  return cnpgValidate;
}

/**
 * Wraps data so that every property the validator reads is recorded: a property it never reads
 * is one the schema does not know. (The schemas' compiled validators read each known property by
 * name and walk every key of a map.)
 */
function tracked(value, path, seen) {
  if (value === null || typeof value !== "object") return value;
  const reads = new Set();
  seen.push({ path, value, reads });
  const children = new Map();
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === "string") reads.add(key);
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || child === null || typeof child !== "object") return child;
      if (!children.has(key)) children.set(key, tracked(child, Array.isArray(target) ? `${path}[${key}]` : `${path}.${key}`, seen));
      return children.get(key);
    },
  });
}

async function modelFor(resource) {
  const group = groupOf(resource.apiVersion);
  const entry = MODEL_PACKAGES.find((p) => p.groups(group));
  if (!entry) return undefined;
  let module;
  try {
    module = await import(entry.module(resource.apiVersion));
  } catch {
    return undefined;
  }
  return module[resource.kind];
}

/** Problems of one resource against its schema: wrong types, missing fields, unknown fields. */
export async function schemaErrors(resource) {
  const where = idOf(resource);
  if (!resource.apiVersion || !resource.kind) return [`${where}: no apiVersion or kind`];
  if (resource.apiVersion === "postgresql.cnpg.io/v1" && resource.kind === "Cluster") {
    const validate = cnpgCluster();
    return validate(resource) ? [] : validate.errors.map((e) => `${where}: ${e.instancePath} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
  }
  const model = await modelFor(resource);
  if (!model) return [`${where}: no schema known for ${resource.apiVersion} ${resource.kind}`];
  const errors = [];
  const seen = [];
  try {
    model.prototype.validate.call(tracked(resource, "", seen));
  } catch (e) {
    const details = e.errors ?? [];
    if (details.length === 0) errors.push(`${where}: ${e.message}`);
    for (const d of details) errors.push(`${where}: ${d.instancePath || "/"} ${d.message}`);
  }
  for (const { path, value, reads } of seen) {
    if (Array.isArray(value)) continue;
    for (const key of Object.keys(value)) {
      if (!reads.has(key)) errors.push(`${where}: unknown field ${path}.${key}`);
    }
  }
  return errors;
}

// --- Rules ------------------------------------------------------------------------------------

const JAVA_SERVICES = SERVICES.map((s) => s.name);
const STATELESS = [...JAVA_SERVICES, "web"];

function labelsMatch(selector = {}, labels = {}) {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

function byKind(resources, kind) {
  return resources.filter((r) => r.kind === kind);
}

function find(resources, kind, name) {
  return resources.find((r) => r.kind === kind && r.metadata.name === name);
}

/**
 * The public routes of the one-host edge: every location of the nginx template that proxies to a
 * service, as { path, exact, service }.
 */
export function nginxRoutes(template) {
  const upstreams = Object.fromEntries(SERVICES.map((s) => [s.upstream, s.name]));
  const routes = [];
  for (const m of template.matchAll(/location\s+(=|\^~)?\s*(\S+)\s*\{([\s\S]*?)\n\s*\}/g)) {
    const proxy = /proxy_pass\s+http:\/\/([a-z_]+)\s*;/.exec(m[3]);
    if (!proxy) continue;
    const service = upstreams[proxy[1]];
    if (!service) throw new Error(`nginx template: unknown upstream ${proxy[1]}`);
    routes.push({ path: m[2], exact: m[1] === "=", service });
  }
  return routes;
}

function ingressPaths(resources) {
  const paths = [];
  for (const ingress of byKind(resources, "Ingress")) {
    for (const rule of ingress.spec?.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        paths.push({ ingress: ingress.metadata.name, host: rule.host, path: p.path, type: p.pathType, service: p.backend?.service?.name, port: p.backend?.service?.port });
      }
    }
  }
  return paths;
}

/** Kubernetes Prefix matching: by whole path elements. */
function prefixCovers(prefix, path) {
  if (prefix === "/") return true;
  const p = prefix.replace(/\/$/, "");
  return path === p || path.startsWith(`${p}/`);
}

/**
 * What a rendered overlay must be, as a list of violations (empty when it is right).
 * options.template: the nginx template text; options.production: the stricter production rules;
 * options.externalSecrets: Secrets created outside the manifests ({ name: [keys] }).
 */
export function kubernetesViolations(resources, { template, production = false, externalSecrets = {} } = {}) {
  const v = [];
  const deployments = byKind(resources, "Deployment");
  const services = byKind(resources, "Service");
  const namespaces = byKind(resources, "Namespace").map((n) => n.metadata.name);

  // One namespace, created by the overlay.
  for (const r of resources) {
    if (r.kind === "Namespace") continue;
    if (!r.metadata.namespace) v.push(`${idOf(r)}: no namespace`);
    else if (!namespaces.includes(r.metadata.namespace)) v.push(`${idOf(r)}: namespace ${r.metadata.namespace} is not created by the overlay`);
  }

  // Workloads: probes, requests and limits, non-root, nothing on the host.
  for (const d of deployments) {
    const name = d.metadata.name;
    const pod = podSpecOf(d) ?? {};
    if (!labelsMatch(d.spec.selector?.matchLabels, d.spec.template?.metadata?.labels)) v.push(`Deployment ${name}: selector does not match its pod labels`);
    if (pod.enableServiceLinks !== false) v.push(`Deployment ${name}: enableServiceLinks is not false (Service variables would reach the services' settings)`);
    if (pod.automountServiceAccountToken !== false) v.push(`Deployment ${name}: mounts a service account token it does not need`);
    if (pod.securityContext?.runAsNonRoot !== true) v.push(`Deployment ${name}: runAsNonRoot is not true`);
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) v.push(`Deployment ${name}: shares a host namespace`);
    for (const volume of pod.volumes ?? []) if (volume.hostPath) v.push(`Deployment ${name}: mounts a host path`);
    for (const c of containersOf(d)) {
      const where = `Deployment ${name} container ${c.name}`;
      for (const kind of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (!c.resources?.[kind]?.[resource]) v.push(`${where}: no ${resource} ${kind}`);
        }
      }
      if (!c.readinessProbe) v.push(`${where}: no readinessProbe`);
      if (!c.livenessProbe) v.push(`${where}: no livenessProbe`);
      for (const port of c.ports ?? []) if (port.hostPort) v.push(`${where}: hostPort ${port.hostPort}`);
      const sc = c.securityContext ?? {};
      if (sc.privileged) v.push(`${where}: privileged`);
      if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: allowPrivilegeEscalation is not false`);
      if (sc.readOnlyRootFilesystem !== true) v.push(`${where}: root filesystem is writable`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) v.push(`${where}: does not drop all capabilities`);
      const image = parseImage(c.image ?? "");
      if (!image.digest && (!image.tag || image.tag === "latest")) v.push(`${where}: image ${c.image} has no fixed tag`);
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === "string" && !(c.ports ?? []).some((p) => p.name === port)) v.push(`${where}: ${probe} uses port ${port}, which the container does not name`);
      }
    }
    if (JAVA_SERVICES.includes(name)) {
      const c = pod.containers?.[0] ?? {};
      if (c.readinessProbe?.httpGet?.path !== "/actuator/health/readiness") v.push(`Deployment ${name}: readinessProbe is not /actuator/health/readiness`);
      if (c.livenessProbe?.httpGet?.path !== "/actuator/health/liveness") v.push(`Deployment ${name}: livenessProbe is not /actuator/health/liveness`);
      const spec = SERVICES.find((s) => s.name === name);
      if (!(c.ports ?? []).some((p) => p.containerPort === spec.port)) v.push(`Deployment ${name}: does not listen on ${spec.port}`);
      const ann = d.spec.template?.metadata?.annotations ?? {};
      if (ann["prometheus.io/path"] !== "/actuator/prometheus" || ann["prometheus.io/port"] !== String(spec.port)) v.push(`Deployment ${name}: prometheus.io annotations do not point at /actuator/prometheus on ${spec.port}`);
      if (c.resources?.requests?.memory !== c.resources?.limits?.memory) v.push(`Deployment ${name}: memory request differs from the limit the JVM sizes itself from`);
    }
  }

  // Stateless services scale: an autoscaler owns the replica count, a disruption budget keeps
  // some running through drains.
  const hpas = byKind(resources, "HorizontalPodAutoscaler");
  const pdbs = byKind(resources, "PodDisruptionBudget");
  for (const name of STATELESS) {
    const d = find(resources, "Deployment", name);
    if (!d) {
      v.push(`Deployment ${name} is missing`);
      continue;
    }
    const hpa = hpas.find((h) => h.spec.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef?.name === name);
    if (!hpa) v.push(`Deployment ${name}: no HorizontalPodAutoscaler`);
    else {
      if ((hpa.spec.minReplicas ?? 1) > hpa.spec.maxReplicas) v.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: minReplicas above maxReplicas`);
      if (!(hpa.spec.metrics ?? []).length) v.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: no metrics`);
      if (production && (hpa.spec.minReplicas ?? 1) < 2) v.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: fewer than 2 replicas in production`);
    }
    if (d.spec.replicas !== undefined) v.push(`Deployment ${name}: sets replicas, which its autoscaler owns`);
    if (!pdbs.some((p) => labelsMatch(p.spec.selector?.matchLabels, d.spec.template.metadata.labels))) v.push(`Deployment ${name}: no PodDisruptionBudget`);
  }
  for (const hpa of hpas) {
    const ref = hpa.spec.scaleTargetRef ?? {};
    if (!find(resources, ref.kind, ref.name)) v.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: scales ${ref.kind} ${ref.name}, which does not exist`);
  }
  for (const pdb of pdbs) {
    if (!deployments.some((d) => labelsMatch(pdb.spec.selector?.matchLabels, d.spec.template.metadata.labels))) v.push(`PodDisruptionBudget ${pdb.metadata.name}: selects no pods`);
  }

  // /internal and /actuator share each service's port: a NetworkPolicy keeps that port to the
  // pods that call it (and monitoring), never to every pod or address.
  const policies = byKind(resources, "NetworkPolicy");
  for (const s of SERVICES) {
    const d = find(resources, "Deployment", s.name);
    if (!d) continue;
    const mine = policies.filter((p) => (p.spec.policyTypes ?? []).includes("Ingress") && labelsMatch(p.spec.podSelector?.matchLabels, d.spec.template.metadata.labels));
    if (!mine.length) v.push(`Deployment ${s.name}: no NetworkPolicy keeps /internal and /actuator from the rest of the cluster`);
    for (const p of mine) {
      for (const rule of p.spec.ingress ?? []) {
        const open = !rule.from?.length || rule.from.some((peer) =>
          (peer.ipBlock && /\/0$/.test(peer.ipBlock.cidr ?? "")) ||
          (!peer.ipBlock && Object.keys(peer.podSelector ?? {}).length === 0 && Object.keys(peer.namespaceSelector ?? {}).length === 0) ||
          (peer.namespaceSelector && Object.keys(peer.namespaceSelector).length === 0 && !peer.podSelector?.matchLabels));
        if (open) v.push(`NetworkPolicy ${p.metadata.name}: lets every pod reach ${s.name}`);
      }
    }
  }

  // Only the Ingress is exposed: Services are cluster-internal and select real pods.
  for (const s of services) {
    const name = s.metadata.name;
    if ((s.spec.type ?? "ClusterIP") !== "ClusterIP") v.push(`Service ${name}: type ${s.spec.type} exposes it outside the cluster`);
    if (s.spec.externalIPs?.length) v.push(`Service ${name}: has external IPs`);
    const target = deployments.find((d) => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    if (!target) {
      v.push(`Service ${name}: selects no Deployment's pods`);
      continue;
    }
    const ports = containersOf(target).flatMap((c) => c.ports ?? []);
    for (const p of s.spec.ports ?? []) {
      const ok = typeof p.targetPort === "string" ? ports.some((cp) => cp.name === p.targetPort) : ports.some((cp) => cp.containerPort === (p.targetPort ?? p.port));
      if (!ok) v.push(`Service ${name}: targetPort ${p.targetPort} is no port of ${target.metadata.name}`);
    }
  }
  for (const kind of ["Pod", "DaemonSet", "StatefulSet"]) {
    for (const r of byKind(resources, kind)) {
      if ((podSpecOf(r)?.hostNetwork) || containersOf(r).some((c) => (c.ports ?? []).some((p) => p.hostPort))) v.push(`${kind} ${r.metadata.name}: uses the host's network`);
    }
  }

  // The Ingress: the nginx routes, to the right Services; never /internal or /actuator.
  const paths = ingressPaths(resources);
  if (paths.length === 0) v.push("no Ingress");
  for (const ingress of byKind(resources, "Ingress")) {
    if (!ingress.spec.ingressClassName) v.push(`Ingress ${ingress.metadata.name}: no ingressClassName`);
    if (production) {
      const hosts = (ingress.spec.rules ?? []).map((r) => r.host);
      const tlsHosts = (ingress.spec.tls ?? []).flatMap((t) => t.hosts ?? []);
      if (hosts.some((h) => !h)) v.push(`Ingress ${ingress.metadata.name}: a rule without a host in production`);
      if (!hosts.every((h) => tlsHosts.includes(h))) v.push(`Ingress ${ingress.metadata.name}: not every host has TLS`);
    }
  }
  for (const p of paths) {
    const service = find(resources, "Service", p.service);
    if (!service) v.push(`Ingress ${p.ingress}: path ${p.path} goes to Service ${p.service}, which does not exist`);
    else if (!(service.spec.ports ?? []).some((sp) => (p.port?.name ? sp.name === p.port.name : sp.port === p.port?.number))) v.push(`Ingress ${p.ingress}: path ${p.path} uses a port Service ${p.service} does not have`);
    if (/^\/(internal|actuator)(\/|$)/.test(p.path)) v.push(`Ingress ${p.ingress}: routes ${p.path}, which is never public`);
  }
  if (template) {
    const routes = nginxRoutes(template);
    for (const route of routes) {
      const prefix = route.path.replace(/\/$/, "");
      const exact = route.exact ? paths.find((p) => p.type === "Exact" && p.path === route.path) : undefined;
      const covering = paths
        .filter((p) => p.type === "Prefix" && p.path !== "/" && prefixCovers(p.path, prefix))
        .sort((a, b) => b.path.length - a.path.length)[0];
      const chosen = exact ?? covering;
      if (!chosen) v.push(`Ingress: nginx routes ${route.path} to ${route.service}, the Ingress does not`);
      else if (chosen.service !== route.service) v.push(`Ingress: ${route.path} goes to ${chosen.service}, nginx sends it to ${route.service}`);
    }
    for (const p of paths) {
      if (p.path === "/") {
        if (p.service !== "web") v.push(`Ingress ${p.ingress}: / goes to ${p.service}, not to the web app`);
        continue;
      }
      const known = routes.some((route) => (p.type === "Exact" ? route.path === p.path || prefixCovers(route.path.replace(/\/$/, ""), p.path) : route.path.replace(/\/$/, "") === p.path));
      if (!known) v.push(`Ingress ${p.ingress}: routes ${p.path}, which nginx does not proxy`);
    }
    if (!paths.some((p) => p.path === "/" && p.type === "Prefix")) v.push("Ingress: nothing serves the web app at /");
  }

  // Configuration: every reference resolves; the services find each other and their databases.
  const configMaps = Object.fromEntries(byKind(resources, "ConfigMap").map((c) => [c.metadata.name, c.data ?? {}]));
  const secrets = { ...externalSecrets };
  for (const s of byKind(resources, "Secret")) secrets[s.metadata.name] = Object.keys({ ...(s.data ?? {}), ...(s.stringData ?? {}) });
  for (const d of deployments) {
    for (const c of containersOf(d)) {
      const where = `Deployment ${d.metadata.name} container ${c.name}`;
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef && !configMaps[from.configMapRef.name]) v.push(`${where}: ConfigMap ${from.configMapRef.name} does not exist`);
        if (from.secretRef && !secrets[from.secretRef.name]) v.push(`${where}: Secret ${from.secretRef.name} does not exist`);
      }
      for (const env of c.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !(secrets[ref.name] ?? []).includes(ref.key)) v.push(`${where}: ${env.name} comes from Secret ${ref.name} key ${ref.key}, which does not exist`);
        const cm = env.valueFrom?.configMapKeyRef;
        if (cm && !(cm.key in (configMaps[cm.name] ?? {}))) v.push(`${where}: ${env.name} comes from ConfigMap ${cm.name} key ${cm.key}, which does not exist`);
      }
    }
  }
  const config = configMaps["cinemates-config"];
  if (!config) v.push("ConfigMap cinemates-config is missing");
  else {
    if (config.CINEMATES_BIND_ADDRESS !== "0.0.0.0") v.push("cinemates-config: CINEMATES_BIND_ADDRESS is not 0.0.0.0");
    for (const s of SERVICES) {
      if (config[`CINEMATES_${s.area}_URL`] !== `http://${s.name}:${s.port}`) v.push(`cinemates-config: CINEMATES_${s.area}_URL is not http://${s.name}:${s.port}`);
      if (!/^jdbc:postgresql:\/\/[^/]+\/[a-z_]+/.test(config[`CINEMATES_${s.area}_DB_URL`] ?? "")) v.push(`cinemates-config: CINEMATES_${s.area}_DB_URL is not a PostgreSQL URL`);
      const d = find(resources, "Deployment", s.name);
      const names = (d ? containersOf(d)[0]?.env ?? [] : []).map((e) => e.name);
      for (const variable of [`CINEMATES_${s.area}_DB_USER`, `CINEMATES_${s.area}_DB_PASSWORD`, "CINEMATES_SERVICE_TOKEN", "CINEMATES_REDIS_URL"]) {
        if (d && !names.includes(variable)) v.push(`Deployment ${s.name}: ${variable} is not set`);
      }
    }
    if (config.CINEMATES_SECURITY_JWT_JWKS_URI !== "http://user-service:8081/api/auth/jwks.json") v.push("cinemates-config: CINEMATES_SECURITY_JWT_JWKS_URI does not point at user-service");
    if (production && config.CINEMATES_SECURE_COOKIES !== "true") v.push("cinemates-config: cookies are not Secure in production");
  }

  // In-cluster PostgreSQL: a CloudNativePG Cluster per service, owned by the service's role.
  const clusters = resources.filter((r) => r.kind === "Cluster" && groupOf(r.apiVersion) === "postgresql.cnpg.io");
  if (clusters.length > 0 && config) {
    for (const s of SERVICES) {
      const url = config[`CINEMATES_${s.area}_DB_URL`] ?? "";
      const [, host, database] = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/([a-z_]+)/.exec(url) ?? [];
      const cluster = clusters.find((c) => `${c.metadata.name}-rw` === host);
      if (!cluster) {
        v.push(`${s.name}: its database host ${host} is no CloudNativePG Cluster's -rw Service`);
        continue;
      }
      const initdb = cluster.spec.bootstrap?.initdb ?? {};
      if (initdb.database !== database) v.push(`Cluster ${cluster.metadata.name}: creates database ${initdb.database}, ${s.name} uses ${database}`);
      const d = find(resources, "Deployment", s.name);
      const userRef = (d ? containersOf(d)[0]?.env ?? [] : []).find((e) => e.name === `CINEMATES_${s.area}_DB_USER`)?.valueFrom?.secretKeyRef;
      if (initdb.secret?.name !== userRef?.name) v.push(`Cluster ${cluster.metadata.name}: its owner Secret ${initdb.secret?.name} is not the one ${s.name} logs in with (${userRef?.name})`);
      if (production && cluster.spec.instances < 3) v.push(`Cluster ${cluster.metadata.name}: fewer than 3 instances in production`);
    }
  }

  if (production) {
    for (const s of byKind(resources, "Secret")) v.push(`Secret ${s.metadata.name}: a Secret in the production manifests (placeholders must stay out)`);
  }
  const text = JSON.stringify(resources.filter((r) => r.kind !== "Secret"));
  if (text.includes("change-me")) v.push("a placeholder secret (change-me) outside a Secret");
  return v;
}
