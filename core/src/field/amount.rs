//! An amount of money: a credit limit requested, an overdue amount.

use super::{Field, FieldContext};
use crate::insurer::Insurer;
use crate::money::{format_money, parse_money, Money};
use crate::validation_error::ValidationError;

/// The codes [`validate_amount`] adds to [`crate::money::CODES`] (and to `currency.required`,
/// from [`crate::currency::CODES`]).
pub const CODES: &[&str] = &["amount.not_positive", "amount.not_multiple"];

/// Atradius takes credit limits in whole thousands of the currency ("Must be positive number
/// greater than zero and a multiple of 1000").
pub const ATRADIUS_MULTIPLE: i64 = 1000;

/// Reads an amount in `context.currency` as typed in `context.locale` (see [`parse_money`]) and
/// checks it: above zero; for Atradius a multiple of 1,000 major units; at most
/// `context.max_amount_minor`. Returns the amount in minor units, as a string (`"100050"` for
/// €1,000.50).
///
/// Errors (field `amount`): every [`parse_money`] code; `amount.not_positive`;
/// `amount.not_multiple` (param `multiple`: `1000`); `amount.too_large` (param `max`: the
/// maximum, formatted for the locale, e.g. `€50,000.00`). Without a currency in the context:
/// `currency.required` (field `currency`).
pub fn validate_amount(
    value: &str,
    context: &FieldContext,
) -> Result<String, Vec<ValidationError>> {
    let field = Field::Amount.as_str();
    let Some(currency) = context.currency else {
        return Err(vec![ValidationError::new("currency.required", "currency")]);
    };
    let money = parse_money(value, currency, &context.locale).map_err(|error| vec![error])?;
    let mut errors = Vec::new();
    if !money.is_positive() {
        errors.push(ValidationError::new("amount.not_positive", field));
    }
    if context.insurer == Some(Insurer::Atradius) {
        let step = currency.minor_per_major().saturating_mul(ATRADIUS_MULTIPLE);
        if money.minor % step != 0 {
            errors.push(
                ValidationError::new("amount.not_multiple", field)
                    .with_param("multiple", ATRADIUS_MULTIPLE),
            );
        }
    }
    if let Some(max) = context.max_amount_minor {
        if money.minor > max {
            let max = format_money(&Money::from_minor(max, currency), &context.locale);
            errors.push(ValidationError::new("amount.too_large", field).with_param("max", max));
        }
    }
    if errors.is_empty() {
        Ok(money.minor.to_string())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::Currency;
    use crate::locale::Locale;

    fn context(tag: &str) -> FieldContext {
        FieldContext {
            currency: Some(Currency::EUR),
            locale: Locale::parse(tag),
            ..FieldContext::default()
        }
    }

    fn codes(value: &str, context: &FieldContext) -> Vec<String> {
        validate_amount(value, context)
            .unwrap_err()
            .into_iter()
            .map(|error| error.code)
            .collect()
    }

    #[test]
    fn normalises_to_minor_units() {
        assert_eq!(
            validate_amount("1 000,50 €", &context("fr")).unwrap(),
            "100050"
        );
        assert_eq!(
            validate_amount("1,000.50", &context("en")).unwrap(),
            "100050"
        );
        let yen = FieldContext {
            currency: Some(Currency::JPY),
            ..context("en")
        };
        assert_eq!(validate_amount("¥1,000", &yen).unwrap(), "1000");
    }

    #[test]
    fn positivity_multiples_and_maximum() {
        let plain = context("en");
        assert_eq!(codes("0", &plain), ["amount.not_positive"]);
        assert_eq!(codes("-5", &plain), ["amount.not_positive"]);
        let atradius = FieldContext {
            insurer: Some(Insurer::Atradius),
            ..context("en")
        };
        assert_eq!(validate_amount("50,000", &atradius).unwrap(), "5000000");
        assert_eq!(codes("50,500", &atradius), ["amount.not_multiple"]);
        assert_eq!(codes("1000.01", &atradius), ["amount.not_multiple"]);
        assert_eq!(
            codes("-500", &atradius),
            ["amount.not_positive", "amount.not_multiple"]
        );
        let capped = FieldContext {
            max_amount_minor: Some(5_000_000),
            ..context("fr")
        };
        assert_eq!(validate_amount("50 000", &capped).unwrap(), "5000000");
        let errors = validate_amount("50 000,01", &capped).unwrap_err();
        assert_eq!(errors[0].code, "amount.too_large");
        assert_eq!(errors[0].params["max"], "50\u{202f}000,00\u{a0}€");
        assert_eq!(errors[0].field, "amount");
    }

    #[test]
    fn parse_errors_and_missing_currency() {
        assert_eq!(codes("", &context("en")), ["amount.required"]);
        assert_eq!(codes("1.5k", &context("en")), ["amount.format"]);
        assert_eq!(
            codes("USD 10", &context("en")),
            ["amount.currency_mismatch"]
        );
        assert_eq!(codes("10", &FieldContext::default()), ["currency.required"]);
    }
}
