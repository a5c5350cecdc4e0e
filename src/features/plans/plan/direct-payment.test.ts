import { describe, expect, it } from 'vitest';
import { directPaymentNeeds } from './direct-payment.ts';
import { planContent } from './plan-content.fixtures.ts';

describe('directPaymentNeeds', () => {
  it('takes only paid option 1 lines and works out a four-weekly payment', () => {
    const lines = [
      ...planContent.costLines,
      { ...planContent.costLines[0]!, description: 'Day centre', sdsOption: 3 as const, weeklyCost: 5_000 },
    ];
    const needs = directPaymentNeeds(lines, 'Support plan version 2');
    expect(needs?.lines.map((l) => l.description)).toEqual(['Personal assistant for swimming']);
    expect(needs?.weeklyTotal).toBe(8_560);
    expect(needs?.amountPerPayment).toBe(34_240);
    expect(needs?.explanation.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(needs?.weeklyTotal);
    expect(needs?.explanation.notes[0]).toContain('£85.60 a week × 4 = £342.40');
  });

  it('is nothing when no paid support uses option 1', () => {
    expect(directPaymentNeeds([{ ...planContent.costLines[0]!, sdsOption: 2 }], 'x')).toBeNull();
    expect(directPaymentNeeds([planContent.costLines[1]!], 'x')).toBeNull();
  });
});
