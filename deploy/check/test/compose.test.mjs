// compose.yaml: parses, interpolates from .env.example, validates against the Compose
// Specification, follows the deployment rules; and the rules catch what they are for.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { composeSchemaErrors, composeViolations, interpolate, loadCompose, parseEnvFile, variablesIn } from "../lib/compose.mjs";
import { clone, paths, readText, REPO } from "../lib/files.mjs";
import { composeCommand, run } from "../lib/tools.mjs";

const { raw, model, env, interpolationErrors } = loadCompose();

/** Asserts that a change to a copy of the model is reported, with a message matching `pattern`. */
function caught(change, pattern) {
  const copy = clone(model);
  change(copy);
  const violations = composeViolations(copy);
  assert.ok(violations.some((m) => pattern.test(m)), `expected a violation matching ${pattern}, got:\n${violations.join("\n")}`);
}

describe("compose.yaml", () => {
  it("parses and interpolates with .env.example alone", () => {
    assert.deepEqual(interpolationErrors, []);
    assert.ok(Object.keys(model.services).length >= 9);
  });

  it("validates against the Compose Specification schema", () => {
    assert.deepEqual(composeSchemaErrors(model), []);
  });

  it("follows the rules: healthchecks, healthy dependencies, restart policies, ports, networks, volumes", () => {
    assert.deepEqual(composeViolations(model), []);
  });

  it("is accepted by `docker-compose config`", (t) => {
    const compose = composeCommand();
    if (!compose) {
      t.skip("no docker-compose here (Debian: apt-get install docker-compose)");
      return;
    }
    const [command, ...prefix] = compose;
    const result = run(command, [...prefix, "--project-directory", REPO, "-f", paths.compose, "--env-file", paths.envExample, "--profile", "observability", "config", "-q"], { cwd: REPO });
    assert.equal(result.status, 0, `${compose.join(" ")} config failed:\n${result.stderr}${result.stdout}`);
  });

  it("needs no variable that .env.example lacks, and .env.example holds nothing it does not use", () => {
    const used = new Set();
    const required = new Set();
    const walk = (value) => {
      if (typeof value === "string") {
        for (const v of variablesIn(value)) {
          used.add(v.name);
          if (!v.defaulted) required.add(v.name);
        }
      } else if (value && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(raw);
    for (const name of required) assert.ok(name in env, `${name} is used without a default but missing from .env.example`);
    for (const name of Object.keys(env)) assert.ok(used.has(name), `.env.example sets ${name}, which compose.yaml does not use`);
  });

  it("keeps .env.example free of real secrets: every secret is change-me", () => {
    const secrets = Object.entries(env).filter(([name]) => /(PASSWORD|SECRET|TOKEN)$/.test(name));
    assert.ok(secrets.length >= 8, "the secrets are in .env.example");
    for (const [name, value] of secrets) assert.equal(value, "change-me", `${name} holds a value, not the placeholder`);
    assert.match(readText(paths.envExample), /openssl rand/, "says how to generate the secrets");
  });
});

describe("the compose rules catch", () => {
  it("a service without a healthcheck", () => caught((m) => delete m.services["user-service"].healthcheck, /^user-service: no healthcheck/));
  it("a disabled healthcheck", () => caught((m) => { m.services.redis.healthcheck = { disable: true }; }, /^redis: no healthcheck/));
  it("a dependency that need not be healthy", () => caught((m) => { m.services["activity-service"].depends_on.postgres.condition = "service_started"; }, /activity-service: depends on postgres with condition service_started/));
  it("a dependency list without conditions", () => caught((m) => { m.services.nginx.depends_on = ["user-service"]; }, /nginx: depends_on without conditions/));
  it("a restart policy other than unless-stopped", () => caught((m) => { m.services.postgres.restart = "always"; }, /^postgres: restart is always/));
  it("a missing restart policy", () => caught((m) => delete m.services["movie-service"].restart, /^movie-service: restart is not set/));
  it("a service port published", () => caught((m) => { m.services["movie-service"].ports = ["8082:8082"]; }, /^movie-service: publishes port/));
  it("a database port published beyond loopback", () => caught((m) => { m.services.postgres.ports = ["5432:5432"]; }, /^postgres: publishes port .* beyond 127.0.0.1/));
  it("a database without a named volume", () => caught((m) => { m.services.postgres.volumes = m.services.postgres.volumes.filter((v) => !String(v).includes("/var/lib/postgresql/data")); }, /^postgres: \/var\/lib\/postgresql\/data is not on a named volume/));
  it("Redis data in a bind mount", () => caught((m) => { m.services.redis.volumes = ["./redis:/data"]; }, /^redis: \/data is not on a named volume/));
  it("a backend network that is not internal", () => caught((m) => { m.networks.backend = {}; }, /network backend is not internal/));
  it("a service on the edge network", () => caught((m) => { m.services["user-service"].networks = ["edge", "backend"]; }, /user-service: on the edge network/));
  it("a MovieLens folder mounted read-write", () => caught((m) => { m.services["movie-service"].volumes[0].read_only = false; }, /movie-service: the MovieLens folder .* read-write/));
  it("a service listening on loopback only", () => caught((m) => { m.services["preference-service"].environment.CINEMATES_BIND_ADDRESS = "127.0.0.1"; }, /preference-service: CINEMATES_BIND_ADDRESS/));
  it("a wrong service URL", () => caught((m) => { m.services["user-service"].environment.CINEMATES_ACTIVITIES_URL = "http://127.0.0.1:8083"; }, /user-service: CINEMATES_ACTIVITIES_URL/));
  it("nginx not waiting for a service", () => caught((m) => delete m.services.nginx.depends_on["preference-service"], /nginx: does not wait for preference-service/));
  it("an observability tool outside its profile", () => caught((m) => delete m.services.grafana.profiles, /grafana: not in the observability profile/));
  it("a misspelt key (schema)", () => {
    const copy = clone(model);
    copy.services.redis.healthchek = copy.services.redis.healthcheck;
    assert.ok(composeSchemaErrors(copy).some((e) => /healthchek/.test(e)));
  });
  it("a wrong type (schema)", () => {
    const copy = clone(model);
    copy.services.nginx.ports = "8080:8080";
    assert.notDeepEqual(composeSchemaErrors(copy), []);
  });
});

describe("interpolation", () => {
  it("follows Compose: defaults, required values, $$", () => {
    const errors = [];
    const env = parseEnvFile("A=1\nEMPTY=\n# comment\nQ='x y'\n");
    assert.equal(interpolate("${A}-${B:-2}-${EMPTY:-3}-${EMPTY-4}-$$A-$A-${Q}", env, errors), "1-2-3--$A-1-x y");
    assert.deepEqual(errors, []);
    interpolate("${MISSING:?needed}", env, errors);
    assert.equal(errors.length, 1);
  });
});
