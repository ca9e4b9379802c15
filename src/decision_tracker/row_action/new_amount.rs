//! Reading the new amount of an increase or a reduction: typed in the row's currency, read
//! with the core's money parsing, and checked against the amount in force (the granted one,
//! else the requested one). Every problem is a [`WidgetError`] with a code and a message in
//! the user's language, on the field `amount`.

use tradecover_core::decision::Decision;
use tradecover_core::lifecycle::Action;
use tradecover_core::locale::Locale;
use tradecover_core::money::{format_money, parse_money, Money};
use tradecover_core::ValidationError;

use super::super::texts::tr;
use crate::widget_error::WidgetError;

/// Code of an increase that does not exceed the current amount.
pub const NOT_ABOVE_CURRENT: &str = "amount.not_above_current";
/// Code of a reduction that is not below the current amount.
pub const NOT_BELOW_CURRENT: &str = "amount.not_below_current";
/// Code of a row whose amount in force is unknown (nothing to compare with).
pub const NO_CURRENT_AMOUNT: &str = "amount.no_current";

/// The amount in force on `row`: granted, else requested.
pub fn current_amount(row: &Decision) -> Option<Money> {
    row.granted.filter(Money::is_positive).or(row.requested)
}

/// The new amount `text` for `action` (increase or reduce) on `row`, read in the row's
/// currency as a person using `locale` types it: above the current amount for an increase,
/// below it (and above zero) for a reduction.
pub fn new_amount(
    text: &str,
    row: &Decision,
    action: Action,
    locale: &Locale,
) -> Result<Money, WidgetError> {
    let language = locale.language;
    let current = current_amount(row)
        .ok_or_else(|| error(NO_CURRENT_AMOUNT, tr(language, "amount_no_current", &[])))?;
    let amount = parse_money(text, current.currency, locale)
        .map_err(|error| WidgetError::from_validation(&error, language))?;
    if !amount.is_positive() {
        return Err(WidgetError::from_validation(
            &ValidationError::new("amount.not_positive", "amount"),
            language,
        ));
    }
    let shown = format_money(&current, locale);
    match action {
        Action::Increase if amount.minor <= current.minor => Err(error(
            NOT_ABOVE_CURRENT,
            tr(language, "amount_not_above_current", &[("current", &shown)]),
        )),
        Action::Reduce if amount.minor >= current.minor => Err(error(
            NOT_BELOW_CURRENT,
            tr(language, "amount_not_below_current", &[("current", &shown)]),
        )),
        _ => Ok(amount),
    }
}

fn error(code: &str, message: String) -> WidgetError {
    WidgetError {
        code: code.to_owned(),
        field: Some("amount".to_owned()),
        message,
        retryable: false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_decision::decision;
    use super::*;
    use tradecover_core::currency::Currency;
    use tradecover_core::Insurer;

    fn row(granted: i64) -> Decision {
        Decision {
            product: "CREDITLIMIT".into(),
            granted: Some(Money::from_minor(granted, Currency::EUR)),
            ..decision(Insurer::Coface, "D1", "0012345678904700000")
        }
    }

    #[test]
    fn checks_the_direction_and_reads_the_locale() {
        let de = Locale::parse("de");
        let current = row(5_000_000);
        assert_eq!(
            new_amount("80.000", &current, Action::Increase, &de).map(|money| money.minor),
            Ok(8_000_000)
        );
        let code = |text: &str, action| new_amount(text, &current, action, &de).unwrap_err().code;
        assert_eq!(code("50.000", Action::Increase), NOT_ABOVE_CURRENT);
        assert_eq!(code("60.000", Action::Reduce), NOT_BELOW_CURRENT);
        assert_eq!(code("zwei", Action::Reduce), "amount.format");
        assert_eq!(code("-5", Action::Reduce), "amount.not_positive");
        assert_eq!(code("USD 10", Action::Reduce), "amount.currency_mismatch");
        let message = new_amount("1", &current, Action::Increase, &de)
            .unwrap_err()
            .message;
        assert!(message.contains("50.000"), "{message}");
    }
}
