// What must never happen on a page, recorded inside it: uncaught errors, rejected
// promises nobody handled, console errors and CSP violations. The drivers run this
// in the page (serialised, so it uses nothing from this module) and read
// `window.__e2eProblems` back; puppeteer's engines hear page errors and console
// messages from the browser itself and use only the CSP part.
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
