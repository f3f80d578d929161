// Hostile data and hostile networks end to end, under the shipped headers: ids that
// would leave the connections path, a redirecting API, hidden characters and
// look-alike hosts on the cards, plain http in config.json, and Trusted Types.
import { test } from "node:test";
import assert from "node:assert/strict";
import { suite } from "./harness.mjs";

const ctx = suite();

const cards = () => ctx.page.locator("article[data-connection-id]");
const card = (name) => cards().filter({ hasText: name });

// Tall enough that the windowed list renders every card of the hostile set.
const TALL = { width: 1280, height: 20000 };

async function open(route = "/", options = {}, origin = ctx.server.origin) {
  ctx.page = await ctx.browser.page(origin + route, { viewport: TALL, ...options });
  return ctx.page;
}

test("ids that are no path segment are rejected records, named with their reason", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open();
  await cards().first().waitFor();
  const shown = await cards().evaluateAll((nodes) => nodes.map((n) => n.dataset.connectionId));
  assert.ok(!shown.includes("..") && !shown.includes("."), shown.join(" "));
  await ctx.page.getByText(/records could not be shown/).click();
  const notice = await ctx.page.locator(".notice").innerText();
  assert.match(notice, /\.\.[^]*dot segment/);
  const links = await ctx.page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of links) assert.doesNotMatch(href, /\/\.\.?(\/|\?|$)/, href);
});

test("a redirecting API is a failure of its own, and the redirect is never followed", async () => {
  await ctx.server.scenario({ fault: "redirect" });
  await open();
  const alert = ctx.page.getByRole("alert");
  await alert.getByText("The API answered with a redirect").waitFor();
  assert.match(await alert.innerText(), /does not follow redirects/);
  const seen = await ctx.server.requests();
  assert.ok(seen.list >= 1);
  assert.equal(seen.redirected, 0, "nothing reached the redirect's target");
});

test("cards show hidden characters as tokens, with a marker that is also a filter", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open();
  await cards().first().waitFor();

  const pay = card("Bil");
  assert.deepEqual(
    await pay.locator(".card__name .hidden-char").allInnerTexts(),
    ["ZWSP", "ZWJ", "BOM", "WJ"],
  );
  assert.deepEqual(await pay.locator(".server-url .hidden-char").allInnerTexts(), ["ZWSP"]);
  assert.equal(await pay.locator(".badge--warning").first().innerText(), "Hidden characters");
  const invoice = card("Invoice export");
  assert.deepEqual(await invoice.locator(".card__name .hidden-char").allInnerTexts(), ["RLO"]);
  // The override is a token, so nothing after it is reversed.
  assert.match(await invoice.locator(".card__name").innerText(), /Invoice export RLOfdp\.exe/);

  const marked = await cards().filter({ has: ctx.page.locator(".badge--warning", { hasText: "Hidden characters" }) }).count();
  assert.ok(marked >= 4, `${marked} cards marked`);
  const filter = ctx.page.getByRole("button", { name: /^Hidden characters \d+$/ });
  assert.match(await filter.innerText(), new RegExp(`^Hidden characters\\s+${marked}$`));
  await filter.click();
  await ctx.page.waitForURL((url) => url.search === "?status=hidden");
  assert.equal(await cards().count(), marked);
  for (const text of await cards().allInnerTexts()) assert.match(text, /Hidden characters/);
});

test("a host beyond ASCII shows its punycode; a host that mixes scripts is flagged", async () => {
  await ctx.server.scenario({ dataset: "hostile" });
  await open();
  await cards().first().waitFor();

  const apple = card("Apple Business Connect");
  assert.equal(await apple.locator(".ascii-host code").innerText(), "xn--pple-43d.com");
  await apple.locator(".badge--warning", { hasText: "Look-alike host" }).waitFor();
  const books = card("Bücher Katalog");
  assert.equal(await books.locator(".ascii-host code").innerText(), "xn--bcher-kva.example");
  assert.equal(await books.locator(".badge--warning").count(), 0, "one script is no look-alike");
  assert.equal(await card("Order Management System").locator(".ascii-host").count(), 0);

  await apple.locator("a.card__link").click();
  await ctx.page.locator(".detail__header h1", { hasText: "Apple Business Connect" }).waitFor();
  await ctx.page.locator(".detail__header .badge--warning", { hasText: "Look-alike host" }).waitFor();
  assert.equal(await ctx.page.locator(".detail .ascii-host code").innerText(), "xn--pple-43d.com");
  assert.match(await ctx.page.locator(".detail .warning").allInnerTexts().then((t) => t.join("\n")), /mixes letters of different scripts/);
});

test("config.json may name a plain-http API only on this machine", async () => {
  await ctx.server.scenario({ consoleConfig: { apiBaseUrl: "http://api.example.com" } });
  await open("/", { signedIn: false });
  const alert = ctx.page.getByRole("alert");
  await alert.getByText("The console is not configured correctly").waitFor();
  assert.match(await alert.innerText(), /plain http:\/\/[^]*unencrypted[^]*localhost, 127\.0\.0\.1 and \[::1\]/);

  // The page and the API both on localhost (the CSP's connect-src is 'self').
  await ctx.page.context().close();
  const localhost = ctx.server.origin.replace("127.0.0.1", "localhost");
  await ctx.server.scenario({ consoleConfig: { apiBaseUrl: localhost } });
  await open("/", {}, localhost);
  await cards().first().waitFor();
});

test("the shipped headers hold HSTS and Trusted Types, and the console assigns no HTML string", async () => {
  const response = await fetch(ctx.server.origin + "/");
  assert.equal(response.headers.get("strict-transport-security"), "max-age=63072000; includeSubDomains");
  const csp = response.headers.get("content-security-policy");
  assert.match(csp, /require-trusted-types-for 'script'; trusted-types default/);

  // Every state that builds markup, with the harness failing the test on any CSP
  // (Trusted Types) violation: sign-in, loading, the list, a filter, a card's
  // instructions, a connection's page, an error, and the empty list.
  await open("/", { signedIn: false });
  await ctx.page.getByLabel("API key").waitFor();
  await ctx.page.context().close();
  await ctx.server.scenario({ dataset: "hostile" });
  await open();
  await cards().first().waitFor();
  await ctx.page.getByRole("button", { name: "Show full instructions" }).first().click();
  await ctx.page.getByRole("button", { name: /^Error \d+$/ }).click();
  await ctx.page.waitForURL((url) => url.search === "?status=error");
  await cards().first().locator("a.card__link").click();
  await ctx.page.locator(".detail__header h1").waitFor();
  await ctx.page.context().close();
  await ctx.server.scenario({ dataset: "empty" });
  await open();
  await ctx.page.getByRole("heading", { name: "No connections" }).waitFor();
  await ctx.page.context().close();
  await ctx.server.scenario({ fault: "status", faultStatus: 503 });
  await open();
  await ctx.page.getByRole("alert").waitFor();

  // The policy is in force: an HTML string is refused.
  const refused = await ctx.page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", "<b>x</b>");
      return "assigned";
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(refused, "TypeError");
  // That refusal is the one violation this test provokes on purpose: it is reported
  // a task later (as an error and as a violation event), and nothing else may be.
  const provoked = (problem) => /trusted-types|TrustedHTML/i.test(problem);
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 100 && !ctx.browser.problems.some(provoked); i++) await wait(20);
  await wait(500);
  const problems = ctx.browser.problems.splice(0);
  assert.ok(problems.some(provoked), problems.join("\n"));
  assert.deepEqual(problems.filter((problem) => !provoked(problem)), []);
});
