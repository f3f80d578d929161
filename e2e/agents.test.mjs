// The agents that use each connection, end to end: read beside the list (never
// before it), on cards, in the summary and the announcement, the Unused filter and
// the Most agents first sort in the URL, a connection's agents on its page, agents
// that name deleted connections, and every way the agents can fail to load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const card = (id) => ctx.page.locator(`article[data-connection-id="${id}"]`);
const usage = () => ctx.page.locator(".card__agents");
const filter = (name) => ctx.page.getByRole("button", { name: new RegExp(`^${name} \\d+$`) });
const TALL = { width: 1280, height: 20000 };

async function open(route = "/", options = {}) {
  ctx.page = await ctx.browser.page(undefined, { viewport: TALL, ...options });
  if (options.agents) await ctx.page.route("**/api/agent-definitions", options.agents);
  await ctx.page.goto(ctx.server.origin + route);
  return ctx.page;
}

/** What the API says: connections, agents, and each connection's agents. */
async function expected() {
  const connections = await ctx.server.api("/api/mcp-connections");
  const { items: agents } = await ctx.server.api("/api/agent-definitions");
  const users = new Map(connections.map((c) => [c.id, new Set()]));
  for (const agent of agents) {
    for (const { connectionId } of agent.mcpConnections ?? []) users.get(connectionId)?.add(agent.id);
  }
  const errors = new Set(connections.filter((c) => c.status === "error").map((c) => c.id));
  const affected = agents.filter((a) => (a.mcpConnections ?? []).some((c) => errors.has(c.connectionId)));
  const nowhere = agents.filter((a) => (a.mcpConnections ?? []).some((c) => !users.has(c.connectionId)));
  return { connections, agents, users, affected, nowhere };
}

const usedBy = (n) => (n === 0 ? "Not used by any agent" : n === 1 ? "Used by 1 agent" : `Used by ${n} agents`);

test("each card says how many agents use it; the summary says how many the errors affect", async () => {
  const { connections, agents, users, affected } = await expected();
  assert.equal(agents.length, 8);
  const before = (await ctx.server.requests()).agents;
  await open("/");
  await usage().first().waitFor();
  assert.equal(await usage().count(), connections.length);
  for (const connection of connections) {
    assert.equal(await card(connection.id).locator(".card__agents").innerText(), usedBy(users.get(connection.id).size), connection.name);
  }
  assert.equal(await ctx.page.locator(".summary-line__agents").innerText(), `Connections in Error affect ${affected.length} agents.`);
  assert.equal(await ctx.page.locator(".summary").innerText(), `Showing ${connections.length} of ${connections.length} connections`);
  assert.equal((await ctx.server.requests()).agents, before + 1, "read once with the list");
});

test("the cards show before the agents arrive, and the agents fill them in", async () => {
  await ctx.server.scenario({ agentsDelayMs: 2500 });
  const { connections } = await expected();
  await open("/");
  await cards().first().waitFor();
  assert.equal(await cards().count(), connections.length);
  assert.equal(await usage().count(), 0, "no agent counts yet");
  assert.equal(await ctx.page.locator(".summary-line__agents").innerText(), "");
  assert.equal(await filter("Unused").isVisible(), false, "no Unused filter before the agents are known");
  await usage().first().waitFor({ timeout: 10_000 });
  assert.equal(await usage().count(), connections.length);
  assert.equal(await filter("Unused").isVisible(), true);
});

test("Unused filters with its count and Most agents first sorts, both in the URL", async () => {
  const { connections, users } = await expected();
  const unused = connections.filter((c) => users.get(c.id).size === 0);
  await open("/");
  await usage().first().waitFor();
  await ctx.page.getByRole("button", { name: `Unused ${unused.length}`, exact: true }).click();
  await ctx.page.waitForURL(/\?status=unused$/);
  await ctx.page.getByText(`Showing ${unused.length} of ${connections.length} connections`).waitFor();
  assert.deepEqual(
    new Set(await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId))),
    new Set(unused.map((c) => c.id)),
  );
  assert.deepEqual(new Set(await usage().allInnerTexts()), new Set(["Not used by any agent"]));

  await filter("All").click();
  await ctx.page.getByLabel("Sort").selectOption({ label: "Most agents first" });
  await ctx.page.waitForURL(/\?sort=agents$/);
  await ctx.page.waitForFunction(
    (n) => document.querySelectorAll("article[data-connection-id] .card__agents").length === n,
    connections.length,
  );
  const order = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId));
  const counts = order.map((id) => users.get(id).size);
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), "most agents first");

  // A link with both reproduces the view once the agents are there.
  await ctx.page.goto(`${ctx.server.origin}/?status=unused&sort=agents`);
  await ctx.page.getByText(`Showing ${unused.length} of ${connections.length} connections`).waitFor();
  assert.equal(await filter("Unused").getAttribute("aria-pressed"), "true");
  assert.equal(await ctx.page.getByLabel("Sort").inputValue(), "agents");
});

test("a connection's page lists its agents with role and tools", async () => {
  const { connections, agents, users } = await expected();
  const busiest = connections.reduce((a, b) => (users.get(b.id).size > users.get(a.id).size ? b : a));
  await open(`/connections/${busiest.id}`);
  const section = ctx.page.getByRole("region", { name: "Agents", exact: true });
  await section.locator(".agent").first().waitFor();
  const using = agents.filter((a) => (a.mcpConnections ?? []).some((c) => c.connectionId === busiest.id));
  assert.equal(await section.locator(".agent").count(), using.length);
  assert.match(await section.innerText(), new RegExp(usedBy(using.length)));
  for (const agent of using) {
    const item = section.locator(".agent").filter({ hasText: agent.displayName });
    const role = agent.agentRole[0].toUpperCase() + agent.agentRole.slice(1);
    assert.equal(await item.locator(".agent__role").innerText(), role);
    const tools = agent.mcpConnections.find((c) => c.connectionId === busiest.id).allowedTools;
    // innerText leaves out the separators CSS draws between them.
    assert.deepEqual(await item.locator(".agent__tool-list li").allInnerTexts(), tools);
  }
  const idle = connections.find((c) => users.get(c.id).size === 0);
  await ctx.page.goto(`${ctx.server.origin}/connections/${idle.id}`);
  await section.getByText("Not used by any agent.").waitFor();
});

test("agents that name deleted connections are counted and named once, quietly", async () => {
  const { nowhere } = await expected();
  assert.deepEqual(nowhere.map((a) => a.displayName), ["Legacy Migration Bot"]);
  await open("/");
  const notice = ctx.page.locator(".pointing-nowhere");
  await notice.waitFor();
  assert.equal(await notice.count(), 1);
  assert.match(await notice.innerText(), /^1 agent refers to a connection that no longer exists/);
  assert.match(await notice.innerText(), /Legacy Migration Bot/);
  assert.equal(await ctx.page.getByRole("alert").count(), 0, "not an alert");
});

test("a new error is announced with the agents the errors affect", async () => {
  const { connections, agents, users } = await expected();
  const target = connections.find((c) => c.status === "active" && users.get(c.id).size > 0);
  const errorsBefore = connections.filter((c) => c.status === "error").length;
  await open("/");
  await usage().first().waitFor();
  await ctx.server.setStatus(target.id, "error");
  const after = await expected();
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  const announcer = ctx.page.locator(".visually-hidden[aria-live=polite]");
  await ctx.page.waitForFunction(() => document.querySelector(".visually-hidden[aria-live=polite]")?.textContent !== "");
  assert.equal(
    await announcer.innerText(),
    `${errorsBefore + 1} connections are in error now (was ${errorsBefore}). Connections in Error affect ${after.affected.length} agents.`,
  );
  assert.ok(agents.length >= after.affected.length);
  assert.equal(await ctx.page.locator(".summary-line__agents").innerText(), `Connections in Error affect ${after.affected.length} agents.`);
});

test("403: the list works and one quiet note names the agents:read scope", async () => {
  await ctx.server.scenario({ agentsForbidden: true });
  const { connections } = await expected().catch(() => ({ connections: [] }));
  const list = await ctx.server.api("/api/mcp-connections");
  await open("/");
  await ctx.page.locator(".agents-note").waitFor();
  // The note can come before the cards: the agents' answer may arrive first.
  await cards().first().waitFor();
  assert.equal(await cards().count(), list.length || connections.length);
  assert.equal(await ctx.page.locator(".agents-note").count(), 1);
  assert.match(await ctx.page.locator(".agents-note").innerText(), /needs an API key with the agents:read scope/);
  assert.equal(await usage().count(), 0);
  assert.equal(await ctx.page.getByRole("alert").count(), 0, "the list has no error");
  assert.equal(await filter("Unused").isVisible(), false);
  assert.equal(await ctx.page.locator(".summary-line__agents").innerText(), "");
  await ctx.page.goto(`${ctx.server.origin}/connections/${list[0].id}`);
  await ctx.page.getByRole("region", { name: "Agents", exact: true }).getByText(/cannot be shown now/).waitFor();
});

test("5xx and a page instead of JSON: a note, never in place of the list", async () => {
  for (const [status, body, type, words] of [
    [503, JSON.stringify({ error: "Agent service down" }), "application/json", /answered with an error \(HTTP 503/],
    [502, "<html><h1>Bad gateway</h1></html>", "text/html", /web page instead of data/],
  ]) {
    await open("/", { agents: (route) => route.fulfill({ status, body, contentType: type }) });
    await ctx.page.locator(".agents-note").waitFor();
    assert.match(await ctx.page.locator(".agents-note").innerText(), words);
    assert.match(await ctx.page.locator(".agents-note").innerText(), /It is read again with the list/);
    await cards().first().waitFor();
    assert.equal(await cards().count(), (await ctx.server.api("/api/mcp-connections")).length);
    assert.equal(await ctx.page.getByRole("alert").count(), 0);
    await ctx.page.context().close();
  }
  ctx.page = undefined;
});

test("a failed refresh of the agents keeps the last ones, and a success clears the note", async () => {
  let fail = false;
  await open("/", { agents: (route) => (fail ? route.fulfill({ status: 500, body: "{}", contentType: "application/json" }) : route.continue()) });
  await usage().first().waitFor();
  fail = true;
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await ctx.page.locator(".agents-note").waitFor();
  assert.match(await ctx.page.locator(".agents-note").innerText(), /: agent usage shown is from the last successful read\./);
  assert.ok((await usage().count()) > 0, "the counts stay");
  fail = false;
  await ctx.page.getByRole("button", { name: "Refresh" }).click();
  await ctx.page.locator(".agents-note").waitFor({ state: "detached" });
});

test("401 for the agents is a refused key, as for the list", async () => {
  await open("/", { agents: (route) => route.fulfill({ status: 401, body: JSON.stringify({ error: "Invalid API key" }), contentType: "application/json" }) });
  await ctx.page.getByLabel("API key", { exact: true }).waitFor();
});

test("hostile agents: names and tools are text, bad records are named, nothing runs", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open("/");
  const rejected = ctx.page.locator("details.agents-rejected");
  await rejected.waitFor();
  assert.match(await rejected.locator("summary").innerText(), /^4 agents could not be read/);
  const notice = ctx.page.locator(".pointing-nowhere");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Pay.*Pal Refunds/);
  assert.ok((await notice.locator(".hidden-char").count()) > 0, "the zero-width space shows as a token");
  assert.equal(await ctx.page.locator("img[src=x]").count(), 0);
  const { items } = await ctx.server.api("/api/agent-definitions");
  const target = items.find((a) => a.name === "script").mcpConnections[0].connectionId;
  await ctx.page.goto(`${ctx.server.origin}/connections/${encodeURIComponent(target)}`);
  const section = ctx.page.getByRole("region", { name: "Agents", exact: true });
  await section.locator(".agent").first().waitFor();
  assert.match(await section.innerText(), /<img src=x onerror=alert\('agent'\)>/);
  assert.match(await section.innerText(), /<script>alert\('tool'\)<\/script>/);
});
