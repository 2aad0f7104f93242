#!/usr/bin/env node
// Render LaTeX display blocks with KaTeX in strict mode.
//
// stdin:  a JSON array of strings (the bodies of Markdown `$$...$$` blocks).
// stdout: a JSON array of {"ok": bool, "error": string|null}, one per input, in order.
// Exit 0 whenever stdin was a JSON array of strings; exit 2 if stdin is unusable.
"use strict";

const katex = require("katex");

const OPTIONS = Object.freeze({
  displayMode: true,
  throwOnError: true,
  strict: "error",
});

function check(src) {
  if (typeof src !== "string") {
    return { ok: false, error: `input is not a string: ${JSON.stringify(src)}` };
  }
  try {
    katex.renderToString(src, OPTIONS);
    return { ok: true, error: null };
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
    return { ok: false, error: message };
  }
}

function main(text) {
  let blocks;
  try {
    blocks = JSON.parse(text);
  } catch (err) {
    process.stderr.write(`katex_check: stdin is not valid JSON: ${err.message}\n`);
    process.exit(2);
  }
  if (!Array.isArray(blocks)) {
    process.stderr.write("katex_check: stdin must be a JSON array of strings\n");
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(blocks.map(check)) + "\n");
}

const chunks = [];
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => main(chunks.join("")));
process.stdin.on("error", (err) => {
  process.stderr.write(`katex_check: cannot read stdin: ${err.message}\n`);
  process.exit(2);
});
