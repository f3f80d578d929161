// Every card findable, and the compact view: below the threshold every connection
// is in the document (find in page, print), the Cards / Compact switch by mouse and
// keyboard, remembered in the URL and by the browser, 15 rows and more on a screen,
// a phone, and 50,000 connections still windowed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const articles = () => ctx.page.locator("article[data-connection-id]");
const rows = () => ctx.page.locator("article.row");
const summary = () => ctx.page.locator(".summary");
const layoutButton = (name) => ctx.page.getByRole("group", { name: "Layout" }).getByRole("button", { name, exact: true });
const STORED = "mcp-console.view";

async function open(route = "/", options = {}) {
  ctx.page = await ctx.browser.page(ctx.server.origin + route, options);
  await articles().first().waitFor();
  return ctx.page;
}

/** The names `window.find` (the browser's find in page) cannot find. */
const unfound = (names) =>
  ctx.page.evaluate((names) => {
    return names.filter((name) => {
      getSelection().removeAllRanges();
      // Case-sensitive, forwards, wrapping round the page.
      return !window.find(name, true, false, true);
    });
  }, names);

test("find in page finds every name of the demo tenant, with cards and with compact rows", async () => {
  const names = (await ctx.server.api("/api/mcp-connections")).map((c) => c.name);
  assert.equal(names.length, 25);
  for (const route of ["/", "/?view=compact"]) {
    await open(route);
    await summary().getByText("Showing 25 of 25 connections").waitFor();
    assert.equal(await articles().count(), 25, `${route}: every connection is in the document`);
    assert.deepEqual(await unfound(names), [], route);
    // So does a screen reader's browse mode: each is an article with its name.
    assert.equal(await ctx.page.getByRole("feed", { name: "Connections" }).getByRole("article").count(), 25);
    await ctx.page.context().close();
  }
});

test("printing gives every connection of the view as one compact row each, without the controls", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  for (const route of ["/", "/?view=compact", "/?status=error&view=compact"]) {
    await open(route);
    const expected = route.includes("error") ? records.filter((c) => c.status === "error") : records;
    await summary().getByText(`Showing ${expected.length} of 25 connections`).waitFor();
    await ctx.page.emulateMedia({ media: "print" });
    const printed = await ctx.page.evaluate(() => document.body.innerText);
    for (const c of records) {
      assert.equal(printed.includes(c.name), expected.includes(c), `${route}: ${c.name}`);
    }
    assert.equal(
      await ctx.page.locator("button:visible, input:visible, select:visible, .topbar:visible").count(),
      0,
      `${route}: no controls on paper`,
    );
    // One line each: a row is as tall as its status badge and padding.
    const heights = await articles().evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    assert.equal(heights.length, expected.length);
    for (const height of heights) assert.ok(height < 40, `${route}: a printed row is ${height}px tall`);
    assert.equal(await ctx.page.locator(".print-note").isVisible(), false, "nothing left out, nothing to say");
    await ctx.page.context().close();
  }
});

test("printing a windowed list says that only the rendered connections are on paper", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 2000 });
  await open("/?view=compact");
  await summary().getByText("Showing 2000 of 2000 connections").waitFor();
  await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await ctx.page.waitForFunction(() => Number(document.querySelector("article[aria-posinset]")?.getAttribute("aria-posinset")) > 500);
  await ctx.page.emulateMedia({ media: "print" });
  const note = ctx.page.locator(".print-note");
  assert.ok(await note.isVisible());
  assert.match(await note.innerText(), /^Only the connections near where the list is scrolled are printed/);
  const padding = await ctx.page.locator("[role=feed]").evaluate((feed) => getComputedStyle(feed).paddingTop);
  assert.equal(padding, "0px", "no blank pages for the rows not rendered");
  await ctx.page.emulateMedia({ media: "screen" });
  assert.ok(!(await note.isVisible()), "on screen the note is not shown");
});

test("the switch by mouse and keyboard; the URL and the browser remember the layout, the URL first", async () => {
  await open("/?status=error");
  assert.equal(await layoutButton("Cards").getAttribute("aria-pressed"), "true");
  assert.equal(await rows().count(), 0);
  const entries = await ctx.page.evaluate(() => history.length);

  await layoutButton("Compact").click();
  await ctx.page.waitForURL((url) => url.search === "?status=error&view=compact");
  await rows().first().waitFor();
  assert.equal(await ctx.page.locator("article.card").count(), 0);
  assert.equal(await layoutButton("Compact").getAttribute("aria-pressed"), "true");
  assert.equal(await ctx.page.evaluate((item) => localStorage.getItem(item), STORED), "compact");
  assert.equal(await ctx.page.evaluate(() => history.length), entries, "a preference, not a step in the history");

  // Keyboard only: Tab from the sort reaches Cards, then Compact.
  await ctx.page.getByRole("combobox", { name: "Sort" }).focus();
  await ctx.page.keyboard.press("Tab");
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.textContent), "Cards");
  await ctx.page.keyboard.press("Space");
  await ctx.page.waitForURL((url) => url.search === "?status=error");
  await ctx.page.locator("article.card").first().waitFor();
  assert.equal(await ctx.page.evaluate((item) => localStorage.getItem(item), STORED), "cards");
  await ctx.page.keyboard.press("Tab");
  await ctx.page.keyboard.press("Enter");
  await ctx.page.waitForURL((url) => url.search === "?status=error&view=compact");
  await rows().first().waitFor();
  assert.equal(await ctx.page.evaluate(() => document.activeElement?.getAttribute("aria-pressed")), "true", "focus stays on the switch");

  // The browser remembers: a URL without a layout shows the compact rows, and the
  // address bar then names them, so a link copied from it reproduces the view.
  await ctx.page.goto(ctx.server.origin + "/?sort=name");
  await rows().first().waitFor();
  await ctx.page.waitForURL((url) => url.search === "?sort=name&view=compact");
  // The URL wins over what the browser remembers, and does not change it.
  await ctx.page.goto(ctx.server.origin + "/?view=cards");
  await ctx.page.locator("article.card").first().waitFor();
  assert.equal(await rows().count(), 0);
  assert.equal(await layoutButton("Cards").getAttribute("aria-pressed"), "true");
  assert.equal(await ctx.page.evaluate((item) => localStorage.getItem(item), STORED), "compact");

  // Another browser (a fresh context), given the link: the link decides.
  await ctx.page.context().close();
  await open("/?sort=name&view=compact");
  await rows().first().waitFor();
  await ctx.page.context().close();
  await open("/");
  assert.equal(await rows().count(), 0, "Cards by default");
  assert.equal(new URL(ctx.page.url()).search, "");
});

test("compact rows: 15 and more in a 1280×900 window, the instructions open in place, the way back", async () => {
  await open("/?view=compact");
  await summary().getByText("Showing 25 of 25 connections").waitFor();
  const inWindow = () =>
    rows().evaluateAll((nodes) =>
      nodes.filter((n) => {
        const r = n.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }).length,
    );
  const firstScreen = await inWindow();
  await rows().first().evaluate((row) => window.scrollTo(0, row.getBoundingClientRect().top + scrollY));
  const scrolled = await inWindow();
  assert.ok(scrolled >= 15, `${scrolled} rows in the window (${firstScreen} on the first screen)`);
  await ctx.page.evaluate(() => window.scrollTo(0, 0));

  const records = await ctx.server.api("/api/mcp-connections");
  const withInstructions = records.find((c) => c.instructions?.includes("\n"));
  const row = ctx.page.locator(`article[data-connection-id="${withInstructions.id}"]`);
  const toggle = row.getByRole("button", { name: "Instructions" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.focus();
  await ctx.page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const region = row.locator(`#${await toggle.getAttribute("aria-controls")}`);
  const shown = await region.innerText();
  for (const line of withInstructions.instructions.split("\n")) assert.ok(shown.includes(line), `shown whole: ${line}`);
  await ctx.page.keyboard.press("Enter");
  assert.ok(!(await region.isVisible()));

  // A row's name opens the connection's page; Back returns to the rows, focus on it.
  await row.getByRole("link").click();
  await ctx.page.waitForURL((url) => url.pathname.startsWith("/connections/") && url.search === "?view=compact");
  await ctx.page.goBack();
  await ctx.page.waitForFunction((id) => document.activeElement?.closest("article")?.dataset.connectionId === id, withInstructions.id);
  assert.equal(await rows().count(), 25);
});

test("compact rows on a phone (390 px) and in the dark: nothing wider than the screen, everything there", async () => {
  await open("/?view=compact", { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await summary().getByText("Showing 25 of 25 connections").waitFor();
  const width = await ctx.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide`);
  const first = rows().first();
  for (const part of [".badge", "h2 a", ".row__host", ".row__auth", ".row__checked"]) {
    assert.ok(await first.locator(part).first().isVisible(), part);
  }
  assert.equal(await ctx.page.locator(".rows-head").isVisible(), false, "column heads are for wide screens");
});

test("50,000 connections in the compact view: still windowed, every row reachable", async () => {
  await ctx.server.scenario({ dataset: "generated", count: 50000 });
  await open("/?view=compact");
  await summary().getByText("Showing 50000 of 50000 connections").waitFor({ timeout: 30000 });
  const inDom = await rows().count();
  assert.ok(inDom >= 10 && inDom < 100, `${inDom} rows in the document`);
  assert.equal(await rows().first().getAttribute("aria-setsize"), "50000");
  const height = await ctx.page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height > 50000 * 30, `the page is ${height}px tall`);

  await ctx.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await ctx.page.waitForFunction(() => Number(document.querySelector("article[aria-posinset]")?.getAttribute("aria-posinset")) > 20000);
  const places = await rows().evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("aria-posinset"))));
  assert.ok(places.length < 100);
  places.slice(1).forEach((p, i) => assert.equal(p, places[i] + 1, "consecutive"));

  // Keyboard: End on a row goes to the last of all 50,000. (A row on screen: those
  // rendered beyond its edges may go as the rows measured settle.)
  const middle = await ctx.page.evaluate(() => {
    const row = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest("article");
    row?.focus();
    return document.activeElement === row ? row.getAttribute("aria-posinset") : null;
  });
  assert.ok(Number(middle) > 20000, `focus on row ${middle}`);
  await ctx.page.keyboard.press("End");
  await ctx.page.waitForFunction(() => document.activeElement?.getAttribute("aria-posinset") === "50000");
  assert.ok((await rows().count()) < 100, "still windowed");

  // Narrowed below the threshold, every row is in the document again.
  await ctx.page.getByRole("searchbox", { name: "Search" }).fill("store-00");
  const narrowed = await summary().innerText();
  const shown = Number(narrowed.match(/Showing (\d+)/)[1]);
  assert.ok(shown > 100 && shown <= 600, narrowed);
  await ctx.page.waitForFunction((n) => document.querySelectorAll("article.row").length === n, shown);
});
