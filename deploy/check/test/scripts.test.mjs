// The shell scripts: their syntax (and ShellCheck when it is here), and the PostgreSQL init
// script run against a throwaway PostgreSQL when this machine has one.
import assert from "node:assert/strict";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, it } from "node:test";
import { loadCompose } from "../lib/compose.mjs";
import { CHECK_DIR, paths, readText, REPO, SERVICES } from "../lib/files.mjs";
import { run, which } from "../lib/tools.mjs";

const SCRIPTS = [
  { file: paths.postgresInit, shell: "bash" },
  { file: paths.healthcheck, shell: "sh" },
  { file: join(CHECK_DIR, "run.sh"), shell: "bash" },
  { file: join(REPO, "e2e/backup-restore.sh"), shell: "bash" },
  { file: join(REPO, "e2e/embedded-smoke.sh"), shell: "bash" },
  { file: join(REPO, "e2e/instance.sh"), shell: "bash" },
  { file: join(REPO, "cinemates"), shell: "bash" },
  ...readdirSync(join(REPO, "launcher"))
    .filter((name) => name.endsWith(".sh"))
    .map((name) => ({ file: join(REPO, "launcher", name), shell: "bash" })),
];

describe("shell scripts", () => {
  for (const { file, shell } of SCRIPTS) {
    it(`${relative(REPO, file)} parses (${shell} -n)`, () => {
      const result = run(shell, ["-n", file]);
      assert.equal(result.status, 0, result.stderr);
    });
  }
  it("pass ShellCheck", (t) => {
    if (!which("shellcheck")) {
      t.skip("no shellcheck here");
      return;
    }
    const result = run("shellcheck", SCRIPTS.map((s) => s.file));
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});

describe("deploy/postgres/init-databases.sh", () => {
  const script = readText(paths.postgresInit);
  const { model } = loadCompose();

  it("creates the database and role every service's URL and user name", () => {
    for (const s of SERVICES) {
      const env = model.services[s.name].environment;
      const database = env[`CINEMATES_${s.area}_DB_URL`].split("/").at(-1);
      assert.equal(env[`CINEMATES_${s.area}_DB_USER`], database, `${s.name} logs in as the owner of its database`);
      assert.match(script, new RegExp(`^create_database ${database} CINEMATES_${s.area}_DB_PASSWORD$`, "m"));
      assert.equal(model.services.postgres.environment[`CINEMATES_${s.area}_DB_PASSWORD`], env[`CINEMATES_${s.area}_DB_PASSWORD`], "postgres gets the password the service uses");
    }
  });

  it("creates working databases no other service can enter (throwaway PostgreSQL)", (t) => {
    const bin = ["/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/17/bin"].find((d) => which(join(d, "initdb")));
    const asPostgres = process.getuid() === 0 ? (which("runuser") && run("id", ["postgres"]).status === 0 ? ["runuser", "-u", "postgres", "--"] : null) : [];
    if (!bin || !asPostgres || !which("psql")) {
      t.skip("no PostgreSQL server binaries (or no postgres user to run them as) here");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "cinemates-pg-"));
    chmodSync(dir, 0o777);
    const as = (command, args, env = {}) => {
      const [first, ...rest] = [...asPostgres, "env", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), command, ...args];
      return run(first, rest, { cwd: dir });
    };
    const port = String(20000 + (process.pid % 20000));
    const pg = { PGHOST: dir, PGPORT: port };
    after(() => {
      as(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "stop", "-m", "immediate"]);
      rmSync(dir, { recursive: true, force: true });
    });
    assert.equal(as(join(bin, "initdb"), ["-D", join(dir, "data"), "-U", "postgres", "-A", "trust"]).status, 0);
    const start = as(join(bin, "pg_ctl"), ["-D", join(dir, "data"), "-w", "-l", join(dir, "log"), "-o", `-k ${dir} -c listen_addresses='' -p ${port}`, "start"]);
    assert.equal(start.status, 0, start.stderr);
    const passwords = Object.fromEntries(SERVICES.map((s) => [`CINEMATES_${s.area}_DB_PASSWORD`, `secret-${s.area.toLowerCase()}`]));
    // The server's user runs the script, as the image's entrypoint does: from a copy it can read,
    // whatever the permissions of the folder this checkout lives in.
    const initScript = join(dir, "init-databases.sh");
    copyFileSync(paths.postgresInit, initScript);
    chmodSync(initScript, 0o755);
    const init = as("bash", [initScript], { ...pg, POSTGRES_USER: "postgres", ...passwords });
    assert.equal(init.status, 0, init.stderr);
    const psql = (user, db, sql) => as("psql", ["--no-psqlrc", "-qAt", "-U", user, "-d", db, "-c", sql], pg);
    assert.equal(psql("postgres", "postgres", "select string_agg(datname || ':' || pg_get_userbyid(datdba), ',' order by datname) from pg_database where datname like 'cinemates_%'").stdout.trim(),
      "cinemates_activities:cinemates_activities,cinemates_movies:cinemates_movies,cinemates_preferences:cinemates_preferences,cinemates_users:cinemates_users");
    assert.equal(psql("cinemates_movies", "cinemates_movies", "create table t (i int); select current_user").stdout.trim(), "cinemates_movies");
    const intruder = psql("cinemates_movies", "cinemates_users", "select 1");
    assert.notEqual(intruder.status, 0);
    assert.match(intruder.stderr, /CONNECT privilege/);
    const missing = as("bash", [initScript], { ...pg, POSTGRES_USER: "postgres" });
    assert.notEqual(missing.status, 0, "a missing password stops the script");
  });
});
