import type { ScotlandAssessment, ScotlandBand } from '../../features/eligibility/index.ts';
import type { Random } from './random.ts';

const EVIDENCE: Record<ScotlandBand, string> = {
  critical: 'Has fallen three times this month and cannot get up without help',
  substantial: 'Cannot manage personal care or meals without daily help',
  moderate: 'Needs some help with shopping and cleaning',
  low: 'Manages most things; would like company now and then',
  none: 'No risk noted',
};

/** A Scottish risk assessment whose worst area is `overall`, with evidence in plain words. */
export function scotlandAssessment(random: Random, overall: ScotlandBand): ScotlandAssessment {
  const order: ScotlandBand[] = ['none', 'low', 'moderate', 'substantial', 'critical'];
  const lower = () => order[random.int(0, order.indexOf(overall))]!;
  const worst = random.pick(['autonomy', 'health_safety', 'daily_routines', 'community'] as const);
  const area = (name: string) => {
    const band = name === worst ? overall : lower();
    return { band, evidence: EVIDENCE[band] };
  };
  return {
    framework: 'scotland',
    areas: {
      autonomy: area('autonomy'),
      health_safety: area('health_safety'),
      daily_routines: area('daily_routines'),
      community: area('community'),
    },
  };
}
