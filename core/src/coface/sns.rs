//! Authenticity of CofaServe pushes: Amazon SNS signs every message it posts. This module holds
//! the pure parts — the exact string SNS signs, and the checks on the certificate URL (so that
//! a forged message cannot point the proxy at an attacker's certificate) — and, behind the
//! non-default cargo feature `coface_sns`, the RSA verification itself (kept out of the wasm
//! bundle: only the proxy needs it).
//!
//! The proxy: [`check_signing_cert_url`] on the envelope's `SigningCertURL`; fetch that
//! certificate (HTTPS; cache it by URL); `verify_signature(&envelope, &pem)`; only then read the
//! message. The seed names the signed fields (Message, MessageId, Type, Timestamp, TopicArn,
//! "SHA256"); the layout of the string is Amazon SNS's.

use super::notification::{SnsEnvelope, SnsMessageType};

/// Why a push's signature could not be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SnsError {
    /// A field needed to check the signature is absent or blank.
    #[error("the SNS message has no {0}")]
    MissingField(&'static str),
    /// A `Type` whose signed fields are not known.
    #[error("SNS messages of type {0:?} cannot be checked")]
    UnsignableType(String),
    /// A `SignatureVersion` other than `1` (SHA1withRSA) or `2` (SHA256withRSA).
    #[error("unsupported SNS SignatureVersion {0:?}")]
    UnsupportedSignatureVersion(String),
    /// The URL is not `https://sns.<region>.amazonaws.com/…` (with, for a certificate, a path
    /// ending in `.pem` and no query).
    #[error("not an Amazon SNS URL: {0:?}")]
    UntrustedUrl(String),
    /// The certificate could not be read, or does not hold an RSA key.
    #[error("the signing certificate could not be read: {0}")]
    Certificate(String),
    /// `Signature` is not Base64, or not an RSA signature of the key's size.
    #[error("the SNS signature is not well formed")]
    SignatureEncoding,
    /// The signature does not match the message: forged or altered.
    #[error("the SNS signature does not match the message")]
    SignatureMismatch,
}

/// An SNS `SignatureVersion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// `1`: RSA PKCS#1 v1.5 with SHA-1.
    V1,
    /// `2`: RSA PKCS#1 v1.5 with SHA-256.
    V2,
}

impl SignatureVersion {
    /// The version of an envelope's `SignatureVersion` field.
    pub fn of(envelope: &SnsEnvelope) -> Result<Self, SnsError> {
        match envelope.signature_version.as_deref().map(str::trim) {
            None | Some("") => Err(SnsError::MissingField("SignatureVersion")),
            Some("1") => Ok(SignatureVersion::V1),
            Some("2") => Ok(SignatureVersion::V2),
            Some(other) => Err(SnsError::UnsupportedSignatureVersion(other.to_owned())),
        }
    }
}

/// The string SNS signs for `envelope`: each signed field's name, a newline, its value, a
/// newline, in byte order of the names. A `Notification` signs `Message`, `MessageId`,
/// `Subject` (only when present), `Timestamp`, `TopicArn`, `Type`; a subscription or
/// unsubscribe confirmation signs `Message`, `MessageId`, `SubscribeURL`, `Timestamp`, `Token`,
/// `TopicArn`, `Type`. Values are taken exactly as received.
pub fn string_to_sign(envelope: &SnsEnvelope) -> Result<String, SnsError> {
    let mut fields: Vec<(&str, &str)> = vec![
        ("Message", &envelope.message),
        ("MessageId", &envelope.message_id),
    ];
    match &envelope.message_type {
        SnsMessageType::Notification => {
            if let Some(subject) = &envelope.subject {
                fields.push(("Subject", subject));
            }
            fields.push(("Timestamp", &envelope.timestamp));
            fields.push(("TopicArn", &envelope.topic_arn));
        }
        SnsMessageType::SubscriptionConfirmation | SnsMessageType::UnsubscribeConfirmation => {
            let subscribe_url = envelope
                .subscribe_url
                .as_deref()
                .ok_or(SnsError::MissingField("SubscribeURL"))?;
            let token = envelope
                .token
                .as_deref()
                .ok_or(SnsError::MissingField("Token"))?;
            fields.push(("SubscribeURL", subscribe_url));
            fields.push(("Timestamp", &envelope.timestamp));
            fields.push(("Token", token));
            fields.push(("TopicArn", &envelope.topic_arn));
        }
        SnsMessageType::Other(other) => return Err(SnsError::UnsignableType(other.clone())),
    }
    fields.push(("Type", envelope.message_type.as_str()));
    let mut text = String::new();
    for (name, value) in fields {
        text.push_str(name);
        text.push('\n');
        text.push_str(value);
        text.push('\n');
    }
    Ok(text)
}

/// Checks that `url` is an Amazon SNS URL the proxy may fetch or visit: `https://`, no user
/// info, no port other than 443, a host `sns.<region>.amazonaws.com` (region: one label of
/// lower-case letters, digits and inner hyphens, e.g. `eu-west-1`; the host is compared without
/// case), and a path of URL-safe characters. Use it on `SubscribeURL` and `UnsubscribeURL`.
pub fn check_sns_url(url: &str) -> Result<(), SnsError> {
    split_sns_url(url).map(|_| ())
}

/// Checks a `SigningCertURL` before the proxy fetches it: an SNS URL ([`check_sns_url`]) whose
/// path ends in `.pem` and which has no query or fragment — so that a forged message cannot
/// make the proxy trust a certificate served elsewhere.
pub fn check_signing_cert_url(url: &str) -> Result<(), SnsError> {
    let untrusted = || SnsError::UntrustedUrl(url.to_owned());
    let (path, query) = split_sns_url(url)?;
    let file_name = path.rsplit('/').next().unwrap_or_default();
    if query.is_some() || file_name.len() <= ".pem".len() || !file_name.ends_with(".pem") {
        return Err(untrusted());
    }
    Ok(())
}

/// `(path, query)` of an SNS URL.
fn split_sns_url(url: &str) -> Result<(&str, Option<&str>), SnsError> {
    let untrusted = || SnsError::UntrustedUrl(url.to_owned());
    let rest = url
        .get(..8)
        .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
        .and_then(|_| url.get(8..))
        .ok_or_else(untrusted)?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let host = authority
        .strip_suffix(":443")
        .unwrap_or(authority)
        .to_ascii_lowercase();
    let region = host
        .strip_prefix("sns.")
        .and_then(|host| host.strip_suffix(".amazonaws.com"))
        .ok_or_else(untrusted)?;
    let region_ok = (3..=63).contains(&region.len())
        && region.starts_with(|c: char| c.is_ascii_lowercase())
        && !region.ends_with('-')
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !region_ok || !tail.starts_with('/') {
        return Err(untrusted());
    }
    let (path, query) = match tail.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (tail, None),
    };
    let path_ok = !path.split('/').any(|segment| segment == "..")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'));
    let query_ok = query.is_none_or(|query| {
        query.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'&' | b'=' | b'-' | b'_' | b'.' | b'%' | b':')
        })
    });
    if path_ok && query_ok {
        Ok((path, query))
    } else {
        Err(untrusted())
    }
}

/// Verifies the SNS signature of `envelope` with the certificate at its `SigningCertURL`
/// (`certificate_pem`: the PEM the proxy fetched from it). Checks the URL again
/// ([`check_signing_cert_url`]), then the RSA PKCS#1 v1.5 signature (SHA-1 for version 1,
/// SHA-256 for version 2) of [`string_to_sign`]. Only with the `coface_sns` feature.
#[cfg(feature = "coface_sns")]
pub fn verify_signature(envelope: &SnsEnvelope, certificate_pem: &[u8]) -> Result<(), SnsError> {
    use base64ct::{Base64, Encoding};
    use rsa::pkcs1v15::{Signature, VerifyingKey};
    use rsa::pkcs8::DecodePublicKey;
    use rsa::signature::Verifier;
    use rsa::RsaPublicKey;
    use x509_cert::der::{DecodePem, Encode};
    use x509_cert::Certificate;

    let url = envelope
        .signing_cert_url
        .as_deref()
        .filter(|url| !url.trim().is_empty())
        .ok_or(SnsError::MissingField("SigningCertURL"))?;
    check_signing_cert_url(url)?;
    let version = SignatureVersion::of(envelope)?;
    let signature = envelope
        .signature
        .as_deref()
        .map(str::trim)
        .filter(|signature| !signature.is_empty())
        .ok_or(SnsError::MissingField("Signature"))?;
    let text = string_to_sign(envelope)?;
    let signature = Base64::decode_vec(signature).map_err(|_| SnsError::SignatureEncoding)?;
    let signature =
        Signature::try_from(signature.as_slice()).map_err(|_| SnsError::SignatureEncoding)?;
    let certificate = Certificate::from_pem(certificate_pem)
        .map_err(|error| SnsError::Certificate(error.to_string()))?;
    let public_key = certificate
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|error| SnsError::Certificate(error.to_string()))?;
    let key = RsaPublicKey::from_public_key_der(&public_key)
        .map_err(|error| SnsError::Certificate(error.to_string()))?;
    let verified = match version {
        SignatureVersion::V1 => {
            VerifyingKey::<sha1::Sha1>::new(key).verify(text.as_bytes(), &signature)
        }
        SignatureVersion::V2 => {
            VerifyingKey::<sha2::Sha256>::new(key).verify(text.as_bytes(), &signature)
        }
    };
    verified.map_err(|_| SnsError::SignatureMismatch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coface::notification::parse_sns_envelope;

    fn envelope(json: &str) -> SnsEnvelope {
        parse_sns_envelope(json.as_bytes()).unwrap()
    }

    #[test]
    fn notification_string_to_sign() {
        let notification = envelope(
            r#"{"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:eu-west-1:1:scoring",
                "Message":"{\"a\":1}\nline","Timestamp":"2024-05-02T10:15:00.000Z",
                "SignatureVersion":"2","Signature":"x","SigningCertURL":"https://sns.eu-west-1.amazonaws.com/c.pem"}"#,
        );
        assert_eq!(
            string_to_sign(&notification).unwrap(),
            "Message\n{\"a\":1}\nline\nMessageId\nm-1\nTimestamp\n2024-05-02T10:15:00.000Z\n\
             TopicArn\narn:aws:sns:eu-west-1:1:scoring\nType\nNotification\n"
        );
        let with_subject = SnsEnvelope {
            subject: Some("S".into()),
            ..notification
        };
        assert_eq!(
            string_to_sign(&with_subject).unwrap(),
            "Message\n{\"a\":1}\nline\nMessageId\nm-1\nSubject\nS\nTimestamp\n\
             2024-05-02T10:15:00.000Z\nTopicArn\narn:aws:sns:eu-west-1:1:scoring\nType\n\
             Notification\n"
        );
    }

    #[test]
    fn confirmation_string_to_sign() {
        let confirmation = envelope(
            r#"{"Type":"SubscriptionConfirmation","MessageId":"m-2","Token":"tok","TopicArn":"arn:t",
                "Message":"You have chosen to subscribe","SubscribeURL":"https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
                "Timestamp":"2024-05-02T10:15:00.000Z"}"#,
        );
        assert_eq!(
            string_to_sign(&confirmation).unwrap(),
            "Message\nYou have chosen to subscribe\nMessageId\nm-2\nSubscribeURL\n\
             https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription\nTimestamp\n\
             2024-05-02T10:15:00.000Z\nToken\ntok\nTopicArn\narn:t\nType\n\
             SubscriptionConfirmation\n"
        );
        let without_token = SnsEnvelope {
            token: None,
            ..confirmation.clone()
        };
        assert_eq!(
            string_to_sign(&without_token),
            Err(SnsError::MissingField("Token"))
        );
        let other = SnsEnvelope {
            message_type: SnsMessageType::Other("Ping".into()),
            ..confirmation
        };
        assert_eq!(
            string_to_sign(&other),
            Err(SnsError::UnsignableType("Ping".into()))
        );
    }

    #[test]
    fn certificate_urls() {
        for good in [
            "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem",
            "HTTPS://SNS.us-gov-west-1.AMAZONAWS.com:443/a/b.pem",
        ] {
            assert_eq!(check_signing_cert_url(good), Ok(()), "{good}");
        }
        for bad in [
            "http://sns.eu-west-1.amazonaws.com/c.pem",
            "https://sns.eu-west-1.amazonaws.com.evil.com/c.pem",
            "https://evil.com/sns.eu-west-1.amazonaws.com/c.pem",
            "https://sns.eu-west-1.amazonaws.com@evil.com/c.pem",
            "https://evil.com#@sns.eu-west-1.amazonaws.com/c.pem",
            "https://sns.evil.com/.amazonaws.com/c.pem",
            "https://sqs.eu-west-1.amazonaws.com/c.pem",
            "https://sns.eu.west.1.amazonaws.com/c.pem",
            "https://sns.amazonaws.com/c.pem",
            "https://sns.eu-west-1.amazonaws.com:8443/c.pem",
            "https://sns.eu-west-1.amazonaws.com/c.pem?x=1",
            "https://sns.eu-west-1.amazonaws.com/c.pem#f",
            "https://sns.eu-west-1.amazonaws.com/c.crt",
            "https://sns.eu-west-1.amazonaws.com/.pem",
            "https://sns.eu-west-1.amazonaws.com/../c.pem",
            "https://sns.eu-west-1.amazonaws.com/%2e%2e/c.pem",
            "https://sns.eu-west-1.amazonaws.com",
            "https://",
            "",
            "é",
        ] {
            assert_eq!(
                check_signing_cert_url(bad),
                Err(SnsError::UntrustedUrl(bad.to_owned())),
                "{bad}"
            );
        }
        assert_eq!(
            check_sns_url("https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:1:t:abc"),
            Ok(())
        );
        assert!(check_sns_url("https://sns.eu-west-1.amazonaws.com/?a=<script>").is_err());
    }

    #[test]
    fn signature_versions() {
        let mut notification = envelope(
            r#"{"Type":"Notification","MessageId":"m","TopicArn":"t","Message":"","Timestamp":"t"}"#,
        );
        assert_eq!(
            SignatureVersion::of(&notification),
            Err(SnsError::MissingField("SignatureVersion"))
        );
        notification.signature_version = Some("1".into());
        assert_eq!(
            SignatureVersion::of(&notification),
            Ok(SignatureVersion::V1)
        );
        notification.signature_version = Some("2".into());
        assert_eq!(
            SignatureVersion::of(&notification),
            Ok(SignatureVersion::V2)
        );
        notification.signature_version = Some("3".into());
        assert_eq!(
            SignatureVersion::of(&notification),
            Err(SnsError::UnsupportedSignatureVersion("3".into()))
        );
    }
}
