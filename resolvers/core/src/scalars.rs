//! Custom scalars. `Decimal` replaces async-graphql's undocumented one, so clients read in the
//! schema how exact numbers travel.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use rust_decimal::Decimal;
use std::str::FromStr;

/// An exact decimal number (metric values, money), carried as a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecimalValue(pub Decimal);

/// An exact decimal number, sent and returned as a string (`"1234.56"`) so no precision is
/// lost; a JSON number is accepted in input too.
#[Scalar(name = "Decimal")]
impl ScalarType for DecimalValue {
    fn parse(value: Value) -> InputValueResult<Self> {
        let text = match &value {
            Value::String(text) => text.trim().to_owned(),
            Value::Number(number) => number.to_string(),
            _ => return Err(InputValueError::expected_type(value)),
        };
        Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map(DecimalValue)
            .map_err(|_| InputValueError::custom(format!("`{text}` is not a decimal number")))
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.normalize().to_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn decimals_parse_from_strings_and_numbers_and_print_as_strings() {
        let parsed = DecimalValue::parse(Value::String("1234.50".into())).unwrap();
        assert_eq!(parsed.to_value(), Value::String("1234.5".into()));
        let from_number = DecimalValue::parse(Value::Number(42.into())).unwrap();
        assert_eq!(from_number.0, Decimal::from(42));
        assert!(DecimalValue::parse(Value::String("12abc".into())).is_err());
        assert!(DecimalValue::parse(Value::Boolean(true)).is_err());
    }
}
