// Starts the app. Trunk's own loader is an inline script, which the
// Content-Security-Policy forbids; this file is served from 'self' with an integrity
// hash. It loads the hashed JS and wasm named by Trunk's preload links, checking the
// wasm against the integrity hash Trunk computed.
const boot = document.getElementById("boot");

// Trusted Types (the CSP's `require-trusted-types-for 'script'`): no code of the
// console writes HTML from a string, but Leptos builds the static parts of its
// views, markup written in the source and never data, by parsing each once as a
// <template>'s innerHTML. This policy, the only one the CSP allows, lets exactly
// that through: innerHTML, and only markup that can run nothing. Every other sink
// (insertAdjacentHTML, outerHTML, document.write, eval, a script's src) stays
// refused.
const SCRIPTABLE = /<\s*\/?\s*(script|iframe|frame|object|embed|base|link|meta|style|form)\b|<[^>]*\s(on[a-z]+|srcdoc)\s*=|javascript:/i;
globalThis.trustedTypes?.createPolicy("default", {
  createHTML: (html, _type, sink) =>
    sink === "Element innerHTML" && !SCRIPTABLE.test(html) ? html : null,
});
try {
  const js = document.querySelector('link[rel="modulepreload"][href$=".js"]');
  const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');
  if (!js || !wasm) throw new Error("the build's preload links are missing");
  const { default: init } = await import(js.href);
  await init({ module_or_path: fetch(wasm.href, { integrity: wasm.integrity }) });
} catch (error) {
  // Never a blank page: say what failed where the loading line was.
  if (boot) {
    boot.textContent = `MCP Console could not start (${error.message}). Reload the page; if it keeps failing, contact your administrator.`;
    boot.setAttribute("role", "alert");
  }
  throw error;
}
