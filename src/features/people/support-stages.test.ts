import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORT_KINDS, SUPPORT_RESPONSES, SUPPORT_STAGES, supportOfferSentence } from './lists.ts';
import { ASKED_STAGES, stageSupportFrom, stagesStillToAsk } from './support-stages.ts';
import { checkSupportOffer, type SupportOfferInput } from './validate.ts';

const stage = fc.constantFrom(...Object.keys(SUPPORT_STAGES), 'something-old');
const offer = fc.record({
  id: fc.uuid(),
  kind: fc.constantFrom(...Object.keys(SUPPORT_KINDS)),
  stage,
  response: fc.constantFrom(...Object.keys(SUPPORT_RESPONSES)),
  provider: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
  reason: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
  offeredOn: fc.constant('2026-01-05'),
});

describe('which stages still need asking', () => {
  it('is every asked stage with no offer recorded, in journey order, whatever else is recorded', () => {
    fc.assert(
      fc.property(fc.array(offer, { maxLength: 12 }), (offers) => {
        const still = stagesStillToAsk(offers);
        const recorded = new Set(offers.map((o) => o.stage));
        expect(still).toEqual(ASKED_STAGES.filter((s) => !recorded.has(s)));
        // Offers at stages that are not asked (first contact, review) never change the answer.
        expect(stagesStillToAsk(offers.filter((o) => ASKED_STAGES.includes(o.stage as never)))).toEqual(
          still,
        );
      }),
    );
  });

  it('asks everything of a new record, and nothing once each asked stage has an answer', () => {
    expect(stagesStillToAsk([])).toEqual(['eligibility', 'budget', 'options', 'planning']);
    expect(stagesStillToAsk(ASKED_STAGES.map((s) => ({ stage: s })))).toEqual([]);
  });

  it('a stage page asks exactly when its own stage has no offer, and shows only its own offers', () => {
    fc.assert(
      fc.property(
        fc.array(offer, { maxLength: 12 }),
        fc.constantFrom(...ASKED_STAGES),
        fc.boolean(),
        (offers, asked, mayRecord) => {
          const inset = stageSupportFrom('p1', asked, offers, '2026-02-01', mayRecord);
          const own = offers.filter((o) => o.stage === asked);
          expect(inset.ask).toBe(stagesStillToAsk(offers).includes(asked));
          expect(inset.offers.map((o) => o.id)).toEqual(own.map((o) => o.id));
          expect(inset.mayRecord).toBe(mayRecord);
          for (const o of inset.offers) expect(o.sentence.startsWith(o.kindLabel)).toBe(true);
        },
      ),
    );
  });
});

describe('an offer on the timeline, in plain words', () => {
  it('says why when it was not offered', () => {
    expect(
      supportOfferSentence('advocacy', 'budget', 'not_offered', null, 'She already has an advocate'),
    ).toBe(
      'Independent advocacy not offered at working out the budget, because: She already has an advocate',
    );
    expect(supportOfferSentence('advocacy', 'options', 'accepted', 'Partners in Advocacy')).toBe(
      'Independent advocacy from Partners in Advocacy offered at choosing how support is arranged — accepted',
    );
  });
});

describe('checking an offer', () => {
  const base: SupportOfferInput = {
    kind: 'advocacy',
    stage: 'eligibility',
    response: 'accepted',
    provider: null,
    offeredOn: '2026-02-01',
    reason: null,
    notes: null,
  };
  const fields = (input: Partial<SupportOfferInput>) =>
    checkSupportOffer({ ...base, ...input }, '2026-02-01').map((e) => e.field);

  it('takes an accepted offer without a provider (who provides it is optional)', () => {
    expect(fields({})).toEqual([]);
  });
  it('needs a reason when it was not offered, and only then', () => {
    expect(fields({ response: 'not_offered' })).toEqual(['reason']);
    expect(fields({ response: 'not_offered', reason: 'Has an advocate already' })).toEqual([]);
    expect(fields({ response: 'declined', reason: 'x' })).toEqual(['reason']);
  });
  it('refuses a future date, a date that is not one, and codes not on the lists', () => {
    expect(fields({ offeredOn: '2026-02-02' })).toEqual(['offeredOn']);
    expect(fields({ offeredOn: '2026-02-30' })).toEqual(['offeredOn']);
    expect(fields({ stage: 'lunch', kind: 'x', response: 'maybe' })).toEqual(['kind', 'stage', 'response']);
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (kind, stage, response, offeredOn) => {
        expect(
          Array.isArray(checkSupportOffer({ ...base, kind, stage, response, offeredOn }, '2026-02-01')),
        ).toBe(true);
      }),
    );
  });
});
