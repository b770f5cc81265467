-- Neovim 0.11+: `vim.lsp.enable("gailint")` with this folder on the runtimepath.
-- The server starts for report files only (see lua/gailint/init.lua); gailint is
-- found on PATH or in the project's .venv (from the folder Neovim started in).
--
-- Fix on save (synchronous, before the write):
--   vim.api.nvim_create_autocmd("BufWritePre", {
--     callback = function(args) require("gailint").fix_all(args.buf) end,
--   })
local gailint = require("gailint")

return {
  cmd = gailint.server_cmd() or { "gailint", "server" },
  filetypes = gailint.defaults.filetypes,
  root_dir = function(bufnr, on_dir)
    if gailint.is_report(bufnr) then
      on_dir(gailint.root(bufnr))
    end
  end,
  init_options = { gailint = vim.empty_dict() },
  settings = { gailint = vim.empty_dict() },
}
