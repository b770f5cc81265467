// How the server is started: pure logic, tested with node's runner.
//
// Order: gailint.path, then gailint.interpreter (python -m gailint server), then
// python.defaultInterpreterPath, then a .venv (or venv) in a workspace folder,
// then gailint on PATH. In an untrusted workspace only the user's own settings
// and PATH are used: nothing the workspace configures or contains is run.

export interface Scoped<T> {
  /** The user's (global) value. */
  user?: T;
  /** The workspace's or workspace folder's value, if any. */
  workspace?: T;
}

export interface CommandInputs {
  trusted: boolean;
  path: Scoped<string[]>;
  interpreter: Scoped<string[]>;
  defaultInterpreter: Scoped<string>;
  folders: string[];
  platform: string;
  exists: (path: string) => boolean;
  which: (name: string) => string | undefined;
}

export interface ServerCommand {
  command: string;
  args: string[];
  source: string;
}

export interface Unresolved {
  error: string;
}

function pick<T>(value: Scoped<T>, trusted: boolean): T | undefined {
  return trusted && value.workspace !== undefined ? value.workspace : value.user;
}

function join(folder: string, ...parts: string[]): string {
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return [folder.replace(/[/\\]+$/, ""), ...parts].join(sep);
}

function venvExecutables(folder: string, platform: string): string[] {
  const out: string[] = [];
  for (const venv of [".venv", "venv"]) {
    out.push(platform === "win32" ? join(folder, venv, "Scripts", "gailint.exe") : join(folder, venv, "bin", "gailint"));
  }
  return out;
}

export function resolveServerCommand(inputs: CommandInputs): ServerCommand | Unresolved {
  const { trusted, exists } = inputs;
  const paths = (pick(inputs.path, trusted) ?? []).filter((p) => p.trim() !== "");
  if (paths.length > 0) {
    const found = paths.find(exists);
    if (found) return { command: found, args: ["server"], source: "gailint.path" };
    return { error: `gailint.path 中的程序都不存在：${paths.join("、")}` };
  }
  const interpreters = (pick(inputs.interpreter, trusted) ?? []).filter((p) => p.trim() !== "");
  if (interpreters.length > 0) {
    return { command: interpreters[0], args: [...interpreters.slice(1), "-m", "gailint", "server"], source: "gailint.interpreter" };
  }
  const python = pick(inputs.defaultInterpreter, trusted);
  if (trusted && python && python !== "python" && exists(python)) {
    return { command: python, args: ["-m", "gailint", "server"], source: "python.defaultInterpreterPath" };
  }
  if (trusted) {
    for (const folder of inputs.folders) {
      const found = venvExecutables(folder, inputs.platform).find(exists);
      if (found) return { command: found, args: ["server"], source: "workspace .venv" };
    }
  }
  const onPath = inputs.which(inputs.platform === "win32" ? "gailint.exe" : "gailint");
  if (onPath) return { command: onPath, args: ["server"], source: "PATH" };
  return {
    error: trusted
      ? "找不到 gailint：请在工作区的 .venv 中安装 gailint（pip install gailint），或设置 gailint.path / gailint.interpreter"
      : "找不到 gailint：这是不受信任的工作区，不会运行工作区中的程序；请信任工作区，或在用户设置中设置 gailint.path",
  };
}

/** `which` over a PATH string (pure: the caller passes the environment in). */
export function whichOn(pathEnv: string, platform: string, exists: (p: string) => boolean): (name: string) => string | undefined {
  const sep = platform === "win32" ? ";" : ":";
  return (name) => {
    for (const dir of pathEnv.split(sep)) {
      if (!dir) continue;
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
    return undefined;
  };
}
