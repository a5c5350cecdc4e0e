import { describe, expect, it } from 'vitest';
import { ENGLAND_DEPLOYMENT_ROUTES, optionsOffered, SDS_OPTIONS } from './rules.ts';

/** A rough reading-age check: short sentences and mostly short words. */
function averageSentenceWords(text: string): number {
  const sentences = text.split(/[.!?]/).filter((s) => s.trim() !== '');
  const words = text.split(/\s+/).filter((w) => w !== '');
  return words.length / sentences.length;
}

describe('SDS_OPTIONS', () => {
  it('explains all four options the same way', () => {
    expect(SDS_OPTIONS.map((o) => o.option)).toEqual([1, 2, 3, 4]);
    for (const o of SDS_OPTIONS) {
      for (const text of [o.summary, o.whatYouDo, o.helpAvailable, o.whatChanges]) {
        expect(text.trim()).not.toBe('');
        expect(averageSentenceWords(text)).toBeLessThanOrEqual(20);
      }
    }
  });
  it('mentions the help that exists: support organisations and brokerage', () => {
    expect(SDS_OPTIONS[0]!.helpAvailable).toMatch(/support organisation/);
    expect(SDS_OPTIONS[1]!.helpAvailable).toMatch(/broker/);
    expect(SDS_OPTIONS[1]!.helpAvailable).toMatch(/individual service fund/);
  });
});

describe('optionsOffered', () => {
  it('always offers all four options in Scotland', () => {
    const offered = optionsOffered({ nation: 'scotland', routesEnabled: ['council_managed'] });
    expect(offered.map((o) => o.sdsOption)).toEqual([1, 2, 3, 4]);
    expect(offered[0]!.label).toBe('Option 1: a direct payment');
  });
  it('offers every English route by default, plus a mix', () => {
    const offered = optionsOffered({ nation: 'england' });
    expect(offered.map((o) => o.key)).toEqual([
      'direct_payment',
      'managed_account',
      'individual_service_fund',
      'third_party_trust',
      'council_managed',
      'mix',
    ]);
  });
  it('lets a council switch off routes, but never a direct payment or council-arranged support', () => {
    const offered = optionsOffered({ nation: 'england', routesEnabled: ['individual_service_fund'] });
    expect(offered.map((o) => o.key)).toEqual([
      'direct_payment',
      'individual_service_fund',
      'council_managed',
      'mix',
    ]);
    expect(optionsOffered({ nation: 'england', routesEnabled: [] }).map((o) => o.key)).toEqual([
      'direct_payment',
      'council_managed',
      'mix',
    ]);
  });
  it('maps England routes onto the SDS options', () => {
    const byRoute = Object.fromEntries(ENGLAND_DEPLOYMENT_ROUTES.map((r) => [r.route, r.sdsOption]));
    expect(byRoute).toEqual({
      direct_payment: 1,
      managed_account: 1,
      individual_service_fund: 2,
      third_party_trust: 1,
      council_managed: 3,
    });
  });
});
