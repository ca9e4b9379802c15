/** The `<tradecover-buyer-search>` element, registered when this module is imported. */
export declare class TradecoverBuyerSearch extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'tradecover-buyer-search': TradecoverBuyerSearch;
  }
}
