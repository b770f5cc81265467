// Which files are reports: pure logic (no vscode import), tested with node's runner.
//
// A report is a plain-text, Markdown or HTML document whose file name matches one of
// the name patterns (default: names containing 年度报告 or 年报), or any such document
// under a folder that holds a gailint config (as Vim's ftdetect and the Neovim
// module decide).

export const REPORT_LANGUAGES = ["plaintext", "markdown", "html"];
export const DEFAULT_NAME_PATTERNS = ["*年度报告*", "*年报*"];
export const CONFIG_NAMES = ["gailint.toml", ".gailint.toml", "pyproject.toml"];

export interface DocumentFilter {
  scheme: string;
  language: string;
  pattern: string;
}

/** A glob over one file name (`*`, `?`, `{a,b}`) as a regular expression. */
export function nameGlob(pattern: string): RegExp {
  let out = "";
  let depth = 0;
  for (const ch of pattern) {
    if (ch === "*") out += "[^/\\\\]*";
    else if (ch === "?") out += "[^/\\\\]";
    else if (ch === "{") { out += "(?:"; depth++; }
    else if (ch === "}" && depth > 0) { out += ")"; depth--; }
    else if (ch === "," && depth > 0) out += "|";
    else out += ch.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "u");
}

function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

function slash(path: string): string {
  return path.replace(/\\/g, "/").replace(/\/+$/, "");
}

/** Is `folder` the same as `path`'s folder or one of its ancestors? */
export function isUnder(path: string, folder: string): boolean {
  const p = slash(path);
  const f = slash(folder);
  return p.startsWith(f + "/");
}

export function isReport(path: string, languageId: string, patterns: string[], configFolders: string[]): boolean {
  if (!REPORT_LANGUAGES.includes(languageId)) return false;
  const name = baseName(path);
  if (patterns.some((p) => nameGlob(p).test(name))) return true;
  return configFolders.some((folder) => isUnder(path, folder));
}

/** A glob special character in a folder name must match itself. */
function escapeGlob(path: string): string {
  return path.replace(/[[\]{}*?]/g, "[$&]");
}

/** The language client's document selector for the same rule. */
export function reportSelector(patterns: string[], configFolders: string[]): DocumentFilter[] {
  const filters: DocumentFilter[] = [];
  for (const language of REPORT_LANGUAGES) {
    for (const p of patterns) filters.push({ scheme: "file", language, pattern: `**/${p}` });
    for (const folder of configFolders) {
      filters.push({ scheme: "file", language, pattern: `${escapeGlob(slash(folder))}/**/*` });
    }
  }
  return filters;
}

/** Does this file (name and text) make its folder a gailint folder? */
export function isConfigFile(path: string, text: string): boolean {
  const name = baseName(path);
  if (!CONFIG_NAMES.includes(name)) return false;
  return name !== "pyproject.toml" || /^\s*\[tool\.gailint/m.test(text);
}
