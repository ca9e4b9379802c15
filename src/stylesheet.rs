//! The widgets' styles, attached so that a strict Content-Security-Policy allows them.
//!
//! A `<style>` element is inline style: a page whose policy has `style-src 'self'` without
//! `'unsafe-inline'` blocks it. A constructable stylesheet adopted by the shadow root (or the
//! document) a widget is rendered in is not inline and is allowed. Where constructable
//! stylesheets are missing (or the widget is not yet in a document), a `<style>` element is the
//! fallback.
//!
//! The mount functions adopt a widget's sheet into its shadow root before rendering
//! ([`adopt_into_shadow_root`]), so the styles are there from the first frame; the component
//! itself ([`use_styles`]) adopts them once rendered where nobody did (a Leptos app using the
//! component directly). Each sheet is marked with the widget's name, so that a root never holds
//! a widget's sheet twice.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, Node, ShadowRoot};

/// The property of an adopted sheet naming the widget it styles.
const MARK: &str = "tradecoverStyles";

/// Where a sheet is adopted: the shadow root or the document holding the widget.
enum StyleRoot {
    Shadow(ShadowRoot),
    Document(Document),
}

impl StyleRoot {
    /// `node` as a root, when it is one that supports adopted stylesheets.
    fn of(node: Node) -> Option<Self> {
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

    /// Whether the root holds the sheet of widget `name` already.
    fn holds(&self, name: &str) -> bool {
        self.sheets().iter().any(|sheet| {
            js_sys::Reflect::get(&sheet, &JsValue::from_str(MARK))
                .is_ok_and(|mark| mark.as_string().as_deref() == Some(name))
        })
    }

    /// Adopts `css` as the sheet of widget `name`; `None` if the browser cannot.
    fn adopt(&self, name: &str, css: &str) -> Option<CssStyleSheet> {
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(css).ok()?;
        js_sys::Reflect::set(&sheet, &JsValue::from_str(MARK), &JsValue::from_str(name)).ok()?;
        let sheets = self.sheets();
        sheets.push(&sheet);
        self.set_sheets(&sheets);
        Some(sheet)
    }
}

/// Adopts `css`, the sheet of widget `name`, into `root` at once, unless it holds it already.
/// Returns whether the root holds it now (`false`: the browser has no constructable sheets).
pub(crate) fn adopt_into_shadow_root(root: &ShadowRoot, name: &str, css: &str) -> bool {
    let Some(root) = StyleRoot::of(root.clone().into()) else {
        return false;
    };
    root.holds(name) || root.adopt(name, css).is_some()
}

/// Attaches `css`, the sheet of widget `name`, for the widget whose outer `<div>` is
/// `container`, once it is rendered (unless its root holds that sheet already), and takes it
/// out again when the widget's owner is cleaned up (unmount).
pub(crate) fn use_styles(container: NodeRef<Div>, name: &'static str, css: &'static str) {
    let styles = StoredValue::new_local(None::<AttachedStyles>);
    Effect::new(move |_| {
        if let Some(element) = container.get() {
            if styles.with_value(Option::is_none) {
                styles.set_value(Some(AttachedStyles::attach(&element, name, css)));
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

/// Styles attached by one widget: a sheet it adopted (taken out again by
/// [`AttachedStyles::detach`]), nothing when its root held the sheet already, or, as the
/// fallback, a `<style>` element inside the widget (which leaves with it).
struct AttachedStyles {
    adopted: Option<(StyleRoot, CssStyleSheet)>,
}

impl AttachedStyles {
    /// Attaches `css` for `element`: adopted by its shadow root or document when the browser
    /// can (nothing to do if the root holds it already), else as a `<style>` element prepended
    /// to `element`.
    fn attach(element: &Element, name: &str, css: &str) -> Self {
        if let Some(root) = StyleRoot::of(element.get_root_node()) {
            if root.holds(name) {
                return Self { adopted: None };
            }
            if let Some(sheet) = root.adopt(name, css) {
                return Self {
                    adopted: Some((root, sheet)),
                };
            }
        }
        if let Some(document) = element.owner_document() {
            if let Ok(style) = document.create_element("style") {
                style.set_text_content(Some(css));
                // Only fails if `element` cannot hold children, which a `<div>` can.
                let _ = element.prepend_with_node_1(&style);
            }
        }
        Self { adopted: None }
    }

    /// Takes a sheet this widget adopted out of its root again.
    fn detach(&self) {
        if let Some((root, sheet)) = &self.adopted {
            let sheet: &JsValue = sheet.as_ref();
            let remaining = root.sheets().filter(&mut |each, _, _| each != *sheet);
            root.set_sheets(&remaining);
        }
    }
}
