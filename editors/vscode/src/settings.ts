// The editor's gailint settings → the server's "gailint" section: pure logic.
//
// The keys mirror the config file (select, ignore, severity) plus the server's own
// (run, debounce). An unset value (null) is left out, so the nearest gailint.toml
// decides it; VS Code-only keys (path, interpreter, reportNamePatterns) never reach
// the server, which would reject them as unknown config keys.

export type RunMode = "onType" | "onSave";

export interface EditorSettings {
  select?: string[] | null;
  ignore?: string[] | null;
  severity?: Record<string, string> | null;
  run?: RunMode | string | null;
  debounce?: number | null;
}

export type ServerSection = Record<string, unknown>;

const MIRRORED: (keyof EditorSettings)[] = ["select", "ignore", "severity", "run", "debounce"];

/** `get(key)` reads one `gailint.<key>` setting (undefined or null when unset). */
export function serverSection(get: (key: string) => unknown): ServerSection {
  const out: ServerSection = {};
  for (const key of MIRRORED) {
    const value = get(key);
    if (value === undefined || value === null) continue;
    out[key] = value;
  }
  return out;
}

export function initializationOptions(section: ServerSection): { gailint: ServerSection } {
  return { gailint: section };
}

/** The language client's pull options: pull while typing only in onType mode. */
export function pullOptions(section: ServerSection): { onChange: boolean; onSave: boolean } {
  const onSave = section.run === "onSave";
  return { onChange: !onSave, onSave: true };
}
