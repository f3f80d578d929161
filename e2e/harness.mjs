// Starts the demo API serving the release build and opens pages against it. Each
// test file gets its own server on a free port, so files can run in parallel while
// the tests inside a file share one scenario and run in order.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, afterEach, before, beforeEach } from "node:test";
import { launchBrowser } from "./browser.mjs";
import { listenForProblems } from "./problems.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEMO_API = process.env.DEMO_API ?? path.join(root, "target/debug/demo-api");

/** The demo API's sandbox key, and where the console keeps a key. */
export const DEMO_KEY = "sf_test_v1_demo7Kq2mX9vL4pR8sT1wY6z";
export const KEY_ITEM = "mcp-console.api-key";

export async function startServer(args = []) {
  const child = spawn(DEMO_API, ["--port", "0", "--dist", path.join(root, "dist"), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  let origin;
  for await (const line of lines) {
    const match = line.match(/listening on (http:\/\/\S+)/);
    if (match) {
      origin = match[1];
      break;
    }
  }
  if (!origin) throw new Error("the demo API did not start");
  lines.on("line", () => {});
  const control = async (method, route, body) => {
    const response = await fetch(origin + route, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    origin,
    /** Replaces what the API answers; fields left out take their defaults. */
    scenario: (scenario) => control("PUT", "/_demo/scenario", scenario),
    reset: () => control("POST", "/_demo/reset"),
    requests: () => control("GET", "/_demo/requests"),
    api: async (route) => (await fetch(origin + route, { headers: { authorization: `Bearer ${DEMO_KEY}` } })).json(),
    setStatus: (id, status) => control("PUT", `/_demo/connections/${encodeURIComponent(id)}`, { status }),
    /** Text, or null for none. */
    setInstructions: (id, instructions) =>
      control("PUT", `/_demo/connections/${encodeURIComponent(id)}`, { instructions }),
    async stop() {
      child.kill();
      await once(child, "exit");
    },
  };
}

/**
 * A browser session that records what must never happen: page errors, dialogs
 * (an `alert()` from hostile text would open one) and console errors other than
 * the failed requests a test provokes on purpose.
 */
export async function startBrowser() {
  const browser = await launchBrowser();
  const problems = [];
  return {
    problems,
    /**
     * A page in a fresh context, signed in with the demo key unless `signedIn` is
     * false or `key` names another one.
     */
    async page(url, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        colorScheme: options.colorScheme ?? "light",
        permissions: options.permissions ?? [],
      });
      const page = await context.newPage();
      const key = options.signedIn === false ? null : (options.key ?? DEMO_KEY);
      if (key) {
        // Only on the first load of the tab, as if the admin had signed in.
        await page.addInitScript(
          ([item, value]) => {
            if (!sessionStorage.getItem("e2e-signed-in")) {
              sessionStorage.setItem("e2e-signed-in", "1");
              sessionStorage.setItem(item, value);
            }
          },
          [KEY_ITEM, key],
        );
      }
      if (options.clock) await page.clock.install();
      // Devtools-injected, so it runs whatever the page's CSP says.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      listenForProblems(page, problems);
      if (url) await page.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * One demo API and one browser for a test file. Before each test the API returns to
 * its command-line scenario (unless `resetEachTest` is false); after each, the test's
 * `ctx.page` is closed and the test fails on anything the browser recorded.
 */
export function suite({ resetEachTest = true } = {}) {
  const ctx = { server: undefined, browser: undefined, page: undefined };
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await startBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  if (resetEachTest) beforeEach(() => ctx.server.reset());
  afterEach(async () => {
    await ctx.page?.context().close();
    ctx.page = undefined;
    assert.deepEqual(ctx.browser.problems.splice(0), [], "no CSP violations, page errors, console errors or dialogs");
  });
  return ctx;
}
