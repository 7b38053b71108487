-- A bare Neovim for the language server test: no plugins, no swap files, no user config.
vim.o.swapfile = false
vim.o.shadafile = 'NONE'
vim.o.hidden = true
vim.o.loadplugins = false
vim.o.more = false
