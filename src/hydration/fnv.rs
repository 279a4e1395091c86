//! FNV-1a, 64 bits: the project's one non-cryptographic hash. It names pre-rendered markup (the
//! fingerprint and shape in this folder), the version of the markup (build.rs includes this
//! file) and the fuzz harness's cases (tests/fuzz includes it too).
//!
//! Small, no dependency, and the same on wasm32 and natively: lengths (`write_usize`, which the
//! derived `Hash` of a `Vec` or `str` uses) are hashed as u64 whatever the width of `usize`.

use std::hash::Hasher;

/// The running hash; `finish` reads it without ending it.
pub struct Fnv(u64);

impl Fnv {
    pub const fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.write(&(n as u64).to_le_bytes());
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
