//! Coface overdues golden tests: each builder's request against its exact fixture, each answer
//! fixture (typical and edge) parsed field by field, the refusals, and the parsers fed arbitrary
//! bytes.
#![cfg(feature = "coface")]

use std::path::PathBuf;

use proptest::prelude::*;
use tradecover_core::buyer::{Address, Identifier};
use tradecover_core::coface::overdue::{
    self, catalog_request, convert_to_debt_collection_request, declaration_request,
    details_request, document_upload_request, documents_request, list_request,
    parse_catalog_response, parse_details_response, parse_documents_response, parse_list_response,
    parse_receipt_response, parse_upload_response, unknown_debtor_declaration_request,
    update_request, ContactPerson, DebtType, Invoice, NonPaymentReason, OverdueAction,
    OverdueCatalogEntry, OverdueDeclaration, OverdueFilter, OverdueInvoice, OverduePayment,
    OverdueReceipt, OverdueRequestError, OverdueStatus, OverdueUpdate, Payment, PaymentKind,
    UnknownDebtor,
};
use tradecover_core::coface::CofaceRequestError;
use tradecover_core::currency::Currency;
use tradecover_core::field::DocumentUpload;
use tradecover_core::http_request::Method;
use tradecover_core::money::Money;
use tradecover_core::{Country, HttpRequest, InsurerError};

const EASY: &str = "0012345678904700000";

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "coface",
        name,
    ]
    .iter()
    .collect();
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn request_fixture(operation: &str) -> HttpRequest {
    serde_json::from_slice(&fixture(&format!("{operation}.request.json")))
        .unwrap_or_else(|error| panic!("{operation}.request.json: {error}"))
}

fn response(operation: &str, case: &str) -> Vec<u8> {
    fixture(&format!("{operation}.response.{case}.json"))
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn invoice(reference: &str, issued: &str, due: &str, minor: i64) -> Invoice {
    Invoice {
        reference: reference.into(),
        issue_date: issued.into(),
        due_date: due.into(),
        amount: eur(minor),
    }
}

fn declaration() -> OverdueDeclaration {
    OverdueDeclaration {
        debt_type: DebtType::Covered,
        customer_reference: Some(" OVD-2024-17 ".into()),
        contact_person: ContactPerson {
            first_name: Some("Claire".into()),
            last_name: "Martin".into(),
            email: Some("claire.martin@seller.example".into()),
            phone: Some("+33 1 23 45 67 89".into()),
        },
        debtor_contact: Some(ContactPerson {
            first_name: Some(" ".into()),
            last_name: "Durand".into(),
            email: Some("compta@dupont.example".into()),
            phone: None,
        }),
        non_payment_reason: NonPaymentReason::FinancialDifficulties,
        non_payment_comment: Some("Payment promised twice, nothing received".into()),
        invoices: vec![
            invoice("F-2024-0117", "2024-01-15", "2024-03-15", 1_250_000),
            invoice("F-2024-0142", "2024-02-01", "2024-04-01", 325_050),
        ],
        payments: vec![
            Payment {
                kind: PaymentKind::Payment,
                reference: Some("VIR-778".into()),
                date: "2024-04-10".into(),
                amount: eur(200_000),
            },
            Payment {
                kind: PaymentKind::CreditNote,
                reference: Some("AV-2024-009".into()),
                date: "2024-04-12".into(),
                amount: eur(15_050),
            },
        ],
        intervention_requested: true,
        waiting_period_reduction_requested: false,
    }
}

// ---- catalog ----

#[test]
fn catalog_golden() {
    assert_eq!(
        catalog_request(EASY).unwrap(),
        request_fixture("overdue_catalog")
    );
}

#[test]
fn catalog_answers() {
    let catalog = parse_catalog_response(200, &response("overdue_catalog", "typical")).unwrap();
    assert_eq!(catalog.easy_number.as_deref(), Some(EASY));
    assert_eq!(
        catalog.entries,
        [
            OverdueCatalogEntry {
                debt_type: DebtType::Covered,
                actions: vec![OverdueAction::Update, OverdueAction::Move],
                overdue_id: Some("OVD-000123".into()),
                intervention_request_available: Some(true),
                waiting_period_reduction_available: Some(false),
            },
            OverdueCatalogEntry {
                debt_type: DebtType::NotCovered,
                actions: vec![OverdueAction::Create],
                overdue_id: None,
                intervention_request_available: None,
                waiting_period_reduction_available: None,
            },
        ]
    );
    assert!(catalog.allows(&DebtType::Covered, &OverdueAction::Move));
    assert!(!catalog.allows(&DebtType::Covered, &OverdueAction::Create));
    assert!(catalog.allows(&DebtType::NotCovered, &OverdueAction::Create));
    assert!(catalog.allows_conversion());
    assert_eq!(catalog.overdue_id(), Some("OVD-000123"));

    let edge = parse_catalog_response(200, &response("overdue_catalog", "edge")).unwrap();
    assert_eq!(edge.easy_number.as_deref(), Some("12345678904700000"));
    assert_eq!(edge.entries.len(), 2);
    assert_eq!(edge.entries[0].debt_type, DebtType::Covered);
    assert_eq!(
        edge.entries[0].actions,
        [
            OverdueAction::Create,
            OverdueAction::Other("SUSPEND".into())
        ]
    );
    assert_eq!(edge.entries[0].overdue_id.as_deref(), Some("98765"));
    assert_eq!(edge.entries[1].debt_type, DebtType::Other("XYZ".into()));
    assert!(edge.entries[1].actions.is_empty());
    assert!(!edge.allows_conversion());

    let empty = parse_catalog_response(200, &response("overdue_catalog", "empty")).unwrap();
    assert!(empty.entries.is_empty());
    assert_eq!(empty.overdue_id(), None);
    assert_eq!(
        parse_catalog_response(200, &response("overdue_catalog", "malformed"))
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    assert_eq!(
        parse_catalog_response(403, b"{}").unwrap_err().code(),
        "insurer.unauthorized"
    );
}

// ---- declarations ----

#[test]
fn declaration_golden() {
    assert_eq!(
        declaration_request(EASY, &declaration()).unwrap(),
        request_fixture("overdue_create")
    );
}

#[test]
fn unknown_debtor_declaration_golden() {
    let debtor = UnknownDebtor {
        company_name: " Müller Logistik GmbH ".into(),
        address: Address {
            street: Some("Hafenstraße 12".into()),
            postcode: Some("20457".into()),
            town: Some("Hamburg".into()),
            region: Some("".into()),
            country: Country::from_alpha2("DE").unwrap(),
        },
        identifiers: vec![Identifier {
            kind: "de.vat".into(),
            value: "DE136695976".into(),
        }],
        phone: Some("+49 40 1234567".into()),
        fax: None,
    };
    let declaration = OverdueDeclaration {
        debt_type: DebtType::NotCovered,
        customer_reference: None,
        contact_person: ContactPerson {
            first_name: None,
            last_name: "Martin".into(),
            email: None,
            phone: None,
        },
        debtor_contact: None,
        non_payment_reason: NonPaymentReason::CommercialDispute,
        non_payment_comment: Some("  ".into()),
        invoices: vec![invoice("INV-9", "2024-02-29", "2024-02-29", 98_005)],
        payments: Vec::new(),
        intervention_requested: false,
        waiting_period_reduction_requested: true,
    };
    assert_eq!(
        unknown_debtor_declaration_request(&debtor, &declaration).unwrap(),
        request_fixture("overdue_create_unknown")
    );
    let easy_debtor = UnknownDebtor {
        identifiers: vec![Identifier {
            kind: "coface.easy".into(),
            value: EASY.into(),
        }],
        ..debtor.clone()
    };
    assert_eq!(
        unknown_debtor_declaration_request(&easy_debtor, &declaration),
        Err(OverdueRequestError::IdentifierUnsupported {
            kind: "coface.easy".into()
        })
    );
    let nameless = UnknownDebtor {
        company_name: " ".into(),
        ..debtor
    };
    assert_eq!(
        unknown_debtor_declaration_request(&nameless, &declaration),
        Err(OverdueRequestError::DebtorNameMissing)
    );
}

#[test]
fn declarations_are_checked_before_they_are_built() {
    let refused = |change: &dyn Fn(&mut OverdueDeclaration)| {
        let mut declaration = declaration();
        change(&mut declaration);
        declaration_request(EASY, &declaration).unwrap_err()
    };
    assert_eq!(
        refused(&|d| d.invoices.clear()),
        OverdueRequestError::NoInvoices
    );
    assert_eq!(
        refused(&|d| d.invoices[1].reference = " f-2024-0117 ".into()),
        OverdueRequestError::DuplicateInvoiceReference {
            reference: "f-2024-0117".into()
        }
    );
    assert_eq!(
        refused(&|d| d.invoices[0].reference = "".into()),
        OverdueRequestError::InvoiceReferenceMissing
    );
    assert_eq!(
        refused(&|d| d.invoices[1].amount = eur(0)),
        OverdueRequestError::AmountNotPositive {
            field: "invoices[1].amount".into()
        }
    );
    assert_eq!(
        refused(&|d| d.payments[0].amount = eur(-1)),
        OverdueRequestError::AmountNotPositive {
            field: "payments[0].amount".into()
        }
    );
    assert_eq!(
        refused(&|d| d.invoices[0].due_date = "2023-02-29".into()),
        OverdueRequestError::DateInvalid {
            field: "invoices[0].dueDate".into(),
            value: "2023-02-29".into()
        }
    );
    assert_eq!(
        refused(&|d| d.payments[1].date = "12/04/2024".into()),
        OverdueRequestError::DateInvalid {
            field: "payments[1].date".into(),
            value: "12/04/2024".into()
        }
    );
    assert_eq!(
        refused(&|d| d.invoices[0].due_date = "2024-01-14".into()),
        OverdueRequestError::DueBeforeInvoice {
            field: "invoices[0]".into()
        }
    );
    assert_eq!(
        refused(&|d| d.contact_person.last_name = " ".into()),
        OverdueRequestError::ContactNameMissing {
            field: "contactPerson"
        }
    );
    assert_eq!(
        declaration_request("../x", &declaration())
            .unwrap_err()
            .code(),
        "coface.easy_number_invalid"
    );
}

#[test]
fn declaration_answers() {
    assert_eq!(
        parse_receipt_response(201, &response("overdue_create", "typical")),
        Ok(OverdueReceipt {
            overdue_id: Some("OVD-000123".into()),
            easy_number: Some(EASY.into()),
            status: Some(OverdueStatus::Pending),
        })
    );
    assert_eq!(
        parse_receipt_response(202, &response("overdue_create", "edge")),
        Ok(OverdueReceipt {
            overdue_id: None,
            easy_number: None,
            status: Some(OverdueStatus::Other("Received".into())),
        })
    );
    assert_eq!(
        parse_receipt_response(202, b" "),
        Ok(OverdueReceipt::default())
    );
    assert_eq!(
        parse_receipt_response(400, &response("overdue_create", "error")),
        Err(InsurerError::Rejected {
            status: 400,
            code: "InvalidInvoiceReference".into(),
            message: "Invoice reference F-2024-0117 already declared".into()
        })
    );
    assert_eq!(
        parse_receipt_response(201, &response("overdue_create_unknown", "typical")),
        Ok(OverdueReceipt {
            overdue_id: Some("OVD-000124".into()),
            easy_number: Some("Z123456789".into()),
            status: Some(OverdueStatus::PendingDebtorValidation),
        })
    );
    assert_eq!(
        parse_receipt_response(422, &response("overdue_create_unknown", "rejected"))
            .unwrap_err()
            .code(),
        "insurer.rejected"
    );
    assert_eq!(
        parse_receipt_response(502, b"").unwrap_err().code(),
        "insurer.unavailable"
    );
}

// ---- update and conversion ----

#[test]
fn update_golden() {
    let update = OverdueUpdate {
        payments: vec![Payment {
            kind: PaymentKind::Settlement,
            reference: None,
            date: "2024-05-20".into(),
            amount: eur(500_000),
        }],
        intervention_requested: Some(true),
        ..OverdueUpdate::default()
    };
    assert_eq!(
        update_request(EASY, "OVD-000123", &update).unwrap(),
        request_fixture("overdue_update")
    );
    assert_eq!(
        parse_receipt_response(200, &response("overdue_update", "typical"))
            .unwrap()
            .status,
        Some(OverdueStatus::Pending)
    );
}

#[test]
fn updates_and_conversions_wait_for_an_identified_debtor() {
    let update = OverdueUpdate {
        intervention_requested: Some(true),
        ..OverdueUpdate::default()
    };
    assert_eq!(
        update_request("Z123456789", "OVD-000124", &update),
        Err(OverdueRequestError::DebtorNotIdentified {
            easy_number: "Z123456789".into()
        })
    );
    assert_eq!(
        convert_to_debt_collection_request("z 123456789", "OVD-000124"),
        Err(OverdueRequestError::DebtorNotIdentified {
            easy_number: "Z123456789".into()
        })
    );
    assert_eq!(
        update_request("unknown", "OVD-000124", &update)
            .unwrap_err()
            .code(),
        "coface.easy_number_invalid"
    );
    assert_eq!(
        update_request(EASY, "OVD-000123", &OverdueUpdate::default()),
        Err(OverdueRequestError::NothingToUpdate)
    );
    assert_eq!(
        update_request(EASY, "../1", &update),
        Err(OverdueRequestError::Request(
            CofaceRequestError::IdInvalid {
                field: "overdueId",
                value: "../1".into()
            }
        ))
    );
    let duplicate = OverdueUpdate {
        invoices: vec![
            invoice("A-1", "2024-01-01", "2024-02-01", 100),
            invoice("a-1", "2024-01-01", "2024-02-01", 100),
        ],
        ..OverdueUpdate::default()
    };
    assert_eq!(
        update_request(EASY, "OVD-1", &duplicate)
            .unwrap_err()
            .code(),
        "coface.overdue.duplicate_invoice_reference"
    );
}

#[test]
fn conversion_golden() {
    assert_eq!(
        convert_to_debt_collection_request(EASY, "OVD-000123").unwrap(),
        request_fixture("overdue_convert")
    );
    assert_eq!(
        parse_receipt_response(403, &response("overdue_convert", "error")),
        Err(InsurerError::Unauthorized {
            status: 403,
            message: "The debt collection option is not in your contract".into()
        })
    );
    assert_eq!(
        parse_receipt_response(400, &response("overdue_convert", "error")),
        Err(InsurerError::Rejected {
            status: 400,
            code: "ActionNotAllowed".into(),
            message: "The debt collection option is not in your contract".into()
        })
    );
}

// ---- details and list ----

#[test]
fn details_golden_and_answers() {
    assert_eq!(
        details_request(EASY, "OVD-000123").unwrap(),
        request_fixture("overdue_details")
    );
    let case = parse_details_response(200, &response("overdue_details", "typical")).unwrap();
    assert_eq!(case.summary.overdue_id, "OVD-000123");
    assert_eq!(case.summary.easy_number.as_deref(), Some(EASY));
    assert_eq!(
        case.summary.company_name.as_deref(),
        Some("Société Dupont SAS")
    );
    assert_eq!(case.summary.status, Some(OverdueStatus::Pending));
    assert_eq!(
        case.summary.customer_reference.as_deref(),
        Some("OVD-2024-17")
    );
    assert_eq!(case.summary.intervention_requested, Some(true));
    assert_eq!(case.summary.created_on.as_deref(), Some("2024-04-20"));
    assert_eq!(case.summary.updated_on.as_deref(), Some("2024-05-21"));
    assert_eq!(case.debt_type, Some(DebtType::Covered));
    assert_eq!(
        case.non_payment_reason,
        Some(NonPaymentReason::FinancialDifficulties)
    );
    assert_eq!(
        case.invoices,
        [
            OverdueInvoice {
                reference: Some("F-2024-0117".into()),
                issue_date: Some("2024-01-15".into()),
                due_date: Some("2024-03-15".into()),
                amount: Some(eur(1_250_000)),
            },
            OverdueInvoice {
                reference: Some("F-2024-0142".into()),
                issue_date: Some("2024-02-01".into()),
                due_date: Some("2024-04-01".into()),
                amount: Some(eur(325_050)),
            },
        ]
    );
    assert_eq!(
        case.payments,
        [OverduePayment {
            kind: Some(PaymentKind::Payment),
            reference: Some("VIR-778".into()),
            date: Some("2024-04-10".into()),
            amount: Some(eur(200_000)),
        }]
    );
    let indemnification = case.indemnification.unwrap();
    assert_eq!(indemnification.amount, Some(eur(981_000)));
    assert_eq!(indemnification.paid_on.as_deref(), Some("2024-07-01"));

    let edge = parse_details_response(200, &response("overdue_details", "edge")).unwrap();
    assert_eq!(edge.summary.overdue_id, "77");
    assert_eq!(edge.summary.easy_number.as_deref(), Some("Z123456789"));
    assert_eq!(
        edge.summary.status,
        Some(OverdueStatus::Other("IN_LITIGATION".into()))
    );
    assert_eq!(edge.summary.created_on, None);
    assert_eq!(edge.summary.company_name, None);
    assert_eq!(edge.debt_type, Some(DebtType::NotCovered));
    assert_eq!(
        edge.non_payment_reason,
        Some(NonPaymentReason::Other("GOODS_RETURNED".into()))
    );
    assert_eq!(
        edge.invoices,
        [OverdueInvoice {
            reference: Some("INV-9".into()),
            issue_date: None,
            due_date: None,
            amount: None,
        }]
    );
    assert!(edge.payments.is_empty());
    assert_eq!(edge.indemnification, None);

    assert_eq!(
        parse_details_response(200, &response("overdue_details", "malformed"))
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
    assert_eq!(
        parse_details_response(404, br#"{"code":"NotFound","message":"no case"}"#)
            .unwrap_err()
            .code(),
        "insurer.rejected"
    );
}

#[test]
fn list_golden_and_answers() {
    let filter = OverdueFilter {
        status: OverdueStatus::Pending,
        customer_reference: Some(" OVD-2024-17 ".into()),
        easy_number: Some(EASY.into()),
    };
    assert_eq!(
        list_request(&filter).unwrap(),
        request_fixture("overdue_list")
    );
    let only_status = list_request(&OverdueFilter {
        status: OverdueStatus::PendingDebtorValidation,
        customer_reference: Some("".into()),
        easy_number: None,
    })
    .unwrap();
    assert_eq!(
        only_status.path_and_query(),
        "/companies/overdues?status=PENDING_DEBTOR_VALIDATION"
    );
    assert_eq!(
        list_request(&OverdueFilter {
            status: OverdueStatus::Other(" ".into()),
            customer_reference: None,
            easy_number: None,
        }),
        Err(OverdueRequestError::StatusRequired)
    );

    let list = parse_list_response(200, &response("overdue_list", "typical")).unwrap();
    assert_eq!(list.total, 12);
    assert_eq!(list.overdues.len(), 2);
    let first = &list.overdues[0];
    assert_eq!(first.overdue_id, "OVD-000123");
    assert_eq!(first.status, Some(OverdueStatus::Pending));
    assert_eq!(first.intervention_requested, Some(true));
    assert_eq!(first.created_on.as_deref(), Some("2024-04-20"));
    assert_eq!(first.updated_on.as_deref(), Some("2024-05-21"));
    let second = &list.overdues[1];
    assert_eq!(second.overdue_id, "OVD-000124");
    assert_eq!(second.easy_number.as_deref(), Some("Z123456789"));
    assert_eq!(second.status, Some(OverdueStatus::PendingDebtorValidation));
    assert!(second.status.as_ref().unwrap().takes_updates());
    assert_eq!(second.customer_reference, None);
    assert_eq!(second.company_name, None);
    assert_eq!(second.updated_on, None);

    let empty = parse_list_response(200, &response("overdue_list", "empty")).unwrap();
    assert_eq!((empty.overdues.len(), empty.total), (0, 0));
    assert_eq!(
        parse_list_response(200, &response("overdue_list", "malformed"))
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

// ---- documents ----

fn pdf(name: &str) -> DocumentUpload {
    DocumentUpload {
        file_name: name.into(),
        media_type: "application/pdf".into(),
        size_bytes: 48_213,
    }
}

#[test]
fn document_upload_golden() {
    let upload =
        document_upload_request(EASY, "OVD-000123", &pdf(" F-2024-0142.pdf "), &[]).unwrap();
    assert_eq!(upload.request, request_fixture("overdue_document_upload"));
    assert_eq!(upload.part_name, "document");
    assert_eq!(upload.file_name, "F-2024-0142.pdf");
    assert_eq!(upload.media_type, "application/pdf");
    let unreported = DocumentUpload {
        media_type: String::new(),
        ..pdf("statement.XLSX")
    };
    assert_eq!(
        document_upload_request(EASY, "OVD-000123", &unreported, &[])
            .unwrap()
            .media_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert_eq!(parse_upload_response(201, b""), Ok(()));
    assert_eq!(
        parse_upload_response(415, &response("overdue_document_upload", "error")),
        Err(InsurerError::Rejected {
            status: 415,
            code: "UnsupportedMediaType".into(),
            message: "The Content-Type of document does not match its extension".into()
        })
    );
}

#[test]
fn document_rules_are_applied_before_the_upload() {
    let codes = |upload: &DocumentUpload, attached: &[String]| -> Vec<String> {
        match document_upload_request(EASY, "OVD-000123", upload, attached) {
            Err(OverdueRequestError::Document(errors)) => {
                errors.into_iter().map(|error| error.code).collect()
            }
            other => panic!("refusal expected, got {other:?}"),
        }
    };
    let attached = vec!["F-2024-0117.pdf".to_owned()];
    assert_eq!(
        codes(&pdf("f-2024-0117.PDF"), &attached),
        ["document.duplicate"]
    );
    assert_eq!(
        codes(
            &DocumentUpload {
                media_type: "application/zip".into(),
                ..pdf("a.zip")
            },
            &[]
        ),
        ["document.media_type"]
    );
    assert_eq!(
        codes(
            &DocumentUpload {
                size_bytes: 10_000_001,
                ..pdf("big.pdf")
            },
            &[]
        ),
        ["document.too_large"]
    );
    let full: Vec<String> = (0..500).map(|i| format!("doc-{i}.pdf")).collect();
    assert_eq!(codes(&pdf("one-more.pdf"), &full), ["document.too_many"]);
    assert_eq!(
        codes(&pdf(&format!("{}.pdf", "x".repeat(252))), &[]),
        ["document.name_too_long"]
    );
}

#[test]
fn documents_golden_and_answers() {
    assert_eq!(
        documents_request(EASY, "OVD-000123").unwrap(),
        request_fixture("overdue_documents")
    );
    let documents =
        parse_documents_response(200, &response("overdue_documents", "typical")).unwrap();
    assert_eq!(
        documents.file_names(),
        ["F-2024-0117.pdf", "statement-of-account.xlsx"]
    );
    assert_eq!(
        documents.documents[0].media_type.as_deref(),
        Some("application/pdf")
    );
    assert_eq!(
        documents.documents[0].uploaded_on.as_deref(),
        Some("2024-04-21")
    );
    assert_eq!(documents.documents[1].media_type, None);
    assert_eq!(documents.documents[1].uploaded_on, None);
    let bare = parse_documents_response(200, &response("overdue_documents", "bare")).unwrap();
    assert_eq!(bare.file_names(), ["contract.docx"]);
    let empty = parse_documents_response(200, &response("overdue_documents", "empty")).unwrap();
    assert!(empty.documents.is_empty());
    assert_eq!(
        parse_documents_response(200, br#"{"documents":[{"mediaType":"image/png"}]}"#)
            .unwrap_err()
            .code(),
        "insurer.malformed"
    );
}

// ---- allowlist, codes ----

#[test]
fn operations_cover_every_browser_call() {
    let find = |method: Method, path: &str| {
        overdue::OVERDUE_OPERATIONS
            .iter()
            .find(|operation| operation.matches(method, path))
            .map(|operation| operation.name)
    };
    let built = [
        catalog_request(EASY).unwrap(),
        declaration_request(EASY, &declaration()).unwrap(),
        unknown_debtor_declaration_request(
            &UnknownDebtor {
                company_name: "X".into(),
                address: Address {
                    street: None,
                    postcode: None,
                    town: None,
                    region: None,
                    country: Country::from_alpha2("FR").unwrap(),
                },
                identifiers: Vec::new(),
                phone: None,
                fax: None,
            },
            &declaration(),
        )
        .unwrap(),
        details_request(EASY, "OVD-1").unwrap(),
        update_request(
            EASY,
            "OVD-1",
            &OverdueUpdate {
                intervention_requested: Some(false),
                ..OverdueUpdate::default()
            },
        )
        .unwrap(),
        convert_to_debt_collection_request(EASY, "OVD-1").unwrap(),
        document_upload_request(EASY, "OVD-1", &pdf("a.pdf"), &[])
            .unwrap()
            .request,
        documents_request(EASY, "OVD-1").unwrap(),
        list_request(&OverdueFilter {
            status: OverdueStatus::Pending,
            customer_reference: None,
            easy_number: None,
        })
        .unwrap(),
    ];
    let names: Vec<_> = built
        .iter()
        .map(|request| find(request.method, &request.path))
        .collect();
    assert_eq!(
        names,
        [
            Some("overdue.catalog"),
            Some("overdue.create"),
            Some("overdue.create_unknown"),
            Some("overdue.details"),
            Some("overdue.update"),
            Some("overdue.convert"),
            Some("overdue.document_upload"),
            Some("overdue.documents"),
            Some("overdue.list"),
        ]
    );
    assert_eq!(find(Method::Delete, "/companies/1/overdues/2"), None);
}

#[test]
fn every_error_code_is_listed() {
    let samples = [
        OverdueRequestError::DebtorNotIdentified {
            easy_number: "Z1".into(),
        },
        OverdueRequestError::NoInvoices,
        OverdueRequestError::InvoiceReferenceMissing,
        OverdueRequestError::DuplicateInvoiceReference {
            reference: "A".into(),
        },
        OverdueRequestError::AmountNotPositive { field: "a".into() },
        OverdueRequestError::DateInvalid {
            field: "d".into(),
            value: "x".into(),
        },
        OverdueRequestError::DueBeforeInvoice { field: "i".into() },
        OverdueRequestError::ContactNameMissing {
            field: "contactPerson",
        },
        OverdueRequestError::DebtorNameMissing,
        OverdueRequestError::IdentifierUnsupported { kind: "k".into() },
        OverdueRequestError::NothingToUpdate,
        OverdueRequestError::StatusRequired,
        OverdueRequestError::Document(Vec::new()),
    ];
    let codes: Vec<&str> = samples.iter().map(OverdueRequestError::code).collect();
    assert_eq!(codes, overdue::CODES);
    assert!(samples.iter().all(|error| !error.to_string().is_empty()));
}

#[test]
fn codes_are_typed_with_other() {
    assert_eq!(DebtType::parse(" ngd "), DebtType::NotCovered);
    assert_eq!(DebtType::NotCovered.as_str(), "NGD");
    assert_eq!(
        OverdueStatus::parse("Pending_debtor_validation"),
        OverdueStatus::PendingDebtorValidation
    );
    assert_eq!(OverdueStatus::parse("pending"), OverdueStatus::Pending);
    assert!(!OverdueStatus::parse("CLOSED").takes_updates());
    assert_eq!(
        serde_json::to_value(OverdueAction::parse("move")).unwrap(),
        serde_json::json!("MOVE")
    );
    assert_eq!(
        serde_json::from_value::<PaymentKind>(serde_json::json!("REFUND")).unwrap(),
        PaymentKind::Other("REFUND".into())
    );
}

proptest! {
    #[test]
    fn overdue_parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), status in 100u16..600) {
        let _ = parse_catalog_response(status, &bytes);
        let _ = parse_receipt_response(status, &bytes);
        let _ = parse_list_response(status, &bytes);
        let _ = parse_details_response(status, &bytes);
        let _ = parse_documents_response(status, &bytes);
        let _ = parse_upload_response(status, &bytes);
    }

    #[test]
    fn details_with_any_values_parse_or_fail_cleanly(
        amount in prop_oneof![Just(serde_json::json!(null)), any::<f64>().prop_map(|x| serde_json::json!(x)), ".{0,24}".prop_map(|x| serde_json::json!(x)), any::<i64>().prop_map(|x| serde_json::json!(x))],
        text in ".{0,30}",
    ) {
        let body = serde_json::json!({
            "overdueId": text, "easyNumber": text, "status": text, "creationDate": text,
            "invoices": [{"invoiceReference": text, "amount": amount, "currencyCode": text, "dueDate": text}],
            "payments": [{"paymentType": text, "amount": amount, "currencyCode": "EUR"}],
            "indemnification": {"amount": amount, "currencyCode": "JPY"},
        });
        let _ = parse_details_response(200, body.to_string().as_bytes());
        let list = serde_json::json!({"overdues": [body], "count": amount});
        let _ = parse_list_response(200, list.to_string().as_bytes());
    }

    #[test]
    fn builders_never_panic(
        easy in ".{0,25}",
        overdue_id in ".{0,20}",
        reference in ".{0,12}",
        date in ".{0,12}",
        minor in any::<i64>(),
    ) {
        let mut declaration = declaration();
        declaration.invoices[0].reference = reference.clone();
        declaration.invoices[0].issue_date = date.clone();
        declaration.invoices[0].amount = eur(minor);
        declaration.payments[0].date = date;
        let _ = declaration_request(&easy, &declaration);
        let update = OverdueUpdate { invoices: declaration.invoices.clone(), ..OverdueUpdate::default() };
        let _ = update_request(&easy, &overdue_id, &update);
        let _ = convert_to_debt_collection_request(&easy, &overdue_id);
        let _ = document_upload_request(&easy, &overdue_id, &pdf(&reference), &[]);
    }
}
