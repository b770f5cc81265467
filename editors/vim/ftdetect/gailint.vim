" Report files become text.gailint / markdown.gailint / html.gailint (see
" autoload/gailint.vim): Vim's filetype.vim has set text/markdown/html by now.
autocmd BufNewFile,BufRead *.txt,*.md,*.markdown,*.htm,*.html call gailint#detect()
