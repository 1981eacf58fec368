// Drug classes by generic and brand name, for medication requests that do not state
// `drugClass`. A name that matches no class stays unclassified (the rules then abstain).

const CLASS_NAMES: ReadonlyArray<[string, RegExp]> = [
  ['opioid', /hydrocodone|norco|vicodin|lortab|oxycodone|percocet|oxycontin|roxicodone|endocet|tramadol|ultram|ultracet|tapentadol|nucynta|morphine|ms ?contin|kadian|hydromorphone|dilaudid|exalgo|fentanyl|duragesic|methadone|codeine|tylenol (#|no\.? ?)[34]|buprenorphine|butrans|belbuca|suboxone|oxymorphone|opana|trezix|synapryn|levorphanol|meperidine|demerol|zohydro|hysingla|xtampza/i],
  ['oral-corticosteroid', /medrol|methylprednisolone|prednisone|prednisolone|dexamethasone|dose ?pa?c?k/i],
  ['muscle-relaxant', /cyclobenzaprine|flexeril|fexmid|amrix|tizanidine|zanaflex|methocarbamol|robaxin|carisoprodol|soma\b|orphenadrine|norflex|metaxalone|skelaxin|baclofen|chlorzoxazone|lorzone|parafon|tabradol/i],
  ['neuropathic', /gabapentin|neurontin|gralise|pregabalin|lyrica|duloxetine|cymbalta|amitriptyline|nortriptyline|pamelor|desipramine|venlafaxine|effexor|topiramate|carbamazepine|fanatrex/i],
  ['nsaid', /ibuprofen|motrin|advil|naproxen|anaprox|naprosyn|aleve|celecoxib|celebrex|meloxicam|mobic|etodolac|lodine|nabumetone|relafen|indomethacin|ketorolac|toradol|diclofenac|voltaren|arthrotec|piroxicam|oxaprozin|daypro|fenoprofen|nalfon|ketoprofen|flurbiprofen/i],
];

const TOPICAL_FORM = /\b(creams?|gels?|ointments?|lotions?|patch(es)?|lidoderm|topical|compound(ed)?|transdermal|salonpas|terocin|flector)\b/i;

export function drugClassOfName(name: string, route?: string): string | undefined {
  if (route === 'topical' || route === 'transdermal' || TOPICAL_FORM.test(name)) {
    return /fentanyl|duragesic|butrans|buprenorphine/i.test(name) ? 'opioid' : 'topical';
  }
  return CLASS_NAMES.find(([, re]) => re.test(name))?.[0];
}
