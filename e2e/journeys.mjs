// The journeys that matter most to an admin, written once for every engine
// (e2e/engines.test.mjs runs each in Chromium, Firefox ESR and WebKitGTK). They use
// only the small page of e2e/engines.mjs: real clicks and keys, and what the page
// shows read back with `evaluate`. Functions handed to `evaluate` run in the page,
// so they use nothing from this module: what they need comes as arguments.
import assert from "node:assert/strict";
import { DEMO_KEY, KEY_ITEM } from "./harness.mjs";

const TIMEOUT = 15000;

/** Polls `fn` in the page until it returns something truthy, and returns that. */
async function waitFor(page, what, fn, ...args) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const value = await page.evaluate(fn, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `selector` matches. */
const present = (page, what, selector) => waitFor(page, what, (s) => document.querySelector(s) !== null, selector);

const FEED_CARDS = "[role=feed] article";
/** A card by its connection's id (its name links to the connection's page). */
const card = (id) => `${FEED_CARDS}:has(a.card__link[href="/connections/${encodeURIComponent(id)}"])`;

/** The cards in the document, in order: id, name, status and badge. Text as
 * `textContent`: cards off screen skip layout (`content-visibility: auto`), and
 * their `innerText` is empty. */
const cards = (page) =>
  page.evaluate((selector) => {
    return [...document.querySelectorAll(selector)].map((article) => ({
      id: decodeURIComponent(article.querySelector("a.card__link").getAttribute("href").split("/").pop()),
      name: article.querySelector("h2").textContent,
      status: article.dataset.status,
      // The word itself, on its own element.
      badge: article.querySelector(".badge .badge__label")?.textContent,
      text: article.textContent,
    }));
  }, FEED_CARDS);

/** Each filter's count and whether it is pressed, by label. */
const filters = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll(".filters button")].map((button) => [
        button.querySelector(".filter__label").textContent,
        { count: Number(button.querySelector(".filter__count").textContent), pressed: button.getAttribute("aria-pressed") },
      ]),
    ),
  );

const summaryIs = (page, text) =>
  waitFor(page, `"${text}"`, (expected) => document.querySelector(".summary")?.innerText === expected, text);

const search = (page) => page.evaluate(() => location.search);

/** What has focus, in words: `#id`, else its text. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    return element.id ? `#${element.id}` : element.textContent.trim().replace(/\s+/g, " ");
  });

/** Clicks the first element matching `selector` whose text is `text`. */
async function clickText(page, selector, text) {
  const found = await page.evaluate(
    (selector, text) => {
      document.querySelector("[data-e2e-click]")?.removeAttribute("data-e2e-click");
      const target = [...document.querySelectorAll(selector)].find((node) => node.textContent.trim() === text);
      target?.setAttribute("data-e2e-click", "");
      return Boolean(target);
    },
    selector,
    text,
  );
  assert.ok(found, `a ${selector} that says ${text}`);
  await page.click("[data-e2e-click]");
}

const byStatus = (records, status) => records.filter((record) => record.status === status).length;
const RANK = { error: 0, unknown: 1, active: 3 };

/**
 * Each journey gets `page` (a fresh tab), `server` (e2e/harness.mjs's demo API, back
 * at its command-line scenario) and `open(route, { signedIn })`.
 */
export const JOURNEYS = [
  {
    name: "sign-in: a key of the wrong shape is refused before anything is sent, the demo key signs in",
    async run({ page, server, open }) {
      await open("/", { signedIn: false });
      await present(page, "the sign-in form", "#api-key");
      await page.click("#api-key");
      await page.type("sk_live_not_a_platform_key");
      // Enter in the field submits the form (implicit submission).
      await page.press("Enter");
      await waitFor(page, "the shape problem", () =>
        document.querySelector("#api-key-problem")?.textContent.includes("keys start with sf_live_v1_ or sf_test_v1_"),
      );
      assert.equal(await page.evaluate(() => document.querySelector("#api-key").getAttribute("aria-invalid")), "true");
      assert.equal((await server.requests()).list, 0, "nothing sent for a key of the wrong shape");

      await page.evaluate(() => (document.querySelector("#api-key").value = ""));
      await page.click("#api-key");
      await page.type(DEMO_KEY);
      await clickText(page, "form button[type=submit]", "Sign in");
      await present(page, "the first card", FEED_CARDS);
      assert.equal((await server.requests()).lastAuthorization, `Bearer ${DEMO_KEY}`);
      await waitFor(page, "the Sandbox marker", () => document.querySelector(".sandbox-chip")?.textContent === "Sandbox");
      const storage = await page.evaluate((item) => [sessionStorage.getItem(item), localStorage.length], KEY_ITEM);
      assert.deepEqual(storage, [DEMO_KEY, 0], "the key in sessionStorage only");
    },
  },
  {
    name: "the list: problems first, each card's name and status, the counts of every filter",
    async run({ page, server, open }) {
      const records = await server.api("/api/mcp-connections");
      const total = records.length;
      await open("/");
      await summaryIs(page, `Showing ${total} of ${total} connections`);
      const dayAgo = Date.now() - 24 * 3600e3;
      const stale = records.filter((r) => r.lastHealthCheckAt && Date.parse(r.lastHealthCheckAt) < dayAgo).length;
      // The agents come beside the list: Unused counts once they are there.
      await waitFor(page, "the agents on the cards", () => document.querySelector(".card__agents") !== null);
      const { items: agents } = await server.api("/api/agent-definitions");
      const used = new Set(agents.flatMap((agent) => (agent.mcpConnections ?? []).map((c) => c.connectionId)));
      const counts = await filters(page);
      assert.deepEqual(
        Object.fromEntries(Object.entries(counts).map(([label, { count }]) => [label, count])),
        {
          All: total,
          Active: byStatus(records, "active"),
          Error: byStatus(records, "error"),
          Unknown: byStatus(records, "unknown"),
          Stale: stale,
          // The demo data set hides no characters (e2e/hostile.test.mjs counts the
          // hostile set's).
          "Hidden characters": 0,
          Unused: records.filter((record) => !used.has(record.id)).length,
          // First sight is the baseline: nothing has changed yet.
          Changed: 0,
        },
      );
      assert.equal(counts.All.pressed, "true");

      const shown = await cards(page);
      assert.ok(shown.length >= 3, `${shown.length} cards on screen`);
      const byId = new Map(records.map((record) => [record.id, record]));
      for (const { id, name, status, badge } of shown) {
        const record = byId.get(id);
        assert.equal(name, record.name);
        assert.equal(status, record.status);
        assert.equal(badge, { active: "Active", error: "Error", unknown: "Unknown" }[record.status]);
      }
      const ranks = shown.map(({ status }) => RANK[status]);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), "problems first");
      // The feed tells assistive technology the real size of the windowed list.
      const size = await page.evaluate((selector) => document.querySelector(selector).getAttribute("aria-setsize"), FEED_CARDS);
      assert.equal(size, String(total));
    },
  },
  {
    name: "filter and search: each in the URL, matches marked, and Back walks the view back",
    async run({ page, server, open }) {
      const records = await server.api("/api/mcp-connections");
      const total = records.length;
      const errors = byStatus(records, "error");
      await open("/");
      await summaryIs(page, `Showing ${total} of ${total} connections`);

      await page.click(".filters .filter--error");
      await waitFor(page, "?status=error", () => location.search === "?status=error");
      await summaryIs(page, `Showing ${errors} of ${total} connections`);
      assert.equal((await filters(page)).Error.pressed, "true");
      assert.deepEqual(new Set((await cards(page)).map((c) => c.status)), new Set(["error"]));

      await page.click(".filters .filter--all");
      await waitFor(page, "no query", () => location.search === "");
      await summaryIs(page, `Showing ${total} of ${total} connections`);

      // Without case or accents: "zurich" finds "Zürich", and the match is marked.
      await page.click("#search");
      await page.type("zurich");
      await waitFor(page, "?q=zurich", () => location.search === "?q=zurich");
      await summaryIs(page, `Showing 1 of ${total} connections`);
      const [found] = await cards(page);
      assert.equal(found.name, "Pricing Engine (Zürich)");
      const marks = await page.evaluate((selector) => [...document.querySelectorAll(`${selector} h2 mark`)].map((m) => m.textContent), FEED_CARDS);
      assert.deepEqual(marks, ["Zürich"]);

      // The typing was one history entry: Back clears the search, Back again is the filter.
      await page.back();
      await waitFor(page, "Back to no search", () => location.search === "" && document.querySelector("#search").value === "");
      await summaryIs(page, `Showing ${total} of ${total} connections`);
      await page.back();
      await waitFor(page, "Back to ?status=error", () => location.search === "?status=error");
      await summaryIs(page, `Showing ${errors} of ${total} connections`);
      assert.equal((await filters(page)).Error.pressed, "true");
    },
  },
  {
    name: "instructions: the toggle shows the exact text with its line breaks and collapses again",
    async run({ page, server, open }) {
      // The longest instructions, which the preview cuts, on the card a link to a
      // search for its id shows.
      const records = await server.api("/api/mcp-connections");
      const target = records.reduce((a, b) => ((a.instructions ?? "").length >= (b.instructions ?? "").length ? a : b));
      assert.ok(target.instructions.includes("\n"), "the instructions have several lines");
      await open(`/?q=${target.id}`);
      await present(page, "the card", card(target.id));
      const toggle = `${card(target.id)} button[aria-controls]`;
      const state = () =>
        page.evaluate((selector) => {
          const button = document.querySelector(selector);
          const region = document.getElementById(button.getAttribute("aria-controls"));
          return {
            label: button.textContent.trim(),
            expanded: button.getAttribute("aria-expanded"),
            text: region.textContent,
            whiteSpace: getComputedStyle(region).whiteSpace,
          };
        }, toggle);

      const collapsed = await state();
      assert.equal(collapsed.label, "Show full instructions");
      assert.equal(collapsed.expanded, "false");
      assert.notEqual(collapsed.text, target.instructions.trimEnd());

      await page.click(toggle);
      await waitFor(page, "expanded", (s) => document.querySelector(s).getAttribute("aria-expanded") === "true", toggle);
      const expanded = await state();
      assert.equal(expanded.text, target.instructions.trimEnd());
      assert.equal(expanded.whiteSpace, "pre-wrap");
      assert.equal(expanded.label, "Show less");

      await page.click(toggle);
      await waitFor(page, "collapsed", (s) => document.querySelector(s).getAttribute("aria-expanded") === "false", toggle);
      assert.equal((await state()).text, collapsed.text);
    },
  },
  {
    name: "a connection's page: opened from a card, Copy, Test now, and Back to the same list with focus on the card",
    async run({ page, server, open }) {
      await server.scenario({ testDelayMs: 800 });
      const records = await server.api("/api/mcp-connections");
      // Name order: the card keeps its place when the check changes its status.
      await open("/?sort=name");
      await present(page, "the first card", FEED_CARDS);
      const shown = await cards(page);
      const target = records.find((r) => r.id === shown.find((c) => c.status === "unknown").id);

      await page.click(`${card(target.id)} a.card__link`);
      await waitFor(page, "the connection's name", (name) => document.querySelector(".detail__header h1")?.textContent === name, target.name);
      const origin = new URL(await page.url()).origin;
      assert.equal(await page.url(), `${origin}/connections/${encodeURIComponent(target.id)}?sort=name`);
      assert.equal(await page.evaluate(() => document.title), `${target.name} · MCP connections · MCP Console`);
      await waitFor(page, "focus on the name", () => document.activeElement?.matches(".detail__header h1"));
      const facts = await page.evaluate(() => document.querySelector(".detail__facts").innerText);
      for (const value of [target.name, target.id, target.tenantId, target.serverUrl]) {
        assert.ok(facts.includes(value), `${value} in ${facts}`);
      }
      // Relative and exact times, from the browser's own clock and Intl.
      const times = await page.evaluate(() => ({
        relative: document.querySelector(".timeline__relative").innerText,
        exact: document.querySelector(".timeline__exact").innerText,
      }));
      assert.match(times.relative, /ago|just now|yesterday/);
      assert.match(times.exact, /\d{4}/);

      // The clipboard takes the id from a real click, and the page says so.
      await page.click('button[aria-label="Copy connection ID"]');
      await waitFor(page, "Copied", () =>
        document.querySelector('button[aria-label="Copy connection ID"] + [role=status]')?.textContent === "Copied",
      );

      await clickText(page, ".detail__header button", "Test now");
      await waitFor(page, "Testing…", () => document.querySelector(".detail__header").innerText.includes("Testing…"));
      await waitFor(page, "the check's result", () => document.querySelector(".detail__header").innerText.includes("Health check passed."));
      await present(page, "the active badge", ".detail__header .badge--active");
      await waitFor(page, "the new check time", () =>
        [...document.querySelectorAll(".timeline__item")].some((item) => /Last health check/i.test(item.innerText) && item.innerText.includes("just now")),
      );
      assert.ok(await page.evaluate(() => document.activeElement?.textContent.trim() === "Test now"), "focus stays on Test now");

      await page.back();
      await waitFor(page, "the list again", () => location.pathname === "/" && location.search === "?sort=name" && !document.querySelector(".detail"));
      await waitFor(
        page,
        "focus on the card that was opened",
        (selector) => document.activeElement?.closest(selector) != null,
        card(target.id),
      );
      assert.equal(await page.evaluate(() => document.title), "MCP connections · MCP Console");
      const badge = await page.evaluate((selector) => document.querySelector(`${selector} .badge .badge__label`).innerText, card(target.id));
      assert.equal(badge, "Active", "the list shows the check's result");
    },
  },
  {
    name: "a failure: the API's words and Retry, which loads the list",
    async run({ page, server, open }) {
      await server.scenario({ fault: "status", faultStatus: 503, faultMessage: "Maintenance until 14:00 UTC" });
      await open("/");
      const message = await waitFor(page, "the failure", () => document.querySelector(".alert[role=alert]")?.innerText);
      assert.match(message, /HTTP 503 Service Unavailable/);
      assert.match(message, /Maintenance until 14:00 UTC/);
      assert.equal((await cards(page)).length, 0);

      await server.scenario({});
      await clickText(page, ".alert[role=alert] button", "Retry");
      await present(page, "the first card", FEED_CARDS);
      assert.equal(await page.evaluate(() => document.querySelector(".alert[role=alert]") === null), true, "the failure is gone");
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus stays on the page");
    },
  },
  {
    name: "hostile data: markup and scripts stay text, links stay safe, hidden characters are shown",
    async run({ page, server, open }) {
      await server.scenario({ dataset: "hostile" });
      const records = await server.api("/api/mcp-connections");
      // Readable, and with an id that can be one path segment ("." and ".." cannot).
      const readable = records.filter(
        (r) => typeof r === "object" && typeof r.name === "string" && typeof r.status === "string" && r.id !== "." && r.id !== "..",
      );
      await open("/");
      await present(page, "the first card", FEED_CARDS);

      // Down the whole windowed list: every card is rendered on the way, none as markup.
      const seen = new Map();
      const hrefs = new Set();
      for (let step = 0; step < 200; step++) {
        const view = await page.evaluate((selector) => {
          const main = document.querySelector("main");
          return {
            live: main.querySelectorAll("img, script, iframe, object, embed, b, strong, style").length,
            hrefs: [...main.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
            inert: [...document.querySelectorAll(".server-url--inert")].map((n) => n.textContent),
            done: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1,
          };
        }, FEED_CARDS);
        assert.equal(view.live, 0, "no element made from the data's markup");
        view.hrefs.forEach((href) => hrefs.add(href));
        for (const shown of await cards(page)) seen.set(shown.id, { ...shown, inert: view.inert });
        if (view.done) break;
        await page.evaluate(() => window.scrollBy(0, Math.round(window.innerHeight * 0.8)));
        // Let the feed render the rows now on screen.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30))));
      }
      assert.equal(seen.size, readable.length, "every readable record has a card");
      const texts = [...seen.values()].map((c) => c.text).join("\n");
      for (const text of ["<img src=x onerror=alert(1)> Inventory", "<script>alert(1)</script>"]) {
        assert.ok(texts.includes(text), `${text} shown as text`);
      }
      // A bidi override in a name is a token on its card, so nothing after it is reversed.
      const invoice = [...seen.values()].find((c) => c.name.startsWith("Invoice export"));
      assert.equal(invoice?.name, "Invoice export RLOfdp.exe");
      // Links lead to http(s) servers or to the console's own page of a connection.
      for (const href of hrefs) assert.match(href, /^(https?:\/\/|\/connections\/[A-Za-z0-9._~%-]+$)/, href);
      const inert = new Set([...seen.values()].flatMap((c) => c.inert));
      for (const text of ["javascript:alert(1)", "ftp://files.acme-retail.com/mcp"]) {
        assert.ok([...inert].some((t) => t.includes(text)), `${text} is not a link`);
      }
      const main = await page.evaluate(() => document.querySelector("main").innerText);
      assert.ok(main.includes(`${records.length - readable.length} records could not be shown`));

      // A connection's page shows what a reader cannot see as tokens, never the characters.
      const hidden = records.find((r) => r.name === "Hidden characters");
      await page.goto(`${new URL(await page.url()).origin}/connections/${encodeURIComponent(hidden.id)}`);
      const tokens = await waitFor(page, "the hidden characters as tokens", () => {
        const shown = [...document.querySelectorAll("pre.instructions-full .hidden-char")].map((t) => t.innerText);
        return shown.length > 0 && shown;
      });
      for (const token of ["ZWSP", "RLO", "PDF", "TAG begin", "TAG i", "TAG end", "NBSP", "BEL"]) {
        assert.ok(tokens.includes(token), `${token} in ${tokens}`);
      }
      const text = await page.evaluate(() => document.querySelector("pre.instructions-full").textContent);
      assert.ok(!/[\u200B\u202E\u202C\u00A0\u0007]|\u{E0069}/u.test(text), "no hidden character is rendered as itself");
      const summary = await page.evaluate(() => document.querySelector(".hidden-summary").innerText);
      assert.match(summary, new RegExp(`^${tokens.length} hidden characters`));
    },
  },
  {
    name: "the keyboard alone: skip link, the filter, a card's instructions, a connection's page and K",
    async run({ page, open }) {
      await open("/");
      await present(page, "the first card", FEED_CARDS);
      await page.press("Tab");
      assert.equal(await focused(page), "Skip to content");
      await page.press("Enter");
      await waitFor(page, "focus on main", () => document.activeElement?.id === "main");

      // Every stop on the way to the Error filter, in order.
      const stops = [];
      while (stops.length < 14 && !/^Error \d+$/.test(stops.at(-1) ?? "")) {
        await page.press("Tab");
        stops.push(await focused(page));
      }
      assert.deepEqual(
        stops.map((stop) => stop.replace(/ \d+$/, " N")),
        ["Refresh", "#search", "#sort", "Cards", "Compact", "All N", "Active N", "Error N"],
      );
      await page.press("Enter");
      await waitFor(page, "?status=error", () => location.search === "?status=error");
      assert.deepEqual(new Set((await cards(page)).map((c) => c.status)), new Set(["error"]));

      // Into the first card, to its instructions: Space opens them, with visible focus.
      for (let i = 0; i < 20 && (await focused(page)) !== "Show full instructions"; i++) await page.press("Tab");
      assert.equal(await focused(page), "Show full instructions");
      assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid", "focus is visible");
      await page.press(" ");
      await waitFor(page, "expanded", () => document.activeElement?.getAttribute("aria-expanded") === "true");

      // On to the second card's name: Enter opens its page, with focus on its name.
      const first = await page.evaluate(() => document.activeElement.closest("article").getAttribute("aria-posinset"));
      assert.equal(first, "1");
      for (let i = 0; i < 20; i++) {
        await page.press("Tab");
        const onName = await page.evaluate(() => document.activeElement?.matches("a.card__link") && document.activeElement.closest("article").getAttribute("aria-posinset"));
        if (onName) {
          assert.equal(onName, "2", "Tab reaches the second card's name next");
          break;
        }
      }
      const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
      assert.match(href, /^\/connections\//);
      await page.press("Enter");
      await waitFor(page, "the connection's page", (path) => location.pathname === path, href);
      await waitFor(page, "focus on the name", () => document.activeElement?.matches(".detail__header h1"));
      await waitFor(page, "place 2", () => /^2 of \d+$/.test(document.querySelector(".detail-nav__place")?.innerText.trim()));

      // K: the previous connection of the filtered list.
      await page.press("k");
      await waitFor(page, "place 1", () => /^1 of \d+$/.test(document.querySelector(".detail-nav__place")?.innerText.trim()));
      assert.equal(await search(page), "?status=error");
    },
  },
];
