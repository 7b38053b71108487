/**
 * Every message between the extension and the roadmap webview: one union each way, keyed on `type`.
 * Messages from the webview are untrusted input: `parseWebviewMessage` accepts only well-formed ones
 * and, for `open`, only ids the roadmap actually shows.
 */
import type { DescriptionPart, LoadBasis, PeopleHeatmap, Range, RoadmapComparison, RoadmapModel, RoadmapOutline, RowCollapse, TreeRow } from '../core';

/** Extension → webview. */
export type ToWebview =
  /** The first frame's part of the model: sent to a page that has just said `ready`, before the model. */
  | { readonly type: 'outline'; readonly outline: RoadmapOutline }
  /** The roadmap to draw (state: the page always has the latest). */
  | { readonly type: 'model'; readonly model: RoadmapModel }
  /** Show one lane only (`program:<id>`), as the Plans view's "Open Roadmap" on a program asks (an event). */
  | { readonly type: 'focus'; readonly lane: string }
  /** The revision the roadmap is compared with, or null when not comparing (state, sent with each model). */
  | { readonly type: 'comparison'; readonly comparison: RoadmapComparison | null }
  /** The People tab's heatmap on the basis the page asked for (state, sent with each model while the page shows the tab). */
  | { readonly type: 'people'; readonly people: PeopleHeatmap }
  /** Show a tab (the command "Plan: Show People Load" asks for the People tab; an event). */
  | { readonly type: 'tab'; readonly tab: RoadmapTab };

/** The panel's tabs: the timeline with the rollup, and the people heatmap. */
export type RoadmapTab = 'timeline' | 'people';

/** How many over-capacity cells a `peopleRendered` report lists at most. */
export const MAX_REPORTED_CELLS = 200;

export type CopyFormat = 'markdown' | 'csv';

/** Webview → extension. */
export type FromWebview =
  /** The script is running and wants the model. */
  | { readonly type: 'ready' }
  /** Reveal where a project, program or milestone is defined. */
  | { readonly type: 'open'; readonly id: string }
  /** Put the rollup table on the clipboard. */
  | { readonly type: 'copy'; readonly format: CopyFormat }
  /**
   * A model was drawn: how many project bars it has and how many bar elements are in the DOM; while
   * comparing, how many ghost bars and slip labels are drawn and how many table rows have Δ cells.
   */
  | { readonly type: 'rendered'; readonly bars: number; readonly drawn: number; readonly rows: number; readonly ghosts?: number; readonly deltas?: number }
  /** The user stopped comparing from the page. */
  | { readonly type: 'stopComparing' }
  /** The page shows the People tab on this basis (it wants its heatmap, now and after every analysis), or no longer shows it (null). */
  | { readonly type: 'people'; readonly basis: LoadBasis | null }
  /** Reveal a person's definition or, with a project, the person's first team entry on it. */
  | { readonly type: 'openPerson'; readonly person: string; readonly project?: string }
  /**
   * A heatmap was drawn: its basis, how many people it has, how many cells and elements are in the DOM,
   * and the over-capacity cells drawn (person id, week as YYYY-MM-DD, the text written), for tests and diagnostics.
   */
  | {
      readonly type: 'peopleRendered';
      readonly basis: LoadBasis;
      readonly people: number;
      readonly cells: number;
      readonly elements: number;
      readonly over: ReadonlyArray<readonly [string, string, string]>;
    };

const MAX_ID_LENGTH = 1000;

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
const isBasis = (value: unknown): value is LoadBasis => value === 'plan' || value === 'forecast';
const isOverCell = (value: unknown): value is readonly [string, string, string] =>
  Array.isArray(value) && value.length === 3 && isId(value[0]) && typeof value[1] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value[1]) && typeof value[2] === 'string' && value[2].length <= 20;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000;

/**
 * The message, when it is one the webview may send and every field is as expected; else undefined.
 * `isKnownId` says whether an id is one the roadmap shows (others are never opened); `isKnownPerson`,
 * whether a person (and, with a project, their team entry on it) is one the heatmap shows.
 */
export function parseWebviewMessage(
  value: unknown,
  isKnownId: (id: string) => boolean,
  isKnownPerson: (person: string, project?: string) => boolean = () => false,
): FromWebview | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // Own properties only: a structured clone is a plain object, and nothing may come from a prototype.
  const message: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  const keys = Object.keys(message);
  const only = (...allowed: string[]) => keys.every((key) => allowed.includes(key));
  switch (message.type) {
    case 'ready':
      return only('type') ? { type: 'ready' } : undefined;
    case 'open':
      return only('type', 'id') && typeof message.id === 'string' && message.id.length <= MAX_ID_LENGTH && isKnownId(message.id)
        ? { type: 'open', id: message.id }
        : undefined;
    case 'copy':
      return only('type', 'format') && (message.format === 'markdown' || message.format === 'csv') ? { type: 'copy', format: message.format } : undefined;
    case 'rendered': {
      if (!only('type', 'bars', 'drawn', 'rows', 'ghosts', 'deltas') || !isCount(message.bars) || !isCount(message.drawn) || !isCount(message.rows)) return undefined;
      const counts = { type: 'rendered' as const, bars: message.bars, drawn: message.drawn, rows: message.rows };
      if (message.ghosts === undefined && message.deltas === undefined) return counts;
      return isCount(message.ghosts) && isCount(message.deltas) ? { ...counts, ghosts: message.ghosts, deltas: message.deltas } : undefined;
    }
    case 'stopComparing':
      return only('type') ? { type: 'stopComparing' } : undefined;
    case 'people':
      return only('type', 'basis') && (message.basis === null || isBasis(message.basis)) ? { type: 'people', basis: message.basis } : undefined;
    case 'openPerson': {
      if (!only('type', 'person', 'project') || !isId(message.person)) return undefined;
      if (message.project === undefined) return isKnownPerson(message.person) ? { type: 'openPerson', person: message.person } : undefined;
      return isId(message.project) && isKnownPerson(message.person, message.project) ? { type: 'openPerson', person: message.person, project: message.project } : undefined;
    }
    case 'peopleRendered': {
      const { basis, people, cells, elements, over } = message;
      if (!only('type', 'basis', 'people', 'cells', 'elements', 'over') || !isBasis(basis) || !isCount(people) || !isCount(cells) || !isCount(elements)) return undefined;
      if (!Array.isArray(over) || over.length > MAX_REPORTED_CELLS || !over.every(isOverCell)) return undefined;
      return { type: 'peopleRendered', basis, people, cells, elements, over: over.map((cell) => [cell[0], cell[1], cell[2]] as const) };
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Extension ↔ language server: the views' own requests (SPEC 13). The analysis runs in the server; the
// Plans and People views ask it for their rows and tooltips and draw them. Params are checked by the
// server, answers by the extension, with the functions below.

/** A row of the Plans or People view as the server sends it (core's TreeRow with its target as a uri). */
export type ViewRow = Readonly<Omit<TreeRow, 'target'> & { target?: Readonly<{ uri: string; range: Range; title: string }> }>;

export type TreeParams = Readonly<{ parent?: string }>;
export type TooltipParams = Readonly<{ id: string }>;
export type ReloadParams = Readonly<{ unsaved: readonly string[] }>;

/** Each request the views send: its params and its answer (null: nothing for that id, or the request came too early). */
export interface ViewRequests {
  /** The Plans view's rows under `parent` (the top rows without one). */
  'planAsCode/planTree': { params: TreeParams; result: ViewRow[] | null };
  /** A Plans view row's tooltip: the entity and its rolled-up figures, as Markdown and plain-text parts. */
  'planAsCode/planTooltip': { params: TooltipParams; result: DescriptionPart[] | null };
  /** The People view's rows: everyone, or a person's projects. */
  'planAsCode/peopleTree': { params: TreeParams; result: ViewRow[] | null };
  /** A person's tooltip. */
  'planAsCode/peopleTooltip': { params: TooltipParams; result: DescriptionPart[] | null };
  /**
   * Read every plan file from disk again but the documents open with unsaved changes (`unsaved`, their
   * uris); answered once the new analysis is in.
   */
  'planAsCode/reload': { params: ReloadParams; result: null };
  /** The roadmap's render model and, while comparing, its comparison; the uri of each file its sources name. */
  'planAsCode/roadmap': { params: Readonly<Record<string, never>>; result: RoadmapAnswer | null };
  /** The People tab's heatmap on a basis, with where each person and team entry it shows is written. */
  'planAsCode/peopleHeatmap': { params: Readonly<{ basis: LoadBasis }>; result: HeatmapAnswer | null };
  /** The branches, tags and recent commits that changed plans, to choose what to compare with (runs git). */
  'planAsCode/compareChoices': { params: GitParams; result: CompareChoices };
  /** Compare with `ref` from now on (runs git), or stop comparing (null); what is compared after. */
  'planAsCode/compare': { params: CompareParams; result: Compared };
  /** The steering report's HTML; with `history`, its changes and trend from git (runs git). */
  'planAsCode/report': { params: ReportParams; result: ReportAnswer | null };
  /** Plan: Export…: the whole workspace in one format, with what the command reports about it. */
  'planAsCode/export': { params: ExportParams; result: ExportAnswer | null };
  /**
   * Plan: Import…: the plan files that importing these sources into `folder` makes, checked together with
   * the workspace's plans (the extension reads the sources and writes the files), or why nothing is written.
   */
  'planAsCode/import': { params: ImportParams; result: ImportAnswer | null };
  /** Plan: Update Actuals from CSV…: the changes a CSV of actuals makes, and the edits that make them. */
  'planAsCode/actuals': { params: ActualsParams; result: ActualsAnswer | null };
}

export type ReportParams = Readonly<{ history?: GitParams }>;
export type ReportAnswer = Readonly<{ html: string; statusDate: number; errors: number }>;

/** A place in a file, by uri. */
export type Place = Readonly<{ uri: string; range: Range }>;

export type RoadmapAnswer = Readonly<{ model: RoadmapModel; comparison: RoadmapComparison | null; uris: Readonly<Record<string, string>> }>;

export type HeatmapAnswer = Readonly<{
  heatmap: PeopleHeatmap;
  /** Each person the heatmap shows, where defined. */
  people: Readonly<Record<string, Place>>;
  /** Each person's first team entry on a project (by teamEntryKey), its `person:` value. */
  entries: Readonly<Record<string, Place>>;
}>;

/** The `git` to run: VS Code's user setting `git.path`, when set (never a workspace's). */
export type GitParams = Readonly<{ gitPath?: string }>;
export type CompareParams = Readonly<{ ref: string | null; gitPath?: string }>;
/** What the roadmap is compared with: a ref and the commit it named when read; null when not comparing. */
export type Compared = Readonly<{ ref: string; commit: string }> | null;
export type CompareChoices = Readonly<{
  refs: ReadonlyArray<Readonly<{ name: string; kind: 'branch' | 'remote' | 'tag'; commit: string }>>;
  commits: ReadonlyArray<Readonly<{ commit: string; date: string; subject: string }>>;
}>;

/** Server → extension when what is compared changes on its own (the ref moved and was read again, or is gone: `problem`). */
export const comparedNotification = 'planAsCode/compared';
export type ComparedParams = Readonly<{ compared: Compared; problem?: string }>;
export type ViewRequest = keyof ViewRequests;
/** The requests of Import, Export and Update Actuals (answered by src/shared/interopAnswers.ts). */
export type InteropRequest = 'planAsCode/export' | 'planAsCode/import' | 'planAsCode/actuals';

/**
 * What a client may ask for in `initializationOptions` (anything else there is ignored):
 * - `views: true` — the notifications below (the VS Code extension's views); other editors never see them;
 * - `publishClean: 'cleared'` — an empty list of diagnostics only for a file whose problems had been
 *   published, not for every clean plan file (the default, `'all'`, is what every client can rely on,
 *   SPEC 13). VS Code has nothing to clear for the others, and the first analysis of the 10,000-project
 *   workspace sent it 2,600 empty lists: vscode-languageclient queues them and takes each from the front
 *   of a Map whose iterator skips every entry deleted before it, one task of 65–78 ms on the extension host.
 */
export type PlanInitializationOptions = Readonly<{ views?: boolean; publishClean?: PublishClean }>;
export type PublishClean = 'all' | 'cleared';

/** Reads a client's `initializationOptions` (any JSON) as far as it says what this server knows. */
export function planInitializationOptions(value: unknown): { views: boolean; publishClean: PublishClean } {
  const options = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { views: options.views === true, publishClean: options.publishClean === 'cleared' ? 'cleared' : 'all' };
}

/** Server → extension after every analysis of the whole workspace that changed something (the views fetch again); only with `views: true`. */
export const analyzedNotification = 'planAsCode/analyzed';

/**
 * What came with an analysis: `unchanged` names the views whose rows, as the client last fetched them, are
 * all the same after it (the People view after most edits of values: nobody's load moved), so that the
 * client need not fetch and draw them again. Absent: anything may have changed.
 */
export type AnalyzedParams = Readonly<{ unchanged?: readonly 'people'[] }>;

export function parseAnalyzedParams(value: unknown): AnalyzedParams {
  if (!isPlainObject(value) || !Array.isArray((value as { unchanged?: unknown }).unchanged)) return {};
  return { unchanged: ((value as { unchanged: unknown[] }).unchanged).filter((view): view is 'people' => view === 'people') };
}

const isRange = (value: unknown): value is Range => {
  if (typeof value !== 'object' || value === null) return false;
  const { start, end } = value as Record<string, unknown>;
  const isPosition = (p: unknown) =>
    typeof p === 'object' && p !== null && Number.isInteger((p as Record<string, unknown>).line) && Number.isInteger((p as Record<string, unknown>).character);
  return isPosition(start) && isPosition(end);
};
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const COLLAPSE: readonly RowCollapse[] = ['none', 'collapsed', 'expanded'];

/** The params of a tree request, when well-formed (a parent id of at most MAX_ID_LENGTH characters, or none). */
export function parseTreeParams(value: unknown): TreeParams | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { parent, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (parent === undefined || parent === null) return {};
  return isId(parent) ? { parent } : undefined;
}

/** The params of a tooltip request, when well-formed. */
export function parseTooltipParams(value: unknown): TooltipParams | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isId(id) ? { id } : undefined;
}

/** The rows of a tree answer, when every row is well-formed; null stays null. */
export function parseViewRows(value: unknown): ViewRow[] | null | undefined {
  if (value === null) return null;
  if (!Array.isArray(value)) return undefined;
  for (const row of value as unknown[]) {
    if (typeof row !== 'object' || row === null) return undefined;
    const r = row as Record<string, unknown>;
    if (!isId(r.id) || typeof r.label !== 'string' || !optionalString(r.description) || !optionalString(r.tooltip) || typeof r.contextValue !== 'string' || !optionalString(r.entity)) return undefined;
    if (!COLLAPSE.includes(r.collapse as RowCollapse)) return undefined;
    const icon = r.icon as Record<string, unknown> | undefined;
    if (icon !== undefined && (typeof icon !== 'object' || icon === null || typeof icon.name !== 'string' || !optionalString(icon.color))) return undefined;
    const target = r.target as Record<string, unknown> | undefined;
    if (target !== undefined && (typeof target !== 'object' || target === null || typeof target.uri !== 'string' || typeof target.title !== 'string' || !isRange(target.range))) return undefined;
  }
  return value as ViewRow[];
}

/** The parts of a tooltip answer, when well-formed; null stays null. */
export function parseDescription(value: unknown): DescriptionPart[] | null | undefined {
  if (value === null) return null;
  if (!Array.isArray(value)) return undefined;
  const ok = (value as unknown[]).every(
    (part) => typeof part === 'object' && part !== null && ((part as DescriptionPart).kind === 'markdown' || (part as DescriptionPart).kind === 'text') && typeof (part as DescriptionPart).value === 'string',
  );
  return ok ? (value as DescriptionPart[]) : undefined;
}

const MAX_UNSAVED = 100_000;
const MAX_URI_LENGTH = 8192;

/** The params of a reload, when well-formed (at most MAX_UNSAVED uris of at most MAX_URI_LENGTH characters). */
export function parseReloadParams(value: unknown): ReloadParams | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { unsaved, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !Array.isArray(unsaved) || unsaved.length > MAX_UNSAVED) return undefined;
  return unsaved.every((uri) => typeof uri === 'string' && uri.length > 0 && uri.length <= MAX_URI_LENGTH) ? { unsaved: unsaved as string[] } : undefined;
}

/** The answer of a request that answers nothing. */
export function parseNull(value: unknown): null | undefined {
  return value === null ? null : undefined;
}

const MAX_REF_LENGTH = 1000;
const isOptionalPath = (value: unknown) => value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= MAX_URI_LENGTH);
const isRecordOf = (value: unknown, check: (v: unknown) => boolean) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check);
const isPlace = (value: unknown) => typeof value === 'object' && value !== null && typeof (value as Place).uri === 'string' && isRange((value as Place).range);
const isPlainObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The params of a request that takes none. */
export function parseNoParams(value: unknown): Readonly<Record<string, never>> | undefined {
  if (value === undefined || value === null) return {};
  return isPlainObject(value) && Object.keys(value as object).length === 0 ? {} : undefined;
}

export function parseBasisParams(value: unknown): Readonly<{ basis: LoadBasis }> | undefined {
  if (!isPlainObject(value)) return undefined;
  const { basis, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isBasis(basis) ? { basis } : undefined;
}

export function parseGitParams(value: unknown): GitParams | undefined {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) return undefined;
  const { gitPath, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !isOptionalPath(gitPath)) return undefined;
  return gitPath === undefined ? {} : { gitPath: gitPath as string };
}

export function parseCompareParams(value: unknown): CompareParams | undefined {
  if (!isPlainObject(value)) return undefined;
  const { ref, gitPath, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || !isOptionalPath(gitPath)) return undefined;
  // A ref is never an option to git (it would be read as one): no leading '-'.
  if (ref !== null && (typeof ref !== 'string' || ref.trim() === '' || ref.length > MAX_REF_LENGTH || ref.startsWith('-'))) return undefined;
  return gitPath === undefined ? { ref } : { ref, gitPath: gitPath as string };
}

/**
 * A roadmap answer, when its shape is right: the model and the comparison are the server's own render
 * data (drawn as text by the page, never as HTML), so their shape is checked, not every field.
 */
export function parseRoadmapAnswer(value: unknown): RoadmapAnswer | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value)) return undefined;
  const { model, comparison, uris } = value as Record<string, unknown>;
  if (!isPlainObject(model) || !Array.isArray((model as RoadmapModel).bars) || !Array.isArray((model as RoadmapModel).lanes)) return undefined;
  if (comparison !== null && !isPlainObject(comparison)) return undefined;
  return isRecordOf(uris, (uri) => typeof uri === 'string') ? (value as RoadmapAnswer) : undefined;
}

export function parseHeatmapAnswer(value: unknown): HeatmapAnswer | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value)) return undefined;
  const { heatmap, people, entries } = value as Record<string, unknown>;
  if (!isPlainObject(heatmap) || !isRecordOf(people, isPlace) || !isRecordOf(entries, isPlace)) return undefined;
  return value as HeatmapAnswer;
}

export function parseCompareChoices(value: unknown): CompareChoices | undefined {
  if (!isPlainObject(value)) return undefined;
  const { refs, commits } = value as Record<string, unknown>;
  const ok =
    Array.isArray(refs) &&
    refs.every((r) => isPlainObject(r) && typeof r.name === 'string' && ['branch', 'remote', 'tag'].includes(r.kind as string) && typeof r.commit === 'string') &&
    Array.isArray(commits) &&
    commits.every((c) => isPlainObject(c) && typeof c.commit === 'string' && typeof c.date === 'string' && typeof c.subject === 'string');
  return ok ? (value as CompareChoices) : undefined;
}

export function parseCompared(value: unknown): Compared | undefined {
  if (value === null) return null;
  return isPlainObject(value) && typeof (value as { ref: unknown }).ref === 'string' && typeof (value as { commit: unknown }).commit === 'string'
    ? { ref: (value as { ref: string }).ref, commit: (value as { commit: string }).commit }
    : undefined;
}

export function parseComparedParams(value: unknown): ComparedParams | undefined {
  if (!isPlainObject(value)) return undefined;
  const { compared, problem } = value as Record<string, unknown>;
  const parsed = parseCompared(compared);
  if (parsed === undefined || (problem !== undefined && typeof problem !== 'string')) return undefined;
  return problem === undefined ? { compared: parsed } : { compared: parsed, problem: problem as string };
}

export function parseReportParams(value: unknown): ReportParams | undefined {
  if (!isPlainObject(value)) return undefined;
  const { history, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (history === undefined) return {};
  const git = parseGitParams(history);
  return git && history !== null ? { history: git } : undefined;
}

export function parseReportAnswer(value: unknown): ReportAnswer | null | undefined {
  if (value === null) return null;
  if (!isPlainObject(value)) return undefined;
  const { html, statusDate, errors } = value as Record<string, unknown>;
  return typeof html === 'string' && Number.isInteger(statusDate) && isCount(errors) ? { html, statusDate: statusDate as number, errors } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Extension ↔ language server: Plan: Import…, Plan: Export… and Plan: Update Actuals from CSV… (SPEC 12
// in VS Code). The server parses and analyses; the extension reads the input files, writes the output
// files and applies the edits. Answered from the analysis by src/shared/interopAnswers.ts.

export const exportFormats = ['mspdi', 'tjp', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportParams = Readonly<{ format: ExportFormat }>;
export type ExportAnswer = Readonly<{
  text: string;
  /** What the format could not hold (the output channel's lines). */
  notes: string[];
  programs: number;
  projects: number;
  milestones: number;
  /** The errors in the plans exported. */
  errors: number;
}>;

/** An input file: `name` as the messages show it, `fileName` its base name (the program's id comes from it), its text. */
export type ImportSource = Readonly<{ name: string; fileName: string; text: string }>;
/** The sources, and the folder (a uri) the plan files are to be written into. */
export type ImportParams = Readonly<{ sources: readonly ImportSource[]; folder: string }>;
/** A plan file to write: its name in the folder, its text, what it holds. */
export type ImportedFile = Readonly<{ name: string; text: string; summary: string }>;
/** The files to write and what could not be carried over, or the message saying why nothing is written. */
export type ImportAnswer = Readonly<{ files: ImportedFile[]; notCarried: string[] }> | Readonly<{ error: string }>;

/** The CSV's text, and its name as the messages show it. */
export type ActualsParams = Readonly<{ csv: string; source: string }>;
export type ActualsChangeLine = Readonly<{ id: string; field: string; before: string | null; after: string; file: string }>;
/**
 * A file's edits: `file` is the core's name for it, `fingerprint` that of the text the edits were
 * located in (textFingerprint), so the extension applies them only to that very text.
 */
export type ActualsFileEdits = Readonly<{ uri: string; file: string; fingerprint: string; edits: Array<Readonly<{ range: Range; text: string }>> }>;
export type ActualsAnswer = Readonly<{ changes: ActualsChangeLine[]; files: ActualsFileEdits[] }> | Readonly<{ error: string }>;

/** Longest text a request carries (an input file, a CSV), in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;
/** Most input files one import takes. */
export const MAX_SOURCES = 1000;
const MAX_NAME_LENGTH = 4096;

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT_LENGTH;
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((line) => typeof line === 'string');
/** An object with exactly these own keys. */
function fields(value: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const own = Object.keys(value);
  if (own.some((key) => !keys.includes(key)) || keys.some((key) => !Object.prototype.hasOwnProperty.call(value, key))) return undefined;
  return value as Record<string, unknown>;
}

/** The params of an export, when well-formed (a format export writes). */
export function parseExportParams(value: unknown): ExportParams | undefined {
  const params = fields(value, ['format']);
  return params && (exportFormats as readonly unknown[]).includes(params.format) ? { format: params.format as ExportFormat } : undefined;
}

/** The params of an import, when well-formed: 1 to MAX_SOURCES sources of at most MAX_TEXT_LENGTH each, and a folder uri. */
export function parseImportParams(value: unknown): ImportParams | undefined {
  const params = fields(value, ['sources', 'folder']);
  if (!params || !isName(params.folder) || !Array.isArray(params.sources) || params.sources.length === 0 || params.sources.length > MAX_SOURCES) return undefined;
  const sources: ImportSource[] = [];
  for (const item of params.sources as unknown[]) {
    const source = fields(item, ['name', 'fileName', 'text']);
    if (!source || !isName(source.name) || !isName(source.fileName) || !isText(source.text)) return undefined;
    sources.push({ name: source.name, fileName: source.fileName, text: source.text });
  }
  return { sources, folder: params.folder };
}

/** The params of an actuals request, when well-formed (a CSV of at most MAX_TEXT_LENGTH, its name). */
export function parseActualsParams(value: unknown): ActualsParams | undefined {
  const params = fields(value, ['csv', 'source']);
  return params && isText(params.csv) && isName(params.source) ? { csv: params.csv, source: params.source } : undefined;
}

/** An export's answer, when well-formed; null stays null. */
export function parseExportAnswer(value: unknown): ExportAnswer | null | undefined {
  if (value === null) return null;
  const answer = fields(value, ['text', 'notes', 'programs', 'projects', 'milestones', 'errors']);
  if (!answer || typeof answer.text !== 'string' || !isStrings(answer.notes)) return undefined;
  return isCount(answer.programs) && isCount(answer.projects) && isCount(answer.milestones) && isCount(answer.errors) ? (answer as ExportAnswer) : undefined;
}

/** A message saying why nothing is done, when the answer is one. */
const refusal = (value: unknown): Readonly<{ error: string }> | undefined => {
  const answer = fields(value, ['error']);
  return answer && typeof answer.error === 'string' && answer.error.length > 0 ? { error: answer.error } : undefined;
};
/** A plan file's name in the folder: one path segment, never `..`. */
const isFileName = (value: unknown): value is string => isName(value) && !/[/\\]/.test(value) && value !== '.' && value !== '..';

/** An import's answer, when well-formed (file names are single names inside the folder); null stays null. */
export function parseImportAnswer(value: unknown): ImportAnswer | null | undefined {
  if (value === null) return null;
  const refused = refusal(value);
  if (refused) return refused;
  const answer = fields(value, ['files', 'notCarried']);
  if (!answer || !Array.isArray(answer.files) || !isStrings(answer.notCarried)) return undefined;
  const ok = (answer.files as unknown[]).every((item) => {
    const file = fields(item, ['name', 'text', 'summary']);
    return file !== undefined && isFileName(file.name) && typeof file.text === 'string' && typeof file.summary === 'string';
  });
  return ok ? (answer as ImportAnswer) : undefined;
}

/** An actuals answer, when well-formed; null stays null. */
export function parseActualsAnswer(value: unknown): ActualsAnswer | null | undefined {
  if (value === null) return null;
  const refused = refusal(value);
  if (refused) return refused;
  const answer = fields(value, ['changes', 'files']);
  if (!answer || !Array.isArray(answer.changes) || !Array.isArray(answer.files)) return undefined;
  const changesOk = (answer.changes as unknown[]).every((item) => {
    const change = fields(item, ['id', 'field', 'before', 'after', 'file']);
    return change !== undefined && isName(change.id) && isName(change.field) && (change.before === null || typeof change.before === 'string') && typeof change.after === 'string' && isName(change.file);
  });
  const filesOk = (answer.files as unknown[]).every((item) => {
    const file = fields(item, ['uri', 'file', 'fingerprint', 'edits']);
    if (!file || !isName(file.uri) || !isName(file.file) || !isName(file.fingerprint) || !Array.isArray(file.edits)) return false;
    return (file.edits as unknown[]).every((edit) => {
      const one = fields(edit, ['range', 'text']);
      return one !== undefined && isRange(one.range) && typeof one.text === 'string';
    });
  });
  return changesOk && filesOk ? (answer as ActualsAnswer) : undefined;
}

/**
 * Each of the views' requests with its two checks, in one table: `params` runs in the server before it
 * answers (InvalidParams otherwise), `result` in the extension before it draws the answer.
 */
export const viewRequestChecks: {
  readonly [M in ViewRequest]: {
    readonly params: (value: unknown) => ViewRequests[M]['params'] | undefined;
    readonly result: (value: unknown) => ViewRequests[M]['result'] | undefined;
  };
} = {
  'planAsCode/planTree': { params: parseTreeParams, result: parseViewRows },
  'planAsCode/peopleTree': { params: parseTreeParams, result: parseViewRows },
  'planAsCode/planTooltip': { params: parseTooltipParams, result: parseDescription },
  'planAsCode/peopleTooltip': { params: parseTooltipParams, result: parseDescription },
  'planAsCode/reload': { params: parseReloadParams, result: parseNull },
  'planAsCode/roadmap': { params: parseNoParams, result: parseRoadmapAnswer },
  'planAsCode/peopleHeatmap': { params: parseBasisParams, result: parseHeatmapAnswer },
  'planAsCode/compareChoices': { params: parseGitParams, result: parseCompareChoices },
  'planAsCode/compare': { params: parseCompareParams, result: parseCompared },
  'planAsCode/report': { params: parseReportParams, result: parseReportAnswer },
  'planAsCode/export': { params: parseExportParams, result: parseExportAnswer },
  'planAsCode/import': { params: parseImportParams, result: parseImportAnswer },
  'planAsCode/actuals': { params: parseActualsParams, result: parseActualsAnswer },
};
