//! The inner deserializer's side: one value, sequence or map of it behind the erased traits
//! ([`Inner`]), and the visitors handed to it ([`Values`], [`Keys`]). This is the code that
//! exists once per inner deserializer type (for the widget: `embed::js_value::JsDe`).

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};

use super::erased::{deliver, Accept, KeySeed, MapSource, Seed, SeqSource, Seen, Sink, Source};
use super::error::{DeError, Want};
use super::track::Track;
use super::tracked::{KeyName, Tracked};


/// One value of the inner deserializer `D`. Its errors are kept in `slot`, typed, owned by the
/// frame that hands them back to the inner deserializer (or to [`read`](super::read)).
pub(super) struct Inner<'s, 'de, D: Deserializer<'de>> {
    pub(super) d: Option<D>,
    pub(super) slot: &'s Cell<Option<D::Error>>,
}

impl<'s, 'de, D: Deserializer<'de>> Source<'de> for Inner<'s, 'de, D> {
    fn value(&mut self, sink: &mut dyn Sink<'de>, accept: Accept, want: Want, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        let visitor = Values { sink, track, accept, want };
        let r = if accept == Accept::Nullable { d.deserialize_option(visitor) } else { d.deserialize_any(visitor) };
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn key(&mut self, sink: &mut dyn Sink<'de>, identifier: bool, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        let visitor = Keys { sink, track };
        let r = if identifier { d.deserialize_identifier(visitor) } else { d.deserialize_any(visitor) };
        r.map_err(|e| track.lower(e, self.slot))
    }

    fn ignore(&mut self, track: &Track) -> Result<(), DeError> {
        let d = self.d.take().ok_or(DeError::Placed)?;
        d.deserialize_ignored_any(IgnoredAny).map(drop).map_err(|e| track.lower(e, self.slot))
    }
}

/// The elements of the inner sequence `A`.
struct InnerSeq<'s, 'de, A: SeqAccess<'de>> {
    inner: A,
    slot: &'s Cell<Option<A::Error>>,
    de: PhantomData<&'de ()>,
}

impl<'s, 'de, A: SeqAccess<'de>> SeqSource<'de> for InnerSeq<'s, 'de, A> {
    fn next(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<bool, DeError> {
        let r = self.inner.next_element_seed(ValueSeed { seed, track });
        r.map(|got| got.is_some()).map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The entries of the inner map `A`.
struct InnerMap<'s, 'de, A: MapAccess<'de>> {
    inner: A,
    slot: &'s Cell<Option<A::Error>>,
    de: PhantomData<&'de ()>,
}

impl<'s, 'de, A: MapAccess<'de>> MapSource<'de> for InnerMap<'s, 'de, A> {
    fn next_key(&mut self, seed: &mut dyn KeySeed<'de>, track: &Track) -> Result<bool, DeError> {
        let r = self.inner.next_key_seed(KeyValueSeed { seed, track });
        r.map(|got| got.is_some()).map_err(|e| track.lower(e, self.slot))
    }

    fn next_value(&mut self, seed: &mut dyn Seed<'de>, track: &Track) -> Result<(), DeError> {
        self.inner.next_value_seed(ValueSeed { seed, track }).map_err(|e| track.lower(e, self.slot))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An erased seed handed to the inner deserializer: reads the value it is given through
/// [`Tracked`].
struct ValueSeed<'a, 'de> {
    seed: &'a mut dyn Seed<'de>,
    track: &'a Track,
}

impl<'a, 'de> DeserializeSeed<'de> for ValueSeed<'a, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let slot = Cell::new(None);
        let track = self.track;
        let r = self.seed.read(Tracked { src: &mut Inner { d: Some(d), slot: &slot }, track });
        r.map_err(|e| track.raise(e, Want::Any, &slot))
    }
}

/// The same for a map key, read through [`KeyName`].
struct KeyValueSeed<'a, 'de> {
    seed: &'a mut dyn KeySeed<'de>,
    track: &'a Track,
}

impl<'a, 'de> DeserializeSeed<'de> for KeyValueSeed<'a, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let slot = Cell::new(None);
        let track = self.track;
        let r = self.seed.read(KeyName { src: &mut Inner { d: Some(d), slot: &slot }, track });
        r.map_err(|e| track.raise(e, Want::Any, &slot))
    }
}

/// The visitor handed to the inner deserializer for a value: hands what it is shown to the
/// erased real visitor through [`deliver`], with the path kept as it enters maps and
/// sequences. Its error type `E` is the inner deserializer's.
struct Values<'a, 'de> {
    sink: &'a mut dyn Sink<'de>,
    track: &'a Track,
    accept: Accept,
    want: Want,
}

impl<'a, 'de> Values<'a, 'de> {
    fn give<E: de::Error>(self, seen: Seen<'_, 'de>) -> Result<(), E> {
        let Values { sink, track, accept, want } = self;
        deliver(sink, track, accept, want, seen).map_err(|e| track.raise(e, want, &Cell::new(None)))
    }

    /// `deserialize_option` shows only none and some: anything else is refused as serde's
    /// default visitor methods would, with the inner deserializer's own error.
    fn optional<E: de::Error>(&self, what: Unexpected) -> Result<(), E> {
        match self.accept {
            Accept::Nullable => Err(E::invalid_type(what, self)),
            _ => Ok(()),
        }
    }
}

impl<'a, 'de> Visitor<'de> for Values<'a, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.sink.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.optional(Unexpected::Bool(v))?;
        self.give(Seen::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.optional(Unexpected::Signed(v))?;
        self.give(Seen::I64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.optional(Unexpected::Unsigned(v))?;
        self.give(Seen::U64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.optional(Unexpected::Float(v))?;
        self.give(Seen::F64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.optional(Unexpected::Str(v))?;
        self.give(Seen::Str(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.optional(Unexpected::Str(v))?;
        self.give(Seen::Borrowed(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.optional(Unexpected::Str(&v))?;
        self.give(Seen::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.optional(Unexpected::Bytes(v))?;
        self.give(Seen::Bytes(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.give(Seen::Unit)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.give(Seen::None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if !matches!(self.accept, Accept::Any | Accept::Nullable) {
            return Err(de::Error::invalid_type(Unexpected::Option, &self));
        }
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Some(&mut Inner { d: Some(d), slot: &slot }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.accept != Accept::Any {
            return Err(de::Error::invalid_type(Unexpected::NewtypeStruct, &self));
        }
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Newtype(&mut Inner { d: Some(d), slot: &slot }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.optional(Unexpected::Seq)?;
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Seq(&mut InnerSeq { inner: seq, slot: &slot, de: PhantomData }));
        r.map_err(|e| track.raise(e, want, &slot))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.optional(Unexpected::Map)?;
        let slot = Cell::new(None);
        let (track, want) = (self.track, self.want);
        let r = self.give_compound(Seen::Map(&mut InnerMap { inner: map, slot: &slot, de: PhantomData }));
        r.map_err(|e| track.raise(e, want, &slot))
    }
}

impl<'a, 'de> Values<'a, 'de> {
    /// [`deliver`] for a compound value, whose errors the caller raises with its own slot.
    fn give_compound(self, seen: Seen<'_, 'de>) -> Result<(), DeError> {
        deliver(self.sink, self.track, self.accept, self.want, seen)
    }
}

/// The visitor handed to the inner deserializer for a map key: keeps the key as the next path
/// step and hands it to the real visitor. Anything but a string is refused as serde's default
/// visitor methods would, with the inner deserializer's own error.
struct Keys<'a, 'de> {
    sink: &'a mut dyn Sink<'de>,
    track: &'a Track,
}

impl<'a, 'de> Keys<'a, 'de> {
    fn give<E: de::Error>(self, seen: Seen<'_, 'de>) -> Result<(), E> {
        let track = self.track;
        self.sink.take(seen, track).map_err(|e| track.raise(e, Want::Any, &Cell::new(None)))
    }
}

impl<'a, 'de> Visitor<'de> for Keys<'a, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.sink.expecting(f)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.give(Seen::Str(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.to_owned());
        self.give(Seen::Borrowed(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        *self.track.key.borrow_mut() = Some(v.clone());
        self.give(Seen::String(v))
    }
}
