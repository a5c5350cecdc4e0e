import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../../platform/dates.ts';
import {
  AGREEMENT_WAYS,
  type AgreementAnswers,
  type AgreementFacts,
  type AgreementWay,
  agreementErrors,
  agreementSentence,
  MAX_SCAN_BYTES,
  needsRepresentative,
  needsWitness,
  type RepresentativeChoice,
  SIGN_POWER,
  scanErrors,
  signatureSentence,
  sniffScanType,
} from './agreement-rules.ts';
import { planContent } from './plan-content.fixtures.ts';
import { newPlan, type PlanActor, transition } from './rules.ts';

const WAYS = Object.keys(AGREEMENT_WAYS) as AgreementWay[];
const TODAY: IsoDate = '2026-11-10';
const SHARED: IsoDate = '2026-11-01';

const fiona: RepresentativeChoice = {
  id: 'rep-fiona',
  name: 'Fiona Reid',
  powers: ['view_record', SIGN_POWER],
  startDate: '2011-06-02',
  endDate: '2027-06-01',
};
const jean: RepresentativeChoice = {
  id: 'rep-jean',
  name: 'Jean Reid',
  powers: ['view_record', 'welfare_decisions'],
  startDate: '2020-01-01',
  endDate: null,
};
const facts: AgreementFacts = {
  today: TODAY,
  sharedOn: SHARED,
  personName: 'Morag',
  representatives: [fiona, jean],
};

/** Answers that satisfy every rule for the way: a witness always, a representative when needed. */
const complete = (way: AgreementWay, agreedOn: IsoDate = TODAY): AgreementAnswers => ({
  way,
  agreedOn,
  representativeId: needsRepresentative(way) ? fiona.id : '',
  witnessName: 'Sam Lee',
  witnessRole: 'social worker',
  notes: '',
});

const fields = (answers: AgreementAnswers) => agreementErrors(answers, facts).map((e) => e.field);
const way = fc.constantFrom(...WAYS);
/** Days from 1 January 2026 to the end of 2027, either side of the shared day and today. */
const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2026-01-01', n));

describe('the date they agreed', () => {
  it('is accepted exactly when it is from the day the plan was shared up to today', () => {
    fc.assert(
      fc.property(way, day, (w, on) => {
        const dateErrors = fields(complete(w, on)).filter((f) => f === 'agreedOn');
        expect(dateErrors.length === 0).toBe(on >= SHARED && on <= TODAY);
      }),
    );
  });

  it('refuses anything that is not a real date, and a missing one', () => {
    fc.assert(
      fc.property(way, fc.string({ maxLength: 12 }), (w, text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(text));
        expect(fields({ ...complete(w), agreedOn: text })).toContain('agreedOn');
      }),
    );
    expect(fields({ ...complete('paper'), agreedOn: '2026-02-30' })).toContain('agreedOn');
  });
});

describe('which ways need a witness or a representative', () => {
  it('needs a witness (name and role) for verbal agreement and with an advocate present, and no other way', () => {
    fc.assert(
      fc.property(way, (w) => {
        const errors = fields({ ...complete(w), witnessName: '', witnessRole: '' });
        expect(errors.includes('witnessName')).toBe(needsWitness(w));
        expect(errors.includes('witnessRole')).toBe(needsWitness(w));
      }),
    );
    expect(needsWitness('verbal')).toBe(true);
    expect(needsWitness('advocate')).toBe(true);
    expect(needsWitness('paper')).toBe(false);
  });

  it('asks for both halves of a witness once either is given', () => {
    fc.assert(
      fc.property(way, fc.boolean(), (w, nameOnly) => {
        const answers = nameOnly ? { ...complete(w), witnessRole: '' } : { ...complete(w), witnessName: '' };
        expect(fields(answers)).toContain(nameOnly ? 'witnessRole' : 'witnessName');
      }),
    );
  });

  it('needs a representative with the power to sign only when agreed through one', () => {
    fc.assert(
      fc.property(way, fc.constantFrom('', fiona.id, jean.id, 'someone-else'), (w, id) => {
        const errors = fields({ ...complete(w), representativeId: id });
        const ok = needsRepresentative(w) ? id === fiona.id : id === '';
        expect(errors.includes('representativeId')).toBe(!ok);
      }),
    );
    const refusal = agreementErrors({ ...complete('representative'), representativeId: jean.id }, facts);
    expect(refusal).toEqual([
      { field: 'representativeId', message: 'Jean Reid does not have the power to sign Morag’s plan' },
    ]);
  });

  it('refuses a representative whose time acting for the person does not cover the day', () => {
    const ended = { ...fiona, endDate: '2026-11-05' as IsoDate };
    const errors = agreementErrors(complete('representative', '2026-11-08'), {
      ...facts,
      representatives: [ended],
    });
    expect(errors.map((e) => e.field)).toEqual(['representativeId']);
  });

  it('accepts complete answers for every way', () => {
    fc.assert(
      fc.property(way, (w) => {
        expect(agreementErrors(complete(w), facts)).toEqual([]);
      }),
    );
  });

  it('refuses a way that is not one of the four', () => {
    fc.assert(
      fc.property(fc.string(), (w) => {
        fc.pre(!WAYS.includes(w as AgreementWay));
        expect(fields({ ...complete('paper'), way: w })).toContain('way');
      }),
    );
  });
});

describe('the scanned copy', () => {
  const MAGIC: Record<string, number[]> = {
    pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff],
  };

  it('is known by its first bytes, whatever follows', () => {
    fc.assert(
      fc.property(fc.constantFrom('pdf', 'png', 'jpeg'), fc.uint8Array({ maxLength: 200 }), (type, rest) => {
        const bytes = Uint8Array.from([...MAGIC[type]!, ...rest]);
        expect(sniffScanType(bytes)).toBe(type);
        expect(scanErrors({ bytes, truncated: false })).toEqual([]);
      }),
    );
  });

  it('refuses anything that does not start like a PDF, PNG or JPEG', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
        fc.pre(!Object.values(MAGIC).some(starts));
        expect(sniffScanType(bytes)).toBeNull();
        expect(scanErrors({ bytes, truncated: false })).toEqual([
          { field: 'scan', message: 'The scanned copy must be a PDF, PNG or JPEG' },
        ]);
      }),
    );
    // A name or a claimed type never counts: a text file is refused whatever it is called.
    expect(sniffScanType(new TextEncoder().encode('PDF-1.4 but not really'))).toBeNull();
    // A prefix of a magic number is not enough.
    expect(sniffScanType(Uint8Array.from([0x89, 0x50, 0x4e]))).toBeNull();
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(scanErrors({ bytes: new Uint8Array(0), truncated: false })[0]?.field).toBe('scan');
    const big = new Uint8Array(MAX_SCAN_BYTES + 1);
    big.set(MAGIC.pdf!);
    expect(scanErrors({ bytes: big, truncated: false })).toEqual([
      { field: 'scan', message: 'The scanned copy must be smaller than 5 MB' },
    ]);
    expect(scanErrors({ bytes: Uint8Array.from(MAGIC.pdf!), truncated: true })[0]?.message).toContain('5 MB');
  });
});

describe('how the plan says it was agreed', () => {
  it('says who, how, when, the witness and whether a scan is kept', () => {
    expect(
      agreementSentence(
        {
          way: 'paper',
          agreedByName: 'Morag',
          agreedOn: '2026-11-03',
          witnessName: 'Sam Lee',
          witnessRole: 'social worker',
          hasScan: true,
        },
        'Morag',
      ),
    ).toBe(
      'Morag agreed this plan on paper on 3 November 2026. Witnessed by Sam Lee, social worker. A scanned copy is kept.',
    );
    expect(
      agreementSentence(
        {
          way: 'representative',
          agreedByName: 'Fiona Reid',
          agreedOn: '2026-11-03',
          witnessName: null,
          witnessRole: null,
          hasScan: false,
        },
        'Callum',
      ),
    ).toBe('Fiona Reid agreed this plan for Callum, as their representative, on 3 November 2026.');
    expect(signatureSentence({ name: 'Morag Campbell', on: '2026-11-03' })).toBe(
      'Signed by Morag Campbell on 3 November 2026.',
    );
    expect(signatureSentence(null)).toBeNull();
  });

  it('always names the way and the date, and mentions a scan only when one is kept', () => {
    fc.assert(
      fc.property(way, day, fc.boolean(), (w, on, hasScan) => {
        const sentence = agreementSentence(
          { way: w, agreedByName: 'Morag', agreedOn: on, witnessName: null, witnessRole: null, hasScan },
          'Morag',
        );
        expect(sentence.startsWith('Morag agreed this plan')).toBe(true);
        expect(sentence.includes('A scanned copy is kept.')).toBe(hasScan);
        expect(sentence).not.toContain('Witnessed');
      }),
    );
  });
});

describe('the lifecycle step', () => {
  const worker: PlanActor = {
    role: 'worker',
    relationship: { kind: 'allocated_worker', powers: [] },
    id: 'w1',
  };
  const person: PlanActor = { role: 'person', relationship: { kind: 'self', powers: [] }, id: 'p1' };
  const shared = () => {
    const result = transition(newPlan(planContent, 10_000), { type: 'share', actor: worker });
    if (!result.ok) throw new Error(result.error.message);
    return result.plan;
  };

  it('moves a shared plan to signed, with the way recorded on the signature', () => {
    fc.assert(
      fc.property(way, (w) => {
        const result = transition(shared(), { type: 'record_agreement', actor: worker, on: TODAY, way: w });
        expect(result.ok && result.plan.state).toBe('signed');
        if (result.ok) expect(result.plan.signature).toMatchObject({ way: w, on: TODAY });
      }),
    );
  });

  it('is refused for a plan that is not shared, and to anyone not holding the case', () => {
    const draft = newPlan(planContent, 10_000);
    const early = transition(draft, { type: 'record_agreement', actor: worker, on: TODAY, way: 'paper' });
    expect(!early.ok && early.error.code).toBe('wrong_state');
    const self = transition(shared(), { type: 'record_agreement', actor: person, on: TODAY, way: 'paper' });
    expect(!self.ok && self.error.code).toBe('not_permitted');
  });
});
