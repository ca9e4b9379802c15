/** The `<tradecover-buyer-search>` element, registered when this module is imported. */
export declare class TradecoverBuyerSearch extends HTMLElement {}

/** The `<tradecover-cover-form>` element, registered when this module is imported. */
export declare class TradecoverCoverForm extends HTMLElement {
  /** The buyer to apply on (from `tradecover-select`), or its JSON; `null` for an unknown one. */
  buyer: import('./index.js').Buyer | string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'tradecover-buyer-search': TradecoverBuyerSearch;
    'tradecover-cover-form': TradecoverCoverForm;
  }
}
