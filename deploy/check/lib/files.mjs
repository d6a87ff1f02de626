// Where the deployment files are, and how they are read.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const CHECK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO = resolve(CHECK_DIR, "../..");
export const DEPLOY = join(REPO, "deploy");

export const paths = {
  compose: join(REPO, "compose.yaml"),
  envExample: join(REPO, ".env.example"),
  dockerignore: join(REPO, ".dockerignore"),
  serviceDockerfile: join(DEPLOY, "docker/Dockerfile"),
  nginxDockerfile: join(DEPLOY, "docker/nginx.Dockerfile"),
  nginxConf: join(DEPLOY, "docker/nginx.conf"),
  healthcheck: join(DEPLOY, "docker/healthcheck.sh"),
  postgresInit: join(DEPLOY, "postgres/init-databases.sh"),
  k8s: join(DEPLOY, "k8s"),
  prometheus: join(DEPLOY, "observability/prometheus.yml"),
  prometheusLocal: join(DEPLOY, "observability/prometheus-local.yml"),
  grafana: join(DEPLOY, "observability/grafana"),
  nginxTemplate: join(REPO, "edge/nginx/templates/cinemates.conf.template"),
  nginxSnippets: join(REPO, "edge/nginx/snippets"),
};

/** The four services: name, port and the prefix of their settings (CINEMATES_<AREA>_...). */
export const SERVICES = [
  { name: "user-service", port: 8081, area: "USERS", upstream: "cinemates_users" },
  { name: "movie-service", port: 8082, area: "MOVIES", upstream: "cinemates_movies" },
  { name: "activity-service", port: 8083, area: "ACTIVITIES", upstream: "cinemates_activities" },
  { name: "preference-service", port: 8084, area: "PREFERENCES", upstream: "cinemates_preferences" },
];

export function readText(file) {
  return readFileSync(file, "utf8");
}

/**
 * Every YAML document of a file, as plain data. Merge keys (<<) are resolved, as Compose does;
 * duplicate keys and syntax errors throw, naming the file.
 */
export function readYamlDocuments(file, { merge = false } = {}) {
  return parseYamlDocuments(readText(file), file, { merge });
}

export function parseYamlDocuments(text, name, { merge = false } = {}) {
  const documents = parseAllDocuments(text, { merge, uniqueKeys: true, prettyErrors: true });
  const result = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      throw new Error(`${name}: ${document.errors.map((e) => e.message).join("; ")}`);
    }
    const value = document.toJS({ maxAliasCount: 1000 });
    if (value !== null && value !== undefined) result.push(value);
  }
  return result;
}

export function readYaml(file, options) {
  const documents = readYamlDocuments(file, options);
  if (documents.length !== 1) throw new Error(`${file}: expected one YAML document, found ${documents.length}`);
  return documents[0];
}

export function clone(value) {
  return structuredClone(value);
}
