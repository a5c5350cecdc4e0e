import type { CouncilAccess, PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { compareDates, isIsoDate, todayInLondon } from '../../../platform/dates.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { listCurrentOutcomes } from '../../conversations/index.ts';
import { stageSupport } from '../../people/index.ts';
import {
  type DeploymentRoute,
  ENGLAND_DEPLOYMENT_ROUTES,
  type OfferedChoice,
  optionsOffered,
  SDS_OPTIONS,
  type SdsOption,
} from './rules.ts';
import { authorityNation, insertOptionChoice, optionChoices, personName, userNames } from '../plan/store.ts';
import { optionsSettingsInForce } from './settings-service.ts';

export interface CouncilOffer {
  nation: 'scotland' | 'england';
  choices: OfferedChoice[];
  /** The SDS options any offered choice maps to: what a cost line may use. */
  options: Set<SdsOption>;
  routesEnabled: DeploymentRoute[] | null;
  supportOrganisationFunded: boolean;
}

/**
 * What this council offers today, from its nation and (England) the deployment routes of its
 * options settings in force (settings-service.ts).
 */
export async function councilOffer(tx: Tx, authorityId: string): Promise<CouncilOffer> {
  const nation = await authorityNation(tx, authorityId);
  const config = await optionsSettingsInForce(tx);
  const routesEnabled = (config.routesEnabled as DeploymentRoute[] | null) ?? undefined;
  const choices = optionsOffered({ nation, routesEnabled });
  return {
    nation,
    choices,
    options: new Set(choices.map((c) => c.sdsOption)),
    routesEnabled: routesEnabled ?? null,
    supportOrganisationFunded: config.supportOrganisationFunded,
  };
}

/** The options page: each outcome with its current choice and the history of earlier choices. */
export async function optionsOverview(db: Db, access: PersonAccess) {
  return audited(db, access, 'options.read', async (tx) => {
    const offer = await councilOffer(tx, access.authorityId);
    const outcomes = await listCurrentOutcomes(tx, access.personId);
    const choices = await optionChoices(tx, access.personId);
    const names = await userNames(
      tx,
      choices.map((c) => c.recordedBy),
    );
    const label = (choice: (typeof choices)[number]) =>
      offer.choices.find((c) =>
        choice.deploymentRoute ? c.route === choice.deploymentRoute : c.sdsOption === choice.sdsOption,
      )?.label ?? `Option ${choice.sdsOption}`;
    return {
      personName: await personName(tx, access.personId),
      stageSupport: await stageSupport(tx, access, 'options'),
      offer,
      explanations: SDS_OPTIONS,
      englandRoutes: offer.nation === 'england' ? ENGLAND_DEPLOYMENT_ROUTES : [],
      outcomes: outcomes.map((outcome) => {
        const history = choices
          .filter((c) => c.outcomeId === outcome.id)
          .map((c) => ({
            version: c.version,
            sdsOption: c.sdsOption as SdsOption,
            deploymentRoute: c.deploymentRoute,
            label: label(c),
            helpedBy: c.helpedBy ?? '',
            chosenOn: c.chosenOn,
            recordedBy: names.get(c.recordedBy) ?? 'Unknown',
            recordedAt: c.createdAt,
          }));
        return { ...outcome, current: history[0] ?? null, history };
      }),
    };
  });
}

export interface OptionChoiceInput {
  outcomeId: string;
  choice: string;
  helpedBy: string;
  chosenOn?: string;
}

/** Records a choice as a new version; earlier choices are kept, never edited. */
export async function chooseOption(db: Db, access: PersonAccess, input: OptionChoiceInput) {
  return audited(
    db,
    access,
    'options.choose',
    async (tx) => {
      const offer = await councilOffer(tx, access.authorityId);
      const outcomes = await listCurrentOutcomes(tx, access.personId);
      const errors = [];
      if (!outcomes.some((o) => o.id === input.outcomeId)) {
        errors.push({ field: 'outcomeId', message: 'Select one of the outcomes' });
      }
      const chosen = offer.choices.find((c) => c.key === input.choice);
      if (!chosen) {
        errors.push({
          field: 'choice',
          message: input.choice
            ? `This council does not offer that choice. Choose from: ${offer.choices.map((c) => c.label).join('; ')}`
            : 'Select how you want this support to be arranged',
        });
      }
      const helpedBy = input.helpedBy.trim();
      if (helpedBy === '') {
        errors.push({
          field: 'helpedBy',
          message: 'Say who helped to choose, or write “nobody” if the choice was made alone',
        });
      } else if (helpedBy.length > 200) {
        errors.push({ field: 'helpedBy', message: 'Who helped must be 200 characters or fewer' });
      }
      const today = todayInLondon();
      const chosenOn = input.chosenOn?.trim() || today;
      if (!isIsoDate(chosenOn)) errors.push({ field: 'chosenOn', message: 'Enter a real date' });
      else if (compareDates(chosenOn, today) > 0)
        errors.push({ field: 'chosenOn', message: 'The date of the choice must be today or in the past' });
      if (errors.length) throw Problem.invalid(errors);
      const row = await insertOptionChoice(tx, {
        authorityId: access.authorityId,
        personId: access.personId,
        outcomeId: input.outcomeId,
        sdsOption: chosen!.sdsOption,
        deploymentRoute: chosen!.route ?? null,
        helpedBy,
        chosenOn,
        recordedBy: access.actor.userId,
      });
      return { ...row, label: chosen!.label };
    },
    { outcomeId: input.outcomeId, choice: input.choice },
  );
}

export async function readConfiguration(db: Db, access: CouncilAccess) {
  return audited(db, access, 'options.configuration.read', (tx) => councilOffer(tx, access.authorityId));
}
