import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RelationshipKind } from '../../platform/auth/policy.ts';
import { ROLES } from '../../platform/auth/roles.ts';
import { SAID_BY, SAID_BY_CODES, SECTIONS } from './lists.ts';
import {
  allowedSaidBy,
  changedFields,
  checkEntry,
  checkOutcome,
  checkOutcomeAttribution,
  conversationFacts,
  speakerName,
  type Writer,
} from './rules.ts';

const worker: Writer = { role: 'worker', relationship: { kind: 'allocated_worker', powers: [] } };
const self: Writer = { role: 'person', relationship: { kind: 'self', powers: [] } };
const parent: Writer = {
  role: 'representative',
  relationship: { kind: 'representative', powers: ['view_record', 'welfare_decisions'] },
};

const KINDS: RelationshipKind[] = [
  'self',
  'representative',
  'circle_member',
  'advocate',
  'support_organisation',
  'provider',
  'allocated_worker',
  'team',
  'break_glass',
  'authority',
  'none',
];
const POWERS = ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions', 'contribute'];
const anyWriter: fc.Arbitrary<Writer> = fc.record({
  role: fc.constantFrom(...ROLES),
  relationship: fc.record({
    kind: fc.constantFrom(...KINDS),
    powers: fc.subarray(POWERS),
  }),
});
/** Every code, and some that are not codes at all. */
const anySaidBy = fc.oneof(fc.constantFrom(...SAID_BY_CODES), fc.string({ maxLength: 12 }));
const anySection = fc.constantFrom(...Object.keys(SECTIONS));
const holdsCase = (w: Writer) =>
  ['worker', 'manager'].includes(w.role) &&
  ['allocated_worker', 'team', 'break_glass'].includes(w.relationship.kind);
const OWN_VOICE: Partial<Record<RelationshipKind, string>> = {
  self: 'person',
  representative: 'representative',
  circle_member: 'family',
  advocate: 'advocate',
};

const entry = {
  section: 'what_matters',
  text: 'My garden',
  saidBy: 'person',
  saidByName: null,
  ownWords: true,
};

describe('conversation entries', () => {
  it('marks only the person’s own words as their own words', () => {
    expect(checkEntry(entry, false, worker)).toEqual([]);
    expect(checkEntry({ ...entry, saidBy: 'worker' }, false, worker).map((e) => e.field)).toEqual([
      'ownWords',
    ]);
  });
  it('keeps a child’s views and their parents’ views apart, and both away from adults', () => {
    expect(checkEntry({ ...entry, section: 'child_views' }, true, worker)).toEqual([]);
    expect(
      checkEntry({ ...entry, section: 'parent_views', saidBy: 'family', ownWords: false }, true, worker),
    ).toEqual([]);
    expect(
      checkEntry({ ...entry, section: 'child_views', saidBy: 'family', ownWords: false }, true, worker).map(
        (e) => e.field,
      ),
    ).toEqual(['saidBy']);
    expect(checkEntry({ ...entry, section: 'parent_views' }, true, worker).map((e) => e.field)).toEqual([
      'saidBy',
    ]);
    expect(checkEntry({ ...entry, section: 'child_views' }, false, worker).map((e) => e.field)).toEqual([
      'section',
    ]);
    // A parent's words about a child go under the parents' views, never among the child's.
    expect(
      checkEntry({ ...entry, section: 'what_matters', saidBy: 'family', ownWords: false }, true, worker).map(
        (e) => e.field,
      ),
    ).toEqual(['section']);
    expect(
      checkEntry({ ...entry, section: 'what_matters', saidBy: 'family', ownWords: false }, false, worker),
    ).toEqual([]);
  });
  it('lets the person add only their own words, and a parent only theirs', () => {
    expect(checkEntry(entry, false, self)).toEqual([]);
    const asWorker = checkEntry({ ...entry, saidBy: 'worker', ownWords: false }, false, self);
    expect(asWorker.map((e) => e.field)).toEqual(['saidBy']);
    const childsWords = checkEntry({ ...entry, section: 'child_views' }, true, parent);
    expect(childsWords.map((e) => e.field)).toEqual(['saidBy']);
    expect(
      checkEntry(
        { ...entry, section: 'parent_views', saidBy: 'representative', ownWords: false },
        true,
        parent,
      ),
    ).toEqual([]);
  });

  it('marks transition from the 14th birthday until the 18th', () => {
    expect(conversationFacts('2011-06-02', '2025-06-01')).toEqual({ child: true, transition: false });
    expect(conversationFacts('2011-06-02', '2025-06-02')).toEqual({ child: true, transition: true });
    expect(conversationFacts('2011-06-02', '2029-06-02')).toEqual({ child: false, transition: false });
  });
});

describe('who may say who said it', () => {
  it('lets a worker holding the case record anyone’s words, and everyone else only their own', () => {
    fc.assert(
      fc.property(anyWriter, (writer) => {
        const allowed = allowedSaidBy(writer);
        for (const code of allowed) expect(SAID_BY_CODES).toContain(code);
        if (holdsCase(writer)) expect([...allowed].sort()).toEqual([...SAID_BY_CODES].sort());
        else {
          const own = OWN_VOICE[writer.relationship.kind];
          expect(allowed).toEqual(own ? [own] : []);
        }
      }),
    );
  });
  it('gives the person’s own words and the worker’s words only to those who may say them', () => {
    fc.assert(
      fc.property(anyWriter, (writer) => {
        const allowed = allowedSaidBy(writer);
        expect(allowed.includes('worker')).toBe(holdsCase(writer));
        expect(allowed.includes('person')).toBe(holdsCase(writer) || writer.relationship.kind === 'self');
        if (writer.relationship.kind === 'representative' && !holdsCase(writer))
          expect(allowed).toEqual(['representative']);
      }),
    );
  });
  it('never saves an entry attributed to someone the writer may not speak for', () => {
    fc.assert(
      fc.property(
        anyWriter,
        anySaidBy,
        anySection,
        fc.boolean(),
        fc.boolean(),
        (writer, saidBy, section, child, ownWords) => {
          const errors = checkEntry(
            { section, text: 'Words', saidBy, saidByName: null, ownWords },
            child,
            writer,
          );
          const fields = errors.map((e) => e.field);
          if (!(allowedSaidBy(writer) as readonly string[]).includes(saidBy))
            expect(fields).toContain('saidBy');
          if (errors.length) return;
          expect(allowedSaidBy(writer)).toContain(saidBy);
          expect(Object.hasOwn(SAID_BY, saidBy)).toBe(true);
          if (ownWords) expect(saidBy).toBe('person');
          if (!child) expect(['child_views', 'parent_views']).not.toContain(section);
          if (child && section === 'child_views') expect(saidBy).toBe('person');
          if (child && ['family', 'representative'].includes(saidBy)) expect(section).toBe('parent_views');
        },
      ),
    );
  });
  it('lets nobody but the person, or a worker writing down what they said, change or add to their words', () => {
    fc.assert(
      fc.property(
        anyWriter,
        fc.option(fc.constantFrom(...SAID_BY_CODES), { nil: null }),
        anySaidBy,
        (writer, current, next) => {
          const errors = checkOutcomeAttribution(writer, current, next);
          const allowed = allowedSaidBy(writer) as readonly string[];
          const mayWrite = allowed.includes(next) && (current === null || allowed.includes(current));
          expect(errors.length === 0).toBe(mayWrite);
          if (!allowed.includes(next) && next !== current)
            expect(errors.map((e) => e.field)).toContain('saidBy');
          if (current !== null && !allowed.includes(current))
            expect(errors.map((e) => e.field)).toContain('personWords');
          if (errors.length === 0 && (current === 'person' || next === 'person'))
            expect(holdsCase(writer) || writer.relationship.kind === 'self').toBe(true);
        },
      ),
    );
    expect(checkOutcomeAttribution(parent, 'person', 'representative').map((e) => e.field)).toEqual([
      'personWords',
    ]);
    expect(checkOutcomeAttribution(worker, 'person', 'person')).toEqual([]);
  });
});

describe('the name kept with the words', () => {
  it('is the writer’s own unless a worker holding the case names whom they wrote down', () => {
    fc.assert(
      fc.property(
        anyWriter,
        fc.constantFrom(...SAID_BY_CODES),
        fc.option(fc.oneof(fc.constant('Fiona Reid'), fc.string({ maxLength: 20 })), { nil: null }),
        (writer, saidBy, requested) => {
          const { name, errors } = speakerName(writer, saidBy, requested, 'Fiona Reid');
          if (holdsCase(writer)) {
            expect(errors).toEqual([]);
            expect(name).toBe(requested?.trim() || null);
          } else if (errors.length) {
            expect(errors.map((e) => e.field)).toEqual(['saidByName']);
            expect(requested?.trim()).not.toBe('Fiona Reid');
          } else expect(name).toBe(saidBy === 'person' ? null : 'Fiona Reid');
        },
      ),
    );
  });
});

describe('outcomes', () => {
  it('needs the person’s words and an area from the list', () => {
    const outcome = {
      personWords: ' ',
      saidBy: 'person',
      saidByName: null,
      professionalView: null,
      area: 'x',
      priority: 2,
      status: 'active',
    };
    expect(checkOutcome(outcome, ['health']).map((e) => e.field)).toEqual(['personWords', 'area']);
  });
  it('records only the fields that changed, before and after', () => {
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({
      b: { from: 'x', to: 'y' },
    });
  });
});
