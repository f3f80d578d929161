// Triage at scale end to end: "Test all shown" (4 checks at a time, progress, the
// cards updating, Cancel, the confirmation, a 429's pause, a 401's stop) and
// "Export" of the view as CSV and JSON, the files read back and parsed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const run = () => ctx.page.locator("section.test-run");
const testAll = () => ctx.page.getByRole("button", { name: /^Test all shown/ });
const rendered = () => cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId));

async function open(route = "/") {
  ctx.page = await ctx.browser.page(ctx.server.origin + route);
  await cards().first().waitFor();
  return ctx.page;
}

/** Health-check requests as the page sends them: how many at once at most, and when each started. */
function watchChecks(page) {
  const seen = { inFlight: 0, most: 0, started: [] };
  const isCheck = (request) => request.method() === "POST" && /\/test$/.test(request.url());
  page.on("request", (request) => {
    if (!isCheck(request)) return;
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    seen.started.push(Date.now());
  });
  const done = (request) => {
    if (isCheck(request)) seen.inFlight -= 1;
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return seen;
}

/** RFC 4180: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  assert.equal(field, "", "the file ends with CRLF");
  assert.equal(quoted, false, "no quote is left open");
  return rows;
}

async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Export ${format}` }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("Test all shown checks the Error filter's connections 4 at a time, with progress, cards updating and a summary", async () => {
  await ctx.server.scenario({ testDelayMs: 700 });
  const records = await ctx.server.api("/api/mcp-connections");
  const broken = records.filter((r) => r.status === "error");
  assert.ok(broken.length > 4, "more errors than checks at once");
  await open("/?status=error");
  const seen = watchChecks(ctx.page);
  await testAll().click();
  await run().waitFor();
  assert.equal(await run().getAttribute("aria-busy"), "true");
  assert.equal(await testAll().isDisabled(), true, "one run at a time");
  // Progress as results arrive: the bar and the counts move before the end.
  await ctx.page.waitForFunction(() => {
    const bar = document.querySelector(".test-run__bar");
    return bar && bar.value > 0 && bar.value < bar.max;
  });
  assert.match(await run().locator(".test-run__counts").innerText(), new RegExp(`^\\d+ of ${broken.length} tested: \\d+ passed, \\d+ still failing\\.$`));
  await run().getByText(/^Done\./).waitFor();
  assert.equal(seen.most, 4, "at most 4 checks in flight, and 4 when there are more");
  assert.equal((await ctx.server.requests()).test, broken.length);
  const after = await ctx.server.api("/api/mcp-connections");
  const passed = after.filter((r) => broken.some((b) => b.id === r.id) && r.status === "active").length;
  assert.equal(
    await run().locator(".test-run__counts").innerText(),
    `${broken.length} of ${broken.length} tested: ${passed} passed, ${broken.length - passed} still failing.`,
  );
  assert.equal(await ctx.page.locator(".test-run__bar").evaluate((bar) => [bar.value, bar.max].join("/")), `${broken.length}/${broken.length}`);
  assert.equal(await run().getAttribute("aria-busy"), "false");
  assert.match(await ctx.page.locator(".visually-hidden[aria-live=polite]").innerText(), /^Done\. \d+ of \d+ passed/);
  // The cards show each result: checked just now, with the status the API gave.
  for (const id of await rendered()) {
    const card = ctx.page.locator(`article[data-connection-id="${id}"]`);
    // textContent: cards off screen skip layout (`content-visibility`), so have no innerText.
    assert.match(await card.locator("time").first().textContent(), /just now/);
    assert.equal(await card.getAttribute("data-status"), after.find((r) => r.id === id).status);
  }
  await run().getByRole("button", { name: "Close" }).click();
  await run().waitFor({ state: "detached" });
});

test("a connection whose own Test now runs when the run reaches it counts with that check's outcome", async () => {
  await ctx.server.scenario({ testDelayMs: 1500 });
  const broken = (await ctx.server.api("/api/mcp-connections")).filter((r) => r.status === "error");
  await open("/?status=error");
  const [target] = await rendered();
  const card = ctx.page.locator(`article[data-connection-id="${target}"]`);
  // The demo API alternates for a failing server: its first check fails, its second passes.
  await card.getByRole("button", { name: "Test now" }).click();
  await card.getByText(/^Health check failed/).waitFor();
  await card.getByRole("button", { name: "Test now" }).click();
  await testAll().click();
  await run().getByText(/^Done\./).waitFor();
  assert.equal((await ctx.server.requests()).test, broken.length + 1, "no second check of the connection under test");
  const after = await ctx.server.api("/api/mcp-connections");
  assert.equal(after.find((r) => r.id === target).status, "active");
  const passed = after.filter((r) => broken.some((b) => b.id === r.id) && r.status === "active").length;
  assert.equal(
    await run().locator(".test-run__counts").innerText(),
    `${broken.length} of ${broken.length} tested: ${passed} passed, ${broken.length - passed} still failing.`,
  );
});

test("over 50 asks first; Cancel stops the run, lets the checks in flight finish and sums up", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 120, testDelayMs: 400 });
  await open("/");
  const seen = watchChecks(ctx.page);
  await testAll().click();
  const question = ctx.page.getByRole("group", { name: "Confirm the health checks" });
  await question.getByText("Test 120 connections?").waitFor();
  await question.getByRole("button", { name: "Don't test" }).click();
  assert.equal(await question.count(), 0);
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.textContent), "Test all shown (120)", "focus goes back");
  assert.equal((await ctx.server.requests()).test, 0, "nothing is sent without a yes");

  await testAll().click();
  await ctx.page.getByRole("button", { name: "Test 120" }).click();
  await ctx.page.waitForFunction(() => document.querySelector(".test-run__bar")?.value >= 6);
  await run().getByRole("button", { name: "Cancel" }).click();
  await run().getByText(/^Cancelled after \d+ of 120:/).waitFor();
  const sent = (await ctx.server.requests()).test;
  assert.ok(sent < 120, `stopped early (${sent} sent)`);
  await ctx.page.waitForTimeout(1000);
  assert.equal((await ctx.server.requests()).test, sent, "nothing more is sent after Cancel");
  assert.equal(seen.inFlight, 0);
  const done = await ctx.page.locator(".test-run__bar").evaluate((bar) => bar.value);
  assert.equal(done, sent, "the checks in flight at Cancel still count");
  assert.match(await run().locator(".test-run__state").innerText(), new RegExp(`^Cancelled after ${sent} of 120: \\d+ passed, \\d+ still failing, ${120 - sent} not tested\\.$`));
});

test("a 429 pauses the run until its Retry-After, then the same check runs again and the run ends", async () => {
  await ctx.server.scenario({ testDelayMs: 100, testFaultStatus: 429, testFaultCount: 1, retryAfterSeconds: 2 });
  const broken = (await ctx.server.api("/api/mcp-connections")).filter((r) => r.status === "error");
  await open("/?status=error");
  const seen = watchChecks(ctx.page);
  await testAll().click();
  await run().getByText(/^Paused: the API asked to wait \(too many requests\)\. Resuming in [12] s\.$/).waitFor();
  assert.match(await ctx.page.locator(".visually-hidden[aria-live=polite]").innerText(), /^Paused/);
  const startedBeforePause = seen.started.length;
  await run().getByText(/^Done\./).waitFor();
  // The first answer was the 429; nothing started until its two seconds were over.
  const firstAfterPause = seen.started[startedBeforePause];
  assert.ok(firstAfterPause - seen.started[0] >= 1900, `waited ${firstAfterPause - seen.started[0]} ms`);
  assert.equal((await ctx.server.requests()).test, broken.length + 1, "every connection once, and the refused one again");
  assert.match(await run().locator(".test-run__counts").innerText(), new RegExp(`^${broken.length} of ${broken.length} tested`));
});

test("a 401 stops the run: the key is refused and nothing more is sent", async () => {
  await ctx.server.scenario({ testDelayMs: 100, testFaultStatus: 401 });
  await open("/?status=error");
  await testAll().click();
  await ctx.page.getByLabel("API key", { exact: true }).waitFor();
  await ctx.page.waitForTimeout(500);
  assert.ok((await ctx.server.requests()).test <= 4, "only the first checks went out");
});

test("Export CSV saves the view as shown (filter, search, sort), RFC 4180 with a BOM, formulas made text", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  const target = records.find((r) => r.status === "error");
  await ctx.server.setStatus(target.id, "=HYPERLINK(\"https://evil.example\",\"x\")");
  await open("/?sort=name&q=a");
  const shown = await rendered();
  const file = await download(ctx.page, "CSV");
  assert.match(file.name, /^mcp-connections-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  assert.deepEqual([...file.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const rows = parseCsv(file.bytes.toString("utf8").slice(1));
  assert.deepEqual(rows[0], ["id", "name", "status", "authType", "serverUrl", "lastHealthCheckAt", "createdAt", "updatedAt", "tenantId", "instructions"]);
  const body = rows.slice(1);
  assert.deepEqual(body.map((r) => r[0]).slice(0, shown.length), shown, "the rows in the order shown");
  const summary = await ctx.page.locator(".summary").innerText();
  assert.equal(`Showing ${body.length} of ${records.length} connections`, summary);
  const now = await ctx.server.api("/api/mcp-connections");
  for (const row of body) {
    const record = now.find((r) => r.id === row[0]);
    const expected = [record.id, record.name, record.status, record.authType, record.serverUrl, record.lastHealthCheckAt ?? "", record.createdAt, record.updatedAt, record.tenantId, record.instructions ?? ""];
    assert.deepEqual(row, expected.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)), record.id);
  }
  const injected = body.find((r) => r[0] === target.id);
  if (injected) assert.equal(injected[2], "'=HYPERLINK(\"https://evil.example\",\"x\")");
  await ctx.page.getByRole("status").filter({ hasText: `Exported ${body.length} connections as CSV.` }).waitFor();
});

test("Export JSON saves the shown records as the API gives them, in the order shown", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open("/?sort=name");
  const file = await download(ctx.page, "JSON");
  assert.match(file.name, /\.json$/);
  const exported = JSON.parse(file.bytes.toString("utf8"));
  const api = await ctx.server.api("/api/mcp-connections");
  const summary = await ctx.page.locator(".summary").innerText();
  assert.match(summary, new RegExp(`^Showing ${exported.length} of`));
  const shown = await rendered();
  assert.deepEqual(exported.map((r) => r.id).slice(0, shown.length), shown);
  for (const record of exported) {
    assert.deepEqual(record, api.find((r) => r.id === record.id), "every field, the unknown ones too");
  }
});

test("Export CSV of 50,000 rows: every row in the file", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 50000 });
  await open("/");
  const [file] = await Promise.all([
    ctx.page.waitForEvent("download", { timeout: 60000 }),
    ctx.page.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const rows = parseCsv((await readFile(await file.path())).toString("utf8").slice(1));
  assert.equal(rows.length, 50001);
  assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, 50000);
});
