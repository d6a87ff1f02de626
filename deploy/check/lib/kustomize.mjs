// A small kustomize: renders a kustomization the way `kubectl kustomize` does, for the features
// this project's kustomizations use, and refuses anything else (so they stay that simple).
//
//   resources   files (one or more YAML documents) and folders holding a kustomization
//   components  folders holding a Component (resources, patches)
//   patches     strategic-merge patches (including $patch: delete) and JSON 6902 patches, from a
//               file or inline, applied to the resource they name or to every resource a target
//               selects (group, version, kind, name as a regular expression, namespace)
//   namespace   set on every namespaced resource
//   images      newName / newTag / digest of containers' images
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { clone, parseYamlDocuments, readText, readYaml } from "./files.mjs";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const SUPPORTED = new Set(["apiVersion", "kind", "resources", "components", "patches", "namespace", "images"]);
const CLUSTER_SCOPED = new Set([
  "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "ClusterIssuer",
  "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration", "APIService", "ClusterImageCatalog",
]);

export function kustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILES) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  return null;
}

export function groupOf(apiVersion = "") {
  return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
}

export function versionOf(apiVersion = "") {
  return apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
}

export function idOf(resource) {
  const ns = resource.metadata?.namespace ?? "";
  return `${groupOf(resource.apiVersion) || "core"}/${resource.kind}/${ns ? `${ns}/` : ""}${resource.metadata?.name}`;
}

/** Renders the kustomization in dir: its resources, in kustomize's output order. */
export function render(dir) {
  return sortLikeKustomize(build(resolve(dir), "Kustomization", []));
}

function build(dir, expectedKind, stack) {
  if (stack.includes(dir)) throw new Error(`kustomization cycle: ${[...stack, dir].join(" -> ")}`);
  const file = kustomizationFile(dir);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = readYaml(file);
  const kind = k.kind ?? "Kustomization";
  if (kind !== expectedKind) throw new Error(`${file}: is a ${kind}, expected a ${expectedKind}`);
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: '${key}' is not supported by this renderer (keep the kustomizations simple, or extend deploy/check/lib/kustomize.mjs)`);
  }
  let resources = [];
  const add = (more, from) => {
    for (const r of more) {
      if (resources.some((existing) => idOf(existing) === idOf(r))) throw new Error(`${from}: ${idOf(r)} is defined twice`);
      resources.push(r);
    }
  };
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) throw new Error(`${file}: resource ${entry} does not exist`);
    if (statSync(path).isDirectory()) add(build(path, "Kustomization", [...stack, dir]), file);
    else add(readResources(path), file);
  }
  for (const entry of k.components ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new Error(`${file}: component ${entry} is not a folder`);
    resources = applyComponent(path, resources, [...stack, dir]);
  }
  return transform(dir, file, k, resources);
}

function applyComponent(dir, resources, stack) {
  const file = kustomizationFile(dir);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = readYaml(file);
  if (k.kind !== "Component") throw new Error(`${file}: is a ${k.kind}, expected a Component`);
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: '${key}' is not supported by this renderer`);
  }
  const all = [...resources];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    const more = statSync(path).isDirectory() ? build(path, "Kustomization", [...stack, dir]) : readResources(path);
    for (const r of more) {
      if (all.some((existing) => idOf(existing) === idOf(r))) throw new Error(`${file}: ${idOf(r)} is defined twice`);
      all.push(r);
    }
  }
  for (const entry of k.components ?? []) all.splice(0, all.length, ...applyComponent(resolve(dir, entry), all, [...stack, dir]));
  return transform(dir, file, k, all);
}

function readResources(file) {
  return parseYamlDocuments(readText(file), file).map((r) => {
    if (!r.apiVersion || !r.kind || !r.metadata?.name) throw new Error(`${file}: a document without apiVersion, kind or metadata.name`);
    return r;
  });
}

function transform(dir, file, k, input) {
  let resources = input.map(clone);
  for (const [index, patch] of (k.patches ?? []).entries()) {
    resources = applyPatch(dir, `${file} patches[${index}]`, patch, resources);
  }
  if (k.namespace) {
    for (const r of resources) {
      if (CLUSTER_SCOPED.has(r.kind)) continue;
      r.metadata.namespace = k.namespace;
    }
  }
  for (const image of k.images ?? []) {
    let used = false;
    for (const r of resources) {
      for (const container of containersOf(r)) {
        const parsed = parseImage(container.image);
        if (parsed.name !== image.name) continue;
        used = true;
        const name = image.newName ?? parsed.name;
        if (image.digest) container.image = `${name}@${image.digest}`;
        else if (image.newTag) container.image = `${name}:${image.newTag}`;
        else container.image = `${name}${parsed.tag ? `:${parsed.tag}` : ""}${parsed.digest ? `@${parsed.digest}` : ""}`;
      }
    }
    if (!used) throw new Error(`${file}: image ${image.name} is used by no container`);
  }
  return resources;
}

export function parseImage(image) {
  let rest = image;
  let digest = "";
  let tag = "";
  if (rest.includes("@")) [rest, digest] = rest.split("@");
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

/** The pod spec of a workload, or undefined. */
export function podSpecOf(resource) {
  const spec = resource.spec;
  if (!spec) return undefined;
  if (resource.kind === "Pod") return spec;
  if (resource.kind === "CronJob") return spec.jobTemplate?.spec?.template?.spec;
  return spec.template?.spec;
}

export function containersOf(resource) {
  const pod = podSpecOf(resource);
  if (!pod || typeof pod !== "object") return [];
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
}

// --- Patches ----------------------------------------------------------------------------------

function applyPatch(dir, where, entry, resources) {
  if (!entry.path && !entry.patch) throw new Error(`${where}: neither path nor patch`);
  const text = entry.path ? readText(resolve(dir, entry.path)) : entry.patch;
  const documents = parseYamlDocuments(text, where);
  const isJson6902 = documents.length === 1 && Array.isArray(documents[0]);
  const targets = entry.target ? resources.filter((r) => matches(r, entry.target)) : null;
  if (targets && targets.length === 0) throw new Error(`${where}: the target ${JSON.stringify(entry.target)} selects nothing`);

  if (isJson6902) {
    if (!targets) throw new Error(`${where}: a JSON 6902 patch needs a target`);
    return resources.map((r) => (targets.includes(r) ? applyJson6902(r, documents[0], where) : r));
  }
  let result = resources;
  for (const patch of documents) {
    const selected = targets ?? result.filter((r) => samePatchTarget(r, patch));
    if (selected.length === 0) throw new Error(`${where}: no resource ${patch.kind} ${patch.metadata?.name} to patch`);
    const next = [];
    for (const r of result) {
      if (!selected.includes(r)) next.push(r);
      else if (patch.$patch === "delete") continue;
      else next.push(strategicMerge(r, patch, r.kind, groupOf(r.apiVersion), []));
    }
    result = next;
  }
  return result;
}

function samePatchTarget(resource, patch) {
  return resource.kind === patch.kind
    && groupOf(resource.apiVersion) === groupOf(patch.apiVersion)
    && resource.metadata?.name === patch.metadata?.name
    && (!patch.metadata?.namespace || resource.metadata?.namespace === patch.metadata.namespace);
}

function matches(resource, target) {
  if (target.kind && target.kind !== resource.kind) return false;
  if (target.group !== undefined && target.group !== groupOf(resource.apiVersion)) return false;
  if (target.version && target.version !== versionOf(resource.apiVersion)) return false;
  if (target.name && !new RegExp(`^(?:${target.name})$`).test(resource.metadata?.name ?? "")) return false;
  if (target.namespace && target.namespace !== (resource.metadata?.namespace ?? "")) return false;
  if (target.labelSelector) {
    const labels = resource.metadata?.labels ?? {};
    for (const term of target.labelSelector.split(",")) {
      const [key, value] = term.split("=").map((s) => s.trim());
      if (value === undefined ? !(key in labels) : labels[key] !== value) return false;
    }
  }
  for (const key of Object.keys(target)) {
    if (!["kind", "group", "version", "name", "namespace", "labelSelector"].includes(key)) throw new Error(`target field ${key} is not supported`);
  }
  return true;
}

// Lists of built-in kinds that kustomize merges item by item, and the key that identifies an item.
const MERGE_KEYS = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  imagePullSecrets: "name",
  tolerations: null,
};
const BUILT_IN_GROUPS = new Set(["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io"]);

function strategicMerge(target, patch, kind, group, path) {
  if (patch === null) return undefined;
  if (typeof patch !== "object" || Array.isArray(patch) || typeof target !== "object" || target === null || Array.isArray(target)) {
    return clone(patch);
  }
  if (patch.$patch === "replace") {
    const { $patch, ...rest } = patch;
    return clone(rest);
  }
  const result = clone(target);
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch") continue;
    if (path.length === 0 && (key === "apiVersion" || key === "kind")) continue;
    if (path.length === 1 && path[0] === "metadata" && key === "name") continue;
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, key, kind, group, [...path, key]);
    } else if (typeof value === "object") {
      result[key] = strategicMerge(result[key] ?? {}, value, kind, group, [...path, key]);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mergeList(target, patch, key, kind, group, path) {
  let mergeKey = BUILT_IN_GROUPS.has(group) ? MERGE_KEYS[key] : undefined;
  // Ports: containerPort in containers, port in a Service.
  if (BUILT_IN_GROUPS.has(group) && key === "ports") mergeKey = kind === "Service" ? "port" : "containerPort";
  if (!mergeKey || !Array.isArray(target)) return clone(patch);
  // As kustomize orders a merged list: the patch's items first (merged into the items with the
  // same key), then the remaining items of the target.
  const result = [];
  const used = new Set();
  for (const item of patch) {
    const index = target.findIndex((existing) => existing?.[mergeKey] === item?.[mergeKey]);
    if (index >= 0) used.add(index);
    if (item?.$patch === "delete") continue;
    result.push(index >= 0 ? strategicMerge(target[index], item, kind, group, path) : clone(item));
  }
  target.forEach((item, index) => {
    if (!used.has(index)) result.push(clone(item));
  });
  return result;
}

function pointer(path) {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new Error(`JSON pointer ${path} does not start with /`);
  return path.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function applyJson6902(resource, operations, where) {
  const result = clone(resource);
  for (const op of operations) {
    const parts = pointer(op.path);
    const last = parts.pop();
    let parent = result;
    for (const part of parts) {
      parent = Array.isArray(parent) ? parent[Number(part)] : parent?.[part];
      if (parent === undefined) throw new Error(`${where}: ${op.op} ${op.path}: ${part} does not exist in ${idOf(resource)}`);
    }
    switch (op.op) {
      case "add":
        if (Array.isArray(parent)) parent.splice(last === "-" ? parent.length : Number(last), 0, clone(op.value));
        else parent[last] = clone(op.value);
        break;
      case "replace":
        if (!(last in parent)) throw new Error(`${where}: replace ${op.path}: nothing there in ${idOf(resource)}`);
        parent[last] = clone(op.value);
        break;
      case "remove":
        if (!(last in parent)) throw new Error(`${where}: remove ${op.path}: nothing there in ${idOf(resource)}`);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        break;
      case "test":
        if (JSON.stringify(parent[last]) !== JSON.stringify(op.value)) throw new Error(`${where}: test ${op.path} failed in ${idOf(resource)}`);
        break;
      default:
        throw new Error(`${where}: JSON 6902 operation ${op.op} is not supported`);
    }
  }
  return result;
}

// kustomize's default ("legacy") output order: some kinds first, some last, the rest by group,
// version and kind; then by namespace and name.
const FIRST = ["Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
  "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange",
  "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget"];
const LAST = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

function sortLikeKustomize(resources) {
  const rank = (kind) => {
    const first = FIRST.indexOf(kind);
    if (first >= 0) return first;
    const last = LAST.indexOf(kind);
    if (last >= 0) return FIRST.length + 1 + last;
    return FIRST.length;
  };
  const gvk = (r) => `${groupOf(r.apiVersion)}_${versionOf(r.apiVersion)}_${r.kind}`;
  return [...resources].sort((a, b) => rank(a.kind) - rank(b.kind)
    || (rank(a.kind) === FIRST.length ? gvk(a).localeCompare(gvk(b)) : 0)
    || (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "")
    || a.metadata.name.localeCompare(b.metadata.name));
}
