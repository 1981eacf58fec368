// Second half of the property run (see property-run.ts).
import { propertyRun } from './property-run.js';

propertyRun(1);
