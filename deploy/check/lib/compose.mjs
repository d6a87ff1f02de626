// Docker Compose: .env files, variable interpolation as Compose does it, the compose-spec JSON
// schema, and the rules this project holds its compose file to.
import { join } from "node:path";
import Ajv from "ajv";
import { CHECK_DIR, paths, readText, readYaml, SERVICES } from "./files.mjs";

// The Compose Specification's JSON schema, as the dclint package ships it.
const COMPOSE_SCHEMA = join(CHECK_DIR, "node_modules/dclint/schemas/compose.schema.json");

/** KEY=VALUE lines of an .env file (comments and blank lines skipped, quotes removed). */
export function parseEnvFile(text) {
  const env = {};
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) throw new Error(`line ${index + 1} is not KEY=VALUE: ${raw}`);
    let value = match[2];
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    env[match[1]] = value;
  }
  return env;
}

const VARIABLE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Every variable a string refers to, with whether it has a default (or is only an alternative). */
export function variablesIn(text) {
  const found = [];
  for (const m of text.matchAll(VARIABLE)) {
    if (m[0] === "$$") continue;
    const name = m[1] ?? m[4];
    const operator = m[2] ?? "";
    found.push({ name, required: operator.endsWith("?"), defaulted: operator.endsWith("-") || operator.endsWith("+") });
    if (m[3]) found.push(...variablesIn(m[3]));
  }
  return found;
}

/** Compose's interpolation of one string: ${VAR}, ${VAR:-default}, ${VAR:?error}, $$ ... */
export function interpolateString(text, env, errors, where) {
  return text.replace(VARIABLE, (whole, braced, operator, argument = "", bare) => {
    if (whole === "$$") return "$";
    const name = braced ?? bare;
    const value = env[name];
    const unset = value === undefined;
    const empty = unset || value === "";
    switch (operator) {
      case ":-": return empty ? interpolateString(argument, env, errors, where) : value;
      case "-": return unset ? interpolateString(argument, env, errors, where) : value;
      case ":+": return empty ? "" : interpolateString(argument, env, errors, where);
      case "+": return unset ? "" : interpolateString(argument, env, errors, where);
      case ":?":
      case "?":
        if (operator === ":?" ? empty : unset) errors.push(`${where}: ${name} is required: ${argument}`);
        return value ?? "";
      default:
        if (unset) errors.push(`${where}: ${name} is not set and has no default`);
        return value ?? "";
    }
  });
}

export function interpolate(value, env, errors = [], where = "") {
  if (typeof value === "string") return interpolateString(value, env, errors, where);
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, errors, `${where}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, errors, where ? `${where}.${k}` : k)]));
  }
  return value;
}

/** The compose file as written (anchors and merge keys resolved) and interpolated with .env.example. */
export function loadCompose() {
  const raw = readYaml(paths.compose, { merge: true });
  const env = parseEnvFile(readText(paths.envExample));
  const errors = [];
  const model = interpolate(raw, env, errors);
  return { raw, model, env, interpolationErrors: errors };
}

let validateSchema;
/** Errors of the model against the Compose Specification's JSON schema. */
export function composeSchemaErrors(model) {
  if (!validateSchema) {
    // Draft-07, named by an https URL Ajv does not know under that spelling.
    const { $schema, ...schema } = JSON.parse(readText(COMPOSE_SCHEMA));
    const ajv = new Ajv({ allErrors: true, strict: false });
    validateSchema = ajv.compile(schema);
  }
  if (validateSchema(model)) return [];
  return validateSchema.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);
}

// --- Rules ------------------------------------------------------------------------------------

const DATA_STORES = {
  postgres: "/var/lib/postgresql/data",
  redis: "/data",
};
const OBSERVABILITY = ["prometheus", "grafana"];

function environmentOf(service) {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split("=")[0], e.split("=").slice(1).join("=")]));
  return env;
}

function networksOf(service) {
  const networks = service.networks ?? [];
  return Array.isArray(networks) ? networks : Object.keys(networks);
}

/** A published port in short or long syntax: { host_ip, published, target }. */
export function parsePort(port) {
  if (typeof port === "object") return { hostIp: port.host_ip ?? "", published: String(port.published ?? ""), target: String(port.target) };
  const text = String(port);
  const parts = text.split(":");
  if (parts.length === 1) return { hostIp: "", published: "", target: parts[0] };
  if (parts.length === 2) return { hostIp: "", published: parts[0], target: parts[1] };
  return { hostIp: parts.slice(0, -2).join(":"), published: parts.at(-2), target: parts.at(-1) };
}

/** Named volume mounts of a service: { source, target, readOnly, type }. */
export function mountsOf(service) {
  return (service.volumes ?? []).map((v) => {
    if (typeof v === "object") return { type: v.type, source: v.source, target: v.target, readOnly: v.read_only === true };
    const [source, target, mode = ""] = v.split(":");
    const type = /^[./~]/.test(source) ? "bind" : "volume";
    return { type, source, target, readOnly: mode.split(",").includes("ro") };
  });
}

function healthcheckDisabled(healthcheck) {
  if (!healthcheck) return true;
  if (healthcheck.disable === true) return true;
  const test = healthcheck.test;
  if (test === undefined) return true;
  if (Array.isArray(test)) return test.length === 0 || test[0] === "NONE";
  return String(test).trim() === "" || String(test).trim() === "NONE";
}

/**
 * What the compose file must be, as a list of violations (empty when it is right). Checked on
 * the interpolated model.
 */
export function composeViolations(model) {
  const v = [];
  const services = model.services ?? {};
  const names = Object.keys(services);
  const appNames = SERVICES.map((s) => s.name);
  const expected = ["nginx", ...appNames, "postgres", "redis", ...OBSERVABILITY];
  for (const name of expected) if (!services[name]) v.push(`service ${name} is missing`);

  for (const [name, service] of Object.entries(services)) {
    if (healthcheckDisabled(service.healthcheck)) v.push(`${name}: no healthcheck`);
    if (service.restart !== "unless-stopped") v.push(`${name}: restart is ${service.restart ?? "not set"}, not unless-stopped`);
    const dependsOn = service.depends_on ?? {};
    if (Array.isArray(dependsOn)) {
      if (dependsOn.length > 0) v.push(`${name}: depends_on without conditions (${dependsOn.join(", ")})`);
    } else {
      for (const [dependency, spec] of Object.entries(dependsOn)) {
        if (!services[dependency]) v.push(`${name}: depends on ${dependency}, which does not exist`);
        if (spec?.condition !== "service_healthy") v.push(`${name}: depends on ${dependency} with condition ${spec?.condition}, not service_healthy`);
        else if (services[dependency] && healthcheckDisabled(services[dependency].healthcheck)) {
          v.push(`${name}: waits for ${dependency} to be healthy, but it has no healthcheck`);
        }
        const own = service.profiles ?? [];
        const theirs = services[dependency]?.profiles ?? [];
        if (theirs.length > 0 && !theirs.every((p) => own.includes(p))) v.push(`${name}: depends on ${dependency}, which only runs in profile(s) ${theirs.join(", ")}`);
      }
    }

    for (const port of service.ports ?? []) {
      const { hostIp } = parsePort(port);
      if (name === "nginx") continue;
      if (appNames.includes(name)) v.push(`${name}: publishes port ${JSON.stringify(port)}; only nginx may`);
      else if (hostIp !== "127.0.0.1") v.push(`${name}: publishes port ${JSON.stringify(port)} beyond 127.0.0.1`);
    }
    if (service.network_mode) v.push(`${name}: network_mode ${service.network_mode} bypasses the networks`);
    if (service.privileged) v.push(`${name}: privileged`);
  }

  // The edge is the only way in; everything else sits on the internal network.
  const networks = model.networks ?? {};
  if (networks.backend?.internal !== true) v.push("network backend is not internal");
  if (!networks.edge) v.push("network edge is missing");
  if (networks.edge?.internal) v.push("network edge must not be internal (nginx publishes its port there)");
  if (services.nginx) {
    const nginxNetworks = networksOf(services.nginx);
    if (!nginxNetworks.includes("edge") || !nginxNetworks.includes("backend")) v.push("nginx: must be on the edge and backend networks");
    if ((services.nginx.ports ?? []).length !== 1) v.push("nginx: must publish exactly one port");
    for (const name of appNames) {
      if (services.nginx.depends_on?.[name]?.condition !== "service_healthy") v.push(`nginx: does not wait for ${name} to be healthy`);
    }
  }
  for (const [name, service] of Object.entries(services)) {
    if (name !== "nginx" && networksOf(service).includes("edge")) v.push(`${name}: on the edge network; only nginx may be`);
    if (!networksOf(service).includes("backend")) v.push(`${name}: not on the backend network`);
  }

  // The four services: built from the one Dockerfile, told where everything is, on PostgreSQL.
  for (const { name, port, area } of SERVICES) {
    const service = services[name];
    if (!service) continue;
    const env = environmentOf(service);
    const args = service.build?.args ?? {};
    if (service.build?.dockerfile !== "deploy/docker/Dockerfile") v.push(`${name}: not built from deploy/docker/Dockerfile`);
    if (args.SERVICE !== name || String(args.PORT) !== String(port)) v.push(`${name}: build args SERVICE/PORT are ${args.SERVICE}/${args.PORT}, not ${name}/${port}`);
    if (env.CINEMATES_BIND_ADDRESS !== "0.0.0.0") v.push(`${name}: CINEMATES_BIND_ADDRESS is not 0.0.0.0`);
    if (env[`CINEMATES_${area}_PORT`] !== undefined && String(env[`CINEMATES_${area}_PORT`]) !== String(port)) v.push(`${name}: CINEMATES_${area}_PORT is not ${port}`);
    const url = env[`CINEMATES_${area}_DB_URL`] ?? "";
    if (!url.startsWith("jdbc:postgresql://postgres:5432/")) v.push(`${name}: CINEMATES_${area}_DB_URL is not a database of the postgres service (${url})`);
    if (!env[`CINEMATES_${area}_DB_USER`] || !env[`CINEMATES_${area}_DB_PASSWORD`]) v.push(`${name}: database user or password missing`);
    for (const other of SERVICES) {
      const expectedUrl = `http://${other.name}:${other.port}`;
      if (env[`CINEMATES_${other.area}_URL`] !== expectedUrl) v.push(`${name}: CINEMATES_${other.area}_URL is not ${expectedUrl}`);
    }
    if (env.CINEMATES_SECURITY_JWT_JWKS_URI !== "http://user-service:8081/api/auth/jwks.json") v.push(`${name}: CINEMATES_SECURITY_JWT_JWKS_URI does not point at user-service`);
    if (!env.CINEMATES_SERVICE_TOKEN) v.push(`${name}: no CINEMATES_SERVICE_TOKEN`);
    if (!/^redis:\/\/(:[^@]*@)?redis:6379$/.test(env.CINEMATES_REDIS_URL ?? "")) v.push(`${name}: CINEMATES_REDIS_URL does not point at the redis service`);
    if (!service.mem_limit) v.push(`${name}: no mem_limit (the JVM sizes its heap from it)`);
    for (const dependency of ["postgres", "redis"]) {
      if (service.depends_on?.[dependency]?.condition !== "service_healthy") v.push(`${name}: does not wait for ${dependency}`);
    }
  }

  // The MovieLens folder, read-only, where the import and the community ratings read it.
  for (const [name, variable] of [["movie-service", "CINEMATES_CATALOGUE_DIR"], ["preference-service", "CINEMATES_RATINGS_DIR"]]) {
    const service = services[name];
    if (!service) continue;
    const folder = environmentOf(service)[variable];
    const mount = mountsOf(service).find((m) => m.target === folder);
    if (!folder || !mount) v.push(`${name}: ${variable} is not a mounted folder`);
    else if (!mount.readOnly) v.push(`${name}: the MovieLens folder ${folder} is mounted read-write`);
  }

  // Data lives in named volumes.
  const volumes = model.volumes ?? {};
  for (const [name, dataDir] of Object.entries(DATA_STORES)) {
    const service = services[name];
    if (!service) continue;
    const mount = mountsOf(service).find((m) => m.target === dataDir);
    if (!mount || mount.type !== "volume") v.push(`${name}: ${dataDir} is not on a named volume`);
    else if (!(mount.source in volumes)) v.push(`${name}: volume ${mount.source} is not declared`);
  }
  const postgres = services.postgres;
  if (postgres && !mountsOf(postgres).some((m) => m.target.startsWith("/docker-entrypoint-initdb.d/") && m.source.endsWith("deploy/postgres/init-databases.sh"))) {
    v.push("postgres: deploy/postgres/init-databases.sh is not mounted as an init script");
  }

  for (const name of OBSERVABILITY) {
    const profiles = services[name]?.profiles ?? [];
    if (services[name] && !profiles.includes("observability")) v.push(`${name}: not in the observability profile`);
  }
  for (const name of names) {
    if (!OBSERVABILITY.includes(name) && (services[name].profiles ?? []).length > 0) v.push(`${name}: only runs in a profile`);
  }
  return v;
}
