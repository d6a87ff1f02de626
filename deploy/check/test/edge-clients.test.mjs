// The edge behind a TLS-terminating proxy: the real nginx, configured as the image is, tells
// clients apart by the address the trusted proxy reports (rate limits, logs), believes that
// header from nobody else, and sends HSTS only on what came over TLS, unless switched off.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startEdge } from "../lib/edge.mjs";
import { which } from "../lib/tools.mjs";

const skip = which("nginx") ? false : "no nginx here";

// One login per client a minute and a burst of one: a client's third login is throttled.
const strictLogins = { CINEMATES_AUTH_RATE: "1r/m", CINEMATES_AUTH_BURST: "1" };

function login(edge, clientAddress) {
  const headers = { "Content-Type": "application/json" };
  if (clientAddress) headers["X-Forwarded-For"] = clientAddress;
  return fetch(`${edge.base}/api/auth/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ login: "someone", password: "not the password" }),
    signal: AbortSignal.timeout(5000),
  });
}

async function statusAndType(response) {
  await response.arrayBuffer();
  return `${response.status} ${response.headers.get("content-type")}`;
}

/**
 * Each access-log line's client address ("remoteAddr" field of the JSON log format), sorted, once
 * the log holds `count` logins: each nginx worker writes its lines in batches, at least once a
 * second, so they need not arrive in the order the requests came.
 */
async function loggedClients(edge, count) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const clients = edge
      .accessLog()
      .split("\n")
      .filter((line) => line.includes("/api/auth/login"))
      .map((line) => JSON.parse(line).remoteAddr);
    if (clients.length >= count || Date.now() > deadline) return clients.sort();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("behind a trusted proxy (CINEMATES_TRUSTED_PROXIES=127.0.0.1)", { skip }, () => {
  let edge;
  before(async () => {
    edge = await startEdge({ ...strictLogins, CINEMATES_TRUSTED_PROXIES: "127.0.0.1" });
  });
  after(() => edge?.stop());

  it("throttles each client the proxy names on its own", async () => {
    // The services are not running: a login that passes the limit gets the edge's 503 problem.
    for (let i = 0; i < 2; i++) {
      assert.equal(await statusAndType(await login(edge, "203.0.113.7")), "503 application/problem+json");
    }
    assert.equal(await statusAndType(await login(edge, "203.0.113.7")), "429 application/problem+json");
    assert.equal(await statusAndType(await login(edge, "198.51.100.9")), "503 application/problem+json",
      "another client behind the same proxy keeps its own allowance");
    assert.deepEqual(await loggedClients(edge, 4), ["198.51.100.9", "203.0.113.7", "203.0.113.7", "203.0.113.7"]);
  });

  it("sends HSTS only when the proxy says the request came over TLS", async () => {
    const overTls = await fetch(`${edge.base}/`, { headers: { "X-Forwarded-Proto": "https" } });
    assert.equal(overTls.headers.get("strict-transport-security"), "max-age=31536000; includeSubDomains");
    const plain = await fetch(`${edge.base}/`);
    assert.equal(plain.headers.get("strict-transport-security"), null);
    await Promise.all([overTls.arrayBuffer(), plain.arrayBuffer()]);
  });
});

describe("with no trusted proxy (the default)", { skip }, () => {
  let edge;
  before(async () => {
    edge = await startEdge(strictLogins);
  });
  after(() => edge?.stop());

  it("ignores a client's claim to be someone else: one address, one allowance", async () => {
    assert.equal(await statusAndType(await login(edge, "203.0.113.7")), "503 application/problem+json");
    assert.equal(await statusAndType(await login(edge, "198.51.100.9")), "503 application/problem+json");
    assert.equal(await statusAndType(await login(edge, "192.0.2.44")), "429 application/problem+json",
      "a forged X-Forwarded-For must not buy a fresh allowance");
    assert.deepEqual(await loggedClients(edge, 3), ["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });
});

describe("with HSTS switched off (CINEMATES_HSTS=off)", { skip }, () => {
  let edge;
  before(async () => {
    edge = await startEdge({ CINEMATES_TRUSTED_PROXIES: "127.0.0.1", CINEMATES_HSTS: "off" });
  });
  after(() => edge?.stop());

  it("never sends it, even over TLS", async () => {
    const response = await fetch(`${edge.base}/`, { headers: { "X-Forwarded-Proto": "https" } });
    await response.arrayBuffer();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("strict-transport-security"), null);
  });
});
