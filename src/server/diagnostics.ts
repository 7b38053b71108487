/**
 * Diagnostics pushed (`publishDiagnostics`) for every plan file, opened or not: each file once when it is
 * first indexed (an empty list when it is clean), then whenever its problems change, and an empty list once
 * it is clean or gone. The team's `.plan-as-code.yaml` gets its own.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Analysis, PlanDiagnostic } from '../core';
import type { PublishClean } from '../shared/protocol';
import { uriToPath } from './paths';
import { SLICE_MS, yieldToLoop, type PlanFiles } from './planFiles';

export const source = 'plan-as-code';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

/** `uriOf` turns the core's file names into uris, for the related places (the other team entries of an overallocation). */
export function toDiagnostic(d: PlanDiagnostic, uriOf?: (file: string) => string | undefined): Diagnostic {
  const related = uriOf && d.related?.flatMap((r) => {
    const uri = uriOf(r.file);
    return uri ? [{ location: { uri, range: r.range }, message: r.message }] : [];
  });
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source,
    message: d.message,
    ...(related && related.length > 0 ? { relatedInformation: related } : {}),
    ...(d.data ? { data: d.data } : {}),
  };
}

export class DiagnosticsPublisher {
  /** Uri → a signature of what was last published, so unchanged files are not sent again on every keystroke. */
  private readonly shown = new Map<string, string>();
  private latest = 0;
  private last: Analysis | undefined;

  /**
   * @param publishClean `all`: every plan file gets a publication, an empty list when it is clean (what
   *   every client can rely on, SPEC 13); `cleared`: a clean file only when it had problems published
   *   (protocol.ts PlanInitializationOptions)
   */
  constructor(
    private readonly connection: Connection,
    private readonly plans: PlanFiles,
    private readonly publishClean: PublishClean = 'all',
  ) {
    plans.onDidAnalyze((analysis) => void this.publish(analysis));
    plans.onDidChangeTeamFile(() => {
      const team = plans.teamFile;
      if (team) void connection.sendDiagnostics({ uri: team.uri, diagnostics: team.diagnostics.map((d) => toDiagnostic(d)) });
    });
  }

  /** Sends a file's diagnostics again with the next publication (a client may drop them for files it had not open). */
  resend(uri: string): void {
    this.shown.delete(uri);
    if (this.last) void this.publish(this.last);
  }

  private async publish(analysis: Analysis): Promise<void> {
    this.last = analysis;
    const publishing = ++this.latest;
    const byUri = new Map<string, PlanDiagnostic[]>();
    for (const uri of this.plans.uris) byUri.set(uri, []);
    const schema = this.plans.settings.schemaDiagnostics;
    for (const diagnostic of analysis.diagnostics) {
      if (!schema && diagnostic.code === 'schema') continue;
      const uri = this.plans.uriOf(diagnostic.file);
      if (uri) byUri.get(uri)?.push(diagnostic);
    }
    const sends: Array<[string, PlanDiagnostic[], string]> = [];
    for (const [uri, list] of byUri) {
      const signature = list.map(signatureOf).join('\n');
      const shown = this.shown.get(uri) ?? (this.publishClean === 'cleared' ? '' : undefined);
      if (shown !== signature) sends.push([uri, list, signature]);
    }
    // A file no longer in the plans is cleared. Not one whose uri the client now spells another way (it
    // opened the file: Neovim writes %c3%a9 where Node wrote %C3%A9): the client takes both for one file,
    // and an empty list sent under the old spelling would clear what was just published under the new.
    // A file now reached by another path (through a link) is cleared under the old one: that is another
    // file to the client, which would keep showing its last problems.
    let live: Map<string, string | undefined> | undefined; // key → path; made only when some uri shown is gone (seldom)
    for (const uri of this.shown.keys()) {
      if (byUri.has(uri)) continue;
      live ??= new Map([...byUri.keys()].map((liveUri) => [this.plans.paths.keyOf(liveUri), uriToPath(liveUri)]));
      const key = this.plans.paths.keyOf(uri);
      if (live.has(key) && live.get(key) === uriToPath(uri)) this.shown.delete(uri);
      else sends.push([uri, [], '']);
    }
    // In slices: the first analysis of a large workspace publishes thousands of files (an edit, a few).
    let sliceStart = performance.now();
    for (const [uri, list, signature] of sends) {
      if (byUri.has(uri)) this.shown.set(uri, signature);
      else this.shown.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: list.map((d) => toDiagnostic(d, (file) => this.plans.uriOf(file))) });
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToLoop();
        if (publishing !== this.latest) return;
        sliceStart = performance.now();
      }
    }
  }
}

function signatureOf(d: PlanDiagnostic): string {
  const { start, end } = d.range;
  // Related places move with edits of other files: they are part of what is published.
  const related = d.related?.map((r) => `${r.file}:${r.range.start.line}:${r.range.start.character}`).join(',') ?? '';
  return `${start.line}:${start.character}-${end.line}:${end.character} ${d.code} ${d.message} ${related}`;
}
