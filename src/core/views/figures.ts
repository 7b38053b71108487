/**
 * Figures as people read them — compact money, indices, percents and date ranges — and the one list of
 * labelled figures that every view shows (editor hover, tree tooltip, roadmap hover card).
 */
export { formatIndex, formatMoney, formatPercent, formatRatio, formatWindow } from './format';

export { figureRows, formatEarnedSchedule } from './figureTable';
