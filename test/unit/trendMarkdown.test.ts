/**
 * `trend --format md` (SPEC 8): a table per program, its figure columns named and formatted by the
 * figure table (views/figureTable.ts) — compact money at three significant digits.
 */
import { strict as assert } from 'node:assert';
import { trendMarkdown, type TrendJson } from '../../src/core';

const figures = { ev: 0, pv: null, ac: 0 };
const trend: TrendJson = {
  version: 1,
  commits: [
    {
      commit: 'bbbbbbbbbb',
      date: '2026-02-01',
      statusDate: '2026-02-01',
      portfolios: [],
      programs: [{ id: 'g', bac: 2_900_000, eac: 2_840_000, cpi: 0.875, spi: null, spiT: 1, progress: 4.5, forecastEnd: '2026-06-30', health: 'amber', ...figures }],
    },
    { commit: 'aaaaaaaaaa', date: '2026-01-01', statusDate: '2026-01-01', portfolios: [], programs: [] },
  ],
};

describe('trend as Markdown', () => {
  it('names and formats the figures as the figure table does; a commit without the program says so', () => {
    assert.equal(
      trendMarkdown(trend),
      [
        '# Trend',
        '',
        '2 commits that changed a plan file, 2026-01-01 to 2026-02-01, newest first.',
        '',
        '## Program `g`',
        '',
        '| Commit | Date | Status date | BAC | EAC | CPI | SPI | SPI(t) | Progress | Forecast end | Health |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
        // BAC 2,900,000 → "2.90M" beside EAC "2.84M"; CPI 0.875 → "0.88" (half away); progress 4.5 → "5%" (half away).
        '| `bbbbbbb` | 2026-02-01 | 2026-02-01 | 2.90M | 2.84M | 0.88 | — | 1.00 | 5% | 2026-06-30 | amber |',
        '| `aaaaaaa` | 2026-01-01 | 2026-01-01 |  |  |  |  |  |  |  | not in the plans |',
        '',
      ].join('\n'),
    );
  });

  it('an id the schema rejects (a backtick in it) stays one code span in its heading', () => {
    const odd: TrendJson = { version: 1, commits: [{ ...trend.commits[0], programs: [{ ...trend.commits[0].programs[0], id: 'g`h **b**' }] }] };
    assert.match(trendMarkdown(odd), /^## Program ``g`h \*\*b\*\*``$/m);
  });
});
