import type { Tx } from '../../platform/db/client.ts';
import { users } from '../../platform/auth/schema.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import { currentContribution } from '../charging/index.ts';
import { DEMO_DAYS_AGO } from '../people/index.ts';
import { agreedCostLines } from '../plans/index.ts';
import { type BankKeys, encryptBankDetails } from './bank/crypto.ts';
import { planRun } from './runs/planning.ts';
import { postRunIn } from './runs/posting.ts';
import { dpAgreements, dpReturns, paymentPolicyVersions, paymentRuns } from './schema.ts';

/** The demo council's second finance officer, who approves the runs the first one creates. */
export const SECOND_FINANCE_EMAIL = 'finance.approver@demo.selfdirect.test';

/**
 * The demo council's direct-payment policy, and Morag's direct payment made from her agreed
 * plan's option 1 lines, with two four-weekly payment runs already paid and one return.
 */
export const seedDemoPayments: DemoSeeder = async (tx, context) => {
  const { authorityId } = context;
  const england = context.nation === 'england';
  await tx.insert(paymentPolicyVersions).values({
    authorityId,
    versionLabel: `${context.councilName} direct payments 2026/27 v1`,
    effectiveFrom: '2024-04-01',
    surplusThresholdWeeks: 8,
    originatorName: context.councilName,
    originatorSortCode: '80-22-60',
    originatorAccountNumber: '10203040',
  });
  // A second finance officer: a payment run needs two people (one creates it, another approves it).
  const [approver] = await tx
    .insert(users)
    .values({
      authorityId,
      email: context.email('finance.approver'),
      displayName: england ? 'Olivia Marsh' : 'Neil Brodie',
      role: 'finance',
      passwordHash: context.shared.passwordHash as string | undefined,
    })
    .returning({ id: users.id });
  context.users.financeApprover = approver!.id;
  const morag = context.shared.demoPersonId as string | undefined;
  const keys = context.shared.bankKeys as BankKeys | undefined;
  if (!morag || !keys) return;
  const lines = await agreedCostLines(tx, morag, 1);
  if (!lines.length) return;

  // Made-up bank details (the sort codes pass no real bank's checks the demo relies on).
  const holder = england
    ? { name: 'Rachel Holloway', sortCode: '402715', accountNumber: '52840193' }
    : { name: 'Morag Campbell', sortCode: '608371', accountNumber: '31926819' };
  const today = todayInLondon();
  const start = addDays(today, -DEMO_DAYS_AGO.paymentsStart);
  const weekly = lines.reduce((sum, l) => sum + l.weeklyCost, 0);
  const contribution = await currentContribution(tx, morag);
  const [agreement] = await tx
    .insert(dpAgreements)
    .values({
      authorityId,
      personId: morag,
      planId: lines[0]!.planId,
      weeklyAmount: weekly,
      amountPerPeriod: convertAmount(weekly, 'weekly', 'four_weekly'),
      frequency: 'four_weekly',
      startDate: start,
      contributionPerPeriod: contribution ? convertAmount(contribution.weekly, 'weekly', 'four_weekly') : 0,
      contributionMethod: contribution?.method ?? 'net',
      holderKind: 'person',
      holderName: holder.name,
      bankDetails: encryptBankDetails(
        { sortCode: holder.sortCode, accountNumber: holder.accountNumber, accountName: holder.name },
        keys,
      ),
      accountLast4: holder.accountNumber.slice(-4),
      createdBy: context.users.finance!,
    })
    .returning();
  // Two cycles already paid: the same posting code a finance officer's approval runs.
  const poster = { authorityId, userId: context.users.finance! };
  for (const runDate of [start, addDays(start, 28)]) {
    const [run] = await tx
      .insert(paymentRuns)
      .values({
        authorityId,
        runDate,
        status: 'posted',
        ...(await plannedTotals(tx, runDate)),
        createdBy: poster.userId,
        approvedBy: approver!.id,
        approvedAt: new Date(),
        postedAt: new Date(),
      })
      .returning();
    await postRunIn(tx, poster, run!);
  }
  const paidIn =
    agreement!.amountPerPeriod -
    (agreement!.contributionMethod === 'net' ? agreement!.contributionPerPeriod : 0);
  await tx.insert(dpReturns).values({
    authorityId,
    personId: morag,
    agreementId: agreement!.id,
    periodStart: start,
    periodEnd: addDays(start, 27),
    openingBalance: 0,
    paymentsIn: paidIn,
    paWages: Math.round(paidIn * 0.7),
    employerCosts: Math.round(paidIn * 0.1),
    agency: 0,
    other: Math.round(paidIn * 0.05),
    closingBalance: paidIn - Math.round(paidIn * 0.7) - Math.round(paidIn * 0.1) - Math.round(paidIn * 0.05),
    difference: 0,
    source: 'page',
    submittedBy: context.users.person!,
  });
};

async function plannedTotals(tx: Tx, runDate: string) {
  const plan = await planRun(tx, runDate);
  return { plannedCount: plan.count, plannedTotal: plan.totalSent };
}
