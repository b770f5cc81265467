// Integration: `gailint server` driven through Microsoft's own client libraries
// (vscode-jsonrpc / vscode-languageserver-protocol, the stack VS Code uses), with
// the settings answered by the extension's own mapping (out/src/settings.js).
//
// GAILINT names the gailint program (default: the repository's .venv/bin/gailint).
const test = require("node:test");
const assert = require("node:assert/strict");
const cp = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} = require("vscode-languageserver-protocol/node");
const { TextDocument } = require("vscode-languageserver-textdocument");
const { serverSection, initializationOptions } = require("../out/src/settings");

const ROOT = path.resolve(__dirname, "..", "..", "..");
const GAILINT = process.env.GAILINT || path.join(ROOT, ".venv", "bin", "gailint");
const SEED = path.join(ROOT, "tests", "fixtures", "003_bfabfd0488fd8ed4.txt");
const REPORT_NAME = "某区2022年政府信息公开工作年度报告.txt";

function startServer(editorSettings) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gailint-vscode-"));
  const file = path.join(dir, REPORT_NAME);
  fs.copyFileSync(SEED, file);
  const proc = cp.spawn(GAILINT, ["server"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = [];
  const waiters = [];
  const section = serverSection((key) => editorSettings[key]);
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    published.push(params);
    for (const w of waiters.splice(0)) w();
  });
  connection.onNotification("window/showMessage", () => {});
  connection.onNotification("window/logMessage", () => {});
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/configuration", (params) => params.items.map((i) => (i.section === "gailint" ? section : null)));
  connection.listen();
  async function diagnostics(version) {
    const deadline = Date.now() + 20000;
    for (;;) {
      const hit = published.find((p) => p.version === version);
      if (hit) return hit.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for version ${version}`);
      await new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  async function close() {
    await connection.sendRequest("shutdown");
    connection.sendNotification("exit");
    await new Promise((resolve) => proc.once("exit", resolve));
    connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { dir, file, proc, connection, diagnostics, close, section };
}

async function initialize(s) {
  const result = await s.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(s.dir).href,
    workspaceFolders: [{ uri: pathToFileURL(s.dir).href, name: "reports" }],
    initializationOptions: initializationOptions(s.section),
    capabilities: {
      general: { positionEncodings: ["utf-16"] },
      workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
          isPreferredSupport: true,
        },
      },
    },
  });
  s.connection.sendNotification("initialized", {});
  return result;
}

function editsOf(edit, uri) {
  if (edit.changes) return edit.changes[uri] ?? [];
  return edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
}

function cliFixed() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gailint-cli-"));
  const file = path.join(dir, REPORT_NAME);
  fs.copyFileSync(SEED, file);
  cp.spawnSync(GAILINT, ["check", "--fix", "-q", file]);
  const text = fs.readFileSync(file, "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

test("open a seed, receive diagnostics, request the GAI302 quick-fix and apply it", async () => {
  const s = startServer({ debounce: 0 });
  try {
    const init = await initialize(s);
    assert.equal(init.capabilities.positionEncoding, "utf-16");
    const uri = pathToFileURL(s.file).href;
    let doc = TextDocument.create(uri, "plaintext", 1, fs.readFileSync(s.file, "utf8"));
    s.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text: doc.getText() },
    });
    const first = await s.diagnostics(1);
    const label = first.find((d) => d.code === "GAI201");
    assert.equal(doc.getText(label.range), "本年度止件数");
    const totals = first.filter((d) => d.code === "GAI302");
    assert.equal(totals.length, 2);
    const [natural] = totals;
    assert.equal(natural.message, "（七）总计（自然人）应为 2，实为 0");
    assert.equal(natural.source, "gailint");

    const actions = await s.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: natural.range,
      context: { diagnostics: [natural], only: ["quickfix"] },
    });
    const fix = actions.find((a) => a.isPreferred && a.diagnostics?.[0]?.code === "GAI302");
    assert.ok(fix, `no preferred GAI302 fix among ${actions.map((a) => a.title)}`);
    assert.equal(fix.title, "把（七）总计（自然人）改为 2");
    const edits = editsOf(fix.edit, uri);
    doc = TextDocument.update(doc, [], 2);
    const fixed = TextDocument.applyEdits(doc, edits);
    assert.equal(fixed.split("\n")[natural.range.start.line].slice(natural.range.start.character, natural.range.start.character + 1), "2");
    s.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const second = await s.diagnostics(2);
    const left = second.filter((d) => d.code === "GAI302").map((d) => d.message);
    assert.ok(!left.includes("（七）总计（自然人）应为 2，实为 0"), left.join("；"));
  } finally {
    await s.close();
  }
});

test("fix all gives what gailint check --fix writes", async () => {
  const s = startServer({});
  try {
    await initialize(s);
    const uri = pathToFileURL(s.file).href;
    const doc = TextDocument.create(uri, "plaintext", 1, fs.readFileSync(s.file, "utf8"));
    s.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text: doc.getText() },
    });
    await s.diagnostics(1);
    const actions = await s.connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll.gailint"] },
    });
    assert.equal(actions.length, 1);
    assert.equal(TextDocument.applyEdits(doc, editsOf(actions[0].edit, uri)), cliFixed());
  } finally {
    await s.close();
  }
});

test("settings from workspace/configuration apply (mapped by the extension)", async () => {
  const s = startServer({ ignore: ["GAI201"], path: ["/not/for/the/server"], debounce: 0 });
  try {
    await initialize(s);
    const uri = pathToFileURL(s.file).href;
    s.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text: fs.readFileSync(s.file, "utf8") },
    });
    const codes = new Set((await s.diagnostics(1)).map((d) => d.code));
    assert.ok(!codes.has("GAI201") && codes.has("GAI302"), [...codes].join(","));
  } finally {
    await s.close();
  }
});
