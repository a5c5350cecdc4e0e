import type { ImportSection } from '../../platform/import/section.ts';
import { budgetsSection } from '../budgets/index.ts';
import { outcomesSection } from '../conversations/index.ts';
import { circleSection, peopleSection, representativesSection } from '../people/index.ts';

/**
 * The files of a caseload import, in the order they are checked and written: a section may
 * point only at the kinds of the sections before it (people first). A feature that owns a new
 * file adds its section here.
 */
export const IMPORT_SECTIONS: readonly ImportSection<unknown>[] = [
  peopleSection,
  representativesSection,
  circleSection,
  outcomesSection,
  budgetsSection,
];

export function sectionForFile(name: string): ImportSection<unknown> | undefined {
  return IMPORT_SECTIONS.find((s) => s.file.toLowerCase() === name.toLowerCase());
}
