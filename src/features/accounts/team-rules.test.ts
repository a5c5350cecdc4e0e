import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeRefusal, teamErrors, tidyTeamName } from './team-rules.ts';

const context = {
  teams: [{ id: 'a', name: 'Adult Community Care North' }],
  localityCodes: ['north', 'south'],
};

describe('a team as typed', () => {
  it('needs a name, says who it serves, and covers only the council’s localities', () => {
    expect(teamErrors({ name: '  ', serves: 'all_ages', localityCodes: [] }, context)).toEqual([
      { field: 'name', message: 'Enter the name of the team' },
    ]);
    expect(
      teamErrors({ name: 'Hospital Team', serves: 'everyone', localityCodes: ['mars'] }, context).map(
        (e) => e.field,
      ),
    ).toEqual(['serves', 'localityCodes']);
    expect(
      teamErrors({ name: 'Hospital Team', serves: 'adults', localityCodes: ['north'] }, context),
    ).toEqual([]);
  });

  it('refuses a name the council already has, whatever its capitals and spaces, except the team’s own', () => {
    fc.assert(
      fc.property(fc.constantFrom('upper', 'lower', 'spaced'), (how) => {
        const name =
          how === 'upper'
            ? 'ADULT COMMUNITY CARE NORTH'
            : how === 'lower'
              ? 'adult community care north'
              : '  Adult   Community Care North ';
        const input = { name, serves: 'adults', localityCodes: [] };
        expect(teamErrors(input, context).map((e) => e.field)).toEqual(['name']);
        expect(teamErrors(input, { ...context, ownId: 'a' })).toEqual([]);
      }),
    );
  });

  it('tidies any name to one trimmed line that is never longer', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const tidy = tidyTeamName(name);
        expect(tidy).toBe(tidy.trim());
        expect(tidy).not.toMatch(/\s\s/);
        expect(tidy.length).toBeLessThanOrEqual(name.length);
      }),
    );
  });
});

describe('closing a team', () => {
  it('is allowed exactly when no staff and no open cases remain, and says what is left', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), (staff, openAllocations) => {
        const refusal = closeRefusal({ staff, openAllocations });
        expect(refusal === null).toBe(staff === 0 && openAllocations === 0);
        if (staff) expect(refusal).toContain(`${staff} staff account`);
        if (openAllocations) expect(refusal).toContain(`${openAllocations} `);
      }),
    );
    expect(closeRefusal({ staff: 1, openAllocations: 2 })).toBe(
      'This team still has 1 staff account and 2 people with an open case. Move them to another team before you close it.',
    );
  });
});
