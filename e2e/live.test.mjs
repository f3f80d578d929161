// Real-world loading end to end: config.json, API keys, cookie mode, CORS, every
// failure, live refresh (hidden tabs, backoff, offline) and Test now.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer, suite, DEMO_KEY, KEY_ITEM } from "./harness.mjs";

const NOSCOPE_KEY = "sf_test_v1_noscope5Tz1Lk8Pq3Wm6Rx9Yb";
const REVOKED_KEY = "sf_live_v1_revoked0000000000000000";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const alert = () => ctx.page.locator(".alert[role=alert]");
const keyField = () => ctx.page.getByLabel("API key", { exact: true });

async function open(route = "/", options = {}) {
  ctx.page = await ctx.browser.page(ctx.server.origin + route, options);
  return ctx.page;
}

test("asks for an API key, checks its shape before sending, keeps it in sessionStorage only, and signs out", async () => {
  const urls = [];
  await open("/", { signedIn: false });
  ctx.page.on("request", (request) => urls.push(request.url()));
  await keyField().waitFor();
  assert.equal(await keyField().getAttribute("type"), "password");
  await ctx.page.getByRole("button", { name: "Show key" }).click();
  assert.equal(await keyField().getAttribute("type"), "text");
  await ctx.page.getByRole("button", { name: "Hide key" }).click();
  assert.equal(await keyField().getAttribute("type"), "password");
  assert.match(await ctx.page.locator("form").innerText(), /sf_live_v1_[\s\S]*sf_test_v1_[\s\S]*Settings/);

  await keyField().fill("sk_live_not_a_platform_key");
  await keyField().press("Enter");
  await ctx.page.getByText("keys start with sf_live_v1_ or sf_test_v1_").waitFor();
  assert.equal(await keyField().getAttribute("aria-invalid"), "true");
  assert.equal((await ctx.server.requests()).list, 0, "nothing sent for a key of the wrong shape");

  await keyField().fill(`  ${DEMO_KEY} `);
  await ctx.page.getByRole("button", { name: "Sign in" }).click();
  await cards().first().waitFor();
  assert.equal((await ctx.server.requests()).lastAuthorization, `Bearer ${DEMO_KEY}`);
  await ctx.page.getByText("Sandbox", { exact: true }).waitFor();

  const storage = await ctx.page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
  assert.equal(storage.session["mcp-console.api-key"], DEMO_KEY);
  assert.deepEqual(storage.local, {});
  assert.deepEqual(await ctx.page.context().cookies(), []);
  for (const url of [...urls, ctx.page.url()]) assert.ok(!url.includes(DEMO_KEY.slice(11)), url);
  assert.ok(!(await ctx.page.locator("body").innerText()).includes(DEMO_KEY.slice(11)), "the key is not in the page text");

  await ctx.page.getByRole("button", { name: "Sign out" }).click();
  await ctx.page.getByText("You are signed out").waitFor();
  await keyField().waitFor();
  assert.equal(await ctx.page.evaluate((item) => sessionStorage.getItem(item), KEY_ITEM), null);
  assert.equal(await ctx.page.getByText("Sandbox", { exact: true }).count(), 0);
});

test("signing out while a big list downloads stops the download", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 50000, delayMs: 1500 });
  await open("/");
  const listRequest = (request) => new URL(request.url()).pathname === "/api/mcp-connections";
  const failed = new Promise((resolve) =>
    ctx.page.on("requestfailed", (request) => listRequest(request) && resolve(request.failure()?.errorText)),
  );
  let finished = false;
  ctx.page.on("requestfinished", (request) => (finished ||= listRequest(request)));
  await ctx.page.locator(".loading").waitFor();
  await ctx.page.getByRole("button", { name: "Sign out" }).click();
  assert.match(await failed, /ABORTED/);
  await keyField().waitFor();
  await ctx.page.waitForTimeout(2000);
  assert.equal(finished, false, "the list never finished downloading");
});

test("a refused key asks again and says why; a key without the scope says what to do", async () => {
  await open("/", { key: REVOKED_KEY });
  await ctx.page.getByText("Your API key was refused").waitFor();
  await keyField().waitFor();
  assert.equal(await ctx.page.evaluate((item) => sessionStorage.getItem(item), KEY_ITEM), null);
  await ctx.page.context().close();

  await open("/", { key: NOSCOPE_KEY });
  await alert().waitFor();
  assert.match(await alert().innerText(), /HTTP 403[\s\S]*lacks permission to read MCP connections[\s\S]*read scope/);
});

test("cookie mode sends the session cookie and never asks for a key", async () => {
  await ctx.server.scenario({ auth: "cookie", consoleConfig: { auth: "cookie" } });
  await open("/", { signedIn: false });
  await alert().waitFor();
  assert.match(await alert().innerText(), /HTTP 401[\s\S]*Sign in to the platform again/);
  assert.equal(await keyField().count(), 0);

  await ctx.page.goto(ctx.server.origin + "/_demo/login");
  await cards().first().waitFor();
  assert.equal(await keyField().count(), 0);
  assert.equal((await ctx.server.requests()).lastAuthorization, null, "no key in cookie mode");
});

test("a broken config.json gets a message naming the problem", async () => {
  const cases = [
    [{ consoleConfigRaw: "{ apiBaseUrl: " }, /config\.json is not valid JSON/],
    [{ consoleConfig: { apiBaseUrl: "ftp://api.example.com" } }, /bad “apiBaseUrl”: it must start with https:\/\/ or http:\/\//],
    [{ consoleConfig: { auth: "oauth" } }, /bad “auth”: it must be "apiKey" or "cookie"/],
    [{ consoleConfig: ["apiKey"] }, /it must be a JSON object/],
  ];
  for (const [scenario, message] of cases) {
    await ctx.server.scenario(scenario);
    await open();
    await alert().waitFor();
    assert.match(await alert().innerText(), /not configured correctly/);
    assert.match(await alert().innerText(), message, JSON.stringify(scenario));
    await ctx.page.context().close();
  }
  ctx.page = undefined;
});

test("reads the API across origins with CORS, and names a CORS refusal", async () => {
  // The console's host must list the API in connect-src, as the README says: a copy
  // of the build with that one change.
  const api = await startServer();
  const dist = mkdtempSync(path.join(tmpdir(), "mcp-console-dist-"));
  cpSync(new URL("../dist", import.meta.url), dist, { recursive: true });
  const headers = path.join(dist, "_headers");
  writeFileSync(headers, readFileSync(headers, "utf8").replace("connect-src 'self'", `connect-src 'self' ${api.origin}`));
  const site = await startServer(["--dist", dist]);
  try {
    await api.scenario({ corsOrigins: [site.origin] });
    await site.scenario({ consoleConfig: { apiBaseUrl: api.origin } });
    ctx.page = await ctx.browser.page(site.origin + "/");
    await cards().first().waitFor();
    const seen = await api.requests();
    assert.equal(seen.lastOrigin, site.origin);
    assert.equal(seen.lastAuthorization, `Bearer ${DEMO_KEY}`);
    assert.equal((await site.requests()).list, 0, "the page's own origin got no API call");

    await api.scenario({ corsOrigins: [] });
    await ctx.page.getByRole("button", { name: "Refresh" }).click();
    await alert().waitFor();
    assert.match(await alert().innerText(), /Could not reach the connections API[\s\S]*CORS/);
    assert.ok((await cards().count()) > 0, "the last good list stays");
    // The browser reports the blocked request itself.
    ctx.browser.problems.splice(0);
  } finally {
    await api.stop();
    await site.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});

// HTML pages, malformed JSON and wrong shapes: connections.test.mjs.
test("each HTTP failure has its own honest message and a way forward", async () => {
  const cases = [
    [{ fault: "status", faultStatus: 404 }, /HTTP 404 Not Found[\s\S]*apiBaseUrl/],
    [{ fault: "status", faultStatus: 408 }, /HTTP 408 Request Timeout[\s\S]*gave up waiting/],
    [{ fault: "status", faultStatus: 429, retryAfterSeconds: 40 }, /HTTP 429 Too Many Requests[\s\S]*Trying again in (39|40) s/],
    [{ fault: "status", faultStatus: 500 }, /HTTP 500 Internal Server Error[\s\S]*usually temporary/],
    [{ fault: "status", faultStatus: 502 }, /HTTP 502 Bad Gateway[\s\S]*gateway/],
    [{ fault: "status", faultStatus: 503 }, /HTTP 503 Service Unavailable[\s\S]*maintenance/],
    [{ fault: "status", faultStatus: 504 }, /HTTP 504 Gateway Timeout[\s\S]*gateway/],
  ];
  for (const [scenario, message] of cases) {
    await ctx.server.scenario(scenario);
    await open();
    await alert().waitFor();
    assert.match(await alert().innerText(), message, JSON.stringify(scenario));
    assert.equal(await alert().getByRole("button", { name: "Retry" }).count(), 1);
    await ctx.page.context().close();
  }
  ctx.page = undefined;
});

test("a request that hangs is aborted with a timeout message", async () => {
  await ctx.server.scenario({ fault: "hang" });
  await open("/", { clock: true });
  // Only once the list request hangs: config.json has the same time limit.
  for (let i = 0; i < 100 && (await ctx.server.requests()).list < 1; i++) await new Promise((r) => setTimeout(r, 50));
  await ctx.page.getByRole("status").filter({ hasText: "Loading connections" }).waitFor();
  await ctx.page.clock.fastForward(21_000);
  await alert().waitFor();
  assert.match(await alert().innerText(), /did not answer within 20 seconds/);
});

test("offline keeps the list, says so, and reloads when back online", async () => {
  await open();
  await cards().first().waitFor();
  const before = (await ctx.server.requests()).list;
  await ctx.page.context().setOffline(true);
  await alert().waitFor();
  assert.match(await alert().innerText(), /You are offline[\s\S]*back online/);
  assert.ok((await cards().count()) > 0);
  await ctx.page.context().setOffline(false);
  await alert().waitFor({ state: "detached" });
  assert.equal((await ctx.server.requests()).list, before + 1);
});

/** Pretends the tab is hidden or shown, as switching tabs does. */
async function setVisible(visible) {
  await ctx.page.evaluate((visible) => {
    Object.defineProperty(document, "visibilityState", { value: visible ? "visible" : "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, visible);
}

test("refreshes every 30 s while visible, pauses while hidden, refreshes at once when shown", async () => {
  await open("/", { clock: true });
  await ctx.page.clock.resume();
  await cards().first().waitFor();
  const count = async () => (await ctx.server.requests()).list;
  assert.equal(await count(), 1);
  await ctx.page.getByText("Updated just now").waitFor();

  await ctx.page.clock.fastForward(31_000);
  await ctx.page.waitForFunction(() => document.querySelector(".toolbar__updated")?.textContent.includes("just now"));
  assert.equal(await count(), 2);

  await setVisible(false);
  await ctx.page.clock.fastForward(120_000);
  await ctx.page.waitForTimeout(200);
  assert.equal(await count(), 2, "no request while hidden");
  await ctx.page.getByText(/Updated 2 min ago/).waitFor();

  // With the clock stopped, only the tab coming back can trigger the request.
  await ctx.page.clock.pauseAt((await ctx.page.evaluate(() => Date.now())) + 500);
  await setVisible(true);
  for (let i = 0; i < 50 && (await count()) < 3; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await count(), 3, "one request as soon as the tab is shown");
});

test("a failed refresh marks the list out of date and retries with backoff", async () => {
  await open("/", { clock: true });
  await ctx.page.clock.resume();
  await cards().first().waitFor();
  await ctx.server.scenario({ fault: "status", faultStatus: 503 });
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await alert().waitFor();
  await ctx.page.getByText("Out of date", { exact: true }).waitFor();
  assert.match(await alert().innerText(), /Trying again in [45] s/);
  await ctx.page.clock.fastForward(6_000);
  await ctx.page.waitForFunction(() => /Trying again in (9|10) s/.test(document.querySelector(".alert")?.textContent ?? ""));
  await ctx.server.scenario({});
  await ctx.page.clock.fastForward(11_000);
  await alert().waitFor({ state: "detached" });
  assert.equal(await ctx.page.getByText("Out of date", { exact: true }).count(), 0);
  // First load, Refresh, and the retries; a real-time tick may add one more.
  assert.ok((await ctx.server.requests()).list >= 4, "retried by itself after the backoff");
});

test("a changed status is highlighted and a new error count announced", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  const errorsBefore = records.filter((r) => r.status === "error").length;
  const target = records.find((r) => r.status === "active");
  // Searching for its id keeps its card rendered wherever the new status sorts it.
  await open(`/?q=${target.id}`);
  await cards().first().waitFor();
  await ctx.server.setStatus(target.id, "error");
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  const card = ctx.page.locator(`article[data-connection-id="${target.id}"]`);
  await ctx.page.waitForFunction((id) => document.querySelector(`article[data-connection-id="${id}"]`)?.dataset.status === "error", target.id);
  assert.match(await card.getAttribute("class"), /card--changed/);
  assert.equal(await card.locator(".badge").first().innerText(), "Error");
  const announcer = ctx.page.locator(".visually-hidden[aria-live=polite]");
  // What follows, the agents they affect, is e2e/agents.test.mjs's.
  assert.ok((await announcer.innerText()).startsWith(`${errorsBefore + 1} connections are in error now (was ${errorsBefore}).`));
});

test("Test now checks one connection, updates its card, announces the result, and ignores repeated clicks", async () => {
  await ctx.server.scenario({ testDelayMs: 800 });
  const records = await ctx.server.api("/api/mcp-connections");
  const broken = records.find((r) => r.status === "error");
  await open();
  const card = ctx.page.locator(`article[data-connection-id="${broken.id}"]`);
  const button = card.getByRole("button", { name: /Test now|Testing/ });
  await button.click();
  await card.getByText("Testing…").waitFor();
  assert.equal(await card.getAttribute("aria-busy"), "true");
  await button.click();
  await button.click();
  await card.getByText(/Health check (passed|failed)/).waitFor();
  assert.equal((await ctx.server.requests()).test, 1, "repeated clicks while a test runs do nothing");
  const outcome = await card.locator(".card__note").innerText();
  const status = await card.getAttribute("data-status");
  assert.equal(status, /passed/.test(outcome) ? "active" : "error");
  assert.match(await card.locator("time").first().innerText(), /just now/);
  assert.match(await ctx.page.locator(".visually-hidden[aria-live=polite]").innerText(), new RegExp(`${broken.name}: Health check`));
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.closest("article")?.dataset.connectionId), broken.id, "focus stays on the card");

  await ctx.server.scenario({ dataset: "empty" });
  await button.click();
  await card.getByText("This connection no longer exists in this tenant").waitFor();
});
