// A synthetic IMR Final Determination letter for drafting tests: the header, a clinical case
// summary and one disputed item with its rationale. The words are written for the tests.
export const syntheticLetter = (
  summary: string,
  rationale: string,
  item = 'Physical therapy 2 times a week for 6 weeks for the lumbar spine',
): string => `Independent Medical Review Final Determination Letter
Case Number: CM16-0000001
Date of UR Decision: 12/01/2016
Date of Injury: 10/01/2016
IMR Application Received: 12/05/2016
MAXIMUS Case Number: CM16-0000001
Dear Ms. Doe:

CLINICAL CASE SUMMARY

${summary}

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
${item}: Upheld
Claims Administrator guideline: Decision based on MTUS.
Decision rationale: ${rationale}
`;
