import { describe, expect, it } from 'vitest';
import { emptyPlanContent, validatePlanForSubmission } from './content.ts';
import { planContent } from './fixtures.test-support.ts';

describe('validatePlanForSubmission', () => {
  it('accepts a finished plan', () => {
    expect(validatePlanForSubmission(planContent)).toEqual([]);
  });
  it('needs outcomes and a contingency', () => {
    expect(validatePlanForSubmission(emptyPlanContent()).map((e) => e.field)).toEqual([
      'outcomes',
      'contingency',
    ]);
  });
  it("needs each outcome in the person's own words", () => {
    const outcomes = [{ ...planContent.outcomes[0]!, personWords: ' ' }];
    expect(validatePlanForSubmission({ ...planContent, outcomes })).toEqual([
      { field: 'outcomes[0].personWords', message: 'Write the outcome in the words of the person' },
    ]);
  });
  it('points at the cost line that is wrong, and at support for an outcome not in the plan', () => {
    const costLines = [
      planContent.costLines[0]!,
      { ...planContent.costLines[1]!, weeklyCost: 500, outcomeRef: 'O9' },
    ];
    expect(validatePlanForSubmission({ ...planContent, costLines })).toEqual([
      { field: 'costLines[1].weeklyCost', message: 'Unpaid help from family and friends must cost £0' },
      { field: 'costLines[1].outcomeRef', message: 'This support is for an outcome not in the plan' },
    ]);
  });
  it('checks risks, restrictions and legal requirements', () => {
    const errors = validatePlanForSubmission({
      ...planContent,
      risks: [{ description: 'Cooking alone', howEnabled: '' }],
      restrictions: [
        {
          description: 'No gambling',
          reasonKind: 'policy_clause',
          reasonDetail: '',
          decidedBy: 'Panel',
          decidedOn: '2026-01-01',
          reviewOn: '2026-06-01',
        },
      ],
      nonNegotiables: [{ description: 'Attend weekly appointment', legalOrder: '' }],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'risks[0].howEnabled',
      'restrictions[0].reasonDetail',
      'nonNegotiables[0].legalOrder',
    ]);
  });
});
