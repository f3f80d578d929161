// The connections page end to end: release build, demo API, headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const alert = () => ctx.page.getByRole("alert");
const filter = (name) => ctx.page.getByRole("button", { name: new RegExp(`^${name} \\d+$`) });

// Tall enough that every card of the demo and hostile sets is on screen, laid out
// and painted, so each card can be checked as it is seen; e2e/view.test.mjs tests
// the windowing, e2e/layout.test.mjs the whole list.
const TALL = { width: 1280, height: 12000 };

async function open(route = "/") {
  ctx.page = await ctx.browser.page(ctx.server.origin + route, { viewport: TALL });
  return ctx.page;
}

test("shows a loading status, then a card per connection with the page contract", async () => {
  await ctx.server.scenario({ delayMs: 1200 });
  await open();
  await ctx.page.getByRole("status").filter({ hasText: "Loading connections" }).waitFor();
  await cards().first().waitFor();
  assert.equal(await ctx.page.getByRole("status").filter({ hasText: "Loading" }).count(), 0);

  const expected = await ctx.server.api("/api/mcp-connections");
  assert.match(await ctx.page.locator("h1").innerText(), /connections/);
  assert.equal(await cards().count(), expected.length);
  await ctx.page.getByText(`Showing ${expected.length} of ${expected.length} connections`).waitFor();
  assert.equal(await ctx.page.locator(".summary[aria-live=polite]").innerText(), `Showing ${expected.length} of ${expected.length} connections`);

  for (const record of expected) {
    const card = ctx.page.locator(`article[data-connection-id="${record.id}"]`);
    assert.equal(await card.getAttribute("data-status"), record.status.toLowerCase());
    assert.equal(await card.locator("h2").innerText(), record.name);
    const word = { active: "Active", error: "Error", unknown: "Unknown" }[record.status];
    assert.equal(await card.locator(".badge").first().innerText(), word);
    const times = card.locator("time[datetime]");
    if (record.lastHealthCheckAt == null) {
      assert.match(await card.innerText(), /Never checked/);
      assert.equal(await times.count(), 2, "created and updated");
    } else {
      assert.equal(await times.first().getAttribute("datetime"), record.lastHealthCheckAt);
    }
    const hasInstructions = (record.instructions ?? "").trim() !== "";
    assert.equal(await card.locator("button[aria-expanded]").count(), hasInstructions ? 1 : 0, record.name);
    if (!hasInstructions) assert.match(await card.innerText(), /No instructions/);
    // The name links to the connection's own page, the server URL to the server.
    assert.equal(await card.locator("h2 a.card__link").getAttribute("href"), `/connections/${record.id}`);
    const links = card.locator("a[href]:not(.card__link)");
    assert.equal(await links.count(), 1, "the server URL is a link");
    assert.equal(await links.getAttribute("href"), record.serverUrl);
    assert.equal(await links.getAttribute("target"), "_blank");
    assert.equal(await links.getAttribute("rel"), "noopener noreferrer");
    const auth = { bearer: "Bearer token", none: "No authentication" }[record.authType] ?? record.authType;
    assert.match(await card.innerText(), new RegExp(auth));
  }
});

test("problems come first: errors, then never-checked unknowns, then active", async () => {
  await open();
  await cards().first().waitFor();
  const statuses = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.status));
  const rank = { error: 0, unknown: 1, active: 3 };
  const ranks = statuses.map((status) => rank[status]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
});

test("the exact local time shows on hover and on keyboard focus", async () => {
  await open();
  const time = cards().first().locator("time").first();
  await time.waitFor();
  const tooltip = ctx.page.locator(`#${await time.getAttribute("aria-describedby")}`);
  assert.equal(await tooltip.isVisible(), false);
  await time.focus();
  await tooltip.waitFor({ state: "visible" });
  assert.match(await tooltip.innerText(), /\d{4}/);
});

test("filters by status with counts, in the URL, and Back restores the previous filter", async () => {
  const expected = await ctx.server.api("/api/mcp-connections");
  const errors = expected.filter((c) => c.status === "error").length;
  const fetchedBefore = (await ctx.server.requests()).list;
  await open("/?status=error");
  await cards().first().waitFor();
  assert.equal(await filter("Error").getAttribute("aria-pressed"), "true");
  assert.equal(await filter("All").getAttribute("aria-pressed"), "false");
  for (const name of [`Error ${errors}`, `All ${expected.length}`]) {
    assert.equal(await ctx.page.getByRole("button", { name, exact: true }).count(), 1, name);
  }
  const statuses = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.status));
  assert.deepEqual(new Set(statuses), new Set(["error"]));
  assert.equal(statuses.length, errors);
  await ctx.page.getByText(`Showing ${errors} of ${expected.length} connections`).waitFor();

  const before = await ctx.page.evaluate(() => history.length);
  await filter("Active").click();
  await ctx.page.waitForURL(/\?status=active$/);
  assert.equal(await ctx.page.evaluate(() => history.length), before + 1);
  assert.equal(await filter("Active").getAttribute("aria-pressed"), "true");
  assert.deepEqual(
    new Set(await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.status))),
    new Set(["active"]),
  );

  await filter("All").click();
  await ctx.page.waitForURL((url) => url.search === "");
  assert.equal(await cards().count(), expected.length);

  await ctx.page.goBack();
  await ctx.page.waitForURL(/\?status=active$/);
  assert.equal(await filter("Active").getAttribute("aria-pressed"), "true");
  assert.equal((await ctx.server.requests()).list, fetchedBefore + 1, "filtering never re-fetches");
});

test("a filter with no matches says so and offers to show all", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 3 });
  const statuses = (await ctx.server.api("/api/mcp-connections")).map((c) => c.status);
  assert.ok(!statuses.includes("unknown"), "the scenario has no unknown connection");
  await open("/?status=unknown");
  await ctx.page.getByRole("heading", { name: "No unknown connections" }).waitFor();
  await ctx.page.getByRole("button", { name: "Show all connections" }).click();
  await cards().first().waitFor();
  assert.equal(await filter("All").getAttribute("aria-pressed"), "true");
});

test("instructions expand to the full text with line breaks and collapse again", async () => {
  const expected = await ctx.server.api("/api/mcp-connections");
  const longest = expected.reduce((a, b) => ((a.instructions ?? "").length >= (b.instructions ?? "").length ? a : b));
  await open();
  const card = ctx.page.locator(`article[data-connection-id="${longest.id}"]`);
  const toggle = card.locator("button[aria-controls]");
  assert.equal(await toggle.innerText(), "Show full instructions");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  const region = ctx.page.locator(`#${await toggle.getAttribute("aria-controls")}`);
  assert.notEqual(await region.textContent(), longest.instructions.trimEnd());
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await region.textContent(), longest.instructions.trimEnd());
  assert.equal(await region.evaluate((n) => getComputedStyle(n).whiteSpace), "pre-wrap");
  await card.getByRole("button", { name: "Show less" }).click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
});

test("an empty tenant says No connections", async () => {
  await ctx.server.scenario({ dataset: "empty" });
  await open();
  await ctx.page.getByRole("heading", { name: "No connections" }).waitFor();
  assert.equal(await cards().count(), 0);
  assert.equal(await ctx.page.locator(".summary[aria-live=polite]").innerText(), "Showing 0 of 0 connections");
});

test("a failure shows the API's message and Retry loads the list", async () => {
  await ctx.server.scenario({ fault: "status", faultStatus: 503, faultMessage: "Maintenance until 14:00 UTC" });
  await open();
  await alert().waitFor();
  assert.match(await alert().innerText(), /HTTP 503 Service Unavailable/);
  assert.match(await alert().innerText(), /Maintenance until 14:00 UTC/);
  assert.equal(await cards().count(), 0);

  await ctx.server.scenario({});
  await alert().getByRole("button", { name: "Retry" }).click();
  await cards().first().waitFor();
  assert.equal(await alert().count(), 0);
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.tagName), "H1", "focus stays on the page");
});

test("each kind of failure has its own message and never renders the API's HTML", async () => {
  const cases = [
    [{ fault: "html", faultStatus: 502 }, /web page instead of data \(HTTP 502 Bad Gateway\)/],
    [{ fault: "html", faultStatus: 503 }, /web page instead of data \(HTTP 503 Service Unavailable\)/],
    [{ fault: "malformed" }, /could not be read[\s\S]*not valid JSON/],
    [{ fault: "wrong-shape" }, /unexpected shape[\s\S]*got an object/],
    [{ fault: "status", faultStatus: 403 }, /HTTP 403 Forbidden[\s\S]*permission/],
    [{ fault: "status", faultStatus: 500 }, /HTTP 500 Internal Server Error/],
  ];
  for (const [scenario, message] of cases) {
    await ctx.server.scenario(scenario);
    await open();
    await alert().waitFor();
    assert.match(await alert().innerText(), message, JSON.stringify(scenario));
    assert.equal(await alert().getByRole("button", { name: "Retry" }).count(), 1);
    assert.equal(await ctx.page.locator("h1").count(), 1, "the error page's own heading is not rendered");
    assert.equal(await ctx.page.locator("main script, main iframe, main style").count(), 0);
    await ctx.page.context().close();
  }
  ctx.page = undefined;
});

test("a refresh that fails keeps the cards and shows the failure beside them", async () => {
  await open();
  await cards().first().waitFor();
  const shown = await cards().count();

  await ctx.server.scenario({ fault: "status", faultStatus: 500, faultMessage: "Database unavailable" });
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await alert().waitFor();
  assert.match(await alert().innerText(), /Refresh failed/);
  assert.match(await alert().innerText(), /Database unavailable/);
  assert.match(await alert().innerText(), /Showing the list loaded/);
  assert.equal(await cards().count(), shown);

  await ctx.server.scenario({});
  await alert().getByRole("button", { name: "Retry" }).click();
  await alert().waitFor({ state: "detached" });
  assert.equal(await cards().count(), shown);
  assert.equal((await ctx.server.requests()).list, 3);
});

test("Refresh re-fetches and shows what changed", async () => {
  await open();
  await cards().first().waitFor();
  // Unchanged cards stay as they are, expanded instructions included.
  const toggle = ctx.page.locator("button[aria-controls]").first();
  await toggle.click();
  await ctx.page.evaluate(() => (document.querySelector("article").dataset.marker = "kept"));
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await ctx.page.waitForFunction(() => document.querySelector("[aria-busy=true]") === null);
  assert.equal((await ctx.server.requests()).list, 2);
  assert.equal(await ctx.page.locator("article[data-marker=kept]").count(), 1);
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");

  await ctx.server.scenario({ dataset: "empty" });
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await ctx.page.getByRole("heading", { name: "No connections" }).waitFor();
  assert.equal((await ctx.server.requests()).list, 3);
});

test("hostile strings stay inert text; unreadable records are named; odd values shown", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open();
  await cards().first().waitFor();
  const records = await ctx.server.api("/api/mcp-connections");
  const readable = records.filter(
    (r) =>
      typeof r === "object" &&
      typeof r.name === "string" &&
      typeof r.status === "string" &&
      r.id !== "." &&
      r.id !== "..",
  );
  assert.equal(await cards().count(), readable.length);
  assert.equal(await ctx.page.locator("main img, main script, main iframe, main b, main strong").count(), 0);
  await ctx.page.getByText("<img src=x onerror=alert(1)> Inventory").waitFor();
  await ctx.page.getByText("<script>alert(1)</script>", { exact: true }).first().waitFor();

  const hrefs = await ctx.page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  // Links lead to http(s) servers or to the console's own page of a connection.
  for (const href of hrefs) assert.match(href, /^(https?:\/\/|\/connections\/[A-Za-z0-9._~%-]+$)/, href);
  for (const text of ["javascript:alert(1)", "ftp://files.acme-retail.com/mcp"]) {
    await ctx.page.locator(".server-url--inert", { hasText: text }).first().waitFor();
  }

  const degraded = ctx.page.locator('article[data-status="degraded"]');
  assert.equal(await degraded.locator(".badge").first().innerText(), "degraded");
  assert.equal(await ctx.page.locator('article[data-status="active"]').filter({ hasText: "Status ACTIVE" }).count(), 1);

  const notice = ctx.page.getByText(`${records.length - readable.length} records could not be shown`);
  await notice.click();
  const details = await ctx.page.locator(".notice").innerText();
  assert.match(details, /063669b5-560a-4278-bad7-63b72725248e/);
  assert.match(details, /no readable id/);

  const huge = ctx.page.locator("article", { hasText: "huge instructions" });
  await huge.getByRole("button", { name: "Show full instructions" }).click();
  await huge.getByRole("button", { name: "Show less" }).waitFor();
});

test("works with the keyboard alone", async () => {
  await open();
  await cards().first().waitFor();
  await ctx.page.keyboard.press("Tab");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  await ctx.page.keyboard.press("Enter");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.id), "main");

  const focused = () => ctx.page.evaluate(() => document.activeElement?.textContent?.trim());
  await ctx.page.keyboard.press("Tab");
  assert.equal(await focused(), "Refresh");
  await ctx.page.keyboard.press("Tab");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.id), "search");
  await ctx.page.keyboard.press("Tab");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.id), "sort");
  await ctx.page.keyboard.press("Tab");
  assert.equal(await focused(), "Cards");
  await ctx.page.keyboard.press("Tab");
  assert.equal(await focused(), "Compact");
  await ctx.page.keyboard.press("Tab");
  await ctx.page.keyboard.press("Tab");
  await ctx.page.keyboard.press("Tab");
  assert.match(await focused(), /^Error \d+$/);
  await ctx.page.keyboard.press("Enter");
  await ctx.page.waitForURL((url) => url.search === "?status=error");
  assert.deepEqual(
    new Set(await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.status))),
    new Set(["error"]),
  );

  for (let i = 0; i < 40 && (await focused()) !== "Show full instructions"; i++) {
    await ctx.page.keyboard.press("Tab");
  }
  assert.equal(await focused(), "Show full instructions");
  const outline = await ctx.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid", "focus is visible");
  await ctx.page.keyboard.press("Space");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.getAttribute("aria-expanded")), "true");
});

test("a narrow phone screen shows the cards without horizontal scrolling", async () => {
  ctx.page = await ctx.browser.page(ctx.server.origin + "/", { viewport: { width: 390, height: 844 } });
  await cards().first().waitFor();
  const overflow = await ctx.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
});
