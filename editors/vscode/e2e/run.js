// A real VS Code: code-server with the packaged .vsix installed, driven in Debian's
// headless Chromium with playwright-core. Opens a copy of seed 003 under a report
// name, waits for gailint's problems, applies the GAI302 quick-fix through the
// light-bulb menu, saves (fix on save: editor.codeActionsOnSave with
// source.fixAll.gailint) and runs the extension's commands: 显示解析结果, 修复所有问题
// (on a second report), 插入三张标准表格 (on an empty one), 重启语言服务器. Writes what
// it saw to $OUT (JSON) for pytest.
//
// Environment: GAILINT (the gailint program), VSIX, WORK (an empty folder), OUT,
// SEED, CHROMIUM (default /usr/bin/chromium), PORT (default: a free one).
const cp = require("node:child_process");
const net = require("node:net");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const env = process.env;
const WORK = env.WORK;
const CODE_SERVER = path.join(__dirname, "node_modules", "code-server", "out", "node", "entry.js");
const REPORT_NAME = "某区2022年政府信息公开工作年度报告.txt";
const SECOND_NAME = "某区2021年报.txt";
const EMPTY_NAME = "空白年度报告.txt";
const result = { steps: [] };

function step(name, data = {}) {
  result.steps.push({ name, at: Date.now(), ...data });
  console.log(`[e2e] ${name} ${JSON.stringify(data)}`);
}

function codeServer(args, opts = {}) {
  return cp.spawn(process.execPath, [CODE_SERVER, ...args], { env: { ...env, XDG_CONFIG_HOME: path.join(WORK, "config") }, ...opts });
}

async function until(what, fn, timeout = 60000, every = 250) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function main() {
  const PORT = Number(env.PORT || (await freePort()));
  const project = path.join(WORK, "reports");
  const user = path.join(WORK, "user-data");
  const extensions = path.join(WORK, "extensions");
  fs.mkdirSync(project, { recursive: true });
  fs.mkdirSync(path.join(user, "User"), { recursive: true });
  const report = path.join(project, REPORT_NAME);
  fs.copyFileSync(env.SEED, report);
  fs.copyFileSync(env.SEED, path.join(project, SECOND_NAME));
  fs.writeFileSync(path.join(project, EMPTY_NAME), "");
  fs.writeFileSync(
    path.join(user, "User", "settings.json"),
    JSON.stringify({
      "gailint.path": [env.GAILINT],
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "security.workspace.trust.enabled": false,
      "telemetry.telemetryLevel": "off",
      "extensions.autoUpdate": false,
      "extensions.autoCheckUpdates": false,
      "update.mode": "none",
      "editor.lightbulb.enabled": "on",
      "workbench.colorTheme": "Default Light Modern",
      // Fix on save, exactly as the README documents it.
      "[plaintext]": { "editor.codeActionsOnSave": { "source.fixAll.gailint": "explicit" } },
    }),
  );

  const install = cp.spawnSync(
    process.execPath,
    [CODE_SERVER, "--user-data-dir", user, "--extensions-dir", extensions, "--install-extension", env.VSIX],
    { encoding: "utf8", env: { ...env, XDG_CONFIG_HOME: path.join(WORK, "config") } },
  );
  step("install-extension", { status: install.status, out: (install.stdout + install.stderr).trim().slice(-400) });
  if (install.status !== 0) throw new Error("code-server could not install the .vsix");
  result.installed = fs.readdirSync(extensions).filter((d) => d.startsWith("gailint."));

  const server = codeServer([
    "--auth", "none", "--bind-addr", `127.0.0.1:${PORT}`, "--user-data-dir", user, "--extensions-dir", extensions,
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
    project,
  ]);
  let serverLog = "";
  server.stdout.on("data", (d) => (serverLog += d));
  server.stderr.on("data", (d) => (serverLog += d));
  let browser;
  try {
    await until("code-server to listen", async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${PORT}/healthz`);
        return r.ok;
      } catch {
        return false;
      }
    });
    step("code-server-up");
    // A fresh profile (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(WORK, "chromium"), {
      executablePath: env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(project)}`);
    await page.waitForSelector(".monaco-workbench", { timeout: 90000 });
    step("workbench");
    await page.waitForTimeout(3000);

    const palette = async (prefix, text) => {
      await page.keyboard.press(prefix);
      await page.waitForSelector(".quick-input-widget input", { state: "visible" });
      await page.keyboard.type(text);
      await page.waitForTimeout(800);
      await page.keyboard.press("Enter");
    };
    const activeTab = () => page.locator(".tab.active").first().innerText().catch(() => "");
    const openFile = async (name) => {
      // Quick Open finds nothing until the file index is ready: try again.
      for (let attempt = 1; ; attempt++) {
        await palette("Control+P", name);
        try {
          return await until(`${name} to be the active tab`, async () => (await activeTab()).includes(name), 10000);
        } catch (err) {
          if (attempt === 3) throw err;
          await page.keyboard.press("Escape");
        }
      }
    };
    const command = (title) => palette("F1", title);
    const gailintStatus = async () =>
      (await page.locator(".statusbar-item").allInnerTexts()).map((t) => t.trim()).find((t) => /gailint/.test(t));

    // Open the report with Quick Open.
    await openFile(REPORT_NAME);
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30000 });
    step("opened");

    // gailint's status-bar item shows the problems of the current report.
    const status = await until(
      "gailint's status-bar item to count problems",
      async () => {
        const texts = await page.locator(".statusbar-item").allInnerTexts();
        return texts.map((t) => t.trim()).find((t) => /gailint \d+/.test(t));
      },
      90000,
    );
    result.status = status;
    step("status", { status });

    // The Problems panel lists gailint's diagnostics.
    await page.keyboard.press("Control+Shift+M");
    await page.waitForSelector(".markers-panel .monaco-list-row", { timeout: 30000 });
    await page.waitForTimeout(1000);
    result.problems = await page.locator(".markers-panel .monaco-list-row").allInnerTexts();
    step("problems", { count: result.problems.length });
    await page.screenshot({ path: path.join(WORK, "problems.png") });

    // Go to the GAI302 cell (line 69, column 10) and apply the quick-fix.
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+G");
    await page.waitForSelector(".quick-input-widget input", { state: "visible" });
    await page.keyboard.type("69:10");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(800);
    await page.keyboard.press("Control+.");
    const menu = page.locator(".action-widget .monaco-list-row, .context-view .action-item");
    await menu.first().waitFor({ state: "visible", timeout: 20000 });
    result.menu = await menu.allInnerTexts();
    step("quick-fix menu", { items: result.menu });
    await page.screenshot({ path: path.join(WORK, "menu.png") });
    // Choose the fix with the keyboard, as the menu expects (it blocks the pointer).
    const wanted = "把（七）总计（自然人）改为 2";
    await until("the fix to be selected in the menu", async () => {
      const focused = await page.locator(".action-widget .monaco-list-row.focused").getAttribute("aria-label").catch(() => null);
      if (focused === wanted) return true;
      await page.keyboard.press("ArrowDown");
      return false;
    }, 10000, 150);
    await page.keyboard.press("Enter");
    // The fix removes that column's GAI302 and GAI301: the count drops.
    result.statusQuickFixed = await until("the quick-fix to be linted", async () => {
      const now = await gailintStatus();
      return now !== status && now;
    }, 20000);
    step("quick-fix applied", { status: result.statusQuickFixed });
    await page.keyboard.press("Control+S");
    await until("the fixed file on disk", () => {
      const line = fs.readFileSync(report, "utf8").split("\n")[68];
      return line !== fs.readFileSync(env.SEED, "utf8").split("\n")[68];
    }, 20000);
    result.saved = fs.readFileSync(report, "utf8");
    step("saved");
    result.statusAfter = await until("the status bar to count again", async () => {
      const now = await gailintStatus();
      return now !== result.statusQuickFixed && now;
    }, 20000);
    await page.screenshot({ path: path.join(WORK, "after.png") });

    // The parsed model, beside the report.
    await command("gailint: 显示解析结果");
    result.model = await until("the parsed model in an editor", async () => {
      const editors = await page.locator(".monaco-editor .view-lines").allInnerTexts();
      return editors.find((t) => t.includes("发布机关：") && t.includes("表二"));
    }, 20000);
    step("model");
    await page.screenshot({ path: path.join(WORK, "model.png") });
    await command("View: Close All Editors");

    // Fix all problems, by command, in a second report (not saved).
    await openFile(SECOND_NAME);
    result.secondStatus = await until("the second report's problems", async () => {
      const now = await gailintStatus();
      return /gailint \d+/.test(now ?? "") && now;
    }, 30000);
    await command("gailint: 修复所有问题");
    result.secondFixed = await until("fix all to be linted", async () => {
      const now = await gailintStatus();
      return now !== result.secondStatus && now;
    }, 20000);
    step("fix all", { before: result.secondStatus, after: result.secondFixed });
    await command("View: Revert File");

    // The standard tables, by command, in an empty report.
    await openFile(EMPTY_NAME);
    await command("gailint: 插入三张标准表格");
    result.tables = await until("the tables in the empty report", async () => {
      const text = (await page.locator(".monaco-editor .view-lines").allInnerTexts()).join("\n");
      return text.includes("信息内容") && text.includes("本年新收政府信息公开申请数量") && text;
    }, 20000);
    step("insert tables");
    await page.screenshot({ path: path.join(WORK, "tables.png") });
    await command("View: Revert File");

    // Restart the server: the status bar goes through its states and counts again.
    await openFile(REPORT_NAME);
    await command("gailint: 重启语言服务器");
    result.restarting = await until("the server to stop and start", async () => {
      const now = await gailintStatus();
      return now !== undefined && !/gailint \d+$/.test(now) && now;
    }, 15000, 50);
    result.restarted = await until("the server to run again", async () => {
      const now = await gailintStatus();
      return /gailint \d+$/.test(now ?? "") && now;
    }, 30000);
    step("restart", { during: result.restarting, after: result.restarted });
  } catch (err) {
    for (const p of browser ? browser.pages() : []) await p.screenshot({ path: path.join(WORK, "error.png") }).catch(() => {});
    throw err;
  } finally {
    if (browser) await browser.close();
    server.kill();
    result.serverLog = serverLog.slice(-4000);
  }
}

main()
  .then(() => {
    result.ok = true;
  })
  .catch((err) => {
    result.ok = false;
    result.error = String(err && err.stack ? err.stack : err);
    console.error(result.error);
  })
  .finally(() => {
    fs.writeFileSync(env.OUT, JSON.stringify(result, null, 1));
    process.exit(result.ok ? 0 : 1);
  });
