// Optional tools the checks use when this machine has them (each check says when it skipped).
import { spawnSync } from "node:child_process";

export function which(command) {
  const result = spawnSync("sh", ["-c", `command -v "$1"`, "sh", command], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Runs a command; returns { status, stdout, stderr }. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000, ...options });
  if (result.error) return { status: -1, stdout: "", stderr: String(result.error) };
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The Compose command of this machine: Debian's docker-compose (v1) or the docker compose plugin. */
export function composeCommand() {
  if (which("docker-compose") && run("docker-compose", ["version"]).status === 0) return ["docker-compose"];
  if (which("docker") && run("docker", ["compose", "version"]).status === 0) return ["docker", "compose"];
  return null;
}
