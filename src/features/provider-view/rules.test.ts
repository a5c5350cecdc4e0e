import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SupportPlanContent } from '../plans/index.ts';
import type { CostLine } from '../plans/index.ts';
import { providerPart, providerPerson } from './rules.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHERS = ['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];

const line = fc.record({
  outcomeRef: fc.constantFrom('O1', 'O2', 'O3'),
  description: fc.string({ minLength: 1, maxLength: 20 }),
  providerKind: fc.constantFrom('provider', 'personal_assistant') as fc.Arbitrary<CostLine['providerKind']>,
  frequency: fc.string({ maxLength: 10 }),
  weeklyCost: fc.integer({ min: 0, max: 100_000 }),
  fundingStream: fc.constant('council_social_care'),
  sdsOption: fc.constantFrom(1, 2, 3) as fc.Arbitrary<CostLine['sdsOption']>,
  deliveredBy: fc.option(fc.constantFrom(ME, ...OTHERS), { nil: undefined }),
});

const content = fc.record({
  outcomes: fc.constant(
    ['O1', 'O2'].map((ref) => ({
      ref,
      personWords: `words of ${ref}`,
      workerView: `worker view of ${ref}`,
      howMet: `how ${ref}`,
    })),
  ),
  costLines: fc.array(line, { maxLength: 12 }),
  contingency: fc.string({ minLength: 1, maxLength: 10 }),
  risks: fc.constant([{ description: 'Stairs', howEnabled: 'A banister' }]),
  restrictions: fc.constant([]),
  nonNegotiables: fc.constant([
    { description: 'Stay at the address', legalOrder: 'Compulsion order 2024/7' },
  ]),
}) as fc.Arbitrary<SupportPlanContent>;

describe('a provider’s part of the plan', () => {
  it('holds exactly the lines that provider delivers, in plan order, each with its own outcome', () => {
    fc.assert(
      fc.property(content, (plan) => {
        const mine = plan.costLines.filter((l) => l.deliveredBy === ME);
        const part = providerPart(plan, ME);
        expect(part.lines.map((l) => [l.description, l.frequency])).toEqual(
          mine.map((l) => [l.description, l.frequency]),
        );
        part.lines.forEach((shown, i) => {
          const outcome = plan.outcomes.find((o) => o.ref === mine[i]!.outcomeRef);
          expect(shown.outcome?.personWords ?? null).toBe(outcome?.personWords ?? null);
        });
      }),
    );
  });

  it('never shows costs, the worker’s view or the legal order’s name', () => {
    fc.assert(
      fc.property(content, (plan) => {
        const shown = JSON.stringify(providerPart(plan, ME));
        expect(shown).not.toMatch(/weeklyCost|fundingStream|sdsOption|deliveredBy|worker view|Compulsion/);
      }),
    );
  });

  it('shows nothing of a plan the provider has no part in', () => {
    fc.assert(
      fc.property(content, (plan) => {
        const notMine = { ...plan, costLines: plan.costLines.filter((l) => l.deliveredBy !== ME) };
        expect(providerPart(notMine, ME)).toEqual({
          lines: [],
          contingency: null,
          restrictions: [],
          nonNegotiables: [],
          risks: [],
        });
      }),
    );
    expect(providerPart(null, ME).lines).toEqual([]);
  });
});

describe('the person, as a provider sees them', () => {
  it('keeps only names, contact and communication, whatever else the record holds', () => {
    const record = {
      legalName: 'Agnes Thomson',
      preferredName: 'Nessie',
      pronouns: 'she/her',
      phone: '01234 567890',
      email: null,
      addressLine1: '1 River Road',
      addressLine2: null,
      town: 'Perth',
      postcode: 'PH1 1AA',
      mainLanguage: 'English',
      interpreterNeeded: false,
      communicationNeeds: ['easy_read', 'other'],
      communicationOther: 'Speak slowly',
      chiNumber: '0101401234',
      nhsNumber: '9434765919',
      dateOfBirth: '1940-01-01',
      crisisReason: 'Fell at home',
    };
    const shown = providerPerson(record);
    expect(shown).toEqual({
      name: 'Nessie',
      legalName: 'Agnes Thomson',
      preferredName: 'Nessie',
      pronouns: 'she/her',
      phone: '01234 567890',
      email: null,
      address: ['1 River Road', 'Perth', 'PH1 1AA'],
      mainLanguage: 'English',
      interpreterNeeded: false,
      communication: ['Easy Read', 'Speak slowly'],
    });
    expect(JSON.stringify(shown)).not.toMatch(/0101401234|9434765919|1940|Fell/);
  });
});
