" ALE: gailint's language server for report files (filetype *.gailint).
"
" ALE counts LSP columns in bytes and does not announce a position encoding, so
" the server is asked for UTF-8 positions: highlights then land on the right
" Chinese characters, and quick-fixes edit the right bytes.
call ale#Set('gailint_executable', '')
call ale#Set('gailint_settings', {})

function! ale_linters#gailint#gailint#Executable(buffer) abort
  let l:exe = ale#Var(a:buffer, 'gailint_executable')
  return empty(l:exe) ? gailint#executable(a:buffer) : l:exe
endfunction

function! ale_linters#gailint#gailint#Options(buffer) abort
  let l:settings = copy(ale#Var(a:buffer, 'gailint_settings'))
  let l:settings['position-encoding'] = 'utf-8'
  return {'gailint': l:settings}
endfunction

call ale#linter#Define('gailint', {
\   'name': 'gailint',
\   'lsp': 'stdio',
\   'executable': function('ale_linters#gailint#gailint#Executable'),
\   'command': '%e server',
\   'project_root': {buffer -> gailint#root(buffer)},
\   'initialization_options': function('ale_linters#gailint#gailint#Options'),
\   'lsp_config': {buffer -> {'gailint': ale#Var(buffer, 'gailint_settings')}},
\})
