// A validated cover application, as the form sends it to any insurer.

import type { Identifier, InsurerName, Money } from '../types';

export interface NewBuyer {
  name: string;
  street?: string;
  postcode?: string;
  town?: string;
  region?: string;
  country: string;
  identifiers: Identifier[];
}

export interface Application {
  insurer: InsurerName;
  /** The insurer's key of the buyer; empty for a buyer the insurer does not know. */
  buyerId: string;
  newBuyer?: NewBuyer;
  coverType: 'credit-limit' | 'indication' | 'credit-check';
  amount: Money | null;
  /** Decimals of the amount's currency. */
  amountUnits: number;
  currency: string;
  customerReference?: string;
  comment?: string;
  urgent: boolean;
  policy?: { businessUnitCode: string; policyId: string; extensionId: string };
  idempotencyKey: string;
}
