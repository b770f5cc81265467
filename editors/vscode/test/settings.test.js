// Settings mapping (src/settings.ts) and the status bar (src/status.ts).
const test = require("node:test");
const assert = require("node:assert/strict");
const { serverSection, initializationOptions, pullOptions } = require("../out/src/settings");
const { statusView } = require("../out/src/status");

function getter(values) {
  return (key) => values[key];
}

test("mirrored settings reach the server; unset ones are left to gailint.toml", () => {
  const section = serverSection(
    getter({ select: ["GAI3"], ignore: null, severity: { GAI603: "info" }, run: "onSave", debounce: 0.5, path: ["/x"] }),
  );
  assert.deepEqual(section, { select: ["GAI3"], severity: { GAI603: "info" }, run: "onSave", debounce: 0.5 });
  assert.deepEqual(initializationOptions(section), { gailint: section });
});

test("VS Code-only settings never reach the server", () => {
  const section = serverSection(getter({ path: ["/x"], interpreter: ["/py"], reportNamePatterns: ["*"] }));
  assert.deepEqual(section, {});
});

test("on save, the client pulls diagnostics on save only", () => {
  assert.deepEqual(pullOptions({ run: "onSave" }), { onChange: false, onSave: true });
  assert.deepEqual(pullOptions({ run: "onType" }), { onChange: true, onSave: true });
  assert.deepEqual(pullOptions({}), { onChange: true, onSave: true });
});

test("the status bar shows the state and the problems of the current report", () => {
  assert.equal(statusView("running", 3).text, "$(warning) gailint 3");
  assert.match(statusView("running", 3).tooltip, /3 个问题/);
  assert.equal(statusView("running", 0).text, "$(check) gailint");
  assert.equal(statusView("starting", undefined).text, "$(sync~spin) gailint");
  assert.match(statusView("error", undefined, "找不到 gailint").tooltip, /找不到 gailint/);
  assert.match(statusView("stopped", 2).tooltip, /已停止/);
});
