//! A document attached to an overdue (Coface claim) case.

use serde::{Deserialize, Serialize};

use super::text::char_count;
use crate::validation_error::ValidationError;

/// Every code [`validate_document`] can produce.
pub const CODES: &[&str] = &[
    "document.name_required",
    "document.name_too_long",
    "document.media_type",
    "document.extension_mismatch",
    "document.empty",
    "document.too_large",
    "document.too_many",
    "document.duplicate",
];

/// The field named in document errors.
const FIELD: &str = "document";

/// Coface's whitelist of media types, each with the file extensions it may have.
pub const PERMITTED_MEDIA_TYPES: &[(&str, &[&str])] = &[
    ("application/msword", &["doc"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    ("image/gif", &["gif"]),
    ("image/jpeg", &["jpeg", "jpg"]),
    ("application/pdf", &["pdf"]),
    ("image/png", &["png"]),
    ("application/vnd.ms-excel", &["xls"]),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
];

/// Largest document Coface accepts: "10 MB", read as 10,000,000 bytes — the smaller of the two
/// readings (10 × 1024 × 1024 = 10,485,760 is the other), so that nothing accepted here is
/// refused there.
pub const MAX_DOCUMENT_BYTES: u64 = 10_000_000;
/// Most documents on one overdue case.
pub const MAX_DOCUMENTS: usize = 500;
/// Most characters of a file name (extension included).
pub const MAX_FILE_NAME_CHARS: usize = 255;

/// A file a person picked to attach, as the browser describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentUpload {
    /// The file name with its extension, e.g. `invoice-2024-17.pdf`.
    pub file_name: String,
    /// The media type the browser reports (`File.type`), e.g. `application/pdf`; may be empty.
    pub media_type: String,
    /// The size in bytes.
    pub size_bytes: u64,
}

impl DocumentUpload {
    /// The file's extension, lower case, without the dot (`pdf`); `""` when there is none.
    pub fn extension(&self) -> String {
        match self.file_name.trim().rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => extension.to_lowercase(),
            _ => String::new(),
        }
    }
}

/// The whitelisted media type to send for `upload` (the `Content-Type` Coface checks): the
/// reported one without parameters, lower case, or — when the browser reported none — the one
/// the extension implies. `None` when that is not in the whitelist.
pub fn document_media_type(upload: &DocumentUpload) -> Option<&'static str> {
    let reported = upload
        .media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let extension = upload.extension();
    PERMITTED_MEDIA_TYPES
        .iter()
        .find(|(media_type, extensions)| {
            if reported.is_empty() {
                extensions.contains(&extension.as_str())
            } else {
                *media_type == reported
            }
        })
        .map(|(media_type, _)| *media_type)
}

/// Checks one document against Coface's rules before it is sent: a file name of 1 to 255
/// characters, a whitelisted media type (PDF, JPEG, PNG, GIF, Word, Excel) matching the file's
/// extension, a size from 1 byte to [`MAX_DOCUMENT_BYTES`], no more than 500 documents on the
/// case counting those `already_attached` (their file names), and no other document with the
/// same name and extension (compared without case). Returns every problem; empty when valid.
///
/// Errors (field `document`): `document.name_required`; `document.name_too_long` (param `max`:
/// 255); `document.media_type` (param `mediaType`: as reported) when it is not whitelisted, or
/// is empty and the extension implies none; `document.extension_mismatch` (params `extension`,
/// `mediaType`); `document.empty`; `document.too_large` (param `max`: 10000000 bytes);
/// `document.too_many` (param `max`: 500); `document.duplicate` (param `fileName`).
pub fn validate_document(
    upload: &DocumentUpload,
    already_attached: &[String],
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let name = upload.file_name.trim();
    if name.is_empty() {
        errors.push(ValidationError::new("document.name_required", FIELD));
    } else if char_count(name) > MAX_FILE_NAME_CHARS {
        errors.push(
            ValidationError::new("document.name_too_long", FIELD)
                .with_param("max", MAX_FILE_NAME_CHARS),
        );
    }
    match document_media_type(upload) {
        None => errors.push(
            ValidationError::new("document.media_type", FIELD)
                .with_param("mediaType", upload.media_type.trim()),
        ),
        Some(media_type) => {
            let extension = upload.extension();
            let matches = PERMITTED_MEDIA_TYPES.iter().any(|(candidate, extensions)| {
                *candidate == media_type && extensions.contains(&extension.as_str())
            });
            if !matches && !name.is_empty() {
                errors.push(
                    ValidationError::new("document.extension_mismatch", FIELD)
                        .with_param("extension", extension)
                        .with_param("mediaType", media_type),
                );
            }
        }
    }
    if upload.size_bytes == 0 {
        errors.push(ValidationError::new("document.empty", FIELD));
    } else if upload.size_bytes > MAX_DOCUMENT_BYTES {
        errors.push(
            ValidationError::new("document.too_large", FIELD).with_param("max", MAX_DOCUMENT_BYTES),
        );
    }
    if already_attached.len() >= MAX_DOCUMENTS {
        errors.push(
            ValidationError::new("document.too_many", FIELD).with_param("max", MAX_DOCUMENTS),
        );
    }
    let lowered = name.to_lowercase();
    if !name.is_empty()
        && already_attached
            .iter()
            .any(|attached| attached.trim().to_lowercase() == lowered)
    {
        errors.push(ValidationError::new("document.duplicate", FIELD).with_param("fileName", name));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(name: &str, media_type: &str, size: u64) -> DocumentUpload {
        DocumentUpload {
            file_name: name.to_owned(),
            media_type: media_type.to_owned(),
            size_bytes: size,
        }
    }

    fn codes(upload: &DocumentUpload, attached: &[String]) -> Vec<String> {
        validate_document(upload, attached)
            .into_iter()
            .map(|error| error.code)
            .collect()
    }

    #[test]
    fn accepts_every_whitelisted_pair() {
        for (media_type, extensions) in PERMITTED_MEDIA_TYPES {
            for extension in *extensions {
                let file = upload(
                    &format!("Invoice 17.{}", extension.to_uppercase()),
                    media_type,
                    1,
                );
                assert!(codes(&file, &[]).is_empty(), "{media_type} .{extension}");
            }
        }
        let with_params = upload("a.pdf", "Application/PDF; charset=binary", 10);
        assert_eq!(document_media_type(&with_params), Some("application/pdf"));
        assert!(codes(&with_params, &[]).is_empty());
        let unreported = upload("scan.jpg", "", MAX_DOCUMENT_BYTES);
        assert_eq!(document_media_type(&unreported), Some("image/jpeg"));
        assert!(codes(&unreported, &[]).is_empty());
    }

    #[test]
    fn refuses_types_and_mismatches() {
        assert_eq!(
            codes(&upload("a.txt", "text/plain", 1), &[]),
            ["document.media_type"]
        );
        assert_eq!(codes(&upload("a.zip", "", 1), &[]), ["document.media_type"]);
        assert_eq!(
            codes(&upload("a.png", "application/pdf", 1), &[]),
            ["document.extension_mismatch"]
        );
        assert_eq!(
            codes(&upload("pdf", "application/pdf", 1), &[]),
            ["document.extension_mismatch"]
        );
        let error = &validate_document(&upload("a.png", "application/pdf", 1), &[])[0];
        assert_eq!(error.params["extension"], "png");
        assert_eq!(error.params["mediaType"], "application/pdf");
    }

    #[test]
    fn size_count_names_and_duplicates() {
        assert_eq!(
            codes(
                &upload("a.pdf", "application/pdf", MAX_DOCUMENT_BYTES + 1),
                &[]
            ),
            ["document.too_large"]
        );
        assert_eq!(
            codes(&upload("a.pdf", "application/pdf", 0), &[]),
            ["document.empty"]
        );
        let attached: Vec<String> = (0..MAX_DOCUMENTS).map(|i| format!("doc{i}.pdf")).collect();
        assert_eq!(
            codes(&upload("new.pdf", "application/pdf", 5), &attached),
            ["document.too_many"]
        );
        assert!(codes(&upload("new.pdf", "application/pdf", 5), &attached[1..]).is_empty());
        assert_eq!(
            codes(&upload("DOC7.PDF", "application/pdf", 5), &attached[..10]),
            ["document.duplicate"]
        );
        assert!(codes(&upload("doc7.png", "image/png", 5), &attached[..10]).is_empty());
        assert_eq!(
            codes(&upload("  ", "application/pdf", 5), &[]),
            ["document.name_required"]
        );
        let long = format!("{}.pdf", "é".repeat(252));
        assert_eq!(
            codes(&upload(&long, "application/pdf", 5), &[]),
            ["document.name_too_long"]
        );
        let longest = format!("{}.pdf", "é".repeat(251));
        assert!(codes(&upload(&longest, "application/pdf", 5), &[]).is_empty());
    }
}
