// The engine-neutral page (see e2e/engines.mjs) over classic WebDriver: JSON over
// HTTP to a driver process, here WebKitGTK's WebKitWebDriver, which starts
// MiniBrowser. Written by hand on fetch(): the protocol is a dozen endpoints, and
// no npm client drives WebKitGTK without downloading a browser of its own.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { recordProblems } from "./problems.mjs";

// WebDriver's key codes for the keys the journeys press (the spec's table).
const KEYS = {
  Tab: "\uE004",
  Enter: "\uE007",
  Escape: "\uE00C",
  Backspace: "\uE003",
  PageUp: "\uE00E",
  PageDown: "\uE00F",
  End: "\uE010",
  Home: "\uE011",
};
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A free TCP port on the loopback (the driver takes a port, not 0). */
async function freePort() {
  const server = net.createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address();
  server.close();
  await once(server, "close");
  return port;
}

/**
 * Starts the driver (`command` with `--port=N` appended, in its own process group so
 * that closing ends everything it started: xvfb-run, Xvfb, the driver and the
 * browsers) and returns an engine: `newPage` opens a new session, so each journey
 * has a fresh tab, sessionStorage included.
 */
export async function launchWebDriver({ command, args = [], capabilities }) {
  const port = await freePort();
  const child = spawn(command, [...args, `--port=${port}`], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let log = "";
  child.stderr.on("data", (chunk) => (log = (log + chunk).slice(-4000)));
  const exited = once(child, "exit");
  const base = `http://127.0.0.1:${port}`;

  const call = async (method, route, body) => {
    // E2E_TRACE=1 prints every command: where a journey waits, and for how long.
    if (process.env.E2E_TRACE) console.log(`# ${new Date().toISOString().slice(11, 23)} ${method} ${route}`, body ? JSON.stringify(body).slice(0, 120) : "");
    const response = await fetch(base + route, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body && JSON.stringify(body),
      // Longer than the session's own time limits, which answer with an error first.
      signal: AbortSignal.timeout(60000),
    });
    const { value } = await response.json();
    if (value && typeof value === "object" && value.error) {
      throw new Error(`WebDriver ${method} ${route}: ${value.error}: ${value.message}`);
    }
    return value;
  };

  // Ready when /status answers; a driver that cannot start exits instead.
  const deadline = Date.now() + 20000;
  for (;;) {
    const ready = await call("GET", "/status").then((status) => status?.ready !== false, () => false);
    if (ready) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`${command} did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // A page load or script that hangs fails the journey in seconds, not the
  // driver's default five minutes.
  const always = {
    ...capabilities,
    timeouts: { pageLoad: 30000, script: 30000, implicit: 0 },
    unhandledPromptBehavior: "ignore",
  };
  const status = await call("POST", "/session", { capabilities: { alwaysMatch: always } });
  const version = `${status.capabilities.browserName} ${status.capabilities.browserVersion}`;
  await call("DELETE", `/session/${status.sessionId}`);

  return {
    version,
    async newPage({ width, height }) {
      const { sessionId } = await call("POST", "/session", { capabilities: { alwaysMatch: always } });
      return webDriverPage((method, route, body) => call(method, `/session/${sessionId}${route}`, body), { width, height });
    },
    async close() {
      if (child.exitCode === null) {
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    },
  };
}

async function webDriverPage(call, viewport) {
  const problems = [];
  // The session leaves dialogs open ("ignore") and fails the command that meets
  // one: its text is recorded, it is dismissed and the command sent again, as the
  // puppeteer engines do.
  const session = async (method, route, body) => {
    try {
      return await call(method, route, body);
    } catch (error) {
      if (!/unexpected alert open/.test(error.message)) throw error;
      problems.push(`dialog: ${await call("GET", "/alert/text")}`);
      await call("POST", "/alert/dismiss", {});
      return session(method, route, body);
    }
  };
  const evaluate = (fn, ...args) =>
    session("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments);`, args });
  const keys = (values) =>
    session("POST", "/actions", {
      actions: [
        {
          type: "key",
          id: "keyboard",
          actions: values.flatMap((value) => [
            { type: "keyDown", value },
            { type: "keyUp", value },
          ]),
        },
      ],
    });

  // The window's outer size, corrected once by what its frame takes, gives the
  // asked-for viewport.
  await session("POST", "/window/rect", viewport);
  const [innerWidth, innerHeight] = await evaluate(() => [window.innerWidth, window.innerHeight]);
  await session("POST", "/window/rect", {
    width: 2 * viewport.width - innerWidth,
    height: 2 * viewport.height - innerHeight,
  });

  return {
    async goto(url) {
      await session("POST", "/url", { url });
      // Classic WebDriver has no script that runs before the page's own: the
      // recorder starts once the page has loaded (README, "Three engines").
      await evaluate(recordProblems);
    },
    evaluate,
    async click(selector) {
      // WebKitWebDriver calls an element off screen in a part that skips layout
      // (`content-visibility: auto`) "not interactable" instead of scrolling to it.
      await evaluate((selector) => document.querySelector(selector)?.scrollIntoView({ block: "center" }), selector);
      const element = await session("POST", "/element", { using: "css selector", value: selector });
      await session("POST", `/element/${element[ELEMENT]}/click`, {});
    },
    press: (key) => keys([KEYS[key] ?? key]),
    type: (text) => keys([...text]),
    back: () => session("POST", "/back", {}),
    url: () => session("GET", "/url"),
    async screenshot(file) {
      await writeFile(file, Buffer.from(await session("GET", "/screenshot"), "base64"));
    },
    async problems() {
      const seen = await evaluate(() => (window.__e2eProblems ?? []).splice(0)).catch((error) => [error.message]);
      return [...problems.splice(0), ...seen];
    },
    close: () => call("DELETE", ""),
  };
}
