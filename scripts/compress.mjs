// Trunk post-build hook: writes NAME.br and NAME.gz beside every compressible file of
// the release build, at the highest levels, for hosts that serve pre-compressed
// files. `trunk serve`'s debug builds are left alone: nothing serves those files
// there, and brotli at its highest level takes seconds for a debug wasm.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: node scripts/compress.mjs DIR (or run as a Trunk hook)");
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === "debug") process.exit(0);
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|svg|json|txt)$/;

for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  );
}
