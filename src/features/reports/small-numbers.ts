/**
 * Fewer people than this behind a figure could identify someone: the figure is not shown.
 * One threshold for every report (equity, advocacy).
 */
export const SMALL_CELL = 5;
