// Keeps only the CSS the site uses: GOV.UK Frontend compiles to about 150 KiB, of which the
// site's pages use a small part. Used by build.mjs after Sass.
//
// A selector is kept when every class, id and element in it is named somewhere in:
//   - the templates and Python code under concordat/ (a class in a template, a widget's attrs);
//   - the project's own scripts in frontend/js/;
//   - the scripts of the GOV.UK Frontend components that templates start with
//     data-module="govuk-..." (they add classes at run time, such as
//     govuk-checkboxes__conditional--hidden);
// and every concordat-* rule is kept whole, since templates build some of those class names
// from data (concordat-rag--{{ rag }}, concordat-bar__segment--w{{ percent }}).
//
// A new page needs nothing here if its classes are written out in its template. A class made
// from data (govuk-tag--{{ colour }}) must be listed below in SAFELIST, or the rule vanishes;
// tests/frontend/test_purge.py renders the public pages and fails on any class they use that
// the purge removed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PurgeCSS } from "purgecss";

// Class names the purge must keep although no source file spells them out.
export const SAFELIST = {
  standard: [/^concordat-/],
  greedy: [],
};

// Class names in templates use "!" (govuk-!-margin-top-1), which the default extractor splits.
const WORDS = /[A-Za-z0-9_!-]+/g;
const extractor = (content) => content.match(WORDS) || [];

function usedComponentScripts(root, modules) {
  const package_ = join(root, "concordat");
  const templates = readdirSync(package_, { recursive: true }).filter((f) => f.endsWith(".html"));
  const names = new Set();
  for (const file of templates) {
    const text = readFileSync(join(package_, file), "utf8");
    for (const match of text.matchAll(/data-module="govuk-([a-z-]+)"/g)) {
      names.add(match[1]);
    }
  }
  const components = join(modules, "govuk-frontend", "dist", "govuk", "components");
  return [...names].sort().map((name) => join(components, name, `${name}.mjs`));
}

export async function purge(css, { root, modules }) {
  const content = [
    join(root, "concordat", "**", "*.html"),
    join(root, "concordat", "**", "*.py"),
    join(root, "frontend", "js", "**", "*"),
    ...usedComponentScripts(root, modules),
  ];
  const [result] = await new PurgeCSS().purge({
    content,
    css: [{ raw: css }],
    defaultExtractor: extractor,
    safelist: SAFELIST,
    // Links are on every page, and their addresses ("/…", "https://…", "#…") are not words the
    // extractor sees: keep every rule on href (printing shows where links go).
    dynamicAttributes: ["href"],
    rejected: true,
  });
  return { css: result.css, rejected: result.rejected || [] };
}

// Class names in a stylesheet (for the build's report of what the purge removed).
export function classNames(css) {
  const names = new Set();
  for (const match of css.matchAll(/\.(-?[_a-zA-Z][\w\\!-]*)/g)) {
    names.add(match[1].replace(/\\/g, ""));
  }
  return names;
}
