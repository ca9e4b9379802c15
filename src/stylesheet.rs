//! The widgets' styles, attached so that a strict Content-Security-Policy allows them.
//!
//! A `<style>` element is inline style: a page whose policy has `style-src 'self'` without
//! `'unsafe-inline'` blocks it. A constructable stylesheet adopted by the shadow root (or the
//! document) a widget is rendered in is not inline and is allowed. Where constructable
//! stylesheets are missing (or the widget is not yet in a document), a `<style>` element is the
//! fallback.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot};

/// Where a sheet is adopted: the shadow root or the document holding the box.
enum StyleRoot {
    Shadow(ShadowRoot),
    Document(Document),
}

impl StyleRoot {
    /// The root of `element`, when it supports adopted stylesheets.
    fn of(element: &Element) -> Option<Self> {
        let node = element.get_root_node();
        let supported =
            js_sys::Reflect::has(&node, &JsValue::from_str("adoptedStyleSheets")).unwrap_or(false);
        if !supported {
            return None;
        }
        match node.dyn_into::<ShadowRoot>() {
            Ok(shadow) => Some(Self::Shadow(shadow)),
            Err(node) => node.dyn_into::<Document>().ok().map(Self::Document),
        }
    }

    fn sheets(&self) -> js_sys::Array {
        let sheets = match self {
            Self::Shadow(root) => root.adopted_style_sheets(),
            Self::Document(document) => document.adopted_style_sheets(),
        };
        // A copy: older engines hand out a frozen array.
        js_sys::Array::from(&sheets)
    }

    fn set_sheets(&self, sheets: &js_sys::Array) {
        match self {
            Self::Shadow(root) => root.set_adopted_style_sheets(sheets),
            Self::Document(document) => document.set_adopted_style_sheets(sheets),
        }
    }
}

/// Attaches `css` for the widget whose outer `<div>` is `container`, once it is rendered, and
/// takes it out again when the widget's owner is cleaned up (unmount).
pub(crate) fn use_styles(container: NodeRef<Div>, css: &'static str) {
    let styles = StoredValue::new_local(None::<AttachedStyles>);
    Effect::new(move |_| {
        if let Some(element) = container.get() {
            if styles.with_value(Option::is_none) {
                styles.set_value(Some(AttachedStyles::attach(&element, css)));
            }
        }
    });
    on_cleanup(move || {
        styles.try_update_value(|styles| {
            if let Some(styles) = styles.take() {
                styles.detach();
            }
        });
    });
}

/// Styles attached to one widget: an adopted sheet (taken out again by
/// [`AttachedStyles::detach`]) or, as the fallback, a `<style>` element inside the widget (which
/// leaves with it).
pub(crate) struct AttachedStyles {
    adopted: Option<(StyleRoot, CssStyleSheet)>,
}

impl AttachedStyles {
    /// Attaches `css` for `element`: adopted by its shadow root or document when the browser
    /// can, else as a `<style>` element prepended to `element`.
    pub(crate) fn attach(element: &Element, css: &str) -> Self {
        let adopted = adopt(element, css);
        if adopted.is_none() {
            if let Some(document) = element.owner_document() {
                if let Ok(style) = document.create_element("style") {
                    style.set_text_content(Some(css));
                    // Only fails if `element` cannot hold children, which a `<div>` can.
                    let _ = element.prepend_with_node_1(&style);
                }
            }
        }
        Self { adopted }
    }

    /// Takes an adopted sheet out of its root again.
    pub(crate) fn detach(&self) {
        if let Some((root, sheet)) = &self.adopted {
            let sheet: &JsValue = sheet.as_ref();
            let remaining = root.sheets().filter(&mut |each, _, _| each != *sheet);
            root.set_sheets(&remaining);
        }
    }
}

/// `css` as a constructable sheet adopted by the root of `element`, if the browser can.
fn adopt(element: &Element, css: &str) -> Option<(StyleRoot, CssStyleSheet)> {
    let root = StyleRoot::of(element)?;
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(css).ok()?;
    let sheets = root.sheets();
    sheets.push(&sheet);
    root.set_sheets(&sheets);
    Some((root, sheet))
}
