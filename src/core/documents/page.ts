/**
 * The one HTML page shell: the roadmap webview in VS Code, the roadmap export and the steering report
 * are all written by `htmlPage`. Every page starts from `default-src 'none'` and allows only what its
 * caller names (a nonce in VS Code, hashes of inline code in a file); plan text reaches a page only
 * escaped (`escapeHtml`) or as inert JSON (`inlineJson`).
 */
import { plural } from '../base/messages';
import { problemCountsText, type ProblemSummary } from '../views/problems';

/** A stylesheet by address, or inline. */
export type PageStyle = { readonly href: string } | { readonly text: string };
/** A script by address (with the nonce that lets it run), or inline. */
export type PageScript = { readonly src: string; readonly nonce?: string } | { readonly text: string };
/**
 * A data block, a `<script>` element of a type that never runs: JSON (`value`, as
 * `application/json`), or bytes of another type written in base64 (such as gzip-compressed JSON).
 */
export type PageData = { readonly id: string; readonly value: unknown } | { readonly id: string; readonly type: string; readonly base64: string };

export interface PageParts {
  readonly title: string;
  /** Content-Security-Policy sources by directive (`script-src`, `style-src`, …), after `default-src 'none'`. */
  readonly csp: Readonly<Record<string, string>>;
  readonly styles?: readonly PageStyle[];
  /** Markup of the body, built by the caller from escaped parts. */
  readonly body: string;
  /** Data blocks (`<script type="application/json" id="…">`, or base64 of another type), before the scripts. */
  readonly data?: readonly PageData[];
  readonly scripts?: readonly PageScript[];
  /** Both light and dark (a standalone file), or none (VS Code sets the colours). */
  readonly colorScheme?: 'light dark' | 'light';
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is inert inside an HTML `<script>` element: no `<`, `>`, `&` or line separators as such. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The Content-Security-Policy value: nothing but what `sources` names. */
export function contentSecurityPolicy(sources: Readonly<Record<string, string>>): string {
  const directives = ["default-src 'none'", ...Object.entries(sources).map(([directive, value]) => `${directive} ${value}`)];
  if (!('base-uri' in sources)) directives.push("base-uri 'none'");
  if (!('form-action' in sources)) directives.push("form-action 'none'");
  return directives.join('; ');
}

export function htmlPage(parts: PageParts): string {
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // The policy is built from the caller's fixed sources (nonces, hashes, origins), never from plan text.
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(parts.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  ];
  if (parts.colorScheme) lines.push(`<meta name="color-scheme" content="${parts.colorScheme}">`, '<meta name="generator" content="plan-as-code">');
  lines.push(`<title>${escapeHtml(parts.title)}</title>`);
  for (const style of parts.styles ?? []) {
    if ('href' in style) lines.push(`<link rel="stylesheet" href="${escapeHtml(style.href)}">`);
    else {
      if (/<\/style/i.test(style.text)) throw new Error('a stylesheet cannot be inlined in HTML');
      lines.push(`<style>${style.text}</style>`);
    }
  }
  lines.push('</head>', '<body>', parts.body);
  const dataBlock = (block: PageData) => {
    if ('value' in block) return `<script type="application/json" id="${escapeHtml(block.id)}">${inlineJson(block.value)}</script>`;
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(block.base64)) throw new Error('a data block must be base64');
    // A type the browser does not run, or it would treat the block as JavaScript.
    if (!/^application\/[a-z0-9.+-]+$/.test(block.type) || block.type.includes('script')) throw new Error(`a data block cannot have the type ${block.type}`);
    return `<script type="${block.type}" id="${escapeHtml(block.id)}">${block.base64}</script>`;
  };
  lines.push(...(parts.data ?? []).map(dataBlock));
  for (const script of parts.scripts ?? []) {
    if ('src' in script) lines.push(`<script${script.nonce ? ` nonce="${escapeHtml(script.nonce)}"` : ''} src="${escapeHtml(script.src)}"></script>`);
    else {
      if (/<\/script|<!--/i.test(script.text)) throw new Error('a script cannot be inlined in HTML');
      lines.push(`<script>${script.text}</script>`);
    }
  }
  lines.push('</body>', '</html>', '');
  return lines.join('\n');
}

/** The element the roadmap app draws into, and the message for readers without scripts. */
export function roadmapBody(withoutScripts?: string): string {
  return `${withoutScripts ? `<noscript>${escapeHtml(withoutScripts)}</noscript>\n` : ''}<div id="roadmap-app"></div>`;
}

/**
 * The banner an exported page shows when the plans have errors (nothing when they have none): the
 * counts, where the first errors are and what they say. Static markup, so it reads without scripts.
 */
export function problemsBanner(summary: ProblemSummary): string {
  if (summary.errors === 0) return '';
  const items = summary.firstErrors.map(
    (p) =>
      `<li><span class="problem-where">${escapeHtml(`${p.file}:${p.line}:${p.column}`)}</span> <span class="problem-code">${escapeHtml(p.code)}</span> ${escapeHtml(p.message)}</li>`,
  );
  const more = summary.errors - summary.firstErrors.length;
  return [
    '<section class="problems-banner" role="alert" aria-label="Problems in the plans">',
    `<p><strong>The plans have ${escapeHtml(problemCountsText(summary))}.</strong> What they say may be incomplete or wrong until the errors are fixed (VS Code's Problems panel, or <code>plan-as-code check</code>, lists them all).</p>`,
    `<ul class="problems-list">${items.join('')}</ul>`,
    more > 0 ? `<p>… and ${plural(more, 'more error', true)}.</p>` : '',
    '</section>',
  ].join('\n');
}
