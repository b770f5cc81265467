// Which files are reports (src/files.ts), checked on the compiled module.
const test = require("node:test");
const assert = require("node:assert/strict");
const { isReport, reportSelector, nameGlob, isConfigFile, DEFAULT_NAME_PATTERNS } = require("../out/src/files");

const P = DEFAULT_NAME_PATTERNS;

test("report names match the default patterns, in any report language", () => {
  assert.ok(isReport("/docs/某区2022年政府信息公开工作年度报告.txt", "plaintext", P, []));
  assert.ok(isReport("/docs/2023年报.md", "markdown", P, []));
  assert.ok(isReport("/docs/某局年度报告.html", "html", P, []));
  assert.ok(isReport("C:\\docs\\某局2023年报.txt", "plaintext", P, []));
});

test("other files are not reports unless under a gailint config folder", () => {
  assert.ok(!isReport("/docs/notes.txt", "plaintext", P, []));
  assert.ok(!isReport("/docs/年报/notes.txt", "plaintext", P, []), "a folder name is not a file name");
  assert.ok(isReport("/repo/reports/2023/notes.txt", "plaintext", P, ["/repo"]));
  assert.ok(!isReport("/repository/notes.txt", "plaintext", P, ["/repo"]), "/repo is not a prefix of /repository");
  assert.ok(!isReport("/repo/年度报告.py", "python", P, ["/repo"]), "only text, Markdown and HTML");
});

test("name patterns are globs over the file name", () => {
  assert.ok(nameGlob("*年度报告*").test("2023年度报告.txt"));
  assert.ok(nameGlob("report-{2022,2023}.txt").test("report-2023.txt"));
  assert.ok(!nameGlob("report-{2022,2023}.txt").test("report-2024.txt"));
  assert.ok(nameGlob("r?.md").test("r1.md") && !nameGlob("r?.md").test("r12.md"));
  assert.ok(!nameGlob("a.txt").test("abtxt"), "a dot is a dot");
});

test("the document selector covers the same files", () => {
  const selector = reportSelector(P, ["/repo/年报[草稿]"]);
  assert.deepEqual(
    selector.filter((f) => f.language === "plaintext"),
    [
      { scheme: "file", language: "plaintext", pattern: "**/*年度报告*" },
      { scheme: "file", language: "plaintext", pattern: "**/*年报*" },
      { scheme: "file", language: "plaintext", pattern: "/repo/年报[[]草稿[]]/**/*" },
    ],
  );
  assert.deepEqual([...new Set(selector.map((f) => f.language))], ["plaintext", "markdown", "html"]);
});

test("a pyproject.toml counts only with a [tool.gailint] table", () => {
  assert.ok(isConfigFile("/r/gailint.toml", ""));
  assert.ok(isConfigFile("/r/.gailint.toml", ""));
  assert.ok(isConfigFile("/r/pyproject.toml", "[project]\nname='x'\n\n[tool.gailint]\nignore=[]\n"));
  assert.ok(!isConfigFile("/r/pyproject.toml", "[tool.ruff]\n"));
  assert.ok(!isConfigFile("/r/setup.cfg", "[tool.gailint]"));
});
