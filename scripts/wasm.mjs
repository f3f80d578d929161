// The wasm half of the release build (scripts/build runs it after `trunk build` has
// written the page shell): splits the app's wasm where `#[wasm_split]` marks a lazily
// loaded function (a connection's page), generates the JS bindings, optimises every
// module (wasm-opt for wasm, terser for JS), names each file by its content and
// writes the integrity hashes.
//
//   node scripts/wasm.mjs INPUT.wasm DIST
//
// Trunk cannot do this itself: it runs wasm-bindgen straight after cargo, and the
// split must come between the two (trunk-rs/trunk#1022).
//
// Files, all in DIST/assets, all immutable by name:
//   mcp-console-H_bg.wasm   the main module          (index.html preloads it, with SRI)
//   mcp-console-H.js        wasm-bindgen's JS glue    (modulepreload, with SRI)
//   wasm-split-H.js         loader of the split parts (modulepreload, with SRI)
//   split_*-H.wasm          a lazily loaded part      (fetched with its SRI hash)
// The glue imports the loader and the loader imports the glue, so those two share
// one hash H of both their contents (and of the modules they name).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const [input, dist] = process.argv.slice(2);
if (!input || !dist) {
  console.error("usage: node scripts/wasm.mjs INPUT.wasm DIST");
  process.exit(2);
}
const work = path.join(path.dirname(input), "wasm-split-work");
const assets = path.join(dist, "assets");
// What wasm-bindgen's output uses; wasm-opt refuses anything else, loudly.
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
  "--enable-mutable-globals",
];
const LOADER = "./__wasm_split.js";

const run = (command, args) => execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const digest = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};
/** `text` with `from` replaced by `to` exactly `count` times, or a clear failure. */
function replaceExactly(text, from, to, count, where) {
  const found = text.split(from).length - 1;
  if (found !== count) {
    throw new Error(`${where}: expected ${count} × ${JSON.stringify(from)}, found ${found}`);
  }
  return text.replaceAll(from, to);
}

rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, "split"), { recursive: true });
run("wasm-split-cli", [input, path.join(work, "split"), "--target", "web", "--out-name", "mcp-console"]);
// The split parts reach the main module's function table through its exports: keep
// the ones the linker made (`__indirect_function_table`, the stack pointer).
run("wasm-bindgen", [
  "--target", "web",
  "--no-typescript",
  "--keep-lld-exports",
  "--out-dir", path.join(work, "pkg"),
  path.join(work, "split", "mcp-console.wasm"),
]);
const optimise = (from, to) => run("wasm-opt", ["-Oz", ...FEATURES, from, "-o", to]);
// Exports and the module names of imports are kept: the loader imports `initSync`
// from the glue, and the glue's imports object names what the wasm asks for.
const minify = (file) => {
  run("terser", [file, "--module", "--compress", "--mangle", "--output", file]);
  return readFileSync(file, "utf8");
};

mkdirSync(assets, { recursive: true });
let loader = readFileSync(path.join(work, "split", LOADER), "utf8");
const parts = readdirSync(path.join(work, "split")).filter(
  (name) => name.endsWith(".wasm") && name !== "mcp-console.wasm",
);
for (const name of parts) {
  const optimised = path.join(work, `${name}.opt`);
  optimise(path.join(work, "split", name), optimised);
  const bytes = readFileSync(optimised);
  const hashed = `${name.replace(/\.wasm$/, "")}-${digest(bytes)}.wasm`;
  writeFileSync(path.join(assets, hashed), bytes);
  loader = replaceExactly(
    loader,
    `fetch(new URL("./${name}", import.meta.url))`,
    `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${sri(bytes)}" })`,
    1,
    "wasm-split's loader",
  );
}

const mainPath = path.join(work, "main.wasm");
optimise(path.join(work, "pkg", "mcp-console_bg.wasm"), mainPath);
const main = readFileSync(mainPath);
const mainName = `mcp-console-${digest(main)}_bg.wasm`;
writeFileSync(path.join(assets, mainName), main);

// The two name each other, so the names go in after the shared hash of both; only
// the import statement names the loader's file, the glue's imports object keeps the
// module name the wasm asks for.
loader = replaceExactly(loader, `from "./mcp-console.js"`, `from "./@GLUE@"`, 1, "wasm-split's loader");
writeFileSync(path.join(work, "loader.js"), loader);
loader = minify(path.join(work, "loader.js"));
const gluePath = path.join(work, "pkg", "mcp-console.js");
writeFileSync(
  gluePath,
  replaceExactly(readFileSync(gluePath, "utf8"), ` from "${LOADER}"`, ` from "./@LOADER@"`, 1, "wasm-bindgen's glue"),
);
let glue = minify(gluePath);
const shared = digest(glue, loader);
const glueName = `mcp-console-${shared}.js`;
const loaderName = `wasm-split-${shared}.js`;
glue = replaceExactly(glue, "@LOADER@", loaderName, 1, "the minified glue");
loader = replaceExactly(loader, "@GLUE@", glueName, 1, "the minified loader");
writeFileSync(path.join(assets, glueName), glue);
writeFileSync(path.join(assets, loaderName), loader);

// boot.js starts the app from these links (the first module preload is the glue).
const links = [
  `<link rel="modulepreload" href="/assets/${glueName}" crossorigin="anonymous" integrity="${sri(glue)}">`,
  `<link rel="modulepreload" href="/assets/${loaderName}" crossorigin="anonymous" integrity="${sri(loader)}">`,
  `<link rel="preload" href="/assets/${mainName}" crossorigin="anonymous" integrity="${sri(main)}" as="fetch" type="application/wasm">`,
].join("\n");
const indexPath = path.join(dist, "index.html");
const index = readFileSync(indexPath, "utf8");
const boot = index.indexOf('<script src="/assets/boot-');
if (boot < 0) throw new Error("index.html: the boot script is missing");
writeFileSync(indexPath, `${index.slice(0, boot)}${links}\n${index.slice(boot)}`);
console.log(`wasm: ${mainName}, ${glueName}, ${loaderName}, ${parts.length} split part(s)`);
