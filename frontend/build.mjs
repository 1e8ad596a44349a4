// npm run build: compile the Sass, keep only the CSS the site uses (purge.mjs), and copy the
// packages' browser files into static/dist/.
// No bundler: GOV.UK Frontend, htmx and axe-core ship ready-made files.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import { classNames, purge } from "./purge.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const dist = join(root, "static", "dist");
const govuk = join(modules, "govuk-frontend", "dist", "govuk");

function copy(from, to) {
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  cpSync(from, join(dist, to), { recursive: true });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "css"), { recursive: true });

const css = sass.compile(join(root, "frontend", "scss", "main.scss"), {
  style: "compressed",
  loadPaths: [modules],
  // Deprecation notices from inside govuk-frontend are its maintainers' to act on.
  quietDeps: true,
});
const purged = await purge(css.css, { root, modules });
writeFileSync(join(dist, "css", "main.css"), purged.css);
// What the purge took out, for tests/frontend/test_purge.py (not linked from any page).
const kept = classNames(purged.css);
const removed = [...classNames(css.css)].filter((name) => !kept.has(name)).sort();
writeFileSync(
  join(dist, "purge-report.json"),
  JSON.stringify({ removed_classes: removed, rejected_selectors: purged.rejected.length }, null, 1),
);
const kib = (text) => (Buffer.byteLength(text) / 1024).toFixed(1);
console.log(`main.css: ${kib(css.css)} KiB compiled, ${kib(purged.css)} KiB after the purge`);

copy(join(govuk, "assets", "images"), join("govuk", "images"));
copy(join(govuk, "govuk-frontend.min.js"), join("js", "govuk-frontend.min.js"));
// Its source map too: browsers and Lighthouse ask for it, and a 404 is noise in their logs.
copy(join(govuk, "govuk-frontend.min.js.map"), join("js", "govuk-frontend.min.js.map"));
copy(join(modules, "htmx.org", "dist", "htmx.min.js"), join("js", "htmx.min.js"));
copy(join(modules, "axe-core", "axe.min.js"), join("js", "axe.min.js"));
copy(join(root, "frontend", "js"), "js");
copy(join(root, "frontend", "images"), "images");

console.log(`Built ${dist}`);
