//! Above the list: what the review of instructions is (this browser's), "Mark all
//! shown as reviewed" with its confirmation naming the count, or that the review
//! is unavailable here.

use leptos::either::EitherOf3;
use leptos::html;
use leptos::prelude::*;

use super::ListContext;
use crate::components::instructions_changed::OWN_REVIEW;
use crate::hooks::use_instruction_reviews::ReviewState;
use crate::model::connection::Connection;
use crate::model::text::counted;
use crate::platform;

#[component]
pub fn ReviewBar() -> impl IntoView {
    let ListContext { rows, reviews, .. } = expect_context::<ListContext>();
    // The shown connections whose instructions changed.
    let changed_shown = move || -> Vec<Connection> {
        reviews.changed.with(|changed| {
            if changed.is_empty() {
                return Vec::new();
            }
            rows.with(|rows| {
                rows.positions
                    .iter()
                    .filter_map(|&p| rows.list.connections().get(p))
                    .filter(|c| changed.contains_key(&c.id))
                    .cloned()
                    .collect()
            })
        })
    };
    let count = Memo::new(move |_| changed_shown().len());
    let confirming = RwSignal::new(false);
    let start = NodeRef::<html::Button>::new();
    let confirm = NodeRef::<html::Button>::new();
    Effect::new(move || {
        if confirming.get()
            && let Some(button) = confirm.get()
        {
            let _ = button.focus();
        }
    });
    let cancel = move |_| {
        confirming.set(false);
        request_animation_frame(move || {
            if let Some(button) = start.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let mark_all = move |_| {
        reviews.mark_reviewed(changed_shown());
        confirming.set(false);
        // The bar goes with the last change; the page's heading keeps the place.
        request_animation_frame(|| platform::focus_first(&[".list-view .page__title"]));
    };
    move || match reviews.state.get() {
        ReviewState::Unavailable(reason) => EitherOf3::A(view! {
            <p class="review-bar review-bar--unavailable">
                "Reviewing changes to instructions is unavailable: this browser gives the console no storage ("
                {reason}
                "). Everything else works."
            </p>
        }),
        _ if count.get() == 0 => EitherOf3::B(()),
        _ => EitherOf3::C(view! {
            <div class="review-bar">
                <p class="review-bar__own">{OWN_REVIEW}</p>
                {move || if confirming.get() {
                    let n = count.get();
                    leptos::either::Either::Left(view! {
                        <div class="review-bar__confirm" role="group" aria-label="Confirm">
                            <p>
                                {format!(
                                    "Mark the instructions of {} as reviewed? Their current text becomes what later changes are compared with.",
                                    counted(n, "shown connection", "shown connections"),
                                )}
                            </p>
                            <button type="button" class="button" node_ref=confirm on:click=mark_all>
                                {format!("Mark {n} as reviewed")}
                            </button>
                            <button type="button" class="button button--secondary" on:click=cancel>
                                "Cancel"
                            </button>
                        </div>
                    })
                } else {
                    leptos::either::Either::Right(view! {
                        <button
                            type="button"
                            class="button button--secondary"
                            node_ref=start
                            on:click=move |_| confirming.set(true)
                        >
                            "Mark all shown as reviewed"
                        </button>
                    })
                }}
            </div>
        }),
    }
}
