// Prints the release build's size per file: raw, gzip and brotli (both at their
// highest level, as scripts/compress.mjs writes them). The first visit loads every
// file: their total is the initial transfer.
//
//   node scripts/size-report.mjs [DIST] [--budget-kb N]
//
// With a budget it fails (exit 1) when the initial transfer, brotli, is over N KB:
// the sizes are the same on every machine, so scripts/test holds the build to it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget-kb");
const budgetKb = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : null;
if (budgetKb !== null && !(budgetKb > 0)) {
  console.error("usage: node scripts/size-report.mjs [DIST] [--budget-kb N]");
  process.exit(2);
}
const dist = args[0] ?? "dist";
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const rows = readdirSync(dist, { recursive: true, withFileTypes: true })
  // `_headers` is read by the host, never sent to browsers.
  .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name) && entry.name !== "_headers")
  .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)))
  .sort()
  .map((name) => {
    const bytes = readFileSync(path.join(dist, name));
    return {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
const total = rows.reduce(
  (sum, row) => ({ ...sum, raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { name: "total (initial transfer)", raw: 0, gzip: 0, brotli: 0 },
);

const print = (row) => {
  const name = row.name.replace(/-[0-9a-f]{8,16}(?=[._])/, "-‹hash›");
  console.log(`| ${name} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} |`);
};
console.log("| file | raw | gzip | brotli |");
console.log("|---|---:|---:|---:|");
[...rows, total].forEach(print);
if (budgetKb !== null) {
  const verdict = total.brotli <= budgetKb * 1024 ? "within" : "OVER";
  const line = `Initial transfer: ${kb(total.brotli)} brotli, ${verdict} the ${budgetKb} KB budget.`;
  console.log("");
  if (verdict === "OVER") {
    console.error(line);
    process.exit(1);
  }
  console.log(line);
}
