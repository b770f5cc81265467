" gailint for Vim: which files are reports, where the gailint program is.
" Shared by ftdetect/, compiler/, ale_linters/ and the vim-lsp / coc.nvim set-up.

" A report: its name matches g:gailint_name_pattern (default: 年度报告 or 年报),
" or a gailint config (gailint.toml, .gailint.toml, pyproject.toml with
" [tool.gailint]) lies in its folder or above, as the VS Code extension decides.
function! gailint#name_pattern() abort
  return get(g:, 'gailint_name_pattern', '年度报告\|年报')
endfunction

" The nearest config file at or above folder a:dir, or ''.
function! gailint#find_config(dir) abort
  let l:dir = fnamemodify(a:dir, ':p')
  while 1
    for l:name in ['gailint.toml', '.gailint.toml', 'pyproject.toml']
      let l:file = l:dir . (l:dir =~# '[/\\]$' ? '' : '/') . l:name
      if filereadable(l:file)
        if l:name !=# 'pyproject.toml' || match(readfile(l:file), '^\s*\[tool\.gailint') >= 0
          return l:file
        endif
      endif
    endfor
    let l:parent = fnamemodify(substitute(l:dir, '[/\\]$', '', ''), ':h')
    if l:parent ==# l:dir || l:parent ==# substitute(l:dir, '[/\\]$', '', '')
      return ''
    endif
    let l:dir = l:parent
  endwhile
endfunction

function! gailint#is_report(path) abort
  if empty(a:path)
    return 0
  endif
  if fnamemodify(a:path, ':t') =~# gailint#name_pattern()
    return 1
  endif
  return !empty(gailint#find_config(fnamemodify(a:path, ':p:h')))
endfunction

" Called by ftdetect: a report gets the compound filetype text.gailint,
" markdown.gailint or html.gailint, so Vim's own text/markdown support still
" applies and ALE, vim-lsp and coc.nvim can register for "gailint" alone.
function! gailint#detect() abort
  if &filetype =~# '\<gailint\>' || !gailint#is_report(expand('<afile>:p'))
    return
  endif
  let &l:filetype = (empty(&filetype) ? 'text' : &filetype) . '.gailint'
endfunction

" The root folder for a language server: the config's folder, else the one
" holding .git, else the file's own folder.
function! gailint#root(buffer) abort
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  let l:config = gailint#find_config(l:dir)
  if !empty(l:config)
    return fnamemodify(l:config, ':h')
  endif
  let l:git = finddir('.git', l:dir . ';')
  return empty(l:git) ? l:dir : fnamemodify(l:git, ':p:h:h')
endfunction

let s:warned = {}

" The gailint program: g:gailint_executable, else `gailint` on PATH, else the
" nearest .venv/bin/gailint (or venv/, Scripts\gailint.exe on Windows) at or above
" the buffer's folder. Says so once per folder, and returns '', when none exists.
function! gailint#executable(...) abort
  let l:buffer = a:0 ? a:1 : bufnr('')
  let l:explicit = get(g:, 'gailint_executable', '')
  if !empty(l:explicit)
    return l:explicit
  endif
  if executable('gailint')
    return exepath('gailint')
  endif
  let l:dir = fnamemodify(bufname(l:buffer), ':p:h')
  if empty(l:dir)
    let l:dir = getcwd()
  endif
  for l:venv in ['.venv', 'venv']
    let l:found = finddir(l:venv, l:dir . ';')
    if empty(l:found)
      continue
    endif
    for l:bin in ['bin/gailint', 'Scripts/gailint.exe']
      let l:exe = fnamemodify(l:found, ':p') . l:bin
      if executable(l:exe)
        return l:exe
      endif
    endfor
  endfor
  if !has_key(s:warned, l:dir)
    let s:warned[l:dir] = 1
    echohl WarningMsg
    echomsg 'gailint：找不到 gailint 程序（PATH 中没有，' . l:dir . ' 及其上级文件夹也没有 .venv/bin/gailint）。'
          \ . '请在项目中运行 python3 -m venv .venv && .venv/bin/pip install gailint，或设置 g:gailint_executable'
    echohl None
  endif
  return ''
endfunction

" The command that starts the language server, as a list ([] when none).
function! gailint#server_command(...) abort
  let l:exe = call('gailint#executable', a:000)
  return empty(l:exe) ? [] : [l:exe, 'server']
endfunction
