// The VS Code extension: starts `gailint server` for report files, with an output
// channel, a status-bar item (server state, problems in the current file) and four
// commands. Every decision that can be made without VS Code lives in files.ts,
// settings.ts, command.ts and status.ts, which node's test runner checks.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

import { resolveServerCommand, Scoped, whichOn } from "./command";
import { DEFAULT_NAME_PATTERNS, isConfigFile, isReport, reportSelector } from "./files";
import { initializationOptions, pullOptions, serverSection } from "./settings";
import { ServerState, statusView } from "./status";

const FIX_ALL = "source.fixAll.gailint";
const INSERT_TABLES = "source.gailint.insertTables";
const CONFIG_GLOB = "**/{gailint.toml,.gailint.toml,pyproject.toml}";
// Changing these needs a new client (another program, selector or pull mode).
const RESTART_KEYS = ["gailint.path", "gailint.interpreter", "gailint.reportNamePatterns", "gailint.run", "python.defaultInterpreterPath"];

interface InspectResult {
  text: string;
  model: unknown;
}

const MODEL_SCHEME = "gailint-model";

/** Read-only documents showing the parsed model (no "save changes?" on close). */
class ModelDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  show(report: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: MODEL_SCHEME, path: `/${path.basename(report.fsPath)}（解析结果）` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }
}

class Gailint {
  private client: LanguageClient | undefined;
  private state: ServerState = "stopped";
  private detail = "";
  private configFolders: string[] = [];
  private readonly output = vscode.window.createOutputChannel("gailint");
  private readonly status = vscode.window.createStatusBarItem("gailint.status", vscode.StatusBarAlignment.Right, 100);
  readonly models = new ModelDocuments();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.status.name = "gailint";
    this.status.command = "gailint.restart";
    context.subscriptions.push(this.output, this.status);
  }

  log(message: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  // ------------------------------------------------------------ which files

  private patterns(): string[] {
    return vscode.workspace.getConfiguration("gailint").get<string[]>("reportNamePatterns") ?? DEFAULT_NAME_PATTERNS;
  }

  private async findConfigFolders(): Promise<string[]> {
    const found = await vscode.workspace.findFiles(CONFIG_GLOB, "**/{node_modules,.venv,venv,.git}/**", 1000);
    const folders = new Set<string>();
    for (const uri of found) {
      let text = "";
      try {
        text = fs.readFileSync(uri.fsPath, "utf8");
      } catch {
        continue;
      }
      if (isConfigFile(uri.fsPath, text)) folders.add(path.dirname(uri.fsPath));
    }
    return [...folders].sort();
  }

  isReportDocument(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme === "file" && isReport(doc.uri.fsPath, doc.languageId, this.patterns(), this.configFolders);
  }

  // ------------------------------------------------------------ settings

  private section(scope?: vscode.Uri): Record<string, unknown> {
    const config = vscode.workspace.getConfiguration("gailint", scope);
    return serverSection((key) => config.get(key));
  }

  private scoped<T>(section: string, key: string): Scoped<T> {
    const info = vscode.workspace.getConfiguration(section).inspect<T>(key);
    return {
      user: info?.globalValue,
      workspace: info?.workspaceFolderValue ?? info?.workspaceValue,
    };
  }

  // ------------------------------------------------------------ the client

  async start(): Promise<void> {
    this.setState("starting");
    this.configFolders = await this.findConfigFolders();
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const exists = (p: string) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    };
    const resolved = resolveServerCommand({
      trusted: vscode.workspace.isTrusted,
      path: this.scoped<string[]>("gailint", "path"),
      interpreter: this.scoped<string[]>("gailint", "interpreter"),
      defaultInterpreter: this.scoped<string>("python", "defaultInterpreterPath"),
      folders,
      platform: process.platform,
      exists,
      which: whichOn(process.env.PATH ?? "", process.platform, exists),
    });
    if ("error" in resolved) {
      this.log(resolved.error);
      this.setState("error", resolved.error);
      if (vscode.workspace.textDocuments.some((d) => this.isReportDocument(d))) {
        void vscode.window.showWarningMessage(resolved.error);
      }
      return;
    }
    this.log(`启动 ${resolved.command} ${resolved.args.join(" ")}（来自 ${resolved.source}）`);
    this.log(`报告：文件名符合 ${this.patterns().join("、")}，或位于 ${this.configFolders.join("、") || "（无配置文件夹）"} 之下`);
    const serverOptions: ServerOptions = {
      command: resolved.command,
      args: resolved.args,
      transport: TransportKind.stdio,
      options: { cwd: folders[0] },
    };
    const section = this.section();
    const clientOptions: LanguageClientOptions = {
      documentSelector: reportSelector(this.patterns(), this.configFolders),
      outputChannel: this.output,
      initializationOptions: initializationOptions(section),
      diagnosticPullOptions: pullOptions(section),
      middleware: {
        workspace: {
          // The server asks for the "gailint" section: answer with the mirrored
          // keys only (VS Code-only settings would be unknown config keys).
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) return answers;
            return params.items.map((item, i) =>
              item.section === "gailint" ? this.section(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : answers[i],
            );
          },
        },
      },
    };
    const client = new LanguageClient("gailint", "gailint", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.setState("running");
      else if (e.newState === State.Starting) this.setState("starting");
      else if (this.state !== "error") this.setState("stopped");
    });
    try {
      await client.start();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log(`语言服务器启动失败：${message}`);
      this.setState("error", message);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop();
      } catch (err) {
        this.log(`停止语言服务器时出错：${String(err)}`);
      }
    }
    this.setState("stopped");
  }

  async restart(): Promise<void> {
    this.log("重启语言服务器");
    await this.stop();
    await this.start();
  }

  settingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
      void this.restart();
    } else if (e.affectsConfiguration("gailint") && this.client?.isRunning()) {
      // The server then asks for the section again (workspace/configuration).
      void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  }

  async configFilesChanged(): Promise<void> {
    const folders = await this.findConfigFolders();
    if (folders.join("\n") !== this.configFolders.join("\n")) {
      this.log("gailint 配置文件夹有变化，重新选择报告文件");
      await this.restart();
    }
  }

  // ------------------------------------------------------------ status bar

  private setState(state: ServerState, detail = ""): void {
    this.state = state;
    this.detail = detail;
    this.updateStatus();
  }

  updateStatus(): void {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const report = doc !== undefined && this.isReportDocument(doc);
    const problems = report ? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === "gailint").length : undefined;
    const view = statusView(this.state, problems, this.detail);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    if (report || this.state === "error") this.status.show();
    else this.status.hide();
  }

  // ------------------------------------------------------------ commands

  private reportEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.isReportDocument(editor.document)) {
      void vscode.window.showInformationMessage("gailint：当前文件不是报告（见设置 gailint.reportNamePatterns）");
      return undefined;
    }
    return editor;
  }

  private async applySourceAction(kind: string, range?: vscode.Range): Promise<boolean> {
    const editor = this.reportEditor();
    if (!editor) return false;
    const doc = editor.document;
    const where = range ?? new vscode.Range(0, 0, doc.lineCount, 0);
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", doc.uri, where, kind)) ?? [];
    const action = actions.find((a) => a.kind?.value === kind && a.edit !== undefined);
    if (!action?.edit) return false;
    return vscode.workspace.applyEdit(action.edit);
  }

  async fixAll(): Promise<void> {
    if (!(await this.applySourceAction(FIX_ALL))) {
      void vscode.window.showInformationMessage("gailint：没有可以自动修复的问题");
    }
  }

  async insertTables(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const line = editor?.selection.active.line ?? 0;
    await this.applySourceAction(INSERT_TABLES, new vscode.Range(line, 0, line, 0));
  }

  async showModel(): Promise<void> {
    const editor = this.reportEditor();
    if (!editor || !this.client?.isRunning()) return;
    const result = await this.client.sendRequest<InspectResult | null>("gailint/inspect", {
      uri: editor.document.uri.toString(),
    });
    if (!result) {
      void vscode.window.showInformationMessage("gailint：无法解析当前文件");
      return;
    }
    const doc = await vscode.workspace.openTextDocument(this.models.show(editor.document.uri, result.text));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

let gailint: Gailint | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const g = new Gailint(context);
  gailint = g;
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(MODEL_SCHEME, g.models),
    vscode.commands.registerCommand("gailint.restart", () => g.restart()),
    vscode.commands.registerCommand("gailint.fixAll", () => g.fixAll()),
    vscode.commands.registerCommand("gailint.insertTables", () => g.insertTables()),
    vscode.commands.registerCommand("gailint.showModel", () => g.showModel()),
    vscode.workspace.onDidChangeConfiguration((e) => g.settingsChanged(e)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => g.restart()),
    vscode.languages.onDidChangeDiagnostics(() => g.updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => g.updateStatus()),
    watcher,
    watcher.onDidCreate(() => g.configFilesChanged()),
    watcher.onDidDelete(() => g.configFilesChanged()),
    watcher.onDidChange(() => g.configFilesChanged()),
  );
  await g.start();
}

export async function deactivate(): Promise<void> {
  await gailint?.stop();
}
