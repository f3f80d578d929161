// The three browser engines the journeys run in, each from Debian's packages
// (scripts/setup --browser): Chromium, Firefox ESR and WebKitGTK. None is downloaded.
//
// Every engine gives the journeys (e2e/journeys.mjs) the same small page:
//
//   engine.version                    the browser's name and version
//   engine.newPage({ width, height }) a fresh tab (its own sessionStorage) of that viewport
//   engine.close()
//
//   page.goto(url)          load a URL and wait for its load event
//   page.evaluate(fn, ...args)  run fn in the page; its result comes back as JSON
//   page.click(selector)    a real click on the first match, scrolled into view
//   page.press(key)         one key to whatever has focus: "Tab", "Enter", "Escape",
//                           "PageDown", … or a character (" " is Space)
//   page.type(text)         characters, one key each, to whatever has focus
//   page.back()             the browser's Back
//   page.url()              the address bar
//   page.screenshot(file)   a PNG of the viewport
//   page.problems()         page errors, console errors, CSP violations and dialogs
//                           since the last call
//   page.close()
//
// Anything else a journey needs is built from these, so that what a journey checks
// means the same in every engine.
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.mjs";
import { launchPuppeteer } from "./driver-puppeteer.mjs";
import { launchWebDriver } from "./driver-webdriver.mjs";

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
// webkit2gtk-driver's WebKitWebDriver starts MiniBrowser, which is shipped (outside
// PATH) by libwebkit2gtk-4.1-0. MiniBrowser has no headless mode: it runs in Xvfb.
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const ENGINES = [
  {
    id: "chromium",
    name: "Chromium",
    launch: () => launchPuppeteer({ browser: "chrome", executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
  },
  {
    id: "firefox",
    name: "Firefox ESR",
    // WebDriver BiDi, Firefox's own remote protocol: no geckodriver in between.
    launch: () => launchPuppeteer({ browser: "firefox", executablePath: FIREFOX }),
  },
  {
    id: "webkit",
    name: "WebKitGTK",
    launch: () =>
      launchWebDriver({
        // -a: a free display number, so parallel runs do not meet.
        command: "xvfb-run",
        args: ["-a", "-s", "-screen 0 1920x1200x24", WEBKIT_DRIVER],
        capabilities: {
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        },
      }),
  },
];

/** The engines named in E2E_ENGINES (e.g. "firefox,webkit"), or all three. */
export function selectedEngines(list = process.env.E2E_ENGINES) {
  if (!list) return ENGINES;
  const ids = list.split(",").map((id) => id.trim());
  for (const id of ids) {
    if (!ENGINES.some((engine) => engine.id === id)) throw new Error(`E2E_ENGINES: no engine ${id}`);
  }
  return ENGINES.filter((engine) => ids.includes(engine.id));
}
