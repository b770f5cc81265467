-- gailint for Neovim: attaches `gailint server` to report buffers (text, markdown).
--
--   require("gailint").setup({
--     cmd = { "gailint", "server" },          -- or { "/path/to/.venv/bin/gailint", "server" }
--     settings = { select = { "GAI" }, year = 2023, debounce = 0.2 },
--   })
--
-- Works with Neovim 0.7 (vim.lsp.start_client + buf_attach_client), 0.8–0.10
-- (vim.lsp.start) and 0.11+ (vim.lsp.config + vim.lsp.enable).

local M = {}

M.defaults = {
  name = "gailint",
  cmd = { "gailint", "server" },
  filetypes = { "text", "markdown" },
  root_markers = { "gailint.toml", ".gailint.toml", "pyproject.toml", ".git" },
  -- The "gailint" settings section: keys as in gailint.toml (select, ignore,
  -- severity, year, issuer-kind …) plus the server's own "debounce" (seconds).
  settings = {},
  -- Sent as initializationOptions; defaults to { gailint = settings }.
  init_options = nil,
  on_attach = nil,
  capabilities = nil,
}

local uv = vim.uv or vim.loop

local function merge(base, extra)
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

-- The nearest folder holding one of the root markers (Neovim 0.7 has no vim.fs).
local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return uv.cwd()
  end
  local start = vim.fn.fnamemodify(name, ":p:h")
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function client_config(opts, root)
  local settings = opts.settings or {}
  -- An empty Lua table would be sent as a JSON array: send an object.
  local section = next(settings) and settings or vim.empty_dict()
  return {
    name = opts.name,
    cmd = opts.cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    init_options = opts.init_options or { gailint = section },
    settings = { gailint = section },
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
end

local function has_filetype(opts, ft)
  for _, f in ipairs(opts.filetypes) do
    if f == ft then return true end
  end
  return false
end

-- Neovim 0.7: one client per root folder, attached by hand.
local clients = {}

local function attach_legacy(opts, bufnr)
  local root = find_root(bufnr, opts.root_markers)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(client_config(opts, root))
    if id == nil then
      vim.notify("gailint: cannot start " .. table.concat(opts.cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function attach(opts, bufnr)
  if vim.lsp.start then
    local root = find_root(bufnr, opts.root_markers)
    vim.lsp.start(client_config(opts, root), { bufnr = bufnr })
  else
    attach_legacy(opts, bufnr)
  end
end

function M.setup(user)
  local opts = merge(M.defaults, user)
  M.options = opts

  if vim.lsp.config and vim.lsp.enable then
    -- Neovim 0.11+: the built-in configuration registry does the attaching.
    local cfg = client_config(opts, nil)
    cfg.root_dir = nil
    cfg.workspace_folders = nil
    cfg.filetypes = opts.filetypes
    cfg.root_markers = opts.root_markers
    vim.lsp.config(opts.name, cfg)
    vim.lsp.enable(opts.name)
    return
  end

  local group = vim.api.nvim_create_augroup("gailint_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      if vim.bo[args.buf].buftype == "" then
        attach(opts, args.buf)
      end
    end,
  })
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].buftype == ""
        and has_filetype(opts, vim.bo[bufnr].filetype) then
      attach(opts, bufnr)
    end
  end
end

return M
