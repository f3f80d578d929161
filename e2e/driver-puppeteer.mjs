// The engine-neutral page (see e2e/engines.mjs) through puppeteer-core: Chromium
// over the DevTools protocol, Firefox over WebDriver BiDi, each the binary Debian
// installed (puppeteer-core never downloads one).
import puppeteer from "puppeteer-core";
import { listenForProblems, recordProblems } from "./problems.mjs";

/** `browser` is puppeteer's name for the engine: "chrome" or "firefox". */
export async function launchPuppeteer({ browser: kind, executablePath, args = [] }) {
  const browser = await puppeteer.launch({ browser: kind, executablePath, headless: true, args });
  return {
    version: await browser.version(),
    async newPage({ width, height }) {
      // A browser context of its own per page: fresh sessionStorage and history.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      return puppeteerPage(page, context);
    },
    close: () => browser.close(),
  };
}

async function puppeteerPage(page, context) {
  const problems = [];
  listenForProblems(page, problems);
  // Runs before the page's own scripts, whatever its CSP says.
  await page.evaluateOnNewDocument(recordProblems, true);

  return {
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    // The browser's own Back (history traversal, not history.back() in the page).
    back: async () => {
      await page.goBack();
    },
    url: async () => page.url(),
    screenshot: (file) => page.screenshot({ path: file }),
    problems: async () => problems.splice(0),
    close: () => context.close(),
  };
}
