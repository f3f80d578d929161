// The build as operators ship it: headers, caching, compression, integrity, CSP,
// and accessibility (axe-core) in every state, theme and width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { suite } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const shippedHeaders = readFileSync(new URL("../deploy/_headers", import.meta.url), "utf8");
const shipped = (name) => shippedHeaders.match(new RegExp(`^\\s+${name}: (.*)$`, "m"))?.[1];

const ctx = suite({ resetEachTest: false });

const indexHtml = () => readFileSync(new URL("../dist/index.html", import.meta.url), "utf8");
const assetPaths = () => [...indexHtml().matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

test("every response carries the shipped security headers", async () => {
  assert.match(shipped("Content-Security-Policy"), /script-src 'self' 'wasm-unsafe-eval'/);
  for (const route of ["/", "/index.html", "/connections/some-id", ...assetPaths()]) {
    const response = await fetch(ctx.server.origin + route);
    assert.equal(response.status, 200, route);
    for (const name of [
      "Content-Security-Policy",
      "X-Content-Type-Options",
      "Referrer-Policy",
      "Permissions-Policy",
      "Cross-Origin-Opener-Policy",
    ]) {
      assert.equal(response.headers.get(name), shipped(name), `${name} on ${route}`);
    }
  }
});

test("index.html is never cached stale; hashed assets are immutable", async () => {
  for (const route of ["/", "/index.html", "/connections/some-id"]) {
    assert.equal((await fetch(ctx.server.origin + route)).headers.get("cache-control"), "no-cache", route);
  }
  for (const route of assetPaths()) {
    assert.match(route, /-[0-9a-f]{8,}[._]/, "content-hashed name");
    const cache = (await fetch(ctx.server.origin + route)).headers.get("cache-control");
    assert.equal(cache, "public, max-age=31536000, immutable", route);
  }
});

test("pre-compressed brotli and gzip are served when accepted", async () => {
  const wasm = assetPaths().find((p) => p.endsWith(".wasm"));
  const plain = await fetch(ctx.server.origin + wasm, { headers: { "accept-encoding": "identity" } });
  const raw = Buffer.from(await plain.arrayBuffer());
  for (const encoding of ["br", "gzip"]) {
    const response = await fetch(ctx.server.origin + wasm, { headers: { "accept-encoding": encoding } });
    assert.equal(response.headers.get("content-encoding"), encoding);
    assert.equal(response.headers.get("content-type"), "application/wasm");
    // fetch decodes the body: it must be the same wasm.
    assert.ok(raw.equals(Buffer.from(await response.arrayBuffer())));
  }
});

test("no inline script; integrity on the script, the app's JS and wasm, and the CSS", () => {
  const html = indexHtml();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "every script has a src");
  assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handlers");
  for (const pattern of [
    /<script[^>]+src="\/assets\/boot-[^"]+"[^>]+integrity="sha384-/,
    /<link rel="modulepreload"[^>]+integrity="sha384-/,
    /<link rel="preload"[^>]+\.wasm"[^>]+integrity="sha384-/,
    /<link rel="stylesheet"[^>]+integrity="sha384-/,
  ]) {
    assert.match(html, pattern);
  }
});

const STATES = {
  cards: { scenario: {}, ready: "article" },
  "expanded instructions": {
    scenario: {},
    ready: "article",
    act: async (page) => {
      await page.locator("button[aria-expanded=false]").first().click();
      await page.locator("button[aria-expanded=true]").first().waitFor();
    },
  },
  "hostile data": { scenario: { dataset: "hostile" }, ready: "article" },
  compact: { scenario: {}, path: "/?view=compact", ready: "article.row" },
  "compact, instructions open, stale filter": {
    scenario: {},
    path: "/?view=compact&status=stale",
    ready: "article.row",
    act: async (page) => {
      await page.getByRole("button", { name: "Instructions" }).first().click();
      await page.locator("button[aria-expanded=true]").first().waitFor();
    },
  },
  "compact, hostile data": { scenario: { dataset: "hostile" }, path: "/?view=compact", ready: "article.row" },
  empty: { scenario: { dataset: "empty" }, ready: ".empty" },
  error: { scenario: { fault: "status", faultStatus: 503, faultMessage: "Maintenance" }, ready: "[role=alert]" },
  // The list loading (the page before it, while config.json loads, has no heading yet).
  loading: { scenario: { delayMs: 60000 }, ready: ".list-view .card--skeleton" },
  "sign-in": { scenario: {}, ready: "form", signedIn: false },
  "sign-in with a problem": {
    scenario: {},
    ready: "form",
    signedIn: false,
    act: async (page) => {
      await page.getByLabel("API key", { exact: true }).fill("nonsense");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator("#api-key-problem", { hasText: "keys start with" }).waitFor();
    },
  },
  "broken config": { scenario: { consoleConfigRaw: "{" }, ready: "[role=alert]" },
  // Test all shown: the question above 50, then a run paused by a 429.
  "test run": {
    scenario: { dataset: "generated", count: 60, testDelayMs: 300, testFaultStatus: 429, testFaultCount: 1, retryAfterSeconds: 600 },
    ready: "article",
    act: async (page) => {
      await page.getByRole("button", { name: /^Test all shown/ }).click();
      await page.getByRole("button", { name: "Test 60" }).waitFor();
      await page.evaluate(axeSource);
      const question = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } }));
      assert.deepEqual(question.violations.map((v) => v.id), [], "the question");
      await page.getByRole("button", { name: "Test 60" }).click();
      await page.locator(".test-run__state", { hasText: "Paused" }).waitFor();
    },
  },
  // The hostile data set's "Hidden characters": plain http, tokens, warnings.
  "connection page": {
    scenario: { dataset: "hostile" },
    path: "/connections/b7e2c4a1-6f3d-4a9e-8c21-0d5f9e3a7b64",
    ready: ".hidden-summary",
  },
  "connection not found": { scenario: {}, path: "/connections/no-such-id", ready: ".empty__title" },
  "refresh failed": {
    scenario: {},
    ready: "article",
    act: async (page) => {
      await ctx.server.scenario({ fault: "status", faultStatus: 502 });
      await page.getByRole("button", { name: "Refresh" }).click();
      await page.getByRole("alert").waitFor();
    },
  },
};

/**
 * Scrolls the page through and back to the top, a frame a screen, as a reader
 * would. Cards off screen are not laid out (`content-visibility: auto`) until they
 * first come near: until then their contents report positions inside a placeholder
 * of a card's usual height, which on a phone overflow onto the next card, and axe's
 * target-size rule would measure targets that no one sees overlapping.
 */
async function layOutEverything(page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  });
}

for (const colorScheme of ["light", "dark"]) {
  for (const width of [390, 1280]) {
    test(`axe finds no violations: ${colorScheme}, ${width}px, every state`, async () => {
      for (const [name, state] of Object.entries(STATES)) {
        await ctx.server.scenario(state.scenario);
        const page = await ctx.browser.page(null, { colorScheme, viewport: { width, height: 900 }, signedIn: state.signedIn });
        await page.goto(ctx.server.origin + (state.path ?? "/"));
        await page.locator(state.ready).first().waitFor();
        await state.act?.(page);
        await layOutEverything(page);
        await page.evaluate(axeSource);
        const result = await page.evaluate(() =>
          window.axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          }),
        );
        const violations = result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`,
        );
        assert.deepEqual(violations, [], `${name}, ${colorScheme}, ${width}px`);
        await page.context().close();
      }
    });
  }
}

test("nothing jumps when the data arrives (cumulative layout shift under 0.1)", async () => {
  for (const width of [390, 1280]) {
    await ctx.server.scenario({ delayMs: 700 });
    const page = await ctx.browser.page(null, { viewport: { width, height: 900 } });
    await page.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__layoutShift += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(ctx.server.origin + "/");
    await page.locator(".card--skeleton").first().waitFor();
    await page.locator("article").first().waitFor();
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => window.__layoutShift);
    assert.ok(shift < 0.1, `layout shift ${shift.toFixed(3)} at ${width}px`);
    await page.context().close();
  }
});
