//! The deserializers the derived report types see ([`Tracked`] for a value, [`KeyName`] for a
//! map key) and the sequence and map access they are handed ([`Elements`], [`Fields`]), which
//! keep the path as reading enters arrays and objects. Not generic over the inner deserializer.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::erased::{KeySeed, MapSource, Seed, SeqSource, Sink, Source};
use super::error::{DeError, Want};
use super::sink::{put, AnyKind, Array, Erased, Integer, Nullable, Object, SinkKind, Text};
use super::track::Track;
use crate::model::problem::{ReportProblem, ReportProblemKind as Kind, Step};

/// The deserializer the derived types see: one value, behind an erased [`Source`]. Not
/// generic, so the derived readers are instantiated once, whatever the inner deserializer.
pub(super) struct Tracked<'a, 'de> {
    pub(super) src: &'a mut dyn Source<'de>,
    pub(super) track: &'a Track,
}

impl<'a, 'de> Tracked<'a, 'de> {
    /// Reads through the sink kind `K`, which hands the real visitor only what `K` accepts.
    fn read<V: Visitor<'de>, K: SinkKind>(self, want: Want, visitor: V) -> Result<V::Value, DeError>
    where
        Erased<'de, V, K>: Sink<'de>,
    {
        let mut sink = Erased::<V, K>::new(visitor);
        self.src.value(&mut sink, K::ACCEPT, want, self.track)?;
        sink.out.ok_or(DeError::Placed)
    }
}

macro_rules! reads {
    ($($method:ident => $kind:ident, $want:expr;)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.read::<V, $kind>($want, visitor)
        })*
    };
}

const fn int(min: i128, max: i128) -> Want {
    Want::Int { min, max }
}

impl<'a, 'de> Deserializer<'de> for Tracked<'a, 'de> {
    type Error = DeError;

    reads! {
        deserialize_any => AnyKind, Want::Any;
        deserialize_bool => AnyKind, Want::Bool;
        deserialize_f32 => AnyKind, Want::Number;
        deserialize_f64 => AnyKind, Want::Number;
        deserialize_char => AnyKind, Want::Str;
        deserialize_identifier => AnyKind, Want::Str;
        deserialize_bytes => AnyKind, Want::Any;
        deserialize_byte_buf => AnyKind, Want::Any;
        deserialize_unit => AnyKind, Want::Any;
        deserialize_map => AnyKind, Want::Object;
        deserialize_i8 => Integer, int(i8::MIN as i128, i8::MAX as i128);
        deserialize_i16 => Integer, int(i16::MIN as i128, i16::MAX as i128);
        deserialize_i32 => Integer, int(i32::MIN as i128, i32::MAX as i128);
        deserialize_i64 => Integer, int(i64::MIN as i128, i64::MAX as i128);
        deserialize_u8 => Integer, int(0, u8::MAX as i128);
        deserialize_u16 => Integer, int(0, u16::MAX as i128);
        deserialize_u32 => Integer, int(0, u32::MAX as i128);
        deserialize_u64 => Integer, int(0, u64::MAX as i128);
        deserialize_str => Text, Want::Str;
        deserialize_string => Text, Want::Str;
        deserialize_seq => Array, Want::Seq;
        deserialize_option => Nullable, Want::Any;
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Any, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Seq, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Seq, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, Object>(Want::Object, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.read::<V, AnyKind>(Want::Any, visitor)
    }

    /// serde skips a field its type does not name with this: an unknown field. `$schema` at the
    /// top lets editors find the JSON Schema; it is allowed.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let track = self.track;
        let is_schema = matches!(track.path.borrow().as_slice(), [Step::Key(k)] if k == "$schema");
        if !is_schema {
            track.note(ReportProblem::new(track.path(), Kind::UnknownField));
        }
        self.src.ignore(track)?;
        visitor.visit_unit()
    }
}

/// A map key: read by the inner deserializer as it is (keys never fail in this format), and
/// kept as the next path step.
pub(super) struct KeyName<'a, 'de> {
    pub(super) src: &'a mut dyn Source<'de>,
    pub(super) track: &'a Track,
}

impl<'a, 'de> KeyName<'a, 'de> {
    fn read<V: Visitor<'de>>(self, identifier: bool, visitor: V) -> Result<V::Value, DeError> {
        let mut sink = Erased::<V, Text>::new(visitor);
        self.src.key(&mut sink, identifier, self.track)?;
        sink.out.ok_or(DeError::Placed)
    }
}

impl<'a, 'de> Deserializer<'de> for KeyName<'a, 'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.read(false, visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.read(true, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum ignored_any
    }
}

/// The elements of an array, each read through [`Tracked`] at its index.
pub(super) struct Elements<'a, 'de> {
    pub(super) src: &'a mut dyn SeqSource<'de>,
    pub(super) track: &'a Track,
    pub(super) index: usize,
}

impl<'a, 'de> SeqAccess<'de> for Elements<'a, 'de> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, DeError> {
        let track = self.track;
        track.enter(Some(self.index));
        self.index += 1;
        let mut seed = SeedSlot::new(seed);
        let r = self.src.next(&mut seed, track);
        track.leave();
        match r? {
            true => seed.out.ok_or(DeError::Placed).map(Some),
            false => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.src.size_hint()
    }
}

/// The fields of an object, each value read through [`Tracked`] under its key.
pub(super) struct Fields<'a, 'de> {
    pub(super) src: &'a mut dyn MapSource<'de>,
    pub(super) track: &'a Track,
}

impl<'a, 'de> MapAccess<'de> for Fields<'a, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, DeError> {
        let mut seed = SeedSlot::new(seed);
        match self.src.next_key(&mut seed, self.track)? {
            true => seed.out.ok_or(DeError::Placed).map(Some),
            false => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, DeError> {
        let track = self.track;
        track.enter(None);
        let mut seed = SeedSlot::new(seed);
        let r = self.src.next_value(&mut seed, track);
        track.leave();
        r?;
        seed.out.ok_or(DeError::Placed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.src.size_hint()
    }
}

/// A real seed and, once read, its value.
struct SeedSlot<'de, S: DeserializeSeed<'de>> {
    real: Option<S>,
    out: Option<S::Value>,
}

impl<'de, S: DeserializeSeed<'de>> SeedSlot<'de, S> {
    fn new(real: S) -> Self {
        SeedSlot { real: Some(real), out: None }
    }
}

impl<'de, S: DeserializeSeed<'de>> Seed<'de> for SeedSlot<'de, S> {
    fn read(&mut self, d: Tracked<'_, 'de>) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        put(&mut self.out, real.deserialize(d)?);
        Ok(())
    }
}

impl<'de, S: DeserializeSeed<'de>> KeySeed<'de> for SeedSlot<'de, S> {
    fn read(&mut self, d: KeyName<'_, 'de>) -> Result<(), DeError> {
        let real = self.real.take().ok_or(DeError::Placed)?;
        put(&mut self.out, real.deserialize(d)?);
        Ok(())
    }
}
