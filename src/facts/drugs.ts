// Drug names: the coarse class a medication request may state (`drugClass`), and a finer
// dictionary of the drugs the guidelines name (generic, brands, category, labeled dosing), for
// requests that name a drug without stating its class. A name that matches nothing stays
// unclassified (the rules then abstain).

/** Categories the medication rules tell apart (finer than the request's `drugClass`). */
export type DrugCategory =
  | 'opioid' | 'oral-corticosteroid' | 'muscle-relaxant' | 'nsaid' | 'cox2-inhibitor' | 'acetaminophen'
  | 'aspirin' | 'anticoagulant' | 'antiplatelet' | 'ppi' | 'h2-blocker' | 'gi-protectant'
  | 'antidepressant' | 'tricyclic' | 'snri' | 'ssri' | 'anticonvulsant' | 'benzodiazepine' | 'hypnotic'
  | 'sedating-antihistamine' | 'antiemetic' | 'laxative' | 'oic-prescription' | 'barbiturate-analgesic'
  | 'medical-food' | 'pde5-inhibitor' | 'nitrate' | 'local-anesthetic' | 'capsaicin' | 'salicylate'
  | 'counterirritant' | 'nmda-antagonist' | 'corticosteroid' | 'compounding-kit';

export interface Drug {
  /** Generic name (for a compounding kit, the kit's name). */
  generic: string;
  categories: readonly DrugCategory[];
  /** Generic and brand names, lower case. */
  pattern: RegExp;
  /** Most doses a day the labeled dosing allows (the guideline's dosing paragraph), for the length of a supply. */
  maxDosesPerDay?: number;
  /** Active ingredients of a kit or fixed combination named by brand. */
  contains?: readonly string[];
  /** Oral morphine equivalent of 1 mg (fentanyl: of 1 mcg/hr transdermal), for the daily morphine-equivalent dose. */
  morphineFactor?: number;
  /** Strength of one unit when the brand implies it (Tylenol #3 = 30 mg codeine). */
  unitStrengthMg?: number;
}

const OPIOID_NAMES = /hydrocodone|norco|vicodin|lortab|oxycodone|percocet|oxycontin|roxicodone|endocet|tramadol|ultram|ultracet|tapentadol|nucynta|morphine|ms ?contin|kadian|hydromorphone|dilaudid|exalgo|fentanyl|duragesic|methadone|codeine|tylenol (#|no\.? ?)[34]|buprenorphine|butrans|belbuca|suboxone|oxymorphone|opana|trezix|synapryn|levorphanol|meperidine|demerol|zohydro|hysingla|xtampza/i;
const CORTICOSTEROID_NAMES = /medrol|methylprednisolone|prednisone|prednisolone|dexamethasone|dose ?pa?c?k/i;

/** The drugs the medication rules name. Order matters only for display. */
export const DRUGS: readonly Drug[] = [
  // opioids (MTUS-CPMTG "Opioids, dosing" table of morphine equivalents; tramadol, tapentadol and
  // meperidine, which the table does not list, at the CMS/CDC factors 0.1, 0.4 and 0.1)
  { generic: 'hydrocodone', categories: ['opioid'], pattern: /hydrocodone|norco|vicodin|lortab|zohydro|hysingla/, maxDosesPerDay: 6, morphineFactor: 1 },
  { generic: 'oxycodone', categories: ['opioid'], pattern: /oxycodone|percocet|oxycontin|roxicodone|endocet|xtampza/, maxDosesPerDay: 6, morphineFactor: 1.5 },
  { generic: 'morphine', categories: ['opioid'], pattern: /morphine|ms ?contin|kadian/, maxDosesPerDay: 6, morphineFactor: 1 },
  { generic: 'hydromorphone', categories: ['opioid'], pattern: /hydromorphone|dilaudid|exalgo/, maxDosesPerDay: 6, morphineFactor: 4 },
  { generic: 'oxymorphone', categories: ['opioid'], pattern: /oxymorphone|opana/, maxDosesPerDay: 6, morphineFactor: 3 },
  { generic: 'codeine', categories: ['opioid'], pattern: /codeine/, maxDosesPerDay: 6, morphineFactor: 0.15 },
  { generic: 'codeine', categories: ['opioid'], pattern: /tylenol ?(?:#|no\.? ?)3/, maxDosesPerDay: 6, morphineFactor: 0.15, unitStrengthMg: 30 },
  { generic: 'codeine', categories: ['opioid'], pattern: /tylenol ?(?:#|no\.? ?)4/, maxDosesPerDay: 6, morphineFactor: 0.15, unitStrengthMg: 60 },
  { generic: 'tramadol', categories: ['opioid'], pattern: /tramadol|ultram|ultracet/, maxDosesPerDay: 8, morphineFactor: 0.1 },
  { generic: 'tapentadol', categories: ['opioid'], pattern: /tapentadol|nucynta/, maxDosesPerDay: 6, morphineFactor: 0.4 },
  { generic: 'fentanyl', categories: ['opioid'], pattern: /fentanyl|duragesic/, morphineFactor: 2.4 },
  { generic: 'methadone', categories: ['opioid'], pattern: /methadone/, maxDosesPerDay: 3 },
  { generic: 'meperidine', categories: ['opioid'], pattern: /meperidine|demerol/, maxDosesPerDay: 6, morphineFactor: 0.1 },
  { generic: 'levorphanol', categories: ['opioid'], pattern: /levorphanol/, maxDosesPerDay: 6 },
  { generic: 'buprenorphine', categories: ['opioid'], pattern: /buprenorphine|butrans|belbuca|suboxone/ },
  // muscle relaxants (CPMTG "Muscle relaxants (for pain)": dosing per drug)
  { generic: 'cyclobenzaprine', categories: ['muscle-relaxant'], pattern: /cyclobenzaprine|flexeril|fexmid|amrix/, maxDosesPerDay: 3 },
  { generic: 'tizanidine', categories: ['muscle-relaxant'], pattern: /tizanidine|zanaflex/, maxDosesPerDay: 3 },
  { generic: 'methocarbamol', categories: ['muscle-relaxant'], pattern: /methocarbamol|robaxin/, maxDosesPerDay: 4 },
  { generic: 'carisoprodol', categories: ['muscle-relaxant'], pattern: /carisoprodol|\bsoma\b/, maxDosesPerDay: 4 },
  { generic: 'orphenadrine', categories: ['muscle-relaxant'], pattern: /orphenadrine|norflex|norgesic/, maxDosesPerDay: 2 },
  { generic: 'metaxalone', categories: ['muscle-relaxant'], pattern: /metaxalone|skelaxin/, maxDosesPerDay: 4 },
  { generic: 'baclofen', categories: ['muscle-relaxant'], pattern: /baclofen|lioresal/, maxDosesPerDay: 4 },
  { generic: 'chlorzoxazone', categories: ['muscle-relaxant'], pattern: /chlorzoxazone|lorzone|parafon/, maxDosesPerDay: 4 },
  { generic: 'dantrolene', categories: ['muscle-relaxant'], pattern: /dantrolene|dantrium/, maxDosesPerDay: 4 },
  // NSAIDs and other non-opioid analgesics
  { generic: 'ibuprofen', categories: ['nsaid'], pattern: /ibuprofen|motrin|advil|duexis/, maxDosesPerDay: 4 },
  { generic: 'naproxen', categories: ['nsaid'], pattern: /naproxen|naprosyn|anaprox|aleve|naprelan|vimovo/, maxDosesPerDay: 2 },
  { generic: 'celecoxib', categories: ['nsaid', 'cox2-inhibitor'], pattern: /celecoxib|celebrex/, maxDosesPerDay: 2 },
  { generic: 'meloxicam', categories: ['nsaid'], pattern: /meloxicam|mobic/, maxDosesPerDay: 1 },
  { generic: 'etodolac', categories: ['nsaid'], pattern: /etodolac|lodine/, maxDosesPerDay: 3 },
  { generic: 'nabumetone', categories: ['nsaid'], pattern: /nabumetone|relafen/, maxDosesPerDay: 2 },
  { generic: 'diclofenac', categories: ['nsaid'], pattern: /diclofenac|voltaren|arthrotec|cataflam|zipsor|zorvolex|flector|pennsaid|solaraze/, maxDosesPerDay: 3 },
  { generic: 'indomethacin', categories: ['nsaid'], pattern: /indomethacin|indocin/, maxDosesPerDay: 3 },
  { generic: 'ketorolac', categories: ['nsaid'], pattern: /ketorolac|toradol|sprix/, maxDosesPerDay: 4 },
  { generic: 'piroxicam', categories: ['nsaid'], pattern: /piroxicam|feldene/, maxDosesPerDay: 1 },
  { generic: 'oxaprozin', categories: ['nsaid'], pattern: /oxaprozin|daypro/, maxDosesPerDay: 1 },
  { generic: 'fenoprofen', categories: ['nsaid'], pattern: /fenoprofen|nalfon/, maxDosesPerDay: 4 },
  { generic: 'ketoprofen', categories: ['nsaid'], pattern: /ketoprofen/, maxDosesPerDay: 3 },
  { generic: 'flurbiprofen', categories: ['nsaid'], pattern: /flurbiprofen/, maxDosesPerDay: 3 },
  { generic: 'sulindac', categories: ['nsaid'], pattern: /sulindac|clinoril/, maxDosesPerDay: 2 },
  { generic: 'diflunisal', categories: ['nsaid'], pattern: /diflunisal|dolobid/, maxDosesPerDay: 2 },
  { generic: 'salsalate', categories: ['nsaid'], pattern: /salsalate/, maxDosesPerDay: 3 },
  { generic: 'acetaminophen', categories: ['acetaminophen'], pattern: /acetaminophen|paracetamol|\bapap\b|tylenol(?! ?(#|no\.? ?)[34])/, maxDosesPerDay: 6 },
  { generic: 'aspirin', categories: ['aspirin'], pattern: /aspirin|\basa\b|ecotrin/ },
  // GI protection
  { generic: 'omeprazole', categories: ['ppi'], pattern: /omeprazole|prilosec/, maxDosesPerDay: 2 },
  { generic: 'esomeprazole', categories: ['ppi'], pattern: /esomeprazole|nexium|vimovo/, maxDosesPerDay: 2 },
  { generic: 'lansoprazole', categories: ['ppi'], pattern: /lansoprazole|prevacid/, maxDosesPerDay: 2 },
  { generic: 'dexlansoprazole', categories: ['ppi'], pattern: /dexlansoprazole|dexilant/, maxDosesPerDay: 1 },
  { generic: 'pantoprazole', categories: ['ppi'], pattern: /pantoprazole|protonix/, maxDosesPerDay: 2 },
  { generic: 'rabeprazole', categories: ['ppi'], pattern: /rabeprazole|aciphex/, maxDosesPerDay: 2 },
  { generic: 'famotidine', categories: ['h2-blocker'], pattern: /famotidine|pepcid|duexis/, maxDosesPerDay: 2 },
  { generic: 'ranitidine', categories: ['h2-blocker'], pattern: /ranitidine|zantac/, maxDosesPerDay: 2 },
  { generic: 'cimetidine', categories: ['h2-blocker'], pattern: /cimetidine|tagamet/, maxDosesPerDay: 4 },
  { generic: 'nizatidine', categories: ['h2-blocker'], pattern: /nizatidine|axid/, maxDosesPerDay: 2 },
  { generic: 'misoprostol', categories: ['gi-protectant'], pattern: /misoprostol|cytotec|arthrotec/, maxDosesPerDay: 4 },
  // antidepressants and anticonvulsants (CPMTG "Antidepressants for chronic pain", "Antiepilepsy drugs")
  { generic: 'amitriptyline', categories: ['antidepressant', 'tricyclic'], pattern: /amitriptyline|elavil/, maxDosesPerDay: 2 },
  { generic: 'nortriptyline', categories: ['antidepressant', 'tricyclic'], pattern: /nortriptyline|pamelor/, maxDosesPerDay: 2 },
  { generic: 'desipramine', categories: ['antidepressant', 'tricyclic'], pattern: /desipramine|norpramin/, maxDosesPerDay: 2 },
  { generic: 'imipramine', categories: ['antidepressant', 'tricyclic'], pattern: /imipramine|tofranil/, maxDosesPerDay: 2 },
  { generic: 'doxepin', categories: ['antidepressant', 'tricyclic'], pattern: /doxepin|silenor/, maxDosesPerDay: 2 },
  { generic: 'duloxetine', categories: ['antidepressant', 'snri'], pattern: /duloxetine|cymbalta/, maxDosesPerDay: 2 },
  { generic: 'venlafaxine', categories: ['antidepressant', 'snri'], pattern: /venlafaxine|effexor/, maxDosesPerDay: 3 },
  { generic: 'desvenlafaxine', categories: ['antidepressant', 'snri'], pattern: /desvenlafaxine|pristiq/, maxDosesPerDay: 1 },
  { generic: 'milnacipran', categories: ['antidepressant', 'snri'], pattern: /milnacipran|savella/, maxDosesPerDay: 2 },
  { generic: 'fluoxetine', categories: ['antidepressant', 'ssri'], pattern: /fluoxetine|prozac/, maxDosesPerDay: 2 },
  { generic: 'sertraline', categories: ['antidepressant', 'ssri'], pattern: /sertraline|zoloft/, maxDosesPerDay: 1 },
  { generic: 'paroxetine', categories: ['antidepressant', 'ssri'], pattern: /paroxetine|paxil/, maxDosesPerDay: 1 },
  { generic: 'citalopram', categories: ['antidepressant', 'ssri'], pattern: /(?<!es)citalopram|celexa/, maxDosesPerDay: 1 },
  { generic: 'escitalopram', categories: ['antidepressant', 'ssri'], pattern: /escitalopram|lexapro/, maxDosesPerDay: 1 },
  { generic: 'bupropion', categories: ['antidepressant'], pattern: /bupropion|wellbutrin/, maxDosesPerDay: 3 },
  { generic: 'trazodone', categories: ['antidepressant'], pattern: /trazodone|desyrel/, maxDosesPerDay: 3 },
  { generic: 'mirtazapine', categories: ['antidepressant'], pattern: /mirtazapine|remeron/, maxDosesPerDay: 1 },
  { generic: 'gabapentin', categories: ['anticonvulsant'], pattern: /gabapentin|neurontin|gralise|horizant/, maxDosesPerDay: 3 },
  { generic: 'pregabalin', categories: ['anticonvulsant'], pattern: /pregabalin|lyrica/, maxDosesPerDay: 3 },
  { generic: 'topiramate', categories: ['anticonvulsant'], pattern: /topiramate|topamax/, maxDosesPerDay: 2 },
  { generic: 'carbamazepine', categories: ['anticonvulsant'], pattern: /(?<!ox)carbamazepine|tegretol/, maxDosesPerDay: 4 },
  { generic: 'oxcarbazepine', categories: ['anticonvulsant'], pattern: /oxcarbazepine|trileptal/, maxDosesPerDay: 2 },
  { generic: 'lamotrigine', categories: ['anticonvulsant'], pattern: /lamotrigine|lamictal/, maxDosesPerDay: 2 },
  { generic: 'levetiracetam', categories: ['anticonvulsant'], pattern: /levetiracetam|keppra/, maxDosesPerDay: 2 },
  { generic: 'zonisamide', categories: ['anticonvulsant'], pattern: /zonisamide|zonegran/, maxDosesPerDay: 2 },
  { generic: 'valproate', categories: ['anticonvulsant'], pattern: /valpro|depakote|divalproex/, maxDosesPerDay: 3 },
  // sedatives and hypnotics
  { generic: 'diazepam', categories: ['benzodiazepine'], pattern: /diazepam|valium/, maxDosesPerDay: 4 },
  { generic: 'alprazolam', categories: ['benzodiazepine'], pattern: /alprazolam|xanax/, maxDosesPerDay: 4 },
  { generic: 'lorazepam', categories: ['benzodiazepine'], pattern: /lorazepam|ativan/, maxDosesPerDay: 3 },
  { generic: 'clonazepam', categories: ['benzodiazepine'], pattern: /clonazepam|klonopin/, maxDosesPerDay: 3 },
  { generic: 'temazepam', categories: ['benzodiazepine', 'hypnotic'], pattern: /temazepam|restoril/, maxDosesPerDay: 1 },
  { generic: 'chlordiazepoxide', categories: ['benzodiazepine'], pattern: /chlordiazepoxide|librium/, maxDosesPerDay: 4 },
  { generic: 'triazolam', categories: ['benzodiazepine', 'hypnotic'], pattern: /triazolam|halcion/, maxDosesPerDay: 1 },
  { generic: 'zolpidem', categories: ['hypnotic'], pattern: /zolpidem|ambien|edluar|intermezzo/, maxDosesPerDay: 1 },
  { generic: 'eszopiclone', categories: ['hypnotic'], pattern: /eszopiclone|lunesta/, maxDosesPerDay: 1 },
  { generic: 'zaleplon', categories: ['hypnotic'], pattern: /zaleplon|sonata/, maxDosesPerDay: 1 },
  { generic: 'suvorexant', categories: ['hypnotic'], pattern: /suvorexant|belsomra/, maxDosesPerDay: 1 },
  { generic: 'ramelteon', categories: ['hypnotic'], pattern: /ramelteon|rozerem/, maxDosesPerDay: 1 },
  { generic: 'diphenhydramine', categories: ['sedating-antihistamine'], pattern: /diphenhydramine|benadryl/, maxDosesPerDay: 4 },
  { generic: 'doxylamine', categories: ['sedating-antihistamine'], pattern: /doxylamine|unisom/, maxDosesPerDay: 1 },
  { generic: 'hydroxyzine', categories: ['sedating-antihistamine'], pattern: /hydroxyzine|vistaril|atarax/, maxDosesPerDay: 4 },
  // antiemetics, laxatives
  { generic: 'ondansetron', categories: ['antiemetic'], pattern: /ondansetron|zofran/, maxDosesPerDay: 3 },
  { generic: 'promethazine', categories: ['antiemetic'], pattern: /promethazine|phenergan/, maxDosesPerDay: 4 },
  { generic: 'metoclopramide', categories: ['antiemetic'], pattern: /metoclopramide|reglan/, maxDosesPerDay: 4 },
  { generic: 'prochlorperazine', categories: ['antiemetic'], pattern: /prochlorperazine|compazine/, maxDosesPerDay: 4 },
  { generic: 'trimethobenzamide', categories: ['antiemetic'], pattern: /trimethobenzamide|tigan/, maxDosesPerDay: 4 },
  { generic: 'granisetron', categories: ['antiemetic'], pattern: /granisetron|sancuso/, maxDosesPerDay: 2 },
  { generic: 'docusate', categories: ['laxative'], pattern: /docusate|colace|stool softener/, maxDosesPerDay: 3 },
  { generic: 'senna', categories: ['laxative'], pattern: /senna|sennosides|senokot/, maxDosesPerDay: 4 },
  { generic: 'bisacodyl', categories: ['laxative'], pattern: /bisacodyl|dulcolax/, maxDosesPerDay: 1 },
  { generic: 'polyethylene glycol', categories: ['laxative'], pattern: /polyethylene glycol|miralax/, maxDosesPerDay: 1 },
  { generic: 'lactulose', categories: ['laxative'], pattern: /lactulose/, maxDosesPerDay: 2 },
  { generic: 'methylnaltrexone', categories: ['oic-prescription'], pattern: /methylnaltrexone|relistor/, maxDosesPerDay: 1 },
  { generic: 'naloxegol', categories: ['oic-prescription'], pattern: /naloxegol|movantik/, maxDosesPerDay: 1 },
  { generic: 'naldemedine', categories: ['oic-prescription'], pattern: /naldemedine|symproic/, maxDosesPerDay: 1 },
  { generic: 'lubiprostone', categories: ['oic-prescription'], pattern: /lubiprostone|amitiza/, maxDosesPerDay: 2 },
  { generic: 'linaclotide', categories: ['oic-prescription'], pattern: /linaclotide|linzess/, maxDosesPerDay: 1 },
  // other systemic agents the letters dispute
  { generic: 'butalbital', categories: ['barbiturate-analgesic'], pattern: /butalbital|fioricet|fiorinal|esgic|phrenilin/, maxDosesPerDay: 6 },
  { generic: 'medical food', categories: ['medical-food'], pattern: /medical food|theramine|sentra|trepadone|gabadone|percura|apptrim|hypertensa|somnicin|lister ?iii/ },
  { generic: 'sildenafil', categories: ['pde5-inhibitor'], pattern: /sildenafil|viagra|revatio/, maxDosesPerDay: 1 },
  { generic: 'tadalafil', categories: ['pde5-inhibitor'], pattern: /tadalafil|cialis/, maxDosesPerDay: 1 },
  { generic: 'vardenafil', categories: ['pde5-inhibitor'], pattern: /vardenafil|levitra/, maxDosesPerDay: 1 },
  { generic: 'nitrate', categories: ['nitrate'], pattern: /nitroglycerin|isosorbide|nitro-?dur|nitrostat|imdur|\bnitrates?\b/ },
  { generic: 'anticoagulant', categories: ['anticoagulant'], pattern: /warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|heparin|enoxaparin|lovenox|anticoagula/ },
  { generic: 'antiplatelet', categories: ['antiplatelet'], pattern: /clopidogrel|plavix|prasugrel|effient|ticagrelor|brilinta|antiplatelet/ },
  // ingredients of topical products (CPMTG "Topical analgesics")
  { generic: 'lidocaine', categories: ['local-anesthetic'], pattern: /lidocaine|lidoderm|xylocaine|anecream|lidopro|terocin|lidothol/ },
  { generic: 'bupivacaine', categories: ['local-anesthetic'], pattern: /bupivacaine/ },
  { generic: 'benzocaine', categories: ['local-anesthetic'], pattern: /benzocaine|dendracin/ },
  { generic: 'prilocaine', categories: ['local-anesthetic'], pattern: /prilocaine|emla\b/ },
  { generic: 'capsaicin', categories: ['capsaicin'], pattern: /capsaicin|zostrix|qutenza|capzasin|lidopro|medrox/ },
  { generic: 'methyl salicylate', categories: ['salicylate'], pattern: /salicylate|salonpas|ben-?gay|icy ?hot|lidopro|terocin|medrox|menth?o-?derm|dendracin/ },
  { generic: 'menthol', categories: ['counterirritant'], pattern: /menthol|camphor|biofreeze|salonpas|ben-?gay|icy ?hot|terocin|lidopro|medrox|menth?o-?derm|dendracin/ },
  { generic: 'dextromethorphan', categories: ['nmda-antagonist'], pattern: /dextromethorphan/ },
  { generic: 'ketamine', categories: ['nmda-antagonist'], pattern: /ketamine/ },
  { generic: 'dexamethasone', categories: ['corticosteroid'], pattern: /dexamethasone/ },
  // oral compounding kits (CPMTG 2016 "Compound drugs"): suspensions of one commercial drug
  { generic: 'synapryn', categories: ['compounding-kit', 'opioid'], pattern: /synapryn/, contains: ['tramadol'] },
  { generic: 'tabradol', categories: ['compounding-kit', 'muscle-relaxant'], pattern: /tabradol/, contains: ['cyclobenzaprine'] },
  { generic: 'deprizine', categories: ['compounding-kit', 'h2-blocker'], pattern: /deprizine/, contains: ['ranitidine'] },
  { generic: 'fanatrex', categories: ['compounding-kit', 'anticonvulsant'], pattern: /fanatrex/, contains: ['gabapentin'] },
  { generic: 'ketophene', categories: ['compounding-kit', 'nsaid'], pattern: /ketophene/, contains: ['ketoprofen'] },
  { generic: 'dicopanol', categories: ['compounding-kit', 'sedating-antihistamine'], pattern: /dicopanol/, contains: ['diphenhydramine'] },
];

const namedMemo = new Map<string, Drug[]>();

/** The drugs a text names (name, label or free text of a medication). Memoized: names recur. */
export function drugsNamed(text: string): Drug[] {
  let found = namedMemo.get(text);
  if (!found) {
    const t = text.toLowerCase();
    found = DRUGS.filter((d) => d.pattern.test(t));
    if (namedMemo.size > 10_000) namedMemo.clear();
    namedMemo.set(text, found);
  }
  return found;
}

/** Generic names of the active ingredients a text names (kits expanded to what they contain). */
export function ingredientsNamed(text: string): string[] {
  return [...new Set(drugsNamed(text).flatMap((d) => d.contains ?? [d.generic]))];
}

/** Categories of the drugs a text names, opioids and corticosteroids included. */
export function categoriesNamed(text: string): DrugCategory[] {
  const out = new Set<DrugCategory>(drugsNamed(text).flatMap((d) => d.categories));
  if (OPIOID_NAMES.test(text)) out.add('opioid');
  if (CORTICOSTEROID_NAMES.test(text)) out.add('oral-corticosteroid');
  return [...out];
}

/** The request vocabulary's coarse class for a category, where it has one. */
const COARSE: Partial<Record<DrugCategory, string>> = {
  'muscle-relaxant': 'muscle-relaxant', anticonvulsant: 'neuropathic', tricyclic: 'neuropathic', snri: 'neuropathic', nsaid: 'nsaid',
};
const COARSE_ORDER = ['muscle-relaxant', 'neuropathic', 'nsaid'];

// whole words: "ointment" must not match inside "appointments"
const TOPICAL_FORM = /\b(creams?|gels?|ointments?|lotions?|patch(es)?|lidoderm|topical|compound(ed)?|transdermal|salonpas|terocin|flector)\b/i;

/** The request vocabulary's `drugClass` for a drug name (opioid, nsaid, muscle-relaxant, …). */
export function drugClassOfName(name: string, route?: string): string | undefined {
  if (route === 'topical' || route === 'transdermal' || TOPICAL_FORM.test(name)) {
    return /fentanyl|duragesic|butrans|buprenorphine/i.test(name) ? 'opioid' : 'topical';
  }
  if (OPIOID_NAMES.test(name)) return 'opioid';
  if (CORTICOSTEROID_NAMES.test(name)) return 'oral-corticosteroid';
  const classes = new Set(drugsNamed(name).flatMap((d) => d.categories.map((c) => COARSE[c]).filter((c): c is string => c !== undefined)));
  return COARSE_ORDER.find((c) => classes.has(c));
}
