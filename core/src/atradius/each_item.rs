//! Reading the items of a `{"data": …}` answer one at a time: each wire item is converted as
//! soon as it is read, so that a 100,000-cover portfolio never holds all its wire items and
//! all its decisions at once (the wire items were the largest part of the ingest's memory
//! peak, and growing their vector a large part of its time).
//!
//! The shapes are those of [`Envelope`](super::wire::Envelope) and
//! [`OneOrMany`](super::wire::OneOrMany), which read through the same seeds with no
//! conversion: `{"data": [...]}`, `{"data": {...}}` (one item), `{"data": null}` or no `data`
//! (no items), and a bare array (the list itself).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::insurer_error::InsurerError;

/// The items of one list (`data`'s value), each converted by `convert` as it is read; the
/// first conversion that fails stops the reading and is kept in `failure`.
pub(super) struct ItemsSeed<'a, T, F> {
    convert: &'a mut F,
    failure: &'a mut Option<InsurerError>,
    /// How many items to make room for before the first (a hint; more are still read).
    capacity: usize,
    item: PhantomData<fn() -> T>,
}

impl<'a, T, F> ItemsSeed<'a, T, F> {
    /// Items converted by `convert`, its first error kept in `failure`.
    pub fn new(convert: &'a mut F, failure: &'a mut Option<InsurerError>) -> Self {
        Self {
            convert,
            failure,
            capacity: 0,
            item: PhantomData,
        }
    }

    /// Makes room for `capacity` items at once: a vector grown by doubling holds its old and
    /// its new buffer at the same time, and linear memory keeps that peak.
    pub fn with_capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity;
        self
    }

    /// The same conversion for another list, borrowing this one.
    fn reborrow(&mut self) -> ItemsSeed<'_, T, F> {
        ItemsSeed::new(self.convert, self.failure).with_capacity(self.capacity)
    }

    /// Converts one item; a failure is kept and stops the deserializer.
    fn keep<U, E>(&mut self, item: T) -> Result<U, E>
    where
        F: FnMut(T) -> Result<U, InsurerError>,
        E: de::Error,
    {
        (self.convert)(item).map_err(|error| {
            let message = error.to_string();
            *self.failure = Some(error);
            E::custom(message)
        })
    }
}

impl<'de, T, U, F> DeserializeSeed<'de> for ItemsSeed<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<U, InsurerError>,
{
    type Value = Vec<U>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<U>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T, U, F> Visitor<'de> for ItemsSeed<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<U, InsurerError>,
{
    type Value = Vec<U>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Vec<U>, A::Error> {
        let hint = seq.size_hint().unwrap_or(0).min(1024);
        let mut items = Vec::with_capacity(hint.max(self.capacity));
        while let Some(item) = seq.next_element::<T>()? {
            items.push(self.keep(item)?);
        }
        Ok(items)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<Vec<U>, A::Error> {
        let item = T::deserialize(MapAccessDeserializer::new(map))?;
        Ok(vec![self.keep(item)?])
    }

    fn visit_unit<E: de::Error>(self) -> Result<Vec<U>, E> {
        Ok(Vec::new())
    }

    fn visit_none<E: de::Error>(self) -> Result<Vec<U>, E> {
        Ok(Vec::new())
    }
}

/// A whole answer: `{"data": …}` (other members ignored, a second `data` too), or a bare
/// array; its items read through an [`ItemsSeed`].
pub(super) struct EnvelopeSeed<'a, T, F>(pub ItemsSeed<'a, T, F>);

impl<'de, T, U, F> DeserializeSeed<'de> for EnvelopeSeed<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<U, InsurerError>,
{
    type Value = Vec<U>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<U>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T, U, F> Visitor<'de> for EnvelopeSeed<'_, T, F>
where
    T: Deserialize<'de>,
    F: FnMut(T) -> Result<U, InsurerError>,
{
    type Value = Vec<U>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with data, or an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<U>, A::Error> {
        self.0.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Vec<U>, A::Error> {
        let mut data = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "data" && data.is_none() {
                data = Some(map.next_value_seed(self.0.reborrow())?);
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(data.unwrap_or_default())
    }
}

/// Reads a 2xx JSON body's items one at a time, converting each with `convert`, with room for
/// `capacity` items made at once: the first conversion error as it is, unreadable JSON as
/// [`InsurerError::Malformed`].
pub(super) fn read_each<T, U>(
    body: &[u8],
    capacity: usize,
    mut convert: impl FnMut(T) -> Result<U, InsurerError>,
) -> Result<Vec<U>, InsurerError>
where
    T: for<'de> Deserialize<'de>,
{
    let mut failure = None;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let read = EnvelopeSeed(ItemsSeed::new(&mut convert, &mut failure).with_capacity(capacity))
        .deserialize(&mut deserializer)
        .and_then(|items| deserializer.end().map(|()| items));
    match (read, failure) {
        (_, Some(error)) => Err(error),
        (Ok(items), None) => Ok(items),
        (Err(error), None) => Err(InsurerError::Malformed {
            reason: error.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Thing {
        a: u32,
    }

    fn doubled(body: &str) -> Result<Vec<u32>, InsurerError> {
        read_each(body.as_bytes(), 0, |thing: Thing| Ok(thing.a * 2))
    }

    #[test]
    fn converts_every_shape_of_data() {
        assert_eq!(doubled(r#"{"data":[{"a":1},{"a":2}]}"#), Ok(vec![2, 4]));
        assert_eq!(doubled(r#"{"data":{"a":3}}"#), Ok(vec![6]));
        assert_eq!(doubled(r#"{"data":null}"#), Ok(vec![]));
        assert_eq!(doubled(r#"{"meta":{"x":[1]}}"#), Ok(vec![]));
        assert_eq!(doubled(r#"[{"a":5}]"#), Ok(vec![10]));
        assert_eq!(
            doubled(r#"{"x":1,"data":[{"a":1}],"data":[{"a":9}]}"#),
            Ok(vec![2])
        );
    }

    #[test]
    fn the_first_failed_conversion_is_the_error_and_stops_the_reading() {
        let mut seen = Vec::new();
        let result = read_each(
            br#"{"data":[{"a":1},{"a":0},{"a":3}]}"#,
            2,
            |thing: Thing| {
                seen.push(thing.a);
                if thing.a == 0 {
                    Err(InsurerError::Malformed {
                        reason: "zero".into(),
                    })
                } else {
                    Ok(thing.a)
                }
            },
        );
        assert_eq!(
            result,
            Err(InsurerError::Malformed {
                reason: "zero".into()
            })
        );
        assert_eq!(seen, [1, 0]);
    }

    #[test]
    fn unreadable_json_is_malformed() {
        for body in [
            r#"{"data":[{"a":"x"}]}"#,
            r#"{"data":[{"a":1}"#,
            "{} {}",
            "7",
        ] {
            assert!(
                matches!(doubled(body), Err(InsurerError::Malformed { .. })),
                "{body}"
            );
        }
    }
}
