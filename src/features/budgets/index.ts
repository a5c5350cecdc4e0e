/**
 * The budgets feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { NOT_RECORDED, computeBudget } from './rules.ts';
export type { AssessedNeed, BudgetPolicy } from './rules.ts';
export { budgetsFeature } from './routes.ts';
export { addAgreedBudgetVersion, addBudgetVersion, currentBudget, interimStatusFor } from './versions.ts';
export { seedDemoBudgets } from './seed.ts';
export { budgetServices } from './service.ts';
/** The current budgets file of a caseload import (the imports feature runs it). */
export { budgetsSection } from './import.ts';
