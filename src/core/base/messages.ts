/**
 * Every message text the core produces, keyed; arguments carry the ids, dates and figures to name.
 * Messages name ids and dates in the words a program manager uses.
 */
const list = (items: readonly string[]): string => items.map((item) => `'${item}'`).join(', ');
/**
 * "1 day", "2 days": the one way a count of things is written, everywhere. Diagnostics write the count as
 * digits (a message names "9999 days" as a search finds it); views pass `grouped` ("1,250 projects").
 */
export function plural(count: number, word: string, grouped = false): string {
  return `${grouped ? formatAmount(count) : count} ${word}${count === 1 ? '' : 's'}`;
}
/** 1234567.5 → "1,234,567.5" (toLocaleString is far slower, and this runs for every money message). */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const [whole, fraction] = Math.abs(value).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction === '00' ? '' : `.${fraction.replace(/0$/, '')}`;
  return `${value < 0 && (whole !== '0' || fraction !== '00') ? '-' : ''}${grouped}${decimals}`;
}
const money = formatAmount;

/** Every message text, keyed; arguments carry the ids, dates and figures to name. */
export const messages = {
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  /** The YAML parser's words for a mistake, in a plan writer's where they are known (else as it says them). */
  yamlDetail: (code: string, detail: string): string => {
    // The parser quotes what follows \x, \u and \U too ("\Users\me\""): the escape is the backslash and one character.
    const escape = /^Invalid escape sequence (\\.)/.exec(detail);
    if (code === 'BAD_DQ_ESCAPE' && escape) return `${escape[1]} is not an escape in double-quoted text; write \\\\ for a backslash, or put the text in single quotes`;
    if (code === 'MULTIPLE_ANCHORS') return 'a value can have one anchor (&name) only; remove the others';
    if (code === 'MULTIPLE_TAGS') return 'a value can have one tag (!name) only; remove the others';
    if (/^Unexpected block-seq-ind on same line with key/.test(detail)) return "a list cannot start on its key's line; put each '- item' on a line of its own under the key, or write [a, b]";
    if (code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(detail)) return "a list item ('- …') stands where the mapping's keys are; indent it under the key it belongs to";
    return detail;
  },
  tooManyAliases: (limit: number) => `This document expands YAML aliases more than ${limit} times; it is not read (alias bomb?)`,
  tooDeep: (limit: number) => `This document nests deeper than ${limit} levels; it is not read`,
  notUtf8: (encoding: string) => `This file is saved as ${encoding}; plan files are UTF-8: save it as UTF-8 (it is not read)`,
  fileTooLarge: (size: number, limit: number) =>
    `This file is ${money(size)} bytes, above the limit of ${money(limit)} bytes; it is not read`,
  complexKey: () => 'Keys must be plain scalars',
  tabIndent: (spaces: number, sibling?: string) =>
    `This line is indented with a tab; indent with spaces (it is read as ${plural(spaces, 'space')}${sibling ? `, in line with '${sibling}' above` : ''})`,
  misindentedKey: (key: string, spaces: number, expected: number, sibling?: string, where: 'above' | 'below' = 'above') =>
    `'${key}' is indented ${plural(spaces, 'space')} but the keys around it use ${expected}` + (sibling ? `; line it up with '${sibling}' ${where}` : ''),
  misindentedItem: (spaces: number, expected: number) =>
    `This list item is indented ${plural(spaces, 'space')} but the items around it use ${expected}; line its '-' up with theirs`,
  missingColon: (key: string, value: string) => `This line has no ':' after '${key}', so it is not read; write '${key}: ${value}'`,
  missingSpace: (key: string, value: string) => `This line needs a space after the ':' of '${key}'; write '${key}: ${value}'`,
  colonInValue: (key: string) => `The value of '${key}' has ': ' in it, which YAML reads as another key; put the value in quotes`,
  missingColonOfBlock: (key: string) => `This line has no ':' after '${key}'; write '${key}:' (the lines under it are read as its value)`,
  misindentedText: (spaces: number, expected: number) =>
    `This first line of the text is indented ${plural(spaces, 'space')} but the lines after it use ${expected}; line it up with them`,
  textAfterBlockHeader: (header: string) => `Nothing may follow '${header}' on its line (the text starts on the next line); remove this`,
  indentedDocumentStart: () => "'---' starts a new document only at the start of a line; remove the spaces before it",
  misindentedTextLine: (spaces: number, expected: number) =>
    `This line of the text is indented ${plural(spaces, 'space')} but the text above it uses ${expected}; line it up with the text above`,
  valueWithEntries: (key: string, value: string) =>
    `'${key}' has the value ${value} but also entries under it; remove the value (the entries under it are read)`,
  notAnEntry: () => "This line is not a 'key: value' entry, so it is not read",
  unclosedFlow: (bracket: string, closing: string) =>
    `The ${bracket === '[' ? 'list' : 'mapping'} opened with '${bracket}' is not closed on its line; end it with '${closing}'`,
  reservedStart: (character: string) => `A value cannot start with '${character}' in YAML; put the value in quotes`,
  textAfterClose: (closer: string) => `This text comes after the closing ${closer} and is not read; remove it (or put the whole value in quotes)`,
  unclosedQuote: (quote: string) => `The text opened with ${quote} is not closed on its line; end it with ${quote}`,
  duplicateKey: (key: string) => `'${key}' is written twice in this mapping; keep one (neither is read until then)`,
  unreadLine: (detail: string) => `This line is not valid YAML, so it is not read: ${detail}`,

  settingsNotMapping: (file: string) => `${file} must be a mapping of settings (version, health, defaultCurrency)`,
  settingsThreshold: (key: string) => `${key} must be a number from 0 to 2, like 0.9`,
  settingsSlipDays: (key: string, value: string, fallback: number) =>
    `${key} ${value} is not a number of days (expected a number 0 or more, like 30); the default ${fallback} is used`,
  qualityThreshold: (key: string, given: string, fallback: number) => `${key} must be a number of 0 or more, not ${given}; the default ${fallback} is used`,
  settingsThresholdOrder: (amber: number, red: number, redIsDefault = false) =>
    `health.amberBelow (${amber}) must not be below health.redBelow (${red}${redIsDefault ? ', the default' : ''}): amber is the band between the two`,
  settingsSlipOrder: (amber: number, red: number, redIsDefault = false) =>
    `health.slipAmberDays (${amber}) must not be above health.slipRedDays (${red}${redIsDefault ? ', the default' : ''}): amber is the band between the two`,
  settingsDocuments: (file: string, count: number) => `${file} holds ${count} YAML documents; write its settings in one (the others are not read)`,
  rootNotMapping: () => 'A plan document must be a mapping with a portfolio, program or project key',
  noRootEntity: () => 'A plan document needs one of portfolio, program or project (or only people)',
  severalRootEntities: (keys: readonly string[]) =>
    `A plan document has exactly one of portfolio, program or project, not ${keys.join(' and ')}`,
  unknownKey: (key: string, where: string) => `Unknown key '${key}' in ${where} (user extensions start with 'x-')`,
  unknownKeyDidYouMean: (key: string, where: string, suggestion: string) => `Unknown key '${key}' in ${where}; did you mean '${suggestion}'?`,
  /** A number written as text, with how to write it: `write 1400000 — no thousands separators`. */
  numberAsText: (where: string, expected: string, written: string, reasons: readonly string[]) =>
    `${where} must be ${expected}: write ${written} — ${reasons.join(', ')}`,
  unresolvedAlias: (name: string) => `The alias *${name} names no anchor: write &${name} on the value it repeats, before it in this document`,
  missingKey: (key: string, where: string) => `Missing required key '${key}' in ${where}`,
  /** The keys a mapping lacks, in one error: `'name'`, `'name' and 'date'`, `'a', 'b' and 'c'`. */
  missingKeys: (keys: readonly string[], where: string) =>
    keys.length === 1 ? `Missing required key '${keys[0]}' in ${where}` : `Missing required keys ${keys.slice(0, -1).map((k) => `'${k}'`).join(', ')} and '${keys[keys.length - 1]}' in ${where}`,
  wrongType: (expected: string, where: string) => `${where} must be ${expected}`,
  badEnum: (allowed: readonly string[], where: string) => `${where} must be one of ${list(allowed)}`,
  badEnumDidYouMean: (allowed: readonly string[], where: string, meant: string) => `${where} must be one of ${list(allowed)}; did you mean '${meant}'?`,
  badDate: (where: string) => `${where} must be a real calendar date written YYYY-MM-DD`,
  badPattern: (where: string, hint: string) => `${where} ${hint}`,
  outOfRange: (where: string, comparison: string, limit: number) => `${where} must be ${comparison} ${limit}`,
  badConst: (where: string, value: unknown) => `${where} must be ${JSON.stringify(value)}`,
  schemaOther: (where: string, detail: string) => `${where} ${detail}`,
  nestedProgramMismatch: (kind: string, id: string, nestedIn: string, declared: string) =>
    `${kind} '${id}' is nested in '${nestedIn}' but says '${declared}'`,

  duplicateId: (id: string, count: number, elsewhere: string) =>
    `Id '${id}' is defined ${count} times (also at ${elsewhere}); ids must be unique across the workspace`,
  unknownReference: (field: string, name: string, expected: string, suggestion?: string) =>
    `${field} '${name}' names no ${expected}${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
  wrongKindReference: (field: string, name: string, expected: string, actual: string) =>
    `${field} '${name}' is ${/^[aeiou]/.test(actual) ? 'an' : 'a'} ${actual}, not ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`,
  dependencyCycle: (from: string, to: string, cycle: readonly string[]) =>
    `'${from}' depends on '${to}', which closes a dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`,
  unscheduledStart: (id: string) => `Project '${id}' has no start: give a start or depends_on`,
  unscheduledEnd: (id: string) => `Project '${id}' has no end: give an end or a duration`,
  dateConflict: (id: string, start: string, duration: string, expected: string, end: string) =>
    `Project '${id}': start ${start} plus duration ${duration} ends ${expected}, but end is ${end}`,
  endBeforeStart: (what: string, end: string, start: string) => `${what} ends ${end}, before it starts ${start}`,
  dependencyViolation: (project: string, date: string, dependency: string, dependencyEnd: string) =>
    `Project '${project}' starts ${date}, not after '${dependency}' ends ${dependencyEnd}`,
  milestoneDependencyViolation: (id: string, date: string, dependency: string, dependencyEnd: string) =>
    `Milestone '${id}' on ${date} comes before '${dependency}' ends ${dependencyEnd}`,
  projectOutsideProgram: (project: string, start: string, end: string, program: string, windowStart: string, windowEnd: string) =>
    `Project '${project}' (${start} – ${end}) lies outside program '${program}' window ${windowStart} – ${windowEnd}`,
  milestoneOutside: (milestone: string, date: string, owner: string, start: string, end: string) =>
    `Milestone '${milestone}' on ${date} lies outside ${owner} (${start} – ${end})`,
  overBudget: (program: string, total: number, budget: number, currency: string) =>
    `Projects of program '${program}' have a budget at completion of ${money(total)} ${currency}, above the program budget of ${money(budget)} ${currency}`,
  forecastOverBudget: (program: string, total: number, budget: number, currency: string) =>
    `Projects of program '${program}' are forecast to cost ${money(total)} ${currency} (EAC), above the program budget of ${money(budget)} ${currency}`,
  overspent: (project: string, spent: number, bac: number, currency: string) =>
    `Project '${project}' has spent ${money(spent)} ${currency}, more than its budget at completion of ${money(bac)} ${currency}`,
  missedMilestone: (milestone: string, date: string, statusDate: string) =>
    `Milestone '${milestone}' was due ${date} and is not done (status date ${statusDate})`,
  unmitigatedRisk: (risk: string, score: number) => `Open high risk '${risk}' (score ${score}) has no mitigation`,
  /** One period over capacity (SPEC 6, 10): the person, the days, the peak against the capacity, each project with its allocation. */
  overallocated: (person: string, from: string, to: string, peak: number, capacity: number, projects: readonly string[], remedies: readonly string[]) =>
    (capacity === 0
      ? `'${person}' has a capacity of 0%, so any allocation is over it: allocated ${from === to ? `on ${from}` : `from ${from} to ${to}`} (a peak of ${peak}%)`
      : `'${person}' is over capacity ${from === to ? `on ${from}` : `from ${from} to ${to}`}: a peak of ${peak}% against a capacity of ${capacity}%`) +
    `, on ${projects.join(', ')}` +
    (remedies.length > 0 ? `. ${remedies.join('; or ')}` : ''),
  /** A project and a person's allocation on it, in an overallocated message. */
  allocationOn: (project: string, allocation: number) => `'${project}' ${allocation}%`,
  shiftResolves: (project: string, days: number, start: string, float: number) =>
    `Starting '${project}' ${plural(days, 'day')} later (${start}) resolves it, within its ${plural(float, 'day')} of float`,
  shiftBlocked: (project: string, days: number, float: number) =>
    `Starting '${project}' ${plural(days, 'day')} later would resolve it, within its ${plural(float, 'day')} of float, but its start follows its depends_on: move what it depends on, or give it a start`,
  shiftFixTitle: (project: string, days: number, start: string) => `Start '${project}' ${plural(days, 'day')} later (${start})`,
  /** The related place of another team entry of the period. */
  overallocatedAlso: (project: string, allocation: number, start: string, end: string) => `'${project}' ${allocation}%, ${start} – ${end}`,
  statusMismatch: (what: string, declared: string, computed: string, reasons: readonly string[]) =>
    `${what} is declared ${declared} but computes as ${computed}: ${reasons.join('; ')}`,
  doneNotComplete: (project: string, progress: number) => `Project '${project}' is done but its progress is ${progress}%`,
  completeNotDone: (project: string, state: string) => `Project '${project}' has progress 100% but its state is ${state}`,
  unknownPerson: (field: string, name: string, suggestion?: string) =>
    `${field} '${name}' is not a person of the people registry${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
  currencyMismatch: (portfolio: string, currencies: readonly string[]) =>
    `Programs of portfolio '${portfolio}' use different currencies: ${currencies.join(', ')}`,
  milestoneAtRisk: (milestone: string, date: string, forecast: string, days: number, waitsFor: string, rootCause?: string) =>
    `Milestone '${milestone}' is due ${date} but forecast ${forecast} (${plural(days, 'day')} late): it waits for ${waitsFor}` +
    (rootCause ? `; ${rootCause}` : ''),
  /** What a late milestone waits for: a project forecast to end, a cancelled project's end, another milestone. */
  waitsForProject: (project: string, finish: string) => `'${project}', forecast to end ${finish}`,
  waitsForCancelled: (project: string, finish: string) => `'${project}' (cancelled), which was to end ${finish}`,
  waitsForMilestone: (milestone: string, finish: string) => `milestone '${milestone}', forecast for ${finish}`,
  slipStartsAtOwnPace: (project: string, spi: string, days: number) =>
    `the slip starts at '${project}', ${plural(days, 'day')} late at its own pace (SPI ${spi})`,
  slipStartsAtStatusDate: (project: string, days: number) => `the slip starts at '${project}', not finished by the status date (${plural(days, 'day')} late)`,
  statusDateMismatch: (declared: string, latest: string, where: string, given?: string) =>
    `status_date ${declared} differs from the workspace's status date ${latest}, the latest declared (${where}); ` +
    (given ? `figures use the status date given, ${given}` : `every figure uses ${latest}`),
  overdueIssue: (issue: string, due: string, statusDate: string, days: number) =>
    `Open issue '${issue}' was due ${due}, ${plural(days, 'day')} before the status date ${statusDate}`,
} as const;
