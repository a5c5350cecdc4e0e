import { describe, expect, it } from 'vitest';
import { planContent } from './plan-content.fixtures.ts';
import { nationalStreams } from '../../council-settings/index.ts';
import { type StreamContext, validateForSave as validateWith } from './save-rules.ts';

const all = new Set([1, 2, 3, 4] as const);
const national: StreamContext = { streams: nationalStreams(), keptLines: [] };
const validateForSave = (c: typeof planContent, offered: Parameters<typeof validateWith>[1]) =>
  validateWith(c, offered, national);
const content = () => {
  const c = structuredClone(planContent);
  for (const line of c.costLines) line.fundingStream = 'council_social_care';
  return c;
};

describe('validateForSave', () => {
  it('accepts a sound draft, even an unfinished one', () => {
    expect(validateForSave(content(), all)).toEqual([]);
    expect(validateForSave({ ...content(), contingency: '', costLines: [] }, all)).toEqual([]);
  });

  it('names the field when a cost line has no funding stream or option', () => {
    const c = content();
    c.costLines[0]!.fundingStream = '';
    (c.costLines[0] as { sdsOption: unknown }).sdsOption = undefined;
    expect(validateForSave(c, all).map((e) => e.field)).toEqual([
      'costLines[0].fundingStream',
      'costLines[0].sdsOption',
    ]);
  });

  it('refuses an option the council does not offer, an unknown stream and option 4 on one line', () => {
    const c = content();
    c.costLines[0]!.sdsOption = 2;
    c.costLines[1]!.fundingStream = 'lottery';
    expect(validateForSave(c, new Set([1, 3, 4] as const))).toEqual([
      { field: 'costLines[0].sdsOption', message: 'This council does not offer option 2' },
      { field: 'costLines[1].fundingStream', message: 'Select a funding stream from the list' },
    ]);
    c.costLines[0]!.sdsOption = 4;
    expect(validateForSave(c, all)[0]?.message).toMatch(/select option 1, 2 or 3/);
  });

  it('refuses a restriction with no reason, and a cost line for an outcome not in the plan', () => {
    const c = content();
    c.restrictions = [
      {
        description: 'No spending on alcohol',
        reasonKind: 'policy_clause',
        reasonDetail: ' ',
        decidedBy: 'Priya Nair',
        decidedOn: '2026-01-10',
        reviewOn: '2027-01-10',
      },
    ];
    c.costLines[0]!.outcomeRef = 'O9';
    expect(validateForSave(c, all).map((e) => e.field)).toEqual([
      'costLines[0].outcomeRef',
      'restrictions[0].reasonDetail',
    ]);
  });

  it('refuses a retired stream on a new line, keeps it on a line the plan already had, and takes local streams', () => {
    const c = content();
    c.costLines[0]!.fundingStream = 'equipment';
    const streams = [
      ...nationalStreams().map((s) => (s.code === 'equipment' ? { ...s, active: false } : s)),
      { code: 'carers_fund', label: 'Carers fund', description: '', active: true, national: false },
    ];
    expect(validateWith(c, all, { streams, keptLines: [] })).toEqual([
      {
        field: 'costLines[0].fundingStream',
        message: 'Community equipment is no longer used for new support: select another funding stream',
      },
    ]);
    expect(validateWith(c, all, { streams, keptLines: [structuredClone(c.costLines[0]!)] })).toEqual([]);
    c.costLines[0]!.fundingStream = 'carers_fund';
    expect(validateWith(c, all, { streams, keptLines: [] })).toEqual([]);
    expect(validateForSave(c, all).map((e) => e.field)).toEqual(['costLines[0].fundingStream']);
  });
});
