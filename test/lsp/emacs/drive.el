;;; drive.el --- Drives Emacs's eglot (Debian's elpa-eglot) against dist/server.js -*- lexical-binding: t -*-
;; Run as `emacs --batch -q -l drive.el' (-q, not -Q: Debian's site start puts its elpa packages on the load path); writes what it saw as JSON to $PAC_OUT. Every wait is for a
;; condition (the process output it waits on), never a fixed time.
;; Environment: PAC_ROOT (the workspace, a git repository), PAC_SERVER (the command, space-separated), PAC_OUT.
(require 'eglot)
(require 'json)
(require 'subr-x)

(defvar pac-root (file-name-as-directory (getenv "PAC_ROOT")))
(defvar pac-results nil "The steps seen, an alist written as JSON at the end.")
(defvar pac-published (make-hash-table :test 'equal) "URI → the diagnostics last published for it.")

;; A plan file is YAML; Emacs 28 has no YAML mode of its own, so a mode for plan files.
(define-derived-mode plan-yaml-mode prog-mode "Plan")
(add-to-list 'auto-mode-alist '("\\.plan\\.yaml\\'" . plan-yaml-mode))
;; The server's edits touch files not visited yet (rename): say yes, as a user would.
(setq eglot-confirm-server-initiated-edits nil)
(fset 'y-or-n-p (lambda (&rest _) t))

(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (puthash uri diagnostics pac-published))

(defun pac-file (relative) (expand-file-name relative pac-root))
(defun pac-uri (relative) (eglot--path-to-uri (pac-file relative)))
(defun pac-wait (what condition)
  (let ((deadline (+ (float-time) 20)))
    (while (not (funcall condition))
      (when (> (float-time) deadline) (error "timed out waiting for %s" what))
      (accept-process-output nil 0.05))))
(defun pac-codes (diagnostics)
  (mapcar (lambda (d) (plist-get d :code)) diagnostics))
(defun pac-step (name value) (push (cons name value) pac-results))
(defun pac-goto (line column)
  "Point at 1-based LINE, 0-based COLUMN (characters)."
  (goto-char (point-min))
  (forward-line (1- line))
  (move-to-column column))
(defun pac-line () (buffer-substring-no-properties (line-beginning-position) (line-end-position)))

(defun pac-run ()
  ;; 1. Open launch.plan.yaml and start the server for the project (the git repository).
  (find-file (pac-file "launch.plan.yaml"))
  (eglot '(plan-yaml-mode) (project-current) 'eglot-lsp-server (split-string (getenv "PAC_SERVER") " " t) "yaml")
  (pac-wait "the server" (lambda () (eglot-current-server)))
  (let ((server (eglot-current-server))
        (launch (current-buffer)))
    ;; 2. The diagnostics of a file never opened.
    (let ((orphan (pac-uri "orphan.plan.yaml")))
      (pac-wait "diagnostics of orphan.plan.yaml" (lambda () (gethash orphan pac-published)))
      (pac-step 'unopened (pac-codes (gethash orphan pac-published))))
    ;; 3. Hover on `build' in `depends_on: [build, m1]' (line 6).
    (pac-goto 6 16)
    (pac-step 'hover (plist-get (plist-get (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)) :contents) :value))
    ;; 4. Go to definition of `m1' through xref, eglot's own way: in program.plan.yaml after non-ASCII text.
    (pac-goto 6 23)
    (let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
           (location (xref-item-location (car xrefs))))
      (with-current-buffer (find-file-noselect (xref-file-location-file location))
        (save-excursion
          (goto-char (marker-position (xref-location-marker location)))
          (pac-step 'definition (list (cons 'file (file-name-nondirectory (buffer-file-name)))
                                      (cons 'line (line-number-at-pos))
                                      (cons 'col (current-column))
                                      (cons 'text (pac-line)))))))
    (switch-to-buffer launch)
    ;; 5. Completion after `depends_on: [' (what completion-at-point offers).
    (pac-goto 6 0)
    (delete-region (line-beginning-position) (line-end-position))
    (insert "  depends_on: [")
    (let* ((capf (eglot-completion-at-point))
           (candidates (all-completions "" (nth 2 capf))))
      (pac-step 'completion (vconcat (sort (mapcar #'substring-no-properties candidates) #'string<))))
    (delete-region (line-beginning-position) (line-end-position))
    (insert "  depends_on: [build, m1]")
    ;; 6. A quick fix: `budgt' in typo.plan.yaml, applied as eglot applies a chosen code action.
    (find-file (pac-file "typo.plan.yaml"))
    (let ((typo (pac-uri "typo.plan.yaml")))
      (pac-wait "the schema error" (lambda () (gethash typo pac-published)))
            ;; Flymake starts on an idle timer, which a batch Emacs never is: start it as that timer would.
      (flymake-start)
      (pac-wait "flymake to hold it" (lambda () (flymake-diagnostics (point-min) (point-max))))
      (pac-goto 7 2)
      (let* ((actions (eglot-code-actions (line-beginning-position) (line-end-position)))
             (fix (seq-find (lambda (a) (equal (plist-get a :kind) "quickfix")) actions)))
        (eglot--apply-workspace-edit (plist-get fix :edit))
        (pac-step 'quickfix (list (cons 'title (plist-get fix :title)) (cons 'line (pac-line))))))
    ;; 7. An edit that creates a warning (progress 100 on an active project), and its undo that clears it.
    (find-file (pac-file "program.plan.yaml"))
    (let ((program (pac-uri "program.plan.yaml")))
      (pac-wait "program.plan.yaml's first diagnostics" (lambda () (gethash program pac-published 'none)))
      (pac-goto 13 0)
      (search-forward "progress: 50")
      (replace-match "progress: 100\n      state: active")
      (eglot--signal-textDocument/didChange)
      (pac-wait "the progress warning" (lambda () (member "progress-mismatch" (pac-codes (gethash program pac-published)))))
      (pac-step 'warned (vconcat (pac-codes (gethash program pac-published))))
      (search-backward "progress: 100\n      state: active")
      (replace-match "progress: 50")
      (eglot--signal-textDocument/didChange)
      (pac-wait "the warning cleared" (lambda () (not (member "progress-mismatch" (pac-codes (gethash program pac-published))))))
      (pac-step 'cleared (vconcat (pac-codes (gethash program pac-published)))))
    ;; 8. Rename the program `alpha' from where launch.plan.yaml names it: both files change.
    (switch-to-buffer launch)
    (pac-goto 5 11)
    (eglot-rename "alpha2")
    (pac-goto 5 0)
    (let ((launch-line (pac-line)))
      (with-current-buffer (find-file-noselect (pac-file "program.plan.yaml"))
        (pac-goto 3 0)
        (pac-step 'rename (list (cons 'launch launch-line) (cons 'program (pac-line))))))
    ;; 9. Shut down: the server answers shutdown and exits.
    (eglot-shutdown server)
    (pac-step 'shutdown (if (process-live-p (jsonrpc--process server)) "still running" "exited"))))

(condition-case err
    (pac-run)
  (error (pac-step 'error (error-message-string err))))
(with-temp-file (getenv "PAC_OUT") (insert (json-encode pac-results)))
(kill-emacs 0)
