// The edge image's nginx, configured as the image configures it but in a folder of its own, so
// the checks can run the real nginx binary on it: `nginx -t`, or a server on a loopback port.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { envOf, renderNginxTemplate } from "./dockerfile.mjs";
import { paths, readText, REPO, SERVICES } from "./files.mjs";

/**
 * Writes the image's configuration into a new temporary folder: the image's defaults, then
 * overrides, with the upstreams (names that only resolve inside Compose or Kubernetes) and the
 * image's paths moved into the folder. Returns { dir, conf, errorLog, accessLog, remove }.
 */
export function edgeConfiguration(overrides = {}) {
  const dir = mkdtempSync(join(tmpdir(), "cinemates-edge-"));
  for (const sub of ["conf.d", "cache", "www", "logs"]) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "www/index.html"), "<!doctype html><title>Cinemates</title>\n");
  const env = {
    ...envOf(readText(paths.nginxDockerfile)),
    ...Object.fromEntries(SERVICES.map((s) => [`CINEMATES_${s.area}_UPSTREAM`, `127.0.0.1:${s.port}`])),
    CINEMATES_WEB_ROOT: join(dir, "www"),
    CINEMATES_CACHE_DIR: join(dir, "cache/cinemates"),
    CINEMATES_ACCESS_LOG: join(dir, "logs/access.log"),
    CINEMATES_NGINX_SNIPPETS: paths.nginxSnippets,
    CINEMATES_NGINX_DOCS: join(REPO, "edge/nginx/docs"),
    ...overrides,
  };
  writeFileSync(join(dir, "conf.d/cinemates.conf"), renderNginxTemplate(readText(paths.nginxTemplate), env));
  const mime = existsSync("/etc/nginx/mime.types") ? "/etc/nginx/mime.types" : join(dir, "mime.types");
  if (!existsSync(mime)) writeFileSync(mime, "types { text/html html; application/javascript js; text/css css; }\n");
  const main = readText(paths.nginxConf)
    .replaceAll("/etc/nginx/mime.types", mime)
    .replaceAll("/etc/nginx/conf.d", join(dir, "conf.d"))
    .replaceAll("/var/cache/nginx", join(dir, "cache"))
    .replaceAll("/tmp/nginx.pid", join(dir, "nginx.pid"))
    .replaceAll("/dev/stderr", join(dir, "logs/error.log"));
  writeFileSync(join(dir, "nginx.conf"), main);
  return {
    dir,
    conf: join(dir, "nginx.conf"),
    errorLog: join(dir, "logs/error.log"),
    accessLog: join(dir, "logs/access.log"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The arguments that point nginx at such a configuration. */
export function nginxArguments(config) {
  return ["-p", `${config.dir}/`, "-c", config.conf, "-e", config.errorLog];
}

/** A loopback port nothing listens on (there is a short race; the tests are alone on it). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs nginx in the foreground on 127.0.0.1 with the image's configuration and overrides, until
 * stop() is called, with every upstream unreachable. Resolves once it answers. Returns { base, config, stop, accessLog() }.
 */
export async function startEdge(overrides = {}) {
  const port = await freePort();
  // Every upstream on a port nothing answers: the services are not part of these checks, and
  // an instance running on this machine must not be reached.
  const nowhere = `127.0.0.1:${await freePort()}`;
  const config = edgeConfiguration({
    CINEMATES_LISTEN: `127.0.0.1:${port}`,
    ...Object.fromEntries(SERVICES.map((s) => [`CINEMATES_${s.area}_UPSTREAM`, nowhere])),
    ...overrides,
  });
  // As root, nginx's workers would run as nobody, who may not enter the private temporary folder.
  const globals = process.getuid?.() === 0 ? "daemon off; user root;" : "daemon off;";
  const nginx = spawn("nginx", [...nginxArguments(config), "-g", globals], { stdio: "ignore" });
  const stop = async () => {
    if (nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once("exit", resolve));
      nginx.kill("SIGTERM");
      await exited;
    }
    config.remove();
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch (error) {
      if (nginx.exitCode !== null || Date.now() > deadline) {
        const log = existsSync(config.errorLog) ? readFileSync(config.errorLog, "utf8") : "";
        await stop();
        throw new Error(`nginx did not start: ${error}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { base, config, stop, accessLog: () => readFileSync(config.accessLog, "utf8") };
}
