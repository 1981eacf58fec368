// Letter excerpts in the two layouts the parser reads, modeled on the shared letters: the
// 2016-2017 layout (header block, single-spaced) and the older double-spaced layout without a
// header. Names and facts are made up.

export const LETTER_2016 = `Case Number:
Date Assigned:
Decision Date:
Priority:

CM16-0999999
12/06/2016
01/04/2017
Standard

Date of Injury:
UR Denial Date:
Application
Received:

11/01/2015
12/01/2016
12/01/2016

HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no
affiliation with the employer, employee, providers or the claims administrator.
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:
The injured worker is a 45 year old male, who sustained an industrial injury on 11-01-2015. He
reports low back pain radiating to the right leg.

Treatments have included physical therapy and medications.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
MRI of the lumbar spine without contrast: Upheld
Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.
MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special
Studies, and Chronic Pain Medical Treatment 2016, Section(s): Introduction. Decision based on
Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, MRIs (magnetic resonance
imaging).
Decision rationale: There are no red flags. The request is not medically necessary.
Physical therapy to the low back eight sessions was the original request. Physical therapy to
the low back six sessions was authorized by the Claims Administrator. The remaining IMR
eligible portion of the original request, Physical therapy to the low back two sessions is:
Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
Physical medicine treatment.
Decision rationale: The guidelines allow 9-10 visits. The request is not medically necessary.
Pre-op labs: CBC: Overturned
Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for
its decision.
MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.
Decision rationale: Since the primary procedure is not medically necessary, none of the
associated services are medically necessary.
Additional acupuncture two times a week for four weeks for the right elbow and right
knee:
Overturned
Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007.
MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007.
Decision rationale: Functional improvement is documented. The request is medically necessary.
`;

/** The older layout: every line followed by an empty one, paragraph breaks as lines of one space. */
export const LETTER_SEED = [
  ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. ',
  ' ',
  'CLINICAL CASE SUMMARY ',
  'The expert reviewer developed the following clinical case summary based on a review of the ',
  'case file, including all medical records: ',
  ' ',
  'The injured worker is a 52-year-old female who reported an injury on 06/14/2012. ',
  ' ',
  'IMR ISSUES, DECISIONS AND RATIONALES ',
  'The Final Determination was based on decisions for the disputed items/services set forth below: ',
  ' ',
  'FLUOROSCOPIC GUIDANCE: Upheld ',
  ' ',
  'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence ',
  'for its decision.   ',
  ' ',
  'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.   ',
  ' ',
  'Decision rationale: Since the primary procedure is not medically necessary, none of the ',
  'associated services are medically necessary. ',
  ' ',
  'BILATERAL L4-5, L5-S1 FACET JOINT INJECTION: Upheld ',
  ' ',
  'Claims Administrator guideline: Decision based on MTUS ACOEM Chapter 12 Low Back ',
  'Complaints Page(s): 308-310.   ',
  ' ',
  'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints ',
  'Page(s): 308-310.   ',
  ' ',
  'Decision rationale:  The requested bilateral L4-5 and L5-S1 facet joint injections are not ',
  'medically necessary or appropriate. ',
  ' ',
]
  .map((line) => `${line}\n\n`)
  .join('');
