// What must never happen on a page, recorded inside it: uncaught errors, rejected
// promises nobody handled, console errors and CSP violations. The drivers run this
// in the page (serialised, so it uses nothing from this module) and read
// `window.__e2eProblems` back; puppeteer's engines hear page errors and console
// messages from the browser itself and use only the CSP part.
/**
 * Page errors, dialogs and console errors as a page object of playwright or
 * puppeteer reports them (both name the events and methods alike), pushed onto
 * `problems`. Chromium reports every error status the tests provoke on purpose as a
 * failed resource load; the page's own error handling is what is under test.
 */
export function listenForProblems(page, problems) {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !text.startsWith("Failed to load resource")) {
      problems.push(`console error: ${text}`);
    }
  });
}

export function recordProblems(onlyCsp = false) {
  if (window.__e2eProblems) return;
  const problems = (window.__e2eProblems = []);
  document.addEventListener("securitypolicyviolation", (event) => {
    const text = `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`;
    if (onlyCsp) console.error(text);
    else problems.push(text);
  });
  if (onlyCsp) return;
  window.addEventListener("error", (event) => problems.push(`page error: ${event.message}`));
  window.addEventListener("unhandledrejection", (event) => problems.push(`unhandled rejection: ${event.reason}`));
  const error = console.error;
  console.error = (...args) => {
    problems.push(`console error: ${args.join(" ")}`);
    error.apply(console, args);
  };
}
