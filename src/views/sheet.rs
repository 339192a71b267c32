//! A sheet drawn over the list (an institution, a comparison): a modal dialog with the way
//! back and the sample banner. The list stays under it, so "back" finds it where it was. The
//! tap that opened it does not also act in it, and closing it puts the focus back on what
//! opened it.

use std::cell::RefCell;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::views::status::SampleBanner;

/// A double tap's second tap follows the first within about 300 ms (Android's double-tap
/// timeout) and lands next to it. Such a tap in a sheet just opened by the first meant the
/// card, not the 打电话 button that has appeared under the finger; a tap elsewhere on the
/// sheet, or a moment later, is the parent's own.
const SECOND_TAP_MS: f64 = 400.0;
const SECOND_TAP_PX: i32 = 48;

struct Opener {
    element: web_sys::HtmlElement,
    /// The opening tap: its `Event.timeStamp` (the clock of every later event's) and where
    /// it landed. None when the keyboard opened the sheet: no second tap can follow.
    tap: Option<(f64, i32, i32)>,
    /// When it was opened, which tells this opening from a later one.
    at: f64,
}

thread_local! {
    static OPENER: RefCell<Option<Opener>> = const { RefCell::new(None) };
}

/// `labelled_by`: the id of the sheet's heading; `back` leaves the sheet.
pub fn sheet(
    labelled_by: &'static str,
    back_label: &'static str,
    back: impl Fn() + 'static,
    content: impl IntoView + 'static,
) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    guard(root);
    view! {
        <div
            class="sheet"
            role="dialog"
            aria-modal="true"
            aria-labelledby=labelled_by
            node_ref=root
        >
            <div class="sheet-bar">
                <button type="button" class="button back" on:click=move |_| back()>
                    {back_label}
                </button>
            </div>
            <SampleBanner />
            {content}
        </div>
    }
}

/// Called by what opens a sheet (a card, the compare button, the map's card) with its click.
pub fn opened_by(ev: &web_sys::MouseEvent) {
    let element = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
    OPENER.with(|o| {
        *o.borrow_mut() = element.map(|element| Opener {
            element,
            // A click the keyboard made (Enter on the card) has a `detail` of 0.
            tap: (ev.detail() > 0).then(|| (ev.time_stamp(), ev.client_x(), ev.client_y())),
            at: ev.time_stamp(),
        })
    });
}

/// Wires a sheet's root: clicks in it during a double tap's second tap are dropped before any
/// of its buttons or links sees them, and on close the opener gets the focus back.
fn guard(sheet: NodeRef<html::Div>) {
    let (opened_at, tap) = OPENER.with(|o| {
        let o = o.borrow();
        (o.as_ref().map(|o| o.at), o.as_ref().and_then(|o| o.tap))
    });
    let listener = StoredValue::new_local(None::<Closure<dyn Fn(web_sys::MouseEvent)>>);
    Effect::new(move |_| {
        let (Some(root), Some((at, x, y))) = (sheet.get(), tap) else {
            return;
        };
        if listener.with_value(Option::is_some) {
            return;
        }
        let drop_second_tap =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                let near = (ev.client_x() - x).abs() <= SECOND_TAP_PX
                    && (ev.client_y() - y).abs() <= SECOND_TAP_PX;
                if near && ev.time_stamp() - at < SECOND_TAP_MS {
                    ev.prevent_default();
                    ev.stop_propagation();
                }
            });
        // Capture: before the link's default (tel:) and before Leptos's delegated handlers.
        let _ = root.add_event_listener_with_callback_and_bool(
            "click",
            drop_second_tap.as_ref().unchecked_ref(),
            true,
        );
        listener.set_value(Some(drop_second_tap));
    });
    on_cleanup(move || {
        // Only this sheet's opener: one opened from inside it (a detail from the comparison)
        // has recorded its own, which that sheet gives back.
        let mine = |o: &Opener| Some(o.at) == opened_at;
        let Some(opener) = OPENER.with(|o| {
            let mut o = o.borrow_mut();
            o.as_ref().is_some_and(mine).then(|| o.take()).flatten()
        }) else {
            return;
        };
        // After the list under the sheet is no longer inert, or the focus would not move.
        crate::platform::after_paint(Box::new(move || {
            if opener.element.is_connected() {
                let _ = opener.element.focus();
            }
        }));
    });
}
