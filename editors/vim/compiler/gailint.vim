" Vim compiler file: `:compiler gailint`, then `:make` checks the current file
" (`:make dir/` checks a folder instead) and fills the quickfix list.
"
" The columns are UTF-8 byte columns (--column-unit byte), which is what
" errorformat's %c means, so the cursor lands on the reported Chinese character.
if exists('current_compiler')
  finish
endif
let current_compiler = 'gailint'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:exe = gailint#executable()
let s:cmd = (empty(s:exe) ? 'gailint' : s:exe) . ' check --output-format concise --column-unit byte'
" With arguments, :make checks them; without, the current file.
execute 'CompilerSet makeprg=' . escape(s:cmd . ' $*', ' \|"') . '\ %:S'

" gailint: error: FILE:LINE: …  is a broken config (exit code 2): jump to it.
CompilerSet errorformat=gailint:\ error:\ %f:%l:\ %m,
      \gailint:\ error:\ %m,
      \%f:%l:%c:\ %m,
      \%-G%.%#
