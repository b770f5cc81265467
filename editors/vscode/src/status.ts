// The status-bar item's text and tooltip: pure logic.

export type ServerState = "starting" | "running" | "stopped" | "error";

export interface StatusView {
  text: string;
  tooltip: string;
}

export function statusView(state: ServerState, problems: number | undefined, detail = ""): StatusView {
  const count = problems ?? 0;
  switch (state) {
    case "starting":
      return { text: "$(sync~spin) gailint", tooltip: "gailint：正在启动语言服务器" };
    case "stopped":
      return { text: "$(circle-slash) gailint", tooltip: "gailint：语言服务器已停止（命令：gailint: 重启语言服务器）" };
    case "error":
      return { text: "$(error) gailint", tooltip: `gailint：语言服务器无法运行${detail ? "：" + detail : ""}` };
    case "running":
      if (problems === undefined) return { text: "$(check) gailint", tooltip: "gailint：运行中" };
      return count === 0
        ? { text: "$(check) gailint", tooltip: "gailint：本文件没有问题" }
        : { text: `$(warning) gailint ${count}`, tooltip: `gailint：本文件有 ${count} 个问题` };
  }
}
