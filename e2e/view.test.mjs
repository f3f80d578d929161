// Big tenants end to end: search, sort, the stale marker, the view in the URL (links,
// Back/Forward, reload) and the windowed list with its keyboard navigation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const summary = () => ctx.page.locator(".summary");
const search = () => ctx.page.getByRole("searchbox", { name: "Search" });
const sort = () => ctx.page.getByRole("combobox", { name: "Sort" });
const filter = (name) => ctx.page.getByRole("button", { name: new RegExp(`^${name} \\d+$`) });
const rendered = (attribute) => cards().evaluateAll((nodes, a) => nodes.map((n) => n.getAttribute(a)), attribute);

async function open(route = "/", options = {}) {
  ctx.page = await ctx.browser.page(ctx.server.origin + route, options);
  await cards().first().waitFor();
  return ctx.page;
}

/** Every field the search looks in, lower-cased (the data sets' text is ASCII). */
const haystack = (c) => [c.name, c.serverUrl, c.id, c.instructions ?? ""].join("\n").toLowerCase();
const matching = (records, query) =>
  records.filter((c) => query.toLowerCase().split(/\s+/).filter(Boolean).every((w) => haystack(c).includes(w)));

test("search matches name, URL, id and instructions, without case or accents, and marks the match", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  await open();
  const total = records.length;

  await search().fill("zurich");
  await summary().getByText(`Showing 1 of ${total} connections`).waitFor();
  // Text rather than innerText, here and below: a card just rendered is laid out
  // (content-visibility) only at the next frame, and innerText is what layout shows.
  assert.equal(await cards().locator("h2").textContent(), "Pricing Engine (Zürich)");
  assert.deepEqual(await cards().locator("h2 mark").allTextContents(), ["Zürich"]);

  await search().fill("ACME-RETAIL.DE");
  const byUrl = matching(records, "acme-retail.de");
  await summary().getByText(`Showing ${byUrl.length} of ${total} connections`).waitFor();
  assert.ok(byUrl.length > 0);
  assert.match(await cards().first().locator("a mark").first().textContent(), /^acme-retail\.de$/i);

  const target = records[7];
  await search().fill(target.id.toUpperCase());
  await summary().getByText(`Showing 1 of ${total} connections`).waitFor();
  assert.deepEqual(await rendered("data-connection-id"), [target.id]);

  // Words in any order, from any field, all of them required.
  const words = "never cancel";
  const inInstructions = matching(records, words);
  assert.ok(inInstructions.length > 0 && inInstructions.length < total);
  await search().fill("  CANCEL   never ");
  await summary().getByText(`Showing ${inInstructions.length} of ${total} connections`).waitFor();

  await search().fill("no such thing anywhere");
  await ctx.page.getByRole("heading", { name: "Nothing matches “no such thing anywhere”" }).waitFor();
  await ctx.page.getByRole("button", { name: "Clear the search" }).click();
  await summary().getByText(`Showing ${total} of ${total} connections`).waitFor();
  assert.equal(await search().inputValue(), "");
});

test("the filter counts follow the search, and search, filter and sort combine", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 300 });
  const records = await ctx.server.api("/api/mcp-connections");
  await open();
  await search().fill("inventory");
  const hits = matching(records, "inventory");
  const errors = hits.filter((c) => c.status === "error");
  await summary().getByText(`Showing ${hits.length} of 300 connections`).waitFor();
  for (const name of [`All ${hits.length}`, `Error ${errors.length}`]) {
    assert.equal(await ctx.page.getByRole("button", { name, exact: true }).count(), 1, name);
  }

  await filter("Error").click();
  await summary().getByText(`Showing ${errors.length} of 300 connections`).waitFor();
  await sort().selectOption({ label: "Name A–Z" });
  await ctx.page.waitForURL((url) => url.search === "?status=error&q=inventory&sort=name");
  // Cards off screen are not laid out at all.
  const names = await cards().locator("h2").allTextContents();
  assert.ok(names.length > 0);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  assert.deepEqual(new Set(await rendered("data-status")), new Set(["error"]));
  for (const name of names) assert.match(name, /Inventory/);
});

test("every sort order", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 30 });
  const records = await ctx.server.api("/api/mcp-connections");
  const byId = new Map(records.map((c) => [c.id, c]));
  // Tall enough to render all 30 cards.
  await open("/", { viewport: { width: 1280, height: 16000 } });
  const order = async (value) => {
    await sort().selectOption(value);
    await ctx.page.waitForFunction((v) => new URLSearchParams(location.search).get("sort") === (v === "problems" ? null : v), value);
    const ids = await rendered("data-connection-id");
    assert.equal(ids.length, 30);
    return ids.map((id) => byId.get(id));
  };
  const time = (value) => (value == null ? -Infinity : Date.parse(value));
  const nonDecreasing = (keys, what) => keys.slice(1).forEach((k, i) => assert.ok(keys[i] <= k, `${what}: ${keys[i]} then ${k}`));

  const rank = { error: 0, unknown: 1, active: 3 };
  const problems = await order("problems");
  nonDecreasing(problems.map((c) => rank[c.status]), "status");
  nonDecreasing(problems.filter((c) => c.status === "error").map((c) => time(c.lastHealthCheckAt)), "oldest check first among errors");

  const byName = await order("name");
  nonDecreasing(byName.map((c) => c.name.toLowerCase()), "name");

  const byCheck = await order("checked");
  nonDecreasing(byCheck.map((c) => time(c.lastHealthCheckAt)), "last checked");

  const byUpdate = await order("updated");
  nonDecreasing(byUpdate.map((c) => -time(c.updatedAt)), "recently updated");
});

test("stale connections are marked, counted and filterable, after config.json's staleAfterHours", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 200 });
  const records = await ctx.server.api("/api/mcp-connections");
  const olderThan = (hours) => records.filter((c) => c.lastHealthCheckAt && Date.parse(c.lastHealthCheckAt) < Date.now() - hours * 3600e3);
  const stale = olderThan(24);
  assert.ok(stale.length > 0, "the generated set has checks older than a day");

  await open("/?status=stale");
  assert.equal(await filter("Stale").getAttribute("aria-pressed"), "true");
  await summary().getByText(`Showing ${stale.length} of 200 connections`).waitFor();
  const first = cards().first();
  assert.equal(await first.locator(".badge--stale").textContent(), "Stale");
  const shownIds = await rendered("data-connection-id");
  const staleIds = new Set(stale.map((c) => c.id));
  for (const id of shownIds) assert.ok(staleIds.has(id), `${id} is stale`);
  assert.equal(await ctx.page.locator("article:not(:has(.badge--stale))").count(), 0, "every stale card says so");
  // And only they: a card that is not stale shows no badge.
  await filter("All").click();
  await summary().getByText("Showing 200 of 200 connections").waitFor();
  const marked = await cards().evaluateAll((nodes) =>
    nodes.map((n) => [n.dataset.connectionId, n.querySelector(".badge--stale").checkVisibility()]),
  );
  assert.ok(marked.some(([id]) => !staleIds.has(id)));
  for (const [id, visible] of marked) assert.equal(visible, staleIds.has(id), `${id}: Stale shown`);

  await ctx.page.context().close();
  await ctx.server.scenario({ dataset: "generated", count: 200, consoleConfig: { staleAfterHours: 48 } });
  await open("/?status=stale");
  await summary().getByText(`Showing ${olderThan(48).length} of 200 connections`).waitFor();
});

test("the view lives in the URL: deep link, reload, Back and Forward, and typing does not flood the history", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 300 });
  await open("/?status=error&q=orders&sort=name");
  assert.equal(await filter("Error").getAttribute("aria-pressed"), "true");
  assert.equal(await search().inputValue(), "orders");
  assert.equal(await sort().inputValue(), "name");
  const linked = await summary().innerText();

  await ctx.page.reload();
  await cards().first().waitFor();
  assert.equal(await search().inputValue(), "orders");
  assert.equal(await summary().innerText(), linked);

  const start = await ctx.page.evaluate(() => history.length);
  await search().fill("");
  await search().pressSequentially("pos eu", { delay: 30 });
  await ctx.page.waitForURL((url) => url.searchParams.get("q") === "pos eu");
  assert.equal(await ctx.page.evaluate(() => history.length), start + 1, "one entry for a burst of typing");
  await filter("All").click();
  await ctx.page.waitForURL((url) => url.search === "?q=pos+eu&sort=name");
  await sort().selectOption("checked");
  await ctx.page.waitForURL((url) => url.search === "?q=pos+eu&sort=checked");

  await ctx.page.goBack();
  await ctx.page.waitForURL((url) => url.search === "?q=pos+eu&sort=name");
  assert.equal(await sort().inputValue(), "name");
  await ctx.page.goBack();
  await ctx.page.waitForURL((url) => url.search === "?status=error&q=pos+eu&sort=name");
  assert.equal(await filter("Error").getAttribute("aria-pressed"), "true");
  await ctx.page.goBack();
  await ctx.page.waitForURL((url) => url.search === "?status=error&q=orders&sort=name");
  assert.equal(await search().inputValue(), "orders");
  await summary().getByText(linked).waitFor();
  await ctx.page.goForward();
  await ctx.page.waitForURL((url) => url.searchParams.get("q") === "pos eu");
  assert.equal(await search().inputValue(), "pos eu");

  // Unknown values fall back to the default view instead of breaking the page.
  await ctx.page.goto(ctx.server.origin + "/?status=broken&sort=sideways&q=%E0%A4");
  await cards().first().waitFor().catch(() => {});
  assert.equal(await filter("All").getAttribute("aria-pressed"), "true");
  assert.equal(await sort().inputValue(), "problems");
});

test("'/' focuses the search box from anywhere and Escape clears it", async () => {
  await open("/?q=stripe");
  await ctx.page.locator("h1").click();
  await ctx.page.keyboard.press("/");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.id), "search");
  await ctx.page.keyboard.press("Escape");
  await ctx.page.waitForURL((url) => url.search === "");
  assert.equal(await search().inputValue(), "");
  await ctx.page.keyboard.type("/stripe");
  assert.equal(await search().inputValue(), "/stripe", "inside the box '/' is just a character");
});

test("50,000 connections: only the cards on screen are rendered, the list keeps its real size", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 50000 });
  await open();
  await summary().getByText("Showing 50000 of 50000 connections").waitFor({ timeout: 30000 });
  const inDom = await cards().count();
  assert.ok(inDom > 0 && inDom < 40, `${inDom} cards in the document`);
  assert.equal(await cards().first().getAttribute("aria-setsize"), "50000");
  assert.equal(await cards().first().getAttribute("aria-posinset"), "1");
  assert.equal(await ctx.page.getByRole("feed", { name: "Connections" }).count(), 1);
  const height = await ctx.page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > 50000 * 150, `the page is ${height}px tall`);

  // Halfway down, the cards there are rendered, in their places.
  await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await ctx.page.waitForFunction(() => Number(document.querySelector("article[aria-posinset]")?.getAttribute("aria-posinset")) > 20000);
  const places = (await rendered("aria-posinset")).map(Number);
  assert.ok(places.length < 40);
  places.slice(1).forEach((p, i) => assert.equal(p, places[i] + 1, "consecutive"));
  const onScreen = await ctx.page.evaluate(() =>
    [...document.querySelectorAll("article[aria-posinset]")].some((a) => {
      const r = a.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    }),
  );
  assert.ok(onScreen, "a rendered card is on screen");

  // Searching narrows the same window.
  await search().fill("store-0042.");
  await summary().getByText("Showing 3 of 50000 connections").waitFor();
  assert.deepEqual(await rendered("aria-posinset"), ["1", "2", "3"]);
});

test("50,000 connections on a phone: the list is taller than browsers allow, and every card is still reachable", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 50000 });
  await open("/", { viewport: { width: 390, height: 844 } });
  await summary().getByText("Showing 50000 of 50000 connections").waitFor({ timeout: 30000 });
  const height = await ctx.page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 17_000_000, `the page (${height}px) stays under Firefox's cap`);
  const onScreen = () =>
    ctx.page.evaluate(() =>
      [...document.querySelectorAll("article[aria-posinset]")]
        .filter((a) => {
          const r = a.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight;
        })
        .map((a) => Number(a.getAttribute("aria-posinset"))),
    );
  await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await ctx.page.waitForFunction(() => document.querySelector('article[aria-posinset="50000"]'));
  await ctx.page.waitForTimeout(200);
  assert.ok((await onScreen()).includes(50000), "the last card is on screen at the end of the page");
  await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await ctx.page.waitForTimeout(200);
  const middle = await onScreen();
  assert.ok(middle.length > 0 && Math.abs(middle[0] - 25000) < 500, `the middle of the page shows the middle of the list (${middle})`);
});

test("a card keeps focus when a fast scroll shifts the rendered cards by several at once", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 2000 });
  await open();
  await ctx.page.evaluate(() => window.scrollTo(0, 20000));
  await ctx.page.waitForTimeout(300);
  // The last card rendered, below the screen: one scroll of five cards keeps it
  // rendered, while the list moves some of the cards it keeps in the document.
  const focused = await ctx.page.evaluate(() => {
    const shown = document.querySelectorAll("article[aria-posinset]");
    const last = shown[shown.length - 1];
    last.focus({ preventScroll: true });
    window.scrollBy(0, last.getBoundingClientRect().height * 5);
    return last.getAttribute("data-connection-id");
  });
  await ctx.page.waitForTimeout(300);
  const after = await ctx.page.evaluate((id) => {
    const card = document.querySelector(`article[data-connection-id="${id}"]`);
    return { rendered: card !== null, focused: document.activeElement === card };
  }, focused);
  assert.ok(after.rendered, "the card is still in the window");
  assert.ok(after.focused, "and still has focus");
});

test("keyboard: Page Down/Up move between cards, Home/End jump to the first and last, Tab walks on", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 2000 });
  await open();
  const focused = () => ctx.page.evaluate(() => document.activeElement?.closest("article")?.getAttribute("aria-posinset") ?? null);
  const focusedIsCard = () => ctx.page.evaluate(() => document.activeElement?.tagName === "ARTICLE");

  await cards().first().getByRole("button", { name: "Test now" }).focus();
  await ctx.page.keyboard.press("PageDown");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "2");
  assert.ok(await focusedIsCard());
  for (let i = 0; i < 8; i++) await ctx.page.keyboard.press("PageDown");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "10");
  await ctx.page.keyboard.press("PageUp");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "9");

  await ctx.page.keyboard.press("End");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "2000");
  const visible = await ctx.page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
  assert.ok(visible, "the last card is scrolled into view");
  assert.ok((await cards().count()) < 40);

  await ctx.page.keyboard.press("Home");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "1");

  // Tab goes through each card's controls (about six) into the next card, past
  // the ten or so cards rendered at first, rendering as it goes.
  const rendered0 = await cards().count();
  const seen = new Set();
  for (let i = 0; i < 150 && seen.size < 20; i++) {
    await ctx.page.keyboard.press("Tab");
    const place = await focused();
    if (place) seen.add(Number(place));
  }
  assert.ok(seen.size >= 20, `Tab reached ${seen.size} cards`);
  assert.ok(Math.max(...seen) > rendered0, "beyond the cards rendered at first");
  assert.ok((await cards().count()) < 40, "still windowed");
});
