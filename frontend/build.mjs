// npm run build: compile the Sass and copy the packages' browser files into static/dist/.
// No bundler: GOV.UK Frontend, htmx and axe-core ship ready-made files.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

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
writeFileSync(join(dist, "css", "main.css"), css.css);

copy(join(govuk, "assets", "images"), join("govuk", "images"));
copy(join(govuk, "govuk-frontend.min.js"), join("js", "govuk-frontend.min.js"));
copy(join(modules, "htmx.org", "dist", "htmx.min.js"), join("js", "htmx.min.js"));
copy(join(modules, "axe-core", "axe.min.js"), join("js", "axe.min.js"));
copy(join(root, "frontend", "js"), "js");
copy(join(root, "frontend", "images"), "images");

console.log(`Built ${dist}`);
