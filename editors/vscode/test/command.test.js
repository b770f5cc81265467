// How the server is found (src/command.ts), including Workspace Trust.
const test = require("node:test");
const assert = require("node:assert/strict");
const { resolveServerCommand, whichOn } = require("../out/src/command");

function inputs(overrides) {
  const files = new Set(overrides.files ?? []);
  return {
    trusted: true,
    path: {},
    interpreter: {},
    defaultInterpreter: {},
    folders: ["/work/project"],
    platform: "linux",
    exists: (p) => files.has(p),
    which: whichOn(overrides.PATH ?? "/usr/bin", "linux", (p) => files.has(p)),
    ...overrides,
  };
}

test("an explicit gailint.path wins; the first that exists is used", () => {
  const got = resolveServerCommand(inputs({ path: { user: ["/nope/gailint", "/opt/gailint"] }, files: ["/opt/gailint"] }));
  assert.deepEqual(got, { command: "/opt/gailint", args: ["server"], source: "gailint.path" });
  const none = resolveServerCommand(inputs({ path: { user: ["/nope/gailint"] } }));
  assert.match(none.error, /gailint\.path/);
});

test("an interpreter runs python -m gailint server", () => {
  const got = resolveServerCommand(inputs({ interpreter: { workspace: ["/work/project/.venv/bin/python", "-X", "utf8"] } }));
  assert.deepEqual(got, {
    command: "/work/project/.venv/bin/python",
    args: ["-X", "utf8", "-m", "gailint", "server"],
    source: "gailint.interpreter",
  });
});

test("the workspace .venv comes before PATH when the workspace is trusted", () => {
  const files = ["/work/project/.venv/bin/gailint", "/usr/bin/gailint"];
  assert.deepEqual(resolveServerCommand(inputs({ files })), {
    command: "/work/project/.venv/bin/gailint",
    args: ["server"],
    source: "workspace .venv",
  });
  assert.equal(resolveServerCommand(inputs({ files: ["/usr/bin/gailint"] })).source, "PATH");
  assert.equal(
    resolveServerCommand(inputs({ platform: "win32", folders: ["C:\\p"], files: ["C:\\p\\.venv\\Scripts\\gailint.exe"] })).command,
    "C:\\p\\.venv\\Scripts\\gailint.exe",
  );
});

test("python.defaultInterpreterPath is used when it exists", () => {
  const got = resolveServerCommand(inputs({ defaultInterpreter: { workspace: "/py/bin/python3" }, files: ["/py/bin/python3"] }));
  assert.deepEqual(got, { command: "/py/bin/python3", args: ["-m", "gailint", "server"], source: "python.defaultInterpreterPath" });
});

test("an untrusted workspace never runs what the workspace configures or contains", () => {
  const evil = {
    trusted: false,
    path: { workspace: ["/work/project/evil"] },
    interpreter: { workspace: ["/work/project/evil-python"] },
    defaultInterpreter: { workspace: "/work/project/evil-python" },
    files: ["/work/project/evil", "/work/project/evil-python", "/work/project/.venv/bin/gailint"],
  };
  const got = resolveServerCommand(inputs(evil));
  assert.match(got.error, /不受信任/);
  const withPath = resolveServerCommand(inputs({ ...evil, files: [...evil.files, "/usr/bin/gailint"] }));
  assert.deepEqual(withPath, { command: "/usr/bin/gailint", args: ["server"], source: "PATH" });
  const user = resolveServerCommand(inputs({ ...evil, path: { user: ["/home/me/gailint"], workspace: ["/work/project/evil"] }, files: ["/home/me/gailint"] }));
  assert.equal(user.command, "/home/me/gailint");
});

test("nothing found says how to install", () => {
  assert.match(resolveServerCommand(inputs({})).error, /\.venv/);
});
