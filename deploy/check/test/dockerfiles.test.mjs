// The images: both Dockerfiles pass the lint; the service image is layered, non-root, healthy
// and sized by its container; the edge image renders the one nginx template completely, with the
// API docs page at /api/docs.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { envOf, lintDockerfile, renderNginxTemplate, stagesOf } from "../lib/dockerfile.mjs";
import { edgeConfiguration, nginxArguments } from "../lib/edge.mjs";
import { paths, readText, REPO, SERVICES } from "../lib/files.mjs";
import { run, which } from "../lib/tools.mjs";

const serviceDockerfile = readText(paths.serviceDockerfile);
const nginxDockerfile = readText(paths.nginxDockerfile);
const template = readText(paths.nginxTemplate);
const docsDir = join(REPO, "edge/nginx/docs");

describe("Dockerfile lint", () => {
  it("deploy/docker/Dockerfile passes", () => assert.deepEqual(lintDockerfile(serviceDockerfile), []));
  it("deploy/docker/nginx.Dockerfile passes", () => assert.deepEqual(lintDockerfile(nginxDockerfile), []));

  const caught = (text, pattern) => {
    const problems = lintDockerfile(text);
    assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join("\n")}`);
  };
  it("catches a runtime stage without HEALTHCHECK", () => caught(serviceDockerfile.replace(/^HEALTHCHECK .*$/m, ""), /no HEALTHCHECK/));
  it("catches a runtime stage running as root", () => caught(serviceDockerfile.replace(/^USER .*$/m, "USER root"), /runs as root/));
  it("catches a runtime stage without USER", () => caught(nginxDockerfile.replace(/^USER .*$/m, ""), /runs as root \(no USER\)/));
  it("catches an untagged or latest base image", () => {
    caught(serviceDockerfile.replace("FROM eclipse-temurin:21-jre", "FROM eclipse-temurin"), /has no tag/);
    caught(nginxDockerfile.replace("FROM nginx:1.27-alpine", "FROM nginx:latest"), /latest/);
  });
  it("catches a shell-form ENTRYPOINT", () => caught(serviceDockerfile.replace(/^ENTRYPOINT .*$/m, "ENTRYPOINT java -jar app.jar"), /shell form/));
  it("catches a single-stage build", () => caught("FROM eclipse-temurin:21-jre\nUSER 1000\nEXPOSE 8080\nHEALTHCHECK CMD true\nENTRYPOINT [\"java\"]\n", /multi-stage/));
  it("catches an unknown flag (dockerfile-utils)", () => caught(serviceDockerfile.replace("COPY --chmod=755", "COPY --chmd=755"), /Unknown flag/));
  it("catches BuildKit flags without the syntax directive", () => caught(serviceDockerfile.replace(/^# syntax=.*\n/, ""), /syntax=docker\/dockerfile:1/));
});

describe("the service image", () => {
  const stages = stagesOf(serviceDockerfile);
  const runtime = stages.at(-1);
  const runtimeText = runtime.instructions.map((i) => `${i.keyword} ${i.text}`).join("\n");

  it("builds with the Maven wrapper on a JDK 17 image and runs on a Temurin JRE", () => {
    assert.match(stages[0].image, /^(eclipse-temurin|maven)$/);
    assert.match(stages[0].tag, /^(17-jdk|3\.9-eclipse-temurin-17)/);
    assert.ok(stages[0].instructions.some((i) => i.keyword === "RUN" && /\.\/mvnw .*--projects "\$\{SERVICE\}" --also-make/.test(i.text)));
    assert.equal(runtime.image, "eclipse-temurin");
    assert.match(runtime.tag, /^(17|21)-jre/);
  });

  it("splits Spring Boot's layered jar and copies the layers from the most to the least stable", () => {
    assert.match(serviceDockerfile, /java -Djarmode=tools -jar \S+ extract --layers --launcher/);
    const layers = runtime.instructions.filter((i) => i.keyword === "COPY" && i.flags.includes("from")).map((i) => /layers\/([a-z-]+)\//.exec(i.text)?.[1]);
    assert.deepEqual(layers, ["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"]);
    assert.match(runtimeText, /org\.springframework\.boot\.loader\.launch\.JarLauncher/);
  });

  it("runs as a numeric non-root user, so Kubernetes can verify runAsNonRoot", () => {
    const user = runtime.instructions.filter((i) => i.keyword === "USER").at(-1).text.trim();
    assert.match(user, /^[1-9][0-9]*(:[0-9]+)?$/);
  });

  it("sizes the JVM from the container's memory limit, and binds beyond loopback", () => {
    const env = envOf(serviceDockerfile);
    assert.match(env.CINEMATES_JAVA_OPTS, /-XX:MaxRAMPercentage=\d+/);
    assert.doesNotMatch(env.CINEMATES_JAVA_OPTS, /-Xmx/);
    assert.equal(env.CINEMATES_BIND_ADDRESS, "0.0.0.0");
    assert.match(runtimeText, /ENTRYPOINT .*exec java \$\{CINEMATES_JAVA_OPTS\}/);
  });

  it("checks health on the readiness group of the service's own port", () => {
    const script = readText(paths.healthcheck);
    assert.match(script, /\/actuator\/health\/readiness/);
    for (const s of SERVICES) assert.match(script, new RegExp(`${s.name}\\) port_variable=CINEMATES_${s.area}_PORT`));
    assert.match(runtimeText, /HEALTHCHECK .*CMD \["cinemates-healthcheck"\]/);
  });

  it("refuses a SERVICE/PORT pair that is not a service", () => {
    for (const s of SERVICES) assert.ok(serviceDockerfile.includes(`${s.name}:${s.port}`), `${s.name}:${s.port} is accepted`);
    assert.match(serviceDockerfile, /\*\) echo .* >&2; exit 1 ;;/);
  });
});

describe("the edge image", () => {
  const env = envOf(nginxDockerfile);
  const stages = stagesOf(nginxDockerfile);

  it("builds the web app in a node:20 stage and serves it from nginx", () => {
    assert.equal(stages[0].image, "node");
    assert.match(stages[0].tag, /^20/);
    assert.ok(stages[0].instructions.some((i) => i.keyword === "RUN" && /npm ci/.test(i.text)));
    assert.ok(stages[0].instructions.some((i) => i.keyword === "RUN" && /npm run build/.test(i.text)));
    const copy = stages.at(-1).instructions.find((i) => i.keyword === "COPY" && i.flags.includes("from"));
    assert.match(copy.text, /\/dist\/ \S+/);
    assert.ok(copy.text.includes(env.CINEMATES_WEB_ROOT), "the build output lands in CINEMATES_WEB_ROOT");
    assert.equal(stages.at(-1).image, "nginx");
  });

  it("lets the entrypoint substitute only CINEMATES_ variables, and gives every one the template uses a value", () => {
    assert.equal(env.NGINX_ENVSUBST_FILTER, "CINEMATES_");
    const config = (text) => text.split("\n").filter((line) => !line.trim().startsWith("#")).join("\n");
    const used = new Set([...config(template).matchAll(/\$\{?(CINEMATES_[A-Z0-9_]+)\}?/g)].map((m) => m[1]));
    assert.ok(used.size > 10);
    for (const name of used) assert.ok(name in env, `${name} has no default in nginx.Dockerfile`);
    const rendered = renderNginxTemplate(template, env);
    assert.doesNotMatch(config(rendered), /\$\{?CINEMATES_/);
    assert.match(rendered, /\$cinemates_request_id/, "nginx's own variables stay");
    assert.match(rendered, /server user-service:8081;/);
  });

  it("is configured as `nginx -t` accepts", (t) => {
    if (!which("nginx")) {
      t.skip("no nginx here");
      return;
    }
    const config = edgeConfiguration();
    after(config.remove);
    const result = run("nginx", ["-t", ...nginxArguments(config)]);
    assert.equal(result.status, 0, result.stderr);
  });

  it("copies the API docs page into CINEMATES_NGINX_DOCS", () => {
    const runtime = stages.at(-1).instructions.filter((i) => i.keyword === "COPY" && !i.flags.includes("from"));
    const copy = runtime.find((i) => /^edge\/nginx\/docs\/? /.test(i.text.trim()));
    assert.ok(copy, "no COPY of edge/nginx/docs/ in the runtime stage");
    assert.equal(copy.text.trim().split(/\s+/).at(-1).replace(/\/$/, ""), env.CINEMATES_NGINX_DOCS);
  });
});

/**
 * The locations of an nginx configuration, as { modifier, path, body } with the body's nested
 * blocks included. Braces inside quoted strings (the problem bodies) and comments do not count.
 */
function locationsOf(config) {
  const locations = [];
  const start = /location\s+(=|\^~|~\*?)?\s*(\S+)\s*\{/g;
  let m;
  while ((m = start.exec(config))) {
    let depth = 1;
    let quote = null;
    let i = start.lastIndex;
    for (; i < config.length && depth > 0; i++) {
      const c = config[i];
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === "#") i = config.indexOf("\n", i) === -1 ? config.length : config.indexOf("\n", i);
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    locations.push({ modifier: m[1] ?? "", path: m[2], body: config.slice(start.lastIndex, i - 1) });
  }
  return locations;
}

describe("the API docs page (/api/docs)", () => {
  const env = envOf(nginxDockerfile);
  const rendered = renderNginxTemplate(template, { ...env, CINEMATES_NGINX_DOCS: docsDir });
  const locations = locationsOf(rendered);
  const exact = (path) => locations.find((l) => l.modifier === "=" && l.path === path);
  const readOnly = /if \(\$request_method !~ \^\(GET\|HEAD\)\$\) \{\s*return 405;\s*\}/;

  it("is a static page and script of edge/nginx/docs, read-only and not cached stale", () => {
    for (const [path, file] of [["/api/docs", "index.html"], ["/api/docs/docs.js", "docs.js"]]) {
      const location = exact(path);
      assert.ok(location, `no exact location ${path}`);
      assert.match(location.body, new RegExp(`alias "${docsDir}/${file}";`));
      assert.ok(existsSync(join(docsDir, file)), `edge/nginx/docs/${file} is missing`);
      assert.match(location.body, readOnly, `${path}: only GET and HEAD`);
      assert.match(location.body, /add_header Cache-Control "no-cache" always;/);
      assert.match(location.body, /include "[^"]+\/response-headers\.conf";/, `${path}: adds a header, so it must include the security headers again`);
    }
    assert.match(exact("/api/docs").body, /default_type text\/html;/, "/api/docs has no extension to take the type from");
  });

  it("proxies each service's /v3/api-docs under /api/docs/<service>.json, like the rest of its API", () => {
    for (const s of SERVICES) {
      const location = exact(`/api/docs/${s.name}.json`);
      assert.ok(location, `no exact location /api/docs/${s.name}.json`);
      assert.match(location.body, new RegExp(`proxy_pass http://${s.upstream}/v3/api-docs;`));
      assert.match(location.body, /include "[^"]+\/proxy\.conf";/);
      assert.match(location.body, /limit_req zone=cinemates_api /);
      assert.match(location.body, readOnly);
      // A 503/504 problem names the service that is down.
      const name = s.name.replace(/-/g, "\\-");
      const mapped = new RegExp(`"~\\^/\\+api/\\+docs/\\+${name}\\\\\\.json[^"]*"\\s+"${s.name}";`);
      assert.ok(mapped.test(rendered), `$cinemates_service does not name ${s.name} for /api/docs/${s.name}.json`);
    }
    assert.match(locations.find((l) => l.path === "/_cinemates/errors/405").body, /add_header Allow \$cinemates_allow always;/);
  });

  it("routes neither /v3/api-docs nor /actuator themselves", () => {
    for (const l of locations) {
      const proxied = /proxy_pass\s+http:\/\/[a-z_]+(\/\S*)?;/.exec(l.body);
      if (proxied?.[1]?.startsWith("/v3/")) assert.match(l.path, /^\/api\/docs\/[a-z-]+\.json$/, `${l.path} reaches ${proxied[1]}`);
      if (/^\/(v3|actuator)(\/|$)/.test(l.path)) assert.match(l.body, /^\s*return 404;\s*$/, `${l.path} is routed`);
    }
  });

  it("loads nothing from elsewhere and runs no inline script (the site's CSP: script-src 'self')", () => {
    const page = readText(join(docsDir, "index.html"));
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes, /\bsrc="\/api\/docs\/docs\.js"/, "the one script is the page's own file");
      assert.equal(body.trim(), "", "no inline script");
    }
    assert.doesNotMatch(page, /\son[a-z]+\s*=/i, "no inline event handlers");
    assert.doesNotMatch(page, /\b(src|href)\s*=\s*"(https?:)?\/\//i, "no external resources");
    assert.doesNotMatch(page, /url\(\s*['"]?(https?:)?\/\//i, "no external resources in the styles");
    for (const s of SERVICES) assert.ok(page.includes(`href="/api/docs/${s.name}.json"`), `the page links ${s.name}'s raw description`);
    const script = readText(join(docsDir, "docs.js"));
    assert.doesNotMatch(script, /https?:\/\//, "the script fetches only from this host");
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, "descriptions go into the page as text only");
  });
});

describe(".dockerignore", () => {
  const ignored = readText(paths.dockerignore).split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  it("keeps secrets, local state and build output out of the build context", () => {
    for (const entry of [".git", ".env", ".cinemates", "**/target", "**/node_modules", "frontend/dist"]) {
      assert.ok(ignored.includes(entry), `${entry} is not ignored`);
    }
  });
  it("keeps what the images build from", () => {
    for (const needed of ["frontend", "edge", "deploy/docker", "mvnw", ".mvn", "pom.xml"]) {
      assert.ok(!ignored.some((e) => e === needed || e === `${needed}/` || e === `/${needed}`), `${needed} is ignored`);
    }
    assert.ok(readdirSync(paths.nginxSnippets).length > 0);
  });
});
