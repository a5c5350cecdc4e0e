import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLAND_ROUTES_ALWAYS_OFFERED } from './rules.ts';
import {
  ALL_ROUTES,
  describeOptionsSettings,
  normaliseOptionsSettings,
  optionsSettingsChanges,
  optionsSettingsErrors,
  routesWithdrawn,
} from './settings-rules.ts';

const settings = {
  versionLabel: 'Options 2027',
  routesEnabled: [] as string[],
  supportOrganisationFunded: true,
};

describe('options settings drafts', () => {
  it('keeps every English route the council chose, always with direct payment and council-managed, in list order', () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_ROUTES]), (chosen) => {
        expect(
          optionsSettingsErrors('england', { ...settings, routesEnabled: [...chosen].reverse() }),
        ).toEqual([]);
        const stored = normaliseOptionsSettings('england', {
          ...settings,
          routesEnabled: [...chosen].reverse(),
        });
        for (const always of ENGLAND_ROUTES_ALWAYS_OFFERED) expect(stored.routesEnabled).toContain(always);
        for (const route of chosen) expect(stored.routesEnabled).toContain(route);
        expect(stored.routesEnabled).toEqual(ALL_ROUTES.filter((r) => stored.routesEnabled.includes(r)));
      }),
    );
  });

  it('never lets a Scottish council switch an option off; it always stores every route', () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_ROUTES], { minLength: 1 }), (chosen) => {
        const errors = optionsSettingsErrors('scotland', { ...settings, routesEnabled: chosen });
        expect(errors.length > 0).toBe(chosen.length < ALL_ROUTES.length);
        expect(
          normaliseOptionsSettings('scotland', { ...settings, routesEnabled: chosen }).routesEnabled,
        ).toEqual([...ALL_ROUTES]);
      }),
    );
    expect(optionsSettingsErrors('scotland', settings)).toEqual([]);
  });

  it('names unknown routes, a missing name and a missing answer by their fields', () => {
    const errors = optionsSettingsErrors('england', {
      versionLabel: ' ',
      routesEnabled: ['cash'],
      supportOrganisationFunded: undefined as unknown as boolean,
    });
    expect(errors.map((e) => e.field)).toEqual([
      'versionLabel',
      'routesEnabled',
      'supportOrganisationFunded',
    ]);
  });

  it('shows only what fits the nation, and marks exactly what changed', () => {
    const scotland = describeOptionsSettings('scotland', { ...settings, routesEnabled: [...ALL_ROUTES] });
    expect(scotland.map((r) => r.key)).toContain('Option 2: you choose, someone else arranges');
    expect(scotland.map((r) => r.key)).not.toContain('Managed account');
    const england = describeOptionsSettings('england', { ...settings, routesEnabled: ['direct_payment'] });
    expect(england.map((r) => r.key)).not.toContain('Option 2: you choose, someone else arranges');
    const before = { routesEnabled: [...ALL_ROUTES], supportOrganisationFunded: true };
    const after = normaliseOptionsSettings('england', { ...settings, routesEnabled: ['managed_account'] });
    expect(
      optionsSettingsChanges('england', before, after)
        .filter((c) => c.changed)
        .map((c) => c.key),
    ).toEqual(['Individual service fund', 'Trust or someone acting for you']);
    expect(routesWithdrawn(before.routesEnabled, after.routesEnabled)).toEqual([
      'individual_service_fund',
      'third_party_trust',
    ]);
  });
});
