// A connection's own page end to end: opening it from a card, deep links and reload,
// a 404, copy buttons (the clipboard read back), hidden characters made visible,
// Back to the same view and scroll position, and previous / next by button and key.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const heading = () => ctx.page.locator(".detail__header h1");
const path = () => new URL(ctx.page.url()).pathname + new URL(ctx.page.url()).search;
const detailPath = (id) => `/connections/${encodeURIComponent(id)}`;

async function open(route, options = {}) {
  ctx.page = await ctx.browser.page(ctx.server.origin + route, options);
  return ctx.page;
}

test("a card opens its connection's page with every field, and Back restores the view and scroll", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  await open("/?status=error&sort=name", { viewport: { width: 1280, height: 600 } });
  await cards().first().waitFor();
  const ids = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId));
  assert.ok(ids.length >= 3, "the demo has several failing connections");
  const target = records.find((c) => c.id === ids[2]);
  const link = cards().nth(2).locator("a.card__link");
  await link.scrollIntoViewIfNeeded();
  await ctx.page.evaluate(() => window.scrollBy(0, 40));
  const scrolled = await ctx.page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0);
  assert.equal(await link.getAttribute("href"), detailPath(target.id));

  await link.click();
  await heading().getByText(target.name).waitFor();
  assert.equal(path(), `${detailPath(target.id)}?status=error&sort=name`);
  assert.equal(await ctx.page.title(), `${target.name} · MCP connections · MCP Console`);
  // Focus moves to the name a frame after the page is mounted.
  await ctx.page.waitForFunction(() => document.activeElement?.matches(".detail__header h1"));
  assert.equal(await ctx.page.evaluate(() => window.scrollY), 0);
  const facts = await ctx.page.locator(".detail__facts").innerText();
  for (const value of [target.name, target.id, target.tenantId, target.serverUrl, "Bearer token"]) {
    assert.ok(facts.includes(value), `${value} in ${facts}`);
  }
  await ctx.page.locator(".detail__header .badge--error").waitFor();
  assert.deepEqual(await ctx.page.locator(".timeline__label").allInnerTexts(), [
    "REGISTERED",
    "LAST UPDATED",
    "LAST HEALTH CHECK",
  ]);
  // Relative and exact, both on screen.
  assert.match(await ctx.page.locator(".timeline__relative").first().innerText(), /ago|just now/);
  assert.match(await ctx.page.locator(".timeline__exact").first().innerText(), /\d{4}/);
  assert.equal(await ctx.page.locator(".address__host").innerText(), new URL(target.serverUrl).host);
  assert.ok(await cards().first().isHidden(), "the list is out of sight, not gone");

  await ctx.page.getByRole("link", { name: "← All connections" }).click();
  await cards().first().waitFor();
  assert.equal(path(), "/?status=error&sort=name");
  assert.equal(await ctx.page.title(), "MCP connections · MCP Console");
  assert.equal(await ctx.page.getByRole("button", { name: /^Error \d+$/ }).getAttribute("aria-pressed"), "true");
  assert.ok(Math.abs((await ctx.page.evaluate(() => window.scrollY)) - scrolled) <= 2, "scrolled where it was");
  const focused = await ctx.page.evaluate(() => document.activeElement?.closest("article")?.dataset.connectionId);
  assert.equal(focused, target.id, "focus returns to the card that was opened");
  // Back came through history: Forward opens the connection again, and its way back
  // is still Back, not a new entry.
  await ctx.page.goForward();
  await heading().getByText(target.name).waitFor();
  const entries = await ctx.page.evaluate(() => history.length);
  await ctx.page.getByRole("link", { name: "← All connections" }).click();
  await cards().first().waitFor();
  assert.equal(path(), "/?status=error&sort=name");
  assert.equal(await ctx.page.evaluate(() => history.length), entries, "went back, pushed nothing");
  await ctx.page.goForward();
  await heading().getByText(target.name).waitFor();
});

test("Retry on a page that could not load moves focus to what loads", async () => {
  const [target] = await ctx.server.api("/api/mcp-connections");
  await ctx.server.scenario({ fault: "status", faultStatus: 503 });
  await open(detailPath(target.id));
  const retry = ctx.page.locator(".detail .alert").getByRole("button", { name: "Retry" });
  await retry.waitFor();
  await ctx.page.getByRole("heading", { name: "This connection could not be loaded" }).waitFor();
  // Still failing: focus lands on the new panel's Retry.
  await retry.focus();
  await ctx.page.keyboard.press("Enter");
  await ctx.page.waitForFunction(() => document.activeElement?.matches(".detail .alert .button"));
  await ctx.server.scenario({});
  await ctx.page.keyboard.press("Enter");
  await heading().getByText(target.name).waitFor();
  await ctx.page.waitForFunction(() => document.activeElement?.matches(".detail__header h1"));
});

test("a pasted link works, also after a reload, and the browser's Back leads to the list", async () => {
  const [target] = await ctx.server.api("/api/mcp-connections");
  await open(`${detailPath(target.id)}?q=${encodeURIComponent(target.name.split(" ")[0])}`);
  await heading().getByText(target.name).waitFor();
  await ctx.page.reload();
  await heading().getByText(target.name).waitFor();
  assert.equal(await ctx.page.title(), `${target.name} · MCP connections · MCP Console`);
  // Nothing was opened from the list: "All connections" is a new entry with the same view.
  await ctx.page.getByRole("link", { name: "← All connections" }).click();
  await cards().first().waitFor();
  assert.equal(new URL(ctx.page.url()).search, `?q=${encodeURIComponent(target.name.split(" ")[0])}`);
  assert.equal(await ctx.page.getByRole("searchbox", { name: "Search" }).inputValue(), target.name.split(" ")[0]);
  await ctx.page.goBack();
  await heading().getByText(target.name).waitFor();
});

test("an id the tenant does not have says so and links back", async () => {
  await open(detailPath("00000000-0000-4000-8000-000000000000"));
  await ctx.page.getByRole("heading", { name: "Connection not found" }).waitFor();
  await ctx.page.getByText("00000000-0000-4000-8000-000000000000").waitFor();
  assert.equal(await ctx.page.title(), "Connection not found · MCP Console");
  await ctx.page.getByRole("link", { name: "Back to all connections" }).click();
  await cards().first().waitFor();
  assert.equal(path(), "/");
});

test("copy buttons put the exact values on the clipboard and say Copied", async () => {
  const records = await ctx.server.api("/api/mcp-connections");
  const target = records.find((c) => c.instructions && c.instructions.includes("\n"));
  await open(detailPath(target.id), { permissions: ["clipboard-read", "clipboard-write"] });
  await heading().getByText(target.name).waitFor();
  const clipboard = () => ctx.page.evaluate(() => navigator.clipboard.readText());
  for (const [what, value] of [
    ["connection ID", target.id],
    ["tenant ID", target.tenantId],
    ["name", target.name],
    ["instructions", target.instructions],
  ]) {
    const button = ctx.page.getByRole("button", { name: `Copy ${what}` });
    await button.click();
    await button.locator("xpath=following-sibling::*[@role='status']").getByText("Copied").waitFor();
    assert.equal(await clipboard(), value, what);
  }
});

test("hidden characters in instructions are made visible and counted; plain http is flagged", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  const records = await ctx.server.api("/api/mcp-connections");
  const target = records.find((c) => c.name === "Hidden characters");
  assert.ok(target, "the hostile data set has the hidden-characters record");
  await open(detailPath(target.id), { permissions: ["clipboard-read", "clipboard-write"] });
  await heading().getByText("Hidden characters").waitFor();
  const shown = ctx.page.locator("pre.instructions-full");
  const tokens = await shown.locator(".hidden-char").allInnerTexts();
  for (const token of ["ZWSP", "RLO", "PDF", "TAG begin", "TAG i", "TAG g", "TAG n", "TAG end", "NBSP", "BEL"]) {
    assert.ok(tokens.includes(token), `${token} in ${tokens}`);
  }
  assert.ok(!tokens.includes("CR"), "CRLF is a line break, not a hidden character");
  const text = await shown.evaluate((pre) => pre.textContent);
  assert.ok(!/[\u200B\u202E\u202C\u00A0\u0007]|\u{E0069}/u.test(text), "no hidden character is rendered as itself");
  const summary = await ctx.page.locator(".hidden-summary").innerText();
  assert.match(summary, new RegExp(`^${tokens.length} hidden characters`));
  assert.match(summary, /bidirectional control/);
  assert.match(summary, /tag characters/);
  await ctx.page.getByText("Plain HTTP: the agents' calls and the bearer token travel unencrypted.").waitFor();
  // The tab's title is plain text: a bidi override there shows as its token too.
  const spoof = records.find((c) => c.id === "2bdc02dc-ceda-4eed-85b1-39ff54b8bef0");
  assert.ok(spoof.name.includes("\u202E"));
  const spoofPage = await ctx.browser.page(ctx.server.origin + detailPath(spoof.id));
  await spoofPage.locator(".detail__header h1 .hidden-char").getByText("RLO").waitFor();
  assert.equal(await spoofPage.title(), "Invoice export [RLO]fdp.exe · MCP connections · MCP Console");
  await spoofPage.context().close();
  // Copy gives agents' text exactly, hidden characters included.
  await ctx.page.getByRole("button", { name: "Copy instructions" }).click();
  assert.equal(await ctx.page.evaluate(() => navigator.clipboard.readText()), target.instructions);
});

test("previous and next step through the filtered list by button and by K / J", async () => {
  await open("/?status=error");
  await cards().first().waitFor();
  const ids = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId));
  await cards().first().locator("a.card__link").click();
  const place = () => ctx.page.locator(".detail-nav__place");
  await place().getByText(`1 of ${ids.length}`).waitFor();
  assert.equal(await ctx.page.locator("[aria-disabled='true']").textContent(), "Previous K");
  assert.equal(await ctx.page.getByRole("link", { name: "Next J" }).getAttribute("aria-keyshortcuts"), "J");

  await ctx.page.keyboard.press("j");
  await place().getByText(`2 of ${ids.length}`).waitFor();
  assert.equal(path(), `${detailPath(ids[1])}?status=error`);
  await ctx.page.getByRole("link", { name: "Next J" }).click();
  await place().getByText(`3 of ${ids.length}`).waitFor();
  assert.equal(path(), `${detailPath(ids[2])}?status=error`);
  await ctx.page.keyboard.press("k");
  await place().getByText(`2 of ${ids.length}`).waitFor();
  // Steps replace the entry: Back goes to the list, not through every step.
  await ctx.page.goBack();
  await cards().first().waitFor();
  assert.equal(path(), "/?status=error");
  // The page's keys went with it.
  await ctx.page.keyboard.press("j");
  await ctx.page.waitForTimeout(200);
  assert.equal(path(), "/?status=error");
  assert.ok(await cards().first().isVisible());
});

test("Test now on a connection's page updates its status and times and keeps focus", async () => {
  await ctx.server.scenario({ testDelayMs: 500 });
  const records = await ctx.server.api("/api/mcp-connections");
  const unknown = records.find((r) => r.status === "unknown");
  await open(detailPath(unknown.id));
  await heading().getByText(unknown.name).waitFor();
  const before = (await ctx.server.requests()).detail;
  const button = ctx.page.getByRole("button", { name: /Test now|Testing/ });
  await button.click();
  await ctx.page.locator(".detail__header").getByText("Testing…").waitFor();
  await ctx.page.locator(".detail__header").getByText("Health check passed.").waitFor();
  await ctx.page.locator(".detail__header .badge--active").waitFor();
  await ctx.page.locator(".timeline__item", { hasText: "Last health check" }).getByText("just now").waitFor();
  assert.ok((await ctx.server.requests()).detail > before, "the record is asked for again after the check");
  assert.ok(await button.evaluate((b) => b === document.activeElement), "focus stays on Test now");
});
