" Report files (filetype *.gailint): :make runs gailint check.
if exists('b:did_gailint_ftplugin')
  finish
endif
let b:did_gailint_ftplugin = 1

compiler gailint

let s:undo = 'unlet! b:did_gailint_ftplugin | setlocal makeprg< errorformat<'
let b:undo_ftplugin = (exists('b:undo_ftplugin') && !empty(b:undo_ftplugin) ? b:undo_ftplugin . ' | ' : '') . s:undo
