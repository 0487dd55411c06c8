//! What Sello writes for a certificate: an [`Output`] is one kind of file (the QR code as PNG or
//! SVG, the printable certificate as PDF or SVG), with its extension, its file name in a batch
//! folder and its rendering; [`Outputs`] renders a chosen set of them, preparing the template
//! once when a printable certificate is among them.

use crate::i18n::tr;
use crate::{CertificateFields, Correction, PaperSize, PrintError, Printer, QrMatrix, Template};
use std::path::{Path, PathBuf};

/// Pixels per module of a QR code's PNG.
pub const QR_PNG_SCALE: u32 = 4;
/// Printed side of a QR code's SVG, quiet zone included, in millimetres.
pub const QR_SVG_MM: f32 = 40.0;

/// One kind of file written for a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Output {
    /// The QR code, a 1-bit PNG (`<serial>.png`).
    Png,
    /// The QR code, an SVG (`<serial>.svg`).
    Svg,
    /// The printable certificate, a PDF (`<serial>.pdf`).
    Pdf,
    /// The printable certificate, an SVG (`<serial>-certificado.svg`).
    CertSvg,
}

/// Why a name or a path does not say which output is meant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutputError {
    /// Not one of the names of [`Output::name`].
    #[error("{}", tr("output-unknown", &[("name", sello_core::untrusted::quote(.0).into())]))]
    Unknown(String),
    /// The path's extension is none of those the option takes.
    #[error("{}", tr("output-extension", &[("path", crate::i18n::escaped(&.path.display().to_string()).into()), ("extensions", (*.extensions).into())]))]
    Extension {
        /// The path.
        path: PathBuf,
        /// The extensions accepted (`.png or .svg`).
        extensions: &'static str,
    },
}

impl Output {
    /// Every output, in the order of their names.
    pub const ALL: [Output; 4] = [Output::Png, Output::Svg, Output::Pdf, Output::CertSvg];

    /// The name people choose it by (`png`, `svg`, `pdf`, `cert-svg`).
    pub fn name(self) -> &'static str {
        match self {
            Output::Png => "png",
            Output::Svg => "svg",
            Output::Pdf => "pdf",
            Output::CertSvg => "cert-svg",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Png => "png",
            Output::Svg | Output::CertSvg => "svg",
            Output::Pdf => "pdf",
        }
    }

    /// The file's name in a batch folder, for the certificate with this serial.
    pub fn file_name(self, serial: &str) -> String {
        match self {
            Output::CertSvg => format!("{serial}-certificado.svg"),
            other => format!("{serial}.{}", other.extension()),
        }
    }

    /// Whether it is the printable certificate (which needs a template) rather than the QR code.
    pub fn is_certificate(self) -> bool {
        matches!(self, Output::Pdf | Output::CertSvg)
    }

    /// The QR code's output a path asks for by its extension (`.png` or `.svg`, any case).
    pub fn qr_for(path: &Path) -> Result<Output, OutputError> {
        Self::by_extension(path, &[Output::Png, Output::Svg], ".png, .svg")
    }

    /// The printable certificate's output a path asks for (`.pdf` or `.svg`, any case).
    pub fn certificate_for(path: &Path) -> Result<Output, OutputError> {
        Self::by_extension(path, &[Output::Pdf, Output::CertSvg], ".pdf, .svg")
    }

    fn by_extension(
        path: &Path,
        among: &[Output],
        extensions: &'static str,
    ) -> Result<Output, OutputError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        among
            .iter()
            .copied()
            .find(|o| ext.as_deref() == Some(o.extension()))
            .ok_or_else(|| OutputError::Extension {
                path: path.to_owned(),
                extensions,
            })
    }
}

impl std::str::FromStr for Output {
    type Err = OutputError;

    fn from_str(name: &str) -> Result<Output, OutputError> {
        Output::ALL
            .into_iter()
            .find(|o| o.name() == name)
            .ok_or_else(|| OutputError::Unknown(name.to_owned()))
    }
}

impl std::fmt::Display for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Renders a chosen set of [`Output`]s for one certificate after another: the template is
/// prepared once ([`Printer`]), and only when a printable certificate is among them.
pub struct Outputs {
    outputs: Vec<Output>,
    printer: Option<Printer>,
}

impl std::fmt::Debug for Outputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outputs")
            .field("outputs", &self.outputs)
            .field("printer", &self.printer.is_some())
            .finish()
    }
}

impl Outputs {
    /// The outputs to render, the certificates with `template` on `paper`.
    pub fn new(
        outputs: &[Output],
        template: &Template,
        paper: PaperSize,
    ) -> Result<Outputs, PrintError> {
        let printer = match outputs.iter().any(|o| o.is_certificate()) {
            true => Some(Printer::new(template, paper)?),
            false => None,
        };
        Ok(Outputs {
            outputs: outputs.to_vec(),
            printer,
        })
    }

    /// The outputs, in the order given.
    pub fn outputs(&self) -> &[Output] {
        &self.outputs
    }

    /// The files' names for the certificate with this serial, in the order of the outputs.
    pub fn file_names(&self, serial: &str) -> Vec<String> {
        self.outputs.iter().map(|o| o.file_name(serial)).collect()
    }

    /// Every output of one certificate: its file name (from `fields.serial`) and its bytes, in
    /// the order of the outputs. The QR code is encoded once for all of them.
    pub fn render(
        &self,
        fields: &CertificateFields,
        qr_text: &str,
    ) -> Result<Vec<(String, Vec<u8>)>, PrintError> {
        let qr = match self.outputs.iter().any(|o| !o.is_certificate()) {
            true => Some(QrMatrix::encode(qr_text, Correction::Medium)?),
            false => None,
        };
        let mut files = Vec::with_capacity(self.outputs.len());
        for &output in &self.outputs {
            let bytes = match (output, &qr, &self.printer) {
                (Output::Png, Some(qr), _) => qr.to_png(QR_PNG_SCALE)?,
                (Output::Svg, Some(qr), _) => qr.to_svg(QR_SVG_MM).into_bytes(),
                (Output::Pdf, _, Some(printer)) => printer.pdf(fields, qr_text)?,
                (Output::CertSvg, _, Some(printer)) => printer.svg(fields, qr_text)?.into_bytes(),
                _ => unreachable!("the QR code and the printer are made for the outputs"),
            };
            files.push((output.file_name(&fields.serial), bytes));
        }
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr as _;

    #[test]
    fn names_extensions_and_file_names() {
        for o in Output::ALL {
            assert_eq!(Output::from_str(o.name()), Ok(o));
        }
        assert!(matches!(
            Output::from_str("jpeg"),
            Err(OutputError::Unknown(_))
        ));
        let names: Vec<String> = Output::ALL.iter().map(|o| o.file_name("A-1")).collect();
        assert_eq!(
            names,
            ["A-1.png", "A-1.svg", "A-1.pdf", "A-1-certificado.svg"]
        );
        assert_eq!(Output::qr_for(Path::new("x/QR.PNG")), Ok(Output::Png));
        assert_eq!(Output::qr_for(Path::new("qr.svg")), Ok(Output::Svg));
        assert_eq!(
            Output::certificate_for(Path::new("c.svg")),
            Ok(Output::CertSvg)
        );
        assert_eq!(Output::certificate_for(Path::new("c.pdf")), Ok(Output::Pdf));
        assert!(Output::qr_for(Path::new("qr.pdf")).is_err());
        assert!(Output::certificate_for(Path::new("c.png")).is_err());
        assert!(Output::qr_for(Path::new("qr")).is_err());
    }

    #[test]
    fn renders_each_output_under_its_name() {
        let fields = CertificateFields {
            holder: "Ana Pérez".into(),
            serial: "A-1".into(),
            ..Default::default()
        };
        let outputs = Outputs::new(&Output::ALL, &Template::default_es(), PaperSize::A4).unwrap();
        let files = outputs
            .render(&fields, "https://v.example.mx/v#a.b.c")
            .unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, outputs.file_names("A-1"));
        assert!(files[0].1.starts_with(b"\x89PNG"));
        assert!(files[1].1.starts_with(b"<svg"));
        assert!(files[2].1.starts_with(b"%PDF"));
        assert!(String::from_utf8_lossy(&files[3].1).contains("Ana Pérez"));
        // QR codes alone need no template prepared.
        let qr_only = Outputs::new(&[Output::Svg], &Template::default_es(), PaperSize::A4).unwrap();
        assert!(qr_only.printer.is_none());
    }
}
