// The journeys of e2e/journeys.mjs in each engine of e2e/engines.mjs: Chromium,
// Firefox ESR and WebKitGTK (E2E_ENGINES=firefox,webkit picks some). One demo API
// per engine; the journeys of an engine run in order, each in a fresh tab, with the
// API back at its command-line scenario. A failing journey leaves a screenshot in
// e2e/artifacts/ENGINE-JOURNEY.png; a journey also fails on any page error, console
// error, CSP violation or dialog.
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { DEMO_KEY, KEY_ITEM, startServer } from "./harness.mjs";
import { selectedEngines } from "./engines.mjs";
import { JOURNEYS } from "./journeys.mjs";

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "artifacts");
const VIEWPORT = { width: 1280, height: 900 };

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60).replace(/-$/, "");

for (const engine of selectedEngines()) {
  describe(engine.name, () => {
    let browser;
    let server;
    before(async () => {
      server = await startServer();
      browser = await engine.launch();
      console.log(`${engine.name}: ${browser.version}`);
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const journey of JOURNEYS) {
      test(journey.name, async () => {
        await server.reset();
        const page = await browser.newPage(VIEWPORT);
        // Signed in as the sign-in form would leave the tab: the key in this tab's
        // sessionStorage, put there from a page of the console's origin that is not
        // the console (a missing asset), before the console starts.
        const open = async (route, { signedIn = true } = {}) => {
          if (signedIn) {
            await page.goto(`${server.origin}/assets/e2e-sign-in`);
            await page.evaluate((item, key) => sessionStorage.setItem(item, key), KEY_ITEM, DEMO_KEY);
          }
          await page.goto(server.origin + route);
        };
        try {
          await journey.run({ page, server, open });
          assert.deepEqual(await page.problems(), [], "no page errors, console errors, CSP violations or dialogs");
        } catch (error) {
          // What the page recorded often explains the failure.
          const problems = await page.problems().catch(() => []);
          if (problems.length > 0) error.message += `\nthe page recorded: ${problems.join("; ")}`;
          await mkdir(ARTIFACTS, { recursive: true });
          const file = path.join(ARTIFACTS, `${engine.id}-${slug(journey.name)}.png`);
          await page.screenshot(file).then(
            () => console.log(`screenshot: ${path.relative(process.cwd(), file)}`),
            () => {},
          );
          throw error;
        } finally {
          await page.close();
        }
      });
    }
  });
}
