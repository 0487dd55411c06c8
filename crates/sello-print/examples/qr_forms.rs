//! How large a certificate's QR code is in the byte form Sello wrote before (`verify_url#token`,
//! all in byte mode) and in the numeric form it draws now (FORMAT.md §4.1), after SMART Health Cards (`verify_url#n` in byte mode, then every base64url
//! character of the token as two decimal digits, its code point minus 45, in numeric mode):
//!
//! ```sh
//! sello demo --out /tmp/demo
//! cargo run -p sello-print --example qr_forms -- /tmp/demo/tokens.txt http://localhost:8080/
//! ```
//!
//! prints, per form, the QR text's length, its data bits and its version at error correction M,
//! and a table of how many tokens need each version; then what the numeric form would need if
//! tokens left out the standard's title (`cert.a.t`), which the standard's code implies. Versions follow ISO/IEC 18004 (segment
//! headers, character-count widths and data capacity at level M); `tests/qr_forms.rs` checks
//! the model against the encoder for single-mode texts.

/// Data codewords of a QR code at level M, versions 1 to 40 (ISO/IEC 18004, table 7).
pub const DATA_CODEWORDS_M: [u32; 40] = [
    16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
    714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914,
    1992, 2102, 2216, 2334,
];

/// A segment of a QR code's data.
#[derive(Debug, Clone, Copy)]
pub enum Segment<'a> {
    /// Bytes, 8 bits each.
    Byte(&'a [u8]),
    /// Decimal digits, 10 bits per 3.
    Numeric(&'a str),
}

/// The bits a segment takes at `version`: mode indicator, character count, data.
pub fn segment_bits(segment: Segment<'_>, version: u8) -> u32 {
    let band = match version {
        1..=9 => 0,
        10..=26 => 1,
        _ => 2,
    };
    match segment {
        Segment::Byte(b) => 4 + [8, 16, 16][band] + 8 * b.len() as u32,
        Segment::Numeric(d) => {
            let n = d.len() as u32;
            let rest = [0, 4, 7][(n % 3) as usize];
            4 + [10, 12, 14][band] + 10 * (n / 3) + rest
        }
    }
}

/// The smallest version at level M that holds `segments`, with the bits they take there.
pub fn version_at_m(segments: &[Segment<'_>]) -> Option<(u8, u32)> {
    (1..=40u8).find_map(|v| {
        let bits: u32 = segments.iter().map(|s| segment_bits(*s, v)).sum();
        (bits <= DATA_CODEWORDS_M[v as usize - 1] * 8).then_some((v, bits))
    })
}

/// The token's numeric form: each base64url character as two digits (code point − 45).
pub fn numeric_token(token: &str) -> Option<String> {
    token
        .bytes()
        .map(|b| match b {
            b'-' | b'.' | b'0'..=b'9' | b'A'..=b'Z' | b'_' | b'a'..=b'z' => {
                Some(format!("{:02}", b - 45))
            }
            _ => None,
        })
        .collect()
}

/// Today's form and the numeric form of one token: (length, bits, version) for each.
pub fn measure(url: &str, token: &str) -> Option<[(usize, u32, u8); 2]> {
    let today = format!("{url}#{token}");
    let (v0, b0) = version_at_m(&[Segment::Byte(today.as_bytes())])?;
    let prefix = format!("{url}#n");
    let digits = numeric_token(token)?;
    let (v1, b1) = version_at_m(&[Segment::Byte(prefix.as_bytes()), Segment::Numeric(&digits)])?;
    Some([(today.len(), b0, v0), (prefix.len() + digits.len(), b1, v1)])
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(url)) = (args.first(), args.get(1)) else {
        eprintln!("usage: qr_forms TOKENS.txt VERIFY_URL");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path)?;
    let tokens: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let mut rows = Vec::new();
    for t in &tokens {
        rows.push(measure(url, t).ok_or("a token that is not base64url or too long")?);
    }
    let stats = |i: usize| {
        let lens: Vec<usize> = rows.iter().map(|r| r[i].0).collect();
        let bits: Vec<u32> = rows.iter().map(|r| r[i].1).collect();
        let vers: Vec<u8> = rows.iter().map(|r| r[i].2).collect();
        (
            *lens.iter().min().unwrap(),
            *lens.iter().max().unwrap(),
            bits.iter().sum::<u32>() as f64 / bits.len() as f64,
            *vers.iter().min().unwrap(),
            *vers.iter().max().unwrap(),
        )
    };
    println!(
        "{} tokens, verify_url {url} ({} bytes)",
        tokens.len(),
        url.len()
    );
    println!("| form | QR text (characters) | data bits (mean) | version at M |");
    println!("|---|---|---|---|");
    let (a, b) = (stats(0), stats(1));
    for (name, s) in [
        ("byte form (before): byte mode", a),
        ("numeric form (drawn): byte + numeric", b),
    ] {
        println!(
            "| {name} | {}–{} | {:.0} | {}–{} |",
            s.0, s.1, s.2, s.3, s.4
        );
    }
    println!(
        "numeric form: {:.1} % fewer bits",
        100.0 * (1.0 - b.2 / a.2)
    );
    // Without the title: the payload loses `,"t":"<title>"` (a `"` or `\` in it escaped; the
    // text rule of FORMAT.md §2.4 leaves no control character to escape).
    let mut without = Vec::new();
    for t in &tokens {
        let parsed = sello_core::token::decode(t).map_err(|e| e.to_string())?;
        let title = &parsed.claims.cert.achievement.title;
        let escapes = title.chars().filter(|c| matches!(c, '"' | '\\')).count();
        let member = 7 + title.len() + escapes;
        let (_, payload) = parsed.signing_input.split_once('.').ok_or("no payload")?;
        let bytes = payload.len() * 3 / 4 - member;
        let shorter = t.len() - payload.len() + (4 * bytes).div_ceil(3);
        let digits = "0".repeat(2 * shorter);
        let prefix = format!("{url}#n");
        let v = version_at_m(&[Segment::Byte(prefix.as_bytes()), Segment::Numeric(&digits)])
            .ok_or("too long")?
            .0;
        without.push((shorter, v));
    }
    println!(
        "numeric form without cert.a.t: tokens {}–{} characters, version {}–{}",
        without.iter().map(|w| w.0).min().unwrap(),
        without.iter().map(|w| w.0).max().unwrap(),
        without.iter().map(|w| w.1).min().unwrap(),
        without.iter().map(|w| w.1).max().unwrap(),
    );
    println!();
    println!(
        "| version at M | byte form (before) | numeric form (drawn) | numeric without cert.a.t |"
    );
    println!("|---|---|---|---|");
    for v in 1..=40u8 {
        let today = rows.iter().filter(|r| r[0].2 == v).count();
        let numeric = rows.iter().filter(|r| r[1].2 == v).count();
        let shorter = without.iter().filter(|w| w.1 == v).count();
        if today + numeric + shorter > 0 {
            println!(
                "| {v} ({} modules) | {today} | {numeric} | {shorter} |",
                17 + 4 * v as u32
            );
        }
    }
    Ok(())
}
