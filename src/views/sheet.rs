//! A sheet drawn over the list (an institution, a comparison): a modal dialog with the way
//! back and the sample banner. The list stays under it, so "back" finds it where it was.

use leptos::prelude::*;

use crate::views::status::SampleBanner;

/// `labelled_by`: the id of the sheet's heading; `back` leaves the sheet.
pub fn sheet(
    labelled_by: &'static str,
    back_label: &'static str,
    back: impl Fn() + 'static,
    content: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <div class="sheet" role="dialog" aria-modal="true" aria-labelledby=labelled_by>
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
