import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  auditKind,
  catalogueName,
  describeAction,
  describeEvent,
  LEGACY_ACTIONS,
  namesFor,
} from './catalogue.ts';

describe('the audit action catalogue', () => {
  it('names every action in one grammar: lower-case words joined by _, parts by dots, no colons', () => {
    for (const name of Object.keys(AUDIT_ACTIONS)) expect(name).toMatch(/^[a-z_]+(\.[a-z_]+){1,2}$/);
  });

  it('has plain words for every action, not the code', () => {
    for (const [name, { words }] of Object.entries(AUDIT_ACTIONS)) {
      expect(words).not.toContain('.');
      expect(words).not.toContain('_');
      expect(words).not.toBe(name.replaceAll('.', ' '));
      expect(words.split(' ').length).toBeGreaterThan(2);
    }
    expect(describeAction('budget.read')).toBe('looked at your budget');
    expect(describeAction('plan.edit')).toBe('changed your support plan');
  });

  it('reads every old name as its catalogue action, so rows written before stay readable', () => {
    for (const [legacy, name] of Object.entries(LEGACY_ACTIONS)) {
      expect(AUDIT_ACTIONS[name]).toBeDefined();
      expect(catalogueName(legacy)).toBe(name);
      expect(namesFor(name)).toContain(legacy);
    }
    expect(describeAction('record.read:outcomes')).toBe('looked at what matters to you');
  });

  it('reads opening a form as a read, never a change', () => {
    for (const old of ['case.write:open_form', 'own_words.write:open_form']) {
      expect(auditKind(old)).toBe('read');
      expect(describeAction(old)).toMatch(/^looked at .* to change (it|them)$/);
    }
    expect(auditKind('person.form.open')).toBe('read');
  });

  it('reads an old refusal (named by the refused permission) and a new one alike', () => {
    expect(describeAction('record.read', 'denied')).toBe(AUDIT_ACTIONS['access.refuse'].words);
    expect(auditKind('money.manage', 'denied')).toBe('refusal');
    expect(describeAction('access.refuse', 'denied')).toBe(AUDIT_ACTIONS['access.refuse'].words);
  });

  it('still gives words, not a code, for an action no catalogue knew', () => {
    expect(describeAction('widgets.frobnicate')).toBe('did something with your widgets record');
  });

  it('folds the other reads of a page into one sentence, leaving out the page header', () => {
    expect(
      describeEvent({
        action: 'plan.read',
        detail: {
          also: [{ action: 'person.header.read' }, { action: 'budget.read' }, { action: 'plan.read' }],
        },
      }),
    ).toBe('looked at your support plan, and also looked at your budget');
    expect(describeEvent({ action: 'plan.read', detail: null })).toBe('looked at your support plan');
  });
});
