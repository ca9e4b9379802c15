// What a buyer search asks every insurer: the typed text read as identifiers of the country
// and/or a name, with town or postal code and region.

import type { Identifier } from '../types';

export interface SearchCriteria {
  country: string;
  identifiers: Identifier[];
  name?: string;
  town?: string;
  postcode?: string;
  region?: string;
}
