//! Status lists: one revocation bit per certificate, published by the issuer as a signed JWT.
//!
//! The idea is the W3C Bitstring Status List's: a bitstring of at least 131,072 entries (so that
//! fetching the list says nothing about which certificate is being checked), bit *i* set when
//! the certificate with `status.idx` = *i* is revoked, compressed with gzip and encoded in
//! base64url. Bit 0 is the most significant bit of the first byte. The list travels as a JWS
//! with `typ` `sello-status+jwt`, signed by one of the issuer's keys, with `iat` and `exp`: a
//! verifier uses a list only while it is fresh (`exp` not passed).

use crate::b64;
use crate::i18n::tr;
use crate::token::{self, Header, Jws, TokenError};
use flate2::Compression;
use flate2::bufread::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use std::io::{Read as _, Write as _};

/// Fewest entries in a status list (herd privacy).
pub const MIN_ENTRIES: u32 = 131_072;
/// Most entries in a status list (16,777,216: 2 MiB of bits).
pub const MAX_ENTRIES: u32 = 1 << 24;
/// Largest status-list token accepted, in bytes.
pub const MAX_STATUS_TOKEN_LEN: usize = 4 << 20;
/// The `typ` of a status-list JWS.
pub const STATUS_TYP: &str = "sello-status+jwt";

/// Why a status list could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// The JWS around the list is malformed or has a forbidden header.
    #[error("{}", tr("status-token", &[("error", .0.to_string().into())]))]
    Token(#[from] TokenError),
    /// A size outside [`MIN_ENTRIES`]..=[`MAX_ENTRIES`] or not a multiple of 8.
    #[error("{}", tr("status-size", &[("min", MIN_ENTRIES.into()), ("max", MAX_ENTRIES.into()), ("size", (*.0).into())]))]
    Size(u64),
    /// `lst` is not base64url of gzip, or does not decompress to exactly `size` bits.
    #[error("{}", tr("status-encoding", &[("problem", .0.to_string().into())]))]
    Encoding(EncodingProblem),
    /// `exp` not after `iat`, negative times, or an invalid issuer id.
    #[error("{}", tr("status-claims", &[("problem", .0.to_string().into())]))]
    Claims(ClaimProblem),
}

/// What is wrong with a status list's `lst`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodingProblem {
    /// Not base64url.
    #[error("{}", tr("status-not-base64", &[]))]
    NotBase64,
    /// The gzip member is damaged: a bad header, a bad DEFLATE stream (a back-reference before
    /// the start included), or a wrong CRC or length.
    #[error("{}", tr("status-gzip", &[]))]
    Gzip,
    /// It decompresses to another number of bytes than `size` / 8.
    #[error("{}", tr("status-length", &[("got", (*got).into()), ("size", (*size).into())]))]
    Length {
        /// Bytes produced (one more than wanted at most).
        got: usize,
        /// The declared number of entries.
        size: u64,
    },
    /// Bytes after the gzip member.
    #[error("{}", tr("status-trailing", &[]))]
    Trailing,
}

/// What is wrong with a status list's claims.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimProblem {
    /// The issuer id.
    #[error("{0}")]
    Issuer(crate::certificate::ClaimError),
    /// `iat`/`exp` out of range or in the wrong order.
    #[error("{}", tr("problem-status-times", &[]))]
    Times,
}

/// A bitstring of revocation flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusList {
    bits: Vec<u8>,
}

impl StatusList {
    /// An all-clear list of `entries` bits (at least [`MIN_ENTRIES`], rounded up to a byte).
    pub fn new(entries: u32) -> Result<StatusList, StatusError> {
        let entries = entries.max(MIN_ENTRIES).div_ceil(8) * 8;
        if entries > MAX_ENTRIES {
            return Err(StatusError::Size(u64::from(entries)));
        }
        Ok(StatusList {
            bits: vec![0; entries as usize / 8],
        })
    }

    /// Number of entries.
    pub fn len(&self) -> u32 {
        (self.bits.len() * 8) as u32
    }

    /// Whether the list has no entries (never true for a valid list).
    pub fn is_empty(&self) -> bool {
        self.bits.is_empty()
    }

    /// Whether entry `idx` is set (revoked); `None` when out of range.
    pub fn is_revoked(&self, idx: u32) -> Option<bool> {
        let byte = self.bits.get(idx as usize / 8)?;
        Some(byte & (0x80 >> (idx % 8)) != 0)
    }

    /// Sets entry `idx`. Returns false when out of range.
    pub fn set_revoked(&mut self, idx: u32, revoked: bool) -> bool {
        let Some(byte) = self.bits.get_mut(idx as usize / 8) else {
            return false;
        };
        let mask = 0x80 >> (idx % 8);
        if revoked {
            *byte |= mask;
        } else {
            *byte &= !mask;
        }
        true
    }

    /// Number of revoked entries.
    pub fn revoked_count(&self) -> u32 {
        self.bits.iter().map(|b| b.count_ones()).sum()
    }

    /// gzip, then base64url: the `lst` claim.
    pub fn encode(&self) -> String {
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&self.bits).expect("writing to memory");
        b64::encode(&gz.finish().expect("writing to memory"))
    }

    /// Reads an `lst` claim declared to hold `size` entries. Decompression stops one byte past
    /// the declared size, so a gzip bomb costs nothing.
    pub fn decode(lst: &str, size: u64) -> Result<StatusList, StatusError> {
        if size < u64::from(MIN_ENTRIES) || size > u64::from(MAX_ENTRIES) || !size.is_multiple_of(8)
        {
            return Err(StatusError::Size(size));
        }
        let gz = b64::decode(lst).ok_or(StatusError::Encoding(EncodingProblem::NotBase64))?;
        let want = (size / 8) as usize;
        let mut bits = Vec::with_capacity(want);
        let mut decoder = GzDecoder::new(&gz[..]);
        (&mut decoder)
            .take(want as u64 + 1)
            .read_to_end(&mut bits)
            .map_err(|_| StatusError::Encoding(EncodingProblem::Gzip))?;
        if bits.len() != want {
            return Err(StatusError::Encoding(EncodingProblem::Length {
                got: bits.len(),
                size,
            }));
        }
        // Exactly one gzip member and nothing after it: one list, one encoding.
        let mut probe = [0u8; 1];
        let more = decoder
            .read(&mut probe)
            .map_err(|_| StatusError::Encoding(EncodingProblem::Gzip))?;
        if more != 0 || !decoder.into_inner().is_empty() {
            return Err(StatusError::Encoding(EncodingProblem::Trailing));
        }
        Ok(StatusList { bits })
    }
}

/// The claims of a status-list JWS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusListClaims {
    /// The issuer whose certificates the list covers.
    pub iss: String,
    /// When the list was published.
    pub iat: i64,
    /// When the list stops being fresh; after it, verifiers answer `status_unavailable`.
    pub exp: i64,
    /// Number of entries (bits).
    pub size: u64,
    /// The bitstring, gzip-compressed, base64url.
    pub lst: String,
}

/// A parsed status list whose signature has not been checked yet.
#[derive(Debug, Clone)]
pub struct UnverifiedStatusList<'a> {
    /// The JWS: header, claims, signing input, signature.
    pub jws: Jws<'a, StatusListClaims>,
    /// The decoded bitstring.
    pub list: StatusList,
}

/// Parses a status-list JWS: the header rules of Sello tokens with `typ` `sello-status+jwt`,
/// strict claims, and the bitstring within its caps.
pub fn decode(token: &str) -> Result<UnverifiedStatusList<'_>, StatusError> {
    let jws =
        token::decode_jws::<StatusListClaims>(token.trim(), MAX_STATUS_TOKEN_LEN, STATUS_TYP)?;
    let c = &jws.payload;
    crate::certificate::check_issuer_id(&c.iss)
        .map_err(|e| StatusError::Claims(ClaimProblem::Issuer(e)))?;
    let max = crate::certificate::MAX_TIME;
    if !(0..=max).contains(&c.iat) || !(0..=max).contains(&c.exp) || c.exp <= c.iat {
        return Err(StatusError::Claims(ClaimProblem::Times));
    }
    let list = StatusList::decode(&c.lst, c.size)?;
    Ok(UnverifiedStatusList { jws, list })
}

/// The signing input of a status-list JWS for `list`, signed by `kid`.
pub fn signing_input(kid: &str, iss: &str, iat: i64, exp: i64, list: &StatusList) -> String {
    let claims = StatusListClaims {
        iss: iss.into(),
        iat,
        exp,
        size: u64::from(list.len()),
        lst: list.encode(),
    };
    token::signing_input_for(&Header::with_type(kid, STATUS_TYP), &claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer as _, SigningKey};

    #[test]
    fn bits_round_trip_and_msb_first() {
        let mut list = StatusList::new(10).unwrap();
        assert_eq!(list.len(), MIN_ENTRIES);
        assert!(list.set_revoked(0, true));
        assert!(list.set_revoked(9, true));
        assert!(!list.set_revoked(MIN_ENTRIES, true));
        assert_eq!(list.bits[0], 0x80);
        assert_eq!(list.bits[1], 0x40);
        assert_eq!(list.revoked_count(), 2);
        let lst = list.encode();
        assert!(
            lst.len() < 300,
            "an almost empty list compresses: {}",
            lst.len()
        );
        let back = StatusList::decode(&lst, u64::from(MIN_ENTRIES)).unwrap();
        assert_eq!(back, list);
        assert_eq!(back.is_revoked(9), Some(true));
        assert_eq!(back.is_revoked(10), Some(false));
        assert_eq!(back.is_revoked(MIN_ENTRIES), None);
    }

    #[test]
    fn refuses_bad_sizes_and_bombs() {
        let list = StatusList::new(0).unwrap();
        let lst = list.encode();
        assert!(matches!(
            StatusList::decode(&lst, 8),
            Err(StatusError::Size(8))
        ));
        assert!(StatusList::decode(&lst, u64::from(MIN_ENTRIES) + 8).is_err());
        // A gzip that inflates far beyond the declared size is cut off at size + 1 byte.
        let big = StatusList::new(MAX_ENTRIES).unwrap().encode();
        assert!(matches!(
            StatusList::decode(&big, u64::from(MIN_ENTRIES)),
            Err(StatusError::Encoding(_))
        ));
        assert!(StatusList::decode("!!", u64::from(MIN_ENTRIES)).is_err());
        // Trailing bytes or a second gzip member after the list are refused.
        let gz = b64::decode(&lst).unwrap();
        for tail in [vec![0u8], gz.clone()] {
            let mut twice = gz.clone();
            twice.extend_from_slice(&tail);
            assert!(StatusList::decode(&b64::encode(&twice), u64::from(MIN_ENTRIES)).is_err());
        }
        assert!(StatusList::new(MAX_ENTRIES + 8).is_err());
    }

    #[test]
    fn signed_list_parses() {
        let key = SigningKey::from_bytes(&[4; 32]);
        let mut list = StatusList::new(0).unwrap();
        list.set_revoked(77, true);
        let input = signing_input("k", "mx.a", 100, 200, &list);
        let token = token::assemble(&input, &key.sign(input.as_bytes()));
        let parsed = decode(&token).unwrap();
        assert_eq!(parsed.list.is_revoked(77), Some(true));
        assert_eq!(parsed.jws.payload.iss, "mx.a");
        key.verifying_key()
            .verify_strict(parsed.jws.signing_input.as_bytes(), &parsed.jws.signature)
            .unwrap();
        // A certificate token is not a status list, and the reverse.
        assert!(
            decode(&token.replace(
                &input,
                &token::signing_input_for(&Header::new("k"), &parsed.jws.payload)
            ))
            .is_err()
        );
        let bad = signing_input("k", "mx.a", 200, 100, &list);
        assert!(matches!(
            decode(&token::assemble(&bad, &key.sign(bad.as_bytes()))),
            Err(StatusError::Claims(_))
        ));
    }
}
