// Where and how care is delivered: home health (homebound, medical treatment, hours a week),
// inpatient rehabilitation or skilled nursing after a hospital stay (setting, length of stay),
// and intensive psychological programs (partial hospitalization) after outpatient care.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import { indexed, reportedFindingTexts } from './record.js';
import { daysBetween } from '../util/dates.js';
import { parseNumber } from '../util/durations.js';
import { daysInText, MOBILITY_LIMIT } from './dme.js';

const MEDICAL_CARE =
  /wound|dressing|incision|\biv\b|intravenous|infusion|antibiotic|injection|skilled nurs|\bnurse\b|nursing|physical therap|occupational therap|medication (management|administration)|catheter|ostomy|drain/;
const PERSONAL_CARE =
  /homemaker|housekeep|chore|personal care|bathing|grooming|meals?\b|shopping|laundry|companion|attendant|\baides?\b|custodial/;

/** Psychological tests by name (instruments reviewers expect a testing request to list). */
const PSYCH_TESTS =
  /\bmmpi|minnesota multiphasic|\bmbmd\b|millon|\bmcmi|\bbhi\b|battery for health improvement|\bbdi\b|beck (depression|anxiety)|\bbai\b|phq-?9|gad-?7|\bpai\b|personality assessment inventory|scl-?90|\bp-?3\b|pain patient profile|trauma symptom inventory|hamilton|epworth|\bwais\b|wechsler|pain catastrophi[sz]ing scale|fear[- ]avoidance beliefs|\bfabq\b|\bmoca\b|mini[- ]mental|neuropsycholog\w* battery/;
const PSYCH_TESTING = /\btest(s|ing)?\b|battery|inventor(y|ies)|questionnaire|assessment instruments?|psychometric/;

const SETTINGS: ReadonlyArray<readonly [string, RegExp]> = [
  ['skilled-nursing', /skilled nursing|\bsnf\b|nursing (facility|home)|sub-?acute/],
  [
    'inpatient-rehabilitation',
    /rehabilitation (unit|facility|hospital|center)|acute rehab|inpatient rehab|\birf\b|\baru\b|rehab (unit|facility)/,
  ],
  [
    'acute-hospital',
    /hospital (stay|admission)|inpatient (stay|admission|hospitali[sz]ation)|admission|length of stay|\blos\b|overnight stay/,
  ],
];

// a number only where one starts: a long run of digits is not retried at every position (linear time)
const NUMBER = '(?<![\\d.])(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';
const num = (t: string): number => parseNumber(t)!;
const HOURS = `${NUMBER}\\s*(?:-\\s*\\d+\\s*)?(?:hours?|hrs?|h)\\b`;
const PER = '\\s*(?:per|a|an|\\/|each|every|x)\\s*';

/**
 * Hours a week a home-care request states: "20 hours per week", "6 hours a day, 5 days a week"
 * (= 30), "8 hours per day" (7 days a week), "4 hours 3 times a week" (= 12). A range is read at
 * its upper bound only when written as the number (the request format writes the upper bound).
 */
// compiled once (a function compiling them ran per service)
const HOURS_PER_WEEK = new RegExp(`${HOURS}${PER}week`);
const HOURS_PER_DAY = new RegExp(`${HOURS}${PER}day`);
const DAYS_OR_TIMES_PER_WEEK = new RegExp(`${NUMBER}\\s*(?:days?|x|times)${PER}week`);
const DAYS_PER_WEEK = new RegExp(`${NUMBER}\\s*days?${PER}week`);
const HOURS_TIMES_PER_WEEK = new RegExp(`${HOURS}[^.;]{0,20}?${NUMBER}\\s*(?:x|times)${PER}week`);

export function hoursPerWeekInText(words: string): { hours: number; how: string } | undefined {
  const perWeek = HOURS_PER_WEEK.exec(words);
  if (perWeek) return { hours: num(perWeek[1]!), how: perWeek[0] };
  const perDay = HOURS_PER_DAY.exec(words);
  if (perDay) {
    const days = DAYS_OR_TIMES_PER_WEEK.exec(words.slice(perDay.index + perDay[0].length)) ?? DAYS_PER_WEEK.exec(words);
    const d = days ? num(days[1]!) : 7;
    return { hours: num(perDay[1]!) * d, how: `${perDay[0]}${days ? `, ${days[0]}` : ' (7 days a week)'}` };
  }
  const perVisit = HOURS_TIMES_PER_WEEK.exec(words);
  if (perVisit) return { hours: num(perVisit[1]!) * num(perVisit[2]!), how: perVisit[0] };
  return undefined;
}

export const careSettingFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'careSetting.homebound',
    type: 'boolean',
    description:
      'The worker is homebound: the exam or symptoms record that he or she is bed- or wheelchair-bound, cannot walk or stand, or is non-weight-bearing. Never false.',
    reads: ['exam[].text', 'symptoms[].text'],
    derive: (ctx) => {
      const hits = reportedFindingTexts(ctx.request.raw).filter((t) => MOBILITY_LIMIT.test(t.text));
      return hits.length > 0
        ? known(
            true,
            hits.map((t) => `${t.path}: ${t.text.trim()}`),
          )
        : unknown(['homebound status not documented']);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.homeHealthMedicalTreatment',
    type: 'boolean',
    description:
      'The home health request is for medical treatment (skilled nursing such as wound care or IV antibiotics, or therapy); false when it is only homemaker services or personal care by an aide.',
    reads: ['services[].label', 'services[].text', 'services[].purpose'],
    derive: ({ service }) => {
      const words = `${service.words} ${(service.raw.purpose ?? '').toLowerCase()}`;
      const at = `services[${service.index}]`;
      if (MEDICAL_CARE.test(words)) return known(true, [`${at} names medical treatment (${MEDICAL_CARE.exec(words)![0]})`]);
      if (PERSONAL_CARE.test(words))
        return known(false, [`${at} names only homemaker or personal care (${PERSONAL_CARE.exec(words)![0]})`]);
      return unknown([`${at}: the care to be given at home is not described`]);
    },
  }),
  defineFact<number>({
    id: 'careSetting.homeHealthHoursPerWeek',
    type: 'number',
    description:
      'Hours of home health a week, computed from what is given: a quantity in hours over the weeks requested, "N hours per week", "N hours a day, M days a week" (7 days when the days are not stated), or "N hours, M times a week".',
    reads: ['services[].quantity', 'services[].unit', 'services[].weeks', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      const { quantity, unit, weeks } = service.raw;
      if (quantity !== undefined && unit && /^h(ou)?rs?$/.test(unit.trim().toLowerCase())) {
        const w = weeks ?? service.weeks;
        if (w !== undefined && w > 0) return known(quantity / w, [`${at}.quantity = ${quantity} hours over ${w} weeks`]);
      }
      const stated = hoursPerWeekInText(service.words);
      return stated ? known(stated.hours, [`${at}.label/text states ${stated.how}`]) : unknown([`${at}: hours of care not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.homeHealthAfterSurgeryOrStay',
    type: 'boolean',
    description:
      'The home health follows a surgical procedure or an inpatient hospital stay: requested for a surgery or stay, a surgery or stay requested alongside it, or a surgery recorded in the 30 days before the request. False when the last recorded surgery was longer ago; not documented otherwise.',
    reads: ['services[].for', 'services[]', 'surgeries[]', 'services[].date'],
    derive: (ctx) => {
      const { service, request } = ctx;
      const primary = service.raw.for ? request.byId.get(service.raw.for) : undefined;
      if (primary && (primary.kind === 'surgery' || primary.kind === 'inpatient-stay'))
        return known(true, [`services[${service.index}].for = ${primary.id} (${primary.kind})`]);
      const alongside = request.services.filter((s) => s.id !== service.id && (s.kind === 'surgery' || s.kind === 'inpatient-stay'));
      if (alongside.length > 0)
        return known(
          true,
          alongside.map((s) => `services[${s.index}] = ${s.kind} (${s.raw.label ?? s.raw.text ?? s.id})`),
        );
      const asOf = ctx.get<string>('imaging.requestDate').value ?? request.decisionDate;
      const dated = indexed(request.raw.surgeries, 'surgeries').filter((s) => s.item.date && daysBetween(s.item.date, asOf) >= 0);
      if (dated.length === 0) return unknown(['no surgery or hospital stay recorded before the request']);
      const last = dated.reduce((a, b) => (a.item.date! >= b.item.date! ? a : b));
      const days = daysBetween(last.item.date!, asOf);
      return known(days <= 30, [`${last.path} = ${last.item.kind} on ${last.item.date}, ${days} days before the request`]);
    },
  }),
  defineFact<string>({
    id: 'careSetting.inpatientSetting',
    type: 'string',
    description: `The setting of an inpatient stay, from its label: ${SETTINGS.map(([s]) => s).join(', ')}.`,
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const hit = SETTINGS.find(([, re]) => re.test(service.words));
      return hit
        ? known(hit[0], [`services[${service.index}].label/text names ${hit[0]}`])
        : unknown([`services[${service.index}]: setting not stated`]);
    },
  }),
  defineFact<number>({
    id: 'careSetting.inpatientLengthOfStayDays',
    type: 'number',
    description: 'Days of the inpatient stay requested: quantity in days or weeks, or a duration in the label.',
    reads: ['services[].quantity', 'services[].unit', 'services[].label'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      const { quantity, unit } = service.raw;
      const u = (unit ?? '').trim().toLowerCase();
      if (quantity !== undefined && /^days?$/.test(u)) return known(quantity, [`${at}.quantity = ${quantity} ${unit}`]);
      if (quantity !== undefined && /^weeks?$/.test(u)) return known(quantity * 7, [`${at}.quantity = ${quantity} ${unit}`]);
      const days = daysInText(service.words);
      return days !== undefined ? known(days, [`${at}.label states ${days} days`]) : unknown([`${at}: length of stay not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.inpatientAfterAcuteStay',
    type: 'boolean',
    description:
      "The stay immediately follows an acute hospital stay: requested for a surgery, or a surgery is recorded in the 30 days before the stay's date. False when the last surgery was more than 30 days before; not documented when the stay or the surgery is undated.",
    reads: ['services[].for', 'services[].date', 'surgeries[]'],
    derive: (ctx) => {
      const { service, request } = ctx;
      const primary = service.raw.for ? request.byId.get(service.raw.for) : undefined;
      if (primary?.kind === 'surgery') return known(true, [`services[${service.index}].for = ${primary.id} (surgery)`]);
      const dated = indexed(request.raw.surgeries, 'surgeries').filter((s) => s.item.date);
      const date = service.raw.date;
      if (dated.length === 0 || !date) return unknown([date ? 'surgeries: none dated' : `services[${service.index}].date not given`]);
      const last = dated.reduce((a, b) => (a.item.date! >= b.item.date! ? a : b));
      const days = daysBetween(last.item.date!, date);
      return known(days >= 0 && days <= 30, [`${last.path} = ${last.item.kind} on ${last.item.date}, ${days} days before the stay`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychIntensiveProgram',
    type: 'boolean',
    description:
      'The psychological service is an intensive program (partial hospitalization, day treatment, intensive outpatient, multidisciplinary program) rather than outpatient visits.',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const m = /partial hospitali[sz]|day (treatment|program)|intensive outpatient|\biop\b|\bphp\b|residential|multidisciplinary/.exec(
        service.words,
      );
      return m
        ? known(true, [`services[${service.index}].label/text names ${m[0]}`])
        : known(false, [`services[${service.index}] names outpatient psychological care`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychPriorCare',
    type: 'boolean',
    description: 'Psychological care has already been given (psychological services among the treatments). Never false.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const prior = indexed(ctx.request.raw.treatments, 'treatments').filter((t) => t.item.kind === 'psychological-services');
      return prior.length > 0
        ? known(
            true,
            prior.map((t) => `${t.path} = psychological-services${t.item.text ? ` (${t.item.text})` : ''}`),
          )
        : unknown(['treatments: no psychological care recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychClinicalImpression',
    type: 'boolean',
    description:
      'A clinical impression of a psychological condition: a psychological or psychosocial diagnosis, or psychological symptoms (depression, anxiety, stress, panic, suicidal thoughts, fear-avoidance) recorded. Never false.',
    reads: ['diagnoses[]', 'symptoms[]'],
    derive: (ctx) => {
      const dx = ctx.get<boolean>('documentation.psychosocialDiagnosis');
      if (dx.value === true) return dx;
      const PSYCH =
        /depress|anxi|stress|panic|suicid|homicid|ptsd|post-?traumatic|fear[- ]avoid|catastroph|irritab|mood|nightmare|flashback/;
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
        (s) => s.item.result !== 'negative' && PSYCH.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()),
      );
      return symptoms.length > 0
        ? known(
            true,
            symptoms.map((s) => `${s.path}.kind = ${s.item.kind}`),
          )
        : unknown(['no psychological diagnosis or symptom recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychTesting',
    type: 'boolean',
    description:
      'The psychological service is testing (a test battery, inventories, psychometric or neuropsychological testing) rather than an evaluation interview or treatment.',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const m = PSYCH_TESTING.exec(service.words) ?? PSYCH_TESTS.exec(service.words);
      return m
        ? known(true, [`services[${service.index}].label/text names ${m[0]}`])
        : known(false, [`services[${service.index}] names no testing`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychTestsNamed',
    type: 'boolean',
    description: 'The psychological tests to be given are named (MMPI, BHI, Beck inventories, PHQ-9, …) in the label or text. Never false.',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const m = PSYCH_TESTS.exec(service.words);
      return m
        ? known(true, [`services[${service.index}].label/text names ${m[0]}`])
        : unknown([`services[${service.index}]: the tests are not named`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.psychTestingTimeStated',
    type: 'boolean',
    description:
      'The time the testing takes is stated: a quantity in hours, minutes or units, or a duration in the label ("4 hours", "90 minutes"). Never false.',
    reads: ['services[].quantity', 'services[].unit', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      const { quantity, unit } = service.raw;
      if (quantity !== undefined && unit && /^(h(ou)?rs?|min(ute)?s?|units?)$/.test(unit.trim().toLowerCase()))
        return known(true, [`${at}.quantity = ${quantity} ${unit}`]);
      const m = /\b\d+(\.\d+)?\s*(hours?|hrs?|minutes?|mins?|units?)\b/.exec(service.words);
      return m ? known(true, [`${at}.label/text states ${m[0]}`]) : unknown([`${at}: the time of the testing is not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'careSetting.transportConditionPreventsTravel',
    type: 'boolean',
    description:
      'A medical or physical condition that prevents ordinary public or private transport, as the record states it: the documentation flag, or the exam or symptoms record that the worker is homebound, bed- or wheelchair-bound, non-weight-bearing, or cannot drive, sit or walk. False only when the flag says so.',
    reads: ['documentation.cannotUseOrdinaryTransport', 'exam[].text', 'symptoms[].text'],
    derive: (ctx) => {
      const flag = ctx.request.raw.documentation?.cannotUseOrdinaryTransport;
      if (flag === true) return known(true, ['documentation.cannotUseOrdinaryTransport = true']);
      const hits = reportedFindingTexts(ctx.request.raw).filter(
        (t) =>
          MOBILITY_LIMIT.test(t.text) || /(cannot|unable to) (drive|sit|travel|ride)|not (able|cleared) to drive|no driving/.test(t.text),
      );
      if (hits.length > 0)
        return known(
          true,
          hits.map((t) => `${t.path}: ${t.text.trim()}`),
        );
      return flag === false
        ? known(false, ['documentation.cannotUseOrdinaryTransport = false'])
        : unknown(['no condition preventing ordinary transport documented']);
    },
  }),
];
