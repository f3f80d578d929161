// Makes the README's screenshots from the release build in headless Chromium:
//   node scripts/screenshots.mjs   (after `scripts/build` and `cargo build -p demo-api`)
import { mkdirSync } from "node:fs";
import { startBrowser, startServer } from "../e2e/harness.mjs";

const out = "docs/screenshots";
// The agents come beside the list: a list is ready once its first card (or row)
// says how many agents use it, or once it failed.
const LIST_READY = ".card__agents, .row__agents span, [role=alert]";
const shots = [
  { file: "connections-light.png", colorScheme: "light", viewport: { width: 1280, height: 860 } },
  { file: "connections-dark.png", colorScheme: "dark", viewport: { width: 1280, height: 860 } },
  { file: "connections-phone.png", colorScheme: "light", viewport: { width: 390, height: 844 } },
  {
    file: "connections-search.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 860 },
    scenario: { dataset: "generated", count: 10000 },
    route: "/?status=error&q=orders+eu-west&sort=checked",
  },
  { file: "compact-light.png", colorScheme: "light", viewport: { width: 1280, height: 900 }, route: "/?view=compact" },
  { file: "compact-dark.png", colorScheme: "dark", viewport: { width: 1280, height: 900 }, route: "/?view=compact" },
  // Scrolled to the rows: on a phone the controls fill the first screen.
  {
    file: "compact-phone.png",
    colorScheme: "light",
    viewport: { width: 390, height: 844 },
    route: "/?view=compact",
    scrollTo: ".summary",
  },
  {
    file: "sign-in.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 640 },
    signedIn: false,
    ready: "form",
  },
  {
    file: "connections-error.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 520 },
    scenario: { fault: "status", faultStatus: 503, faultMessage: "Scheduled maintenance until 14:00 UTC" },
  },
  {
    file: "connection-detail.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 1400 },
    scenario: { dataset: "hostile" },
    route: "/connections/b7e2c4a1-6f3d-4a9e-8c21-0d5f9e3a7b64",
    ready: ".hidden-summary",
  },
  {
    file: "connection-detail-dark-phone.png",
    colorScheme: "dark",
    viewport: { width: 390, height: 844 },
    route: "/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd",
    ready: ".agent, .empty__title",
  },
  // The agents of the busiest demo connection, with their roles and tools.
  {
    file: "connection-agents.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 760 },
    route: "/connections/3f6c1a2e-5b7d-4c8e-9f01-23456789abcd",
    ready: ".agent",
    scrollTo: "#agents-title",
  },
  // The connections no agent uses, and the agent that names a deleted connection.
  {
    file: "connections-unused.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 860 },
    route: "/?status=unused",
  },
  // A key without agents:read: the list as ever, and one quiet note.
  {
    file: "connections-agents-forbidden.png",
    colorScheme: "light",
    viewport: { width: 1280, height: 620 },
    scenario: { agentsForbidden: true },
    ready: ".agents-note",
  },
];

mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await startBrowser();
try {
  for (const shot of shots) {
    await server.scenario(shot.scenario ?? {});
    const page = await browser.page(server.origin + (shot.route ?? "/"), shot);
    await page.locator(shot.ready ?? LIST_READY).first().waitFor();
    if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((element) => element.scrollIntoView());
    await page.screenshot({ path: `${out}/${shot.file}` });
    await page.context().close();
    console.log(`wrote ${out}/${shot.file}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
