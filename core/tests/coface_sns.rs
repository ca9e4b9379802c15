//! SNS signatures of Coface pushes: the string to sign, the certificate URL check, and (with the
//! `coface_sns` feature) RSA verification against envelopes signed by `openssl` with a test-only
//! key (see tests/fixtures/coface/sns/README.md).
#![cfg(feature = "coface")]

use std::path::PathBuf;

use proptest::prelude::*;
use tradecover_core::coface::notification::{parse_sns_envelope, SnsEnvelope};
use tradecover_core::coface::sns::{check_signing_cert_url, string_to_sign, SnsError};

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "coface",
        "sns",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn envelope(name: &str) -> SnsEnvelope {
    parse_sns_envelope(&fixture(name)).unwrap()
}

#[test]
fn string_to_sign_of_the_signed_fixture() {
    let notification = envelope("notification-v2.json");
    let expected = format!(
        "Message\n{}\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nTimestamp\n\
         2024-05-02T10:15:00.000Z\nTopicArn\n\
         arn:aws:sns:eu-west-1:123456789012:credit_insurance_cover\nType\nNotification\n",
        notification.message
    );
    assert_eq!(string_to_sign(&notification).unwrap(), expected);
    assert!(notification
        .message
        .starts_with("{\"externalId\": \"EXT-88412\""));
}

#[test]
fn the_fixture_certificate_url_is_trusted_and_spoofs_are_not() {
    let notification = envelope("notification-v2.json");
    assert_eq!(
        check_signing_cert_url(notification.signing_cert_url.as_deref().unwrap()),
        Ok(())
    );
    let spoof = "https://sns.eu-west-1.amazonaws.com.attacker.example/cert.pem";
    assert_eq!(
        check_signing_cert_url(spoof),
        Err(SnsError::UntrustedUrl(spoof.into()))
    );
}

#[cfg(feature = "coface_sns")]
mod verification {
    use super::*;
    use tradecover_core::coface::sns::verify_signature;

    fn certificate() -> Vec<u8> {
        fixture("test-signing-cert.pem")
    }

    #[test]
    fn good_signatures_verify() {
        for name in [
            "notification-v2.json",
            "notification-v1.json",
            "subscription-confirmation.json",
        ] {
            assert_eq!(
                verify_signature(&envelope(name), &certificate()),
                Ok(()),
                "{name}"
            );
        }
    }

    #[test]
    fn a_tampered_message_fails() {
        let good = envelope("notification-v2.json");
        let tampered = [
            SnsEnvelope {
                message: good.message.replace("50000.00", "90000.00"),
                ..good.clone()
            },
            SnsEnvelope {
                message_id: "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf325".into(),
                ..good.clone()
            },
            SnsEnvelope {
                timestamp: "2024-05-03T10:15:00.000Z".into(),
                ..good.clone()
            },
            SnsEnvelope {
                topic_arn: "arn:aws:sns:eu-west-1:123456789012:scoring".into(),
                ..good.clone()
            },
            SnsEnvelope {
                subject: Some("added".into()),
                ..good.clone()
            },
        ];
        for envelope in tampered {
            assert_eq!(
                verify_signature(&envelope, &certificate()),
                Err(SnsError::SignatureMismatch)
            );
        }
        // A version-2 signature read as version 1 (SHA-1) does not verify either.
        let downgraded = SnsEnvelope {
            signature_version: Some("1".into()),
            ..good
        };
        assert_eq!(
            verify_signature(&downgraded, &certificate()),
            Err(SnsError::SignatureMismatch)
        );
    }

    #[test]
    fn another_certificate_fails() {
        assert_eq!(
            verify_signature(
                &envelope("notification-v2.json"),
                &fixture("other-cert.pem")
            ),
            Err(SnsError::SignatureMismatch)
        );
    }

    #[test]
    fn a_wrong_certificate_url_fails_before_any_crypto() {
        let good = envelope("notification-v2.json");
        let url = "https://attacker.example/SimpleNotificationService.pem";
        let spoofed = SnsEnvelope {
            signing_cert_url: Some(url.into()),
            ..good.clone()
        };
        assert_eq!(
            verify_signature(&spoofed, &certificate()),
            Err(SnsError::UntrustedUrl(url.into()))
        );
        let missing = SnsEnvelope {
            signing_cert_url: None,
            ..good
        };
        assert_eq!(
            verify_signature(&missing, &certificate()),
            Err(SnsError::MissingField("SigningCertURL"))
        );
    }

    #[test]
    fn malformed_inputs_are_typed_errors() {
        let good = envelope("notification-v2.json");
        let not_base64 = SnsEnvelope {
            signature: Some("***".into()),
            ..good.clone()
        };
        assert_eq!(
            verify_signature(&not_base64, &certificate()),
            Err(SnsError::SignatureEncoding)
        );
        let unsigned = SnsEnvelope {
            signature: None,
            ..good.clone()
        };
        assert_eq!(
            verify_signature(&unsigned, &certificate()),
            Err(SnsError::MissingField("Signature"))
        );
        let version_3 = SnsEnvelope {
            signature_version: Some("3".into()),
            ..good.clone()
        };
        assert_eq!(
            verify_signature(&version_3, &certificate()),
            Err(SnsError::UnsupportedSignatureVersion("3".into()))
        );
        for pem in [&b""[..], b"not a pem", &fixture("test-signing-key.pem")] {
            assert!(
                matches!(verify_signature(&good, pem), Err(SnsError::Certificate(_))),
                "{}",
                String::from_utf8_lossy(pem)
            );
        }
    }

    proptest! {
        #[test]
        fn verification_never_panics(
            signature in proptest::collection::vec(any::<u8>(), 0..600),
            pem in proptest::collection::vec(any::<u8>(), 0..300),
            version in "[0-9]{0,2}",
        ) {
            use base64ct_free::encode;
            let good = envelope("notification-v2.json");
            let forged = SnsEnvelope {
                signature: Some(encode(&signature)),
                signature_version: Some(version),
                ..good
            };
            prop_assert!(verify_signature(&forged, &certificate()).is_err());
            let _ = verify_signature(&forged, &pem);
        }
    }

    /// Base64 (standard alphabet, padded) for the property test, without a dev-dependency.
    mod base64ct_free {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        pub fn encode(bytes: &[u8]) -> String {
            let mut text = String::new();
            for chunk in bytes.chunks(3) {
                let b = [
                    chunk[0],
                    *chunk.get(1).unwrap_or(&0),
                    *chunk.get(2).unwrap_or(&0),
                ];
                let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                for i in 0..4 {
                    if i <= chunk.len() {
                        text.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                    } else {
                        text.push('=');
                    }
                }
            }
            text
        }
    }
}

proptest! {
    #[test]
    fn url_checks_and_string_to_sign_never_panic(url in ".{0,120}", message in ".{0,200}") {
        let _ = check_signing_cert_url(&url);
        let body = serde_json::json!({
            "Type": "Notification", "MessageId": "m", "TopicArn": "a",
            "Message": message, "Timestamp": "t", "SigningCertURL": url,
        });
        let envelope = parse_sns_envelope(body.to_string().as_bytes()).unwrap();
        let text = string_to_sign(&envelope).unwrap();
        prop_assert!(text.starts_with("Message\n"));
        prop_assert!(text.ends_with("Type\nNotification\n"));
    }

    #[test]
    fn only_sns_hosts_pass(host in "[a-z0-9.-]{1,40}", path in "[a-zA-Z0-9/_.-]{0,30}") {
        let url = format!("https://{host}/{path}.pem");
        let trusted = host.starts_with("sns.") && host.ends_with(".amazonaws.com");
        if check_signing_cert_url(&url).is_ok() {
            prop_assert!(trusted, "{url} passed");
        }
    }
}
