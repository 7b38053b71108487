/** Output formats of `plan-as-code check`: compiler-style text, the JSON of SPEC 7, and SARIF 2.1.0. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDescriptions, diagnosticCodes, plural, toOneBased, type DiagnosticCode, type PlanDiagnostic, type Range } from '../core';

export function checkText(diagnostics: readonly PlanDiagnostic[], color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const severityColor = { error: '31;1', warning: '33;1', information: '36;1' } as const;
  return diagnostics
    .map((d) => {
      const { line, column } = toOneBased(d.range.start);
      return `${paint('1', `${d.file}:${line}:${column}`)}: ${paint(severityColor[d.severity], d.severity)} ${paint('2', d.code)}: ${oneLine(d.message)}`;
    })
    .join('\n');
}

export function checkSummary(files: number, diagnostics: readonly PlanDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return `${plural(files, 'plan file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function checkJson(files: number, diagnostics: readonly PlanDiagnostic[]): object {
  return {
    version: 1,
    files,
    diagnostics: diagnostics.map((d) => ({
      file: d.file,
      range: { start: toOneBased(d.range.start), end: toOneBased(d.range.end) },
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
}

/**
 * A file as a URI reference: an absolute path as a file: URI, a relative one with each part escaped
 * (a `#` or `?` in a file name would otherwise start the URI's fragment or query).
 */
function uriReference(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** A SARIF physical location: the file as a URI reference, the region 1-based. */
function physicalLocation(file: string, range: Range): object {
  const start = toOneBased(range.start);
  const end = toOneBased(range.end);
  return { artifactLocation: { uri: uriReference(file) }, region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column } };
}

export function checkSarif(diagnostics: readonly PlanDiagnostic[], version: string): object {
  const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];
  const level = { error: 'error', warning: 'warning', information: 'note' } as const;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-as-code',
            version,
            rules: codes.map((code) => ({
              id: code,
              name: code,
              shortDescription: { text: codeDescriptions[code] },
              defaultConfiguration: { level: level[diagnosticCodes[code]] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          return {
            ruleId: d.code,
            ruleIndex: codes.indexOf(d.code),
            level: level[d.severity],
            message: { text: d.message },
            locations: [{ physicalLocation: physicalLocation(d.file, d.range) }],
            // Other places that take part (an overallocated person's other entries), as VS Code shows them.
            ...(d.related && d.related.length > 0
              ? { relatedLocations: d.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r.file, r.range), message: { text: r.message } })) }
              : {}),
          };
        }),
      },
    ],
  };
}

/** A message on one line, without control characters: a plan's text could otherwise move the terminal's cursor, set its title or clear it. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
