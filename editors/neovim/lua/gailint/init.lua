-- gailint for Neovim (0.7 to 0.11+): starts `gailint server` for report files,
-- and fixes them synchronously on save when asked.
--
--   require("gailint").setup({
--     cmd = nil,              -- default: gailint on PATH, else the project's .venv/bin/gailint
--     settings = { select = { "GAI" }, year = 2023, debounce = 0.2 },
--     fix_on_save = true,     -- apply every safe fix before each :w (never a menu)
--   })
--
-- A report is a text, Markdown or HTML buffer whose file name matches
-- `name_pattern` (a Vim regex; default: 年度报告 or 年报) or that lies in a folder
-- with a gailint config at or above it: the same rule as the VS Code extension.

local M = {}

M.FIX_ALL = "source.fixAll.gailint"

M.defaults = {
  name = "gailint",
  cmd = nil,
  filetypes = { "text", "markdown", "html" },
  name_pattern = [[年度报告\|年报]],
  root_markers = { "gailint.toml", ".gailint.toml", "pyproject.toml", ".git" },
  -- The "gailint" settings section: keys as in gailint.toml (select, ignore,
  -- severity, year, issuer-kind …) plus the server's own debounce (seconds) and
  -- run ("onType" or "onSave").
  settings = {},
  init_options = nil, -- default: { gailint = settings }
  fix_on_save = false,
  fix_timeout_ms = 5000,
  on_attach = nil,
  capabilities = nil,
}

local uv = vim.uv or vim.loop
local CONFIG_NAMES = { "gailint.toml", ".gailint.toml", "pyproject.toml" }

local function merge(base, extra)
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

local function parent(dir)
  local up = vim.fn.fnamemodify(dir, ":h")
  return up ~= dir and up or nil
end

local function buffer_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then return uv.cwd() end
  return vim.fn.fnamemodify(name, ":p:h")
end

local function is_config(path, name)
  if not uv.fs_stat(path) then return false end
  if name ~= "pyproject.toml" then return true end
  for _, line in ipairs(vim.fn.readfile(path)) do
    if line:match("^%s*%[tool%.gailint") then return true end
  end
  return false
end

-- The nearest gailint config at or above `dir`, or nil.
function M.find_config(dir)
  while dir do
    for _, name in ipairs(CONFIG_NAMES) do
      local path = dir .. "/" .. name
      if is_config(path, name) then return path end
    end
    dir = parent(dir)
  end
  return nil
end

function M.is_report(bufnr, opts)
  opts = opts or M.options or M.defaults
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then return false end
  if vim.fn.match(vim.fn.fnamemodify(name, ":t"), opts.name_pattern) >= 0 then return true end
  return M.find_config(buffer_dir(bufnr)) ~= nil
end

-- The root folder: the config's folder, else the nearest holding a root marker.
function M.root(bufnr, opts)
  opts = opts or M.options or M.defaults
  local start = buffer_dir(bufnr)
  local config = M.find_config(start)
  if config then return vim.fn.fnamemodify(config, ":h") end
  local dir = start
  while dir do
    for _, marker in ipairs(opts.root_markers) do
      if uv.fs_stat(dir .. "/" .. marker) then return dir end
    end
    dir = parent(dir)
  end
  return start
end

local warned = {}

-- `gailint server`: gailint on PATH, else the nearest .venv/bin/gailint (or venv/)
-- at or above `dir`. Says so once, and returns nil, when there is none.
function M.server_cmd(dir)
  if vim.fn.executable("gailint") == 1 then return { "gailint", "server" } end
  dir = dir or uv.cwd()
  for _, venv in ipairs({ ".venv", "venv" }) do
    local found = vim.fn.finddir(venv, dir .. ";")
    if found ~= "" then
      for _, bin in ipairs({ "/bin/gailint", "/Scripts/gailint.exe" }) do
        local exe = vim.fn.fnamemodify(found, ":p"):gsub("/$", "") .. bin
        if vim.fn.executable(exe) == 1 then return { exe, "server" } end
      end
    end
  end
  if not warned[dir] then
    warned[dir] = true
    vim.notify("gailint：找不到 gailint 程序（PATH 中没有，" .. dir
      .. " 及其上级文件夹也没有 .venv/bin/gailint）。请在项目中安装 gailint，或在 setup() 中设置 cmd",
      vim.log.levels.WARN)
  end
  return nil
end

local function client_config(opts, root, cmd)
  local settings = opts.settings or {}
  -- An empty Lua table would be sent as a JSON array: send an object.
  local section = next(settings) and settings or vim.empty_dict()
  return {
    name = opts.name,
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = opts.init_options or { gailint = section },
    settings = { gailint = section },
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
end

local function get_clients(bufnr, name)
  local found = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr })
    or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(all) do
    if client.name == name then table.insert(found, client) end
  end
  return found
end

-- Neovim 0.7 has no vim.lsp.start: one client per root folder, attached by hand.
local legacy_clients = {}

local function start_legacy(config, bufnr)
  local key = config.root_dir .. "\0" .. config.cmd[1]
  local id = legacy_clients[key]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    if id == nil then
      vim.notify("gailint: cannot start " .. table.concat(config.cmd, " "), vim.log.levels.ERROR)
      return
    end
    legacy_clients[key] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.attach(bufnr, opts)
  opts = opts or M.options or M.defaults
  if vim.bo[bufnr].buftype ~= "" or not M.is_report(bufnr, opts) then return end
  local root = M.root(bufnr, opts)
  local cmd = opts.cmd or M.server_cmd(buffer_dir(bufnr))
  if not cmd then return end
  local config = client_config(opts, root, cmd)
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
  else
    start_legacy(config, bufnr)
  end
end

local function apply_action(client, action, bufnr, timeout)
  if not action.edit and action.data then
    -- An unresolved action: ask the server for its edit (still synchronously).
    local resolved = vim.lsp.buf_request_sync(bufnr, "codeAction/resolve", action, timeout)
    local response = resolved and resolved[client.id]
    action = response and response.result or action
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
    return true
  end
  return false
end

-- Apply every safe fix to the buffer now, synchronously: the edits are in the
-- buffer when this returns (so a BufWritePre can call it). Never a menu.
function M.fix_all(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local name = (M.options or M.defaults).name
  local clients = get_clients(bufnr, name)
  if #clients == 0 then return false end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
    context = { only = { M.FIX_ALL }, diagnostics = {} },
  }
  local timeout = timeout_ms or (M.options or M.defaults).fix_timeout_ms
  local results = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, timeout)
  local applied = false
  for _, client in ipairs(clients) do
    local response = results and results[client.id]
    for _, action in ipairs(response and response.result or {}) do
      if action.kind == M.FIX_ALL then
        applied = apply_action(client, action, bufnr, timeout) or applied
      end
    end
  end
  return applied
end

local function enable_fix_on_save(group, opts)
  vim.api.nvim_create_autocmd("BufWritePre", {
    group = group,
    callback = function(args)
      if #get_clients(args.buf, opts.name) > 0 then
        M.fix_all(args.buf, opts.fix_timeout_ms)
      end
    end,
  })
end

function M.setup(user)
  local opts = merge(M.defaults, user)
  M.options = opts
  local group = vim.api.nvim_create_augroup("gailint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(args) M.attach(args.buf, opts) end,
  })
  if opts.fix_on_save then
    enable_fix_on_save(group, opts)
  end
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr, opts)
    end
  end
end

return M
