//! The QR size model of `examples/qr_forms.rs` agrees with the encoder Sello uses.

#[path = "../examples/qr_forms.rs"]
#[allow(dead_code)]
mod forms;

use fast_qr::{ECL, Mode, QRBuilder};
use forms::{Segment, numeric_token, version_at_m};

fn encoded_version(text: &str, mode: Mode) -> u8 {
    let code = QRBuilder::new(text.as_bytes())
        .ecl(ECL::M)
        .mode(mode)
        .build()
        .unwrap();
    ((code.size - 17) / 4) as u8
}

#[test]
fn the_model_gives_the_encoders_version_for_bytes_and_for_digits() {
    for n in (1..2300).step_by(7) {
        let bytes = "a".repeat(n);
        let model = version_at_m(&[Segment::Byte(bytes.as_bytes())]).unwrap().0;
        assert_eq!(model, encoded_version(&bytes, Mode::Byte), "{n} bytes");
    }
    for n in (1..5500).step_by(13) {
        let digits = "7".repeat(n);
        let model = version_at_m(&[Segment::Numeric(&digits)]).unwrap().0;
        assert_eq!(model, encoded_version(&digits, Mode::Numeric), "{n} digits");
    }
}

#[test]
fn the_numeric_form_is_two_digits_per_character() {
    // - . 0 9 A Z _ a z: code points 45 46 48 57 65 90 95 97 122, minus 45.
    assert_eq!(numeric_token("-.09AZ_az").unwrap(), "000103122045505277");
    assert_eq!(numeric_token("a b"), None);
}
