/**
 * Kinds of income a financial assessment records. The kind is matched against the policy's
 * list of disregarded incomes, so which incomes count is policy data, not code.
 */
export const INCOME_KINDS: Record<string, string> = {
  state_pension: 'State Pension',
  occupational_pension: 'Works or private pension',
  pension_credit: 'Pension Credit',
  universal_credit: 'Universal Credit',
  esa: 'Employment and Support Allowance',
  pip_daily_living: 'PIP daily living component',
  pip_mobility: 'PIP mobility component',
  dla_care: 'DLA care component',
  dla_mobility: 'DLA mobility component',
  attendance_allowance: 'Attendance Allowance',
  war_pension: 'War Pension',
  earnings: 'Earnings from work',
  other: 'Other income',
};
