-- Drives Neovim's own LSP client (vim.lsp, 0.7 and later) against dist/server.js and writes what it saw
-- as JSON to $PAC_OUT. Every wait is for a condition (vim.wait), never a fixed time.
-- Environment: PAC_ROOT (the workspace), PAC_SERVER (the command, space-separated), PAC_OUT.
local root = os.getenv('PAC_ROOT')
local out = os.getenv('PAC_OUT')
local cmd = vim.split(os.getenv('PAC_SERVER'), ' ', { trimempty = true })
local results = { steps = {} }
local published = {}

local function file(relative) return root .. '/' .. relative end
local function uri(relative) return vim.uri_from_fname(file(relative)) end
local function wait(what, condition)
  if not vim.wait(20000, condition, 20) then error('timed out waiting for ' .. what) end
end
local function codes(list)
  local result = {}
  for _, d in ipairs(list) do table.insert(result, d.code) end
  return result
end
local function buffer_diagnostics(bufnr)
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result, { code = code, lnum = d.lnum, col = d.col })
  end
  return result
end

local exit_code
local client_id = vim.lsp.start_client({
  name = 'plan-as-code',
  cmd = cmd,
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      published[result.uri] = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_exit = function(code) exit_code = code end,
})

local function run()
  -- 1. The diagnostics of a file never opened, as Neovim holds them (an unloaded buffer).
  local orphan = uri('orphan.plan.yaml')
  wait('diagnostics of orphan.plan.yaml', function() return published[orphan] and #published[orphan] > 0 end)
  results.steps.unopened = { published = codes(published[orphan]), buffer = buffer_diagnostics(vim.uri_to_bufnr(orphan)) }

  -- 2. Open launch.plan.yaml (Neovim calls it yaml) and attach.
  vim.cmd('edit ' .. vim.fn.fnameescape(file('launch.plan.yaml')))
  local launch = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(launch, client_id)
  wait('the client to initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client and client.initialized
  end)

  -- 3. Hover on `build` in `depends_on: [build, m1]` (line 6, 1-based).
  vim.api.nvim_win_set_cursor(0, { 6, 16 })
  local hover = vim.lsp.buf_request_sync(launch, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000)
  local hover_result = hover and hover[client_id] and hover[client_id].result
  results.steps.hover = hover_result and hover_result.contents.value or vim.inspect(hover)

  -- 4. Go to definition of `m1`, written in program.plan.yaml after non-ASCII text on its line.
  vim.api.nvim_win_set_cursor(0, { 6, 23 })
  local definition = vim.lsp.buf_request_sync(launch, 'textDocument/definition', vim.lsp.util.make_position_params(), 10000)
  local locations = definition[client_id].result
  vim.lsp.util.jump_to_location(locations[1], 'utf-16')
  local cursor = vim.api.nvim_win_get_cursor(0)
  results.steps.definition = {
    file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'),
    line = cursor[1],
    col = cursor[2],
    text = vim.api.nvim_get_current_line(),
  }
  vim.cmd('buffer ' .. launch)

  -- 5. Completion after `depends_on: [b`, typed into the buffer (Neovim sends the change itself).
  vim.api.nvim_buf_set_lines(launch, 5, 6, true, { '  depends_on: [b' })
  vim.api.nvim_win_set_cursor(0, { 6, 16 })
  local completion = vim.lsp.buf_request_sync(launch, 'textDocument/completion', vim.lsp.util.make_position_params(), 10000)
  local items = completion[client_id].result
  local labels = {}
  for _, item in ipairs(items.items or items) do table.insert(labels, item.label) end
  table.sort(labels)
  results.steps.completion = labels
  vim.api.nvim_buf_set_lines(launch, 5, 6, true, { '  depends_on: [build, m1]' })

  -- 6. A quick fix: the key `budgt` in typo.plan.yaml, asked with the diagnostics Neovim holds for the line.
  vim.cmd('edit ' .. vim.fn.fnameescape(file('typo.plan.yaml')))
  local typo = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(typo, client_id)
  wait('the schema diagnostic in the buffer', function() return #vim.diagnostic.get(typo) > 0 end)
  vim.api.nvim_win_set_cursor(0, { 7, 4 })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(typo) }
  local actions = vim.lsp.buf_request_sync(typo, 'textDocument/codeAction', params, 10000)[client_id].result
  results.steps.quickfix = { title = actions[1] and actions[1].title }
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  results.steps.quickfix.line = vim.api.nvim_buf_get_lines(typo, 6, 7, true)[1]
  wait('the schema error to clear', function() return #vim.diagnostic.get(typo) == 0 end)

  -- 7. An edit that creates a warning, and undoing it clears it.
  vim.cmd('edit ' .. vim.fn.fnameescape(file('program.plan.yaml')))
  local program = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(program, client_id)
  local before = vim.api.nvim_buf_get_lines(program, 0, -1, true)
  local progress_line
  for i, line in ipairs(before) do if line:match('progress: 50') then progress_line = i end end
  vim.api.nvim_buf_set_lines(program, progress_line - 1, progress_line, true, { '      progress: 100', '      state: active' })
  wait('the progress-mismatch warning', function()
    for _, d in ipairs(buffer_diagnostics(program)) do if d.code == 'progress-mismatch' then return true end end
  end)
  results.steps.edit = { warned = buffer_diagnostics(program) }
  vim.api.nvim_buf_set_lines(program, 0, -1, true, before)
  wait('the warning to clear', function() return #vim.diagnostic.get(program) == 0 end)
  results.steps.edit.cleared = buffer_diagnostics(program)

  -- 7b. References of `build` (launch.plan.yaml line 6 and its definition in program.plan.yaml), document
  -- symbols of launch.plan.yaml, workspace symbols for 'build'.
  vim.cmd('buffer ' .. launch)
  vim.api.nvim_win_set_cursor(0, { 6, 16 })
  local ref_params = vim.lsp.util.make_position_params()
  ref_params.context = { includeDeclaration = true }
  local references = vim.lsp.buf_request_sync(launch, 'textDocument/references', ref_params, 10000)[client_id].result
  local places = {}
  for _, location in ipairs(references) do
    table.insert(places, vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t') .. ':' .. (location.range.start.line + 1))
  end
  table.sort(places)
  local document = vim.lsp.buf_request_sync(launch, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params() }, 10000)[client_id].result
  local names = {}
  for _, symbol in ipairs(document) do table.insert(names, symbol.name) end
  local workspace = vim.lsp.buf_request_sync(launch, 'workspace/symbol', { query = 'build' }, 10000)[client_id].result
  local found = {}
  for _, symbol in ipairs(workspace) do
    table.insert(found, symbol.name .. '@' .. vim.fn.fnamemodify(vim.uri_to_fname(symbol.location.uri), ':t'))
  end
  results.steps.references = places
  results.steps.symbols = { document = names, workspace = found }

  -- 8. Rename `alpha` (the program, referenced from launch.plan.yaml) across files.
  vim.cmd('buffer ' .. launch)
  vim.api.nvim_win_set_cursor(0, { 5, 12 })
  vim.lsp.buf.rename('alpha2')
  local program_file = vim.uri_to_bufnr(uri('program.plan.yaml'))
  wait('the rename in both files', function()
    local a = table.concat(vim.api.nvim_buf_get_lines(launch, 0, -1, true), '\n')
    local b = table.concat(vim.api.nvim_buf_get_lines(program_file, 0, -1, true), '\n')
    return a:find('program: alpha2', 1, true) and b:find('id: alpha2', 1, true)
  end)
  results.steps.rename = {
    launch = vim.api.nvim_buf_get_lines(launch, 4, 5, true)[1],
    program = vim.api.nvim_buf_get_lines(program_file, 2, 3, true)[1],
  }

  -- 9. Shut down: shutdown, exit, and the server's exit code.
  vim.lsp.stop_client(client_id)
  wait('the server to exit', function() return exit_code ~= nil end)
  results.exit_code = exit_code
end

local ok, err = pcall(run)
if not ok then results.error = tostring(err) end
local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode(results))
handle:close()
vim.cmd('qall!')
